"""The same work on a ThreadPoolExecutor (the Rust side:
`threads_run_in_parallel`, in `main.rs`). In CPython the threads take turns
holding the GIL, so they compute one at a time: no faster."""
import os
import time
from concurrent.futures import ThreadPoolExecutor

from _workload import PAIRS, gcd

WORKERS = 4

# ANCHOR: threads_in_parallel
def main():
    start = time.perf_counter()
    expected = list(map(gcd, PAIRS))
    one_thread = time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = list(pool.map(gcd, PAIRS))
    took = time.perf_counter() - start

    print("== 2. Threads take turns: ThreadPoolExecutor ==")
    print(f"cores: {os.cpu_count()}")
    print(f"one thread took {one_thread:.3f} s; {WORKERS} threads took {took:.3f} s")
    print(f"speed-up: {one_thread / took:.2f}x")
    print("same answers as one thread:", "yes" if answers == expected else "no")
# ANCHOR_END: threads_in_parallel


if __name__ == "__main__":
    main()
