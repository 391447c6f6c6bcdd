"""Recipe 12.7's echo server (the Rust side: `an_echo_server_on_a_bounded_pool`,
in `main.rs`): the accept loop submits each
connection to a ThreadPoolExecutor, so a burst of clients waits in the
pool's queue instead of starting a burst of threads.

So that "never more than 2 at once" cannot hold by luck, every connection
the server takes up is held at a gate until all five are accounted for:
being served, or accepted and queued behind busy workers. The same burst
on a server with a thread per connection shows what no bound looks like.
"""
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

WORKERS = 2
CLIENTS = 5
TIMEOUT = 5.0


class Gauge:
    def __init__(self):
        self._lock = threading.Lock()
        self.now = self.peak = 0

    def __enter__(self):
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def __exit__(self, *exc):
        with self._lock:
            self.now -= 1


# ANCHOR: an_echo_server_on_a_bounded_pool
def echo_client(sock, inside, gate):
    with sock, inside:
        gate.wait(TIMEOUT)
        sock.settimeout(TIMEOUT)
        while True:
            data = sock.recv(65536)
            if not data:
                break
            sock.sendall(data)


def echo_server(listener, hand_off, accepted, stop):
    while True:
        sock, _ = listener.accept()
        if stop.is_set():  # the wake-up connection from shutdown
            sock.close()
            return
        accepted.append(sock)
        hand_off(echo_client, sock)


def client(port, words, replies, i):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
            sock.sendall(words)
            sock.shutdown(socket.SHUT_WR)
            reply = b""
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                reply += data
        replies[i] = reply
    except OSError as err:
        replies[i] = err


def burst(hand_off, serving_at_most):
    """Five clients at once; returns (what each got back, most served at once)."""
    inside, gate, stop, accepted = Gauge(), threading.Event(), threading.Event(), []
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def submit(handler, sock):
        hand_off(handler, sock, inside, gate)

    server = threading.Thread(target=echo_server, args=(listener, submit, accepted, stop))
    server.start()
    words = [f"hello from client {i}".encode() for i in range(CLIENTS)]
    replies = [None] * CLIENTS
    clients = [threading.Thread(target=client, args=(port, words[i], replies, i))
               for i in range(CLIENTS)]
    for c in clients:
        c.start()
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and not (
            len(accepted) == CLIENTS and inside.now >= serving_at_most):
        time.sleep(0.001)
    gate.set()
    for c in clients:
        c.join()
    stop.set()
    socket.create_connection(("127.0.0.1", port)).close()  # wake accept()
    server.join()
    listener.close()
    return words, replies, len(accepted), inside.peak


print("== 7. An echo server on a bounded pool ==")
with ThreadPoolExecutor(max_workers=WORKERS) as pool:
    words, replies, taken, most = burst(pool.submit, WORKERS)
for i, (reply, sent) in enumerate(zip(replies, words)):
    if isinstance(reply, OSError):
        print(f"client {i}: error: {type(reply).__name__}")
    else:
        print(f"client {i}: got back {reply.decode()!r}: its own words:",
              "yes" if reply == sent else "no")
print(f"the server took {taken} connections; most served at once: {most}: "
      f"never more than {WORKERS}:", "yes" if 1 <= most <= WORKERS else "no")


started = []


def thread_per_connection(handler, *args):
    started.append(threading.Thread(target=handler, args=args))
    started[-1].start()


_, _, _, most = burst(thread_per_connection, CLIENTS)
for thread in started:
    thread.join()
print(f"the same clients, a thread per connection: most served at once: {most}")
# ANCHOR_END: an_echo_server_on_a_bounded_pool
