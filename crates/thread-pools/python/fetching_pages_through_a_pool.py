"""Recipe 12.7's page fetcher and Effective Python Item 56 (the Rust side:
`fetching_pages_through_a_pool`, in `main.rs`).

Three pages from a slow local server (it waits 100 ms before every answer,
one of the pages is missing) and one address where nothing listens, fetched
through ThreadPoolExecutor(4) and collected with as_completed. Never the
real network: the notes' run got 64 668 bytes back for a made-up domain.
"""
import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = 0.100
PAGES = {"/": b"<h1>the front page</h1>\n", "/about": b"<p>a course on concurrency</p>\n"}


class SlowSite(BaseHTTPRequestHandler):
    answered = 0
    lock = threading.Lock()

    def do_GET(self):
        time.sleep(DELAY)
        with SlowSite.lock:
            SlowSite.answered += 1
        body = PAGES.get(self.path)
        self.send_response(200 if body else 404)
        body = body or b"no such page\n"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # no access log on stderr
        pass


def closed_port():
    """A port where nothing listens: bound by us a moment ago, then closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ANCHOR: fetching_pages_through_a_pool
def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def why(err):
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP status {err.code}"
    if isinstance(err, urllib.error.URLError):
        return type(err.reason).__name__
    return repr(err)


print("== 8. Fetching pages through a pool ==")
server = ThreadingHTTPServer(("127.0.0.1", 0), SlowSite)
serving = threading.Thread(target=server.serve_forever)
serving.start()
up, down = server.server_address[1], closed_port()
requests = [("/", up), ("/about", up), ("/missing", up), ("/", down)]

try:  # a first fetch, untimed: urllib imports what it needs on first use
    fetch(f"http://127.0.0.1:{down}/")
except OSError:
    pass
began = time.monotonic()
with ThreadPoolExecutor(max_workers=4) as pool:
    index_of = {pool.submit(fetch, f"http://127.0.0.1:{port}{path}"): i
                for i, (path, port) in enumerate(requests)}
    results = [(index_of[f], f.exception() or f.result()) for f in as_completed(index_of)]
took = time.monotonic() - began
for i, result in sorted(results, key=lambda pair: pair[0]):  # print in a fixed order
    path, port = requests[i]
    place = "the server" if port == up else "a closed port"
    if isinstance(result, Exception):
        print(f"{path} from {place}: error: {why(result)}")
    else:
        print(f"{path} from {place}: {len(result)} bytes")
server.shutdown()
serving.join()
server.server_close()
print(f"the server answered {SlowSite.answered} requests, each after {DELAY * 1000:.1f}ms; "
      f"all four took {took * 1000:.1f}ms: fetched concurrently:",
      "yes" if took < 3 * DELAY else "no")
# ANCHOR_END: fetching_pages_through_a_pool
