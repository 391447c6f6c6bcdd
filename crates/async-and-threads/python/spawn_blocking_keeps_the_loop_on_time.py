"""The same sleep, sent to a thread, keeps the loop on time (Item 63; the
Rust side is `spawn_blocking_keeps_the_loop_on_time`, in `main.rs`).

The blocking call goes to the loop's default ThreadPoolExecutor through
run_in_executor (asyncio.to_thread from Python 3.9); the coroutine awaits
it, and the loop's thread stays free for the ticker.
"""
import asyncio
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

TICK = 0.010
BLOCK = 0.100


async def ticker(first_tick, stop):
    worst = 0.0
    while True:
        due = time.perf_counter() + TICK
        await asyncio.sleep(TICK)
        trace.instant("tick")  # a mark in the chapter's pictures
        worst = max(worst, time.perf_counter() - due)
        first_tick.set()
        if stop.is_set():
            return worst


# ANCHOR: spawn_blocking_keeps_the_loop_on_time
def sleep():
    with trace.waiting("sleep", "time.sleep"):
        time.sleep(BLOCK)


async def blocker():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sleep)  # on a pool thread


async def main():
    first_tick, stop = asyncio.Event(), asyncio.Event()
    ticking = asyncio.create_task(ticker(first_tick, stop))
    await first_tick.wait()
    await asyncio.create_task(blocker())
    stop.set()
    worst = await ticking
    print(f"a ticker asks to wake every {TICK * 1000:.1f}ms; "
          f"another task sends time.sleep for {BLOCK * 1000:.1f}ms to run_in_executor")
    verdict = "yes" if worst < BLOCK / 2 else "no"
    print(f"the ticker's worst lateness: {worst * 1000:.1f}ms: on time: {verdict}")


print("== 5. run_in_executor keeps the loop on time ==")
with trace.region("on time"):  # what the chapter's picture shows
    asyncio.run(main())
# ANCHOR_END: spawn_blocking_keeps_the_loop_on_time
