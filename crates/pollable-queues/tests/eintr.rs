//! `ready` keeps its deadline when a signal interrupts `poll()` (EINTR).
//!
//! A file of its own: the test installs a process-wide SIGUSR1 handler,
//! which no other test should share.

use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::pthread::{pthread_kill, pthread_self};
use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, Signal, sigaction};
use pollable_queues::ready;

static HANDLED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn count_signal(_: nix::libc::c_int) {
    HANDLED.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn a_steady_stream_of_signals_does_not_stretch_the_timeout() {
    // No SA_RESTART: the interrupted poll() returns EINTR to `ready`.
    let action = SigAction::new(
        SigHandler::Handler(count_signal),
        SaFlags::empty(),
        SigSet::empty(),
    );
    // SAFETY: the handler only touches an atomic, which is async-signal-safe.
    #[expect(
        unsafe_code,
        reason = "installing a signal handler is unsafe in nix: the test needs EINTR"
    )]
    unsafe { sigaction(Signal::SIGUSR1, &action) }.expect("a handler can be installed");

    let (silent, _other_end) = UnixStream::pair().expect("a socket pair can be made");
    let timeout = Duration::from_millis(300);
    let done = AtomicBool::new(false);
    let waiter = pthread_self();
    // A signal every 50 ms, for up to 5 s: far more often than the timeout.
    // A `ready` that restarted its whole timeout after each EINTR would wait
    // until the signals stopped; one that keeps its deadline returns at it.
    let (result, waited, signals_sent) = thread::scope(|s| {
        let signaller = s.spawn(|| {
            let mut sent = 0;
            while !done.load(Ordering::SeqCst) && sent < 100 {
                pthread_kill(waiter, Signal::SIGUSR1).expect("the waiting thread is alive");
                sent += 1;
                thread::sleep(Duration::from_millis(50));
            }
            sent
        });
        let started = Instant::now();
        let result = ready(&[silent.as_fd()], Some(timeout));
        let waited = started.elapsed();
        done.store(true, Ordering::SeqCst);
        let sent = signaller.join().expect("the signaller does not panic");
        (result, waited, sent)
    });
    assert_eq!(result.expect("EINTR is not an error"), Vec::<usize>::new());
    assert!(
        waited >= timeout,
        "returned after {waited:?}, before its timeout"
    );
    assert!(HANDLED.load(Ordering::SeqCst) >= 1, "no signal arrived");
    // The waiter finished while the signals were still coming.
    assert!(
        signals_sent < 100,
        "ready() returned only once the signals stopped: it restarted its timeout"
    );
}
