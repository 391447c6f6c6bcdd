"""Section 2, recipe 12.10: close() queues a sentinel behind the messages.

What was sent before close() is handled first. What is sent after it is
queued behind the sentinel: send() says nothing, and nobody ever reads it.
"""
import threading

from _actor import Actor


# ANCHOR: closing_handles_what_is_queued_and_refuses_the_rest
class Collector(Actor):
    def __init__(self, go):
        super().__init__()
        self.go, self.handled = go, []

    def run(self):
        self.go.wait(timeout=5)  # everything below is sent before it reads
        while True:
            self.handled.append(self.recv())


print("== 2. Closing: what is queued is handled, what comes later is refused ==")
go = threading.Event()
actor = Collector(go)
actor.start()
for msg in ["one", "two", "three"]:
    actor.send(msg)
print(f"closing the mailbox with {actor._mailbox.qsize()} messages in it")
actor.close()
actor.send("four")  # no error: it goes in behind the sentinel
print("send after close: accepted without a word")
go.set()
actor.join()
print(f"the actor handled: {', '.join(actor.handled)}")
print("every message queued before the close was handled:",
      "yes" if actor.handled == ["one", "two", "three"] else "no")
left = [actor._mailbox.get() for _ in range(actor._mailbox.qsize())]
print(f"left in the mailbox, never to be read: {left}")
# ANCHOR_END: closing_handles_what_is_queued_and_refuses_the_rest
