"""What a failing job does to the recipe's worker (12.10), where the Rust
program's `a_panic_reaches_the_waiter_and_join` reports the panic twice.

The job raises inside the worker's thread. The exception ends the thread;
set_result() is never called, so result() would wait for ever (here it
gives up after WAIT), the job queued behind it never runs, a later submit
is accepted and lost, and join() returns as if all went well.
"""
import threading

from _actor import Worker

WAIT = 0.2
errors, reported = [], threading.Event()


def report(hook):  # instead of the traceback on stderr
    errors.append(hook.exc_value)
    reported.set()


threading.excepthook = report  # called after the actor's `finally`: wait for it


def average(readings, go):
    go.wait(timeout=5)  # the next job is certainly queued behind this one
    return sum(readings) / len(readings)  # no readings: 0 / 0


def outcome(handle):
    try:
        return repr(handle.result(timeout=WAIT))
    except TimeoutError:
        return f"nothing after {WAIT * 1000:.0f}ms: it would wait for ever"


# ANCHOR: a_panic_reaches_the_waiter_and_join
print("== 5. A panic reaches the waiter and join ==")
worker = Worker()
worker.start()
go = threading.Event()
failing = worker.submit(average, [], go)
queued = worker.submit(lambda: "done")
go.set()
print(f"the failing job's result: {outcome(failing)}")
print(f"the job queued behind it: {outcome(queued)}")
late = worker.submit(lambda: "too late")
print(f"submit after the failure: accepted; its result: {outcome(late)}")
worker.close()
print(f"join() returned {worker.join(timeout=5)}, as if all went well")
reported.wait(timeout=1)
for error in errors:
    print(f"seen only by threading.excepthook: {type(error).__name__}: {error}")
# ANCHOR_END: a_panic_reaches_the_waiter_and_join
