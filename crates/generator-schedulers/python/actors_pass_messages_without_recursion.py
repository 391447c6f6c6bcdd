"""Recipe 12.12's actor scheduler, as the Rust program's
`actors_pass_messages_without_recursion` retells it: actors are generators
paused at a `yield` that receives the next message, and they never call
each other: an actor queues a message with send(), and the scheduler's loop
delivers it after the current one. A counter and a printer pass 10 000
numbers, one delivery deep.

For contrast, the same conversation as direct calls nests one call per
message, and CPython stops it at its recursion limit (1000 by default).
"""
from collections import deque


class Depth:
    """How many deliveries are running one inside another, and the most."""

    def __init__(self):
        self.now = self.deepest = self.deliveries = 0

    def __enter__(self):
        self.now += 1
        self.deliveries += 1
        self.deepest = max(self.deepest, self.now)

    def __exit__(self, *exc):
        self.now -= 1


# ANCHOR: actors_pass_messages_without_recursion
class ActorScheduler:
    def __init__(self):
        self._actors = {}
        self._mail = deque()
        self.delivered = self.dropped = self.peak = 0
        self.depth = Depth()

    def new_actor(self, name, actor):
        next(actor)  # run it to its first `msg = yield`
        self._actors[name] = actor

    def send(self, name, msg):
        self._mail.append((name, msg))
        self.peak = max(self.peak, len(self._mail))

    def run(self):
        while self._mail:
            name, msg = self._mail.popleft()
            actor = self._actors.get(name)
            if actor is None:
                self.dropped += 1
                continue
            with self.depth:
                self.delivered += 1
                try:
                    actor.send(msg)
                except StopIteration:
                    del self._actors[name]  # it returned: later mail is dropped


def printer(lines):
    """Keeps a line for every number it is sent; never finishes."""
    while True:
        lines.append(f"Got: {(yield)}")  # paused at the yield until a message


def counter(scheduler):
    """Sends n to the printer and n - 1 to itself; returns when sent 0."""
    n = yield
    while n:
        scheduler.send("printer", n)
        scheduler.send("counter", n - 1)
        n = yield


print("== 4. Actors pass messages without recursion ==")
lines = []
scheduler = ActorScheduler()
scheduler.new_actor("printer", printer(lines))
scheduler.new_actor("counter", counter(scheduler))
scheduler.send("counter", 10_000)
scheduler.run()
print("\n".join(lines[:3] + ["..."] + lines[-3:]))
print(f"messages delivered: {scheduler.delivered}, dropped: {scheduler.dropped}")
print(f"most messages ever waiting at once: {scheduler.peak}")
queued = scheduler.depth
print(f"through the queue, from 10000: {queued.deliveries} deliveries, "
      f"nested at most {queued.deepest} deep")
# ANCHOR_END: actors_pass_messages_without_recursion

# ANCHOR: direct_calls
direct = Depth()


def print_directly(n, lines):
    with direct:
        lines.append(f"Got: {n}")


def count_directly(n, lines):
    with direct:
        if n > 0:
            print_directly(n, lines)
            count_directly(n - 1, lines)  # one frame deeper per message


try:
    count_directly(1000, [])
    outcome = "finished"
except RecursionError as err:
    outcome = f"RecursionError ({err})"
print(f"calling each other directly, from 1000: {outcome} after "
      f"{direct.deliveries} deliveries, nested {direct.deepest} deep")
print("the scheduler kept the stack flat:",
      "yes" if queued.deepest == 1 < direct.deepest else "no")
# ANCHOR_END: direct_calls
