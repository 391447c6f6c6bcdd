"""The polling pipeline of `polling_workers_busy_wait.py` again, on
queue.Queue (the Rust beside it: `examples/blocking_pipeline.rs`).

The same three stages, the same slow download, the same hundred photos. But
queue.Queue's get() waits inside the queue, on a Condition, until a put
hands it an item: a worker with nothing to do is not woken until there is
something to do, and main sleeps in its get() until the next photo is
done. None, put after the last photo, tells each stage to pass it on and
stop.
"""
import contextlib
import queue
import threading
import time

import pathlib
import sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

PHOTOS = 100
DOWNLOAD_TIME = 0.001  # as in the polling pipeline


def download(photo_id):
    # The chapter's picture shows the pipeline during the first three downloads.
    pictured = trace.region("first downloads") if photo_id < 3 else contextlib.nullcontext()
    with pictured, trace.waiting("io", "download"):
        time.sleep(DOWNLOAD_TIME)
    trace.flow_out("downloaded", photo_id)  # the hand-offs: arrows in the picture
    return {"id": photo_id, "resized": False, "uploaded": False}


def resize(photo):
    trace.flow_in("downloaded", photo["id"])
    trace.flow_out("resized", photo["id"])
    return dict(photo, resized=True)


def upload(photo):
    trace.flow_in("resized", photo["id"])
    trace.flow_out("uploaded", photo["id"])
    return dict(photo, uploaded=True)


# ANCHOR: the_same_pipeline_on_blocking_queues
def taken(inbox):
    """The next item of `inbox`, waiting in get() until there is one."""
    with trace.waiting("condvar", "get"):  # queue.Queue waits on a Condition
        return inbox.get()


def stage(work, inbox, outbox):
    """Take an item, work on it, pass it on, until None, which it passes on."""
    while (item := taken(inbox)) is not None:
        outbox.put(work(item))
    outbox.put(None)


downloads, resizes, uploads, done = (queue.Queue() for _ in range(4))
stages = [(download, downloads, resizes), (resize, resizes, uploads),
          (upload, uploads, done)]
workers = [threading.Thread(target=stage, args=s, name=s[0].__name__) for s in stages]
for worker in workers:
    worker.start()
for photo_id in range(PHOTOS):
    downloads.put(photo_id)
downloads.put(None)  # no more photos

photos = []
while (photo := taken(done)) is not None:  # main, too, waits for each photo
    trace.flow_in("uploaded", photo["id"])
    photos.append(photo)
for worker in workers:
    worker.join()
# ANCHOR_END: the_same_pipeline_on_blocking_queues

each_once = (sorted(p["id"] for p in photos) == list(range(PHOTOS))
             and all(p["resized"] and p["uploaded"] for p in photos))
print(f"{len(photos)} photos arrived, each once:", "yes" if each_once else "no")
