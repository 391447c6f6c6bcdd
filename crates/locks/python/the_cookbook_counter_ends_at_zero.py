"""Section 7, Cookbook recipe 12.4: a SharedCounter with incr and decr.

Each method takes the counter's lock in a `with` block. Three threads each
increment a hundred thousand times, then decrement as many times (the
recipe does a million; a tenth keeps the run short), and the value ends
where it started.
"""
from threading import Lock, Thread

TIMES = 100_000


# ANCHOR: the_cookbook_counter_ends_at_zero
class SharedCounter:
    def __init__(self, initial=0):
        self._value = initial
        self._value_lock = Lock()

    def incr(self, delta=1):
        with self._value_lock:
            self._value += delta

    def decr(self, delta=1):
        with self._value_lock:
            self._value -= delta

    def value(self):
        with self._value_lock:
            return self._value


def up_then_down(counter):
    for _ in range(TIMES):
        counter.incr()
    for _ in range(TIMES):
        counter.decr()


print("== 7. The cookbook's SharedCounter ends at zero ==")
counter = SharedCounter()
threads = [Thread(target=up_then_down, args=(counter,)) for _ in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"3 threads, each incr() x {TIMES} then decr() x {TIMES}: "
      f"value {counter.value()}: ends at 0:",
      "yes" if counter.value() == 0 else "no")
# ANCHOR_END: the_cookbook_counter_ends_at_zero
