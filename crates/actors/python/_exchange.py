"""The recipe's publish/subscribe exchange (Cookbook 12.11), shared by the
programs beside it: a set of subscribers, each anything with a send()."""
from collections import defaultdict
from contextlib import contextmanager


# ANCHOR: exchange
class Exchange:
    def __init__(self):
        self._subscribers = set()

    def attach(self, task):
        self._subscribers.add(task)

    def detach(self, task):
        self._subscribers.remove(task)

    @contextmanager
    def subscribe(self, *tasks):
        for task in tasks:
            self.attach(task)
        try:
            yield
        finally:
            for task in tasks:
                self.detach(task)

    def send(self, msg):
        """Passes msg to every subscriber; returns how many (the recipe's
        returns nothing)."""
        for subscriber in self._subscribers:
            subscriber.send(msg)
        return len(self._subscribers)

    def subscribers(self):
        return len(self._subscribers)


_by_name = defaultdict(Exchange)


def get_exchange(name):
    return _by_name[name]
# ANCHOR_END: exchange


class Task:
    """A subscriber that keeps what it receives (the recipe's prints it)."""

    def __init__(self, name):
        self.name, self.got = name, []

    def send(self, msg):
        self.got.append(msg)
