"""Each thread sees its own value (Cookbook 12.6; `each_thread_sees_its_own_value`
in `main.rs`).

`threading.local()` is one object whose attributes every thread sees
separately. A subclass's __init__ runs once in each thread that uses it,
so every thread's count starts at 0.
"""
import threading

from _lesson import on_three_threads


# ANCHOR: each_thread_sees_its_own_value
class Counter(threading.local):
    def __init__(self):
        self.value = 0  # runs once in every thread that touches COUNTER


COUNTER = Counter()


def count(n):
    for _ in range(n * 10):
        COUNTER.value += 1
    return COUNTER.value


print("== 1. Each thread sees its own value ==")
for n, value in enumerate(on_three_threads(count), start=1):
    print(f"thread {n} counted to {value} in its own COUNTER")
print(f"the main thread's COUNTER is still {COUNTER.value}")
# ANCHOR_END: each_thread_sees_its_own_value
