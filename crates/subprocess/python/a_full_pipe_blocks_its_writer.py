"""The pipe-buffer deadlock, and the safe ways.

Python's documentation warns that writing to `proc.stdin` and only then
reading `proc.stdout` can deadlock once a pipe's buffer is full, and offers
`communicate()`. Here the trap is probed without falling in: non-blocking
writes to `cat` count how much the pipes take before a write would block.
"""
import os
import subprocess
import threading
import time

from _children import describe, yes_no

MIB = 1024 * 1024


def fill_until_blocked(pipe, limit):
    """Writes zeros into `pipe`, never blocking; returns how many went in
    before a write would have blocked (or `limit`, if all did). "Would have
    blocked" means 50 ms without progress: the reader had time to drain."""
    os.set_blocking(pipe.fileno(), False)
    written, stalls, block = 0, 0, bytes(4096)
    while written < limit and stalls < 5:
        try:
            written += os.write(pipe.fileno(), block[: limit - written])
            stalls = 0
        except BlockingIOError:
            stalls += 1
            time.sleep(0.01)
    os.set_blocking(pipe.fileno(), True)
    return written


# ANCHOR: a_full_pipe_blocks_its_writer
print("== 6. The pipe-buffer deadlock, and the safe ways ==")
cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
accepted = fill_until_blocked(cat.stdin, MIB)
print(f"writing to cat without reading it: the pipes took ~{accepted // 1024} KiB, "
      f"then a write would block")
print(f"so writing {MIB // 1024} KiB before reading would never finish: "
      f"{yes_no(accepted < MIB)}")
cat.stdin.close()  # end-of-file for cat, and someone reading: cat can finish
with cat.stdout:
    echoed = cat.stdout.read()
cat.wait()
print(f"reading its output unblocked cat, which {describe(cat.returncode)}; "
      f"every byte came back: {yes_no(len(echoed) == accepted)}")

# Safe way 1: a writer thread feeds stdin while this thread reads stdout.
data = bytes(range(256)) * (MIB // 256)
cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def feed():
    with cat.stdin:
        cat.stdin.write(data)


writer = threading.Thread(target=feed)
writer.start()
with cat.stdout:
    through = cat.stdout.read()
writer.join()
cat.wait()
print(f"safe way 1, a writer thread: {len(data)} bytes through cat, all back: "
      f"{yes_no(cat.returncode == 0 and through == data)}")

# Safe way 2: communicate() reads stdout and stderr at once (and writes
# input, if any), so a child that fills one pipe cannot block us on the other.
script = f"head -c {MIB} /dev/zero; head -c {MIB} /dev/zero >&2"
both = subprocess.Popen(["sh", "-c", script],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = both.communicate()
print(f"safe way 2, communicate(): {MIB} bytes on stdout, then {MIB} on stderr, "
      f"all read: {yes_no(both.returncode == 0 and len(out) == len(err) == MIB)}")
# ANCHOR_END: a_full_pipe_blocks_its_writer
