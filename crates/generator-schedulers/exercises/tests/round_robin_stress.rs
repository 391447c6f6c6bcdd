//! `generator-schedulers-round-robin` under load: no threads here, so
//! "stress" means many tasks and many turns. A thousand countdowns of
//! different lengths, checked against a plain simulation of round robin.

use generator_schedulers_exercises::round_robin::{Countdown, TaskScheduler};

/// Round robin over countdowns, simulated: `(lines, finished names)`.
fn simulate(starts: &[u32]) -> (Vec<String>, Vec<String>) {
    let mut alive: Vec<(u32, u32)> = starts.iter().map(|&n| (n, n)).collect();
    let (mut lines, mut finished) = (Vec::new(), Vec::new());
    while !alive.is_empty() {
        let mut next = Vec::new();
        for (start, n) in alive {
            if n > 0 {
                lines.push(format!("T-minus {n}"));
                next.push((start, n - 1));
            } else {
                lines.push("Blastoff!".to_owned());
                finished.push(format!("countdown({start})"));
            }
        }
        alive = next;
    }
    (lines, finished)
}

#[test]
fn a_thousand_tasks_take_their_turns_exactly() {
    for round in 0..5u32 {
        let starts: Vec<u32> = (0..1_000u32).map(|i| (i * 7 + round * 13) % 97).collect();
        let mut scheduler = TaskScheduler::default();
        for &n in &starts {
            scheduler.spawn(Countdown::new(n));
        }
        let mut out = Vec::new();
        let finished = scheduler.run(&mut out);
        let (lines, names) = simulate(&starts);
        assert_eq!(out.len(), lines.len(), "round {round}");
        assert!(out == lines, "round {round}: one step per task per turn");
        assert_eq!(finished, names, "round {round}");
    }
}
