//! The answer to `generator-schedulers-round-robin`: tasks as state
//! machines, run one step at a time in turn. (The exercise and its task:
//! crates/generator-schedulers/exercises/src/round_robin.rs.)

use std::collections::VecDeque;
use std::fmt;

/// What a task reports after one step: Python's `yield`, or `StopIteration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The task stopped at a yield point and wants to run again.
    Yielded,
    /// The task has finished.
    Done,
}

/// A task that runs in steps, writing what it prints to `out`.
pub trait Task {
    /// The task's name, for reports: `countdown(10)`.
    fn name(&self) -> String;

    /// Runs from the current yield point to the next one (or to the end).
    fn step(&mut self, out: &mut Vec<String>) -> Step;
}

/// Python's `countdown(n)`: `T-minus n` down to `T-minus 1`, a yield after
/// each, then `Blastoff!`.
#[derive(Debug)]
pub struct Countdown {
    start: u32,
    /// The generator's loop variable: the field *is* the saved frame.
    n: u32,
}

impl Countdown {
    pub fn new(n: u32) -> Countdown {
        Countdown { start: n, n }
    }
}

impl Task for Countdown {
    fn name(&self) -> String {
        format!("countdown({})", self.start)
    }

    fn step(&mut self, out: &mut Vec<String>) -> Step {
        if self.n > 0 {
            out.push(format!("T-minus {}", self.n));
            self.n -= 1;
            Step::Yielded
        } else {
            out.push("Blastoff!".to_owned());
            Step::Done
        }
    }
}

/// Python's `countup(n)`: `Counting up 0` to `Counting up n-1`, a yield
/// after each; resumed after its last yield, it finishes printing nothing.
#[derive(Debug)]
pub struct Countup {
    n: u32,
    x: u32,
}

impl Countup {
    pub fn new(n: u32) -> Countup {
        Countup { n, x: 0 }
    }
}

impl Task for Countup {
    fn name(&self) -> String {
        format!("countup({})", self.n)
    }

    fn step(&mut self, out: &mut Vec<String>) -> Step {
        if self.x < self.n {
            out.push(format!("Counting up {}", self.x));
            self.x += 1;
            Step::Yielded
        } else {
            Step::Done
        }
    }
}

/// Python's `TaskScheduler`: a queue of tasks, each run one step at a time.
#[derive(Default)]
pub struct TaskScheduler {
    queue: VecDeque<Box<dyn Task>>,
}

impl TaskScheduler {
    /// Puts `task` at the back of the queue.
    pub fn spawn(&mut self, task: impl Task + 'static) {
        self.queue.push_back(Box::new(task));
    }

    /// Runs every task to the end, round robin: the front task runs one
    /// step and goes to the back, unless it finished. Returns the names of
    /// the tasks in the order they finished.
    pub fn run(mut self, out: &mut Vec<String>) -> Vec<String> {
        let mut finished = Vec::new();
        while let Some(mut task) = self.queue.pop_front() {
            match task.step(out) {
                Step::Yielded => self.queue.push_back(task),
                Step::Done => finished.push(task.name()),
            }
        }
        finished
    }
}

impl fmt::Debug for TaskScheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskScheduler")
            .field("queued", &self.queue.len())
            .finish()
    }
}
