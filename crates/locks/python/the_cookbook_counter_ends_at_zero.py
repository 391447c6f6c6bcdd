"""Cookbook recipe 12.4: a SharedCounter with incr and decr ends at zero.

The Python beside `the_cookbook_counter_ends_at_zero` in the Rust `main.rs`.
The counter keeps its value and its lock side by side, and both of its
changes go through one method that takes the lock. Three threads each
increment a hundred thousand times, then decrement as many times (the
recipe does a million; a tenth keeps the run short), and the value ends
where it started.
"""
from threading import Lock, Thread

TIMES = 100_000
THREADS = 3


# ANCHOR: the_cookbook_counter_ends_at_zero
class SharedCounter:
    """Recipe 12.4's counter: a value and the lock that guards it."""

    def __init__(self, start=0):
        self._lock = Lock()
        self._value = start

    def _change(self, by):
        with self._lock:  # the one place the value changes
            self._value += by

    def incr(self, delta=1):
        self._change(delta)

    def decr(self, delta=1):
        self._change(-delta)

    def value(self):
        with self._lock:
            return self._value


def up_then_down(counter):
    for _ in range(TIMES):
        counter.incr()
    for _ in range(TIMES):
        counter.decr()


print("== 7. The cookbook's SharedCounter ends at zero ==")
counter = SharedCounter()
threads = [Thread(target=up_then_down, args=(counter,)) for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{THREADS} threads, each incr() x {TIMES} then decr() x {TIMES}: "
      f"value {counter.value()}: ends at 0:",
      "yes" if counter.value() == 0 else "no")
# ANCHOR_END: the_cookbook_counter_ends_at_zero
