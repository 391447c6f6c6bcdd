//! Section 1's verdicts can come out "no". These tests measure the process's
//! memory, so they live in a file of their own (their own process) and take
//! turns: a test measuring while another starts threads would see both.
//! Where `/proc/self/status` does not exist (anything but Linux), the
//! measuring functions return `None` and the memory tests have nothing to
//! check.
#![cfg(not(loom))]

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use thread_pools::cost::{
    default_stack_size, fastest_of, footprint_per_thread, footprint_per_thread_touching,
};
use thread_pools::verdict::{
    more_than_a_microsecond, reserved_is_its_stack, touched_under_a_tenth,
};
use thread_pools::yes_no;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

const THREADS: u64 = 16;

/// The default-stack check, fed threads that were given a 64 KiB stack:
/// they reserve far less than 2 MiB.
#[test]
fn verdict_reserved_its_default_stack_can_fail() {
    let _turn = one_at_a_time();
    let default_kib = default_stack_size() as u64 / 1024;
    let Some(small) = footprint_per_thread(THREADS, Some(64 * 1024)).expect("threads start") else {
        return;
    };
    assert_eq!(
        yes_no(reserved_is_its_stack(small.reserved_kib, default_kib)),
        "no",
        "{small:?}"
    );
}

/// The small-stack check, fed threads with std's default stack: they
/// reserve far more than 64 KiB.
#[test]
fn verdict_reserved_its_small_stack_can_fail() {
    let _turn = one_at_a_time();
    let Some(default) = footprint_per_thread(THREADS, None).expect("threads start") else {
        return;
    };
    assert_eq!(
        yes_no(reserved_is_its_stack(default.reserved_kib, 64)),
        "no",
        "{default:?}"
    );
}

/// The resident check, fed threads that write to 1 MiB of their 2 MiB
/// stacks before they are measured: half of what they reserved is resident.
#[test]
fn verdict_resident_under_a_tenth_can_fail() {
    let _turn = one_at_a_time();
    let stack = 2 * 1024 * 1024;
    let Some(busy) =
        footprint_per_thread_touching(THREADS, Some(stack), 1024).expect("threads start")
    else {
        return;
    };
    assert!(busy.resident_kib >= 1024, "{busy:?}");
    assert_eq!(
        yes_no(touched_under_a_tenth(busy.resident_kib, busy.reserved_kib)),
        "no",
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
        yes_no(more_than_a_microsecond(per_call)),
        "no",
        "{per_call:?}"
    );
}
