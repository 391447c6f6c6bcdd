"""Queues between plain threads and a coroutine (Item 62; the Rust side,
with one tokio channel, is `a_channel_joins_threads_and_a_task`, in
`main.rs`).

asyncio.Queue is not thread-safe, so a plain thread puts into it through the
loop: run_coroutine_threadsafe(queue.put(item), loop).result() waits while
the queue is full, like tokio's blocking_send. The other way, the coroutine
puts into a thread-safe queue.Queue from a pool thread, so that a full queue
never blocks the loop, and a plain thread takes from it with get().
"""
import asyncio
import queue
import threading

LINES = ["GET /index.html", "GET /style.css", "POST /login", "GET /logout"]
DONE = None  # the sentinel that closes each queue


# ANCHOR: a_channel_joins_threads_and_a_task
def feeder(loop, to_task):
    for line in LINES:
        asyncio.run_coroutine_threadsafe(to_task.put(line), loop).result()
    asyncio.run_coroutine_threadsafe(to_task.put(DONE), loop).result()


def reader(from_task, received):
    while (line := from_task.get()) is not DONE:
        received.append(line)


async def shouter(inbox, outbox):
    loop = asyncio.get_running_loop()
    while (line := await inbox.get()) is not DONE:
        await loop.run_in_executor(None, outbox.put, line.upper())
    await loop.run_in_executor(None, outbox.put, DONE)


async def main():
    loop = asyncio.get_running_loop()
    to_task = asyncio.Queue(maxsize=2)
    to_reader = queue.Queue(maxsize=2)
    received = []
    threads = [threading.Thread(target=feeder, args=(loop, to_task)),
               threading.Thread(target=reader, args=(to_reader, received))]
    for thread in threads:
        thread.start()
    await shouter(to_task, to_reader)
    for thread in threads:
        await loop.run_in_executor(None, thread.join)
    print(f"the reader received {received}")
    verdict = "yes" if received == [line.upper() for line in LINES] else "no"
    print(f"every line came back once, in order: {verdict}")


print("== 3. Queues join threads and a coroutine ==")
asyncio.run(main())
# ANCHOR_END: a_channel_joins_threads_and_a_task
