//! Model tests: loom runs each scenario under every interleaving of its
//! threads (within a preemption bound), with the pool's real code compiled
//! against loom's `Mutex`, `Condvar`, atomics and threads.
//!
//! RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
//!     cargo test --release -p thread-pools --test loom
#![cfg(loom)]

use std::convert::Infallible;

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::sync::{Arc, Condvar, Mutex};
use loom::thread;
use thread_pools::{Channel, JobError, Shutdown, ThreadPool, as_completed};

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

/// Three jobs that each hold on until released, started by `start`: a job
/// checks in, then waits for the gate. The main thread waits until two are
/// in, and asserts that the third is not: a pool of two must keep it queued
/// until one of the first two is released. Then it opens the gate and waits
/// for all three.
fn three_held_jobs(start: impl Fn(Box<dyn FnOnce() + Send>) -> Box<dyn FnOnce()>) {
    // (jobs inside, gate open)
    let state = Arc::new((Mutex::new((0usize, false)), Condvar::new()));
    let finished: Vec<_> = (0..3)
        .map(|_| {
            let state = Arc::clone(&state);
            start(Box::new(move || {
                let (lock, changed) = &*state;
                let mut guard = lock.lock().expect("no job panics holding the lock");
                guard.0 += 1;
                assert!(guard.0 <= 2, "a third job is running while two are");
                changed.notify_all();
                while !guard.1 {
                    guard = changed.wait(guard).expect("no job panics holding the lock");
                }
                guard.0 -= 1;
            }))
        })
        .collect();
    let (lock, changed) = &*state;
    let mut guard = lock.lock().expect("no job panics holding the lock");
    while guard.0 < 2 {
        guard = changed.wait(guard).expect("no job panics holding the lock");
    }
    assert_eq!(guard.0, 2, "a third job is running while two are");
    guard.1 = true;
    changed.notify_all();
    drop(guard);
    for wait in finished {
        wait();
    }
}

#[test]
fn a_pool_of_two_never_runs_three_jobs_at_once() {
    model(2, || {
        let pool = Arc::new(pool(2));
        three_held_jobs(|job| {
            let handle = pool.submit(move || {
                job();
                Ok::<_, Infallible>(())
            });
            Box::new(move || handle.result().expect("no job fails"))
        });
    });
}

/// The control: the same model, with a thread per job in place of the pool,
/// must fail. (Loom finds the interleaving in which the third job checks in
/// while the first two are held.)
#[test]
fn the_model_catches_a_pool_that_admits_a_third_job() {
    std::panic::set_hook(Box::new(|_| {})); // the failure is expected; keep quiet
    let caught = std::panic::catch_unwind(|| {
        model(2, || {
            three_held_jobs(|job| {
                let thread = thread::spawn(job);
                Box::new(move || thread.join().expect("no job panics"))
            });
        });
    });
    let _ = std::panic::take_hook();
    let message = caught
        .err()
        .and_then(|payload| {
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        })
        .expect("a thread per job fails the model");
    assert!(message.contains("a third job"), "{message}");
}
