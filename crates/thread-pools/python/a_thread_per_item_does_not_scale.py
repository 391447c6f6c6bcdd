"""Effective Python Item 57: don't start a thread per fan-out item (the
Rust side: `a_thread_per_item_does_not_scale`, in `main.rs`).

A thousand tiny jobs (counting Collatz steps), each on a thread of its
own, against the same jobs on a pool of four. Fastest of three runs each.
"""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ITEMS = 1000


def collatz_steps(n):
    steps = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def fastest_of(runs, work):
    best, answer = None, None
    for _ in range(runs):
        began = time.perf_counter()
        answer = work()
        took = time.perf_counter() - began
        best = took if best is None else min(best, took)
    return best, answer


# ANCHOR: a_thread_per_item_does_not_scale
def a_thread_each():
    results = [0] * (ITEMS + 1)

    def store(n):
        results[n] = collatz_steps(n)

    threads = [threading.Thread(target=store, args=(n,)) for n in range(1, ITEMS + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(results)


print("== 6. A thread per item does not scale ==")
per_item, per_item_total = fastest_of(3, a_thread_each)
with ThreadPoolExecutor(max_workers=4) as pool:
    pooled, pooled_total = fastest_of(
        3, lambda: sum(pool.map(collatz_steps, range(1, ITEMS + 1))))
print(f"{ITEMS} small jobs, a thread each: {per_item * 1000:.1f}ms ({ITEMS} threads started)")
print(f"{ITEMS} small jobs on a pool: {pooled * 1000:.1f}ms (4 threads started)")
same = "yes" if per_item_total == pooled_total else "no"
faster = "yes" if pooled < per_item else "no"
print(f"same answer ({per_item_total}): {same}; the pool was faster: {faster}")
# ANCHOR_END: a_thread_per_item_does_not_scale
