//! The checks behind every `yes`/`no` the lesson prints: one function per
//! claim, named after it, each returning a [`Verdict`].
//!
//! `main.rs` prints what these return; `tests/verdicts.rs` has a control for
//! each, `verdict_<function>_can_fail`, that runs a broken variant (a flag
//! that is never raised, one that is never lowered, the wrong end of the
//! socket pair, a stack for a queue, producers that drop items) and feeds
//! its evidence to the same function, which must then give the answer the
//! snapshot does not show.

use kit::Verdict;

/// The descriptor is readable: `polled` is what [`ready`](crate::ready)
/// returned for that one descriptor, asked with a zero timeout ("is it
/// readable right now?"), and it is not empty.
///
/// ```
/// use std::os::fd::AsFd;
/// use std::time::Duration;
/// use pollable_queues::{PollableQueue, ready, verdict};
///
/// let queue = PollableQueue::new()?;
/// let poll_now = |q: &PollableQueue<u32>| ready(&[q.as_fd()], Some(Duration::ZERO));
/// assert_eq!(verdict::readable(&poll_now(&queue)?).to_string(), "no");
/// queue.put(7);
/// assert_eq!(verdict::readable(&poll_now(&queue)?).to_string(), "yes");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn readable(polled: &[usize]) -> Verdict {
    Verdict::from(!polled.is_empty())
}

/// A writer that `fitted` bytes before it would block (see
/// [`bytes_until_blocked`](crate::bytes_until_blocked)) blocks before
/// `items` one-byte puts.
pub fn blocks_before(fitted: u64, items: u64) -> Verdict {
    Verdict::from(fitted < items)
}

/// `take` hands out exactly `expected`, in that order, and then nothing
/// more.
///
/// ```
/// use std::collections::VecDeque;
/// use kit::Verdict;
/// use pollable_queues::verdict::drained_in_order;
///
/// let mut fifo: VecDeque<u32> = (0..3).collect();
/// assert_eq!(drained_in_order(|| fifo.pop_front(), 0..3), Verdict::Yes);
/// let mut stack: Vec<u32> = (0..3).collect();
/// assert_eq!(drained_in_order(|| stack.pop(), 0..3), Verdict::No);
/// ```
pub fn drained_in_order<T: PartialEq>(
    mut take: impl FnMut() -> Option<T>,
    expected: impl IntoIterator<Item = T>,
) -> Verdict {
    let mut in_order = true;
    for item in expected {
        in_order &= take() == Some(item);
    }
    Verdict::from(in_order && take().is_none())
}

/// `got`, in any order, is exactly `0..total`: each item once, none lost,
/// none twice. Sorts `got`.
///
/// ```
/// use kit::Verdict;
/// use pollable_queues::verdict::each_exactly_once;
///
/// assert_eq!(each_exactly_once(&mut vec![2, 0, 1], 3), Verdict::Yes);
/// assert_eq!(each_exactly_once(&mut vec![2, 0, 0], 3), Verdict::No); // 1 lost, 0 twice
/// ```
pub fn each_exactly_once(got: &mut [u32], total: u32) -> Verdict {
    got.sort_unstable();
    Verdict::from(got.iter().copied().eq(0..total))
}
