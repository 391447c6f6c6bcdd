"""The Item's workload, shared by this lesson's programs (a module, not a
program: the name starts with `_`): the slow gcd of Effective Python Item 64,
and the very pairs the Rust lesson makes, from the same generator and seed."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set

SEED = 64
COUNT = 40
LOW, HIGH = 2_000_000, 5_000_000


def gcd(pair):
    """The slow gcd of `pair`. When a picture is recorded, trace.work times
    the pair as one slice of work against the process's CPU time, so a
    worker kept waiting for a core shows as waiting; otherwise it hands the
    pair straight through."""
    return sum(map(slow_gcd, trace.work([pair], every=1)))


def slow_gcd(pair):
    """Try every candidate from the smaller number down; stop at the first
    that divides both. Deliberately slow: about min(a, b) divisions."""
    a, b = pair
    candidate = min(a, b)
    while a % candidate != 0 or b % candidate != 0:
        candidate -= 1
    return candidate


def make_pairs(seed=SEED, count=COUNT, low=LOW, high=HIGH):
    """The Rust lesson's linear congruential generator (Knuth's MMIX
    constants), so both sides can make the same input."""
    state = seed
    mask = (1 << 64) - 1

    def next_in():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        return low + (state >> 33) % (high - low)

    return [(next_in(), next_in()) for _ in range(count)]


PAIRS = make_pairs()
