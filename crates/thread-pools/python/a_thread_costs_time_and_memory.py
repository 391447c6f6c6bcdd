"""Effective Python Item 57: what one thread costs (the Rust side:
`a_thread_costs_time_and_memory`, in `main.rs`).

A CPython thread is an operating-system thread with a stack of its own.
On Linux, /proc/self/status shows what 64 parked threads add to the
process: address space reserved (VmSize) and memory really touched
(VmRSS). threading.stack_size() changes the stack of the threads started
after it, for the whole process. Last, the time to start and join one.
"""
import threading
import time

THREADS = 64
SMALL_KIB = 64
SPAWNS = 200


def yes_no(claim):
    return "yes" if claim else "no"


def kib(field):
    """A `VmSize:`-style field of /proc/self/status, or None off Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


# ANCHOR: a_thread_costs_time_and_memory
def settle():
    """Waits until VmSize stops moving: CPython's join() returns before the
    OS thread has exited and its stack has been unmapped."""
    last = kib("VmSize")
    for _ in range(200):
        time.sleep(0.005)
        now = kib("VmSize")
        if now == last:
            return
        last = now


def per_thread_kib(stack_bytes):
    """(reserved, resident) KiB that each of THREADS parked threads adds."""
    settle()
    threading.stack_size(stack_bytes)  # 0 means the platform's default
    release = threading.Event()
    crowd = [threading.Thread(target=release.wait) for _ in range(THREADS)]
    before = kib("VmSize"), kib("VmRSS")
    for thread in crowd:
        thread.start()
    after = kib("VmSize"), kib("VmRSS")
    release.set()
    for thread in crowd:
        thread.join()
    threading.stack_size(0)
    if None in before or None in after:
        return None
    return ((after[0] - before[0]) // THREADS, (after[1] - before[1]) // THREADS)


def start_and_join(times):
    began = time.perf_counter()
    for _ in range(times):
        thread = threading.Thread(target=lambda: None)
        thread.start()
        thread.join()
    return (time.perf_counter() - began) / times


print("== 1. A thread costs time and memory ==")
# A first crowd makes the C library's per-thread malloc arenas (up to 64 MiB
# of address space each). Its stacks are too small to be reused for the
# next crowds, so those are measured on their own.
per_thread_kib(32 * 1024)
small = per_thread_kib(SMALL_KIB * 1024)
default = per_thread_kib(0)
if default and small:
    print(f"{THREADS} threads alive at once, each with the platform's default stack:")
    print(f"  reserved ~{default[0]} KiB of address space each")
    print(f"  resident ~{default[1]} KiB each: under a tenth of that:",
          yes_no(default[1] * 10 < default[0]))
    print(f"{THREADS} threads after threading.stack_size({SMALL_KIB} KiB):")
    print(f"  reserved ~{small[0]} KiB each: its stack and a few pages more:",
          yes_no(SMALL_KIB <= small[0] < SMALL_KIB + 64))
else:
    print("(memory per thread is read from /proc/self/status: Linux only)")
each = start_and_join(SPAWNS)
print(f"starting and joining a thread, {SPAWNS} times: {each * 1e6:.1f}µs each: "
      f"more than a microsecond: {yes_no(each > 1e-6)}")
# ANCHOR_END: a_thread_costs_time_and_memory
