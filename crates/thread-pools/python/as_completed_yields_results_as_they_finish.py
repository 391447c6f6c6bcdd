"""Recipe 12.7's as_completed loop: results as they finish (the Rust side:
`as_completed_yields_results_as_they_finish`, in `main.rs`).

The slow job cannot finish until a gate opens, and the gate opens only
after the other two have come out of as_completed, so it is certainly
last. Which of the other two comes first is up to the pool: as_completed
hands back futures that had already finished in no particular order.
"""
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed


def slow(gate):
    if not gate.wait(timeout=5):
        raise TimeoutError("the gate never opened")
    return 3


def broken():
    raise ValueError("bad input")


# ANCHOR: as_completed_yields_results_as_they_finish
print("== 4. as_completed yields results as they finish ==")
gate = threading.Event()
with ThreadPoolExecutor(max_workers=2) as pool:
    names = {
        pool.submit(slow, gate): "slow",
        pool.submit(lambda: 1): "quick",
        pool.submit(broken): "broken",
    }
    print(f"submitted: {list(names.values())}")
    for yielded, future in enumerate(as_completed(names), start=1):
        try:
            print(f"  {names[future]}: {future.result()}")
        except ValueError as err:
            print(f"  {names[future]}: raised ValueError: {err}")
        if yielded == 2:
            gate.set()
# ANCHOR_END: as_completed_yields_results_as_they_finish
