"""Nested connections keep a stack (Cookbook 12.6; `nested_connections_keep_a_stack`
in `main.rs`).

The recipe's second LazyConnection keeps a per-thread list of sockets:
each `with conn as s:` pushes a new one, each exit pops and closes the
newest, so `with conn as s1, conn as s2:` nests.
"""
import socket
import threading

from _lesson import Server, get, on_three_threads, yes_no


# ANCHOR: nested_connections_keep_a_stack
class NestedLazyConnection:
    def __init__(self, address):
        self.address = address
        self.local = threading.local()

    def __enter__(self):
        sock = socket.create_connection(self.address)
        if not hasattr(self.local, "stack"):
            self.local.stack = []  # first use on this thread
        self.local.stack.append(sock)
        return sock

    def __exit__(self, *exc_info):
        self.local.stack.pop().close()  # the newest: nested exits unwind in order

    def depth(self):
        return len(getattr(self.local, "stack", []))


def visit(conn):
    with conn as s1:
        with conn as s2:
            inside = conn.depth()
            distinct = s1.getsockname() != s2.getsockname()
            body1, body2 = get(s1, "/downloads"), get(s2, "/index.html")
        between = conn.depth()
    return [f"s1 -> \"{body1}\", s2 -> \"{body2}\"",
            f"open at once: {inside}, distinct connections: {yes_no(distinct)}, "
            f"open after closing s2: {between}, after s1: {conn.depth()}"]


print("== 4. Nested connections keep a stack ==")
server = Server()
conn = NestedLazyConnection(server.address)
reports = on_three_threads(lambda n: visit(conn))
server.stop()
for n, lines in enumerate(reports, start=1):
    for line in lines:
        print(f"thread {n}: {line}")
# ANCHOR_END: nested_connections_keep_a_stack
