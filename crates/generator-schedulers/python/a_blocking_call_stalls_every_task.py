"""What cooperative tasks lose, as the Rust program's
`a_blocking_call_stalls_every_task` shows it. A task that blocks (time.sleep
standing in for a blocking read) never reaches its next yield, and nothing
else runs until it does. A ticker notes the time at each of its turns.
"""
import time
from collections import deque

BLOCK = 0.050


# ANCHOR: a_blocking_call_stalls_every_task
def ticker(ticks):
    for _ in range(3):
        ticks.append(time.monotonic())
        yield


def sleeper():
    time.sleep(BLOCK)  # blocks the one thread every task runs on
    yield


print("== 5. A blocking call stalls every task ==")
ticks = []
ready = deque([ticker(ticks), sleeper()])
while ready:
    task = ready.popleft()
    try:
        next(task)
    except StopIteration:
        continue
    ready.append(task)
longest_gap = max(later - earlier for earlier, later in zip(ticks, ticks[1:]))
print(f"the sleeper blocked for {BLOCK * 1000:.1f}ms; "
      f"the longest gap between ticks was {longest_gap * 1000:.1f}ms")
print("the ticker stalled while the sleeper blocked:",
      "yes" if longest_gap >= BLOCK else "no")
# ANCHOR_END: a_blocking_call_stalls_every_task
