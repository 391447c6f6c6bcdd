"""The recipe's ordered acquire (Cookbook 12.5), for the lock-ordering programs.

`acquire(*locks)` is a context manager that takes any set of locks in one
global order, by `id()`, and gives them back in reverse. Each thread keeps,
in a `threading.local()`, the locks it holds through `acquire`; a nested
call that asks for a lock whose id is not above every one of those raises
`LockOrderViolation` before it waits for anything.

A module, not a program: `cargo xtask python` skips names that start with `_`.
"""
import threading
from contextlib import contextmanager


def yes_no(claim):
    return "yes" if claim else "no"


# ANCHOR: acquire
class LockOrderViolation(RuntimeError):
    pass


_mine = threading.local()  # each thread sees its own `held`


def held_locks():
    """The locks this thread holds through acquire(), in the order taken."""
    if not hasattr(_mine, "held"):
        _mine.held = []
    return _mine.held


@contextmanager
def acquire(*locks):
    wanted = sorted(locks, key=id)  # one order for every caller
    held = held_locks()
    if wanted and held and max(id(lock) for lock in held) >= id(wanted[0]):
        raise LockOrderViolation("lock-order violation")
    taken = []
    try:
        for lock in wanted:
            lock.acquire()
            taken.append(lock)
            held.append(lock)
        yield wanted
    finally:
        for lock in reversed(taken):  # last taken, first released
            lock.release()
            held.remove(lock)
# ANCHOR_END: acquire
