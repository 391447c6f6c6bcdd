"""Recipe 12.2: has the thread started? Event, Barrier, or a queue.

The worker sets a threading.Event once it is running; main waits on it. A
Barrier makes both sides wait for each other. A one-item queue can carry a
value with the signal, but Python has no way to tell main that a worker
gave up without signalling: main must guess a timeout.
"""
import queue
import threading
import time
from threading import Barrier, Event, Lock, Thread

TIMEOUT = 0.020


# ANCHOR: has_the_thread_started
def event_started():
    started = Event()
    log, log_lock = [], Lock()

    def note(line):
        with log_lock:
            log.append(line)

    def worker():
        note("worker: countdown starting")
        started.set()

    thread = Thread(target=worker)
    thread.start()
    started.wait()
    note("main: countdown is running")
    thread.join()
    for line in log:
        print(f"event: {line}")


def event_timeout():
    never = Event()
    began = time.monotonic()
    was_set = never.wait(TIMEOUT)
    waited = time.monotonic() - began
    print(f"event: wait(timeout) on an event nobody sets returned {was_set} "
          f"after {waited * 1000:.1f}ms: at least its timeout:",
          "yes" if not was_set and waited >= TIMEOUT else "no")


def barrier():
    meet = Barrier(2)
    indexes = []
    thread = Thread(target=lambda: indexes.append(meet.wait()))
    thread.start()
    indexes.append(meet.wait())  # wait() returns 0 .. parties-1, once each
    thread.join()
    print("barrier: both threads met; each got its own index:",
          "yes" if sorted(indexes) == [0, 1] else "no")


def one_item_queue():
    ready = queue.Queue(maxsize=1)
    thread = Thread(target=lambda: ready.put("countdown starting"))
    thread.start()
    print(f"queue: main received {ready.get()!r}")
    thread.join()

    def gives_up():
        try:
            ready.put(int("eighty"))
        except ValueError:
            pass  # gives up; nothing tells the queue

    thread = Thread(target=gives_up)
    thread.start()
    began = time.monotonic()
    try:
        answer = repr(ready.get(timeout=0.1))
    except queue.Empty:
        answer = "queue.Empty"
    waited = time.monotonic() - began
    thread.join()
    print(f"queue: a worker that gave up before signalling: get(timeout=0.1) "
          f"gave {answer} after {waited * 1000:.1f}ms: main had to wait out "
          "its whole timeout:", "yes" if waited >= 0.1 else "no")
# ANCHOR_END: has_the_thread_started


print("== 6. Has the thread started? Event, Barrier, or a one-shot channel ==")
event_started()
event_timeout()
barrier()
one_item_queue()
