"""A Python thread has no return value; the caller collects results.

Recipe 12.1 starts a thread with Thread(target=..., args=...), runs it with
start() and waits with join(). join() always returns None, so each worker
stores its result where the main thread can find it: here, its own slot of
a list made before the threads start.
"""
from threading import Thread


# ANCHOR: a_thread_returns_its_result_through_join
def sum_quarter(quarter, results):
    first = quarter * 250_000 + 1
    results[quarter] = sum(range(first, first + 250_000))


print("== 1. A thread returns its result through join ==")
sums = [None] * 4
workers = [Thread(target=sum_quarter, args=(q, sums)) for q in range(4)]
for worker in workers:
    worker.start()
for worker in workers:
    returned = worker.join()  # always None: the result is in `sums`
total = sum(sums)
print(f"the four threads returned {sums}")
print(f"join() itself returned {returned}")
print(f"their total is {total}: equals 1 + 2 + ... + 1000000:",
      "yes" if total == 1_000_000 * 1_000_001 // 2 else "no")
# ANCHOR_END: a_thread_returns_its_result_through_join
