//! The `lock-ordering` lesson's program: avoiding deadlock by taking locks
//! in one global order (Python Cookbook 12.5), in five sections, each a
//! function below, called in order by `main`. Run it with
//! `cargo run -p lock-ordering`.

use lock_ordering::bank::Account;
use lock_ordering::philosophers::{self, PHILOSOPHERS};
use lock_ordering::verdict;
use lock_ordering::{AcquireError, OrderedMutex, acquire, held_locks};
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    opposite_orders_deadlock();
    acquire_takes_any_set_in_one_order();
    one_global_order_cannot_deadlock();
    out_of_order_is_an_error_not_a_hang();
    five_philosophers_all_eat();
}

// ANCHOR: opposite_orders_deadlock
/// How long each thread waits for its second lock before it gives up. With a
/// plain `lock()` it would wait forever.
const PATIENCE: Duration = Duration::from_millis(100);

fn opposite_orders_deadlock() {
    println!("== 1. Two threads take two locks in opposite orders: deadlock ==");
    let _pictured = trace::region("deadlock"); // what the chapter's picture shows
    let x = parking_lot::Mutex::new(());
    let y = parking_lot::Mutex::new(());
    let both_hold_one = Barrier::new(2);
    let both_have_tried = Barrier::new(2);

    // Take `first`, then try for `second`; report whether we got it and how
    // long we waited. (`thread` names the picture's lane; `trace` marks
    // what the picture draws.)
    let take_both =
        |thread: &str, first: &parking_lot::Mutex<()>, second: &parking_lot::Mutex<()>| {
            trace::name_thread(thread);
            let _first = first.lock();
            let _holding = trace::holding("its first lock");
            // Past this line each thread certainly holds its first lock...
            both_hold_one.wait();
            let started = Instant::now();
            let waiting = trace::waiting(trace::Wait::Lock, "the other's first lock");
            let got_second = second.try_lock_for(PATIENCE).is_some();
            waiting.end();
            let waited = started.elapsed();
            // ...and keeps holding it until the other has tried too, so neither
            // attempt can succeed, however the two threads are scheduled.
            both_have_tried.wait();
            (got_second, waited)
        };

    let (one, two) = thread::scope(|s| {
        let one = s.spawn(|| take_both("thread 1", &x, &y));
        let two = s.spawn(|| take_both("thread 2", &y, &x));
        (
            one.join().expect("thread 1 does not panic"),
            two.join().expect("thread 2 does not panic"),
        )
    });
    // `try_lock_for` gives up only once its deadline has passed, so each
    // wait is at least PATIENCE however the threads were scheduled.
    println!(
        "thread 1 holds x, waited {:.1?} for y, at least its patience: {}; got it: {}",
        one.1,
        verdict::waited_its_patience(one.1, PATIENCE),
        verdict::got_it(one.0)
    );
    println!(
        "thread 2 holds y, waited {:.1?} for x, at least its patience: {}; got it: {}",
        two.1,
        verdict::waited_its_patience(two.1, PATIENCE),
        verdict::got_it(two.0)
    );
    println!(
        "deadlock detected: {} (each held the lock the other was waiting for)",
        verdict::deadlock_detected(one.0, two.0)
    );
}
// ANCHOR_END: opposite_orders_deadlock

// ANCHOR: any_set_in_one_order
fn acquire_takes_any_set_in_one_order() {
    println!("\n== 2. acquire takes any set of locks in one global order ==");
    // Made in this order, so ranked in this order.
    let a = OrderedMutex::new("a", 'a');
    let b = OrderedMutex::new("b", 'b');
    let c = OrderedMutex::new("c", 'c');

    let permutations = [
        [&a, &b, &c],
        [&a, &c, &b],
        [&b, &a, &c],
        [&b, &c, &a],
        [&c, &a, &b],
        [&c, &b, &a],
    ];
    let mut orders = Vec::new();
    for locks in permutations {
        let guard = acquire(&locks).expect("this thread holds no other lock");
        let named: Vec<&str> = locks.iter().map(|lock| lock.name()).collect();
        let took = guard.locked_order();
        println!(
            "acquire({}) took {}; guard[0] is {}",
            named.join(", "),
            took.join(", "),
            guard[0]
        );
        orders.push(took);
    } // each guard drops here: it releases c, then b, then a
    println!(
        "one order for every permutation: {}",
        verdict::one_order(&orders)
    );
    println!(
        "locks held after the guards dropped: {}",
        held_locks().len()
    );
}
// ANCHOR_END: any_set_in_one_order

// ANCHOR: one_global_order
const TRANSFERS: u32 = 1_000;

fn one_global_order_cannot_deadlock() {
    println!("\n== 3. The same two threads through acquire never deadlock ==");
    let x = OrderedMutex::new("x", Account::opened_with(1_000));
    let y = OrderedMutex::new("y", Account::opened_with(1_000));
    let start = Barrier::new(2);

    // Move 1 from `from` to `to`, TRANSFERS times. Thread 1 names (x, y),
    // thread 2 names (y, x): the two orders that deadlocked above. The money and the
    // ledger entries move in one critical section, holding both locks.
    let transfer = |from: &OrderedMutex<Account>, to: &OrderedMutex<Account>| {
        start.wait();
        for _ in 0..TRANSFERS {
            let mut accounts = acquire(&[from, to]).expect("this thread holds no other lock");
            accounts[0].balance -= 1;
            accounts[0].sent += 1;
            accounts[1].balance += 1;
            accounts[1].received += 1;
        }
    };
    thread::scope(|s| {
        s.spawn(|| transfer(&x, &y));
        s.spawn(|| transfer(&y, &x));
    });

    // What the accounts themselves say, not what the threads meant to do.
    let accounts = acquire(&[&x, &y]).expect("this thread holds no other lock");
    let (x, y) = (accounts[0], accounts[1]);
    println!(
        "the ledgers: x sent {} to y and y received {}; y sent {} to x and x received {}",
        x.sent, y.received, y.sent, x.received
    );
    println!(
        "both finished every transfer: {}",
        verdict::every_transfer_finished(&x, &y, TRANSFERS)
    );
    println!(
        "x: {}, y: {}, total: {}: nothing lost: {}",
        x.balance,
        y.balance,
        x.balance + y.balance,
        verdict::nothing_lost(&[&x, &y], 2_000)
    );
}
// ANCHOR_END: one_global_order

// ANCHOR: out_of_order
fn out_of_order_is_an_error_not_a_hang() {
    println!("\n== 4. Taking a lock out of order is an error, not a hang ==");
    let pictured = trace::region("out of order"); // what the chapter's picture shows
    let x = OrderedMutex::new("x", ());
    let y = OrderedMutex::new("y", ());
    let both_hold_one = Barrier::new(2);

    // The deadlock's shape again, with nested acquires: take `outer`, wait
    // until the other thread holds its outer lock too, then ask for `inner`.
    // (`thread` names the picture's lane; `trace` marks what it draws.)
    let nested = |thread: &str, outer: &OrderedMutex<()>, inner: &OrderedMutex<()>| {
        trace::name_thread(thread);
        let _outer = acquire(&[outer]).expect("this thread holds no other lock");
        let _holding = trace::holding("its outer lock");
        both_hold_one.wait();
        let inner = acquire(&[inner]).map(drop);
        if inner.is_err() {
            trace::instant("lock-order violation");
        }
        inner
    };
    let (one, two) = thread::scope(|s| {
        let one = s.spawn(|| nested("thread 1", &x, &y));
        let two = s.spawn(|| nested("thread 2", &y, &x));
        (
            one.join().expect("thread 1 does not panic"),
            two.join().expect("thread 2 does not panic"),
        )
    });
    pictured.end();
    println!("thread 1: acquire(x), then acquire(y): {}", outcome(one));
    println!("thread 2: acquire(y), then acquire(x): {}", outcome(two));

    // The check needs no second thread: it catches the mistake on the runs
    // where luck would have hidden it, and the ones that would self-deadlock.
    let holding_y = acquire(&[&y]).expect("this thread holds no other lock");
    println!(
        "alone, acquire(x) while holding y: {}",
        outcome(acquire(&[&x]).map(drop))
    );
    println!(
        "alone, acquire(y) while holding y: {}",
        outcome(acquire(&[&y]).map(drop))
    );
    drop(holding_y);
    println!(
        "acquire(x, y, x): {}",
        outcome(acquire(&[&x, &y, &x]).map(drop))
    );
}

fn outcome(result: Result<(), AcquireError>) -> String {
    match result {
        Ok(()) => "ok".to_owned(),
        Err(err) => format!("error: {err}"),
    }
}
// ANCHOR_END: out_of_order

// ANCHOR: philosophers
const MEALS: u32 = 1_000;

fn five_philosophers_all_eat() {
    println!("\n== 5. Five philosophers, {MEALS} meals each: all finish ==");
    let dinner = philosophers::dine(MEALS);
    for (n, seat) in dinner.seats.iter().enumerate() {
        println!(
            "philosopher {n} asked for {} and {}, took {}, ate {} times",
            seat.asked_for[0],
            seat.asked_for[1],
            seat.took.join(" then "),
            seat.meals()
        );
    }
    let uses: Vec<String> = dinner.chopstick_uses.iter().map(u32::to_string).collect();
    println!("chopstick uses: {}", uses.join(", "));
    println!(
        "all {PHILOSOPHERS} ate {MEALS} times: {}",
        verdict::all_ate(&dinner, MEALS)
    );
    println!(
        "every chopstick served {} meals: {}",
        2 * MEALS,
        verdict::every_chopstick_served(&dinner, 2 * MEALS)
    );
}
// ANCHOR_END: philosophers
