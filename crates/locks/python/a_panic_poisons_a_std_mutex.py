"""An exception inside `with lock:` releases the lock, and nobody is told.

The Python beside `a_panic_poisons_a_std_mutex` in the Rust `main.rs`.

A tally keeps a count and a list of readings, and the count must equal the
list's length. A thread raises halfway through recording a reading, inside
`with lock:`. The lock is released on the way out, and the next thread to
take it gets the half-updated tally with no warning: Python's locks do not
poison (nor does parking_lot's Mutex; std's does).
"""
import threading
from threading import Lock, Thread


# ANCHOR: a_panic_poisons_a_std_mutex
class Tally:
    def __init__(self):
        self.count = 0
        self.readings = []

    def record(self, reading):
        self.count += 1
        self.readings.append(reading)

    def consistent(self):
        return self.count == len(self.readings)


def sensor_3(lock, tally):
    with lock:
        tally.count += 1  # the first half of recording a reading...
        raise RuntimeError("sensor 3 failed halfway through recording a reading")
        # ...and tally.readings.append(...) never happens


print("== 3. A panic while holding a std Mutex poisons it ==")
lock, tally = Lock(), Tally()
with lock:
    tally.record(20)
with lock:
    tally.record(21)

raised = []  # what threading.excepthook was handed (it prints nothing now)
default_hook, threading.excepthook = threading.excepthook, raised.append
thread = Thread(target=sensor_3, args=(lock, tally), name="sensor-3")
thread.start()
thread.join()
threading.excepthook = default_hook
for args in raised:
    print(f"{args.thread.name} raised holding the lock: {args.exc_value}")

print(f"lock.locked() after the exception: {lock.locked()}")
got_it = lock.acquire(blocking=False)
print(f"next acquire(): {got_it}, with no sign that anything went wrong")
print(f"the tally it guards: count {tally.count}, readings {tally.readings}: "
      "consistent:", "yes" if tally.consistent() else "no")
if got_it:
    lock.release()
# ANCHOR_END: a_panic_poisons_a_std_mutex
