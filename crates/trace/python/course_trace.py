"""The course's timeline recorder for the Python side: the Rust crate
`trace` (crates/trace) again, standard library only, writing the same
Chrome trace events, which `cargo xtask pictures` draws for the book.

Off unless the environment variable COURSE_TRACE names a file; then the
trace is written there when the program ends (or at finish()), and a
"{pid}" in the name becomes the process id. Off, a call costs a global
lookup and a branch, and work() hands back its iterable untouched. Nothing
is printed: a program's output stays its own.

A lesson program imports it from here, by a path relative to itself:

    import pathlib, sys
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
    import course_trace as trace  # noqa: E402  (off unless COURSE_TRACE is set)

and marks what a picture should show:

    [i for i in trace.work(range(1, n + 1)) if n % i == 0]   # CPU-bound items
    with trace.waiting("io", "select"): ...                 # blocked: lock,
    with trace.holding("counter"): ...                      #   condvar, io,
    with trace.region("five threads"): ...                  #   join, sleep
    trace.flow_out("put", n); trace.flow_in("put", n)       # a hand-off
    asleep = trace.child("child 1", "sleep", "sleep 1")     # a child's lane,
    asleep.end()                                            #   spawn to reaping

work() times its items in slices of SLICE against the thread's own CPU
time (time.thread_time_ns), which stops while the thread does not run: a
slice that took longer than the CPU time it used is recorded as running for
that long, then waiting (for the GIL, or for a core) for the rest. That is
how a picture shows the GIL passing between threads from the real run.

Run as a program, it checks itself and prints one line.
"""
import atexit
import itertools
import json
import os
import sys
import threading
import time

ENV = "COURSE_TRACE"
SLICE = 2048  # items per work() slice: about 50 µs of a CPython loop
RESOLUTION_NS = 20_000  # as the Rust recorder's
READY = "waiting for the GIL or a core"
WAITS = ("lock", "condvar", "io", "join", "sleep")
MAX_EVENTS_PER_LANE = 1 << 20

_path = None  # the file name as given: "{pid}" is filled in when it is written
_on = False
_epoch = 0
_epoch_unix_ns = 0
_lanes = []  # every thread's lane, in the order they began
_lock = threading.Lock()
_local = threading.local()


def on():
    """Is the recorder on?"""
    return _on


def record_to(path):
    """Turns recording on now, writing to `path`, whatever COURSE_TRACE says."""
    global _path, _on, _epoch, _epoch_unix_ns
    if _path is None:
        _epoch = time.perf_counter_ns()
        _epoch_unix_ns = time.time_ns()
        atexit.register(_write_at_exit)
    _path = str(path)
    _on = True
    _lane()  # the thread that turns recording on (the main thread) is drawn first


class _Lane:
    def __init__(self, tid, name):
        self.tid = tid
        self.name = name
        self.events = []  # (ph, cat, name, ts, dur, id), ns since the epoch
        self.dropped = 0
        self.open_run = None  # [start, end] of work slices not yet a span

    def push(self, event):
        if len(self.events) < MAX_EVENTS_PER_LANE:
            self.events.append(event)
        else:
            self.dropped += 1

    def extend_run(self, start, end):
        run = self.open_run
        if run is not None and start <= run[1] + RESOLUTION_NS:
            run[1] = max(run[1], end)
        else:
            self.close_run()
            if end > start:
                self.open_run = [start, end]

    def close_run(self):
        if self.open_run is not None:
            start, end = self.open_run
            self.open_run = None
            self.push(("X", "run", "work", start, end - start, None))


def _lane():
    lane = getattr(_local, "lane", None)
    if lane is None:
        with _lock:
            lane = _Lane(len(_lanes) + 1, threading.current_thread().name)
            _lanes.append(lane)
        _local.lane = lane
    return lane


def _now():
    return time.perf_counter_ns() - _epoch


def name_thread(name):
    """Names the calling thread's lane (otherwise the thread's own name)."""
    if _on:
        _lane().name = name


class _Span:
    __slots__ = ("cat", "name", "start")

    def __init__(self, cat, name):
        self.cat = cat
        self.name = name

    def __enter__(self):
        self.start = _now()
        return self

    def __exit__(self, *exc):
        if _on:
            now = _now()
            _lane().push(("X", self.cat, self.name, self.start, now - self.start, None))
        return False


class _Nothing:
    """What a span is when the recorder is off."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def end(self):
        pass


_NOTHING = _Nothing()


def running(what):
    """with running("plot"): the calling thread works at `what`."""
    return _Span("run", what) if _on else _NOTHING


def waiting(kind, what=None):
    """with waiting("io", "select"): the calling thread is blocked; `kind` is
    one of lock, condvar, io, join, sleep."""
    if not _on:
        return _NOTHING
    if kind not in WAITS:
        raise ValueError(f"waiting({kind!r}): a wait is one of {', '.join(WAITS)}")
    return _Span("wait." + kind, what or kind)


def holding(lock):
    """with holding("counter"): the calling thread holds the lock `lock`."""
    return _Span("hold", lock) if _on else _NOTHING


def region(name):
    """with region("five threads"): the stretch a picture naming it shows."""
    return _Span("region", name) if _on else _NOTHING


class _Child:
    __slots__ = ("lane", "cat", "name", "start")

    def __init__(self, lane, cat, name):
        self.lane, self.cat, self.name = lane, cat, name
        self.start = _now()

    def end(self):
        if _on and self.lane is not None:
            now = _now()
            self.lane.push(("X", self.cat, self.name, self.start, now - self.start, None))
            self.lane = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.end()
        return False


def child(label, kind, what=None):
    """A child process that records nothing itself (`sleep`), as its parent
    saw it: a lane of its own called `label`, with one span of `kind` (a
    wait, as for waiting()) from now, just after the spawn, to end(), once
    the child is reaped. The lane is the parent's in the trace."""
    if not _on:
        return _NOTHING
    if kind not in WAITS:
        raise ValueError(f"child({kind!r}): a wait is one of {', '.join(WAITS)}")
    with _lock:
        lane = _Lane(len(_lanes) + 1, label)
        _lanes.append(lane)
    return _Child(lane, "wait." + kind, what or kind)


def instant(name):
    """A moment on the calling thread's lane."""
    if _on:
        _lane().push(("i", "instant", name, _now(), 0, None))


def flow_out(name, id):
    """The calling thread hands something to another, which calls
    flow_in(name, id) when it takes it (a put and its get)."""
    if _on:
        _lane().push(("s", "hand-off", name, _now(), 0, id))


def flow_in(name, id):
    """The calling thread takes what flow_out(name, id) handed off."""
    if _on:
        _lane().push(("f", "hand-off", name, _now(), 0, id))


def work(iterable, every=SLICE):
    """`iterable`, its items CPU-bound work for the calling thread, recorded
    in slices of `every` items. Off: `iterable` itself."""
    if not _on:
        return iterable
    if isinstance(iterable, range):  # slices of a range cost nothing to make
        chunks = (iterable[i:i + every] for i in range(0, len(iterable), every))
    else:
        items = iter(iterable)
        chunks = iter(lambda: list(itertools.islice(items, every)), [])
    return itertools.chain.from_iterable(_slices(chunks))


def _slices(chunks):
    # The consumer works through each slice while this generator is
    # suspended at `yield`, so the time between two resumptions is the
    # slice's work (and whatever kept the thread from running meanwhile).
    lane = _lane()
    for chunk in chunks:
        wall, cpu = _now(), time.thread_time_ns()
        yield chunk
        end, used = _now(), time.thread_time_ns() - cpu
        took = end - wall
        ran = min(used, took)
        if took - ran < RESOLUTION_NS:
            lane.extend_run(wall, end)
        else:
            lane.extend_run(wall, wall + ran)
            lane.close_run()
            lane.push(("X", "ready", READY, wall + ran, took - ran, None))


def finish():
    """Writes the trace now and stops recording."""
    global _on
    if not _on:
        return
    _on = False
    with open(_file(), "w", encoding="utf-8") as out:
        out.write(_chrome_trace())


def _file():
    return _path.replace("{pid}", str(os.getpid()))


def _write_at_exit():
    try:
        finish()
    except OSError as err:
        print(f"course_trace: could not write {_file()}: {err}", file=sys.stderr)


def _us(ns):
    return f"{ns // 1000}.{ns % 1000:03d}"


def _chrome_trace():
    pid = os.getpid()
    program = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "python"
    lines = [
        json.dumps({"ph": "M", "name": "process_name", "ts": 0, "pid": pid, "tid": 0,
                    "args": {"name": program}})
    ]
    dropped = 0
    with _lock:
        lanes = list(_lanes)
    for lane in lanes:
        lane.close_run()
        dropped += lane.dropped
        tid = lane.tid
        lines.append(json.dumps({"ph": "M", "name": "thread_name", "ts": 0, "pid": pid,
                                 "tid": tid, "args": {"name": lane.name}}))
        lines.append(json.dumps({"ph": "M", "name": "thread_sort_index", "ts": 0,
                                 "pid": pid, "tid": tid, "args": {"sort_index": tid}}))
        for ph, cat, name, ts, dur, id in sorted(lane.events, key=lambda e: (e[3], -e[4])):
            head = f'{{"ph":"{ph}","cat":{json.dumps(cat)},"name":{json.dumps(name)},"ts":{_us(ts)}'
            tail = f'"pid":{pid},"tid":{tid}}}'
            if ph == "X":
                lines.append(f'{head},"dur":{_us(dur)},{tail}')
            elif ph == "i":
                lines.append(f'{head},"s":"t",{tail}')
            else:
                bind = ',"bp":"e"' if ph == "f" else ""
                lines.append(f'{head},"id":{json.dumps(id)}{bind},{tail}')
                # A flow binds to a slice on its thread: give it one, of no length.
                lines.append(f'{{"ph":"X","cat":"hand-off","name":{json.dumps(name)},'
                             f'"ts":{_us(ts)},"dur":0.000,{tail}')
    other = {"recorder": "course trace (Python)", "epoch_unix_ns": _epoch_unix_ns,
             "dropped": dropped}
    return ('{"traceEvents":[\n' + ",\n".join(lines) + '\n],\n"displayTimeUnit":"ms",\n'
            '"otherData":' + json.dumps(other, separators=(",", ":")) + "}\n")


def _forked():
    """In a child made by fork: its own lanes, and its own file (put "{pid}"
    in the name)."""
    global _lanes, _local, _lock
    _lanes, _local, _lock = [], threading.local(), threading.Lock()
    if _on:
        _lane()


class _Anchor:
    """What multiprocessing's after-fork hook hangs on (it keeps a weak
    reference)."""


_anchor = None


def _before_fork():
    # multiprocessing ends a forked child with os._exit, past atexit, and
    # clears its finalizers as the child starts: write the trace from a
    # finalizer registered after that, by its own after-fork hook.
    global _anchor
    util = sys.modules.get("multiprocessing.util")
    if _on and util is not None and _anchor is None:
        _anchor = _Anchor()
        util.register_after_fork(
            _anchor, lambda _: util.Finalize(None, _write_at_exit, exitpriority=0))


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_child=_forked)

if os.environ.get(ENV):
    record_to(os.environ[ENV])


def _child_work(pid):
    with running("in the child"):
        pid.value = os.getpid()


def _forked_child():
    """Runs _child_work in a process forked by multiprocessing; its pid."""
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork here (Windows)
        return None
    pid = context.Value("i", 0)
    process = context.Process(target=_child_work, args=(pid,))
    process.start()
    process.join()
    assert process.exitcode == 0
    return pid.value


def _check():
    """Records two threads into a temporary file and reads the trace back."""
    import subprocess
    import tempfile

    assert not _on or os.environ.get(ENV), "off unless COURSE_TRACE is set"
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "t.{pid}.json")
        record_to(path)

        def sleeper():
            with waiting("sleep"):
                time.sleep(0.01)
            flow_out("put", 1)

        with region("check"):
            thread = threading.Thread(target=sleeper, name="sleeper")
            thread.start()
            nap = subprocess.Popen(["sleep", "0.01"])
            with child("child 1", "sleep", "sleep 0.01"):
                nap.wait()
            total = sum(i for i in work(range(100_000)) if i % 7 == 0)
            with waiting("join"):
                thread.join()
            flow_in("put", 1)
            forked = _forked_child()
        finish()
        with open(path.replace("{pid}", str(os.getpid())), encoding="utf-8") as f:
            trace = json.load(f)
        if forked is not None:
            with open(path.replace("{pid}", str(forked)), encoding="utf-8") as f:
                theirs = json.load(f)["traceEvents"]
            assert [e["name"] for e in theirs if e["ph"] == "X"] == ["in the child"], theirs
    events = trace["traceEvents"]
    assert all(k in e for e in events for k in ("ph", "ts", "pid", "tid")), events
    cats = {e.get("cat") for e in events}
    assert {"wait.sleep", "wait.join", "region", "run", "hand-off"} <= cats, cats
    names = {e["args"]["name"] for e in events if e["name"] == "thread_name"}
    assert "sleeper" in names, names
    sleeps = {e["name"]: e for e in events if e.get("cat") == "wait.sleep"}
    assert sleeps["sleep"]["dur"] >= 10_000, sleeps
    lanes = {e["args"]["name"]: e["tid"] for e in events if e["name"] == "thread_name"}
    assert sleeps["sleep 0.01"]["tid"] == lanes["child 1"], (sleeps, lanes)
    assert sleeps["sleep 0.01"]["dur"] >= 10_000, sleeps
    assert total == sum(range(0, 100_000, 7))
    print(f"course_trace: {len(events)} events recorded and read back")


if __name__ == "__main__":
    _check()
