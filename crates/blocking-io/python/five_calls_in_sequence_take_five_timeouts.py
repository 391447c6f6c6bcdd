"""Item 53's slow system call, made to block, five times in a row (the Rust
beside it: `five_calls_in_sequence_take_five_timeouts` in main.rs).

Each call waits on a fresh, silent socket pair for 0.1 s. Five in a row take
at least five timeouts, and the thread can do nothing else meanwhile.
"""
import select
import socket
import time

TIMEOUT = 0.1
CALLS = 5


# ANCHOR: five_calls_in_sequence_take_five_timeouts
def slow_system_call(timeout=TIMEOUT):
    ours, theirs = socket.socketpair()
    with ours, theirs:  # nobody writes to `theirs`
        select.select([ours], [], [], timeout)


print("== 3. Five calls in sequence take five timeouts ==")
started = time.monotonic()
for _ in range(CALLS):
    slow_system_call()
took = time.monotonic() - started
print(f"five calls, one after another, took {took * 1000:.1f}ms: "
      "at least five timeouts:", "yes" if took >= CALLS * TIMEOUT else "no")
print("and for all of that time the main thread could do nothing else")
# ANCHOR_END: five_calls_in_sequence_take_five_timeouts
