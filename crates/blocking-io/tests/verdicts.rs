//! The controls: every verdict function the lesson prints, fed the evidence
//! of a broken variant run for real, gives the answer opposite to the
//! snapshot's (`verdict_<name>_can_fail`, one per function in
//! `src/verdict.rs`): a line whose far end was dropped, so that waiting on
//! it returns at once; five threads spawned and joined in one chain, so
//! that each waits for the one before; results gathered as the threads
//! finish; shares cut one candidate short, or at round millions. The fresh
//! socket's "no" is answered by a wait that does block, and one thread per
//! number's lopsided "no" by numbers of nearly equal size.

use std::io;
use std::num::{NonZeroU64, NonZeroUsize};
use std::os::unix::net::UnixStream;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use blocking_io::shares::{
    Piece, Share, cut_row, divisors_in_shares, equal_shares, one_share_per_number,
};
use blocking_io::verdict::{
    blocked_for_at_least, blocked_for_its_timeout, busiest_within_a_tenth_of_average,
    each_blocked_for_at_least, same_divisors, took_at_least_timeouts, under_three_timeouts,
};
use blocking_io::{Line, NUMBERS, Waited, divisors, slow_system_call, wait_readable};
use kit::Verdict;

/// The lesson's timeout.
const TIMEOUT: Duration = Duration::from_millis(100);

/// `slow_system_call` with the bug `Line` is written to avoid: the far end
/// of the socket pair is dropped before the wait, so our end reads end of
/// file, `poll` reports a hang-up, and the call returns at once (as the
/// notes' `select` on a fresh socket does on Linux).
fn slow_call_without_its_far_end(timeout: Duration) -> io::Result<Waited> {
    let (ours, theirs) = UnixStream::pair()?;
    drop(theirs);
    wait_readable(&ours, timeout)
}

fn in_sequence() -> Vec<Vec<u64>> {
    NUMBERS.iter().map(|&number| divisors(number)).collect()
}

/// `a_fresh_socket_is_ready_at_once` prints "no" for the notes' socket; a
/// wait on a line whose far end is open and silent sits out its timeout.
#[test]
fn verdict_blocked_for_its_timeout_can_fail() -> io::Result<()> {
    let waited = Line::new()?.wait_for_reply(Duration::from_millis(10))?;
    assert_eq!(blocked_for_its_timeout(waited), Verdict::Yes);
    Ok(())
}

/// `a_silent_line_blocks_for_its_whole_timeout`, with the far end dropped:
/// the wait ends at once, in a hang-up.
#[test]
fn verdict_blocked_for_at_least_can_fail() -> io::Result<()> {
    let started = Instant::now();
    let waited = slow_call_without_its_far_end(TIMEOUT)?;
    let took = started.elapsed();
    assert_eq!(waited, Waited::Ready { hung_up: true });
    assert_eq!(blocked_for_at_least(waited, took, TIMEOUT), Verdict::No);
    Ok(())
}

/// `five_calls_in_sequence_take_five_timeouts`, each call on a line whose
/// far end was dropped: five calls that do not block take nothing like
/// five timeouts.
#[test]
fn verdict_took_at_least_timeouts_can_fail() -> io::Result<()> {
    let started = Instant::now();
    for _ in 0..5 {
        slow_call_without_its_far_end(TIMEOUT)?;
    }
    let took = started.elapsed();
    assert_eq!(took_at_least_timeouts(took, TIMEOUT, 5), Verdict::No);
    Ok(())
}

/// `five_threads_wait_while_the_main_thread_computes`, each thread making
/// the call on a line whose far end was dropped: every call, timed by its
/// own thread, returns at once.
#[test]
fn verdict_each_blocked_for_at_least_can_fail() -> io::Result<()> {
    let calls: Vec<_> = (0..5)
        .map(|_| {
            thread::spawn(|| {
                let started = Instant::now();
                slow_call_without_its_far_end(TIMEOUT)?;
                Ok(started.elapsed())
            })
        })
        .collect();
    let blocked = calls
        .into_iter()
        .map(|call| call.join().expect("the call returns errors, never panics"))
        .collect::<io::Result<Vec<Duration>>>()?;
    assert_eq!(each_blocked_for_at_least(&blocked, TIMEOUT), Verdict::No);
    Ok(())
}

/// `five_threads_wait_while_the_main_thread_computes` with its spawns and
/// joins in one iterator chain: iterators are lazy, so each thread is
/// joined before the next is spawned, and the five calls run one after
/// another after all.
#[test]
fn verdict_under_three_timeouts_can_fail() -> io::Result<()> {
    let timeout = Duration::from_millis(20); // a short test; each call still blocks
    let started = Instant::now();
    (0..5)
        .map(|_| thread::spawn(move || slow_system_call(timeout)))
        .map(|call| {
            call.join()
                .expect("slow_system_call returns errors, never panics")
        })
        .collect::<io::Result<Vec<()>>>()?;
    let took = started.elapsed();
    assert!(took >= timeout * 5, "the calls overlapped: {took:?}");
    assert_eq!(under_three_timeouts(took, timeout), Verdict::No);
    Ok(())
}

/// One thread per number, each sending its list the moment it is done, the
/// lists gathered in the order they arrive. The first number's thread is
/// held back until the other three have sent theirs, so it finishes last,
/// as it may on any run.
fn gathered_as_they_finish() -> Vec<Vec<u64>> {
    let (done, arrivals) = mpsc::channel::<Vec<u64>>();
    let (go, first_may_start) = mpsc::channel::<()>();
    let mut first_may_start = Some(first_may_start);
    thread::scope(|s| {
        for (i, &number) in NUMBERS.iter().enumerate() {
            let done = done.clone();
            let held_back = if i == 0 { first_may_start.take() } else { None };
            s.spawn(move || {
                if let Some(signal) = held_back {
                    signal.recv().expect("the main thread lets it go");
                }
                done.send(divisors(number))
                    .expect("the main thread is receiving");
            });
        }
        drop(done); // the threads hold the only senders now
        let mut found: Vec<Vec<u64>> = arrivals.iter().take(NUMBERS.len() - 1).collect();
        go.send(()).expect("the first thread waits for it");
        found.extend(arrivals.iter());
        found
    })
}

/// Equal shares cut with an off-by-one: each piece stops one candidate
/// short (`first..last` where `first..=last` was meant).
fn equal_shares_one_short(workers: NonZeroUsize) -> Vec<Share> {
    equal_shares(&NUMBERS, workers)
        .into_iter()
        .map(|share| {
            share
                .into_iter()
                .map(|piece| Piece {
                    candidates: *piece.candidates.start()..=*piece.candidates.end() - 1,
                    ..piece
                })
                .collect()
        })
        .collect()
}

/// Both sections that print this verdict, broken their own way:
/// `factorising_on_one_thread_per_number` with the lists gathered as the
/// threads finish (every list right, the order wrong), and
/// `factorising_in_equal_shares_one_per_core` with shares cut one candidate
/// short, which loses every number itself from its list.
#[test]
fn verdict_same_divisors_can_fail() {
    let in_sequence = in_sequence();

    let as_they_finish = gathered_as_they_finish();
    assert_eq!(as_they_finish.len(), NUMBERS.len());
    assert!(as_they_finish.iter().all(|list| in_sequence.contains(list)));
    assert_eq!(as_they_finish.last(), in_sequence.first());
    assert_eq!(same_divisors(&as_they_finish, &in_sequence), Verdict::No);

    let two = NonZeroUsize::new(2).expect("not zero");
    let one_short = divisors_in_shares(&NUMBERS, equal_shares_one_short(two));
    assert_eq!(one_short.divisors[0], [1, 101, 21179]);
    assert_eq!(
        same_divisors(&one_short.divisors, &in_sequence),
        Verdict::No
    );
}

/// Both lines of `factorising_in_equal_shares_one_per_core`, the other way
/// round. Equal shares' "yes": three shares cut at round millions rather
/// than every 2240920 candidates leave the last thread the rest, 1.21 times
/// the average (the divisors still right: only the balance is wrong). One
/// thread per number's "no": given four primes of nearly the same size
/// instead of the notes' numbers, the same split is even.
#[test]
fn verdict_busiest_within_a_tenth_of_average_can_fail() {
    let round_millions = cut_row(&NUMBERS, &[0, 2_000_000, 4_000_000, 6_722_760]);
    let lopsided = divisors_in_shares(&NUMBERS, round_millions);
    assert_eq!(lopsided.divisions, [2_000_000, 2_000_000, 2_722_760]);
    assert_eq!(
        same_divisors(&lopsided.divisors, &in_sequence()),
        Verdict::Yes
    );
    assert_eq!(
        busiest_within_a_tenth_of_average(&lopsided.divisions),
        Verdict::No
    );

    let alike = [10_007, 10_009, 10_037, 10_039].map(|n| NonZeroU64::new(n).expect("not zero"));
    let per_number = divisors_in_shares(&alike, one_share_per_number(&alike));
    assert_eq!(per_number.divisions, [10_007, 10_009, 10_037, 10_039]);
    assert_eq!(
        busiest_within_a_tenth_of_average(&per_number.divisions),
        Verdict::Yes
    );
}
