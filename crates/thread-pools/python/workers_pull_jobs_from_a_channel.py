"""Recipe 12.7's hand-built pool and Effective Python Item 58 (the Rust
side: `workers_pull_jobs_from_a_channel`, in `main.rs`).

A queue.Queue of jobs and a few threads that take jobs from it. The recipe
makes its workers daemon threads and never stops them; here shutdown puts
one sentinel per worker behind the jobs, so everything queued still runs,
and then joins every worker.
"""
import queue
import threading

# ANCHOR: workers_pull_jobs_from_a_channel
STOP = object()  # one per worker, queued behind the real jobs


def worker_loop(jobs, jobs_run):
    ran = 0
    while True:
        job = jobs.get()
        if job is STOP:
            break
        job()
        ran += 1
    jobs_run.put(ran)


class HandBuiltPool:
    def __init__(self, size):
        self.jobs = queue.Queue()
        self.jobs_run = queue.Queue()
        self.workers = [
            threading.Thread(target=worker_loop, args=(self.jobs, self.jobs_run),
                             name=f"pool-worker-{i}")
            for i in range(size)
        ]
        for worker in self.workers:
            worker.start()

    def submit(self, job):
        self.jobs.put(job)

    def shutdown(self):
        for _ in self.workers:
            self.jobs.put(STOP)
        for worker in self.workers:
            worker.join()
        ran = sum(self.jobs_run.get() for _ in self.workers)
        return len(self.workers), ran


print("== 2. Workers pull jobs from a channel ==")
pool = HandBuiltPool(3)
reports = queue.Queue()
for job in range(9):
    pool.submit(lambda job=job: reports.put((job, threading.current_thread().name)))
joined, ran = pool.shutdown()  # some of the nine may still be queued here
done = [reports.get() for _ in range(reports.qsize())]
print(f"shutdown joined {joined} workers, which ran {ran} jobs between them")
print(f"jobs that ran: {sorted(job for job, _ in done)}")
on_workers = bool(done) and all(name.startswith("pool-worker-") for _, name in done)
print("every job ran on a pool worker, none on main:", "yes" if on_workers else "no")
# ANCHOR_END: workers_pull_jobs_from_a_channel
