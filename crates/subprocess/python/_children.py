"""What the subprocess programs share: how to describe a return code, and
the cipher helper child (the part `openssl enc` plays in Item 52).

A module, not a program: `cargo xtask python` skips names that start with `_`.
"""
import os
import signal
import sys

# The key the helper reads from its environment, never from its arguments.
KEY_VAR = "LESSON_KEY"
KEY = "correct horse battery staple"
HELPER = [sys.executable, "-B", os.path.join(os.path.dirname(__file__), "_cipher.py")]


def yes_no(claim):
    return "yes" if claim else "no"


def describe(returncode):
    """Popen's returncode in words: negative means killed by that signal."""
    if returncode is None:
        return "still running"
    if returncode >= 0:
        return f"exited with status {returncode}"
    number = -returncode
    return f"terminated by signal {number} ({signal.Signals(number).name})"


def helper_env():
    """The parent's environment plus the key: `Popen(..., env=...)`."""
    return dict(os.environ, **{KEY_VAR: KEY})
