"""subscribe() is a context manager (recipe 12.11), where the Rust
program's `a_subscription_detaches_when_dropped` has a guard.

`with exc.subscribe(a, b):` attaches, and its `finally` detaches however the
block ends, an exception included. Called without `with`, subscribe() only
makes a generator: nothing is attached at all.
"""
import threading

from _exchange import Task, get_exchange

# ANCHOR: a_subscription_detaches_when_dropped
print("== 7. A subscription detaches when it is dropped ==")
task_a, task_b = Task("A"), Task("B")
spam = get_exchange("spam")
with spam.subscribe(task_a, task_b):
    spam.send("msg1")
    spam.send("msg2")
    print(f"inside the block: {len(spam)} subscribers")
print(f"after the block: {len(spam)} subscribers")
print(f"send('msg3') reached {spam.send('msg3')} subscribers")

failed = []


def holder():
    try:
        with spam.subscribe(task_a):
            spam.send("msg4")
            raise RuntimeError("the subscriber's code failed")
    except RuntimeError as err:
        failed.append(err)


thread = threading.Thread(target=holder)
thread.start()
thread.join()
print(f"the holder raised: {'yes' if failed else 'no'}; "
      f"subscribers after its exception: {len(spam)}")

spam.subscribe(task_b)  # the slip: no `with`, so nothing runs
print(f"after a bare `spam.subscribe(task_b)`: {len(spam)} subscribers")
for task in [task_a, task_b]:
    print(f"{task.name} got: {task.got}")
# ANCHOR_END: a_subscription_detaches_when_dropped
