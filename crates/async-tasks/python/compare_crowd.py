"""What it costs to start a coroutine task, and a thread (Effective Python
Item 60): many asyncio tasks that each sleep 100 ms, then a tenth as many
threads that do the same: the Python side of
`cargo xtask compare async-tasks`.

    python3 compare_crowd.py [--runs N] [--size TASKS]

The time for a run is per task (or thread): the starting loop is timed in
ten batches, and the fastest batch's time is divided by its size, as the
Rust lesson measures it. With no arguments: one quick run. Prints
`timings tasks <seconds>...` and `timings threads <seconds>...`.
"""

import argparse
import asyncio
import threading
import time

QUICK_SIZE = 1_000
NAP = 0.1
THREAD_STACK = 256 * 1024  # CPython wants more room than a Rust thread


def fastest_tenth(count, start_one):
    """Start `count` things in ten timed batches; the fastest batch, per item."""
    batch = max(count // 10, 1)
    fastest = None
    started = 0
    while started < count:
        size = min(batch, count - started)
        began = time.perf_counter()
        for _ in range(size):
            start_one()
        each = (time.perf_counter() - began) / size
        fastest = each if fastest is None else min(fastest, each)
        started += size
    return fastest


async def crowd_of_tasks(count):
    tasks = []
    each = fastest_tenth(count, lambda: tasks.append(asyncio.create_task(asyncio.sleep(NAP))))
    await asyncio.gather(*tasks)
    if len(tasks) != count:
        raise SystemExit("%d tasks started, not %d" % (len(tasks), count))
    return each


def crowd_of_threads(count):
    threading.stack_size(THREAD_STACK)
    threads = []

    def start_one():
        thread = threading.Thread(target=time.sleep, args=(NAP,))
        thread.start()
        threads.append(thread)

    each = fastest_tenth(count, start_one)
    for thread in threads:
        thread.join()
    threading.stack_size(0)
    if len(threads) != count:
        raise SystemExit("%d threads started, not %d" % (len(threads), count))
    return each


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=QUICK_SIZE)
    args = parser.parse_args()
    tasks = [asyncio.run(crowd_of_tasks(args.size)) for _ in range(args.runs)]
    threads = [crowd_of_threads(max(args.size // 10, 1)) for _ in range(args.runs)]
    print("timings tasks", " ".join("%.9f" % t for t in tasks))
    print("timings threads", " ".join("%.9f" % t for t in threads))


if __name__ == "__main__":
    main()
