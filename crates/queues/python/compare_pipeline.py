"""Effective Python Item 55's pipeline, download -> resize -> upload, one
worker thread per stage, on closable queues (a `queue.Queue` that a
sentinel closes): the Python side of `cargo xtask compare queues`.

    python3 compare_pipeline.py [--runs N] [--size ITEMS]

With no arguments: one quick run. Prints `timings closable <seconds>...`.
"""

import argparse
import queue
import threading
import time

QUICK_SIZE = 10_000


class ClosableQueue(queue.Queue):
    """A queue.Queue that close() ends: a consumer's `for item in queue`
    stops when it takes the end marker close() put."""

    _END = object()

    def close(self):
        self.put(self._END)

    def __iter__(self):
        while (item := self.get()) is not self._END:
            try:
                yield item
            finally:
                self.task_done()
        self.task_done()  # for the marker


class Stage(threading.Thread):
    """One worker: takes every item from `inbox`, hands on `work(item)`."""

    def __init__(self, work, inbox, outbox):
        super().__init__()
        self.work, self.inbox, self.outbox = work, inbox, outbox

    def run(self):
        for item in self.inbox:
            self.outbox.put(self.work(item))


def download(photo_id):
    return {"id": photo_id, "resized": False, "uploaded": False}


def resize(photo):
    return dict(photo, resized=True)


def upload(photo):
    return dict(photo, uploaded=True)


def one_run(size):
    download_queue, resize_queue, upload_queue, done_queue = (
        ClosableQueue() for _ in range(4)
    )
    stages = [
        (download_queue, Stage(download, download_queue, resize_queue)),
        (resize_queue, Stage(resize, resize_queue, upload_queue)),
        (upload_queue, Stage(upload, upload_queue, done_queue)),
    ]
    for _, stage in stages:
        stage.start()
    for photo_id in range(size):
        download_queue.put(photo_id)
    # Stop the stages in order: close a stage's input, wait for its worker.
    for inbox, stage in stages:
        inbox.close()
        stage.join()
    done = [done_queue.get() for _ in range(done_queue.qsize())]
    ids = sorted(photo["id"] for photo in done)
    if ids != list(range(size)) or not all(p["resized"] and p["uploaded"] for p in done):
        raise SystemExit("%d photos came out, not each of %d once" % (len(done), size))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=QUICK_SIZE)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        one_run(args.size)
        times.append(time.perf_counter() - started)
    print("timings closable", " ".join("%.9f" % t for t in times))


if __name__ == "__main__":
    main()
