//! The answer to `actors-subscription`: an exchange whose subscription
//! guard detaches on drop. (The exercise and its task:
//! crates/actors/exercises/src/exchange.rs.)

use std::fmt;

use crate::support::Address;
use crate::sync::{Arc, Mutex, lock};

/// A fan-out point: every message sent to it goes to every attached
/// subscriber. Clones share one list of subscribers.
pub struct Exchange<M> {
    subscribers: Arc<Mutex<Subscribers<M>>>,
}

struct Subscribers<M> {
    next_id: u64,
    /// In the order they attached.
    list: Vec<(SubscriberId, Address<M>)>,
}

/// The ticket [`Exchange::attach`] hands out and [`Exchange::detach`] takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubscriberId(u64);

/// A subscription that ends when it is dropped.
#[must_use = "the subscription ends when this guard is dropped: bind it to a name"]
pub struct Subscription<M> {
    exchange: Exchange<M>,
    id: SubscriberId,
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
        let mut subscribers = lock(&self.subscribers);
        let id = SubscriberId(subscribers.next_id);
        subscribers.next_id += 1;
        subscribers.list.push((id, subscriber));
        id
    }

    /// Removes the subscriber `id` and gives its address back; `None` if it
    /// is not attached. Under the exchange's lock, so no `send` is half-way
    /// through its fan-out when this returns.
    pub fn detach(&self, id: SubscriberId) -> Option<Address<M>> {
        let mut subscribers = lock(&self.subscribers);
        let at = subscribers.list.iter().position(|(each, _)| *each == id)?;
        Some(subscribers.list.remove(at).1)
    }

    /// How many subscribers are attached.
    pub fn subscribers(&self) -> usize {
        lock(&self.subscribers).list.len()
    }

    /// Attaches `subscriber` until the returned guard is dropped.
    pub fn subscribe(&self, subscriber: Address<M>) -> Subscription<M> {
        let id = self.attach(subscriber);
        Subscription {
            exchange: self.clone(),
            id,
        }
    }
}

impl<M: Clone> Exchange<M> {
    /// Sends a copy of `msg` to every subscriber, under the exchange's lock;
    /// returns how many took it (a closed mailbox refuses).
    pub fn send(&self, msg: M) -> usize {
        let subscribers = lock(&self.subscribers);
        subscribers
            .list
            .iter()
            .filter(|(_, address)| address.send(msg.clone()).is_ok())
            .count()
    }
}

impl<M> Drop for Subscription<M> {
    fn drop(&mut self) {
        self.exchange.detach(self.id);
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
