"""Recipe 12.12's scheduler runs generators round robin, as the Rust
program's `round_robin_gives_a_fixed_interleaving` runs its state machines.

Pop a task, run it to its next yield, put it back unless it finished. One
thread, a first-in-first-out queue, and switches only where a task says
`yield`: the interleaving is the same on every run.
"""
from collections import deque


def countdown(n):
    for left in range(n, 0, -1):
        print(f"T-minus {left}")
        yield
    print("Blastoff!")


def countup(n):
    for x in range(n):
        print(f"Counting up {x}")
        yield


# ANCHOR: round_robin_gives_a_fixed_interleaving
class RoundRobin:
    def __init__(self):
        self._ready = deque()
        self.finished = []

    def spawn(self, name, task):
        self._ready.append((name, task))

    def run(self):
        while self._ready:
            name, task = self._ready.popleft()
            try:
                next(task)
            except StopIteration:
                self.finished.append(name)
            else:
                self._ready.append((name, task))


print("== 2. Round robin gives a fixed interleaving ==")
scheduler = RoundRobin()
scheduler.spawn("countdown(10)", countdown(10))
scheduler.spawn("countdown(5)", countdown(5))
scheduler.spawn("countup(15)", countup(15))
scheduler.run()
print(f"tasks left the queue in this order: {', '.join(scheduler.finished)}")
# ANCHOR_END: round_robin_gives_a_fixed_interleaving
