"""The same work on a ProcessPoolExecutor: worker processes, each with an
interpreter and a GIL of its own, fed through pipes (the Rust side:
`worker_processes_over_pipes`, in `main.rs`)."""
import os
import time
from concurrent.futures import ProcessPoolExecutor

from _workload import PAIRS, gcd, trace

WORKERS = 4

# ANCHOR: processes
def main():
    start = time.perf_counter()
    expected = list(map(gcd, PAIRS))
    one_thread = time.perf_counter() - start

    start = time.perf_counter()
    with trace.region("processes"):  # what the chapter's picture shows
        # The initializer names each worker's lane in the picture.
        with ProcessPoolExecutor(max_workers=WORKERS, initializer=trace.name_thread,
                                 initargs=("worker",)) as pool:
            # Each pair is pickled, sent to a worker, and its answer pickled back.
            with trace.waiting("condvar", "pool.map's answers"):
                answers = list(pool.map(gcd, PAIRS))
    took = time.perf_counter() - start

    print("== 3. Worker processes over pipes: ProcessPoolExecutor ==")
    print(f"cores: {os.cpu_count()}")
    print(f"one thread took {one_thread:.3f} s; {WORKERS} processes took {took:.3f} s")
    print(f"speed-up: {one_thread / took:.2f}x")
    print("same answers as one thread:", "yes" if answers == expected else "no")


# The pool starts new interpreters that import this file: without this
# guard, each would start a pool of its own (and Python refuses).
if __name__ == "__main__":
    main()
# ANCHOR_END: processes
