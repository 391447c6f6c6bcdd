"""A plain thread runs a coroutine on the loop (Item 62; the Rust side is
`a_plain_thread_runs_async_code_through_a_handle`, in `main.rs`).

run_coroutine_threadsafe hands the coroutine to a loop that is running in
another thread, and returns a concurrent.futures.Future at once; .result()
blocks the calling thread until the loop has finished the coroutine. The
coroutine runs on the loop's thread, never on the caller's: Python has no
counterpart of tokio's Handle::block_on, which runs it on the caller's.
"""
import asyncio
import threading

PAUSE = 0.010


async def answer(value):
    await asyncio.sleep(PAUSE)
    return value, threading.get_ident()


# ANCHOR: a_plain_thread_runs_async_code_through_a_handle
def plain_thread(loop, out):
    caller = threading.get_ident()
    future = asyncio.run_coroutine_threadsafe(answer(7 * 8), loop)
    value, ran_on = future.result()
    out.append((caller, value, ran_on))


async def main():
    loop = asyncio.get_running_loop()
    out = []
    thread = threading.Thread(target=plain_thread, args=(loop, out))
    thread.start()
    # The loop must keep running while the thread waits: join it from a
    # pool thread, never by blocking the loop itself.
    await loop.run_in_executor(None, thread.join)
    caller, value, ran_on = out[0]
    verdict = "yes" if ran_on != caller else "no"
    print(f"run_coroutine_threadsafe(...).result() returned {value}; "
          f"it ran on another thread (the loop's): {verdict}")


print("== 2. A plain thread runs a coroutine through run_coroutine_threadsafe ==")
asyncio.run(main())
# ANCHOR_END: a_plain_thread_runs_async_code_through_a_handle
