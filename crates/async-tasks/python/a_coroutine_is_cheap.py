"""A coroutine is cheap (Item 60; the Rust side is `a_coroutine_is_cheap`,
in `main.rs`).

Ten thousand asyncio tasks that each sleep, then a thousand threads that each
sleep: how long each took to start, and how much resident memory each added
while all of them existed. Memory comes from /proc/self/status (Linux only).
"""
import asyncio
import sys
import threading
import time

TASKS = 10_000
THREADS = 1_000
THREAD_STACK = 256 * 1024  # CPython wants more room than a Rust thread
NAP = 0.1


def resident_bytes():
    """VmRSS from /proc/self/status, or None where there is no such file."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


# ANCHOR: a_coroutine_is_cheap
async def crowd_of_tasks(count):
    before = resident_bytes()
    started = time.perf_counter()
    tasks = [asyncio.create_task(asyncio.sleep(NAP)) for _ in range(count)]
    start_each = (time.perf_counter() - started) / count
    await asyncio.sleep(0)  # let every task run to its sleep
    during = resident_bytes()
    await asyncio.gather(*tasks)
    return start_each, during - before if before is not None else None


def crowd_of_threads(count):
    threading.stack_size(THREAD_STACK)
    gate = threading.Event()  # held shut until the memory is read

    def nap():
        gate.wait(timeout=10)
        time.sleep(NAP)

    before = resident_bytes()
    started = time.perf_counter()
    threads = [threading.Thread(target=nap) for _ in range(count)]
    for thread in threads:
        thread.start()
    start_each = (time.perf_counter() - started) / count
    during = resident_bytes()  # every thread is alive: none has napped yet
    gate.set()
    for thread in threads:
        thread.join()
    return start_each, during - before if before is not None else None


task_start, task_memory = asyncio.run(crowd_of_tasks(TASKS))
thread_start, thread_memory = crowd_of_threads(THREADS)
print("== 1. A coroutine is cheap ==")
print(f"{TASKS} tasks on one thread, each sleeping {NAP * 1000:.1f}ms: "
      f"started in {task_start * 1e6:.1f}µs each")
print(f"{THREADS} threads with {THREAD_STACK // 1024} KiB stacks, each sleeping "
      f"{NAP * 1000:.1f}ms: started in {thread_start * 1e6:.1f}µs each")
print("a task costs less than a tenth of a thread to start:",
      "yes" if task_start * 10 < thread_start else "no")
if task_memory is not None:
    per_task, per_thread = task_memory // TASKS, thread_memory // THREADS
    print(f"resident memory: ~{per_task} bytes per task, "
          f"~{per_thread} bytes per thread")
    print("a task holds less than a tenth of a thread's memory:",
          "yes" if per_task * 10 < per_thread else "no")
else:
    print(f"(resident memory is read from /proc/self/status: Linux only; "
          f"this is {sys.platform})")
# ANCHOR_END: a_coroutine_is_cheap
