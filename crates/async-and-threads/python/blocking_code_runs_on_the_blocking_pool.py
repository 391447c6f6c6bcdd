"""Blocking code runs on a pool of threads (Item 62; the Rust side is
`blocking_code_runs_on_the_blocking_pool`, in `main.rs`).

The coroutine needs the answer of a blocking function. run_in_executor runs
it on a thread of the loop's default ThreadPoolExecutor, and the coroutine
awaits the result (asyncio.to_thread(f) does the same, from Python 3.9).
"""
import asyncio
import threading
import time

LOOKUP = 0.100


def blocking_lookup(key, pause):
    time.sleep(pause)
    return key * key, threading.get_ident()


def timed(call, *args):
    """call(*args), and when it started and ended, for the verdict."""
    start = time.perf_counter()
    result = call(*args)
    return result, (start, time.perf_counter())


# ANCHOR: blocking_code_runs_on_the_blocking_pool
async def main():
    loop = asyncio.get_running_loop()
    task_thread = threading.get_ident()
    value, call_thread = await loop.run_in_executor(None, blocking_lookup, 7, LOOKUP)
    verdict = "yes" if call_thread != task_thread else "no"
    print(f"lookup(7) returned {value}; "
          f"the blocking call ran on another thread than the task: {verdict}")

    started = time.perf_counter()
    lookups = [loop.run_in_executor(None, timed, blocking_lookup, key, LOOKUP)
               for key in (1, 2, 3)]
    answers = await asyncio.gather(*lookups)
    took = time.perf_counter() - started
    values = [value for (value, _), _ in answers]
    # Side by side, every call started before any of them ended.
    latest_start = max(start for _, (start, _) in answers)
    earliest_end = min(end for _, (_, end) in answers)
    verdict = "yes" if latest_start < earliest_end else "no"
    print(f"three lookups of {LOOKUP * 1000:.1f}ms each returned {values} "
          f"after {took * 1000:.1f}ms: they overlapped: {verdict}")


print("== 1. Blocking code runs on the blocking pool: run_in_executor ==")
asyncio.run(main())
# ANCHOR_END: blocking_code_runs_on_the_blocking_pool
