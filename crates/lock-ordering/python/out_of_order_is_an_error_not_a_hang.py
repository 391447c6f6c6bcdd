"""Taking a lock out of order is an error, not a hang (the Rust side:
`out_of_order_is_an_error_not_a_hang`, in `main.rs`).

The recipe's second program: nested acquire() calls in opposite orders.
A barrier makes sure each thread holds its outer lock before it asks for
the inner one. The thread whose outer lock has the higher id() gets
LockOrderViolation at once, leaves its `with` block (releasing its lock),
and the other thread then gets both. Which thread trips depends on where
the two locks happen to live, so it can change from run to run.
"""
import threading

from _ordered import LockOrderViolation, acquire

# ANCHOR: out_of_order_is_an_error_not_a_hang
def nested(outer, inner, both_hold_one, results, n):
    try:
        with acquire(outer):
            both_hold_one.wait()
            with acquire(inner):
                results[n] = "ok"
    except LockOrderViolation as err:
        results[n] = f"error: {err}"


def attempt(*locks):
    try:
        with acquire(*locks):
            return "ok"
    except LockOrderViolation as err:
        return f"error: {err}"


print("== 4. Taking a lock out of order is an error, not a hang ==")
x_lock, y_lock = threading.Lock(), threading.Lock()
both_hold_one = threading.Barrier(2)
results = ["still waiting", "still waiting"]
threads = [
    threading.Thread(target=nested, daemon=True,
                     args=(x_lock, y_lock, both_hold_one, results, 0)),
    threading.Thread(target=nested, daemon=True,
                     args=(y_lock, x_lock, both_hold_one, results, 1)),
]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=5)
low, high = ("x", "y") if id(x_lock) < id(y_lock) else ("y", "x")
print(f"this run, id({low}) < id({high})")
print(f"thread 1: acquire(x), then acquire(y): {results[0]}")
print(f"thread 2: acquire(y), then acquire(x): {results[1]}")

lower, higher = sorted([x_lock, y_lock], key=id)
with acquire(higher):
    print(f"alone, acquire({low}) while holding {high}: {attempt(lower)}")
    # A plain Lock is not reentrant: asking again would wait for ever.
    print(f"alone, acquire({high}) while holding {high}: {attempt(higher)}")
# Named twice in one call: the sort puts the two side by side, and the
# second acquire() of the same Lock would wait for ever, so ask with a timeout.
probe = threading.Thread(target=attempt, args=(x_lock, y_lock, x_lock), daemon=True)
probe.start()
probe.join(timeout=0.2)
print("acquire(x, y, x):", "still waiting after 0.2 s: a thread deadlocked on itself"
      if probe.is_alive() else "ended")
# ANCHOR_END: out_of_order_is_an_error_not_a_hang
