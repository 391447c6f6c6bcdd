"""The notes' open question about Item 55: why does the loop that watches
the done queue never run its body?

Their last pipeline stops every stage with stop_threads, which closes the
stage and joins its workers, and only then watches the done queue:
`while done_queue.qsize() < 1000:` followed by a print. The print never
appears, and the notes ask whether qsize() takes a lock. It does, for as
long as it reads the length, but that is not the reason: by the time the
loop first asks, every stage has been stopped and joined, so all 1000
photos are already in the done queue and the condition is false at once.
This program runs the pipeline both ways and counts the loop's turns.
"""
import time

from _stages import ClosableQueue, download, resize, start_workers, stop_stage, upload

PHOTOS = 1000
WORKERS = (3, 4, 5)
LOOK_EVERY = 0.0005  # seconds between two looks of the watch loop


def run(watch_before_stopping):
    """The pipeline; returns (the done queue's size when the watch loop
    first looked, how many times the loop's body ran)."""
    downloads, resizes, uploads, done = (ClosableQueue() for _ in range(4))
    stages = [
        (downloads, start_workers(WORKERS[0], download, downloads, resizes)),
        (resizes, start_workers(WORKERS[1], resize, resizes, uploads)),
        (uploads, start_workers(WORKERS[2], upload, uploads, done)),
    ]
    for photo_id in range(PHOTOS):
        downloads.put(photo_id)

    def stop_every_stage():
        for inbox, workers in stages:
            stop_stage(inbox, workers)

    if not watch_before_stopping:
        stop_every_stage()  # the notes' order: stop, then watch
    # ANCHOR: watch_loop
    first_look = done.qsize()
    turns = 0
    while done.qsize() < PHOTOS:
        turns += 1  # the notes print a line of dashes here
        time.sleep(LOOK_EVERY)
    # ANCHOR_END: watch_loop
    if watch_before_stopping:
        stop_every_stage()
    return first_look, turns


def times(count):
    return f"{count} time" if count == 1 else f"{count} times"


print("== The notes' question: why the watch loop never runs ==")
first_look, turns = run(watch_before_stopping=False)
print(f"stop every stage, then watch: the first look found {first_look} of "
      f"{PHOTOS} photos already there; the loop's body ran {times(turns)}")
first_look, turns = run(watch_before_stopping=True)
print(f"watch while the stages work, then stop them: the first look found "
      f"{first_look} of {PHOTOS}; the body ran {times(turns)}: "
      f"it ran at all: {'yes' if turns > 0 else 'no'}")
