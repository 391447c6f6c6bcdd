"""Section 1, recipe 12.10: an actor owns its state and a mailbox.

The recipe's PrintActor prints every message it receives. Its only state is
its mailbox; nobody else touches it except through send().
"""
from _actor import Actor


# ANCHOR: an_actor_owns_its_state_and_a_mailbox
class Printer(Actor):
    def run(self):
        while True:
            print("Got:", self.recv())


print("== 1. An actor owns its state and a mailbox ==")
printer = Printer()
printer.start()
printer.send("Hello")
printer.send("World")
printer.close()
printer.join()
# ANCHOR_END: an_actor_owns_its_state_and_a_mailbox
