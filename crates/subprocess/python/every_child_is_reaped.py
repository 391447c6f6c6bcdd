"""Every child is reaped.

A child that has exited stays a zombie until its parent collects its status.
CPython's `Popen.__del__` reaps a child that has already exited; one still
running is kept on a private list (with a ResourceWarning) and reaped the
next time a child is started. `with Popen(...)` waits for the child: it does
not kill it.
"""
import os
import subprocess
import time
import warnings

from _children import yes_no

# ANCHOR: every_child_is_reaped
print("== 9. Every child is reaped ==")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    child = subprocess.Popen(["sleep", "0.1"])
    pid = child.pid
    del child  # still running: Popen keeps it on a list, and warns
found, status = os.waitpid(pid, 0)  # blocks until it exits, then reaps it
print(f"a Popen dropped while its child ran warned: "
      f"{yes_no(any(w.category is ResourceWarning for w in caught))}; "
      f"waitpid found it, still ours to reap: "
      f"{yes_no(found == pid and os.WIFEXITED(status))}")

started = time.perf_counter()
with subprocess.Popen(["sleep", "0.2"]) as child:
    pass  # __exit__ closes the pipes and waits: it never kills
took = time.perf_counter() - started
print(f"`with Popen(['sleep', '0.2'])` waited for it to finish: "
      f"{yes_no(took >= 0.2 and child.returncode == 0)}")

try:
    os.waitpid(-1, os.WNOHANG)
    left = True
except ChildProcessError:  # ECHILD: no children at all
    left = False
print(f"waitpid(-1, WNOHANG): no child left: {yes_no(not left)}")
# ANCHOR_END: every_child_is_reaped
