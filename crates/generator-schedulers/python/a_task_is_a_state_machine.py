"""Recipe 12.12's tasks are generators, which stop at every yield; the Rust
program's `a_task_is_a_state_machine` writes one by hand.

Each next() runs the generator from where it stopped to its next `yield`;
its locals wait in its frame in between. When it returns, next() raises
StopIteration.
"""


# ANCHOR: a_task_is_a_state_machine
def countdown(n, out):
    for left in range(n, 0, -1):
        out.append(f"T-minus {left}")
        yield
    out.append("Blastoff!")


print("== 1. A task is a state machine ==")
out = []
task = countdown(3, out)
while True:
    out.clear()
    try:
        next(task)
        step = f"yielded, with left = {task.gi_frame.f_locals['left']} kept in its frame"
    except StopIteration:
        step = "raised StopIteration"
    print(f"next() printed {out} and {step}")
    if step == "raised StopIteration":
        break
# ANCHOR_END: a_task_is_a_state_machine
