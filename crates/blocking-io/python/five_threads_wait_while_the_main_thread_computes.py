"""Item 53: five threads wait together while the main thread computes (the
Rust beside it: `five_threads_wait_while_the_main_thread_computes` in main.rs).

One thread per slow call. CPython releases the GIL around select(), so the
five threads sleep in the kernel side by side, and the main thread plots
the helicopter's next five positions meanwhile.
"""
import math
import select
import socket
import time
from threading import Thread

import pathlib
import sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

TIMEOUT = 0.1
CALLS = 5


def slow_system_call(timeout=TIMEOUT):
    ours, theirs = socket.socketpair()
    with ours, theirs, trace.waiting("io", "select"):  # nobody writes to `theirs`
        select.select([ours], [], [], timeout)


# ANCHOR: five_threads_wait_while_the_main_thread_computes
def helicopter_location(step):
    angle = (step % 5) * 2 * math.pi / 5
    return round(100 * math.cos(angle)), round(100 * math.sin(angle))


def timed_call(blocked):
    started = time.monotonic()
    slow_system_call()
    blocked.append(time.monotonic() - started)


print("== 4. Five threads wait together while the main thread computes ==")
started = time.monotonic()
blocked = []
calls = [Thread(target=timed_call, args=(blocked,)) for _ in range(CALLS)]
for call in calls:
    call.start()
course = [helicopter_location(step) for step in range(CALLS)]
with trace.waiting("join"):
    for call in calls:
        call.join()
took = time.monotonic() - started
print(f"meanwhile the main thread plotted the course {course}")
print("each of the five calls blocked for at least its timeout:",
      "yes" if len(blocked) == CALLS and min(blocked) >= TIMEOUT else "no")
print(f"all five took {took * 1000:.1f}ms together: less than three timeouts:",
      "yes" if took < 3 * TIMEOUT else "no")
# ANCHOR_END: five_threads_wait_while_the_main_thread_computes
