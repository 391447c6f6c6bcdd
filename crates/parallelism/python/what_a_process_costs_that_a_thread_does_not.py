"""What starting a process costs that starting a thread does not, and the
copy a process must be sent (the Rust side:
`what_a_process_costs_that_a_thread_does_not`, in `main.rs`)."""
import multiprocessing
import pickle
import threading
import time

from _workload import PAIRS


def nothing():
    pass


def fastest(start_and_wait, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        start_and_wait()
        times.append(time.perf_counter() - start)
    return min(times)


def start_thread():
    worker = threading.Thread(target=nothing)
    worker.start()
    worker.join()


def start_process():
    worker = multiprocessing.Process(target=nothing)
    worker.start()
    worker.join()

# ANCHOR: process_costs
def main():
    thread = fastest(start_thread, 20)
    process = fastest(start_process, 5)
    print("== 4. What a process costs that a thread does not ==")
    print(f"start and join an empty thread: {thread * 1e6:.1f}µs (the fastest of 20)")
    print(f"start and join an empty process: {process * 1e6:.1f}µs (the fastest of 5)")
    print(f"a process is {process / thread:.1f}x dearer to start")

    # A thread is handed the very list; a process gets a pickled copy.
    seen = []
    worker = threading.Thread(target=lambda: seen.append(PAIRS))
    worker.start()
    worker.join()
    print("the thread saw the same list, not a copy:",
          "yes" if seen[0] is PAIRS else "no")
    print(f"a process is sent {len(pickle.dumps(PAIRS))} bytes of pickle for it")
# ANCHOR_END: process_costs


if __name__ == "__main__":
    main()
