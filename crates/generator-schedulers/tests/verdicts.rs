//! Every verdict the lesson prints can come out "no". Each test here runs a
//! variant of a section in which the claim is false, feeds what it measured
//! to the same check `main.rs` uses, and expects "no".

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use generator_schedulers::actor::{ActorScheduler, Counter, Printer, converse_directly};
use generator_schedulers::executor::{countdown, countup, yield_now};
use generator_schedulers::task::{Countdown, Countup, TaskScheduler};
use generator_schedulers::verdict::{kept_the_stack_flat, same_lines, stalled, yes_no};

/// Section 3's tasks on an executor that does not take turns: it polls the
/// first future until it is done, then the next. Every poll still returns,
/// every task still runs to the end, but the interleaving is gone.
#[test]
fn verdict_same_lines_as_round_robin_can_fail() {
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
        yes_no(same_lines(&out, &by_hand)),
        "no",
        "...in another order"
    );
    // And the check does say yes when the orders agree.
    assert_eq!(yes_no(same_lines(&by_hand, &by_hand)), "yes");
}

/// Section 4's check, fed the direct-call conversation in place of the
/// scheduler's: its stack grew with every message, and the check says so.
#[test]
fn verdict_scheduler_kept_the_stack_flat_can_fail() {
    let mut printed = Vec::new();
    let direct = converse_directly(1_000, &mut printed);
    assert_eq!(yes_no(kept_the_stack_flat(&direct, &direct)), "no");

    // Even a short direct conversation, against a long one, is not flat.
    let mut printed = Vec::new();
    let short = converse_directly(10, &mut printed);
    assert_eq!(yes_no(kept_the_stack_flat(&short, &direct)), "no");

    // The scheduler's own run, against the direct one, is.
    let out = RefCell::new(Vec::new());
    let mut scheduler = ActorScheduler::default();
    scheduler.new_actor("printer", Printer::new(&out));
    scheduler.new_actor("counter", Counter::new("counter", "printer"));
    scheduler.send("counter", 1_000);
    let queued = scheduler.run().stack;
    assert_eq!(yes_no(kept_the_stack_flat(&queued, &direct)), "yes");
    // A reference that shows no nesting proves nothing: no.
    assert_eq!(yes_no(kept_the_stack_flat(&queued, &queued)), "no");
}

/// Sleeps cooperatively: yields until `until`, so the other tasks run.
async fn sleep_cooperatively(until: Instant) {
    while Instant::now() < until {
        yield_now().await;
    }
}

/// Section 5 with a sleeper that awaits instead of blocking: the ticker
/// keeps ticking while it waits, and no gap covers the whole wait.
#[test]
fn verdict_the_ticker_stalled_can_fail() {
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
    let mut executor = generator_schedulers::executor::Executor::default();
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
    assert_eq!(yes_no(stalled(longest_gap, WAIT)), "no");
}

/// Section 4's run by index, with the counter wired to a printer's id from
/// another scheduler (an `ActorId` means nothing outside the scheduler that
/// gave it out): every message for the printer is dropped, nothing is
/// printed, and the lines are not the same as by name.
#[test]
fn verdict_same_lines_by_index_can_fail() {
    use generator_schedulers::indexed::IndexedScheduler;

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
        yes_no(same_lines(&printed.into_inner(), &by_name.into_inner())),
        "no"
    );
}
