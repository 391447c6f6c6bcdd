//! `locks-hold-briefly`: the behaviour, with exact expectations. Whether the
//! slow work overlapped is not timed: each thread's work waits for the
//! other's to start, and the order in which the works started and ended is
//! recorded under a lock of its own.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use locks_exercises::hold_briefly::{record_all, record_reading};

#[test]
fn one_reading_is_recorded() {
    let readings = Mutex::new(vec![7]);
    record_reading(&readings, 4, |sensor| sensor * 10);
    assert_eq!(*readings.lock().unwrap(), [7, 40]);
}

#[test]
fn the_slow_work_runs_with_the_lock_free() {
    let readings = Mutex::new(Vec::new());
    let mut lock_was_free = None;
    record_reading(&readings, 1, |sensor| {
        // If record_reading held the lock now, try_lock would fail.
        lock_was_free = Some(readings.try_lock().is_ok());
        sensor
    });
    assert_eq!(
        lock_was_free,
        Some(true),
        "the slow work ran while the lock was held"
    );
    assert_eq!(*readings.lock().unwrap(), [1]);
}

#[test]
fn every_sensor_is_read_and_recorded_once() {
    let readings = Mutex::new(Vec::new());
    record_all(&readings, 0..10, &|sensor| sensor * 10);
    let mut got = readings.into_inner().unwrap();
    got.sort_unstable();
    assert_eq!(got, (0..10).map(|s| s * 10).collect::<Vec<_>>());
}

/// Two threads meet here: each `arrive` waits until the other has arrived.
/// A thread that waits `PATIENCE` in vain gives up, and so does every later
/// arrival: a wrong answer fails the test in seconds instead of hanging it.
struct Meeting {
    state: Mutex<(usize, bool)>, // (arrived, someone gave up)
    changed: Condvar,
}

const PATIENCE: Duration = Duration::from_secs(3);

impl Meeting {
    fn new() -> Meeting {
        Meeting {
            state: Mutex::new((0, false)),
            changed: Condvar::new(),
        }
    }

    /// Whether both threads were here at the same time.
    fn arrive(&self) -> bool {
        let deadline = Instant::now() + PATIENCE;
        let mut state = self.state.lock().expect("no thread panics holding it");
        state.0 += 1;
        self.changed.notify_all();
        while state.0 < 2 && !state.1 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                state.1 = true;
                self.changed.notify_all();
                return false;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .expect("not poisoned")
                .0;
        }
        !state.1
    }
}

#[test]
fn two_threads_slow_work_overlaps() {
    let readings = Mutex::new(Vec::new());
    let events = Mutex::new(Vec::new());
    let meeting = Meeting::new();
    record_all(&readings, 0..2, &|sensor| {
        events.lock().unwrap().push(format!("start {sensor}"));
        let met = meeting.arrive();
        events.lock().unwrap().push(format!("end {sensor}"));
        if met { sensor + 100 } else { sensor + 200 }
    });
    let events = events.into_inner().unwrap();
    assert!(
        events.len() == 4 && events[0].starts_with("start") && events[1].starts_with("start"),
        "the slow work ran while the lock was held, one thread after the other: \
         the order of events was {events:?}; both works must start before either ends"
    );
    let mut got = readings.into_inner().unwrap();
    got.sort_unstable();
    assert_eq!(got, [100, 101], "each slow work met the other while it ran");
}
