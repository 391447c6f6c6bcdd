//! [`PeriodicTimer`]: a thread that ticks at a fixed interval, and [`Ticks`],
//! the counter other threads wait on for each tick.

use std::time::Duration;

use crate::Event;
use crate::sync::{Arc, Condvar, Mutex, lock, thread, wait};

// ANCHOR: ticks
/// A tick counter that threads can wait on: the handshake inside
/// [`PeriodicTimer`], usable on its own.
///
/// Python's recipe flips a flag on each tick, and a waiter waits for the flag
/// to change; a tick that comes while the waiter is busy elsewhere is lost.
/// Counting the ticks instead lets each waiter ask for tick 1, then 2, then
/// 3: if it was late for one, the wait returns at once, and no tick is missed.
///
/// ```
/// use std::thread;
/// use threads::Ticks;
///
/// let ticks = Ticks::new();
/// thread::scope(|s| {
///     let waiter = s.spawn(|| ticks.wait_for(2));
///     ticks.tick();
///     ticks.tick();
///     assert_eq!(waiter.join().unwrap(), 2);
/// });
/// ```
#[derive(Debug, Default)]
pub struct Ticks {
    /// How many ticks have happened so far.
    count: Mutex<u64>,
    /// Notified on every tick.
    ticked: Condvar,
}

impl Ticks {
    /// A counter at zero: no tick yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// One tick: count it, and wake every waiter.
    pub fn tick(&self) {
        let tick = {
            let mut count = lock(&self.count);
            *count += 1;
            *count
        };
        trace::flow_out("tick", tick); // the chapter's picture: an arrow to each waiter it wakes
        // Every waiter wants every tick: `notify_all`, not `notify_one`.
        self.ticked.notify_all();
    }

    /// Blocks until tick number `n` has happened (the first tick is 1) and
    /// returns the count of ticks then, which is at least `n`.
    pub fn wait_for(&self, n: u64) -> u64 {
        let mut count = lock(&self.count);
        // A loop: wake-ups can be spurious, and a notified waiter may be
        // waiting for a later tick than the one that just happened.
        while *count < n {
            let _waiting = trace::waiting(trace::Wait::Condvar, "a tick");
            count = wait(&self.ticked, count);
        }
        trace::flow_in("tick", *count);
        *count
    }

    /// How many ticks have happened so far. Never blocks.
    pub fn count(&self) -> u64 {
        *lock(&self.count)
    }
}
// ANCHOR_END: ticks

// ANCHOR: timer
/// A thread that calls [`Ticks::tick`] once every `interval`, until the timer
/// is dropped: Python's `PeriodicTimer` recipe, which you had to mark as a
/// daemon thread because nothing could stop it.
///
/// ```
/// use std::time::Duration;
/// use threads::PeriodicTimer;
///
/// let timer = PeriodicTimer::start(Duration::from_millis(1));
/// assert!(timer.wait_for_tick(3) >= 3);
/// drop(timer); // stops the ticking thread and joins it
/// ```
#[derive(Debug)]
pub struct PeriodicTimer {
    ticks: Arc<Ticks>,
    stop: Arc<Event>,
    /// `Some` until `drop` joins it.
    ticker: Option<thread::JoinHandle<()>>,
}

impl PeriodicTimer {
    /// Starts the ticking thread. The first tick comes one `interval` from
    /// now. (An interval of zero ticks as fast as the thread can.)
    pub fn start(interval: Duration) -> Self {
        let ticks = Arc::new(Ticks::new());
        let stop = Arc::new(Event::new());
        // The ticker outlives this function, so it cannot borrow: it owns a
        // share of `ticks` and `stop` through an `Arc`.
        let ticker = thread::spawn({
            let (ticks, stop) = (Arc::clone(&ticks), Arc::clone(&stop));
            move || {
                trace::name_thread("ticker"); // its lane in the chapter's picture
                // Sleep by waiting for the stop event, with the interval as
                // the timeout: a timeout means "tick", a set event means
                // "stop". So dropping the timer never waits out a sleep.
                while !stop.wait_timeout(interval) {
                    ticks.tick();
                }
            }
        });
        Self {
            ticks,
            stop,
            ticker: Some(ticker),
        }
    }

    /// Blocks until tick number `n` has happened; see [`Ticks::wait_for`].
    pub fn wait_for_tick(&self, n: u64) -> u64 {
        self.ticks.wait_for(n)
    }

    /// How many ticks have happened so far.
    pub fn ticks(&self) -> u64 {
        self.ticks.count()
    }
}

impl Drop for PeriodicTimer {
    fn drop(&mut self) {
        // Ask the ticker to stop, then wait until it has: no thread outlives
        // its timer.
        self.stop.set();
        if let Some(ticker) = self.ticker.take() {
            // The ticker's loop cannot panic; and a `drop` must not panic
            // (during an unwind that aborts the process), so an `Err` here
            // is ignored rather than re-raised.
            let _ = ticker.join();
        }
    }
}
// ANCHOR_END: timer
