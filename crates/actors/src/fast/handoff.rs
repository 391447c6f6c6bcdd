//! The generic hand-off both of a [`FastWorker`](super::FastWorker)'s
//! hand-offs are built on: a `Mutex` and a `Condvar` that notify only a
//! waiter that said it sleeps, a flag to spin on before sleeping, and the
//! counters of what it did. Also [`Tuning`] and [`Notify`], which choose how
//! it waits and wakes, and [`HandoffCounts`], the counters as the lesson
//! reads them. What it holds is a [`Slot`]: the worker's mailbox or one
//! job's outcome (`worker.rs`).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use kit::sync::{Arc, AtomicBool, Condvar, Mutex, Ordering, lock, thread, wait};

use super::spin::spin_once;

// ANCHOR: tuning
/// When a hand-off wakes its waiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notify {
    /// Only when the waiter said, under the lock, that it sleeps: this step.
    Sleepers,
    /// On every hand-off, asleep or not: what [`Mailbox`](crate::Mailbox)
    /// and [`Promise`](crate::Promise) do. The control.
    Always,
}

/// How a [`FastWorker`](crate::FastWorker)'s hand-offs wait and wake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// How many turns a waiter spins, watching for the value, before it
    /// sleeps (at most one under loom, which explores every turn).
    pub spins: u32,
    /// Then how many times it yields its core before it sleeps (none under
    /// loom).
    pub yields: u32,
    pub notify: Notify,
}

impl Tuning {
    /// This step: spin 100 turns (about 5 µs on the course's machine, where
    /// a round trip between two running threads takes under 1 µs), yield
    /// the core 20 times (on a loaded machine the other side may be waiting
    /// for it), then sleep; notify only a sleeper.
    pub const FAST: Tuning = Tuning {
        spins: 100,
        yields: 20,
        notify: Notify::Sleepers,
    };
    /// The `Worker`'s way: sleep at once, notify every time.
    pub const PLAIN: Tuning = Tuning {
        spins: 0,
        yields: 0,
        notify: Notify::Always,
    };
}
// ANCHOR_END: tuning

/// What a hand-off did, counted under its lock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HandoffCounts {
    /// Values taken.
    pub taken: u64,
    /// Takes that found the value at once or while spinning.
    pub caught_spinning: u64,
    /// Takes that found it while yielding their core: the other side
    /// needed the core to deliver (both threads on one core).
    pub caught_yielding: u64,
    /// Takes that slept at least once.
    pub slept: u64,
    /// `notify_one` calls.
    pub notified: u64,
    /// `notify_one` calls made while nobody was asleep: wasted.
    pub notified_nobody: u64,
}

/// The counters, shared by every hand-off of one kind (all of a worker's
/// result handles add to one set). Atomics only so that many hand-offs can
/// add to them; each is added to under the lock of the hand-off it counts.
#[derive(Default)]
pub(super) struct Counters {
    taken: AtomicU64,
    caught_spinning: AtomicU64,
    caught_yielding: AtomicU64,
    slept: AtomicU64,
    notified: AtomicU64,
    notified_nobody: AtomicU64,
}

impl Counters {
    pub(super) fn read(&self) -> HandoffCounts {
        HandoffCounts {
            taken: self.taken.load(Relaxed),
            caught_spinning: self.caught_spinning.load(Relaxed),
            caught_yielding: self.caught_yielding.load(Relaxed),
            slept: self.slept.load(Relaxed),
            notified: self.notified.load(Relaxed),
            notified_nobody: self.notified_nobody.load(Relaxed),
        }
    }
}

/// What a hand-off holds: a queue, or one outcome.
pub(super) trait Slot {
    type Out;
    /// Takes the next value out, if there is one.
    fn take(&mut self) -> Option<Self::Out>;
    /// Whether [`take`](Slot::take) would find something.
    fn is_ready(&self) -> bool;
}

// ANCHOR: handoff
/// A `Mutex` and a `Condvar` that wake only a sleeper, and a flag to spin
/// on: one waiting thread, any number of delivering ones.
pub(super) struct Handoff<S> {
    locked: Mutex<Locked<S>>,
    woken: Condvar,
    /// `slot.is_ready()`, copied out under the lock after every change, so
    /// a waiter can spin on it without taking the lock. Stored and loaded
    /// `Relaxed`, and that is enough: the flag carries nothing, it only
    /// tells the waiter when to stop spinning and take the lock, and the
    /// value itself is always taken under that lock, whose unlock in `put`
    /// and lock in `take` order the slot's writes before its reads.
    /// `Release`/`Acquire` on the flag would order memory that nobody reads
    /// through it. A stale read cannot give a wrong answer: a stale `false`
    /// keeps the waiter spinning a little longer before it looks under the
    /// lock; a stale `true` makes it look too early, find nothing, and
    /// sleep, as it would have without the flag.
    ready: AtomicBool,
    tuning: Tuning,
    counters: Arc<Counters>,
}

struct Locked<S> {
    slot: S,
    /// The waiter is in `wait` and nobody has notified it yet.
    asleep: bool,
}

impl<S: Slot> Handoff<S> {
    /// Changes the slot with `put`; if it succeeds, wakes the waiter, but
    /// only if it sleeps (with [`Notify::Sleepers`]).
    pub(super) fn put<R, E>(&self, put: impl FnOnce(&mut S) -> Result<R, E>) -> Result<R, E> {
        let mut locked = lock(&self.locked);
        let done = put(&mut locked.slot)?;
        self.ready.store(locked.slot.is_ready(), Ordering::Relaxed);
        let notify = locked.asleep || self.tuning.notify == Notify::Always;
        if notify {
            self.counters.notified.fetch_add(1, Relaxed);
            if !locked.asleep {
                self.counters.notified_nobody.fetch_add(1, Relaxed);
            }
            // Claimed: a second put before the waiter wakes notifies no more.
            locked.asleep = false;
        }
        drop(locked);
        // Outside the lock, so the woken waiter does not wake into a held
        // lock. It cannot miss this: it is asleep, and stays so until now.
        if notify {
            self.woken.notify_one();
        }
        Ok(done)
    }

    /// Takes the next value: spins on `ready` for a while, then sleeps until
    /// a `put` wakes it.
    pub(super) fn take(&self) -> S::Out {
        let yielded = self.spin_until_ready();
        let mut locked = lock(&self.locked);
        let mut slept = false;
        loop {
            if let Some(out) = locked.slot.take() {
                self.ready.store(locked.slot.is_ready(), Ordering::Relaxed);
                self.counters.taken.fetch_add(1, Relaxed);
                let counter = if slept {
                    &self.counters.slept
                } else if yielded {
                    &self.counters.caught_yielding
                } else {
                    &self.counters.caught_spinning
                };
                counter.fetch_add(1, Relaxed);
                return out;
            }
            // Said under the lock, so a `put` either comes before this (and
            // `take` above found its value) or sees it and notifies.
            locked.asleep = true;
            slept = true;
            locked = wait(&self.woken, locked);
            locked.asleep = false; // woken, or a spurious wake-up: awake now
        }
    }

    /// Watches `ready`, without the lock: `spins` turns of a spin loop,
    /// then `yields` offers of the core to another thread. It only saves a
    /// sleep: `take` looks under the lock afterwards, ready or not. Returns
    /// whether it got as far as yielding.
    fn spin_until_ready(&self) -> bool {
        let (spins, yields) = if cfg!(loom) {
            (self.tuning.spins.min(1), 0)
        } else {
            (self.tuning.spins, self.tuning.yields)
        };
        for turn in 0..spins + yields {
            if self.ready.load(Ordering::Relaxed) {
                return turn > spins;
            }
            if turn < spins {
                spin_once();
            } else {
                thread::yield_now();
            }
        }
        yields > 0
    }
}
// ANCHOR_END: handoff

impl<S> Handoff<S> {
    pub(super) fn new(slot: S, tuning: Tuning, counters: Arc<Counters>) -> Self {
        Self {
            locked: Mutex::new(Locked {
                slot,
                asleep: false,
            }),
            woken: Condvar::new(),
            ready: AtomicBool::new(false),
            tuning,
            counters,
        }
    }

    /// What this hand-off's counters say so far (shared with every
    /// hand-off made with the same counters).
    pub(super) fn counts(&self) -> HandoffCounts {
        self.counters.read()
    }
}
