"""What starting one child process costs: run `true` to its end, several
times in turn, and divide: the Python side of
`cargo xtask compare subprocess`.

    python3 compare_spawn.py [--runs N] [--size CHILDREN]

With no arguments: one quick run. Prints `timings trivial <seconds>...`,
each the time per child.
"""

import argparse
import subprocess
import time

QUICK_SIZE = 5


def one_run(children):
    for _ in range(children):
        done = subprocess.run(["true"], capture_output=True)
        if done.returncode != 0:
            raise SystemExit("true ended with %d" % done.returncode)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=QUICK_SIZE)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        one_run(args.size)
        times.append((time.perf_counter() - started) / args.size)
    print("timings trivial", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
