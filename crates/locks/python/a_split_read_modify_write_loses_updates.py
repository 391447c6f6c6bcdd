"""Section 1, Effective Python Item 54: a read-modify-write split in two.

`self.count += offset` is a load, an add and a store. The notes' CPython
switched threads between them and lost updates (367 540 and 450 379 of
500 000). CPython 3.10 and later check for a thread switch only at certain
points (a function's start, a loop's jump back), none of them inside that
line, so the first program below may well find all 500 000 there: the race
is still in the code, it just no longer shows. The second counter makes it show on any version, as
the Rust does: in each thread's first increment, a Barrier stands between
the load and the store, so all five threads read 0 before any writes.
"""
import sys
from threading import Barrier, Thread

THREADS = 5
HOW_MANY = 100_000


# ANCHOR: a_split_read_modify_write_loses_updates
class Counter:
    def __init__(self):
        self.count = 0

    def increment(self, offset):
        self.count += offset  # load, add, store: three steps


class SplitCounter(Counter):
    def increment_split(self, offset, between):
        value = self.count  # load
        between()  # another thread may run here
        self.count = value + offset  # store
        return value


def worker(counter, how_many):
    for _ in range(how_many):
        counter.increment(1)


def split_worker(counter, how_many, first_reads, all_loaded):
    # The first increment waits at the barrier between its load and store.
    first_reads.append(counter.increment_split(1, all_loaded.wait))
    for _ in range(how_many - 1):
        counter.increment_split(1, lambda: None)


def run(target, counter, *extra):
    threads = [Thread(target=target, args=(counter, HOW_MANY) + extra)
               for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.count


print("== 1. A read-modify-write split in two loses updates ==")
expected = THREADS * HOW_MANY
found = run(worker, Counter())
print(f"Item 54's count += 1 on CPython {sys.version_info[0]}.{sys.version_info[1]}: "
      f"expected {expected}, found ~{found}, lost ~{expected - found}")
print(f"{THREADS} threads x {HOW_MANY} increments, each a separate load and store")
first_reads = []
found = run(split_worker, SplitCounter(), first_reads, Barrier(THREADS))
print("first round: every thread read 0 before any wrote:",
      "yes" if first_reads == [0] * THREADS else "no")
print(f"expected {expected}, found ~{found}, lost ~{expected - found}: "
      "updates were lost:", "yes" if found < expected else "no")
# ANCHOR_END: a_split_read_modify_write_loses_updates
