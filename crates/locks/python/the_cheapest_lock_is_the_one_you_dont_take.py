"""The cheapest lock is the one you don't take.

The Python beside `the_cheapest_lock_is_the_one_you_dont_take` in the Rust
`main.rs`. Each thread counts into a local variable, which no other thread
can see, and adds its sum to the shared counter once: five lock
acquisitions instead of 500 000. The program times both ways.
"""
import time
from threading import Lock, Thread

THREADS = 5
HOW_MANY = 100_000


# ANCHOR: the_cheapest_lock_is_the_one_you_dont_take
class LockedCounter:
    """Item 54's counter with a lock taken around its `+=`."""

    def __init__(self, start=0):
        self.count = start
        self.lock = Lock()

    def increment(self, offset):
        with self.lock:
            self.count += offset


def lock_per_increment(counter):
    for _ in range(HOW_MANY):
        counter.increment(1)


def local_sum_then_one_lock(counter):
    mine = 0
    for _ in range(HOW_MANY):
        mine += 1
    counter.increment(mine)


def timed(job):
    """Runs `job` on THREADS threads sharing one counter: the count, and
    how long the threads took from the first start to the last join."""
    counter = LockedCounter()
    threads = [Thread(target=job, args=(counter,)) for _ in range(THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.count, time.perf_counter() - started


print("== 6. The cheapest lock is the one you don't take ==")
expected = THREADS * HOW_MANY
for name, job in [("a lock per increment", lock_per_increment),
                  ("local sums, then one lock per thread",
                   local_sum_then_one_lock)]:
    found, took = timed(job)
    print(f"{name}: expected {expected}, found {found}: no update lost:",
          "yes" if found == expected else "no", f"(took {took * 1000:.1f}ms)")
# ANCHOR_END: the_cheapest_lock_is_the_one_you_dont_take
