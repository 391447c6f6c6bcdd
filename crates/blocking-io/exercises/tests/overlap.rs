//! `blocking-io-overlap`: the behaviour. One test with a clock (a generous
//! bound: well under two timeouts, where calls in a row take five), one
//! without: each call waits until all of them have started.

use std::io;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use blocking_io_exercises::overlap::overlap;
use blocking_io_exercises::slow_system_call;

/// A call that returns only once `all` calls are in progress together, or
/// fails after `limit`: a call that runs alone never sees the others.
struct Together {
    started: Mutex<(usize, bool)>,
    changed: Condvar,
    all: usize,
    limit: Duration,
}

impl Together {
    fn new(all: usize, limit: Duration) -> Together {
        Together {
            started: Mutex::new((0, false)),
            changed: Condvar::new(),
            all,
            limit,
        }
    }

    fn call(&self) -> io::Result<()> {
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
            Err(io::Error::other(format!(
                "only {} of {} calls had started: the calls ran one after another, not together",
                state.0, self.all
            )))
        }
    }
}

#[test]
fn five_slow_calls_wait_together() {
    let timeout = Duration::from_millis(300);
    let started = Instant::now();
    let results = overlap(5, || slow_system_call(timeout));
    let total = started.elapsed();
    assert_eq!(results.len(), 5, "one result per call");
    for (i, result) in results.into_iter().enumerate() {
        let took = result.unwrap();
        assert!(
            took >= timeout,
            "call {i} took {took:?}: each call must still wait its full {timeout:?}"
        );
    }
    assert!(
        total < timeout * 3,
        "five calls of {timeout:?} took {total:?} together: they ran one after another, not \
         together (five in a row take five timeouts; together, well under three even on a \
         busy machine)"
    );
}

#[test]
fn every_call_is_in_progress_at_the_same_time() {
    let together = Together::new(5, Duration::from_secs(1));
    let results = overlap(5, || together.call());
    assert_eq!(results.len(), 5);
    for result in results {
        if let Err(err) = result {
            panic!("{err}");
        }
    }
}

#[test]
fn errors_come_back_in_call_order_and_no_calls_means_no_threads() {
    let results = overlap(3, || Err(io::Error::other("the line is down")));
    let errors: Vec<String> = results
        .into_iter()
        .map(|r| r.expect_err("the call failed").to_string())
        .collect();
    assert_eq!(errors, ["the line is down"; 3]);
    assert!(overlap(0, || Ok(())).is_empty());
}
