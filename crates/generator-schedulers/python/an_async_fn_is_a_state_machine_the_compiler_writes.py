"""The same tasks as `async def` coroutines, on a tiny executor, as the Rust
program's `an_async_fn_is_a_state_machine_the_compiler_writes` runs them.

Python compiles an `async def` into a coroutine, a generator in all but
name: coro.send(None) runs it to its next suspension, and it raises
StopIteration when it returns. yield_now() is the smallest awaitable that
gives control back: it suspends once. The executor is the round-robin loop
of round_robin_gives_a_fixed_interleaving.py.
(Effective Python Item 60; asyncio's event loop has this loop at its core.)
"""
import types
from collections import deque


# ANCHOR: an_async_fn_is_a_state_machine_the_compiler_writes
@types.coroutine
def yield_now():
    yield  # suspends the whole chain of awaits, back to the executor


async def countdown(n, out):
    for left in range(n, 0, -1):
        out.append(f"T-minus {left}")
        await yield_now()
    out.append("Blastoff!")


async def countup(n, out):
    for x in range(n):
        out.append(f"Counting up {x}")
        await yield_now()


def run(coroutines):
    """Round robin over coroutines; returns how many times it resumed one."""
    ready, resumes = deque(coroutines), 0
    while ready:
        coro = ready.popleft()
        resumes += 1
        try:
            coro.send(None)
        except StopIteration:
            continue
        ready.append(coro)
    return resumes
# ANCHOR_END: an_async_fn_is_a_state_machine_the_compiler_writes


def by_hand():
    """The round robin's generators, for comparison."""
    out = []

    def countdown(n):
        for left in range(n, 0, -1):
            out.append(f"T-minus {left}")
            yield
        out.append("Blastoff!")

    def countup(n):
        for x in range(n):
            out.append(f"Counting up {x}")
            yield

    ready = deque([countdown(10), countdown(5), countup(15)])
    while ready:
        task = ready.popleft()
        try:
            next(task)
        except StopIteration:
            continue
        ready.append(task)
    return out


print("== 3. An async fn is a state machine the compiler writes ==")
out = []
resumes = run([countdown(10, out), countdown(5, out), countup(15, out)])
print(f"the executor called send(None) {resumes} times and the tasks printed "
      f"{len(out)} lines")
expected = by_hand()
print("same lines in the same order as the hand-written tasks:",
      "yes" if out and out == expected else "no")
