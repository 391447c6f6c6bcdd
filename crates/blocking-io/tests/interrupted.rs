//! A signal that interrupts the wait (`EINTR`) must not cut it short. In a file
//! of its own: it installs a signal handler, which is process-wide.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use blocking_io::{Line, Waited};
use nix::libc::c_int;
use nix::sys::pthread::{pthread_kill, pthread_self};
use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, Signal, sigaction};

static SIGNALS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn count_signal(_: c_int) {
    // An atomic add is async-signal-safe.
    SIGNALS.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn a_wait_interrupted_by_signals_still_lasts_its_whole_timeout() {
    // No SA_RESTART: with a handler installed, Linux fails poll with EINTR.
    let action = SigAction::new(
        SigHandler::Handler(count_signal),
        SaFlags::empty(),
        SigSet::empty(),
    );
    // SAFETY: the handler only touches an atomic, and no other test in this
    // process uses SIGUSR1.
    #[expect(
        unsafe_code,
        reason = "installing a signal handler is unsafe in nix: the test needs EINTR"
    )]
    unsafe { sigaction(Signal::SIGUSR1, &action) }.unwrap();

    let timeout = Duration::from_millis(300);
    let line = Line::new().unwrap();
    let (tx, rx) = mpsc::channel();
    let (waited, took) = thread::scope(|s| {
        let waiter = s.spawn(|| {
            tx.send(pthread_self()).unwrap();
            let started = Instant::now();
            let waited = line.wait_for_reply(timeout);
            (waited, started.elapsed())
        });
        // Interrupt it every 10 ms for 150 ms, while it waits.
        let target = rx.recv().unwrap();
        for _ in 0..15 {
            thread::sleep(Duration::from_millis(10));
            pthread_kill(target, Signal::SIGUSR1).unwrap();
        }
        waiter.join().unwrap()
    });
    // Signals that arrive together may merge into one; at least one arrived.
    assert!(SIGNALS.load(Ordering::SeqCst) >= 1);
    assert_eq!(waited.unwrap(), Waited::TimedOut);
    assert!(
        took >= timeout,
        "an interrupted wait returned after {took:?}"
    );
}
