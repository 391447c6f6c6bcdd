"""Put never blocks: Cookbook 12.13, and its limit
(`put_never_blocks` in `src/main.rs`).

The recipe writes one byte per item into a socket. How many fit before the
next write would block? The recipe's own put, run on a thread with no one
reading, shows it: stuck after that many items (the program gives up on it
after a quiet 200 ms, and unblocks it by closing the socket). The lesson's
FlagQueue holds one byte, whatever it holds: a million items go in and out.
"""
import socket
import threading
import time

from _pollable import ByteQueue, FlagQueue, readable, yes_no

MILLION = 1_000_000


def bytes_until_blocked(sock, limit):
    """One-byte sends into a non-blocking socket until one would block."""
    sock.setblocking(False)
    sent = 0
    try:
        while sent < limit:
            sent += sock.send(b"x")
    except BlockingIOError:
        pass
    return sent


# ANCHOR: put_never_blocks
print("== 3. Put never blocks ==")
reader, writer = socket.socketpair()
fitted = bytes_until_blocked(writer, MILLION)
reader.close()
writer.close()
print(f"one byte per item: put would block after ~{fitted} items: "
      f"long before a million: {yes_no(fitted < MILLION)}")

# The recipe's own put, with no consumer: it blocks, for ever.
recipe = ByteQueue()
progress = [0]


def fill():
    try:
        for item in range(MILLION):
            recipe.put(item)
            progress[0] += 1
    except OSError:  # the socket was closed under it: how we unblock it
        pass


filler = threading.Thread(target=fill, daemon=True)
filler.start()
seen = -1
while seen != progress[0] and filler.is_alive():  # until 200 ms of no progress
    seen = progress[0]
    time.sleep(0.2)
stuck = filler.is_alive()
print(f"the recipe's put, with no one reading: stuck after ~{seen} items: "
      f"{yes_no(stuck)}")
recipe.close()  # the blocked send() fails, and the thread ends
filler.join(timeout=1.0)

flag_queue = FlagQueue()
for item in range(MILLION):
    flag_queue.put(item)
print(f"one byte per state change: {len(flag_queue)} items queued, "
      f"readable: {yes_no(readable(flag_queue))}")
in_order = all(flag_queue.try_get() == expected for expected in range(MILLION))
print(f"drained in order: {yes_no(in_order and flag_queue.try_get() is None)}; "
      f"readable after: {yes_no(readable(flag_queue))}")
flag_queue.close()
# ANCHOR_END: put_never_blocks
