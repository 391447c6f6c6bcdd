"""One select() waits on queues and a socket, Cookbook 12.13
(`one_poll_waits_on_queues_and_a_socket` in `src/main.rs`).

The recipe's example: q1.put(1), q2.put(10), q3.put('hello'), q2.put(15),
here each from a thread of its own, 10 ms after the one before, plus a TCP
connection on 127.0.0.1 that sends b'ping' 10 ms after the last put. One
consumer waits on all four with one select(); it prints what each source
delivered once everything has arrived.
"""
import pathlib
import select
import socket
import sys
import threading
import time

from _pollable import ByteQueue

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "trace" / "python"))
import course_trace as trace  # noqa: E402  the chapter's picture; off unless COURSE_TRACE is set

APART = 0.010  # seconds from one producer's put to the next one's

# ANCHOR: one_poll_waits_on_queues_and_a_socket
print("== 2. One poll waits on queues and a socket ==")
q1, q2, q3 = ByteQueue(), ByteQueue(), ByteQueue()
listener = socket.create_server(("127.0.0.1", 0))
start = time.monotonic()


def wait_to_put(queue, nth, turn):
    """Sleeps until `turn` APARTs after the start; for the chapter's
    picture, marks the put that follows, the nth into `queue`, a hand-off."""
    with trace.waiting("sleep", "its turn"):
        time.sleep(max(0.0, start + turn * APART - time.monotonic()))
    trace.flow_out(queue, nth)


def put_q1():
    wait_to_put("q1", 1, turn=1)
    q1.put(1)


def put_q2():
    wait_to_put("q2", 1, turn=2)
    q2.put(10)
    wait_to_put("q2", 2, turn=4)
    q2.put(15)


def put_q3():
    wait_to_put("q3", 1, turn=3)
    q3.put("hello")


def client():
    with socket.create_connection(listener.getsockname()) as sock:
        wait_to_put("socket", 1, turn=5)
        sock.sendall(b"ping")


producers = [threading.Thread(target=put_q1, name="producer q1"),
             threading.Thread(target=put_q2, name="producer q2"),
             threading.Thread(target=put_q3, name="producer q3"),
             threading.Thread(target=client, name="client")]
with trace.region("one poll"):  # what the chapter's picture shows
    for producer in producers:
        producer.start()
    sock, _ = listener.accept()

    names = {q1: "q1", q2: "q2", q3: "q3", sock: "socket"}
    got = {name: [] for name in names.values()}
    from_socket = b""
    while sum(map(len, (got["q1"], got["q2"], got["q3"]))) < 4 or sock in names:
        with trace.waiting("io", "select"):
            ready, _, _ = select.select(list(names), [], [], 5.0)
        if not ready:  # the producers are done in well under 5 s: a bug
            raise TimeoutError("nothing became readable in 5 s")
        for source in ready:
            if source is sock:
                data = sock.recv(64)
                if data and not from_socket:
                    trace.flow_in("socket", 1)
                from_socket += data
                if not data:  # end of stream: readable for ever, stop watching
                    del names[sock]
            else:
                name = names[source]
                got[name].append(str(source.get()))  # one byte, one item
                trace.flow_in(name, len(got[name]))  # the nth item of `name`
    got["socket"].append(from_socket.decode())

    for producer in producers:
        producer.join()
for source, items in sorted(got.items()):
    print(f"{source}: got {', '.join(items)}")
# ANCHOR_END: one_poll_waits_on_queues_and_a_socket
for closable in (q1, q2, q3, sock, listener):
    closable.close()
