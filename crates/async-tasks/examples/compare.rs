//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in `python/compare_crowd.py`, the
//! protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p async-tasks --example async-tasks-compare -- crowd --runs 5 --size 10000
//! ```

use std::process::ExitCode;
use std::time::Duration;

use async_tasks::cost::{crowd_of_tasks, crowd_of_threads};
use harness::compare::{self, Result, Run, check};

fn main() -> ExitCode {
    compare::main(env!("CARGO_PKG_NAME"), &[("crowd", crowd)])
}

/// How long each task or thread sleeps.
const NAP: Duration = Duration::from_millis(100);
/// A thread's stack: enough for a nap.
const STACK: usize = 64 * 1024;

/// What it costs to start a task, and a thread: `size` tasks that each
/// sleep `NAP` on a one-thread tokio runtime, then a tenth as many threads
/// with 64 KiB stacks that do the same (the lesson's `crowd_of_tasks` and
/// `crowd_of_threads`). The time reported for a run is the lesson's own
/// measure, per task or thread: the fastest tenth of the starting loop,
/// divided by its size. (The Python side measures the same way.)
fn crowd(run: &mut Run) -> Result {
    let tasks = usize::try_from(run.size).map_err(|_| "--size must fit in a usize")?;
    let threads = (tasks / 10).max(1);
    run.fact("threads", threads);
    run.fact("nap", format!("{} ms", NAP.as_millis()));
    run.measured("tasks", || {
        let crowd = crowd_of_tasks(tasks, || tokio::time::sleep(NAP)).map_err(|e| e.to_string())?;
        check(crowd.count == tasks, || {
            format!("{} started, not {tasks}", crowd.count)
        })?;
        Ok(crowd.start_each)
    })?;
    run.measured("threads", || {
        let crowd = crowd_of_threads(threads, STACK, NAP).map_err(|e| e.to_string())?;
        check(crowd.count == threads, || {
            format!("{} started, not {threads}", crowd.count)
        })?;
        Ok(crowd.start_each)
    })
}
