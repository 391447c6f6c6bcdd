"""Five dining philosophers, each eating through acquire() (the Rust side:
`five_philosophers_all_eat`, in `main.rs`).

The recipe's philosophers eat for ever; these eat 1000 times each and
leave. Each chopstick keeps a tally, written while it is held, of the
meals each neighbour ate with it; a meal counts only if both chopsticks
recorded it. The philosophers are daemons joined with a timeout, so a
stuck table would be reported, not waited for.
"""
import threading

from _ordered import acquire, yes_no

PHILOSOPHERS = 5
MEALS = 1000


# ANCHOR: five_philosophers_all_eat
class Chopstick:
    def __init__(self, number):
        self.number = number
        self.lock = threading.Lock()
        self.tally = [0] * PHILOSOPHERS  # meals eaten with it, by seat


def philosopher(seat, left, right, table, took):
    table.wait()  # nobody eats until everyone is seated
    for _ in range(MEALS):
        with acquire(left.lock, right.lock) as order:
            left.tally[seat] += 1
            right.tally[seat] += 1
        took[seat] = [left.number if lock is left.lock else right.number
                      for lock in order]


print(f"== 5. Five philosophers, {MEALS} meals each: all finish ==")
chopsticks = [Chopstick(n) for n in range(PHILOSOPHERS)]
took = [[] for _ in range(PHILOSOPHERS)]
table = threading.Barrier(PHILOSOPHERS)
diners = [
    threading.Thread(target=philosopher, daemon=True,
                     args=(seat, chopsticks[seat],
                           chopsticks[(seat + 1) % PHILOSOPHERS], table, took))
    for seat in range(PHILOSOPHERS)
]
for diner in diners:
    diner.start()
for diner in diners:
    diner.join(timeout=10)
meals = []
for seat in range(PHILOSOPHERS):
    left, right = seat, (seat + 1) % PHILOSOPHERS
    ate = min(chopsticks[left].tally[seat], chopsticks[right].tally[seat])
    meals.append(ate)
    order = " then ".join(f"chopstick {n}" for n in took[seat])
    print(f"philosopher {seat} asked for chopstick {left} and chopstick {right}, "
          f"took {order}, ate {ate} times")
uses = [sum(chopstick.tally) for chopstick in chopsticks]
print("chopstick uses:", ", ".join(map(str, uses)))
print(f"all {PHILOSOPHERS} ate {MEALS} times:", yes_no(meals == [MEALS] * PHILOSOPHERS))
print(f"every chopstick served {2 * MEALS} meals:",
      yes_no(uses == [2 * MEALS] * PHILOSOPHERS))
# ANCHOR_END: five_philosophers_all_eat
