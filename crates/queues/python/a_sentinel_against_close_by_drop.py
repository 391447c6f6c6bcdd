"""The Cookbook's sentinel, recipe 12.3, with several consumers
(`a_sentinel_against_close_by_drop` in `src/sections/using.rs`).

The producer puts one sentinel at the end. A consumer that takes it puts it
back for the next consumer, then stops; without the put-back, the other
consumers would wait forever. The sentinel is still in the queue at the end.
"""
import queue
import threading

CONSUMERS = 3

# ANCHOR: a_sentinel_against_close_by_drop
_sentinel = object()


def consumer(numbers, got):
    while True:
        n = numbers.get()
        if n is _sentinel:
            numbers.put(_sentinel)  # for the next consumer
            return
        got.append(n)


print("== 11. The Cookbook's sentinel, against close-by-drop ==")
numbers = queue.Queue()
got = [[] for _ in range(CONSUMERS)]
threads = [threading.Thread(target=consumer, args=(numbers, mine)) for mine in got]
for thread in threads:
    thread.start()
for n in range(10, 0, -1):
    numbers.put(n)
numbers.put(_sentinel)
for thread in threads:
    thread.join()
each_once = sorted(n for mine in got for n in mine) == list(range(1, 11))
verdict = "yes" if each_once else "no"
print(f"sentinel: {len(threads)} consumers stopped; they got 1..=10 between "
      f"them, each once: {verdict}; left in the queue: {numbers.qsize()} "
      f"(the sentinel)")
# ANCHOR_END: a_sentinel_against_close_by_drop
