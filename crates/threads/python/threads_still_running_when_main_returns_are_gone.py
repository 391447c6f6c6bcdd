"""At exit, Python drops daemon threads and waits for the others.

The program runs itself twice as a child. In the first child, main starts a
daemon worker with ten seconds of work and returns: the interpreter exits at
once, and the worker's line never appears, which is what every Rust thread
does. In the second, the worker is an ordinary thread with 200 ms of work:
the interpreter waits for it at exit, though main never called join.
"""
import subprocess
import sys
import time
from threading import Thread

LONG_WORK = 10.0
SHORT_WORK = 0.2


# ANCHOR: threads_still_running_when_main_returns_are_gone
def child(daemon, work):
    def worker():
        time.sleep(work)
        print("worker: finished my work", flush=True)

    Thread(target=worker, daemon=daemon).start()
    print(f"main: started a {'daemon' if daemon else 'non-daemon'} worker; "
          "returning without joining it", flush=True)


def run_child(daemon, work):
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(int(daemon)), str(work)],
        capture_output=True, text=True, timeout=LONG_WORK + 5)
    return done, time.monotonic() - started


def show(done, took, work):
    for line in done.stdout.splitlines():
        print(f"child printed: {line}")
    print(f"the child ended (exit status: {done.returncode}) after "
          f"{took * 1000:.1f}ms; its worker had {work:g}s of work: "
          "it waited for the worker:", "yes" if took >= work else "no")
    print("the worker's line is missing:",
          "yes" if "worker:" not in done.stdout else "no")


def main():
    print("== 5. Threads still running when main returns are gone ==")
    show(*run_child(daemon=True, work=LONG_WORK), LONG_WORK)
    show(*run_child(daemon=False, work=SHORT_WORK), SHORT_WORK)
# ANCHOR_END: threads_still_running_when_main_returns_are_gone


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(daemon=sys.argv[2] == "1", work=float(sys.argv[3]))
    else:
        main()
