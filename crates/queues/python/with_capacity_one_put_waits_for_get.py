"""With Queue(1), each put after the first waits for a get
(`with_capacity_one_put_waits_for_get` in `src/sections/building.rs`).

Printing from both threads would show the order the scheduler let them
print in, which can differ from run to run. So the queue keeps its own
record: queue.Queue calls _put and _get with its lock held, and a subclass
numbers each operation there, in the order the queue performed them.
"""
import queue
import threading
import time

PAUSE = 0.02  # the consumer starts late, so the producer fills the queue first


# ANCHOR: with_capacity_one_put_waits_for_get
class RecordingQueue(queue.Queue):
    """A queue.Queue that logs each put and get, under its own lock."""

    def __init__(self, maxsize):
        super().__init__(maxsize)
        self.record = []

    def _put(self, item):  # called with self.mutex held
        super()._put(item)
        self.record.append(f"producer put photo {item}")

    def _get(self):  # called with self.mutex held
        item = super()._get()
        self.record.append(f"consumer got photo {item}")
        return item


print("== 5. A bounded queue: with capacity 1, put waits for get ==")
hand_off = RecordingQueue(1)


def consumer():
    time.sleep(PAUSE)
    for _ in range(3):
        hand_off.get()


thread = threading.Thread(target=consumer)
thread.start()
for photo_id in (1, 2, 3):
    hand_off.put(photo_id)  # waits while the one slot is full
thread.join()
print("the queue's own record, in the order it performed the operations:")
for number, what in enumerate(hand_off.record, start=1):
    print(f"  {number}. {what}")
alternates = all(what.startswith("producer" if i % 2 == 0 else "consumer")
                 for i, what in enumerate(hand_off.record))
print("each put after the first waited for a get:",
      "yes" if alternates and hand_off.record else "no")
# ANCHOR_END: with_capacity_one_put_waits_for_get
