"""Spawn, then poll while doing other work (Item 52).

`Popen` returns as soon as the child runs; `poll()` answers at once: None
while it runs, its return code once it has exited (and then it is reaped).
"""
import subprocess
import time

from _children import describe, yes_no

# ANCHOR: poll_while_doing_other_work
print("== 2. Spawn, then poll while doing other work ==")
child = subprocess.Popen(["sleep", "0.2"])
rounds = 0
while child.poll() is None:
    time.sleep(0.01)  # stands in for the parent's own work
    rounds += 1
print(f"sleep 0.2: the parent did ~{rounds} rounds of its own work between polls")
print(f"the parent worked while the child ran: {yes_no(rounds > 0)}")
print(f"poll(): {describe(child.returncode)}; returncode {child.returncode}")
# ANCHOR_END: poll_while_doing_other_work
