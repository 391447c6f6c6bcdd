"""Two queues that `select()` can wait on, for the pollable-queue programs.

Both are built on a `Doorbell`: a socket pair whose far end is readable
while a byte sits in it. They differ in when they ring it. `ByteQueue` is
the cookbook's design (recipe 12.13): one ring per item, one answer per
item taken. `FlagQueue` is the Rust lesson's: the bell holds one byte while
the queue is non-empty, rung and answered under the same lock as the items.

A module, not a program: `cargo xtask python` skips names that start with `_`.
"""
import collections
import queue
import select
import socket
import threading


def yes_no(claim):
    return "yes" if claim else "no"


def readable(source):
    """Whether select() reports `source` readable right now (no waiting)."""
    ready, _, _ = select.select([source], [], [], 0)
    return bool(ready)


# ANCHOR: doorbell
class Doorbell:
    """A socket pair: ring() leaves a byte at the far end, answer() takes
    one back, and select() sees the far end readable while a byte waits."""

    def __init__(self):
        self._near, self._far = socket.socketpair()

    def fileno(self):
        return self._far.fileno()

    def ring(self):
        self._near.send(b"!")  # blocks once the socket's buffer is full

    def answer(self):
        self._far.recv(1)  # waits for a ring if there is none

    def close(self):
        self._far.close()  # first: a ring() blocked in send() then fails
        self._near.close()
# ANCHOR_END: doorbell


# ANCHOR: byte_queue
class ByteQueue:
    """The recipe's pollable queue: the bell rings once for every item."""

    def __init__(self):
        self._items = queue.Queue()
        self._bell = Doorbell()

    def fileno(self):  # what select() waits on
        return self._bell.fileno()

    def put(self, item):
        self._items.put(item)
        self._bell.ring()

    def get(self):
        self._bell.answer()  # one byte for one item
        return self._items.get()

    def close(self):
        self._bell.close()
# ANCHOR_END: byte_queue


# ANCHOR: flag_queue
class FlagQueue:
    """The lesson's pollable queue: readable exactly while items wait."""

    def __init__(self):
        self._lock = threading.Lock()
        self._items = collections.deque()
        self._bell = Doorbell()

    def fileno(self):
        return self._bell.fileno()

    def put(self, item):
        with self._lock:
            if not self._items:  # empty until now: raise the flag
                self._bell.ring()
            self._items.append(item)

    def try_get(self):
        """The oldest item, or None if there is none; never blocks."""
        with self._lock:
            if not self._items:
                return None
            item = self._items.popleft()
            if not self._items:  # empty now: lower the flag
                self._bell.answer()
            return item

    def __len__(self):
        with self._lock:
            return len(self._items)

    def close(self):
        self._bell.close()
# ANCHOR_END: flag_queue
