"""Ten child processes that each sleep, all started before any is waited
for (Effective Python Item 52: children run in parallel with each other):
the Python side of `cargo xtask compare subprocess`.

    python3 compare_children.py [--runs N] [--size MILLISECONDS]

With no arguments: one quick run. Prints `timings sleepers <seconds>...`.
"""

import argparse
import subprocess
import time

CHILDREN = 10
QUICK_SIZE = 50


def one_run(seconds):
    children = [subprocess.Popen(["sleep", "%.3f" % seconds]) for _ in range(CHILDREN)]
    for child in children:
        if child.wait() != 0:
            raise SystemExit("sleep ended with %d" % child.returncode)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=QUICK_SIZE)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        one_run(args.size / 1000)
        times.append(time.perf_counter() - started)
    print("timings sleepers", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
