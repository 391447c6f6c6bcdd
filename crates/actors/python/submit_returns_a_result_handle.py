"""A worker actor whose submit() returns a Result (recipe 12.10), as the
Rust program's `submit_returns_a_result_handle` shows it.

The worker receives a call and the Result to fill, and fills it with the
call's value; result() waits on the Result's Event. A round trip through the
worker's thread against a direct call, timed as the Rust program times them.
"""
import time

from _actor import Worker, trace


def time_per_call(batches, per_batch, call):
    """The fastest batch's time per call: the least disturbed by the machine."""
    best = None
    for _ in range(batches):
        began = time.perf_counter()
        for _ in range(per_batch):
            call()
        each = (time.perf_counter() - began) / per_batch
        best = each if best is None else min(best, each)
    return best


# ANCHOR: submit_returns_a_result_handle
print("== 4. A worker: submit returns a result handle ==")
worker = Worker()
worker.start()
print(f"submit(pow, 2, 3).result() = {worker.submit(pow, 2, 3).result()}")

# Five jobs, their results read in reverse: each handle holds its own answer.
with trace.region("five jobs"):  # what the chapter's picture shows
    handles = [worker.submit(lambda n=n: n * n) for n in range(1, 6)]
    squares = [h.result() for h in reversed(handles)]
print(f"five squares, collected in reverse: {squares}")

round_trip = time_per_call(10, 20, lambda: worker.submit(pow, 2, 3).result())
direct = time_per_call(10, 20, lambda: pow(2, 3))
print(f"a round trip took {round_trip * 1e6:.1f}µs, a direct call {direct * 1e6:.2f}µs: "
      "a message costs more than ten calls:", "yes" if round_trip > 10 * direct else "no")
worker.close()
worker.join()
# ANCHOR_END: submit_returns_a_result_handle
