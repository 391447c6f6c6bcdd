"""Two threads take two locks in opposite orders (Cookbook 12.5; the Rust
side: `opposite_orders_deadlock`, in `main.rs`).

Thread 1 takes x, then y; thread 2 takes y, then x. A barrier makes sure
each holds its first lock before it asks for its second, so each waits for
the lock the other holds: a deadlock. The second lock is asked for with
`acquire(timeout=...)`, so the program ends and says what happened, where a
plain `acquire()` would wait for ever.
"""
import threading
import time

PATIENCE = 0.1  # seconds each thread waits for its second lock


def yes_no(claim):
    return "yes" if claim else "no"


# ANCHOR: opposite_orders_deadlock
def take_both(first, second, both_hold_one, both_have_tried, report):
    with first:
        both_hold_one.wait()  # each thread now holds its first lock
        started = time.monotonic()
        got_second = second.acquire(timeout=PATIENCE)
        report.append((got_second, time.monotonic() - started))
        both_have_tried.wait()  # keep holding until the other gave up too
        if got_second:
            second.release()


print("== 1. Two threads take two locks in opposite orders: deadlock ==")
x_lock = threading.Lock()
y_lock = threading.Lock()
both_hold_one = threading.Barrier(2)
both_have_tried = threading.Barrier(2)
one, two = [], []
threads = [
    threading.Thread(target=take_both,
                     args=(x_lock, y_lock, both_hold_one, both_have_tried, one)),
    threading.Thread(target=take_both,
                     args=(y_lock, x_lock, both_hold_one, both_have_tried, two)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n, (held, wanted, (got, waited)) in enumerate(
        [("x", "y", one[0]), ("y", "x", two[0])], start=1):
    print(f"thread {n} holds {held}, waited {waited * 1000:.1f}ms for {wanted}, "
          f"at least its patience: {yes_no(waited >= PATIENCE)}; "
          f"got it: {yes_no(got)}")
print(f"deadlock detected: {yes_no(not one[0][0] and not two[0][0])} "
      "(each held the lock the other was waiting for)")
# ANCHOR_END: opposite_orders_deadlock
