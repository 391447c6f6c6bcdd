"""Five blocking system calls that each wait out a timeout (`select` on a
socket nobody writes to), one after another and then one thread each
(Effective Python Item 53: threads do overlap waiting): the Python side of
`cargo xtask compare blocking-io`.

    python3 compare_slow_calls.py [--runs N] [--size MILLISECONDS]

With no arguments: one quick run. Prints `timings sequential <seconds>...`
and `timings threads <seconds>...`.
"""

import argparse
import select
import socket
import threading
import time

CALLS = 5
QUICK_SIZE = 20


def slow_system_call(seconds):
    """Wait for a reply that never comes: the kernel wakes us at the timeout."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        readable, _, _ = select.select([ours], [], [], seconds)
    if readable:
        raise SystemExit("a socket nobody writes to became readable")


def in_sequence(seconds):
    for _ in range(CALLS):
        slow_system_call(seconds)


def one_thread_each(seconds):
    threads = [threading.Thread(target=slow_system_call, args=(seconds,)) for _ in range(CALLS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


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
    seconds = args.size / 1000
    timed("sequential", args.runs, lambda: in_sequence(seconds))
    timed("threads", args.runs, lambda: one_thread_each(seconds))


if __name__ == "__main__":
    main()
