"""Closing (recipe 12.10): close() queues a sentinel behind the messages.

What was sent before close() is handled first. What is sent after it is
queued behind the sentinel: send() says nothing, and nobody ever reads it.
The Rust program's `closing_handles_what_is_queued_and_refuses_the_rest`
refuses it instead.
"""
from _actor import Actor


# ANCHOR: closing_handles_what_is_queued_and_refuses_the_rest
class Collector(Actor):
    def __init__(self):
        super().__init__()
        self.handled = []

    def on_message(self, message):
        self.handled.append(message)


print("== 2. Closing: what is queued is handled, what comes later is refused ==")
actor = Collector()  # not started yet: whatever is sent stays in the mailbox
for word in ["one", "two", "three"]:
    actor.send(word)
print(f"closing the mailbox with {actor.mailbox.qsize()} messages in it")
actor.close()
actor.send("four")  # no error: it goes in behind the sentinel
print("send after close: accepted without a word")
actor.start()
actor.join()
print(f"the actor handled: {', '.join(actor.handled)}")
print("every message queued before the close was handled:",
      "yes" if actor.handled == ["one", "two", "three"] else "no")
left = [actor.mailbox.get() for _ in range(actor.mailbox.qsize())]
print(f"left in the mailbox, never to be read: {left}")
# ANCHOR_END: closing_handles_what_is_queued_and_refuses_the_rest
