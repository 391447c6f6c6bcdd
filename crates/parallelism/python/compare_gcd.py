"""Item 64's workload, the slow gcd of seeded pairs, in sequence and then
in worker processes (`ProcessPoolExecutor`, one worker per core: the Item's
way past the GIL): the Python side of `cargo xtask compare parallelism`.

    python3 compare_gcd.py [--runs N] [--size PAIRS]

With no arguments: one quick run. Prints `timings sequential <seconds>...`
and `timings processes <seconds>...`.
"""

import argparse
import math
import os
import time
from concurrent.futures import ProcessPoolExecutor

from _workload import gcd, make_pairs

QUICK_SIZE = 2


def in_sequence(pairs):
    return list(map(gcd, pairs))


def in_processes(pairs):
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        return list(pool.map(gcd, pairs))


def timed(variant, runs, work):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    print("timings", variant, " ".join("%.9f" % t for t in times))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=QUICK_SIZE)
    args = parser.parse_args()
    pairs = make_pairs(count=args.size)
    expected = [math.gcd(a, b) for a, b in pairs]

    def checked(way):
        def run():
            if way(pairs) != expected:
                raise SystemExit("an answer differs from math.gcd")

        return run

    timed("sequential", args.runs, checked(in_sequence))
    timed("processes", args.runs, checked(in_processes))


if __name__ == "__main__":
    main()
