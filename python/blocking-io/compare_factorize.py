"""Every divisor of four numbers by trial division, one after another and
then one thread each (Effective Python Item 53: under the GIL, threads do
not make computing faster): the Python side of
`cargo xtask compare blocking-io`.

    python3 compare_factorize.py [--runs N] [--size DIVISOR]

Each number is divided by DIVISOR first (1 keeps the notes' numbers). With
no arguments: one quick run. Prints `timings sequential <seconds>...` and
`timings threads <seconds>...`.
"""

import argparse
import threading
import time

NUMBERS = [2139079, 1214759, 1516637, 1852285]
QUICK_SIZE = 10


def divisors(number):
    """Try every candidate from 1 to the number: slow on purpose."""
    return [i for i in range(1, number + 1) if number % i == 0]


def in_sequence(numbers):
    return [divisors(n) for n in numbers]


def one_thread_each(numbers):
    found = [None] * len(numbers)

    def work(index):
        found[index] = divisors(numbers[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(numbers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return found


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
    numbers = [n // args.size for n in NUMBERS]

    def checked(way):
        def run():
            found = way(numbers)
            if any(d[0] != 1 or d[-1] != n for d, n in zip(found, numbers)):
                raise SystemExit("a list of divisors does not run from 1 to the number")

        return run

    timed("sequential", args.runs, checked(in_sequence))
    timed("threads", args.runs, checked(one_thread_each))


if __name__ == "__main__":
    main()
