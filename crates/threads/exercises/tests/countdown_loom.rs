//! `threads-countdown` under loom: a stop from another thread, in every
//! interleaving loom can find, ends the run consistently.
#![cfg(loom)]

use std::time::Duration;

use loom::sync::Arc;
use threads_exercises::countdown::{Countdown, Ended};

#[test]
fn a_stop_from_another_thread_is_seen_at_a_step_boundary() {
    kit::schedule::model(|| {
        let countdown = Arc::new(Countdown::new());
        let stopper = loom::thread::spawn({
            let countdown = Arc::clone(&countdown);
            move || countdown.stop()
        });
        let mut shown = Vec::new();
        let ended = countdown.run(2, Duration::ZERO, |n| shown.push(n));
        // Whatever the interleaving: the numbers shown are exactly those
        // before the point where the run stopped.
        match ended {
            Ended::ReachedZero => assert_eq!(shown, [2, 1]),
            Ended::Stopped { remaining: 2 } => assert_eq!(shown, [] as [u32; 0]),
            Ended::Stopped { remaining: 1 } => assert_eq!(shown, [2]),
            other => panic!("impossible end for a run from 2: {other:?}"),
        }
        stopper.join().unwrap();
        // Once the stopper has finished, its stop must be seen.
        let again = countdown.run(2, Duration::ZERO, |n| panic!("showed {n} after stop"));
        assert_eq!(again, Ended::Stopped { remaining: 2 });
    });
}
