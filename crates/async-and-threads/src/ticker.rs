//! A task that should tick on time, and how late it was: the measuring
//! stick of `a_blocking_call_stalls_the_event_loop` and
//! `spawn_blocking_keeps_the_loop_on_time`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How late a ticker woke, over all its ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lateness {
    /// The latest any tick woke after the time it asked for.
    pub worst: Duration,
    /// How many ticks it took.
    pub ticks: u32,
}

// ANCHOR: ticker
/// A task that asks to wake every `period`, and notes how late each wake-up
/// came: on a free event loop, a millisecond or so; on a loop that some
/// other task holds, as long as that task holds it.
#[derive(Debug)]
pub struct Ticker {
    stop: Arc<AtomicBool>,
    task: JoinHandle<Lateness>,
}

impl Ticker {
    /// Spawns the ticker on the current runtime, and returns once it has
    /// taken its first tick: from then on it is always waiting for its next
    /// one, so whatever runs next cannot start before it.
    pub async fn start(period: Duration) -> Ticker {
        let stop = Arc::new(AtomicBool::new(false));
        let (first_tick_tx, first_tick_rx) = oneshot::channel();
        let task = tokio::spawn(tick(period, Arc::clone(&stop), first_tick_tx));
        first_tick_rx
            .await
            .expect("the ticker signals its first tick before anything can stop it");
        Ticker { stop, task }
    }

    /// Asks the ticker to stop after its next tick, and returns how late it
    /// was.
    pub async fn stop(self) -> Lateness {
        self.stop.store(true, Ordering::Relaxed);
        self.task.await.expect("the ticker does not panic")
    }
}

async fn tick(
    period: Duration,
    stop: Arc<AtomicBool>,
    first_tick: oneshot::Sender<()>,
) -> Lateness {
    let mut lateness = Lateness {
        worst: Duration::ZERO,
        ticks: 0,
    };
    let mut first_tick = Some(first_tick);
    loop {
        let due = Instant::now() + period;
        tokio::time::sleep_until(due.into()).await;
        trace::instant("tick"); // a mark in the chapter's pictures
        lateness.worst = lateness.worst.max(due.elapsed());
        lateness.ticks += 1;
        if let Some(first_tick) = first_tick.take() {
            let _ = first_tick.send(());
        }
        if stop.load(Ordering::Relaxed) {
            return lateness;
        }
    }
}
// ANCHOR_END: ticker
