"""What this lesson's programs mark for the chapter's pictures (a module, not
a program: the name starts with `_`). Nothing here changes what a program
does or prints; with COURSE_TRACE unset it marks nothing at all.

The course's recorder gives a lane to each thread, not to each coroutine, so
an event loop's coroutines share its thread's lane. What the lane can show
is what the thread does: run the coroutines' turns, or wait in the
selector (epoll on Linux) while every coroutine waits on a timer or a
socket. `mark_the_event_loop()` makes asyncio.run's loops mark exactly that,
as tokio's one-thread runtime does on the Rust side (`one_thread_runtime`).
"""
import asyncio
import pathlib
import selectors
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  off unless COURSE_TRACE is set


class _MarkingSelector(selectors.DefaultSelector):
    """The loop's selector: from one select to the next the thread runs the
    coroutines' turns; inside select it waits."""

    def __init__(self):
        super().__init__()
        self._turns = trace.running("tasks' turns").__enter__()

    def select(self, timeout=None):
        self._turns.__exit__(None, None, None)
        with trace.waiting("io", "epoll_wait"):
            ready = super().select(timeout)
        self._turns = trace.running("tasks' turns").__enter__()
        return ready

    def close(self):
        self._turns.__exit__(None, None, None)
        super().close()


class _MarkingPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return asyncio.SelectorEventLoop(_MarkingSelector())


def mark_the_event_loop():
    """From now on, asyncio.run's loops mark their thread for the pictures
    (when the recorder is on; otherwise this does nothing)."""
    if trace.on():
        asyncio.set_event_loop_policy(_MarkingPolicy())


def reads_marked(lines):
    """`lines` (a file's lines), each read marked as a wait on I/O."""
    while True:
        with trace.waiting("io", "read"):
            line = next(lines, None)
        if line is None:
            return
        yield line
