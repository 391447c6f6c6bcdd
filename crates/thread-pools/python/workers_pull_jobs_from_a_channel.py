"""Recipe 12.7's hand-built pool and Effective Python Item 58 (the Rust
side: `workers_pull_jobs_from_a_channel`, in `main.rs`).

A queue.Queue of jobs and a few threads that take jobs from it. The recipe
makes its workers daemon threads and never stops them; here shutdown puts
one sentinel per worker behind the jobs, so everything queued still runs,
and then joins every worker.
"""
import queue
import threading
import time

import pathlib
import sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

# ANCHOR: workers_pull_jobs_from_a_channel
STOP = object()  # one per worker, queued behind the real jobs


def worker_loop(jobs, jobs_run):
    ran = 0
    while True:
        with trace.waiting("condvar", "an item"):  # Queue.get waits on a Condition
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
            with trace.waiting("join", "join"):
                worker.join()
        ran = sum(self.jobs_run.get() for _ in self.workers)
        return len(self.workers), ran


def reporting_job(job, length, reports):
    trace.flow_in("job", job)  # the picture's arrow ends at the worker that took it
    with trace.waiting("sleep", "the job"):
        time.sleep(length)
    reports.put((job, threading.current_thread().name))


print("== 2. Workers pull jobs from a channel ==")
pool = HandBuiltPool(3)
reports = queue.Queue()
with trace.region("workers"):
    for job in range(9):
        # The first job is long and the other eight short, so the workers
        # free up at different times. (A sleep stands for a wait on I/O.)
        length = 0.080 if job == 0 else 0.015
        trace.flow_out("job", job)
        pool.submit(lambda job=job, length=length: reporting_job(job, length, reports))
    joined, ran = pool.shutdown()  # some of the nine may still be queued here
done = [reports.get() for _ in range(reports.qsize())]
print(f"shutdown joined {joined} workers, which ran {ran} jobs between them")
print(f"jobs that ran: {sorted(job for job, _ in done)}")
on_workers = bool(done) and all(name.startswith("pool-worker-") for _, name in done)
print("every job ran on a pool worker, none on main:", "yes" if on_workers else "no")
# ANCHOR_END: workers_pull_jobs_from_a_channel
