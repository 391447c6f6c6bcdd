"""Item 53's slow call, select() on a brand-new socket (the Rust beside it:
`a_fresh_socket_is_ready_at_once` in crates/blocking-io/src/main.rs).

The Item blocks for 0.1 s in select() on a socket nobody ever connected.
On Linux such a socket has no peer, the kernel reports a hang-up, and
select() counts that as readable: it returns at once. (Where it does wait,
as it evidently did on the notes' machine, it waits out its timeout.)
"""
import select
import socket
import time

TIMEOUT = 0.1


# ANCHOR: a_fresh_socket_is_ready_at_once
print("== 1. The notes' slow call is not slow: a fresh socket is ready at once ==")
with socket.socket() as fresh:  # a TCP socket, never connected
    started = time.monotonic()
    readable, _, _ = select.select([fresh], [], [], TIMEOUT)
    took = time.monotonic() - started
took = f"{took * 1000:.1f}ms" if took >= 0.001 else f"{took * 1e6:.1f}µs"
print(f"select on a fresh, unconnected TCP socket returned "
      f"{'readable' if readable else 'nothing'} after {took}")
print("it blocked for its timeout:", "no" if readable else "yes")
# ANCHOR_END: a_fresh_socket_is_ready_at_once
