"""Recipe 12.7 and Effective Python Item 59: submit and result (the Rust
side: `submit_returns_a_handle_and_failures_come_back`, in `main.rs`).

pool.submit(fn, *args) returns a Future at once; future.result() blocks
until fn has run, then returns its value or raises its exception in the
caller. One worker, so every job below runs on the same thread.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

# ANCHOR: submit_returns_a_handle_and_failures_come_back
def wait_for(gate):
    gate.wait(timeout=5)
    return "opened"


def give_up():
    raise RuntimeError("a job that gives up")


print("== 3. submit returns a handle; errors and panics come back ==")
with ThreadPoolExecutor(max_workers=1) as pool:
    gate = threading.Event()
    gated = pool.submit(wait_for, gate)
    print("before the gate opens, the job is still waiting:",
          "yes" if not gated.done() else "no")
    gate.set()
    print(f"result() waited for the job: {gated.result()!r}")

    for text in ["17", "forty-two"]:
        parsed = pool.submit(int, text)
        try:
            print(f"parse {text!r}: {parsed.result()}")
        except ValueError as err:
            print(f"parse {text!r}: raised ValueError: {err}")

    doomed = pool.submit(give_up)
    try:
        doomed.result()
        print("the failing job returned?")
    except RuntimeError as err:
        print(f"a job that raises: raised RuntimeError: {err}")
    # The only worker ran the failing job, and it is still there.
    after = pool.submit(lambda: 6 * 7)
    print(f"the same worker, after the exception: {after.result()}")
# ANCHOR_END: submit_returns_a_handle_and_failures_come_back
