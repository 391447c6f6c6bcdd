"""The cookbook's actor scheduler (recipe 12.12): a counter and a printer,
generators resumed with `send`, passing messages through one deque: the
Python side of `cargo xtask compare generator-schedulers`.

    python3 compare_actor_scheduler.py [--runs N] [--size MESSAGES]

The counter counts down from MESSAGES / 2, sending each number to the
printer and the next to itself. With no arguments: one quick run. Prints
`timings scheduler <seconds>...`.
"""

import argparse
import time
from collections import deque

QUICK_SIZE = 10_000


class Scheduler:
    """Named actors, one queue of messages, delivered one at a time."""

    def __init__(self):
        self.actors = {}
        self.messages = deque()
        self.delivered = 0

    def new_actor(self, name, actor):
        next(actor)  # run the generator up to its first `yield`
        self.actors[name] = actor

    def send(self, name, message):
        self.messages.append((name, message))

    def run(self):
        while self.messages:
            name, message = self.messages.popleft()
            actor = self.actors.get(name)
            if actor is None:
                continue  # it has finished: the message is dropped
            self.delivered += 1
            try:
                actor.send(message)
            except StopIteration:
                del self.actors[name]


def printer(lines):
    while True:
        n = yield
        lines.append("Got: %d" % n)


def counter(scheduler):
    while True:
        n = yield
        if n == 0:
            return
        scheduler.send("printer", n)
        scheduler.send("counter", n - 1)


def one_run(size):
    start = size // 2
    lines = []
    scheduler = Scheduler()
    scheduler.new_actor("printer", printer(lines))
    scheduler.new_actor("counter", counter(scheduler))
    scheduler.send("counter", start)
    scheduler.run()
    if scheduler.delivered != 2 * start + 1 or len(lines) != start:
        raise SystemExit(
            "%d messages delivered and %d printed, counting down from %d"
            % (scheduler.delivered, len(lines), start)
        )


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
    print("timings scheduler", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
