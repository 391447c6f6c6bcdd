"""Two queues that `select()` can wait on, for the pollable-queue programs.

`ByteQueue` is the cookbook's design (recipe 12.13): a socket pair beside a
`queue.Queue`, one byte written per item. `FlagQueue` is the Rust lesson's:
the socket holds one byte while the queue is non-empty, raised and lowered
under the same lock as the items.

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


# ANCHOR: byte_queue
class ByteQueue(queue.Queue):
    """The recipe's pollable queue: a byte per item in a socket pair."""

    def __init__(self):
        super().__init__()
        self._put_end, self._get_end = socket.socketpair()

    def fileno(self):  # what select() waits on
        return self._get_end.fileno()

    def put(self, item):
        super().put(item)
        self._put_end.send(b"x")  # blocks once the socket's buffer is full

    def get(self):
        self._get_end.recv(1)
        return super().get()

    def close(self):
        self._get_end.close()  # first: a put blocked in send() then fails
        self._put_end.close()
# ANCHOR_END: byte_queue


# ANCHOR: flag_queue
class FlagQueue:
    """The lesson's pollable queue: readable exactly while items wait."""

    def __init__(self):
        self._items = collections.deque()
        self._lock = threading.Lock()
        self._raise_end, self._flag_end = socket.socketpair()

    def fileno(self):
        return self._flag_end.fileno()

    def put(self, item):
        with self._lock:
            self._items.append(item)
            if len(self._items) == 1:  # it was empty: raise the flag
                self._raise_end.send(b"x")

    def try_get(self):
        """The oldest item, or None if there is none; never blocks."""
        with self._lock:
            if not self._items:
                return None
            item = self._items.popleft()
            if not self._items:  # now empty: lower the flag
                self._flag_end.recv(1)
            return item

    def __len__(self):
        with self._lock:
            return len(self._items)

    def close(self):
        self._raise_end.close()
        self._flag_end.close()
# ANCHOR_END: flag_queue
