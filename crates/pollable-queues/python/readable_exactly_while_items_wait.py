"""A queue whose descriptor is readable while items wait, Cookbook 12.13
(`readable_exactly_while_items_wait` in `src/main.rs`).

The recipe's PollableQueue writes a byte into a socket pair for every
`put` and reads one back for every `get`, so `select()` sees the queue
readable while it holds items.
"""
from _pollable import ByteQueue, readable, yes_no

# ANCHOR: readable_exactly_while_items_wait
print("== 1. Readable exactly while items wait ==")
q = ByteQueue()
print(f"empty:              readable: {yes_no(readable(q))}")
q.put("a")
q.put("b")
print(f"after put a, put b: readable: {yes_no(readable(q))}")
q.get()
print(f"after one get:      readable: {yes_no(readable(q))}")
q.get()
print(f"after two gets:     readable: {yes_no(readable(q))}")
q.close()
# ANCHOR_END: readable_exactly_while_items_wait
