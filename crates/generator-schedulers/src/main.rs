//! The `generator-schedulers` lesson: cooperative tasks without threads
//! (Python Cookbook 12.12).
//!
//! Run it with `cargo run -p generator-schedulers`. Every task here runs on
//! the main thread, one step at a time; the program starts no thread at all.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use generator_schedulers::actor::{ActorScheduler, Counter, Printer, converse_directly};
use generator_schedulers::executor::{Executor, countdown, countup, yield_now};
use generator_schedulers::indexed::IndexedScheduler;
use generator_schedulers::task::{Countdown, Countup, Step, Task, TaskScheduler};
use generator_schedulers::verdict::{kept_the_stack_flat, same_lines, stalled};

fn main() {
    a_task_is_a_state_machine();
    round_robin_gives_a_fixed_interleaving();
    an_async_fn_is_a_state_machine_the_compiler_writes();
    actors_pass_messages_without_recursion();
    a_blocking_call_stalls_every_task();
}

// ANCHOR: a_task_is_a_state_machine
/// Calling `step()` by hand is Python's `next(task)`.
fn a_task_is_a_state_machine() {
    println!("== 1. A task is a state machine ==");
    let mut task = Countdown::new(3);
    loop {
        let mut out = Vec::new();
        let step = task.step(&mut out);
        println!("step() printed {out:?} and returned {step:?}");
        if step == Step::Done {
            break;
        }
    }
}
// ANCHOR_END: a_task_is_a_state_machine

// ANCHOR: round_robin
/// Three tasks take turns; the order is decided by the code alone.
fn round_robin_gives_a_fixed_interleaving() {
    println!("\n== 2. Round robin gives a fixed interleaving ==");
    let mut out = Vec::new();
    let finished = cookbook_tasks().run(&mut out);
    for line in &out {
        println!("{line}");
    }
    println!(
        "tasks left the queue in this order: {}",
        finished.join(", ")
    );
}

/// The cookbook's three tasks, in the cookbook's order.
fn cookbook_tasks() -> TaskScheduler {
    let mut scheduler = TaskScheduler::default();
    scheduler.spawn(Countdown::new(10));
    scheduler.spawn(Countdown::new(5));
    scheduler.spawn(Countup::new(15));
    scheduler
}
// ANCHOR_END: round_robin

// ANCHOR: async_tasks
/// The same tasks as `async fn`s on a ten-line executor.
fn an_async_fn_is_a_state_machine_the_compiler_writes() {
    println!("\n== 3. An async fn is a state machine the compiler writes ==");
    let out = RefCell::new(Vec::new());
    let mut executor = Executor::default();
    executor.spawn(countdown(10, &out));
    executor.spawn(countdown(5, &out));
    executor.spawn(countup(15, &out));
    let polls = executor.run();

    let mut by_hand = Vec::new();
    cookbook_tasks().run(&mut by_hand);

    let out = out.into_inner();
    println!(
        "the executor polled {polls} times and the tasks printed {} lines",
        out.len()
    );
    println!(
        "same lines in the same order as the hand-written tasks: {}",
        same_lines(&out, &by_hand)
    );
}
// ANCHOR_END: async_tasks

// ANCHOR: actors
/// Counter and printer pass 10 000 messages through one queue.
///
/// The same conversation as direct calls, for contrast, nests every message.
fn actors_pass_messages_without_recursion() {
    println!("\n== 4. Actors pass messages without recursion ==");
    let printed = RefCell::new(Vec::new());
    let mut scheduler = ActorScheduler::default();
    scheduler.new_actor("printer", Printer::new(&printed));
    scheduler.new_actor("counter", Counter::new("counter", "printer"));
    scheduler.send("counter", 10_000);
    let report = scheduler.run();

    let printed = printed.into_inner();
    for line in printed.iter().take(3) {
        println!("{line}");
    }
    println!("...");
    for line in &printed[printed.len().saturating_sub(3)..] {
        println!("{line}");
    }
    println!(
        "messages delivered: {}, dropped: {}",
        report.delivered, report.dropped
    );
    println!(
        "most messages ever waiting at once: {}",
        report.peak_queue_len
    );
    let queued = report.stack;
    println!(
        "through the queue, from 10000: {} deliveries, nested at most {} deep, \
         the stack moved {} bytes",
        queued.deliveries, queued.deepest, queued.spread
    );
    // Direct calls nest one frame per message: 1 000 is plenty to see it, and
    // far from overflowing the stack, which a million would.
    let mut printed_directly = Vec::new();
    let direct = converse_directly(1_000, &mut printed_directly);
    println!(
        "calling each other directly, from 1000: {} deliveries, nested at most {} deep, \
         the stack moved ~{} bytes",
        direct.deliveries, direct.deepest, direct.spread
    );
    println!(
        "the scheduler kept the stack flat: {}",
        kept_the_stack_flat(&queued, &direct)
    );
    by_index_the_same_conversation(&printed);
}
// ANCHOR_END: actors

// ANCHOR: by_index
/// `actors_pass_messages_without_recursion`, made fast: the same actors, addressed by the `ActorId` each was given
/// when it was added, so no message looks a name up.
fn by_index_the_same_conversation(printed_by_name: &[String]) {
    let printed = RefCell::new(Vec::new());
    let mut scheduler = IndexedScheduler::default();
    let printer = scheduler.new_actor(|_| Printer::new(&printed));
    let counter = scheduler.new_actor(|me| Counter::new(me, printer));
    scheduler.send(counter, 10_000);
    let report = scheduler.run();
    println!(
        "addressed by index: messages delivered: {}, dropped: {}, nested at most {} deep",
        report.delivered, report.dropped, report.stack.deepest
    );
    println!(
        "by index, the same lines as by name: {}",
        same_lines(&printed.into_inner(), printed_by_name)
    );
}
// ANCHOR_END: by_index

// ANCHOR: blocking_stalls
/// What is lost: one task that blocks stalls all the others.
fn a_blocking_call_stalls_every_task() {
    println!("\n== 5. A blocking call stalls every task ==");
    const BLOCK: Duration = Duration::from_millis(50);
    let ticks = RefCell::new(Vec::new());

    let ticker = async {
        for _ in 0..3 {
            ticks.borrow_mut().push(Instant::now());
            trace::instant("the ticker's turn"); // a mark in the chapter's picture
            yield_now().await;
        }
    };
    let sleeper = async {
        // A blocking call, not an await: the executor cannot run anything
        // else until it returns, because this task never gives control back.
        let blocked = trace::waiting(trace::Wait::Sleep, "the sleeper's thread::sleep");
        std::thread::sleep(BLOCK);
        blocked.end();
        yield_now().await;
    };
    let mut executor = Executor::default();
    executor.spawn(ticker);
    executor.spawn(sleeper);
    let pictured = trace::region("one thread"); // what the chapter's picture shows
    executor.run();
    drop(pictured);

    let ticks = ticks.into_inner();
    let longest_gap = ticks
        .windows(2)
        .map(|pair| pair[1] - pair[0])
        .max()
        .expect("the ticker ticks three times, so there are two gaps");
    println!(
        "the sleeper blocked for {BLOCK:.1?}; the longest gap between ticks was {longest_gap:.1?}"
    );
    println!(
        "the ticker stalled while the sleeper blocked: {}",
        stalled(longest_gap, BLOCK)
    );
}
// ANCHOR_END: blocking_stalls
