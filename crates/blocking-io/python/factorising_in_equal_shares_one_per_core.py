"""The factorising work cut into equal shares, one thread per core (the Rust
beside it: `factorising_in_equal_shares_one_per_core` in main.rs).

One thread per number gives the threads unequal work (each number is as many
trial divisions as its size), so on N cores the longest number sets the finish
time. Here the four numbers' candidates are laid end to end and cut into as
many equal slices as there are cores. In Rust that brings the speed-up close to
the core count; in CPython the shares are equal but the GIL still lets one
thread run Python code at a time, so equal shares on threads are no faster
than one thread. (Item 64's way round the GIL, worker processes, is the
`parallelism` lesson's, crates/parallelism/python.)
"""
import os
import threading
import time

NUMBERS = [2139079, 1214759, 1516637, 1852285]


def cores():
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # macOS has no sched_getaffinity
        return os.cpu_count() or 1


# ANCHOR: factorising_in_equal_shares_one_per_core
def cut_row(numbers, cuts):
    """Lay every number's candidates 1..n end to end; share w is positions
    cuts[w] up to cuts[w + 1] of that row, as (index, first, last) pieces."""
    shares = []
    for start, end in zip(cuts, cuts[1:]):
        share, row = [], 0
        for index, number in enumerate(numbers):
            low, high = max(row, start), min(row + number, end)
            if low < high:  # position row + k is candidate k + 1
                share.append((index, low - row + 1, high - row))
            row += number
        shares.append(share)
    return shares


def equal_shares(numbers, workers):
    total = sum(numbers)
    return cut_row(numbers, [total * w // workers for w in range(workers + 1)])


def one_share_per_number(numbers):
    return [[(index, 1, number)] for index, number in enumerate(numbers)]


def work_on(numbers, share, done, slot):
    found, tried = [], 0
    for index, first, last in share:
        number = numbers[index]
        found.append((index, [i for i in range(first, last + 1) if number % i == 0]))
        tried += last - first + 1  # every candidate of the piece was tried
    done[slot] = (found, tried)


def divisors_in_shares(numbers, shares):
    done = [None] * len(shares)
    threads = [threading.Thread(target=work_on, args=(numbers, share, done, slot))
               for slot, share in enumerate(shares)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    divisors = [[] for _ in numbers]
    for found, _ in done:
        for index, some in found:
            divisors[index].extend(some)
    return divisors, [tried for _, tried in done]


def evenly_shared(divisions):
    """Did the busiest thread do at most 1.1 times the average?"""
    total = sum(divisions)
    return total > 0 and max(divisions) * len(divisions) * 10 <= total * 11
# ANCHOR_END: factorising_in_equal_shares_one_per_core


def yes_no(claim):
    return "yes" if claim else "no"


print("== 7. Factorising in equal shares, one per core ==")
started = time.perf_counter()
in_sequence = [[i for i in range(1, n + 1) if n % i == 0] for n in NUMBERS]
sequential = time.perf_counter() - started

started = time.perf_counter()
per_number, per_number_work = divisors_in_shares(NUMBERS, one_share_per_number(NUMBERS))
per_number_took = time.perf_counter() - started
print("one thread per number: the threads did",
      ", ".join(map(str, per_number_work)), "trial divisions")
print("at most 1.1 times the average:", yes_no(evenly_shared(per_number_work)))

n = cores()
started, cpu_started = time.perf_counter(), time.process_time()
equal, equal_work = divisors_in_shares(NUMBERS, equal_shares(NUMBERS, n))
equal_took = time.perf_counter() - started
equal_cpu = time.process_time() - cpu_started  # CPU time of all the threads
print(f"equal shares, one per core (cores: {n}): the threads did",
      ", ".join(map(str, equal_work)), "trial divisions")
print("at most 1.1 times the average:", yes_no(evenly_shared(equal_work)))
print("equal shares found the same divisors as one thread for all:",
      yes_no(equal == in_sequence))
print(f"in sequence {sequential:.3f}s, one thread per number {per_number_took:.3f}s, "
      f"equal shares {equal_took:.3f}s: a speed-up of {sequential / equal_took:.2f}x")
# Wall-clock speed-ups move with whatever else the machine runs. CPU time
# does not lie that way: threads computing on two cores at once use two
# seconds of CPU per second; threads taking turns under the GIL use one.
busy = equal_cpu / equal_took
print(f"the threads used {equal_cpu:.3f}s of CPU in {equal_took:.3f}s, {busy:.2f} cores' worth; "
      f"more than one core at once: {yes_no(busy >= 1.5)}")
