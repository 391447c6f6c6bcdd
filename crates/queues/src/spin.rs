//! The pause [`FastQueue`](crate::FastQueue) makes between two looks at its
//! queue before it goes to sleep. It is the lesson's one synchronisation
//! helper of its own: the types the queues are made of (`Mutex`, `Condvar`,
//! and the `lock` and `wait` that go through poisoning) come from
//! `kit::sync`, which swaps in loom's under `--cfg loom`.

/// The pause before look number `round`, counted from 1, backing off as
/// crossbeam's `Backoff` does: while `round` is below 6, 2^`round` turns of
/// `spin_loop` (2, 4, 8, 16 and 32 turns for rounds 1 to 5), a hint to the
/// CPU that this thread is waiting; from round 6 on, a `yield_now`, which
/// hands the core to another thread that wants it.
///
/// Under loom, a loom yield whatever the round, so the model runs the other
/// threads meanwhile (loom only allows a spin that is bounded and yields).
pub(crate) fn spin_pause(round: u32) {
    #[cfg(loom)]
    {
        let _ = round;
        loom::thread::yield_now();
    }
    #[cfg(not(loom))]
    if round < 6 {
        for _ in 0..1 << round {
            std::hint::spin_loop();
        }
    } else {
        std::thread::yield_now();
    }
}
