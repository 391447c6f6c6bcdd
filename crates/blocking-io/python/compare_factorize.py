"""Every divisor of four numbers by trial division, one after another, then
one thread each, then in equal shares with one thread per core (Effective
Python Item 53: under the GIL, threads do not make computing faster, however
the work is shared): the Python side of `cargo xtask compare blocking-io`.

    python3 compare_factorize.py [--runs N] [--size DIVISOR]

Each number is divided by DIVISOR first (1 keeps the notes' numbers). With
no arguments: one quick run. Prints `timings sequential <seconds>...`,
`timings threads <seconds>...` and `timings shares <seconds>...`.
"""

import argparse
import os
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


def cores():
    """The cores this process may use (as Rust's available_parallelism)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS has no sched_getaffinity
        return os.cpu_count() or 1


def equal_shares(numbers, workers):
    """Lay every number's candidates 1..n end to end in one row and cut it
    into `workers` slices of equal length; a slice is a list of
    (index, first, last) pieces, and may end part-way through a number."""
    total = sum(numbers)
    cuts = [total * w // workers for w in range(workers + 1)]
    shares = []
    for start, end in zip(cuts, cuts[1:]):
        share, row = [], 0
        for index, number in enumerate(numbers):
            low, high = max(row, start), min(row + number, end)
            if low < high:  # position row + k of the row is candidate k + 1
                share.append((index, low - row + 1, high - row))
            row += number
        shares.append(share)
    return shares


def in_equal_shares(numbers):
    shares = equal_shares(numbers, cores())
    done = [None] * len(shares)

    def work(slot):
        done[slot] = [(index, [i for i in range(first, last + 1) if numbers[index] % i == 0])
                      for index, first, last in shares[slot]]

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(len(shares))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = [[] for _ in numbers]
    for pieces in done:  # in the order of the shares: each list stays in order
        for index, some in pieces:
            found[index].extend(some)
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
            if len(found) != len(numbers) or any(
                    d[0] != 1 or d[-1] != n for d, n in zip(found, numbers)):
                raise SystemExit("a list of divisors does not run from 1 to the number")

        return run

    expected = in_sequence(numbers)  # what every split must find, untimed

    def shares_checked():
        if in_equal_shares(numbers) != expected:
            raise SystemExit("the shares' divisors, put together, differ from one thread's")

    timed("sequential", args.runs, checked(in_sequence))
    timed("threads", args.runs, checked(one_thread_each))
    timed("shares", args.runs, shares_checked)


if __name__ == "__main__":
    main()
