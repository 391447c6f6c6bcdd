"""A child that never finishes: a deadline, then SIGTERM (Item 52).

Item 52's last example: `communicate(timeout=0.1)` raises `TimeoutExpired`,
`terminate()` sends SIGTERM, `wait()` reaps, and the return code is -15.
A child that ignores SIGTERM needs `kill()` (SIGKILL) after a grace period.
"""
import subprocess
import time

from _children import describe, yes_no

# ANCHOR: a_child_that_never_finishes_is_terminated
print("== 7. A child that never finishes: a deadline, then SIGTERM ==")
TIMEOUT = 0.1
child = subprocess.Popen(["sleep", "10"])
started = time.perf_counter()
try:
    child.communicate(timeout=TIMEOUT)
except subprocess.TimeoutExpired:
    waited = time.perf_counter() - started
    print(f"sleep 10: still running after {waited * 1000:.1f}ms; "
          f"waited at least the timeout: {yes_no(waited >= TIMEOUT)}")
child.terminate()  # SIGTERM: a request the child may catch
child.wait()
print(f"SIGTERM, then reaped: {describe(child.returncode)}; "
      f"returncode: {child.returncode}")

# A child that ignores SIGTERM; it says "ready" once the trap is set.
stubborn = subprocess.Popen(["sh", "-c", "trap '' TERM; echo ready; exec sleep 10"],
                            stdout=subprocess.PIPE)
stubborn.stdout.readline()
stubborn.stdout.close()
stubborn.terminate()
try:
    stubborn.wait(timeout=0.1)  # a grace period...
except subprocess.TimeoutExpired:
    stubborn.kill()  # ...then SIGKILL, which cannot be caught or ignored
    stubborn.wait()
print(f"a child that ignores SIGTERM: {describe(stubborn.returncode)}; "
      f"escalated to SIGKILL: {yes_no(stubborn.returncode == -9)}")
# ANCHOR_END: a_child_that_never_finishes_is_terminated
