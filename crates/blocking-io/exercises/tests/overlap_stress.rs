//! `blocking-io-overlap` under stress: many rounds of sixteen calls that
//! each return only once all sixteen are in progress together.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use blocking_io_exercises::overlap::overlap;

#[test]
fn sixteen_calls_are_in_progress_together_in_every_round() {
    const CALLS: usize = 16;
    for round in 0..200 {
        let started = Mutex::new(0);
        let changed = Condvar::new();
        let made = AtomicUsize::new(0);
        let results = overlap(CALLS, || {
            made.fetch_add(1, Ordering::SeqCst);
            let mut n = started.lock().unwrap_or_else(PoisonError::into_inner);
            *n += 1;
            changed.notify_all();
            let deadline = Instant::now() + Duration::from_secs(2);
            while *n < CALLS {
                let now = Instant::now();
                if now >= deadline {
                    return Err(std::io::Error::other(format!(
                        "round {round}: only {} of {CALLS} calls had started: the calls ran one \
                         after another, not together",
                        *n
                    )));
                }
                n = changed
                    .wait_timeout(n, deadline - now)
                    .unwrap_or_else(PoisonError::into_inner)
                    .0;
            }
            Ok(())
        });
        assert_eq!(results.len(), CALLS, "round {round}: one result per call");
        assert_eq!(
            made.load(Ordering::SeqCst),
            CALLS,
            "round {round}: calls made"
        );
        for result in results {
            if let Err(err) = result {
                panic!("{err}");
            }
        }
    }
}
