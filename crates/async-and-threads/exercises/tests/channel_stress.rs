//! `async-and-threads-channel` under stress: many rounds, every capacity
//! from 1 to 8, on the one-thread runtime and on a multi-thread one; every
//! item must arrive exactly once, in order.

use async_and_threads_exercises::channel::through_a_task;

#[test]
fn every_item_exactly_once_in_order_in_every_round() {
    let one = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds");
    let many = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .expect("a multi-thread runtime builds");
    for round in 0..48u64 {
        let capacity = 1 + (round % 8) as usize;
        let runtime = if round % 2 == 0 { &one } else { &many };
        let items: Vec<u64> = (0..1_000).map(|i| i * 3 + round).collect();
        let got = through_a_task(runtime, items.clone(), capacity, |n| n + 1);
        let expected: Vec<u64> = items.iter().map(|n| n + 1).collect();
        assert_eq!(
            got.len(),
            expected.len(),
            "round {round}: items lost or doubled"
        );
        assert_eq!(got, expected, "round {round}: out of order");
    }
}
