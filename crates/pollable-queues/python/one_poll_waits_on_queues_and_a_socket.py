"""One select() waits on queues and a socket, Cookbook 12.13
(`one_poll_waits_on_queues_and_a_socket` in `src/main.rs`).

The recipe's example: q1.put(1), q2.put(10), q3.put('hello'), q2.put(15),
here each from a thread of its own, plus a TCP connection on 127.0.0.1 that
sends b'ping'. One consumer waits on all four with one select(); it prints
what each source delivered once everything has arrived.
"""
import select
import socket
import threading

from _pollable import ByteQueue

# ANCHOR: one_poll_waits_on_queues_and_a_socket
print("== 2. One poll waits on queues and a socket ==")
q1, q2, q3 = ByteQueue(), ByteQueue(), ByteQueue()
listener = socket.create_server(("127.0.0.1", 0))


def two_puts():
    q2.put(10)
    q2.put(15)


def client():
    with socket.create_connection(listener.getsockname()) as sock:
        sock.sendall(b"ping")


producers = [threading.Thread(target=q1.put, args=(1,)),
             threading.Thread(target=two_puts),
             threading.Thread(target=q3.put, args=("hello",)),
             threading.Thread(target=client)]
for producer in producers:
    producer.start()
sock, _ = listener.accept()

names = {q1: "q1", q2: "q2", q3: "q3", sock: "socket"}
got = {name: [] for name in names.values()}
from_socket = b""
while sum(map(len, (got["q1"], got["q2"], got["q3"]))) < 4 or sock in names:
    ready, _, _ = select.select(list(names), [], [], 5.0)
    if not ready:  # the producers send at once: five quiet seconds is a bug
        raise TimeoutError("nothing became readable in 5 s")
    for source in ready:
        if source is sock:
            data = sock.recv(64)
            from_socket += data
            if not data:  # end of stream: readable for ever, stop watching
                del names[sock]
        else:
            got[names[source]].append(str(source.get()))  # one byte, one item
got["socket"].append(from_socket.decode())

for producer in producers:
    producer.join()
for source, items in sorted(got.items()):
    print(f"{source}: got {', '.join(items)}")
# ANCHOR_END: one_poll_waits_on_queues_and_a_socket
for closable in (q1, q2, q3, sock, listener):
    closable.close()
