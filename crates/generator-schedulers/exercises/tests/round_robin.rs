//! `generator-schedulers-round-robin`: the behaviour, with exact
//! expectations: the cookbook's program, line for line as CPython printed it.

use generator_schedulers_exercises::round_robin::{Countdown, Countup, Step, Task, TaskScheduler};

/// What CPython printed for the cookbook's program: countdown(10),
/// countdown(5) and countup(15) on its `TaskScheduler`.
const CPYTHON: &str = include_str!("cpython_output.txt");

#[test]
fn a_countdown_steps_like_its_generator() {
    let mut task = Countdown::new(2);
    let mut out = Vec::new();
    assert_eq!(task.name(), "countdown(2)");
    assert_eq!(task.step(&mut out), Step::Yielded);
    assert_eq!(out, ["T-minus 2"]);
    assert_eq!(task.step(&mut out), Step::Yielded);
    assert_eq!(task.step(&mut out), Step::Done);
    assert_eq!(out, ["T-minus 2", "T-minus 1", "Blastoff!"]);
}

#[test]
fn a_countup_finishes_one_step_after_its_last_line() {
    let mut task = Countup::new(2);
    let mut out = Vec::new();
    assert_eq!(task.name(), "countup(2)");
    assert_eq!(task.step(&mut out), Step::Yielded);
    assert_eq!(task.step(&mut out), Step::Yielded);
    assert_eq!(out, ["Counting up 0", "Counting up 1"]);
    assert_eq!(
        task.step(&mut out),
        Step::Done,
        "resumed after its last yield, the generator ends, printing nothing"
    );
    assert_eq!(out.len(), 2);
}

#[test]
fn the_cookbooks_program_interleaves_exactly_as_cpython_printed_it() {
    let mut scheduler = TaskScheduler::default();
    scheduler.spawn(Countdown::new(10));
    scheduler.spawn(Countdown::new(5));
    scheduler.spawn(Countup::new(15));
    let mut out = Vec::new();
    let finished = scheduler.run(&mut out);
    let expected: Vec<&str> = CPYTHON.lines().collect();
    assert_eq!(
        out, expected,
        "round robin: one step per task per turn, then to the back of the queue \
         (T-minus 10, T-minus 5, Counting up 0, T-minus 9, ...)"
    );
    assert_eq!(finished, ["countdown(5)", "countdown(10)", "countup(15)"]);
}

#[test]
fn tasks_leave_the_queue_when_they_finish_and_the_others_go_on() {
    let mut scheduler = TaskScheduler::default();
    scheduler.spawn(Countup::new(3));
    scheduler.spawn(Countdown::new(1));
    scheduler.spawn(Countup::new(0));
    let mut out = Vec::new();
    let finished = scheduler.run(&mut out);
    assert_eq!(
        out,
        [
            "Counting up 0",
            "T-minus 1",
            "Counting up 1",
            "Blastoff!",
            "Counting up 2",
        ],
        "round robin: one step per task per turn"
    );
    assert_eq!(finished, ["countup(0)", "countdown(1)", "countup(3)"]);
}

#[test]
fn an_empty_scheduler_finishes_at_once() {
    let mut out = Vec::new();
    assert!(TaskScheduler::default().run(&mut out).is_empty());
    assert!(out.is_empty());
}
