//! `thread-local-tally`: the behaviour, with exact expectations. The
//! reports are global, and other tests' threads report too: each test looks
//! only for the threads it started.

use std::sync::{Barrier, mpsc};
use std::thread::{self, ThreadId};

use thread_local_exercises::tally::{Report, count_event, reports, this_thread_count};

fn reports_of(thread: ThreadId) -> Vec<Report> {
    reports()
        .into_iter()
        .filter(|r| r.thread == thread)
        .collect()
}

#[test]
fn each_thread_counts_only_its_own_events() {
    let start = Barrier::new(3);
    thread::scope(|scope| {
        for events in [2, 5, 7] {
            let start = &start;
            scope.spawn(move || {
                start.wait(); // all three count at the same time
                for _ in 0..events {
                    count_event();
                }
                start.wait();
                assert_eq!(
                    this_thread_count(),
                    events,
                    "a thread's count must hold its own events only"
                );
            });
        }
    });
}

#[test]
fn a_thread_reports_its_count_when_it_exits_before_join_returns() {
    let worker = thread::spawn(|| {
        for _ in 0..4 {
            count_event();
        }
    });
    let id = worker.thread().id();
    worker.join().expect("the worker does not panic");
    assert_eq!(
        reports_of(id),
        [Report {
            thread: id,
            count: 4
        }],
        "a thread that counted 4 events must report 4, once, by the time join returns"
    );
}

#[test]
fn the_report_comes_at_exit_not_before() {
    let (counted, told) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let worker = thread::spawn(move || {
        count_event();
        count_event();
        counted.send(()).expect("the test waits for this");
        let _ = released.recv();
    });
    let id = worker.thread().id();
    told.recv().expect("the worker counts, then says so");
    assert!(
        reports_of(id).is_empty(),
        "a running thread must not have reported yet"
    );
    release.send(()).expect("the worker waits for this");
    worker.join().expect("the worker does not panic");
    assert_eq!(
        reports_of(id),
        [Report {
            thread: id,
            count: 2
        }]
    );
}

#[test]
fn a_thread_that_counted_nothing_reports_nothing() {
    let worker = thread::spawn(|| assert_eq!(this_thread_count(), 0));
    let id = worker.thread().id();
    worker.join().expect("a new thread's count is 0");
    assert!(reports_of(id).is_empty());
}
