"""Python threads share every object, with no checks at all.

Four threads read one list and each writes its own quarter of another. That
they write disjoint slots, and are all joined before the list is read, is
the programmer's word; nothing in the language checks it. (Rust's
thread::scope and chunks_mut prove both at compile time.)
"""
from threading import Thread


# ANCHOR: scoped_threads_borrow_local_data
def double_slice(source, target, start, stop):
    for i in range(start, stop):
        target[i] = source[i] * 2


print("== 3. Scoped threads borrow local data ==")
readings = [3, 1, 4, 1, 5, 9, 2, 6]
doubled = [0] * len(readings)
workers = [
    Thread(target=double_slice, args=(readings, doubled, i, i + 2))
    for i in range(0, len(readings), 2)
]
for worker in workers:
    worker.start()
for worker in workers:  # forget this loop, and `doubled` may be half done
    worker.join()
print(f"four threads read   {readings}")
print(f"and each wrote a quarter of {doubled}")
# ANCHOR_END: scoped_threads_borrow_local_data
