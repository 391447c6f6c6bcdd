"""Run a child, capture its output, check its status (Item 52).

`subprocess.run` with `capture_output=True` runs the child to the end and
keeps what it printed; `check_returncode()` raises if it failed; and
`encoding=` decodes its bytes, raising if they are not text.
"""
import subprocess

from _children import describe, yes_no

# ANCHOR: a_child_reports_its_output_and_status
print("== 1. Run a child, capture its output, check its status ==")
echo = subprocess.run(["echo", "grüße from a child process"],
                      capture_output=True, encoding="utf-8")
echo.check_returncode()  # raises CalledProcessError unless the status is 0
print(f"echo: {describe(echo.returncode)}; stdout: {echo.stdout!r}")

failing = subprocess.run(["sh", "-c", "exit 3"])
print(f"sh -c 'exit 3': {describe(failing.returncode)}; "
      f"success: {yes_no(failing.returncode == 0)}")
try:
    failing.check_returncode()
    print("  check_returncode() returned")
except subprocess.CalledProcessError as err:
    print(f"  check_returncode() raised: {err}")

# A child's output is bytes, and need not be UTF-8: "grüße" in Latin-1.
latin1 = ["sh", "-c", r"printf 'gr\374\337e'"]
try:
    text = subprocess.run(latin1, capture_output=True, encoding="utf-8").stdout
    print(f"Latin-1 output decoded as UTF-8?! {text!r}")
except UnicodeDecodeError as err:
    raw = subprocess.run(latin1, capture_output=True).stdout
    print(f"Latin-1 output: not UTF-8 ({err.reason} at index {err.start}); "
          f"lossily: {raw.decode('utf-8', errors='replace')!r}")
# ANCHOR_END: a_child_reports_its_output_and_status
