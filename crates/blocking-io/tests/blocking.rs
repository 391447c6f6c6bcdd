//! The blocking call: it blocks for its whole timeout on a descriptor that never
//! becomes ready, returns at once on one that is, refuses a timeout it cannot
//! honour, and calls made on separate threads really are in progress together.

use std::io::{ErrorKind, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use blocking_io::{Line, Waited, one_thread_each, slow_system_call, wait_readable};

#[test]
fn each_slow_call_lasts_at_least_its_timeout() {
    for millis in [0, 1, 7, 30, 100] {
        let timeout = Duration::from_millis(millis);
        let started = Instant::now();
        slow_system_call(timeout).unwrap();
        let took = started.elapsed();
        assert!(
            took >= timeout,
            "a {timeout:?} call returned after {took:?}"
        );
    }
}

#[test]
fn a_timeout_that_is_not_whole_milliseconds_is_still_waited_out() {
    // poll counts in milliseconds: 2.5 ms must not become 2 ms.
    let timeout = Duration::from_micros(2_500);
    let line = Line::new().unwrap();
    let started = Instant::now();
    assert_eq!(line.wait_for_reply(timeout).unwrap(), Waited::TimedOut);
    assert!(started.elapsed() >= timeout);
}

#[test]
fn an_answered_line_is_ready_at_once() {
    // If the wait were a disguised sleep, this would time out after 10 s.
    let line = Line::new().unwrap();
    line.answer().unwrap();
    assert_eq!(
        line.wait_for_reply(Duration::from_secs(10)).unwrap(),
        Waited::Ready { hung_up: false }
    );
}

#[test]
fn an_answer_from_another_thread_ends_the_wait() {
    // The other thread answers once this one is about to wait. Whether the
    // byte lands just before the poll or during it, the wait returns Ready
    // at once instead of sitting out its 10 s.
    let line = Line::new().unwrap();
    let waiting = AtomicUsize::new(0);
    let waited = thread::scope(|s| {
        s.spawn(|| {
            while waiting.load(Ordering::SeqCst) == 0 {
                thread::sleep(Duration::from_millis(1));
            }
            line.answer().unwrap();
        });
        waiting.fetch_add(1, Ordering::SeqCst);
        line.wait_for_reply(Duration::from_secs(10)).unwrap()
    });
    assert_eq!(waited, Waited::Ready { hung_up: false });
}

#[test]
fn closing_the_far_end_makes_ours_ready_at_once() {
    // Why `Line` keeps both ends: a socket pair ...
    let (ours, theirs) = UnixStream::pair().unwrap();
    assert_eq!(
        wait_readable(&ours, Duration::from_millis(5)).unwrap(),
        Waited::TimedOut
    );
    drop(theirs);
    assert_eq!(
        wait_readable(&ours, Duration::from_secs(10)).unwrap(),
        Waited::Ready { hung_up: true }
    );
    // ... and a pipe alike.
    let (reader, writer) = std::io::pipe().unwrap();
    assert_eq!(
        wait_readable(&reader, Duration::from_millis(5)).unwrap(),
        Waited::TimedOut
    );
    drop(writer);
    assert_eq!(
        wait_readable(&reader, Duration::from_secs(10)).unwrap(),
        Waited::Ready { hung_up: true }
    );
}

#[test]
fn data_waiting_in_a_pipe_makes_it_ready() {
    let (reader, mut writer) = std::io::pipe().unwrap();
    writer.write_all(b"x").unwrap();
    assert_eq!(
        wait_readable(&reader, Duration::from_secs(10)).unwrap(),
        Waited::Ready { hung_up: false }
    );
}

#[cfg(target_os = "linux")]
#[test]
fn the_notes_fresh_socket_is_ready_at_once_on_linux() {
    let socket = blocking_io::fresh_tcp_socket().unwrap();
    assert_eq!(
        wait_readable(&socket, Duration::from_secs(10)).unwrap(),
        Waited::Ready { hung_up: true }
    );
}

#[test]
fn a_timeout_poll_cannot_express_is_refused_not_a_panic() {
    let line = Line::new().unwrap();
    let longest = Duration::from_millis(i32::MAX as u64);
    for timeout in [longest + Duration::from_nanos(1), Duration::MAX] {
        let err = line.wait_for_reply(timeout).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{timeout:?}");
        assert!(
            err.to_string().contains("longer than poll(2) can wait"),
            "{err}"
        );
        let err = slow_system_call(timeout).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
}

#[test]
fn a_zero_timeout_only_checks() {
    let line = Line::new().unwrap();
    assert_eq!(
        line.wait_for_reply(Duration::ZERO).unwrap(),
        Waited::TimedOut
    );
    line.answer().unwrap();
    assert_eq!(
        line.wait_for_reply(Duration::ZERO).unwrap(),
        Waited::Ready { hung_up: false }
    );
}

#[test]
fn calls_on_one_thread_each_are_in_progress_together() {
    // Five threads each wait on their own line. The lines are answered only
    // once all five threads have started their call, so a call can end early
    // (Ready) only if all five were under way at the same time. Run one after
    // another, the first would sit out its whole timeout (TimedOut) before the
    // second began, and the answers would come too late.
    const THREADS: usize = 5;
    let lines: Vec<Line> = (0..THREADS).map(|_| Line::new().unwrap()).collect();
    let started = AtomicUsize::new(0);
    let waits = thread::scope(|s| {
        s.spawn(|| {
            while started.load(Ordering::SeqCst) < THREADS {
                thread::sleep(Duration::from_millis(1));
            }
            for line in &lines {
                line.answer().unwrap();
            }
        });
        one_thread_each(lines.iter().map(|line| {
            let started = &started;
            move || {
                started.fetch_add(1, Ordering::SeqCst);
                line.wait_for_reply(Duration::from_secs(2))
            }
        }))
    });
    let waits: Vec<Waited> = waits.into_iter().map(Result::unwrap).collect();
    assert_eq!(waits, [Waited::Ready { hung_up: false }; THREADS]);
}
