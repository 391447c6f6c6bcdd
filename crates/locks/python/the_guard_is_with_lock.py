"""`with lock:` holds the lock exactly for the block.

The Python beside `the_guard_is_with_lock` in the Rust `main.rs`.

While the block runs, another thread's non-blocking acquire fails; once the
block has ended, however it ended, it succeeds.
"""
from threading import Lock, Thread


# ANCHOR: the_guard_is_with_lock
def another_thread_tries(lock):
    answer = []

    def attempt():
        got_it = lock.acquire(blocking=False)
        if got_it:
            lock.release()
        answer.append(got_it)

    thread = Thread(target=attempt)
    thread.start()
    thread.join()
    return answer[0]


print("== 8. The guard is Python's `with lock:` ==")
lock = Lock()
readings = []
with lock:
    readings.append(20)
    print("inside `with lock:`, another thread's acquire(blocking=False):",
          another_thread_tries(lock))
print("after the block, another thread's acquire(blocking=False):",
      another_thread_tries(lock))
# ANCHOR_END: the_guard_is_with_lock
