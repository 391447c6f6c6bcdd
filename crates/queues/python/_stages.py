"""Item 55's closable queue and its workers, for the pipeline programs.

A module, not a program: `cargo xtask python` skips names that start with `_`.
`a_pipeline_with_several_workers_per_stage.py` runs the pipeline with them;
`the_notes_watch_loop_never_runs.py` answers the notes' question about
watching the done queue.
"""
import queue
import threading


# ANCHOR: closable_queue
class ClosableQueue(queue.Queue):
    """A queue.Queue that close() ends: it puts an end marker, and a
    consumer's `for item in queue` stops when it takes one. One marker
    stops one consumer."""

    _END = object()  # no item can be this object

    def close(self):
        self.put(self._END)

    def __iter__(self):
        while (item := self.get()) is not self._END:
            try:
                yield item  # the loop body runs here...
            finally:
                self.task_done()  # ...and is done with the item, however it left
        self.task_done()  # the marker was put too, and join() counts it
# ANCHOR_END: closable_queue


# ANCHOR: workers
class StageWorker(threading.Thread):
    """One worker of a stage: `work` on every item of `inbox`, into `outbox`."""

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
    """Close `inbox` once per worker, join them, say what each handled."""
    for _ in workers:
        inbox.close()
    for worker in workers:
        worker.join()
    return [worker.handled for worker in workers]
# ANCHOR_END: workers


def download(photo_id):
    return {"id": photo_id, "resized": False, "uploaded": False}


def resize(photo):
    return dict(photo, resized=True)


def upload(photo):
    return dict(photo, uploaded=True)


def each_photo_once(photos, count):
    """Exactly photos 0..count, each once, each resized and uploaded."""
    return (sorted(p["id"] for p in photos) == list(range(count))
            and all(p["resized"] and p["uploaded"] for p in photos))
