"""Our retelling of the recipe's actor (Cookbook 12.10), shared by the
programs beside it.

The facts are the recipe's: the mailbox is a queue.Queue read by a daemon
thread; close() puts the ActorExit class itself in the mailbox, behind
whatever was sent before it; taking it out raises ActorExit, which ends the
actor; and join() waits for an Event that is set on the thread's way out,
whatever ended it. The shape is ours: a subclass writes on_message(), one
call per message, and the loop that reads the mailbox is here. join() takes
a timeout, so that a program showing a hang can still end.
"""
import functools
import itertools
import queue
import threading

import pathlib
import sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's pictures; off unless COURSE_TRACE is set


# ANCHOR: actor
class ActorExit(Exception):
    """Queued by close() as the class itself; raised when it comes out."""


class Actor:
    """A daemon thread fed through a mailbox. Subclasses define
    on_message(message), which start() calls for each message in turn."""

    def __init__(self):
        self.mailbox = queue.Queue()
        self.stopped = threading.Event()

    def send(self, message):
        self.mailbox.put(message)

    def close(self):
        self.mailbox.put(ActorExit)  # queued behind everything sent so far

    def next_message(self):
        with trace.waiting("condvar", "a message"):  # Queue.get waits on a Condition
            message = self.mailbox.get()
        if message is ActorExit:
            raise message  # raising the class raises an instance of it
        return message

    def start(self):
        threading.Thread(target=self._serve, name=type(self).__name__, daemon=True).start()

    def _serve(self):
        try:
            while True:
                self.on_message(self.next_message())
        except ActorExit:
            pass  # closed: the normal way out
        finally:
            self.stopped.set()  # however the loop ended, a crash included

    def join(self, timeout=None):
        """True once the actor's thread has stopped, whatever stopped it."""
        return self.stopped.wait(timeout)

    def on_message(self, message):
        raise NotImplementedError("an actor subclass handles its messages")
# ANCHOR_END: actor


# ANCHOR: result
_ids = itertools.count()  # for the pictures: joins each hand-off to its wake-up


class Result(threading.Event):
    """The recipe's result handle: an Event that carries a value. The worker
    fills it once; result() waits until it is filled."""

    value = None

    def __init__(self):
        super().__init__()
        self.id = next(_ids)

    def set_result(self, value):
        self.value = value
        trace.flow_out("answer", self.id)
        self.set()

    def result(self, timeout=None):
        with trace.waiting("condvar", "the answer"):  # Event.wait waits on a Condition
            filled = self.wait(timeout)
        if filled:
            trace.flow_in("answer", self.id)
            return self.value
        raise TimeoutError(f"no result after {timeout} s")


class Worker(Actor):
    """An actor whose messages are calls: submit() queues one together with
    the Result it will fill, and hands that Result back at once."""

    def submit(self, func, *args, **kwargs):
        reply = Result()
        trace.flow_out("job", reply.id)
        self.send((functools.partial(func, *args, **kwargs), reply))
        return reply

    def on_message(self, message):
        call, reply = message
        trace.flow_in("job", reply.id)
        reply.set_result(call())
# ANCHOR_END: result
