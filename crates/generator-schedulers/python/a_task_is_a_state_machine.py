"""Section 1, recipe 12.12: a generator is a task that stops at every yield.

Each next() runs the generator from where it stopped to its next `yield`;
its locals wait in its frame in between. When it returns, next() raises
StopIteration.
"""


# ANCHOR: a_task_is_a_state_machine
def countdown(n, out):
    while n > 0:
        out.append(f"T-minus {n}")
        yield
        n -= 1
    out.append("Blastoff!")


print("== 1. A task is a state machine ==")
out = []
task = countdown(3, out)
while True:
    out.clear()
    try:
        next(task)
        step = f"yielded, with n = {task.gi_frame.f_locals['n']} kept in its frame"
    except StopIteration:
        step = "raised StopIteration"
    print(f"next() printed {out} and {step}")
    if step == "raised StopIteration":
        break
# ANCHOR_END: a_task_is_a_state_machine
