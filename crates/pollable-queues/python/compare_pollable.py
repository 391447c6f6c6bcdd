"""Three pollable queues (the cookbook's recipe 12.13: a `queue.Queue` with
a socket pair that carries one byte per item), one producer putting items
into each in turn, one consumer thread that waits on all three with
`select` and takes an item from each that is ready: the Python side of
`cargo xtask compare pollable-queues`.

    python3 compare_pollable.py [--runs N] [--size ITEMS]

With no arguments: one quick run. Prints `timings queue <seconds>...`.
"""

import argparse
import queue
import select
import socket
import threading
import time

QUICK_SIZE = 5_000


class PollableQueue(queue.Queue):
    """A queue whose `fileno()` is readable while items wait in it."""

    def __init__(self):
        super().__init__()
        self._put_end, self._get_end = socket.socketpair()

    def fileno(self):
        return self._get_end.fileno()

    def put(self, item):
        super().put(item)
        self._put_end.send(b"x")

    def get(self):
        self._get_end.recv(1)
        return super().get()

    def close(self):
        self._put_end.close()
        self._get_end.close()


def consume(queues, size, totals):
    got = total = 0
    while got < size:
        readable, _, _ = select.select(queues, [], [])
        for ready in readable:
            total += ready.get()
            got += 1
    totals.append(total)


def one_run(size):
    queues = [PollableQueue() for _ in range(3)]
    totals = []
    consumer = threading.Thread(target=consume, args=(queues, size, totals))
    consumer.start()
    for n in range(size):
        queues[n % 3].put(n)
    consumer.join()
    for q in queues:
        q.close()
    expected = size * (size - 1) // 2
    if totals != [expected]:
        raise SystemExit("the items add up to %s, not %d" % (totals, expected))


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
    print("timings queue", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
