//! [`Exchange`]: publish/subscribe between actors, with named exchanges in a
//! registry ([`Exchanges`]) and a [`Subscription`] guard that detaches.

use std::collections::HashMap;
use std::fmt;

use kit::sync::{Arc, Mutex, lock};

use crate::actor::Address;

// ANCHOR: exchange
/// A fan-out point: every message [`send`](Exchange::send) gets is passed on
/// to every attached subscriber, an actor's [`Address`]. The Cookbook's
/// `Exchange`.
///
/// An `Exchange` is a handle: clones share one list of subscribers, as every
/// Python reference to an exchange object does.
///
/// ```
/// use actors::{Actor, Exchanges};
///
/// let exchanges = Exchanges::new();
/// let spam = exchanges.get_exchange("spam");
/// let listener = Actor::spawn("listener", |inbox| inbox.collect::<Vec<_>>());
///
/// let id = spam.attach(listener.address());
/// assert_eq!(spam.send("msg1"), 1); // reached one subscriber
/// spam.detach(id);
/// assert_eq!(spam.send("msg2"), 0); // reached nobody
/// assert_eq!(listener.join().unwrap(), ["msg1"]);
/// ```
pub struct Exchange<M> {
    /// Subscribers in the order they attached, so delivery order is the
    /// attach order (Python keeps them in a `set`, whose order is arbitrary).
    subscribers: Arc<Mutex<Subscribers<M>>>,
}

struct Subscribers<M> {
    next_id: u64,
    list: Vec<(SubscriberId, Address<M>)>,
}

/// What [`Exchange::attach`] returns and [`Exchange::detach`] takes. Python
/// detaches a task by identity; a Rust address has none of its own (it is
/// cloneable), so the exchange hands out a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubscriberId(u64);
// ANCHOR_END: exchange

// ANCHOR: registry
/// Exchanges by name, created on first use: Python's module-level
/// `defaultdict(Exchange)` behind `get_exchange(name)`.
///
/// It is a value, not a hidden global, so a test (or a program section) gets
/// its own. A program that wants Python's one global registry can keep one
/// in a `static EXCHANGES: LazyLock<Exchanges<String>>`.
pub struct Exchanges<M> {
    by_name: Mutex<HashMap<String, Exchange<M>>>,
}

impl<M> Exchanges<M> {
    /// An empty registry.
    pub fn new() -> Self {
        Self {
            by_name: Mutex::new(HashMap::new()),
        }
    }

    /// The exchange called `name`, created if there is none yet. Every call
    /// with the same name returns a handle to the same exchange.
    pub fn get_exchange(&self, name: &str) -> Exchange<M> {
        let mut by_name = lock(&self.by_name);
        by_name.entry(name.to_owned()).or_default().clone()
    }
}
// ANCHOR_END: registry

impl<M> Default for Exchanges<M> {
    fn default() -> Self {
        Self::new()
    }
}

impl<M> Exchange<M> {
    /// An exchange with no subscribers.
    pub fn new() -> Self {
        Self {
            subscribers: Arc::new(Mutex::new(Subscribers {
                next_id: 0,
                list: Vec::new(),
            })),
        }
    }

    // ANCHOR: attach
    /// Adds a subscriber; it receives every message sent from now on, until
    /// [`detach`](Exchange::detach)ed.
    pub fn attach(&self, subscriber: Address<M>) -> SubscriberId {
        let mut subscribers = lock(&self.subscribers);
        let id = SubscriberId(subscribers.next_id);
        subscribers.next_id += 1;
        subscribers.list.push((id, subscriber));
        id
    }

    /// Removes the subscriber `id` and gives its address back; `None` if it
    /// is not attached (detached already). Python's `set.remove` raises
    /// `KeyError` there.
    pub fn detach(&self, id: SubscriberId) -> Option<Address<M>> {
        let mut subscribers = lock(&self.subscribers);
        let at = subscribers.list.iter().position(|(each, _)| *each == id)?;
        Some(subscribers.list.remove(at).1)
    }
    // ANCHOR_END: attach

    /// How many subscribers are attached right now.
    pub fn subscribers(&self) -> usize {
        lock(&self.subscribers).list.len()
    }

    /// Whether `self` and `other` are handles to the same exchange.
    pub fn same_as(&self, other: &Exchange<M>) -> bool {
        Arc::ptr_eq(&self.subscribers, &other.subscribers)
    }
}

impl<M: Clone> Exchange<M> {
    // ANCHOR: send
    /// Sends a copy of `msg` to every subscriber, and returns how many took
    /// it (a subscriber whose actor has ended refuses it and is skipped).
    ///
    /// The whole fan-out happens under the exchange's lock, so two sends
    /// from two threads never interleave: every subscriber sees the messages
    /// in the same order. That is cheap because a mailbox never blocks a
    /// sender; with bounded mailboxes, one slow subscriber would stall the
    /// exchange here.
    pub fn send(&self, msg: M) -> usize {
        let subscribers = lock(&self.subscribers);
        subscribers
            .list
            .iter()
            .filter(|(_, address)| address.send(msg.clone()).is_ok())
            .count()
    }
    // ANCHOR_END: send
}

// ANCHOR: subscribe
/// A subscription that ends when it is dropped: what [`Exchange::subscribe`]
/// returns, Python's `with exc.subscribe(task):` block.
///
/// Drop runs however the scope ends, by a `return`, a `?`, or a panic
/// unwinding through it, so the subscriber is always detached (Python's
/// `try ... finally`).
#[must_use = "the subscription ends when this guard is dropped: `let _ = ...` drops it at once; \
              bind it to a name, `let _subscription = ...`"]
pub struct Subscription<M> {
    exchange: Exchange<M>,
    id: SubscriberId,
}

impl<M> Exchange<M> {
    /// Attaches `subscriber` until the returned guard is dropped.
    pub fn subscribe(&self, subscriber: Address<M>) -> Subscription<M> {
        let id = self.attach(subscriber);
        Subscription {
            exchange: self.clone(),
            id,
        }
    }
}

impl<M> Drop for Subscription<M> {
    fn drop(&mut self) {
        self.exchange.detach(self.id);
    }
}
// ANCHOR_END: subscribe

impl<M> Subscription<M> {
    /// The ticket of the attached subscriber.
    pub fn id(&self) -> SubscriberId {
        self.id
    }
}

// By hand: a derive would require `M: Clone`; this clones an `Arc`.
impl<M> Clone for Exchange<M> {
    fn clone(&self) -> Self {
        Self {
            subscribers: Arc::clone(&self.subscribers),
        }
    }
}

impl<M> Default for Exchange<M> {
    fn default() -> Self {
        Self::new()
    }
}

impl<M> fmt::Debug for Exchange<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Exchange")
            .field("subscribers", &self.subscribers())
            .finish()
    }
}

impl<M> fmt::Debug for Exchanges<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<String> = lock(&self.by_name).keys().cloned().collect();
        names.sort();
        f.debug_struct("Exchanges").field("names", &names).finish()
    }
}

impl<M> fmt::Debug for Subscription<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subscription")
            .field("id", &self.id)
            .finish()
    }
}
