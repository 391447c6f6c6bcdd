"""task_done() and join()
(`join_waits_until_every_item_is_done` in `src/sections/building.rs`).

Taking an item is not finishing it. The producer's join() returns only once
the consumer has called task_done() for the item it took. Each log line is
written just before (or just after) the queue operation that orders it
after the line above, so the log reads the same on every run.
"""
import queue
import threading
import time

PAUSE = 0.02  # how long the consumer takes over its photo

# ANCHOR: join_waits_until_every_item_is_done
print("== 7. Wait until every item is processed: task_done and join ==")
photos = queue.Queue()
log = []


def consumer():
    photo = photos.get()
    log.append(f"consumer: got photo {photo}, resizing it")
    time.sleep(PAUSE)
    log.append("consumer: done, task_done()")
    photos.task_done()


thread = threading.Thread(target=consumer)
thread.start()
log.append("producer: put photo 1")
photos.put(1)
photos.join()  # sleeps until every item put has been marked done
log.append("producer: join() returned")
thread.join()
for line in log:
    print(line)
after = log.index("producer: join() returned") > log.index("consumer: done, task_done()")
verdict = "yes" if after else "no"
print(f"join returned only after task_done: {verdict}; "
      f"unfinished items now: {photos.unfinished_tasks}")
# ANCHOR_END: join_waits_until_every_item_is_done
