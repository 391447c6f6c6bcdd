"""One lazy connection per thread (Cookbook 12.6; `one_lazy_connection_per_thread`
in `main.rs`).

The recipe's LazyConnection: `with conn as sock:` opens a socket for the
thread that enters, kept in a threading.local so __exit__ finds this
thread's socket again. Entering twice on one thread raises
RuntimeError('Already connected'). Three threads share one LazyConnection
(the notes' first version starts two; every section here runs three).

The socket is stored in the thread-local only once it has connected: a
refused connection leaves nothing behind, so the thread may try again.
"""
import socket
import threading

from _lesson import Server, get, on_three_threads


# ANCHOR: one_lazy_connection_per_thread
class LazyConnection:
    def __init__(self, address):
        self.address = address
        self.local = threading.local()  # this thread's socket, if any

    def __enter__(self):
        if getattr(self.local, "sock", None) is not None:
            raise RuntimeError("Already connected")
        self.local.sock = socket.create_connection(self.address)
        return self.local.sock

    def __exit__(self, *exc_info):
        self.local.sock.close()  # found again through the thread-local
        self.local.sock = None


def visit(conn, n):
    path = f"/thread-{n}.html"
    with conn as sock:
        body = get(sock, path)
        try:
            with conn:
                again = "opened a second connection (wrong!)"
        except RuntimeError as err:
            again = f"error: {err}"
    return [f"GET {path} -> \"{body}\"",
            f"entering again on the same thread -> {again}"]


print("== 3. One lazy connection per thread ==")
server = Server()
conn = LazyConnection(server.address)  # one object, shared by three threads
reports = on_three_threads(lambda n: visit(conn, n))
server.stop()
for n, lines in enumerate(reports, start=1):
    for line in lines:
        print(f"thread {n}: {line}")
# ANCHOR_END: one_lazy_connection_per_thread
