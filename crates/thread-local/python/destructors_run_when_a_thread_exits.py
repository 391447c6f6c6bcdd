"""A thread's values are freed when it exits (`destructors_run_when_a_thread_exits`
in `main.rs`).

When a thread ends, CPython clears its thread-local attributes; an object
no one else holds is freed then, and its __del__ runs, before join()
returns to whoever waits for the thread.
"""
import threading

from _lesson import yes_no

# ANCHOR: destructors_run_when_a_thread_exits
dropped = []  # the log: which threads' values were freed, in order


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        dropped.append(self.n)


SLOT = threading.local()


def keep_a_value(n):
    SLOT.noisy = Noisy(n)  # held only by this thread's SLOT


print("== 2. Destructors run when a thread exits ==")
for n in (1, 2, 3):
    thread = threading.Thread(target=keep_a_value, args=(n,))
    thread.start()
    thread.join()  # one at a time, so the log's order is the threads' order
    print(f"thread {n} returned; its value was dropped before join returned: "
          f"{yes_no(n in dropped)}")
for n in dropped:
    print(f"thread {n}'s value dropped as the thread exited")
# ANCHOR_END: destructors_run_when_a_thread_exits
