"""Item 55's last pipeline, 3, 4 and 5 workers per stage
(`a_pipeline_with_several_workers_per_stage` in `src/sections/using.rs`).

A ClosableQueue is a queue.Queue whose close() puts an end marker; its
__iter__ yields items until it takes one, calling task_done() for each
(`_stages.py`). One marker stops one worker, so stopping a stage puts as
many markers as it has workers, then joins them; stages are stopped in
order. The stage queues hold at most 10 photos, as in the Rust.
"""
from _stages import ClosableQueue, download, each_photo_once, resize, start_workers, stop_stage, upload

PHOTOS = 1000
WORKERS = (3, 4, 5)
STAGE_CAPACITY = 10

# ANCHOR: a_pipeline_with_several_workers_per_stage
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
verdict = "yes" if each_photo_once(photos, PHOTOS) else "no"
print(f"{len(photos)} photos arrived: each of 0..{PHOTOS} exactly once, "
      f"resized and uploaded: {verdict}")
alive = sum(w.is_alive() for _, _, workers in stages for w in workers)
print(f"worker threads still running: {alive}")
