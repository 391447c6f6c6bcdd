"""acquire() takes any set of locks in one global order (the Rust side:
`acquire_takes_any_set_in_one_order`, in `main.rs`).

All six orders of naming three locks; acquire() sorts them by id() and
takes them in the same order every time. Which order that is depends on
where the interpreter put the three locks, so it can change from run to
run; that it is the same for all six calls cannot.
"""
import itertools
import threading

from _ordered import acquire, held_locks, yes_no

# ANCHOR: acquire_takes_any_set_in_one_order
print("== 2. acquire takes any set of locks in one global order ==")
names = {}
for name in "abc":
    lock = threading.Lock()
    names[id(lock)] = (name, lock)
locks = {name: lock for name, lock in names.values()}

orders = []
for named in itertools.permutations("abc"):
    with acquire(*(locks[n] for n in named)) as taken:
        took = [names[id(lock)][0] for lock in taken]
    print(f"acquire({', '.join(named)}) took {', '.join(took)}")
    orders.append(took)
print("one order for every permutation:", yes_no(all(o == orders[0] for o in orders)))
print("locks held after the with blocks ended:", len(held_locks()))
# ANCHOR_END: acquire_takes_any_set_in_one_order
