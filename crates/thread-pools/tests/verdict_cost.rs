//! The controls of `a_thread_costs_time_and_memory`'s verdicts: each runs
//! a broken variant and gets `no` where the snapshot says `yes`. These
//! tests measure the process's memory, so they live in a file of their own
//! (their own process) and take turns: a test measuring while another
//! starts threads would see both.
//! Where `/proc/self/status` does not exist (anything but Linux), the
//! measuring functions return `None` and the memory tests have nothing to
//! check.
#![cfg(not(loom))]

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use kit::Verdict;
use thread_pools::cost::{
    default_stack_size, fastest_of, footprint_per_thread, footprint_per_thread_touching,
};
use thread_pools::verdict::{
    more_than_a_microsecond, reserved_is_its_stack, touched_under_a_tenth,
};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

const THREADS: u64 = 16;

/// `a_thread_costs_time_and_memory`'s reservation check, each time fed
/// the other crowd: threads given a 64 KiB stack, judged against std's
/// default stack, reserve far less than 2 MiB; threads with std's default
/// stack, judged against 64 KiB, reserve far more.
#[test]
fn verdict_reserved_is_its_stack_can_fail() {
    let _turn = one_at_a_time();
    let default_kib = default_stack_size() as u64 / 1024;
    let Some(small) = footprint_per_thread(THREADS, Some(64 * 1024)).expect("threads start") else {
        return;
    };
    assert_eq!(
        reserved_is_its_stack(small.reserved_kib, default_kib),
        Verdict::No,
        "{small:?}"
    );
    let Some(default) = footprint_per_thread(THREADS, None).expect("threads start") else {
        return;
    };
    assert_eq!(
        reserved_is_its_stack(default.reserved_kib, 64),
        Verdict::No,
        "{default:?}"
    );
}

/// The resident check, fed threads that write to 1 MiB of their 2 MiB
/// stacks before they are measured: half of what they reserved is resident.
#[test]
fn verdict_touched_under_a_tenth_can_fail() {
    let _turn = one_at_a_time();
    let stack = 2 * 1024 * 1024;
    let Some(busy) =
        footprint_per_thread_touching(THREADS, Some(stack), 1024).expect("threads start")
    else {
        return;
    };
    assert!(busy.resident_kib >= 1024, "{busy:?}");
    assert_eq!(
        touched_under_a_tenth(busy.resident_kib, busy.reserved_kib),
        Verdict::No,
        "{busy:?}"
    );
}

/// The thread-cost check, fed what an empty closure costs when it is
/// called on the current thread instead of started on a new one: a few
/// nanoseconds. (The fastest of ten batches, so a preemption in one batch
/// does not count.)
#[test]
fn verdict_more_than_a_microsecond_can_fail() {
    let (per_call, ()) = fastest_of(10, || {
        let started = Instant::now();
        for _ in 0..200 {
            std::hint::black_box(|| {})();
        }
        let _ = std::hint::black_box(started.elapsed() / 200);
    });
    // `fastest_of` times the whole batch: divide by the calls in it.
    let per_call = per_call / 200;
    assert_eq!(
        more_than_a_microsecond(per_call),
        Verdict::No,
        "{per_call:?}"
    );
}
