//! `locks-hold-briefly` under stress: sixteen sensors at once, many rounds,
//! every reading recorded exactly once.

use std::sync::Mutex;

use locks_exercises::hold_briefly::record_all;

#[test]
fn every_reading_is_recorded_exactly_once_in_every_round() {
    let expected: Vec<u64> = (0..16).map(|s| s * s).collect();
    for round in 0..300 {
        let readings = Mutex::new(Vec::new());
        record_all(&readings, 0..16, &|sensor| {
            // A little slow work the optimiser cannot drop.
            let mut x = sensor;
            for _ in 0..1_000 {
                x = std::hint::black_box(x);
            }
            x * x
        });
        let mut got = readings.into_inner().expect("no thread panicked");
        got.sort_unstable();
        assert_eq!(got, expected, "round {round}");
    }
}
