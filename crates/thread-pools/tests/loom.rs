//! Model tests: loom runs each scenario under every interleaving of its
//! threads (within a preemption bound), with the pool's real code compiled
//! against loom's `Mutex`, `Condvar`, atomics and threads.
//!
//! RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
//!     cargo test --release -p thread-pools --test loom
#![cfg(loom)]

use std::convert::Infallible;

use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use thread_pools::{Channel, Gauge, JobError, Shutdown, ThreadPool, as_completed};

/// Explores every interleaving with up to `bound` preemptions: enough for
/// these small scenarios, and it keeps each model to seconds.
fn model(bound: usize, scenario: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(bound);
    builder.check(scenario);
}

fn pool(size: usize) -> ThreadPool {
    ThreadPool::new(size).expect("loom threads start")
}

#[test]
fn channel_delivers_everything_sent_before_close_then_ends() {
    model(3, || {
        let channel = Arc::new(Channel::new());
        let sender = {
            let channel = Arc::clone(&channel);
            thread::spawn(move || {
                channel.send(1).expect("open");
                channel.send(2).expect("open");
                channel.close();
            })
        };
        let received: Vec<u32> = std::iter::from_fn(|| channel.recv()).collect();
        sender.join().expect("the sender does not panic");
        assert_eq!(received, [1, 2]);
    });
}

#[test]
fn result_waits_for_the_job_and_gets_its_value() {
    model(3, || {
        let pool = pool(1);
        let handle = pool.submit(|| Ok::<_, Infallible>(7));
        assert_eq!(handle.result(), Ok(7));
    });
}

#[test]
fn a_panicking_job_becomes_an_err_and_the_worker_runs_the_next() {
    std::panic::set_hook(Box::new(|_| {})); // the panic is expected; keep quiet
    model(3, || {
        let pool = pool(1);
        let doomed = pool.submit(|| -> Result<(), Infallible> { panic!("deliberate") });
        let next = pool.submit(|| Ok::<_, Infallible>(1));
        assert_eq!(
            doomed.result(),
            Err(JobError::Panicked("deliberate".into()))
        );
        assert_eq!(next.result(), Ok(1));
    });
    let _ = std::panic::take_hook();
}

#[test]
fn drop_runs_every_queued_job_and_joins_the_workers() {
    model(3, || {
        let ran = Arc::new(AtomicUsize::new(0));
        let pool = pool(1);
        for _ in 0..2 {
            let ran = Arc::clone(&ran);
            let _ = pool.submit(move || Ok::<_, Infallible>(ran.fetch_add(1, Ordering::Relaxed)));
        }
        // Whether the worker has started either job yet or not, shutdown
        // runs both and joins it.
        assert_eq!(
            pool.shutdown(),
            Shutdown {
                workers_joined: 1,
                jobs_run: 2
            }
        );
        assert_eq!(ran.load(Ordering::Relaxed), 2);
    });
}

#[test]
fn as_completed_yields_each_handle_once_whoever_finishes_first() {
    model(3, || {
        let pool = pool(2);
        let handles = vec![
            pool.submit(|| Ok::<_, Infallible>(10)),
            pool.submit(|| Ok::<_, Infallible>(20)),
        ];
        let mut seen: Vec<(usize, i32)> = as_completed(handles)
            .map(|(index, result)| (index, result.expect("no job fails")))
            .collect();
        seen.sort();
        assert_eq!(seen, [(0, 10), (1, 20)]);
    });
}

#[test]
fn a_pool_of_two_never_runs_three_jobs_at_once() {
    model(2, || {
        let gauge = Arc::new(Gauge::new());
        let pool = pool(2);
        let handles: Vec<_> = (0..3)
            .map(|_| {
                let gauge = Arc::clone(&gauge);
                pool.submit(move || {
                    let _inside = gauge.enter();
                    thread::yield_now();
                    Ok::<_, Infallible>(())
                })
            })
            .collect();
        for handle in handles {
            handle.result().expect("no job fails");
        }
        let peak = gauge.peak();
        assert!((1..=2).contains(&peak), "peak {peak}");
    });
}
