"""Section 9: Item 55's last pipeline, 3, 4 and 5 workers per stage.

A ClosableQueue is a queue.Queue whose close() puts a sentinel object; its
__iter__ yields items until it meets one, calling task_done() for each. One
sentinel stops one worker, so stopping a stage puts as many sentinels as it
has workers, then joins them; stages are stopped in order. The stage queues
hold at most 10 photos, as in the Rust.
"""
import queue
import threading

PHOTOS = 1000
WORKERS = (3, 4, 5)
STAGE_CAPACITY = 10


# ANCHOR: a_pipeline_with_several_workers_per_stage
class ClosableQueue(queue.Queue):
    END = object()  # the sentinel: no photo can be this object

    def close(self):
        self.put(self.END)  # reaches one consumer only

    def __iter__(self):
        while True:
            item = self.get()
            try:
                if item is self.END:
                    return
                yield item
            finally:
                self.task_done()


class StageWorker(threading.Thread):
    def __init__(self, work, inbox, outbox):
        super().__init__()
        self.work, self.inbox, self.outbox = work, inbox, outbox
        self.handled = 0

    def run(self):
        for item in self.inbox:
            self.outbox.put(self.work(item))
            self.handled += 1


def start_workers(count, work, inbox, outbox):
    workers = [StageWorker(work, inbox, outbox) for _ in range(count)]
    for worker in workers:
        worker.start()
    return workers


def stop_stage(inbox, workers):
    for _ in workers:
        inbox.close()  # one sentinel per worker
    for worker in workers:
        worker.join()
    return [worker.handled for worker in workers]


def download(photo_id):
    return {"id": photo_id, "resized": False, "uploaded": False}


def resize(photo):
    return dict(photo, resized=True)


def upload(photo):
    return dict(photo, uploaded=True)


print(f"== 9. A pipeline with {WORKERS[0]}, {WORKERS[1]} and {WORKERS[2]} "
      f"workers per stage ==")
downloads, resizes, uploads = (ClosableQueue(STAGE_CAPACITY) for _ in range(3))
done = ClosableQueue()
stages = [
    ("download", downloads, start_workers(WORKERS[0], download, downloads, resizes)),
    ("resize", resizes, start_workers(WORKERS[1], resize, resizes, uploads)),
    ("upload", uploads, start_workers(WORKERS[2], upload, uploads, done)),
]
for photo_id in range(PHOTOS):
    downloads.put(photo_id)
print(f"{PHOTOS} photos in; each stage's queue closed, then its workers joined:")
for name, inbox, workers in stages:
    handled = stop_stage(inbox, workers)
    print(f"  {name:<8} {len(handled)} workers joined; they handled "
          f"{sum(handled)} photos between them; unfinished: {inbox.unfinished_tasks}")
# ANCHOR_END: a_pipeline_with_several_workers_per_stage

photos = [done.get() for _ in range(done.qsize())]
each_once = (sorted(p["id"] for p in photos) == list(range(PHOTOS))
             and all(p["resized"] and p["uploaded"] for p in photos))
print(f"{len(photos)} photos arrived: each of 0..{PHOTOS} exactly once, "
      f"resized and uploaded:", "yes" if each_once else "no")
alive = sum(w.is_alive() for _, _, workers in stages for w in workers)
print(f"worker threads still running: {alive}")
