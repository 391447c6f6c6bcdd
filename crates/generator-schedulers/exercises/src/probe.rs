//! Written for you (no exercise here): a probe that an actor enters at the
//! start of every delivery. It notes how many deliveries are running one
//! inside another at that moment, and where the stack is (the address of a
//! local variable: the stack pointer, roughly). The lesson's
//! `StackProbe`, kept per thread so that an actor can reach it without
//! being handed it.

use std::cell::Cell;

/// What the probe saw since the last [`reset`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StackReport {
    /// Deliveries measured.
    pub deliveries: u64,
    /// How many deliveries deep the deepest one was nested: 1 means none
    /// ever ran inside another.
    pub deepest: usize,
    /// How far the stack pointer moved between the shallowest and the
    /// deepest delivery, in bytes.
    pub spread: usize,
}

#[derive(Clone, Copy)]
struct State {
    deliveries: u64,
    nested: usize,
    deepest: usize,
    lowest: usize,
    highest: usize,
}

const FRESH: State = State {
    deliveries: 0,
    nested: 0,
    deepest: 0,
    lowest: usize::MAX,
    highest: 0,
};

thread_local! {
    static PROBE: Cell<State> = const { Cell::new(FRESH) };
}

/// A delivery in progress; dropping it ends the delivery.
#[derive(Debug)]
#[must_use = "the delivery counts as running only while this is held: `let _delivery = probe::enter();`"]
pub struct Delivery {
    /// Not `Send`: a delivery ends on the thread it began on.
    _here: std::marker::PhantomData<*const ()>,
}

/// Notes one delivery, which runs until the returned guard is dropped.
#[inline(never)]
pub fn enter() -> Delivery {
    let marker = 0u8;
    let address = std::hint::black_box(&marker) as *const u8 as usize;
    PROBE.with(|probe| {
        let mut state = probe.get();
        state.deliveries += 1;
        state.nested += 1;
        state.deepest = state.deepest.max(state.nested);
        state.lowest = state.lowest.min(address);
        state.highest = state.highest.max(address);
        probe.set(state);
    });
    Delivery {
        _here: std::marker::PhantomData,
    }
}

impl Drop for Delivery {
    fn drop(&mut self) {
        PROBE.with(|probe| {
            let mut state = probe.get();
            state.nested -= 1;
            probe.set(state);
        });
    }
}

/// Forgets everything seen so far on this thread.
pub fn reset() {
    PROBE.with(|probe| probe.set(FRESH));
}

/// What the probe saw on this thread since the last [`reset`].
pub fn report() -> StackReport {
    let state = PROBE.with(Cell::get);
    StackReport {
        deliveries: state.deliveries,
        deepest: state.deepest,
        spread: state
            .highest
            .saturating_sub(state.lowest.min(state.highest)),
    }
}
