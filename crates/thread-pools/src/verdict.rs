//! The verdicts the lesson prints, one function per claim, each computed
//! here from the evidence, so `main.rs` and the tests run the same check.
//! Every one of them can come out the other way: `tests/verdicts.rs` and
//! `tests/verdict_cost.rs` run a broken variant for each (threads that touch
//! their stack, jobs run on threads of their own, a job that has finished,
//! a thread per job or per connection, a handle thrown away, jobs that wait
//! instead of compute, servers that echo the wrong words, a pool of one
//! fetching pages) and check that the verdict says so.

use std::time::Duration;

use kit::Verdict;

use crate::JobHandle;

/// The address space a thread reserved is its stack and a little more:
/// from `stack_kib` to a tenth more (at least 64 KiB more, for guard pages
/// and the thread's own bookkeeping on small stacks).
pub fn reserved_is_its_stack(reserved_kib: u64, stack_kib: u64) -> Verdict {
    let slack = (stack_kib / 10).max(64);
    Verdict::from((stack_kib..stack_kib + slack).contains(&reserved_kib))
}

/// A thread made resident less than a tenth of what it reserved: only the
/// pages it touched.
pub fn touched_under_a_tenth(resident_kib: u64, reserved_kib: u64) -> Verdict {
    Verdict::from(resident_kib * 10 < reserved_kib)
}

/// Starting and joining a thread took more than a microsecond.
pub fn more_than_a_microsecond(each: Duration) -> Verdict {
    Verdict::from(each > Duration::from_micros(1))
}

/// Every job reported a pool worker's name (and there was at least one).
pub fn all_on_pool_workers(ran_on: &[String]) -> Verdict {
    Verdict::from(!ran_on.is_empty() && ran_on.iter().all(|name| name.starts_with("pool-worker-")))
}

/// The job behind `handle` has not finished yet.
pub fn still_waiting<T, E>(handle: &JobHandle<T, E>) -> Verdict {
    Verdict::from(!handle.is_done())
}

/// Something ran, and never more than `bound` at once.
pub fn never_more_than(most_at_once: usize, bound: usize) -> Verdict {
    Verdict::from((1..=bound).contains(&most_at_once))
}

/// Two ways of computing the same thing gave the same answer.
pub fn same_answer<T: PartialEq>(one: &T, other: &T) -> Verdict {
    Verdict::from(one == other)
}

/// `this` took less time than `that`.
pub fn faster(this: Duration, that: Duration) -> Verdict {
    Verdict::from(this < that)
}

/// A client got back exactly the bytes it sent.
pub fn got_its_own_words(reply: &[u8], sent: &[u8]) -> Verdict {
    Verdict::from(!sent.is_empty() && reply == sent)
}

/// `requests` requests, each of which waits `delay` at the server, all
/// finished in less time than they take one after another (`delay *
/// requests`): only possible if they overlapped.
pub fn fetched_concurrently(took: Duration, delay: Duration, requests: u32) -> Verdict {
    Verdict::from(requests > 1 && took < delay * requests)
}
