"""Item 53: factorising four numbers, in sequence and on threads (the Rust
beside it: `factorising_on_one_thread_per_number` in main.rs).

divisors() tries every candidate from 1 to the number, as slow on purpose as
the notes' factorize().
On one thread per number CPython is no faster, because only the thread
holding the GIL runs Python code: the notes measured 0.256 s in sequence
and 0.446 s on threads. Item 64's answer, worker processes, is the
`parallelism` lesson's (crates/parallelism/python).
"""
import os
import time
from threading import Thread

import pathlib
import sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

NUMBERS = [2139079, 1214759, 1516637, 1852285]


# ANCHOR: factorising_on_one_thread_per_number
def divisors(number):
    return [i for i in trace.work(range(1, number + 1)) if number % i == 0]


class DivisorsThread(Thread):
    """One number's divisors, found on a thread of its own. `found` is None
    until the thread has run; read it after join()."""

    def __init__(self, number):
        super().__init__()
        self.number, self.found = number, None

    def run(self):
        self.found = divisors(self.number)


print("== 6. Factorising on one thread per number ==")
started = time.perf_counter()
in_sequence = [divisors(number) for number in NUMBERS]
sequential = time.perf_counter() - started

started = time.perf_counter()
threads = [DivisorsThread(number) for number in NUMBERS]
for thread in threads:
    thread.start()
with trace.waiting("join"):
    for thread in threads:
        thread.join()
threaded = time.perf_counter() - started

for thread in threads:
    print(f"{thread.number} ==> {thread.found}")
print("one thread per number found the same divisors as one thread for all:",
      "yes" if [t.found for t in threads] == in_sequence else "no")
print(f"in sequence {sequential:.3f}s, one thread each {threaded:.3f}s: "
      f"a speed-up of {sequential / threaded:.2f}x on cores: {os.cpu_count()}")
# ANCHOR_END: factorising_on_one_thread_per_number
