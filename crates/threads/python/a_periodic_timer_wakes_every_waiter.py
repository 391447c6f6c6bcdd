"""Recipe 12.2's PeriodicTimer: two threads wait for every tick.

The recipe's timer flips a flag and calls notify_all() on a Condition; a
waiter waits for the flag to change, and misses a tick that comes while it
is busy. This one counts ticks instead, so each waiter asks for tick 1,
then tick 2, and never misses one. The ticking thread sleeps by waiting on
a stop Event, so stop() ends it at once and joins it: no daemon needed.
A tick of 15 ms stands for the recipe's 5 s.
"""
import time
from threading import Condition, Event, Thread

TICK = 0.015


# ANCHOR: a_periodic_timer_wakes_every_waiter
class PeriodicTimer:
    def __init__(self, interval):
        self._interval = interval
        self._count = 0
        self._changed = Condition()
        self._stop = Event()
        self._thread = Thread(target=self._run)
        self._thread.start()

    def _run(self):
        while not self._stop.wait(self._interval):  # False: time for a tick
            with self._changed:
                self._count += 1
                self._changed.notify_all()

    def wait_for_tick(self, tick):
        with self._changed:
            self._changed.wait_for(lambda: self._count >= tick)
            return self._count

    def stop(self):
        self._stop.set()
        self._thread.join()


def wait_for_ticks(timer, ticks, record):
    for tick in range(1, ticks + 1):
        record.append((tick, timer.wait_for_tick(tick)))


print("== 7. A periodic timer: two threads wait for every tick ==")
started = time.monotonic()
timer = PeriodicTimer(TICK)
down, up = [], []
waiters = [Thread(target=wait_for_ticks, args=(timer, 10, down)),
           Thread(target=wait_for_ticks, args=(timer, 5, up))]
for waiter in waiters:
    waiter.start()
for waiter in waiters:
    waiter.join()
took = time.monotonic() - started
timer.stop()
for row, (tick, _) in enumerate(down):
    beside = f"Counting {up[row][0] - 1}" if row < len(up) else ""
    print(f"tick {tick:>2}: {'T-minus ' + str(11 - tick):<12}{beside}".rstrip())
print("each wait returned only once its tick had come:",
      "yes" if all(count >= tick for tick, count in down + up) else "no")
print(f"ten ticks, one every {TICK * 1000:g}ms, took {took * 1000:.1f}ms: "
      "at least ten intervals:", "yes" if took >= 10 * TICK else "no")
# ANCHOR_END: a_periodic_timer_wakes_every_waiter
