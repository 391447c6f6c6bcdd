"""Section 1: Item 55's first pipeline, on a home-made queue that cannot wait.

The queue is a deque behind a Lock. Its get() raises IndexError at once when
the deque is empty, so a worker with nothing to do can only nap and try
again, and the main thread can only keep looking at the last queue. The
item's workers loop forever; these stop when an Event is set, so the program
ends (and every wait below is bounded by a deadline).
"""
import collections
import threading
import time

PHOTOS = 100
DOWNLOAD_TIME = 0.001  # the first stage is slow, like a real download
NAP = 0.0001           # what a worker sleeps when its queue is empty
DEADLINE = 10.0        # seconds; nothing below waits longer


# ANCHOR: polling_workers_busy_wait
class PollQueue:
    """A deque behind a lock: safe to share, but get() never waits."""

    def __init__(self):
        self.items = collections.deque()
        self.lock = threading.Lock()

    def put(self, item):
        with self.lock:
            self.items.append(item)

    def get(self):
        with self.lock:
            return self.items.popleft()  # IndexError when empty

    def __len__(self):
        with self.lock:
            return len(self.items)


class PollingWorker(threading.Thread):
    """Takes from inbox, works, puts to outbox; naps when inbox is empty."""

    def __init__(self, work, inbox, outbox, stop):
        super().__init__()
        self.work, self.inbox, self.outbox, self.stop = work, inbox, outbox, stop
        self.found_work = 0
        self.woke_to_nothing = 0  # polls straight after a nap that found nothing

    def run(self):
        napped = False
        while not self.stop.is_set():
            try:
                item = self.inbox.get()
            except IndexError:
                self.woke_to_nothing += napped
                napped = True
                time.sleep(NAP)
                continue
            napped = False
            self.found_work += 1
            self.outbox.put(self.work(item))


def download(photo_id):
    time.sleep(DOWNLOAD_TIME)
    return {"id": photo_id, "resized": False, "uploaded": False}


def resize(photo):
    return dict(photo, resized=True)


def upload(photo):
    return dict(photo, uploaded=True)


print("== 1. A polling queue: the workers busy-wait ==")
downloads, resizes, uploads, done = (PollQueue() for _ in range(4))
stop = threading.Event()
workers = [
    PollingWorker(download, downloads, resizes, stop),
    PollingWorker(resize, resizes, uploads, stop),
    PollingWorker(upload, uploads, done, stop),
]
for worker in workers:
    worker.start()
for photo_id in range(PHOTOS):
    downloads.put(photo_id)

# The main thread, too, can only look, again and again.
main_woke_to_nothing = 0
deadline = time.monotonic() + DEADLINE
while len(done) < PHOTOS and time.monotonic() < deadline:
    main_woke_to_nothing += 1
    time.sleep(DOWNLOAD_TIME)
stop.set()  # the item's workers run forever; ours are told to stop
for worker in workers:
    worker.join(DEADLINE)
# ANCHOR_END: polling_workers_busy_wait

photos = list(done.items)
each_once = (sorted(p["id"] for p in photos) == list(range(PHOTOS))
             and all(p["resized"] and p["uploaded"] for p in photos))
print(f"{len(photos)} photos arrived, each once:", "yes" if each_once else "no")
print(f"the three workers found a photo {sum(w.found_work for w in workers)} "
      f"times")
woke_to_nothing = sum(w.woke_to_nothing for w in workers) + main_woke_to_nothing
print(f"wake-ups that found nothing to do: {woke_to_nothing}, "
      f"more than one per photo: busy waiting:",
      "yes" if woke_to_nothing > PHOTOS else "no")
