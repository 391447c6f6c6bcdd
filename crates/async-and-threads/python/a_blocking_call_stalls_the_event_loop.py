"""A blocking call stalls the event loop (Item 63; the Rust side is
`a_blocking_call_stalls_the_event_loop`, in `main.rs`).

One thread runs every coroutine. A ticker asks to wake every 10 ms; another
task calls time.sleep, which holds that thread, so the ticker wakes late by
about the whole sleep.
"""
import asyncio
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

TICK = 0.010
BLOCK = 0.100


# ANCHOR: ticker
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
# ANCHOR_END: ticker


# ANCHOR: a_blocking_call_stalls_the_event_loop
async def blocker():
    with trace.waiting("sleep", "time.sleep"):
        time.sleep(BLOCK)  # holds the loop's only thread


async def main():
    first_tick, stop = asyncio.Event(), asyncio.Event()
    ticking = asyncio.create_task(ticker(first_tick, stop))
    await first_tick.wait()
    await asyncio.create_task(blocker())
    stop.set()
    worst = await ticking
    print(f"a ticker asks to wake every {TICK * 1000:.1f}ms; "
          f"another task calls time.sleep for {BLOCK * 1000:.1f}ms")
    verdict = "yes" if worst >= 0.8 * BLOCK else "no"
    print(f"the ticker's worst lateness: {worst * 1000:.1f}ms: "
          f"the loop stalled: {verdict}")


print("== 4. A blocking call stalls the event loop ==")
with trace.region("stalled"):  # what the chapter's picture shows
    asyncio.run(main())
# ANCHOR_END: a_blocking_call_stalls_the_event_loop
