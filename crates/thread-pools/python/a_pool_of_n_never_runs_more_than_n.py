"""Effective Python Item 59's max_workers, shown, not assumed (the Rust
side: `a_pool_of_n_never_runs_more_than_n`, in `main.rs`).

A gauge counts the jobs inside at once and keeps the highest count. Each
job waits at a Barrier for WORKERS - 1 others, so the pool does reach
WORKERS at once; whether it ever goes past is up to the pool. The same jobs
with a thread each have no bound at all.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

WORKERS = 4
JOBS = 40


# ANCHOR: a_pool_of_n_never_runs_more_than_n
class Gauge:
    def __init__(self):
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def __enter__(self):
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def __exit__(self, *exc):
        with self._lock:
            self.now -= 1


def job(gauge, meet):
    with gauge:
        meet.wait(timeout=5)  # a broken barrier raises instead of hanging


print("== 5. A pool of N never runs more than N jobs at once ==")
gauge, meet = Gauge(), threading.Barrier(WORKERS)
with ThreadPoolExecutor(max_workers=WORKERS) as pool:
    futures = [pool.submit(job, gauge, meet) for _ in range(JOBS)]
    finished = sum(1 for f in futures if f.exception() is None)
print(f"{JOBS} jobs on a pool of {WORKERS}: {finished} finished, most at once: "
      f"{gauge.peak}: never more than {WORKERS}:",
      "yes" if 1 <= gauge.peak <= WORKERS else "no")

gauge, meet = Gauge(), threading.Barrier(JOBS)
threads = [threading.Thread(target=job, args=(gauge, meet)) for _ in range(JOBS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{JOBS} jobs with a thread each: most at once: {gauge.peak}")
# ANCHOR_END: a_pool_of_n_never_runs_more_than_n
