"""Hold the lock for the update, not for the work.

The Python beside `hold_the_lock_for_the_update_not_the_work` in the Rust
`main.rs`.

Five threads each "read a sensor" (a 50 ms wait) and record the reading in a
shared list, first with the wait inside the lock, then outside it. Inside,
the waits happen one after another; outside, they overlap.
"""
import time
from threading import Lock, Thread

THREADS = 5
WORK = 0.050


# ANCHOR: hold_the_lock_for_the_update_not_the_work
def read_sensor(sensor):
    time.sleep(WORK)
    return sensor * 10


def wait_under_the_lock(sensor, lock, readings):
    with lock:
        readings.append(read_sensor(sensor))  # the wait happens under the lock


def wait_then_lock(sensor, lock, readings):
    reading = read_sensor(sensor)  # the wait happens with no lock held
    with lock:
        readings.append(reading)


def timed(record):
    lock, readings = Lock(), []
    threads = [Thread(target=record, args=(sensor, lock, readings))
               for sensor in range(THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


print("== 9. Hold the lock for the update, not for the work ==")
took = timed(wait_under_the_lock)
print(f"lock held during the work: took {took * 1000:.1f}ms: "
      "the threads took turns:", "yes" if took >= THREADS * WORK else "no")
took = timed(wait_then_lock)
print(f"lock held for the update only: took {took * 1000:.1f}ms: "
      "the waits overlapped:", "yes" if took < THREADS * WORK else "no")
# ANCHOR_END: hold_the_lock_for_the_update_not_the_work
