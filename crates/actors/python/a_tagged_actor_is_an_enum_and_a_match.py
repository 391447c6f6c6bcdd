"""Section 3, recipe 12.10: a tagged actor dispatches on a string.

('A', 1) calls do_A(1), found by name while the program runs. A tag with no
handler, or a payload of the wrong length, is found only when it arrives:
the exception ends the actor's thread, and join() returns as if all went well.
"""
import threading

from _actor import Actor

errors, reported = [], threading.Event()


def report(hook):  # instead of the traceback on stderr
    errors.append(hook.exc_value)
    reported.set()


threading.excepthook = report  # called after the actor's `finally`: wait for it


# ANCHOR: a_tagged_actor_is_an_enum_and_a_match
class Tagged(Actor):
    def run(self):
        while True:
            tag, *payload = self.recv()
            getattr(self, "do_" + tag)(*payload)

    def do_A(self, x):
        print("Running A", x)

    def do_B(self, x, y):
        print("Running B", x, y)


print("== 3. A tagged actor is an enum and a match ==")
actor = Tagged()
actor.start()
actor.send(("A", 1))
actor.send(("B", 2, 3))
actor.send(("C", 4))      # no do_C: an AttributeError, inside the actor
actor.send(("A", 5))      # never handled: the actor is gone
actor.close()
print("join() returned:", actor.join(timeout=5))
reported.wait(timeout=1)
for error in errors:
    print(f"seen only by threading.excepthook: {type(error).__name__}: {error}")
# ANCHOR_END: a_tagged_actor_is_an_enum_and_a_match
