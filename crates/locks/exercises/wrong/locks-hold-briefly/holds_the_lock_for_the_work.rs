//! expect: while the lock was held
//! The slow work runs while the lock is held, so the threads take turns.
//! (Caught by the tests: `the_slow_work_runs_with_the_lock_free` and
//! `two_threads_slow_work_overlaps`.)

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

/// Reads one sensor and records the reading in `readings`.
pub fn record_reading(
    readings: &Mutex<Vec<u64>>,
    sensor: u64,
    read_sensor: impl FnOnce(u64) -> u64,
) {
    let mut readings = readings.lock().unwrap_or_else(PoisonError::into_inner);
    // The slow work under the lock: every other thread waits for it.
    readings.push(read_sensor(sensor));
}

/// Reads every sensor in `sensors`, each in a thread of its own, all at the
/// same time, and records every reading in `readings`.
pub fn record_all(
    readings: &Mutex<Vec<u64>>,
    sensors: Range<u64>,
    read_sensor: &(impl Fn(u64) -> u64 + Sync),
) {
    std::thread::scope(|scope| {
        for sensor in sensors {
            scope.spawn(move || record_reading(readings, sensor, read_sensor));
        }
    });
}
