//! The `queues` lesson: pipelines and producer/consumer (Effective Python
//! Item 55, Python Cookbook 12.3). The chapter is `book/src/queues.md`.
//!
//! Read it top to bottom: `main` runs one function per section, and the
//! sections live in `src/sections/`, grouped by what they do:
//! `problems.rs` shows what goes wrong with a hand-made polling queue,
//! `building.rs` builds the fix a step at a time (the queues themselves are
//! the library, in `src/`), `using.rs` puts the finished queue to work
//! beside crossbeam's channels, and `fast.rs` makes the hand-built queue
//! fast. Threads here never print: they return what they saw, or the queue
//! records it, and the main thread prints once it has joined them, so the
//! output is the same on every run.

use std::process::ExitCode;

mod sections;

use sections::{building, fast, problems, using};

fn main() -> ExitCode {
    if std::env::args().len() > 1 {
        eprintln!("usage: queues\n(the lesson takes no arguments: run `cargo run -p queues`)");
        return ExitCode::from(2);
    }
    // What goes wrong with a queue that cannot wait.
    problems::polling_workers_busy_wait();
    problems::a_stop_flag_strands_queued_work();
    problems::a_slow_stage_makes_the_queue_grow();
    // The fix, one step at a time.
    building::a_blocking_get_sleeps_until_an_item_arrives();
    building::with_capacity_one_put_waits_for_get();
    building::a_bounded_queue_keeps_the_backlog_short();
    building::join_waits_until_every_item_is_done();
    building::close_ends_every_consumers_loop();
    // The finished queue at work, and what real code would use.
    using::a_pipeline_with_several_workers_per_stage();
    using::the_same_pipeline_on_crossbeam_channels();
    using::a_sentinel_against_close_by_drop();
    using::a_priority_queue_serves_the_highest_first();
    // The hand-built queue made fast.
    fast::a_faster_queue_notifies_only_when_someone_sleeps();
    ExitCode::SUCCESS
}
