//! `parallelism-rayon` under stress: hundreds of rounds of a thousand pairs
//! on a pool of four and on the global pool; every answer at its pair's
//! place.

use parallelism_exercises::par_iter::gcds_with_rayon;
use parallelism_exercises::{gcd, pairs};

#[test]
fn a_thousand_pairs_in_input_order_in_every_round() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .expect("a pool of four threads builds");
    for round in 0..300u64 {
        let work = pairs(round, 1_000, 10, 400);
        let expected: Vec<u64> = work.iter().map(|&pair| gcd(pair)).collect();
        let got = if round % 2 == 0 {
            pool.install(|| gcds_with_rayon(&work, gcd))
        } else {
            gcds_with_rayon(&work, gcd)
        };
        assert_eq!(got, expected, "round {round}");
    }
}
