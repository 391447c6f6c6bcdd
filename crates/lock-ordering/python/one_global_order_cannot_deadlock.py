"""The same two threads, through acquire(), never deadlock (the Rust side:
`one_global_order_cannot_deadlock`, in `main.rs`).

The recipe's first program: one thread names (x, y), the other (y, x),
and both loop for ever. Here each moves money 1000 times between two
accounts, both ledgers written while both locks are held, and the program
reads the accounts afterwards. The threads are daemons joined with a
timeout, so even a deadlock could not keep the program from ending.
"""
import threading

from _ordered import acquire, yes_no

TRANSFERS = 1000


# ANCHOR: one_global_order_cannot_deadlock
class Account:
    def __init__(self, balance):
        self.lock = threading.Lock()
        self.balance = balance
        self.sent = 0
        self.received = 0


def transfer(start, source, target):
    start.wait()
    for _ in range(TRANSFERS):
        with acquire(source.lock, target.lock):
            source.balance -= 1
            source.sent += 1
            target.balance += 1
            target.received += 1


print("== 3. The same two threads through acquire never deadlock ==")
x, y = Account(1000), Account(1000)
start = threading.Barrier(2)
threads = [threading.Thread(target=transfer, args=(start, x, y), daemon=True),
           threading.Thread(target=transfer, args=(start, y, x), daemon=True)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=10)
stuck = any(t.is_alive() for t in threads)
with acquire(x.lock, y.lock):
    print(f"the ledgers: x sent {x.sent} to y and y received {y.received}; "
          f"y sent {y.sent} to x and x received {x.received}")
    finished = not stuck and x.sent == y.received == y.sent == x.received == TRANSFERS
    print("both finished every transfer:", yes_no(finished))
    total = x.balance + y.balance
    print(f"x: {x.balance}, y: {y.balance}, total: {total}: "
          f"nothing lost: {yes_no(total == 2000)}")
# ANCHOR_END: one_global_order_cannot_deadlock
