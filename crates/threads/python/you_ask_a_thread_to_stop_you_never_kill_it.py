"""Recipe 12.1's countdown, stopped early by a flag it checks.

Python cannot kill a thread. The countdown checks a flag before every step,
and terminate() clears it; the thread notices within one pause and returns.
A pause of 30 ms stands for the recipe's 5 s.
"""
import queue
import time
from threading import Thread

STEP = 0.030


# ANCHOR: you_ask_a_thread_to_stop_you_never_kill_it
class Countdown:
    def __init__(self):
        self._running = True
        self.shown = []  # evidence: every number it showed
        self.remaining = 0

    def terminate(self):
        self._running = False

    def run(self, n, show):
        while self._running and n > 0:
            self.shown.append(n)
            show(n)
            n -= 1
            time.sleep(STEP)
        self.remaining = n


print("== 4. You ask a thread to stop; you never kill it ==")
countdown = Countdown()
numbers = queue.Queue()
task = Thread(target=countdown.run, args=(10, numbers.put))
task.start()
seen = [numbers.get(timeout=5) for _ in range(4)]
countdown.terminate()
task.join()
print(f"main saw T-minus {', '.join(map(str, seen))}, then asked it to stop")
print(f"the countdown showed ~{len(countdown.shown)} of its 10 numbers and "
      f"returned with ~{countdown.remaining} still to go: stopped early:",
      "yes" if len(countdown.shown) < 10 else "no")
# ANCHOR_END: you_ask_a_thread_to_stop_you_never_kill_it
