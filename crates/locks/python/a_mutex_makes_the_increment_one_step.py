"""Section 2, Item 54's fix: the increment under a Lock, in one `with` block.

The lock sits beside the count; every method that touches the count must
remember to take it. (In Rust the Mutex owns the count: there is no other
way to it.)
"""
from threading import Lock, Thread

THREADS = 5
HOW_MANY = 100_000


# ANCHOR: a_mutex_makes_the_increment_one_step
class Tally:
    """A count and the lock that guards it, side by side: every method
    that touches `total` has to remember to take `_guard`."""

    def __init__(self):
        self._guard = Lock()
        self.total = 0

    def add(self, amount):
        with self._guard:
            self.total += amount


def worker(counter, how_many):
    for _ in range(how_many):
        counter.add(1)


print("== 2. A Mutex makes the increment one step ==")
counter = Tally()
threads = [Thread(target=worker, args=(counter, HOW_MANY))
           for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
expected = THREADS * HOW_MANY
print(f"threading.Lock: expected {expected}, found {counter.total}: "
      "no update lost:", "yes" if counter.total == expected else "no")
# ANCHOR_END: a_mutex_makes_the_increment_one_step
