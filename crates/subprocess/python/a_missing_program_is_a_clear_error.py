"""A program that does not exist.

`Popen` raises `FileNotFoundError`, naming the program. In the middle of a
pipeline, the stage already started is not cleaned up for you.
"""
import subprocess

from _children import yes_no

# ANCHOR: a_missing_program_is_a_clear_error
print("== 8. A program that does not exist ==")
MISSING = "no-such-program"
try:
    subprocess.Popen([MISSING])
except FileNotFoundError as err:
    print(f"{type(err).__name__}: {err}")

# Mid-pipeline: `cat` is running when the second stage fails to start.
cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
try:
    subprocess.Popen([MISSING], stdin=cat.stdout)
except FileNotFoundError as err:
    print(f"cat | {MISSING}: {type(err).__name__}: {err}")
print(f"cat still running after the error, left for us to end: "
      f"{yes_no(cat.poll() is None)}")
cat.stdin.close()  # end-of-file: cat exits...
cat.stdout.close()
cat.wait()  # ...and is reaped
# ANCHOR_END: a_missing_program_is_a_clear_error
