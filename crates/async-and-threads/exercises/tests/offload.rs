//! `async-and-threads-offload`: the behaviour, on tokio's one-thread
//! runtime. A ticker task wants to wake every 10 ms while the blocking calls
//! run; if a call held the loop's thread, the ticker woke late by about as
//! long as the call (the bound below is half of it, generous on purpose). A
//! second test, with no clock: the calls of `call_all_blocking` each return
//! only once all of them are in progress together.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use async_and_threads_exercises::blocking_lookup;
use async_and_threads_exercises::offload::{call_all_blocking, call_blocking};
use async_and_threads_exercises::ticker::Ticker;

const PERIOD: Duration = Duration::from_millis(10);

fn one_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds")
}

/// Panics with "the loop stalled" if the ticker woke `block / 2` late or
/// more: only a task holding the loop's thread makes it that late.
fn assert_on_time(worst: Duration, block: Duration, what: &str) {
    assert!(
        worst < block / 2,
        "the loop stalled: the ticker woke {worst:?} late while {what} ran (a free loop is a \
         millisecond or two late): the blocking call held the event loop's thread. Run it on \
         the blocking pool (`spawn_blocking`); a `tokio::spawn`ed task is on the same loop"
    );
}

#[test]
fn the_loop_stays_on_time_while_a_blocking_call_runs() {
    let block = Duration::from_millis(300);
    let runtime = one_thread_runtime();
    let loop_thread = thread::current().id();
    let (answer, lateness) = runtime.block_on(async {
        let ticker = Ticker::start(PERIOD).await;
        let answer = call_blocking(move || blocking_lookup(7, block)).await;
        (answer, ticker.stop().await)
    });
    assert_on_time(lateness.worst, block, "a 300 ms blocking call");
    assert_eq!(answer.0, 49, "the blocking call's own result comes back");
    assert_ne!(
        answer.1, loop_thread,
        "the blocking call ran on the event loop's thread"
    );
    assert!(
        lateness.ticks >= 10,
        "the ticker ticked only {} times in 300 ms",
        lateness.ticks
    );
}

#[test]
#[should_panic(expected = "the lookup failed")]
fn a_panic_in_the_blocking_call_comes_back_with_its_message() {
    let runtime = one_thread_runtime();
    runtime.block_on(call_blocking(|| -> u64 { panic!("the lookup failed") }));
}

/// A call that returns only once `all` calls are in progress together, or
/// fails after `limit`: a call that runs alone never sees the others.
struct Together {
    started: Mutex<(usize, bool)>,
    changed: Condvar,
    all: usize,
    limit: Duration,
}

impl Together {
    fn call(&self) -> Result<(), String> {
        let mut state = self.started.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 += 1;
        self.changed.notify_all();
        let deadline = Instant::now() + self.limit;
        while state.0 < self.all && !state.1 {
            let now = Instant::now();
            if now >= deadline {
                state.1 = true; // give up, and let the others give up at once
                self.changed.notify_all();
                break;
            }
            state = self
                .changed
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        if state.0 >= self.all {
            Ok(())
        } else {
            Err(format!(
                "only {} of {} blocking calls had started after {:?}: they ran one after another, \
                 not together (spawn them all before awaiting any)",
                state.0, self.all, self.limit
            ))
        }
    }
}

#[test]
fn every_call_is_in_progress_at_once_and_results_keep_their_order() {
    let together = Arc::new(Together {
        started: Mutex::new((0, false)),
        changed: Condvar::new(),
        all: 4,
        limit: Duration::from_secs(2),
    });
    let calls: Vec<_> = (0..4u64)
        .map(|i| {
            let together = Arc::clone(&together);
            move || together.call().map(|()| i * 10)
        })
        .collect();
    let runtime = one_thread_runtime();
    let results = runtime.block_on(call_all_blocking(calls));
    let results: Vec<u64> = results
        .into_iter()
        .map(|r| r.unwrap_or_else(|why| panic!("{why}")))
        .collect();
    assert_eq!(results, [0, 10, 20, 30]);
}

#[test]
fn the_loop_stays_on_time_while_several_blocking_calls_run() {
    let block = Duration::from_millis(200);
    let runtime = one_thread_runtime();
    let (answers, lateness) = runtime.block_on(async {
        let ticker = Ticker::start(PERIOD).await;
        let calls: Vec<_> = (1..=3)
            .map(|key| move || blocking_lookup(key, block))
            .collect();
        let answers = call_all_blocking(calls).await;
        (answers, ticker.stop().await)
    });
    assert_on_time(lateness.worst, block, "three 200 ms blocking calls");
    let values: Vec<u64> = answers.iter().map(|&(value, _)| value).collect();
    assert_eq!(values, [1, 4, 9]);
    let runtime_empty: Vec<()> =
        one_thread_runtime().block_on(call_all_blocking(Vec::<fn()>::new()));
    assert!(runtime_empty.is_empty());
}
