//! Step 5: [`FastQueue`], the closable queue made fast in the manner of
//! *Rust Atomics and Locks*, chapter 9: it counts the threads asleep on
//! each condition variable and notifies only when one is, and it looks
//! again a few times before it sleeps.
//!
//! Step 4's `put` calls `notify_one` for every item, and its `get` calls it
//! for every item taken, whether or not anybody waits. On Linux, std's
//! `Condvar` keeps no count of its waiters, so each of those is a `futex`
//! system call, even when it wakes nobody. And a consumer that is a little
//! faster than its producer finds the queue empty after nearly every item,
//! goes to sleep, and must be woken for the next one: two system calls and
//! two context switches per item. This step removes the first cost and
//! shrinks the second. It leaves out `task_done` and `join`: a pipeline on
//! it stops by closing, as the several-workers pipeline does
//! (`a_pipeline_with_several_workers_per_stage`).

use std::collections::VecDeque;

use kit::sync::{Condvar, Mutex, MutexGuard, lock, wait};

use crate::spin::spin_pause;
use crate::{Closed, ZeroCapacity};

/// How many times `get` and `put` let go of the lock and look again before
/// they go to sleep: ten, each after a pause that grows ([`spin_pause`],
/// rounds 1 to 10). The first five pauses spin on the CPU, for 2, 4, 8, 16
/// and 32 turns of `spin_loop` (a busy producer's next item is often that
/// close); the last five give the core to another thread (`yield_now`),
/// which on a machine with more threads than cores is what lets the
/// producer run at all. On a core nobody else wants, all ten take a few
/// microseconds: a consumer with nothing coming soon still sleeps almost at
/// once. Under loom, one look: the spin path is explored, and the model
/// stays small.
#[cfg(not(loom))]
const SPINS: u32 = 10;
#[cfg(loom)]
const SPINS: u32 = 1;

/// How often a queue called `notify_one` or `notify_all`, and how many of
/// those calls found a thread asleep on that condition variable (counted
/// under the queue's lock, at the moment of deciding).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Notifications {
    /// Calls to `notify_one` / `notify_all`.
    pub sent: u64,
    /// Of those, the ones made while a thread was asleep on that `Condvar`.
    pub with_a_sleeper: u64,
}

impl std::ops::Add for Notifications {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            sent: self.sent + other.sent,
            with_a_sleeper: self.with_a_sleeper + other.with_a_sleeper,
        }
    }
}

/// When a queue notifies a condition variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotifyRule {
    /// Only when a thread is asleep on it: this step's rule.
    WhenSomeoneSleeps,
    /// After every put and every get, whoever waits: step 4's rule, kept so
    /// that the same counters can measure it
    /// (`a_faster_queue_notifies_only_when_someone_sleeps` runs both).
    Always,
}

// ANCHOR: fast_queue
/// The closable queue, plus a count of the threads asleep in `get` and in
/// `put`. A `put` notifies `not_empty` only if a `get` is asleep on it, and
/// a `get` notifies `not_full` only if a `put` is; and before either goes
/// to sleep, it lets go of the lock and looks again, up to ten times.
///
/// Why a notify cannot be lost: a thread counts itself asleep *under the
/// lock*, and `wait` lets go of the lock only once the thread is waiting.
/// A `put` reads the count under the same lock, so either it sees the
/// sleeper and wakes it, or the sleeper had not counted itself yet, and
/// then it checks the queue after the put and finds the item.
///
/// ```
/// let queue = queues::FastQueue::unbounded();
/// queue.put("photo 1")?;
/// queue.close();
/// assert_eq!(queue.put("photo 2"), Err(queues::Closed("photo 2")));
/// let delivered: Vec<_> = (&queue).into_iter().collect();
/// assert_eq!(delivered, ["photo 1"]);
/// // Nobody was ever asleep, so nobody was ever notified.
/// assert_eq!(queue.notifications().sent, 0);
/// # Ok::<(), queues::Closed<&str>>(())
/// ```
#[derive(Debug)]
pub struct FastQueue<T> {
    state: Mutex<State<T>>,
    capacity: usize,
    not_empty: Condvar,
    not_full: Condvar,
    rule: NotifyRule,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    /// Set once by `close`, never cleared.
    closed: bool,
    /// Threads asleep in `get`, on `not_empty`.
    sleeping_gets: usize,
    /// Threads asleep in `put`, on `not_full`.
    sleeping_puts: usize,
    notifications: Notifications,
}
// ANCHOR_END: fast_queue

impl<T> FastQueue<T> {
    /// A new, open, empty queue that holds at most `capacity` items.
    pub fn new(capacity: usize) -> Result<Self, ZeroCapacity> {
        Self::with_rule(capacity, NotifyRule::WhenSomeoneSleeps)
    }

    /// A queue with no practical limit: `put` never waits.
    pub fn unbounded() -> Self {
        Self::new(usize::MAX).expect("usize::MAX is not zero")
    }

    /// A queue that notifies by `rule`: [`NotifyRule::Always`] is step 4's
    /// rule, notify after every put and every get, here to be measured with
    /// the same counters.
    pub fn with_rule(capacity: usize, rule: NotifyRule) -> Result<Self, ZeroCapacity> {
        if capacity == 0 {
            return Err(ZeroCapacity);
        }
        Ok(Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                closed: false,
                sleeping_gets: 0,
                sleeping_puts: 0,
                notifications: Notifications::default(),
            }),
            capacity,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            rule,
        })
    }

    // ANCHOR: fast_put_get
    /// Adds `item` at the back, waiting while the queue is full; or, if the
    /// queue is closed, hands the item back as `Err(Closed(item))`.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        let mut state = lock(&self.state);
        let mut looks = 0;
        while state.items.len() >= self.capacity && !state.closed {
            if looks < SPINS {
                looks += 1;
                state = self.look_again(state, looks);
                continue;
            }
            state.sleeping_puts += 1;
            state = wait(&self.not_full, state);
            state.sleeping_puts -= 1;
        }
        if state.closed {
            return Err(Closed(item));
        }
        state.items.push_back(item);
        let sleepers = state.sleeping_gets;
        let notify = self.decide(&mut state.notifications, sleepers);
        drop(state);
        if notify {
            self.not_empty.notify_one();
        }
        Ok(())
    }

    /// Takes the item at the front, waiting until there is one; `None` once
    /// the queue is closed *and* empty.
    pub fn get(&self) -> Option<T> {
        let mut state = lock(&self.state);
        let mut looks = 0;
        loop {
            if let Some(item) = state.items.pop_front() {
                let sleepers = state.sleeping_puts;
                let notify = self.decide(&mut state.notifications, sleepers);
                drop(state);
                if notify {
                    self.not_full.notify_one();
                }
                return Some(item);
            }
            if state.closed {
                return None;
            }
            if looks < SPINS {
                looks += 1;
                state = self.look_again(state, looks);
                continue;
            }
            state.sleeping_gets += 1;
            state = wait(&self.not_empty, state);
            state.sleeping_gets -= 1;
        }
    }

    /// Whether to notify a condition variable with `sleepers` threads
    /// asleep on it, by this queue's rule; the decision is counted.
    fn decide(&self, counts: &mut Notifications, sleepers: usize) -> bool {
        let notify = sleepers > 0 || self.rule == NotifyRule::Always;
        if notify {
            counts.sent += 1;
            counts.with_a_sleeper += u64::from(sleepers > 0);
        }
        notify
    }

    /// The spin: lets go of the lock for a moment (longer each `round`,
    /// counted from 1), so the other side can get in and change the queue,
    /// then takes it again.
    fn look_again<'a>(
        &'a self,
        state: MutexGuard<'a, State<T>>,
        round: u32,
    ) -> MutexGuard<'a, State<T>> {
        drop(state);
        spin_pause(round);
        lock(&self.state)
    }
    // ANCHOR_END: fast_put_get

    /// Closes the queue: no more puts; `get` returns `None` once the queue
    /// is empty. Wakes every thread asleep in `get` or `put`. Closing twice
    /// is harmless.
    pub fn close(&self) {
        let mut state = lock(&self.state);
        state.closed = true;
        let (gets, puts) = (state.sleeping_gets, state.sleeping_puts);
        let wake_gets = self.decide(&mut state.notifications, gets);
        let wake_puts = self.decide(&mut state.notifications, puts);
        drop(state);
        if wake_gets {
            self.not_empty.notify_all();
        }
        if wake_puts {
            self.not_full.notify_all();
        }
    }

    /// Whether [`close`](Self::close) has been called.
    pub fn is_closed(&self) -> bool {
        lock(&self.state).closed
    }

    /// The notifications this queue has sent so far.
    pub fn notifications(&self) -> Notifications {
        lock(&self.state).notifications
    }

    /// How many items are waiting in the queue.
    pub fn len(&self) -> usize {
        lock(&self.state).items.len()
    }

    /// Whether no item is waiting in the queue.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `for item in &queue`: the items, until the queue is closed and empty.
#[derive(Debug)]
pub struct FastIter<'a, T> {
    queue: &'a FastQueue<T>,
}

impl<T> Iterator for FastIter<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.queue.get()
    }
}

impl<'a, T> IntoIterator for &'a FastQueue<T> {
    type Item = T;
    type IntoIter = FastIter<'a, T>;

    fn into_iter(self) -> FastIter<'a, T> {
        FastIter { queue: self }
    }
}
