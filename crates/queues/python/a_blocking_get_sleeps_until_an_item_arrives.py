"""queue.Queue's get() blocks until an item arrives
(`a_blocking_get_sleeps_until_an_item_arrives` in `src/sections/building.rs`).

A consumer calls get() on an empty queue. However the threads are scheduled,
it cannot return before main puts something: after a pause it is still
waiting, using no CPU. Then main puts photo 7 and the get returns it.
"""
import queue
import threading
import time

PAUSE = 0.02  # seconds main leaves the consumer waiting

# ANCHOR: a_blocking_get_sleeps_until_an_item_arrives
print("== 4. A blocking queue: get sleeps until an item arrives ==")
photos = queue.Queue()
received = []
consumer = threading.Thread(target=lambda: received.append(photos.get()))
consumer.start()
time.sleep(PAUSE)
print(f"the consumer called get on an empty queue; after {PAUSE * 1000:.0f} ms "
      f"it had not returned:", "yes" if consumer.is_alive() else "no")
photos.put(7)
consumer.join()
print(f"main put photo 7; the consumer's get returned photo {received[0]}")
# ANCHOR_END: a_blocking_get_sleeps_until_an_item_arrives
