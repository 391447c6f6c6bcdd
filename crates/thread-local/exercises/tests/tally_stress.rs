//! `thread-local-tally` under stress: many rounds of eight threads counting
//! at once; every thread reports exactly its own count, by the time it is
//! joined.

use std::sync::Barrier;
use std::thread;

use thread_local_exercises::tally::{Report, count_event, reports, this_thread_count};

#[test]
fn every_thread_reports_exactly_its_own_count() {
    for round in 0..200u64 {
        let start = Barrier::new(8);
        let ids: Vec<(thread::ThreadId, u64)> = thread::scope(|scope| {
            let workers: Vec<_> = (0..8u64)
                .map(|t| {
                    let events = 1 + (t * 37 + round) % 50;
                    let start = &start;
                    let worker = scope.spawn(move || {
                        start.wait();
                        for _ in 0..events {
                            count_event();
                        }
                        assert_eq!(this_thread_count(), events, "round {round}");
                    });
                    (worker, events)
                })
                .collect();
            workers
                .into_iter()
                .map(|(worker, events)| {
                    let id = worker.thread().id();
                    worker.join().expect("a worker panicked");
                    (id, events)
                })
                .collect()
        });
        let all = reports();
        for (id, events) in ids {
            let mine: Vec<&Report> = all.iter().filter(|r| r.thread == id).collect();
            assert_eq!(
                mine,
                [&Report {
                    thread: id,
                    count: events
                }],
                "round {round}"
            );
        }
    }
}
