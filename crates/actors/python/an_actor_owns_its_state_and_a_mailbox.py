"""An actor owns its state and a mailbox (recipe 12.10), as the section
`an_actor_owns_its_state_and_a_mailbox` of the Rust program shows it.

The recipe's PrintActor prints every message it receives. Its only state is
its mailbox; nobody else touches it except through send().
"""
from _actor import Actor


# ANCHOR: an_actor_owns_its_state_and_a_mailbox
class Printer(Actor):
    def on_message(self, message):
        print("Got:", message)


print("== 1. An actor owns its state and a mailbox ==")
printer = Printer()
printer.start()
for word in ["Hello", "World"]:
    printer.send(word)
printer.close()
printer.join()
# ANCHOR_END: an_actor_owns_its_state_and_a_mailbox
