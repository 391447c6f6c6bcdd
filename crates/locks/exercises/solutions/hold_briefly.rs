//! The answer to `locks-hold-briefly`: the slow work with no lock held, the
//! update under it. (The exercise and its task:
//! crates/locks/exercises/src/hold_briefly.rs.)

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

/// Reads one sensor and records the reading in `readings`.
pub fn record_reading(
    readings: &Mutex<Vec<u64>>,
    sensor: u64,
    read_sensor: impl FnOnce(u64) -> u64,
) {
    // The slow part, with no lock held: other threads record meanwhile.
    let reading = read_sensor(sensor);
    // The update, under the lock; the guard is a temporary, dropped (and the
    // lock released) at the end of this statement.
    readings
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(reading);
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
