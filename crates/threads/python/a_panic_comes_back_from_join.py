"""An exception in a thread ends the thread, and join() never says.

threading prints the traceback on stderr (through threading.excepthook,
Python 3.8+), the thread ends, and join() returns None exactly as it does
for a thread that finished well. The caller has to arrange to hear about it.
"""
import threading
from threading import Thread


# ANCHOR: a_panic_comes_back_from_join
def read_sensor(results):
    reading = "warm"
    results.append(int(reading))  # raises ValueError


print("== 2. A panic comes back from join ==")
# What threading.excepthook is handed; by default it prints a traceback.
reported = []
default_hook = threading.excepthook


def remember_and_print(args):
    reported.append(args)
    default_hook(args)


threading.excepthook = remember_and_print
results = []
sensor = Thread(target=read_sensor, args=(results,), name="sensor-3")
sensor.start()
returned = sensor.join()
threading.excepthook = default_hook
print(f"join() returned {returned}, and the thread's result list is {results}")
print("join() told the caller about the exception:",
      "yes" if returned is not None else "no")
for args in reported:
    print(f"only the excepthook saw it, on thread {args.thread.name}: "
          f"{args.exc_type.__name__}: {args.exc_value}")
print("the main thread carries on: an exception ends only its own thread")
# ANCHOR_END: a_panic_comes_back_from_join
