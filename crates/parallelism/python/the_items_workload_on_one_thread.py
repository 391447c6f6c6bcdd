"""The Item's workload on one thread, as a baseline (the Rust side:
`the_items_workload_on_one_thread`, in `main.rs`)."""
import math
import time

from _workload import PAIRS, gcd

# ANCHOR: one_thread
def main():
    start = time.perf_counter()
    answers = list(map(gcd, PAIRS))
    took = time.perf_counter() - start
    print("== 1. The Item's workload on one thread ==")
    print(f"{len(PAIRS)} pairs on one thread took {took:.3f} s")
    print("the first ten answers:", answers[:10])
    agrees = all(answer == math.gcd(a, b) for answer, (a, b) in zip(answers, PAIRS))
    print("every answer agrees with Euclid's algorithm (math.gcd):",
          "yes" if agrees else "no")
# ANCHOR_END: one_thread


if __name__ == "__main__":
    main()
