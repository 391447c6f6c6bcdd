//! One turn of a spin loop, as the [`Handoff`](super::handoff)'s waiter
//! spins on its `ready` flag: the one synchronisation helper of this lesson
//! that `kit::sync` does not have, since no other lesson spins.

/// One turn of a spin loop: a hint to the CPU that this thread is waiting
/// for another (`std::hint::spin_loop`). Under loom, a yield instead: loom
/// explores a spin loop only if it yields, so that the thread being waited
/// for gets to run in the model.
pub(super) fn spin_once() {
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    std::hint::spin_loop();
}
