//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in
//! `python/compare_actor_scheduler.py`, the protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p generator-schedulers --example generator-schedulers-compare -- actor-scheduler --runs 5 --size 100000
//! ```

use std::cell::RefCell;
use std::collections::VecDeque;
use std::hint::black_box;
use std::process::ExitCode;

use generator_schedulers::actor::{ActorScheduler, Counter, Printer};
use generator_schedulers::indexed::IndexedScheduler;
use harness::compare::{self, Result, Run, check};

fn main() -> ExitCode {
    compare::main(
        env!("CARGO_PKG_NAME"),
        &[("actor-scheduler", actor_scheduler)],
    )
}

/// The cookbook's counter and printer actors passing `size` messages (the
/// counter counts down from `size / 2`), on the lesson's `ActorScheduler`
/// (by name) and on its `IndexedScheduler` (by `ActorId`: the by-name
/// scheduler made fast); then on the best tool, the same loop with the actors in a `Vec`
/// and messages that name them by index instead of by a string looked up
/// in a `HashMap`, with nothing general about it: no boxed actors, no
/// stack probe.
fn actor_scheduler(run: &mut Run) -> Result {
    let start = run.size / 2;
    let expected = |delivered: u64, printed: usize| {
        check(
            delivered == 2 * start + 1 && printed as u64 == start,
            || {
                format!(
                    "{delivered} messages delivered and {printed} printed, counting down from {start}"
                )
            },
        )
    };
    run.timed("scheduler", || {
        let printed = RefCell::new(Vec::with_capacity(start as usize));
        let mut scheduler = ActorScheduler::default();
        scheduler.new_actor("printer", Printer::new(&printed));
        scheduler.new_actor("counter", Counter::new("counter", "printer"));
        scheduler.send("counter", start);
        let report = scheduler.run();
        expected(report.delivered, black_box(printed.borrow().len()))
    })?;
    run.timed("indexed", || {
        let printed = RefCell::new(Vec::with_capacity(start as usize));
        let mut scheduler = IndexedScheduler::default();
        let printer = scheduler.new_actor(|_| Printer::new(&printed));
        let counter = scheduler.new_actor(|me| Counter::new(me, printer));
        scheduler.send(counter, start);
        let report = scheduler.run();
        expected(report.delivered, black_box(printed.borrow().len()))
    })?;
    run.timed("vec_loop", || {
        let (delivered, printed) = vec_indexed_actors(start);
        expected(delivered, black_box(printed.len()))
    })
}

/// The counter and the printer as slots in a `Vec`, addressed by index.
fn vec_indexed_actors(start: u64) -> (u64, Vec<String>) {
    #[derive(Clone, Copy)]
    enum Actor {
        Printer,
        Counter { printer: usize, me: usize },
    }
    const PRINTER: usize = 0;
    const COUNTER: usize = 1;
    // A `Vec`, as a scheduler that can add actors needs: an actor's
    // address is the index of its slot.
    let mut actors: Vec<Option<Actor>> = Vec::from([
        Some(Actor::Printer),
        Some(Actor::Counter {
            printer: PRINTER,
            me: COUNTER,
        }),
    ]);

    let mut printed = Vec::with_capacity(start as usize);
    let mut queue = VecDeque::from([(COUNTER, start)]);
    let mut delivered = 0;
    while let Some((to, n)) = queue.pop_front() {
        let Some(actor) = actors[to] else {
            continue; // the actor has stopped: the message is dropped
        };
        delivered += 1;
        match actor {
            Actor::Printer => printed.push(format!("Got: {n}")),
            Actor::Counter { .. } if n == 0 => actors[to] = None,
            Actor::Counter { printer, me } => {
                queue.push_back((printer, n));
                queue.push_back((me, n - 1));
            }
        }
    }
    (delivered, printed)
}
