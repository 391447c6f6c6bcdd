"""Our retelling of the recipe's publish/subscribe exchange (Cookbook 12.11),
shared by the programs beside it.

The facts are the recipe's: an exchange keeps its subscribers (anything with
a send()) in a set, with no lock; detaching a task that is not attached
raises KeyError; subscribe(*tasks) is a context manager that attaches the
tasks and detaches them in a `finally`; get_exchange(name) finds exchanges
in a module-level defaultdict, so every caller that names one gets the same.
The shape is ours: the exchange *is* the set. And ours counts: send()
returns how many subscribers it reached, len() says how many there are.
"""
import collections
import contextlib


# ANCHOR: exchange
class Exchange(set):
    """One topic, kept as the set of its subscribers: no order, no lock."""

    attach = set.add
    detach = set.remove  # KeyError if the task is not attached

    def send(self, msg):
        for task in self:  # another thread's attach here: RuntimeError
            task.send(msg)
        return len(self)

    @contextlib.contextmanager
    def subscribe(self, *tasks):
        """Attached inside the `with` block, detached however it ends."""
        self.update(tasks)
        try:
            yield self
        finally:
            self.difference_update(tasks)


_EXCHANGES = collections.defaultdict(Exchange)


def get_exchange(name):
    """The exchange called name: made on first use, the same one after."""
    return _EXCHANGES[name]
# ANCHOR_END: exchange


class Task:
    """A subscriber that keeps what it receives (the recipe's prints it)."""

    def __init__(self, name):
        self.name, self.got = name, []

    def send(self, msg):
        self.got.append(msg)
