"""The Cookbook's thread-safe priority queue, recipe 12.3
(`a_priority_queue_serves_the_highest_first` in `src/sections/using.rs`).

A heap of (-priority, sequence, item) behind a Condition: heapq is a
min-heap, so the priority goes in negated; the sequence number keeps equal
priorities in the order they were put, and keeps the items themselves out
of the comparison. get() waits on the Condition while the heap is empty.
"""
import heapq
import itertools
import threading


# ANCHOR: a_priority_queue_serves_the_highest_first
class PriorityQueue:
    def __init__(self):
        self._heap = []
        self._sequence = itertools.count()
        self._ready = threading.Condition()

    def put(self, item, priority):
        with self._ready:
            heapq.heappush(self._heap, (-priority, next(self._sequence), item))
            self._ready.notify()

    def get(self):
        with self._ready:
            while not self._heap:
                self._ready.wait()
            return heapq.heappop(self._heap)[-1]


print("== 12. A priority queue: highest priority first, ties in order ==")
letters = PriorityQueue()
puts = [("C", 5), ("A", 15), ("B", 10), ("D", 0), (None, -100)]
producer = threading.Thread(
    target=lambda: [letters.put(item, priority) for item, priority in puts])
producer.start()
producer.join()  # the Cookbook sleeps 5 s instead; joining says the same
print("producer put C (5), A (15), B (10), D (0), and the sentinel None (-100)")
got = []
consumer = threading.Thread(
    target=lambda: got.extend(iter(letters.get, None)))
consumer.start()
consumer.join()
print(f"consumer got {', '.join(got)}, then the sentinel")

jobs = PriorityQueue()
puts = [("backup", 1), ("email", 5), ("alert", 9), ("report", 5), ("invoice", 5)]
for job, priority in puts:
    jobs.put(job, priority)
order = [jobs.get() for _ in puts]
expected = [job for job, _ in sorted(puts, key=lambda p: -p[1])]  # a stable sort
print("put backup (1), email (5), alert (9), report (5), invoice (5)")
print(f"got {', '.join(order)}: the three at priority 5 in the order they "
      f"were put:", "yes" if order == expected else "no")
# ANCHOR_END: a_priority_queue_serves_the_highest_first
