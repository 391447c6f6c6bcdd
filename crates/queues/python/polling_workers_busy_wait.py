"""Item 55's first pipeline, on a home-made queue that cannot wait
(`polling_workers_busy_wait` in `src/sections/problems.rs`).

The queue keeps its photos in a deque guarded by a lock. Taking from it
when it is empty raises IndexError at once, so a worker with nothing to do
can only nap and try again, and the main thread can only keep looking at
the last queue. The item's workers loop forever; these stop when an Event
is set, so the program ends (and every wait below is bounded by a
deadline).
"""
import collections
import contextlib
import threading
import time

import pathlib
import sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

PHOTOS = 100
DOWNLOAD_TIME = 0.001  # the first stage is slow, like a real download
NAP = 0.0001           # what a worker sleeps when its queue is empty
DEADLINE = 10.0        # seconds; nothing below waits longer


# ANCHOR: polling_workers_busy_wait
class PollQueue:
    """Safe to share between threads, but it cannot wait for an item."""

    def __init__(self):
        self._guard = threading.Lock()
        self._backlog = collections.deque()

    def put(self, item):
        with self._guard:
            self._backlog.append(item)

    def get(self):
        """The oldest item; on an empty queue, IndexError at once."""
        with self._guard:
            return self._backlog.popleft()

    def __len__(self):
        with self._guard:
            return len(self._backlog)


class Polls:
    """What one worker's looks at its inbox found."""

    def __init__(self):
        self.found_work = 0
        self.woke_to_nothing = 0  # looks straight after a nap, inbox still empty


def polling_worker(work, inbox, outbox, stop, polls):
    """One stage: take a photo, work on it, pass it on; nap while none comes."""
    just_napped = False
    while not stop.is_set():
        try:
            photo = inbox.get()
        except IndexError:
            if just_napped:
                polls.woke_to_nothing += 1
                trace.instant("woke to nothing")  # for the chapter's pictures
            just_napped = True
            with trace.waiting("sleep", "nap"):
                time.sleep(NAP)
        else:
            just_napped = False
            outbox.put(work(photo))
            polls.found_work += 1


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


print("== 1. A polling queue: the workers busy-wait ==")
downloads, resizes, uploads, done = (PollQueue() for _ in range(4))
stop = threading.Event()
stages = [(download, downloads, resizes), (resize, resizes, uploads),
          (upload, uploads, done)]
polls = [Polls() for _ in stages]
workers = [threading.Thread(target=polling_worker, args=(*stage, stop, mine),
                            name=stage[0].__name__)
           for stage, mine in zip(stages, polls)]
for worker in workers:
    worker.start()
for photo_id in range(PHOTOS):
    downloads.put(photo_id)

# The main thread, too, can only look, again and again.
main_woke_to_nothing = 0
deadline = time.monotonic() + DEADLINE
while len(done) < PHOTOS and time.monotonic() < deadline:
    with trace.waiting("sleep", "nap"):
        time.sleep(DOWNLOAD_TIME)
    if len(done) < PHOTOS:  # woke, and still too few
        main_woke_to_nothing += 1
        trace.instant("woke to nothing")
stop.set()  # the item's workers run forever; ours are told to stop
for worker in workers:
    worker.join(DEADLINE)
# ANCHOR_END: polling_workers_busy_wait

photos = []
while len(done):
    photos.append(done.get())
each_once = (sorted(p["id"] for p in photos) == list(range(PHOTOS))
             and all(p["resized"] and p["uploaded"] for p in photos))
print(f"{len(photos)} photos arrived, each once:", "yes" if each_once else "no")
print(f"the three workers found a photo {sum(p.found_work for p in polls)} "
      f"times")
woke_to_nothing = sum(p.woke_to_nothing for p in polls) + main_woke_to_nothing
print(f"wake-ups that found nothing to do: {woke_to_nothing}, "
      f"more than one per photo: busy waiting:",
      "yes" if woke_to_nothing > PHOTOS else "no")
