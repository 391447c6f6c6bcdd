"""An exchange fans out to its subscribers (recipe 12.11), as the Rust
program's `an_exchange_fans_out_to_its_subscribers` shows it.

get_exchange('spam') looks the exchange up in a module-level defaultdict,
so every caller that names 'spam' gets the same one.
"""
from _exchange import Task, get_exchange

# ANCHOR: an_exchange_fans_out_to_its_subscribers
print("== 6. An exchange fans out to its subscribers ==")
task_a, task_b = Task("A"), Task("B")
spam = get_exchange("spam")
spam.attach(task_a)
spam.attach(task_b)
for msg in ["msg1", "msg2"]:
    print(f"send({msg!r}) reached {spam.send(msg)} subscribers")
spam.detach(task_a)
spam.detach(task_b)
print(f"send('msg3') reached {spam.send('msg3')} subscribers")
print("get_exchange('spam') again is the same exchange:",
      "yes" if get_exchange("spam") is spam else "no")
try:
    spam.detach(task_a)
except KeyError:
    print("detaching A a second time: KeyError")
for task in [task_a, task_b]:
    print(f"{task.name} got: {task.got}")
# ANCHOR_END: an_exchange_fans_out_to_its_subscribers
