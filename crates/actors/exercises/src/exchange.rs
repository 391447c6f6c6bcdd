//! # Exercise `actors-subscription`: a subscription that detaches on drop
//!
//! Read first, in book/src/actors.md (`cargo xtask learn` prints the link to
//! the section): "A subscription detaches when it is dropped", and "An
//! exchange fans out to its subscribers" for the exchange.
//!
//! Build the Cookbook's `Exchange` and its `with exc.subscribe(task):`:
//!
//! - `attach(address)` adds a subscriber (an actor's [`Address`], written
//!   for you in `src/support.rs`) and hands out a [`SubscriberId`];
//!   `detach(id)` removes it and gives its address back (`None` if it is
//!   not attached);
//! - `send(msg)` gives a clone of `msg` to every attached subscriber, in
//!   attach order, and returns how many took it. The whole fan-out happens
//!   under the exchange's lock;
//! - `subscribe(address)` attaches and returns a [`Subscription`] guard
//!   whose `Drop` detaches: however the scope ends (a `return`, a `?`, a
//!   panic), the subscriber is gone.
//!
//! "Gone" means gone: once the guard's drop has returned, no message may
//! reach that subscriber, not even from a `send` running at that moment on
//! another thread. The loom model (`tests/exchange_loom.rs`) checks it in
//! every interleaving.
//!
//! Check it: `cargo xtask learn check actors-subscription`.

use std::fmt;

use crate::support::Address;
use crate::sync::{Arc, Mutex, lock};

/// A fan-out point: every message sent to it goes to every attached
/// subscriber. Clones share one list of subscribers.
pub struct Exchange<M> {
    // TODO: one shared list of subscribers behind a lock, so that clones
    // of the exchange share it: `Arc<Mutex<...>>` of the next id to hand
    // out and a `Vec<(SubscriberId, Address<M>)>` in attach order.
    _todo: std::marker::PhantomData<M>,
}

/// The ticket [`Exchange::attach`] hands out and [`Exchange::detach`] takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubscriberId(u64);

/// A subscription that ends when it is dropped.
#[must_use = "the subscription ends when this guard is dropped: bind it to a name"]
pub struct Subscription<M> {
    // TODO: what the guard needs to detach itself: a clone of the exchange
    // and the id.
    _todo: std::marker::PhantomData<M>,
}

impl<M> Exchange<M> {
    /// An exchange with no subscribers.
    pub fn new() -> Exchange<M> {
        // TODO
        todo!("Exchange::new")
    }

    /// Adds a subscriber; it gets every message sent from now on.
    pub fn attach(&self, subscriber: Address<M>) -> SubscriberId {
        // TODO
        todo!("Exchange::attach")
    }

    /// Removes the subscriber `id` and gives its address back; `None` if it
    /// is not attached.
    pub fn detach(&self, id: SubscriberId) -> Option<Address<M>> {
        // TODO: under the lock, find the id, remove it, return its address.
        todo!("Exchange::detach")
    }

    /// How many subscribers are attached.
    pub fn subscribers(&self) -> usize {
        // TODO
        todo!("Exchange::subscribers")
    }

    /// Attaches `subscriber` until the returned guard is dropped.
    pub fn subscribe(&self, subscriber: Address<M>) -> Subscription<M> {
        // TODO
        todo!("Exchange::subscribe")
    }
}

impl<M: Clone> Exchange<M> {
    /// Sends a copy of `msg` to every subscriber, under the exchange's lock;
    /// returns how many took it (a closed mailbox refuses).
    pub fn send(&self, msg: M) -> usize {
        // TODO: under the lock, send a clone to each subscriber; count the
        // sends that were accepted.
        todo!("Exchange::send")
    }
}

impl<M> Drop for Subscription<M> {
    fn drop(&mut self) {
        // TODO: detach.
        todo!("Drop for Subscription")
    }
}

impl<M> Subscription<M> {
    /// The ticket of the attached subscriber.
    pub fn id(&self) -> SubscriberId {
        // TODO
        todo!("Subscription::id")
    }
}

// By hand: a derive would want `M: Clone`; this clones an `Arc`.
impl<M> Clone for Exchange<M> {
    fn clone(&self) -> Exchange<M> {
        // TODO: a new handle to the same list (clone the `Arc`).
        todo!("Clone for Exchange")
    }
}

impl<M> Default for Exchange<M> {
    fn default() -> Exchange<M> {
        Exchange::new()
    }
}

impl<M> fmt::Debug for Exchange<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Exchange").finish_non_exhaustive()
    }
}

impl<M> fmt::Debug for Subscription<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subscription").finish_non_exhaustive()
    }
}
