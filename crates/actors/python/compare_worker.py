"""Round trips to a worker actor (the cookbook's recipe 12.10): submit a
function, wait for its result, again and again: the Python side of
`cargo xtask compare actors`.

    python3 compare_worker.py [--runs N] [--size ROUND_TRIPS]

With no arguments: one quick run. Prints `timings worker <seconds>...`.
"""

import argparse
import queue
import threading
import time

QUICK_SIZE = 2_000


class Closed(Exception):
    """Raised inside the actor when it reads the close message."""


class Actor:
    """A thread that handles the messages in its mailbox, one at a time."""

    CLOSE = object()

    def __init__(self):
        self.mailbox = queue.Queue()
        self.thread = threading.Thread(target=self._main, daemon=True)

    def start(self):
        self.thread.start()

    def send(self, message):
        self.mailbox.put(message)

    def receive(self):
        message = self.mailbox.get()
        if message is self.CLOSE:
            raise Closed()
        return message

    def close(self):
        self.send(self.CLOSE)

    def join(self):
        self.thread.join()

    def _main(self):
        try:
            self.run()
        except Closed:
            pass


class Pending:
    """A result that another thread will set."""

    def __init__(self):
        self.done = threading.Event()
        self.value = None

    def set(self, value):
        self.value = value
        self.done.set()

    def result(self):
        self.done.wait()
        return self.value


class Worker(Actor):
    def submit(self, function, *args):
        pending = Pending()
        self.send((function, args, pending))
        return pending

    def run(self):
        while True:
            function, args, pending = self.receive()
            pending.set(function(*args))


def triple(n):
    return n * 3


def one_run(size):
    worker = Worker()
    worker.start()
    for n in range(size):
        answer = worker.submit(triple, n).result()
        if answer != n * 3:
            raise SystemExit("%d came back as %d" % (n, answer))
    worker.close()
    worker.join()


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
    print("timings worker", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
