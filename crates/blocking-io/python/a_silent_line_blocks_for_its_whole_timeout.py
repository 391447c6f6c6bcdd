"""A line nobody writes to blocks for its whole timeout (the Rust beside it:
`a_silent_line_blocks_for_its_whole_timeout` in crates/blocking-io/src/main.rs).

One end of a connected socket pair whose other end stays open and silent:
the kernel has nothing to report, so select() sleeps until the timeout.
(Close the far end and ours reads end of file at once: ready again.)
"""
import select
import socket
import time

TIMEOUT = 0.1


# ANCHOR: a_silent_line_blocks_for_its_whole_timeout
print("== 2. A line nobody writes to blocks for its whole timeout ==")
ours, theirs = socket.socketpair()  # keep both ends open
with ours, theirs:
    started = time.monotonic()
    readable, _, _ = select.select([ours], [], [], TIMEOUT)
    took = time.monotonic() - started
print(f"select on a silent line returned "
      f"{'readable' if readable else 'nothing (timed out)'} after {took * 1000:.1f}ms")
print(f"it blocked for at least its timeout of {TIMEOUT * 1000:g}ms:",
      "yes" if not readable and took >= TIMEOUT else "no")
# ANCHOR_END: a_silent_line_blocks_for_its_whole_timeout
