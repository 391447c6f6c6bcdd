"""asyncio's debug mode reports slow steps (Item 63; the Rust side, a
wrapper future, is `a_wrapper_future_reports_slow_polls`, in `main.rs`).

With debug=True, the loop times every callback it runs (each step of a
task is one) and logs a warning for any that took longer than
loop.slow_callback_duration (100 ms by default): "Executing <Task ...> took
0.101 seconds". Here the warnings are collected and printed once the loop
has finished, with the task's long description cut down to its name.
"""
import asyncio
import logging
import re
import time

THRESHOLD = 0.050
BLOCK = 0.100


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


# ANCHOR: a_wrapper_future_reports_slow_polls
async def blocking_reader():
    time.sleep(BLOCK)


async def awaiting_reader():
    await asyncio.sleep(BLOCK)


async def main():
    asyncio.get_running_loop().slow_callback_duration = THRESHOLD
    await asyncio.gather(
        asyncio.create_task(blocking_reader(), name="blocking-reader"),
        asyncio.create_task(awaiting_reader(), name="awaiting-reader"),
    )


collect = Collect()
logger = logging.getLogger("asyncio")
logger.addHandler(collect)
logger.propagate = False  # collected here, not printed on stderr as they come

print("== 6. Debug mode reports slow steps ==")
asyncio.run(main(), debug=True)
for message in collect.messages:
    # "<Task finished name='blocking-reader' coro=<...> ...>" -> the name
    print(re.sub(r"<Task .*?name='([^']*)'.*?> took", r"<Task '\1'> took", message))
reported = " ".join(collect.messages)
print("the task that blocked was reported:",
      "yes" if "'blocking-reader'" in reported else "no")
print("the task that awaited was left alone:",
      "yes" if "'awaiting-reader'" not in reported else "no")
# ANCHOR_END: a_wrapper_future_reports_slow_polls
