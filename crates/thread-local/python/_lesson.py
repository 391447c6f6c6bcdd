"""What the thread-local programs share: three threads run in order, and
the lesson's own small HTTP server on 127.0.0.1 (the recipe fetched pages
from www.python.org; these programs never leave the machine).

A module, not a program: `cargo xtask python` skips names that start with `_`.
"""
import socket
import socketserver
import threading


def yes_no(claim):
    return "yes" if claim else "no"


def on_three_threads(work):
    """Runs work(n) for n = 1, 2, 3 on three threads at once; returns the
    results in thread order, whichever finished first. An exception in a
    thread comes back as the result, to be raised by the caller."""
    results = [None] * 3

    def run(n):
        try:
            results[n - 1] = work(n)
        except Exception as err:  # a thread's exception is otherwise lost
            results[n - 1] = err

    threads = [threading.Thread(target=run, args=(n,)) for n in (1, 2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        if isinstance(result, Exception):
            raise result
    return results


class _Counts:
    def __init__(self):
        self.lock = threading.Lock()
        self.accepted = self.answered = self.closed_by_client = 0

    def add(self, name):
        with self.lock:
            setattr(self, name, getattr(self, name) + 1)


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        counts = self.server.counts
        counts.add("accepted")
        request = self.rfile.readline().decode()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass  # the headers, up to the blank line
        if request:
            path = request.split()[1]
            body = f"you asked for {path}".encode()
            self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s"
                             % (len(body), body))
            counts.add("answered")
            # The response says how long it is; wait for the client to close.
            if self.rfile.read(1) != b"":
                return
        counts.add("closed_by_client")


class Server(socketserver.ThreadingTCPServer):
    """Serves on 127.0.0.1 at a port the OS picks; `stop()` joins every
    handler and returns the counts."""
    daemon_threads = False
    block_on_close = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts = _Counts()
        self.address = self.server_address
        self._loop = threading.Thread(target=self.serve_forever, args=(0.05,))
        self._loop.start()

    def stop(self):
        self.shutdown()
        self._loop.join()
        self.server_close()  # joins the handler threads
        return self.counts


def get(sock, path):
    """Sends a GET for `path` on an open socket; returns the body as text."""
    sock.sendall(f"GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode())
    reader = sock.makefile("rb")
    length = 0
    for line in iter(reader.readline, b"\r\n"):
        if line.startswith(b"Content-Length:"):
            length = int(line.split(b":")[1])
        if not line:
            break
    body = reader.read(length)
    reader.close()  # the socket itself stays open
    return body.decode()


def connection(address):
    return socket.create_connection(address)
