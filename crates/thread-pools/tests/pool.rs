//! The pool's behaviour, adversarially: exact results, failures that come
//! back, bounded concurrency, completion order, and shutdown as documented.

use std::cell::RefCell;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use thread_pools::{Channel, Gauge, JobError, PoolError, Shutdown, ThreadPool, as_completed};

fn pool(size: usize) -> ThreadPool {
    ThreadPool::new(size).expect("a small pool starts")
}

/// Runs `test` on its own thread and fails if it has not finished in ten
/// seconds: a broken pool tends to hang (a handle nobody completes), and a
/// hang should fail the test, not stall the suite.
fn within_ten_seconds(test: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let runner = thread::spawn(move || {
        test();
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => runner.join().expect("the test passed"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The test panicked: pass its panic on.
            if let Err(panic) = runner.join() {
                std::panic::resume_unwind(panic);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("hung: still running after ten seconds"),
    }
}

#[test]
fn a_pool_of_zero_workers_is_refused_with_a_clear_error() {
    let err = ThreadPool::new(0).expect_err("zero workers cannot run anything");
    assert!(matches!(err, PoolError::NoWorkers));
    assert_eq!(err.to_string(), "a pool needs at least one worker");
}

#[test]
fn each_handle_gets_the_result_of_its_own_job() {
    let pool = pool(3);
    let handles: Vec<_> = (0..100u64)
        .map(|n| pool.submit(move || Ok::<_, Infallible>(n * n)))
        .collect();
    let results: Vec<u64> = handles
        .into_iter()
        .map(|h| h.result().expect("squaring does not fail"))
        .collect();
    assert_eq!(results, (0..100u64).map(|n| n * n).collect::<Vec<_>>());
}

#[test]
fn a_jobs_error_comes_back_as_failed() {
    within_ten_seconds(|| {
        let pool = pool(2);
        let handle = pool.submit(|| Err::<u32, _>("no such thing"));
        assert_eq!(handle.result(), Err(JobError::Failed("no such thing")));
        let parsed = pool.submit(|| "forty-two".parse::<u32>());
        let err = parsed.result().expect_err("not a number");
        assert_eq!(err.to_string(), "failed: invalid digit found in string");
    });
}

#[test]
fn panics_come_back_as_panicked_and_the_worker_keeps_working() {
    within_ten_seconds(|| {
        let pool = pool(1); // one worker: every job below runs on it
        let literal = pool.submit(|| -> Result<(), Infallible> { panic!("a literal message") });
        let formatted = pool.submit(|| -> Result<(), Infallible> { panic!("job {} failed", 7) });
        let opaque = pool.submit(|| -> Result<(), Infallible> { std::panic::panic_any(42_u8) });
        let after = pool.submit(|| Ok::<_, Infallible>("still here"));
        assert_eq!(
            literal.result(),
            Err(JobError::Panicked("a literal message".into()))
        );
        assert_eq!(
            formatted.result(),
            Err(JobError::Panicked("job 7 failed".into()))
        );
        assert_eq!(
            opaque.result(),
            Err(JobError::Panicked("(a panic without a message)".into()))
        );
        assert_eq!(after.result(), Ok("still here"));
        // The one worker ran all four jobs and was still there to be joined.
        assert_eq!(
            pool.shutdown(),
            Shutdown {
                workers_joined: 1,
                jobs_run: 4
            }
        );
    });
}

#[test]
fn result_blocks_until_the_job_has_run() {
    within_ten_seconds(|| {
        let pool = pool(1);
        let (open, gate) = mpsc::channel::<u32>();
        let handle = pool.submit(move || gate.recv());
        assert!(!handle.is_done(), "cannot be done before the gate opens");
        open.send(5).expect("the job holds the receiver");
        assert_eq!(handle.result(), Ok(5));
    });
}

#[test]
fn a_pool_reaches_but_never_exceeds_n_jobs_at_once() {
    const WORKERS: usize = 3;
    let pool = pool(WORKERS);
    let gauge = Arc::new(Gauge::new());
    // The barrier makes every worker be inside at once, so the peak is
    // exactly WORKERS if, and only if, the pool never runs more.
    let meet = Arc::new(Barrier::new(WORKERS));
    let handles: Vec<_> = (0..60)
        .map(|_| {
            let (gauge, meet) = (Arc::clone(&gauge), Arc::clone(&meet));
            pool.submit(move || {
                let _inside = gauge.enter();
                meet.wait();
                thread::yield_now();
                Ok::<_, Infallible>(())
            })
        })
        .collect();
    for handle in handles {
        handle.result().expect("the jobs do not fail");
    }
    assert_eq!(gauge.peak(), WORKERS);
    assert_eq!(gauge.now(), 0);
}

#[test]
fn a_pool_of_one_runs_one_job_at_a_time() {
    let pool = pool(1);
    let gauge = Arc::new(Gauge::new());
    let handles: Vec<_> = (0..20)
        .map(|_| {
            let gauge = Arc::clone(&gauge);
            pool.submit(move || {
                let _inside = gauge.enter();
                thread::sleep(Duration::from_micros(200));
                Ok::<_, Infallible>(())
            })
        })
        .collect();
    for handle in handles {
        handle.result().expect("the jobs do not fail");
    }
    assert_eq!(gauge.peak(), 1);
}

#[test]
fn as_completed_yields_every_handle_exactly_once() {
    within_ten_seconds(|| {
        let pool = pool(4);
        // Some jobs finish before `as_completed` sees them, some after.
        let (open, gate) = mpsc::channel::<()>();
        let gate = Arc::new(Mutex::new(gate));
        let mut handles = Vec::new();
        for n in 0..40u64 {
            let gate = Arc::clone(&gate);
            handles.push(pool.submit(move || {
                if n >= 20 {
                    // Wait for the gate (one job at a time takes the signal).
                    let gate = gate.lock().map_err(|_| "poisoned")?;
                    gate.recv().map_err(|_| "gate dropped")?;
                }
                Ok::<_, &str>(n * 10)
            }));
        }
        for handle in &handles[..20] {
            while !handle.is_done() {
                thread::yield_now();
            }
        }
        let mut completed = as_completed(handles);
        assert_eq!(completed.len(), 40);
        for _ in 20..40 {
            open.send(()).expect("the jobs hold the gate");
        }
        let mut seen: Vec<(usize, u64)> = completed
            .by_ref()
            .map(|(index, result)| (index, result.expect("no job fails")))
            .collect();
        assert_eq!(completed.next().map(|(i, _)| i), None);
        seen.sort();
        let expected: Vec<(usize, u64)> = (0..40).map(|i| (i, i as u64 * 10)).collect();
        assert_eq!(seen, expected);
    });
}

#[test]
fn as_completed_yields_in_the_order_jobs_finish() {
    within_ten_seconds(|| {
        let pool = pool(3);
        let mut gates = Vec::new();
        let mut handles = Vec::new();
        for n in 0..3 {
            let (open, gate) = mpsc::channel::<()>();
            gates.push(open);
            handles.push(pool.submit(move || gate.recv().map(|()| n)));
        }
        let mut completed = as_completed(handles);
        // Each job can finish only when its gate opens, so the order is ours.
        let mut order = Vec::new();
        for n in [2, 0, 1] {
            gates[n].send(()).expect("the job holds its gate");
            let (index, result) = completed.next().expect("a job is left");
            assert_eq!(result, Ok(n));
            order.push(index);
        }
        assert_eq!(order, [2, 0, 1]);
        assert!(completed.next().is_none());
    });
}

#[test]
fn as_completed_passes_failures_through() {
    within_ten_seconds(|| {
        let pool = pool(2);
        let handles = vec![
            pool.submit(|| Ok(1)),
            pool.submit(|| Err("bad")),
            pool.submit(|| -> Result<i32, &str> { panic!("worse") }),
        ];
        let mut seen: Vec<_> = as_completed(handles).collect();
        seen.sort_by_key(|(index, _)| *index);
        assert_eq!(
            seen,
            [
                (0, Ok(1)),
                (1, Err(JobError::Failed("bad"))),
                (2, Err(JobError::Panicked("worse".into())))
            ]
        );
    });
}

#[test]
fn as_completed_of_no_handles_is_empty() {
    let handles: Vec<thread_pools::JobHandle<(), ()>> = Vec::new();
    assert_eq!(as_completed(handles).count(), 0);
}

#[test]
fn drop_finishes_every_queued_job_first() {
    let pool = pool(1);
    let log = Arc::new(Mutex::new(Vec::new()));
    let (open, gate) = mpsc::channel::<()>();
    // The only worker is stuck on the gate, so the ten jobs after it are
    // all still queued when `drop` starts.
    let _ = pool.submit(move || gate.recv());
    for n in 0..10 {
        let log = Arc::clone(&log);
        let _ = pool.submit(move || log.lock().map(|mut log| log.push(n)).map_err(drop));
    }
    let opener = thread::spawn(move || {
        thread::sleep(Duration::from_millis(50)); // let `drop` begin first
        open.send(()).expect("the gated job holds the receiver");
    });
    drop(pool);
    opener.join().expect("the opener does not panic");
    let log = log.lock().expect("no job panicked");
    assert_eq!(*log, (0..10).collect::<Vec<_>>());
}

#[test]
fn drop_joins_every_worker_before_returning() {
    // A thread-local's destructor runs when its thread exits; count them.
    static EXITED: AtomicUsize = AtomicUsize::new(0);
    struct CountsExit;
    impl Drop for CountsExit {
        fn drop(&mut self) {
            thread::sleep(Duration::from_millis(20)); // exit slowly
            EXITED.fetch_add(1, Ordering::SeqCst);
        }
    }
    thread_local!(static MARK: RefCell<Option<CountsExit>> = const { RefCell::new(None) });

    const WORKERS: usize = 4;
    let pool = pool(WORKERS);
    let meet = Arc::new(Barrier::new(WORKERS)); // one job on each worker
    let handles: Vec<_> = (0..WORKERS)
        .map(|_| {
            let meet = Arc::clone(&meet);
            pool.submit(move || {
                MARK.with(|mark| *mark.borrow_mut() = Some(CountsExit));
                meet.wait();
                Ok::<_, Infallible>(())
            })
        })
        .collect();
    for handle in handles {
        handle.result().expect("the jobs do not fail");
    }
    assert_eq!(EXITED.load(Ordering::SeqCst), 0);
    drop(pool);
    assert_eq!(EXITED.load(Ordering::SeqCst), WORKERS);
}

#[test]
fn shutdown_reports_every_worker_and_every_job() {
    let pool = pool(3);
    for n in 0..25 {
        let _ = pool.submit(move || Ok::<_, Infallible>(n));
    }
    assert_eq!(
        pool.shutdown(),
        Shutdown {
            workers_joined: 3,
            jobs_run: 25
        }
    );
}

#[test]
fn a_dropped_handle_does_not_cancel_its_job() {
    let pool = pool(2);
    let ran = Arc::new(AtomicUsize::new(0));
    for _ in 0..5 {
        let ran = Arc::clone(&ran);
        let _ = pool.submit(move || Ok::<_, Infallible>(ran.fetch_add(1, Ordering::SeqCst)));
    }
    drop(pool);
    assert_eq!(ran.load(Ordering::SeqCst), 5);
}

#[test]
fn workers_are_named() {
    let pool = pool(1);
    let name = pool.submit(|| Ok::<_, Infallible>(thread::current().name().map(str::to_owned)));
    assert_eq!(name.result(), Ok(Some("pool-worker-0".to_owned())));
}

#[test]
fn channel_close_wakes_every_waiting_receiver() {
    let channel = Arc::new(Channel::<u32>::new());
    let receivers: Vec<_> = (0..3)
        .map(|_| {
            let channel = Arc::clone(&channel);
            thread::spawn(move || channel.recv())
        })
        .collect();
    thread::sleep(Duration::from_millis(20)); // let them block in recv
    channel.close();
    for receiver in receivers {
        assert_eq!(receiver.join().expect("recv does not panic"), None);
    }
}

#[test]
fn channel_delivers_in_order_and_drains_after_close() {
    let channel = Channel::new();
    for n in 0..5 {
        channel.send(n).expect("open");
    }
    channel.close();
    assert_eq!(channel.send(99), Err(99));
    let drained: Vec<_> = std::iter::from_fn(|| channel.recv()).collect();
    assert_eq!(drained, [0, 1, 2, 3, 4]);
}

#[test]
fn channel_with_many_senders_and_receivers_loses_nothing() {
    let channel = Arc::new(Channel::new());
    let receivers: Vec<_> = (0..3)
        .map(|_| {
            let channel = Arc::clone(&channel);
            thread::spawn(move || std::iter::from_fn(|| channel.recv()).collect::<Vec<u32>>())
        })
        .collect();
    thread::scope(|scope| {
        for sender in 0..4 {
            let channel = &channel;
            scope.spawn(move || {
                for n in 0..250 {
                    channel
                        .send(sender * 1000 + n)
                        .expect("open until all are sent");
                }
            });
        }
    });
    channel.close();
    let mut all: Vec<u32> = receivers
        .into_iter()
        .flat_map(|r| r.join().expect("recv does not panic"))
        .collect();
    all.sort();
    let expected: Vec<u32> = (0..4)
        .flat_map(|s| (0..250).map(move |n| s * 1000 + n))
        .collect();
    assert_eq!(all, expected);
}
