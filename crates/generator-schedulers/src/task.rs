//! Tasks as hand-written state machines, and a round-robin scheduler.
//!
//! A Python generator keeps its local variables and its place between two
//! `next()` calls. Without generators we keep them ourselves: the struct's
//! fields are the locals, and `step()` runs the code from one `yield` to the
//! next.

use std::collections::VecDeque;

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
    /// The task's name, for reports.
    fn name(&self) -> String;

    /// Runs from the current yield point to the next one (or to the end).
    fn step(&mut self, out: &mut Vec<String>) -> Step;
}

// ANCHOR: countdown
/// Python's `countdown(n)`: prints `T-minus n` down to 1, then `Blastoff!`.
///
/// ```python
/// def countdown(n):
///     for left in range(n, 0, -1):
///         print(f"T-minus {left}")
///         yield  # back to the scheduler; the next next() resumes here
///     print("Blastoff!")
/// ```
#[derive(Debug)]
pub struct Countdown {
    /// The argument, kept for the task's name.
    n: u32,
    /// The generator's loop variable `left`. The fields are the saved
    /// stack frame: all a step needs to carry on where the last one stopped.
    left: u32,
}

impl Countdown {
    pub fn new(n: u32) -> Self {
        Countdown { n, left: n }
    }
}

impl Task for Countdown {
    fn name(&self) -> String {
        format!("countdown({})", self.n)
    }

    fn step(&mut self, out: &mut Vec<String>) -> Step {
        if self.left > 0 {
            out.push(format!("T-minus {}", self.left));
            // Python's loop steps `left` when it resumes; stepping it before
            // we return instead changes nothing a caller can see (the field
            // is private, where Python's frame can be peeked at).
            self.left -= 1;
            Step::Yielded
        } else {
            out.push("Blastoff!".to_owned());
            Step::Done
        }
    }
}
// ANCHOR_END: countdown

/// Python's `countup(n)`: prints `Counting up 0` to `n - 1`.
///
/// Its last step prints nothing: like the generator, it is resumed once more
/// after its last `yield`, finds `x == n` and finishes.
#[derive(Debug)]
pub struct Countup {
    n: u32,
    x: u32,
}

impl Countup {
    pub fn new(n: u32) -> Self {
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

// ANCHOR: scheduler
/// Python's `TaskScheduler`: a queue of tasks, each run one step at a time.
///
/// ```
/// use generator_schedulers::task::{Countdown, Countup, TaskScheduler};
///
/// let mut scheduler = TaskScheduler::default();
/// scheduler.spawn(Countdown::new(2));
/// scheduler.spawn(Countup::new(2));
/// let mut out = Vec::new();
/// let finished = scheduler.run(&mut out);
/// assert_eq!(out, ["T-minus 2", "Counting up 0", "T-minus 1", "Counting up 1", "Blastoff!"]);
/// assert_eq!(finished, ["countdown(2)", "countup(2)"]);
/// ```
#[derive(Default)]
pub struct TaskScheduler {
    queue: VecDeque<Box<dyn Task>>,
}

impl TaskScheduler {
    pub fn spawn(&mut self, task: impl Task + 'static) {
        self.queue.push_back(Box::new(task));
    }

    /// Runs every task to the end, round robin, and returns the names of the
    /// tasks in the order they finished.
    ///
    /// The order is fixed by the code alone: one thread, a FIFO queue, and
    /// tasks that give up control only at their yield points. No scheduler
    /// outside the program gets a say.
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
// ANCHOR_END: scheduler

impl std::fmt::Debug for TaskScheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskScheduler")
            .field("queued", &self.queue.len())
            .finish()
    }
}
