//! Every verdict the lesson prints can come out "no". Each control here runs
//! a broken variant of the claim for real, feeds what it measured to the
//! same function in `src/verdict.rs` that `main.rs` prints, and asserts the
//! answer opposite to the snapshot's: every verdict in the snapshot is
//! "yes", so every control expects "no". `same_lines` stands behind two
//! claims with different broken variants, so it has a control for each, in
//! a module named after the section.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use generator_schedulers::actor::{ActorScheduler, Counter, Printer, converse_directly};
use generator_schedulers::executor::{Executor, yield_now};
use generator_schedulers::verdict::{kept_the_stack_flat, stalled};
use kit::Verdict;

/// The claims `same_lines` stands behind.
mod same_lines {
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    use generator_schedulers::actor::{ActorScheduler, Counter, Printer};
    use generator_schedulers::executor::{countdown, countup};
    use generator_schedulers::indexed::IndexedScheduler;
    use generator_schedulers::task::{Countdown, Countup, TaskScheduler};
    use generator_schedulers::verdict::same_lines;
    use kit::Verdict;

    /// `an_async_fn_is_a_state_machine_the_compiler_writes`, with the three
    /// futures on an executor that does not take turns: it polls the first
    /// until it is done, then the next. Every task still runs to the end,
    /// but the interleaving is gone.
    #[test]
    fn verdict_same_lines_can_fail() {
        let out = RefCell::new(Vec::new());
        let mut futures: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = vec![
            Box::pin(countdown(10, &out)),
            Box::pin(countdown(5, &out)),
            Box::pin(countup(15, &out)),
        ];
        let mut cx = Context::from_waker(Waker::noop());
        for future in &mut futures {
            while future.as_mut().poll(&mut cx) == Poll::Pending {}
        }
        drop(futures);
        let mut by_hand = Vec::new();
        let mut scheduler = TaskScheduler::default();
        scheduler.spawn(Countdown::new(10));
        scheduler.spawn(Countdown::new(5));
        scheduler.spawn(Countup::new(15));
        scheduler.run(&mut by_hand);

        let out = out.into_inner();
        assert_eq!(out.len(), by_hand.len(), "the same lines...");
        assert_eq!(
            same_lines(&out, &by_hand),
            Verdict::No,
            "...in another order"
        );
    }

    /// `by_index_the_same_conversation`, with the counter wired to a
    /// printer's `ActorId` from another scheduler (an id means nothing
    /// outside the scheduler that gave it out): every message for the
    /// printer is dropped, and nothing is printed.
    mod by_index {
        use super::*;

        #[test]
        fn verdict_same_lines_can_fail() {
            let by_name = RefCell::new(Vec::new());
            let mut scheduler = ActorScheduler::default();
            scheduler.new_actor("printer", Printer::new(&by_name));
            scheduler.new_actor("counter", Counter::new("counter", "printer"));
            scheduler.send("counter", 100);
            scheduler.run();

            let elsewhere = RefCell::new(Vec::<String>::new());
            let mut other = IndexedScheduler::<u64>::default();
            for _ in 0..2 {
                other.new_actor(|_| Printer::new(&elsewhere));
            }
            let printer_there = other.new_actor(|_| Printer::new(&elsewhere));

            let printed = RefCell::new(Vec::new());
            let mut scheduler = IndexedScheduler::default();
            let counter = scheduler.new_actor(|me| Counter::new(me, printer_there));
            scheduler.new_actor(|_| Printer::new(&printed));
            scheduler.send(counter, 100);
            let report = scheduler.run();
            assert_eq!((report.delivered, report.dropped), (101, 100));
            assert_eq!(
                same_lines(&printed.into_inner(), &by_name.into_inner()),
                Verdict::No
            );
        }
    }
}

/// `actors_pass_messages_without_recursion`'s check, with the scheduler's
/// run replaced by the broken variant: the counter and the printer calling
/// each other directly (from 500), measured by the same probe, against the
/// same reference as `main.rs` (the direct conversation from 1 000). Every
/// message nests inside the one before.
#[test]
fn verdict_kept_the_stack_flat_can_fail() {
    let mut printed = Vec::new();
    let nested = converse_directly(500, &mut printed);
    let mut printed = Vec::new();
    let reference = converse_directly(1_000, &mut printed);
    assert_eq!(nested.deepest, 501);
    assert_eq!(kept_the_stack_flat(&nested, &reference), Verdict::No);

    // The scheduler's own run, against the same reference, does pass: the
    // reference is not what makes the answer "no".
    let out = RefCell::new(Vec::new());
    let mut scheduler = ActorScheduler::default();
    scheduler.new_actor("printer", Printer::new(&out));
    scheduler.new_actor("counter", Counter::new("counter", "printer"));
    scheduler.send("counter", 500);
    let queued = scheduler.run().stack;
    assert_eq!(kept_the_stack_flat(&queued, &reference), Verdict::Yes);
}

/// Sleeps cooperatively: yields until `until`, so the other tasks run.
async fn sleep_cooperatively(until: Instant) {
    while Instant::now() < until {
        yield_now().await;
    }
}

/// `a_blocking_call_stalls_every_task` with a sleeper that awaits instead
/// of blocking: the ticker keeps ticking while it waits, and no gap covers
/// the whole wait.
#[test]
fn verdict_stalled_can_fail() {
    const WAIT: Duration = Duration::from_millis(200);
    let ticks = RefCell::new(Vec::new());
    let started = Instant::now();
    let ticker = async {
        for _ in 0..3 {
            ticks.borrow_mut().push(Instant::now());
            yield_now().await;
        }
    };
    let sleeper = async {
        sleep_cooperatively(started + WAIT).await;
        yield_now().await;
    };
    let mut executor = Executor::default();
    executor.spawn(ticker);
    executor.spawn(sleeper);
    executor.run();
    assert!(started.elapsed() >= WAIT, "the sleeper did wait");

    let ticks = ticks.into_inner();
    let longest_gap = ticks
        .windows(2)
        .map(|pair| pair[1] - pair[0])
        .max()
        .expect("three ticks, two gaps");
    assert_eq!(stalled(longest_gap, WAIT), Verdict::No);
}
