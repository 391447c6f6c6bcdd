"""Racing producers lose no wake-up
(`racing_producers_lose_no_wake_up` in `src/main.rs`).

Four producers put 25 000 items each into one FlagQueue while one consumer
waits on it with select(). A lost wake-up would show as a select() that
times out while items are waiting; the consumer counts those.
"""
import select
import threading

from _pollable import FlagQueue, yes_no

PRODUCERS, EACH = 4, 25_000

# ANCHOR: racing_producers_lose_no_wake_up
print("== 4. Racing producers lose no wake-up ==")
shared = FlagQueue()


def produce(producer):
    for n in range(EACH):
        shared.put(producer * EACH + n)


producers = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
for producer in producers:
    producer.start()
got, stalls = [], 0
while len(got) < PRODUCERS * EACH:
    # Only this thread takes items: if some wait now, select() must see them.
    waiting = len(shared) > 0
    ready, _, _ = select.select([shared], [], [], 1.0)
    if waiting and not ready:
        stalls += 1
    item = shared.try_get()
    while item is not None:
        got.append(item)
        item = shared.try_get()
for producer in producers:
    producer.join()
exactly_once = sorted(got) == list(range(PRODUCERS * EACH))
print(f"{PRODUCERS} producers x {EACH} items: each arrived exactly once: "
      f"{yes_no(exactly_once)}")
print(f"polls that slept through a waiting item: {stalls}")
shared.close()
# ANCHOR_END: racing_producers_lose_no_wake_up
