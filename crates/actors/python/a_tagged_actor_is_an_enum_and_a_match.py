"""A tagged actor (recipe 12.10) dispatches on a string, where the Rust
program's `a_tagged_actor_is_an_enum_and_a_match` has an enum and a match.

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
    """Each message is a tag and its payload: ('B', 2, 3) calls do_B(2, 3)."""

    def on_message(self, message):
        tag, *payload = message
        handler = getattr(self, f"do_{tag}")  # AttributeError for an unknown tag
        handler(*payload)  # TypeError for a payload of the wrong length

    def do_A(self, x):
        print(f"Running A {x}")

    def do_B(self, x, y):
        print(f"Running B {x} {y}")


print("== 3. A tagged actor is an enum and a match ==")
actor = Tagged()
actor.start()
for message in [("A", 1), ("B", 2, 3),
                ("C", 4),   # no do_C: an AttributeError, inside the actor
                ("A", 5)]:  # never handled: the actor is gone
    actor.send(message)
actor.close()
print("join() returned:", actor.join(timeout=5))
reported.wait(timeout=1)
for error in errors:
    print(f"seen only by threading.excepthook: {type(error).__name__}: {error}")
# ANCHOR_END: a_tagged_actor_is_an_enum_and_a_match
