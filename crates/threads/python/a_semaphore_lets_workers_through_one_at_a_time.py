"""Recipe 12.2's Semaphore(0): workers let through one at a time.

Ten workers block in acquire() on a semaphore with no permits. Main releases
one, and each worker holds it while it works and releases it as its `with`
block ends, passing it on. (The recipe releases once per worker from main;
either way, one worker works at a time.)
"""
import time
from threading import Lock, Semaphore, Thread

TIMEOUT = 0.020
WORK = 0.003


# ANCHOR: a_semaphore_lets_workers_through_one_at_a_time
gate = Semaphore(0)
evidence = Lock()
inside = most_inside = done = 0


def worker():
    global inside, most_inside, done
    with gate:  # acquire() ... release(), however the block is left
        with evidence:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(WORK)
        with evidence:
            inside -= 1
            done += 1


print("== 8. A semaphore lets workers through one at a time ==")
workers = [Thread(target=worker) for _ in range(10)]
for w in workers:
    w.start()
time.sleep(TIMEOUT)
print(f"ten workers wait at a semaphore with no permits; after "
      f"{TIMEOUT * 1000:g}ms, workers done: {done}")
print("main adds one permit (sema.release()), and each worker passes it on")
gate.release()
for w in workers:
    w.join()
free = gate.acquire(blocking=False)
one_at_a_time = "yes" if most_inside == 1 else "no"
print(f"workers done: {done}; never more than one inside at once: "
      f"{one_at_a_time}; a permit free at the end: {free}")
# ANCHOR_END: a_semaphore_lets_workers_through_one_at_a_time
