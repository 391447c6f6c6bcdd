"""Data through stdin and stdout, the secret through the environment
(Item 52).

Item 52 runs `openssl enc -des3`, feeding random bytes through its stdin,
with the password in the child's environment. (For openssl to read it from
there, the option is `-pass env:password`; the notes print `env.password`,
which openssl rejects: the chapter's "In the notes" box says more.) Here the
helper `_cipher.py` plays openssl (a toy XOR cipher, so the output can be
shown), and the program checks what any other process of the same user can
see of each child while it runs: its argv and, on Linux, its environment.
"""
import subprocess
import sys
import time

from _children import HELPER, KEY, KEY_VAR, describe, helper_env, yes_no

LINUX = sys.platform.startswith("linux")


def seen_from_outside(pid):
    """(argv, environment) of a running process, as `ps` would read them.

    Just after Popen returns, the new program's argv may still read as
    empty; read again until it shows. The environment is None where the OS
    does not show it to other processes (macOS).
    """
    if not LINUX:
        argv = subprocess.run(["ps", "-o", "args=", "-p", str(pid)],
                              capture_output=True).stdout.strip()
        return argv, None
    for _ in range(500):
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            argv = cmdline.read()
        with open(f"/proc/{pid}/environ", "rb") as environ:
            environment = environ.read()
        if argv and environment:
            return argv, environment
        time.sleep(0.001)
    raise RuntimeError(f"process {pid} shows no argv: is it running?")


# ANCHOR: stdin_in_stdout_out_secret_in_the_environment
print("== 4. Data through stdin and stdout, the secret through the environment ==")
messages = [b"attack at dawn", b"retreat at dusk", b"hold the bridge"]
children, seen = [], []
for message in messages:
    child = subprocess.Popen(HELPER, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, env=helper_env())
    seen.append(seen_from_outside(child.pid))  # while it waits for input
    child.stdin.write(message)  # a few bytes fit in the pipe: safe here
    child.stdin.close()  # end-of-file: the helper finishes and exits
    children.append(child)

round_trips = True
for message, child in zip(messages, children):
    with child.stdout:
        ciphertext = child.stdout.read()  # to end-of-file: the child is done
    child.wait()  # and reaped
    print(f"{message.decode()!r:<17} -> {ciphertext.hex()} "
          f"({describe(child.returncode)})")
    back = subprocess.run(HELPER, input=ciphertext, capture_output=True,
                          env=helper_env())
    round_trips &= back.returncode == 0 and back.stdout == message

entry = f"{KEY_VAR}={KEY}".encode()
print("while they ran, the OS showed their argv"
      + (" and environment (/proc/<pid>/...)" if LINUX else
         "; their environment is not readable here"))
print(f"the key was in no child's argv: "
      f"{yes_no(not any(KEY.encode() in argv for argv, _ in seen))}")
if LINUX:
    every = all(entry in environment.split(b"\0") for _, environment in seen)
    print(f"the key was in every child's environment: {yes_no(every)}")
print(f"each ciphertext decrypts to its message: {yes_no(round_trips)}")
# ANCHOR_END: stdin_in_stdout_out_secret_in_the_environment
