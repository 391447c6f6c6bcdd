"""Five threads each add 1 to one counter, under a lock (Effective Python
Item 54's fix for the lost updates): the Python side of
`cargo xtask compare locks`.

    python3 compare_counter.py [--runs N] [--size INCREMENTS_PER_THREAD]

With no arguments: one quick run. Prints `timings lock <seconds>...`.
"""

import argparse
import threading
import time

THREADS = 5
QUICK_SIZE = 10_000


class CountUnderLock:
    """Item 54's fix in the shape of the Rust side's `StdMutexCounter`:
    `increment` takes the lock for its one addition, and `count` reads the
    total once the threads are done."""

    def __init__(self):
        self._total = 0
        self._lock = threading.Lock()

    def increment(self, offset):
        with self._lock:
            self._total += offset

    @property
    def count(self):
        return self._total


def add_ones(counter, how_many):
    for _ in range(how_many):
        counter.increment(1)


def one_run(size):
    counter = CountUnderLock()
    threads = [
        threading.Thread(target=add_ones, args=(counter, size)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if counter.count != THREADS * size:
        raise SystemExit("counted %d, expected %d" % (counter.count, THREADS * size))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=QUICK_SIZE)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        one_run(args.size)
        times.append(time.perf_counter() - started)
    print("timings lock", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
