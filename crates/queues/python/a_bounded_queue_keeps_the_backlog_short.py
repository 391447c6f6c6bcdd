"""Queue(maxsize) pushes back on a fast producer
(`a_bounded_queue_keeps_the_backlog_short` in `src/sections/building.rs`).

A fast camera and a slow resizer, once with an unbounded queue.Queue() and
once with Queue(4): after each put the camera notes how many photos wait.
Unbounded, nearly all of them pile up; bounded, put() blocks while four
wait, so the backlog never passes four.
"""
import queue
import threading
import time

PHOTOS = 100
RESIZE_TIME = 0.0005
CAPACITY = 4


# ANCHOR: a_bounded_queue_keeps_the_backlog_short
def peak_backlog(photos):
    def slow_resizer():
        for _ in range(PHOTOS):
            photos.get()
            time.sleep(RESIZE_TIME)

    resizer = threading.Thread(target=slow_resizer)
    resizer.start()
    peak = 0
    for photo_id in range(PHOTOS):
        photos.put(photo_id)  # blocks while a bounded queue is full
        peak = max(peak, photos.qsize())
    resizer.join()
    return peak


print("== 6. Backpressure: a bounded queue keeps the backlog short ==")
unbounded = peak_backlog(queue.Queue())
bounded = peak_backlog(queue.Queue(CAPACITY))
print(f"a fast camera and a slow resizer, {PHOTOS} photos, photos waiting at once:")
print(f"  unbounded queue:  up to {unbounded}: more than {CAPACITY}:",
      "yes" if unbounded > CAPACITY else "no")
print(f"  bounded({CAPACITY}) queue: up to {bounded}: never more than {CAPACITY}:",
      "yes" if bounded <= CAPACITY else "no")
# ANCHOR_END: a_bounded_queue_keeps_the_backlog_short
