"""Item 54's fix: the increment under a Lock, in one `with` block.

The Python beside `a_mutex_makes_the_increment_one_step` in the Rust
`main.rs`. The lock sits beside the count, and every method that touches
the count must remember to take it. (In Rust the Mutex owns the count:
there is no other way to it.)
"""
import pathlib
import sys
from threading import Lock, Thread

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

THREADS = 5
HOW_MANY = 100_000


# ANCHOR: a_mutex_makes_the_increment_one_step
class LockedCounter:
    """Item 54's counter with a lock taken around its `+=`: the lock sits
    beside the count, and only habit makes every method take it."""

    def __init__(self, start=0):
        self.count = start
        self.lock = Lock()

    def increment(self, offset):
        with self.lock:  # load, add and store: now one step
            self.count += offset


def in_threads(job):
    """Runs `job` on THREADS threads at once and waits for all of them."""
    threads = [Thread(target=job) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


print("== 2. A Mutex makes the increment one step ==")
counter = LockedCounter()


def job():
    for _ in trace.work(range(HOW_MANY)):  # the picture: when this thread ran
        counter.increment(1)


with trace.region("five threads"):
    in_threads(job)
expected = THREADS * HOW_MANY
print(f"threading.Lock: expected {expected}, found {counter.count}: "
      "no update lost:", "yes" if counter.count == expected else "no")
# ANCHOR_END: a_mutex_makes_the_increment_one_step
