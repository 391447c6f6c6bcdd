"""What a coroutine is, driven by hand (the Rust side is
`what_an_async_fn_compiles_to`, in `main.rs`).

Calling an async def function runs none of its body: it returns a coroutine
object. send(None) runs it to its next suspension point (the value it hands
back is what an event loop would look at); StopIteration carries the return
value. This is Python's poll: Rust's Poll::Pending is a value coming out of
send, Poll::Ready(x) is StopIteration(x).
"""
import sys


class YieldOnce:
    """Suspends once, then completes: asyncio.sleep(0) without a loop."""

    def __await__(self):
        yield  # the coroutine stops here and send() returns None
        return None


# ANCHOR: what_an_async_fn_compiles_to
started = False


async def add_slowly(a, b):
    global started
    started = True
    await YieldOnce()
    total = a + b
    await YieldOnce()
    return total


def send_by_hand(coroutine, limit):
    results = []
    for _ in range(limit):
        try:
            coroutine.send(None)
            results.append("Pending")
        except StopIteration as done:
            results.append(f"Ready({done.value})")
            break
    return results


print("== 4. What an async fn compiles to ==")
coroutine = add_slowly(2, 3)
print(f"add_slowly(2, 3) returned a coroutine of ~{sys.getsizeof(coroutine)} "
      f"bytes; creating it ran none of its body:", "no" if started else "yes")
print(f"driven by hand with send(None): [{', '.join(send_by_hand(coroutine, 10))}]")
# ANCHOR_END: what_an_async_fn_compiles_to
