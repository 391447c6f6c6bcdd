//! expect: after its guard was dropped
//! The guard detaches without the exchange's lock: it clears an atomic flag
//! that `send` reads before each delivery. A `send` on another thread can
//! read the flag, the guard's drop then clears it and returns, and the
//! message is delivered after all. (Caught by the loom model
//! `no_message_after_the_guard_is_gone`; the tests and the stress test
//! rarely hit the gap.)

use std::fmt;

use crate::support::Address;
use crate::sync::{Arc, AtomicBool, Mutex, Ordering, lock};

/// A fan-out point: every message sent to it goes to every attached
/// subscriber. Clones share one list of subscribers.
pub struct Exchange<M> {
    subscribers: Arc<Mutex<Subscribers<M>>>,
}

struct Subscribers<M> {
    next_id: u64,
    /// In the order they attached; each with a flag its guard clears.
    list: Vec<Entry<M>>,
}

struct Entry<M> {
    id: SubscriberId,
    address: Address<M>,
    /// Cleared by the guard's drop: "an atomic needs no lock".
    attached: Arc<AtomicBool>,
}

/// The ticket [`Exchange::attach`] hands out and [`Exchange::detach`] takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubscriberId(u64);

/// A subscription that ends when it is dropped.
#[must_use = "the subscription ends when this guard is dropped: bind it to a name"]
pub struct Subscription<M> {
    exchange: Exchange<M>,
    id: SubscriberId,
    attached: Arc<AtomicBool>,
}

impl<M> Exchange<M> {
    /// An exchange with no subscribers.
    pub fn new() -> Exchange<M> {
        Exchange {
            subscribers: Arc::new(Mutex::new(Subscribers {
                next_id: 0,
                list: Vec::new(),
            })),
        }
    }

    /// Adds a subscriber; it gets every message sent from now on.
    pub fn attach(&self, subscriber: Address<M>) -> SubscriberId {
        self.attach_flagged(subscriber).0
    }

    fn attach_flagged(&self, subscriber: Address<M>) -> (SubscriberId, Arc<AtomicBool>) {
        let mut subscribers = lock(&self.subscribers);
        let id = SubscriberId(subscribers.next_id);
        subscribers.next_id += 1;
        let attached = Arc::new(AtomicBool::new(true));
        subscribers.list.push(Entry {
            id,
            address: subscriber,
            attached: Arc::clone(&attached),
        });
        (id, attached)
    }

    /// Removes the subscriber `id` and gives its address back; `None` if it
    /// is not attached. Under the exchange's lock, so no `send` is half-way
    /// through its fan-out when this returns.
    pub fn detach(&self, id: SubscriberId) -> Option<Address<M>> {
        let mut subscribers = lock(&self.subscribers);
        let at = subscribers.list.iter().position(|entry| entry.id == id)?;
        let entry = subscribers.list.remove(at);
        entry.attached.store(false, Ordering::SeqCst);
        Some(entry.address)
    }

    /// How many subscribers are attached.
    pub fn subscribers(&self) -> usize {
        lock(&self.subscribers)
            .list
            .iter()
            .filter(|entry| entry.attached.load(Ordering::SeqCst))
            .count()
    }

    /// Attaches `subscriber` until the returned guard is dropped.
    pub fn subscribe(&self, subscriber: Address<M>) -> Subscription<M> {
        let (id, attached) = self.attach_flagged(subscriber);
        Subscription {
            exchange: self.clone(),
            id,
            attached,
        }
    }
}

impl<M: Clone> Exchange<M> {
    /// Sends a copy of `msg` to every subscriber, under the exchange's lock;
    /// returns how many took it (a closed mailbox refuses).
    pub fn send(&self, msg: M) -> usize {
        let mut subscribers = lock(&self.subscribers);
        // Forget the entries whose guards are gone, then fan out.
        subscribers
            .list
            .retain(|entry| entry.attached.load(Ordering::SeqCst));
        subscribers
            .list
            .iter()
            .filter(|entry| {
                entry.attached.load(Ordering::SeqCst) && entry.address.send(msg.clone()).is_ok()
            })
            .count()
    }
}

impl<M> Drop for Subscription<M> {
    fn drop(&mut self) {
        // No lock: the flag is atomic, and `send` skips a cleared entry
        // (and prunes it later, under its lock).
        self.attached.store(false, Ordering::SeqCst);
    }
}

impl<M> Subscription<M> {
    /// The ticket of the attached subscriber.
    pub fn id(&self) -> SubscriberId {
        self.id
    }
}

// By hand: a derive would want `M: Clone`; this clones an `Arc`.
impl<M> Clone for Exchange<M> {
    fn clone(&self) -> Exchange<M> {
        Exchange {
            subscribers: Arc::clone(&self.subscribers),
        }
    }
}

impl<M> Default for Exchange<M> {
    fn default() -> Exchange<M> {
        Exchange::new()
    }
}

impl<M> fmt::Debug for Exchange<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Exchange")
            .field("subscribers", &self.subscribers())
            .finish()
    }
}

impl<M> fmt::Debug for Subscription<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subscription")
            .field("id", &self.id)
            .finish()
    }
}
