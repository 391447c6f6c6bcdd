"""Effective Python Item 54: a read-modify-write split in two loses updates.

The Python beside `a_split_read_modify_write_loses_updates` in the Rust
`main.rs`. An attribute's `+=` is a load, an add and a store. The notes'
CPython switched threads between them and lost updates (367 540 and 450 379
of 500 000). CPython 3.10 and later check for a thread switch only at
certain points (a function's start, a loop's jump back), none of them inside
that line, so the first run below may well find all 500 000 there: the race
is still in the code, it just no longer shows. The second run makes it show
on any version, as the Rust does: the increment is written out with a call
between its load and its store, and in each thread's first increment that
call waits at a Barrier, so all five threads load 0 before any stores.
"""
import sys
from threading import Barrier, Thread

THREADS = 5
HOW_MANY = 100_000


# ANCHOR: a_split_read_modify_write_loses_updates
class LossyCounter:
    """Item 54's counter: an attribute that every thread bumps, no lock."""

    def __init__(self, start=0):
        self.count = start

    def increment(self, offset):
        self.count += offset  # one line, three steps: load, add, store

    def increment_pausing(self, offset, pause):
        """The same three steps written out, with `pause()` where CPython
        may switch threads; returns what the load saw."""
        seen = self.count
        pause()
        self.count = seen + offset
        return seen


def in_threads(job):
    """Runs `job` on THREADS threads at once and waits for all of them."""
    threads = [Thread(target=job) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def plain_run():
    counter = LossyCounter()

    def job():
        for _ in range(HOW_MANY):
            counter.increment(1)

    in_threads(job)
    return counter.count


def split_run():
    """Every thread's first increment waits, between its load and its
    store, until all of them have loaded; the rest run freely."""
    counter, everyone_loaded, first_loads = LossyCounter(), Barrier(THREADS), []

    def job():
        first_loads.append(counter.increment_pausing(1, everyone_loaded.wait))
        for _ in range(HOW_MANY - 1):
            counter.increment_pausing(1, lambda: None)

    in_threads(job)
    return counter.count, first_loads


print("== 1. A read-modify-write split in two loses updates ==")
expected = THREADS * HOW_MANY
found = plain_run()
print(f"Item 54's count += 1 on CPython {sys.version_info[0]}.{sys.version_info[1]}: "
      f"expected {expected}, found ~{found}, lost ~{expected - found}")
print(f"{THREADS} threads x {HOW_MANY} increments, each a separate load and store")
found, first_loads = split_run()
print("first round: every thread read 0 before any wrote:",
      "yes" if first_loads == [0] * THREADS else "no")
print(f"expected {expected}, found ~{found}, lost ~{expected - found}: "
      "updates were lost:", "yes" if found < expected else "no")
# ANCHOR_END: a_split_read_modify_write_loses_updates
