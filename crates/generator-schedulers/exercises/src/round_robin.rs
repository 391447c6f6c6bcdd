//! # Exercise `generator-schedulers-round-robin`: tasks take turns
//!
//! Read first, in book/src/generator-schedulers.md (`cargo xtask learn`
//! prints the link to the section): "A task is a state machine" and "Round
//! robin gives a fixed interleaving".
//!
//! A Python generator keeps its locals and its place between two `next()`
//! calls. Without generators you keep them yourself: the struct's fields
//! are the locals, and `step()` runs the code from one `yield` to the next.
//!
//! - `Countdown::step`: `T-minus n`, and yield; after `T-minus 1`'s yield,
//!   the next step writes `Blastoff!` and is `Done`;
//! - `Countup::step`: `Counting up x` for x = 0 to n-1, a yield after each;
//!   the step after the last yield writes nothing and is `Done`;
//! - `TaskScheduler::run`: the cookbook's loop. Take the task at the front,
//!   run **one** step, put it at the back unless it is done (then note its
//!   name). Repeat until the queue is empty.
//!
//! The tests run the cookbook's program, countdown(10), countdown(5) and
//! countup(15), and compare your output line for line with what CPython
//! printed for it (`tests/cpython_output.txt`): T-minus 10, T-minus 5,
//! Counting up 0, T-minus 9, ...
//!
//! No threads: nothing to model-check. The order is yours alone.
//!
//! Check it: `cargo xtask learn check generator-schedulers-round-robin`.

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
    // TODO: the generator's loop variable (where it has got to).
}

impl Countdown {
    pub fn new(n: u32) -> Countdown {
        // TODO
        todo!("Countdown::new")
    }
}

impl Task for Countdown {
    fn name(&self) -> String {
        format!("countdown({})", self.start)
    }

    fn step(&mut self, out: &mut Vec<String>) -> Step {
        // TODO: one number and `Yielded`, or `Blastoff!` and `Done`.
        todo!("Countdown::step")
    }
}

/// Python's `countup(n)`: `Counting up 0` to `Counting up n-1`, a yield
/// after each; resumed after its last yield, it finishes printing nothing.
#[derive(Debug)]
pub struct Countup {
    n: u32,
    // TODO: the generator's loop variable.
}

impl Countup {
    pub fn new(n: u32) -> Countup {
        // TODO
        todo!("Countup::new")
    }
}

impl Task for Countup {
    fn name(&self) -> String {
        format!("countup({})", self.n)
    }

    fn step(&mut self, out: &mut Vec<String>) -> Step {
        // TODO: one line and `Yielded`, or nothing and `Done`.
        todo!("Countup::step")
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
    pub fn run(self, out: &mut Vec<String>) -> Vec<String> {
        // TODO: pop the front task, one step, back of the queue or finished.
        todo!("TaskScheduler::run")
    }
}

impl fmt::Debug for TaskScheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskScheduler")
            .field("queued", &self.queue.len())
            .finish()
    }
}
