"""The recipe's actor (Cookbook 12.10), shared by the programs beside it.

An actor is a daemon thread that owns a queue.Queue as its mailbox. close()
puts the ActorExit class itself in the mailbox as a sentinel; recv() raises
it when it comes out, which unwinds run(); join() waits for an Event set in
a `finally`. join() takes a timeout here, so a program that shows an actor
hanging can still end.
"""
import queue
import threading


# ANCHOR: actor
class ActorExit(Exception):
    """The sentinel close() queues; recv() raises it to end run()."""


class Actor:
    def __init__(self):
        self._mailbox = queue.Queue()
        self._stopped = threading.Event()

    def send(self, msg):
        self._mailbox.put(msg)

    def recv(self):
        msg = self._mailbox.get()
        if msg is ActorExit:
            raise ActorExit()
        return msg

    def close(self):
        self.send(ActorExit)

    def start(self):
        threading.Thread(target=self._main, daemon=True).start()

    def _main(self):
        try:
            self.run()
        except ActorExit:
            pass
        finally:  # also when run() raised something else
            self._stopped.set()

    def join(self, timeout=None):
        """True once the actor's thread has stopped, whatever stopped it."""
        return self._stopped.wait(timeout)

    def run(self):  # a subclass's loop: `while True: msg = self.recv() ...`
        raise NotImplementedError
# ANCHOR_END: actor


# ANCHOR: result
class Result:
    """The recipe's result handle: a value and an Event that says it is there."""

    def __init__(self):
        self._ready = threading.Event()
        self._value = None

    def set_result(self, value):
        self._value = value
        self._ready.set()

    def result(self, timeout=None):
        if not self._ready.wait(timeout):
            raise TimeoutError(f"no result after {timeout} s")
        return self._value


class Worker(Actor):
    def submit(self, func, *args, **kwargs):
        handle = Result()
        self.send((func, args, kwargs, handle))
        return handle

    def run(self):
        while True:
            func, args, kwargs, handle = self.recv()
            handle.set_result(func(*args, **kwargs))
# ANCHOR_END: result
