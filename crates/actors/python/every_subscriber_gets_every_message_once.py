"""The recipe's exchange (12.11) under load, as the Rust program's
`every_subscriber_gets_every_message_once` puts its own: two threads send
500 numbered messages each, at the same time, to three actors subscribed to
one exchange.

The recipe's send() holds no lock, so the interpreter may switch from one
sender to the other in the middle of a fan-out: then two subscribers see
the two senders' messages in different orders. CPython switches threads
every 5 ms by default, longer than these sends take, so the program runs
the burst again with a switch every microsecond. It reports what it saw.
"""
import sys
import threading

from _actor import Actor
from _exchange import get_exchange

SENDERS = 2
PER_SENDER = 500


class Listener(Actor):
    def __init__(self):
        super().__init__()
        self.got = []

    def on_message(self, message):
        self.got.append(message)


# ANCHOR: every_subscriber_gets_every_message_once
def burst(ticks):
    listeners = [Listener() for _ in range(3)]
    for listener in listeners:
        listener.start()

    def sender(number):
        for n in range(PER_SENDER):
            ticks.send((number, n))

    with ticks.subscribe(*listeners):
        senders = [threading.Thread(target=sender, args=(s,)) for s in range(SENDERS)]
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join()
    for listener in listeners:
        listener.close()
        listener.join(timeout=5)
    return [listener.got for listener in listeners]


def yes_no(claim):
    return "yes" if claim else "no"


print("== 8. Every subscriber gets every message, once ==")
received = burst(get_exchange("ticks"))
every = {(s, n) for s in range(SENDERS) for n in range(PER_SENDER)}
print(f"{len(received)} subscribers received {[len(got) for got in received]} messages")
print("each got each of the 1000 messages exactly once:",
      yes_no(all(len(got) == len(every) and set(got) == every for got in received)))
print("each sender's messages arrived in the order sent:",
      yes_no(all([n for s, n in got if s == sender_no] == list(range(PER_SENDER))
                 for got in received for sender_no in range(SENDERS))))
print("all subscribers saw the same interleaving:",
      yes_no(all(got == received[0] for got in received)))

sys.setswitchinterval(1e-6)  # let the interpreter switch threads far more often
received = burst(get_exchange("ticks"))
print("again, switching threads every microsecond: the same interleaving:",
      yes_no(all(got == received[0] for got in received)))
# ANCHOR_END: every_subscriber_gets_every_message_once
