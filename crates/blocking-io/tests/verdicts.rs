//! Control tests: every verdict the lesson prints can come out the other way.
//! Each test runs a broken variant of its section (a line that was answered
//! before the wait, calls run one after another, results gathered in the
//! wrong order...) through the same function from `blocking_io::verdict`
//! that `main.rs` prints, and checks the answer. Section 1's line prints
//! "no"; its control makes it say "yes".

use std::io;
use std::num::NonZeroUsize;
use std::thread;
use std::time::{Duration, Instant};

use blocking_io::shares::{
    Piece, Share, cut_row, divisors_in_shares, equal_shares, one_share_per_number,
};
use blocking_io::verdict;
use blocking_io::{Line, NUMBERS, divisors, one_thread_each, slow_system_call, wait_readable};

/// Longer than any of these tests can take, unless a wait really blocks.
const LONG: Duration = Duration::from_secs(10);

/// A line whose helicopter has already answered: a wait on it returns at once.
fn answered_line() -> io::Result<Line> {
    let line = Line::new()?;
    line.answer()?;
    Ok(line)
}

/// Section 1 prints "no" for the fresh socket; a silent line says "yes".
#[test]
fn verdict_fresh_socket_blocked_can_fail() -> io::Result<()> {
    let waited = Line::new()?.wait_for_reply(Duration::from_millis(10))?;
    assert_eq!(verdict::blocked_for_its_timeout(waited), "yes");
    if cfg!(target_os = "linux") {
        let socket = blocking_io::fresh_tcp_socket()?;
        let waited = wait_readable(&socket, LONG)?;
        assert_eq!(verdict::blocked_for_its_timeout(waited), "no");
    }
    Ok(())
}

/// Section 2: a line that has been answered does not block.
#[test]
fn verdict_silent_line_blocked_can_fail() -> io::Result<()> {
    let line = answered_line()?;
    let started = Instant::now();
    let waited = line.wait_for_reply(LONG)?;
    let took = started.elapsed();
    assert_eq!(verdict::blocked_for_at_least(waited, took, LONG), "no");
    Ok(())
}

/// Section 3: five waits on answered lines, one after another, take nothing
/// like five timeouts.
#[test]
fn verdict_five_calls_in_sequence_can_fail() -> io::Result<()> {
    let started = Instant::now();
    for _ in 0..5 {
        answered_line()?.wait_for_reply(LONG)?;
    }
    let took = started.elapsed();
    assert_eq!(verdict::took_at_least_timeouts(took, LONG, 5), "no");
    Ok(())
}

/// Section 4: five threads, each waiting on an answered line, each return at
/// once.
#[test]
fn verdict_each_call_blocked_can_fail() -> io::Result<()> {
    let calls = one_thread_each((0..5).map(|_| {
        || -> io::Result<Duration> {
            let line = answered_line()?;
            let started = Instant::now();
            line.wait_for_reply(LONG)?;
            Ok(started.elapsed())
        }
    }));
    let calls = calls.into_iter().collect::<io::Result<Vec<Duration>>>()?;
    assert_eq!(verdict::each_blocked_for_at_least(&calls, LONG), "no");
    assert_eq!(verdict::each_blocked_for_at_least(&[], LONG), "no");
    Ok(())
}

/// Section 4: five slow calls made one after another, on one thread, take
/// at least five timeouts: not under three.
#[test]
fn verdict_under_three_timeouts_can_fail() -> io::Result<()> {
    let timeout = Duration::from_millis(20);
    let started = Instant::now();
    for _ in 0..5 {
        slow_system_call(timeout)?;
    }
    let took = started.elapsed();
    assert_eq!(verdict::under_three_timeouts(took, timeout), "no");
    Ok(())
}

/// Section 6: threads started in the opposite order, their results gathered
/// as they were started, give the lists in the wrong order.
#[test]
fn verdict_same_results_can_fail() {
    let in_sequence: Vec<Vec<u64>> = NUMBERS.iter().map(|&n| divisors(n)).collect();
    let mut reversed = NUMBERS;
    reversed.reverse();
    let on_threads = one_thread_each(reversed.map(|n| move || divisors(n)));
    assert_eq!(verdict::same_results(&on_threads, &in_sequence), "no");
    // Started in order, they match.
    let on_threads = thread::scope(|s| {
        let handles: Vec<_> = NUMBERS
            .iter()
            .map(|&n| s.spawn(move || divisors(n)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    assert_eq!(verdict::same_results(&on_threads, &in_sequence), "yes");
}

/// Section 7 prints "no" for one thread per number; the equal shares,
/// really run and counted, say "yes".
#[test]
fn verdict_per_number_evenly_shared_can_fail() {
    let per_number = divisors_in_shares(&NUMBERS, one_share_per_number(&NUMBERS));
    assert_eq!(
        verdict::busiest_within_a_tenth_of_average(&per_number.divisions),
        "no"
    );
    let two = NonZeroUsize::new(2).expect("not zero");
    let equal = divisors_in_shares(&NUMBERS, equal_shares(&NUMBERS, two));
    assert_eq!(
        verdict::busiest_within_a_tenth_of_average(&equal.divisions),
        "yes"
    );
}

/// Section 7: three shares cut at round millions rather than at equal
/// distances leave the last thread the rest, and are lopsided; so is no work
/// at all.
#[test]
fn verdict_equal_shares_evenly_shared_can_fail() {
    // Cut at 2 and 4 million instead of every 2240920: the third thread
    // does 2722760 divisions, 1.21 times the average.
    let shares = cut_row(&NUMBERS, &[0, 2_000_000, 4_000_000, 6_722_760]);
    let lopsided = divisors_in_shares(&NUMBERS, shares);
    assert_eq!(lopsided.divisions, [2_000_000, 2_000_000, 2_722_760]);
    // Still the right answer: only the balance is wrong.
    let in_sequence: Vec<Vec<u64>> = NUMBERS.iter().map(|&n| divisors(n)).collect();
    assert_eq!(
        verdict::same_results(&lopsided.divisors, &in_sequence),
        "yes"
    );
    assert_eq!(
        verdict::busiest_within_a_tenth_of_average(&lopsided.divisions),
        "no"
    );
    assert_eq!(verdict::busiest_within_a_tenth_of_average(&[]), "no");
    assert_eq!(verdict::busiest_within_a_tenth_of_average(&[0, 0]), "no");
    // The bound itself: 11 against an average of 10 passes, 12 does not.
    assert_eq!(verdict::busiest_within_a_tenth_of_average(&[11, 9]), "yes");
    assert_eq!(verdict::busiest_within_a_tenth_of_average(&[12, 8]), "no");
}

/// Section 7: equal shares cut with an off-by-one (each piece stops one
/// candidate short, `first..last` where `first..=last` was meant) lose every
/// number itself, the last divisor of each list.
#[test]
fn verdict_equal_shares_same_divisors_can_fail() {
    let in_sequence: Vec<Vec<u64>> = NUMBERS.iter().map(|&n| divisors(n)).collect();
    let two = NonZeroUsize::new(2).expect("not zero");
    let short: Vec<Share> = equal_shares(&NUMBERS, two)
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
        .collect();
    let found = divisors_in_shares(&NUMBERS, short);
    assert_eq!(found.divisors[0], [1, 101, 21179]);
    assert_eq!(verdict::same_results(&found.divisors, &in_sequence), "no");
    let right = divisors_in_shares(&NUMBERS, equal_shares(&NUMBERS, two));
    assert_eq!(verdict::same_results(&right.divisors, &in_sequence), "yes");
}
