//! The marks `one_thread_runtime` makes for the chapter's pictures: the
//! loop's thread waiting in `epoll_wait` while every task waits, running
//! the tasks' turns otherwise. Its own test binary, because recording is on
//! for the whole process once a test turns it on.

use std::time::Duration;

use async_tasks::one_thread_runtime;

const NAP: Duration = Duration::from_millis(30);

/// The `dur` of every event of category `cat` named `name`, in µs (the
/// recorder writes one event a line).
fn durations(trace: &str, cat: &str, name: &str) -> Vec<f64> {
    let (cat, name) = (format!("\"cat\":\"{cat}\""), format!("\"name\":\"{name}\""));
    trace
        .lines()
        .filter(|line| line.contains(&cat) && line.contains(&name))
        .filter_map(|line| {
            let rest = &line[line.find("\"dur\":")? + "\"dur\":".len()..];
            rest[..rest.find([',', '}'])?].parse().ok()
        })
        .collect()
}

#[test]
fn the_loop_thread_waits_while_every_task_sleeps_and_runs_their_turns_otherwise() {
    let dir = std::env::temp_dir().join(format!("async-tasks-pictures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let path = dir.join("trace.json");
    assert!(
        trace::record_to(&path),
        "nothing else records in this test binary"
    );

    let runtime = one_thread_runtime().expect("a one-thread runtime");
    runtime.block_on(async {
        let sleepers: Vec<_> = (0..3)
            .map(|_| tokio::spawn(tokio::time::sleep(NAP)))
            .collect();
        for sleeper in sleepers {
            sleeper.await.expect("sleeping does not panic");
        }
    });
    drop(runtime); // ends the mark in hand
    trace::finish().expect("the trace is written");

    let text = std::fs::read_to_string(&path).expect("the trace file");
    let _ = std::fs::remove_dir_all(&dir);
    let waits = durations(&text, "wait.io", "epoll_wait");
    let longest = waits.iter().copied().fold(0.0, f64::max);
    // The three sleeps overlap: one wait of about the nap, not three.
    assert!(longest >= 0.8 * NAP.as_micros() as f64, "{waits:?}");
    let waited: f64 = waits.iter().sum();
    assert!(waited < 2.0 * NAP.as_micros() as f64, "{waits:?}");
    let turns = durations(&text, "run", "tasks' turns");
    assert!(
        turns.len() >= 2,
        "a turn before the wait and one after: {turns:?}"
    );
}
