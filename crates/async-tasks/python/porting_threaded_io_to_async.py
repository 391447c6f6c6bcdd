"""Porting threaded I/O to asyncio (Item 61; the Rust side is
`porting_threaded_io_to_async`, in `main.rs`).

A number-guessing game over lines of text: the server guesses by halving its
range, the client knows the secret and reports "higher", "lower" or
"correct". First with blocking sockets and a thread per connection and per
client, then ported to asyncio: server and clients as coroutines on one
thread. The game logic (Guesser, Player) does no I/O and is not touched by
the port; only the loops that move lines to and from sockets change.
"""
import asyncio
import socket
import threading

from _pictures import mark_the_event_loop, reads_marked, trace  # the chapter's pictures

SECRETS = [25, 42, 93]
LOWER, UPPER = 1, 100
TIMEOUT = 5.0


class Guesser:
    """The server's side of a session: a line in, a line out."""

    def __init__(self):
        self.range = None
        self.last_guess = None

    def reply(self, line):
        words = line.split()
        if words[:1] == ["PARAMS"] and len(words) == 3:
            self.range = (int(words[1]), int(words[2]))
            return "OK"
        if words == ["NUMBER"] and self.range:
            lower, upper = self.range
            self.last_guess = lower + (upper - lower) // 2
            return str(self.last_guess)
        if words[:1] == ["REPORT"] and self.last_guess is not None:
            lower, upper = self.range
            if words[1] == "higher":
                self.range = (self.last_guess + 1, upper)
            elif words[1] == "lower":
                self.range = (lower, self.last_guess - 1)
            return "OK"
        return f"ERROR unexpected {line!r}"


class Player:
    """The client's side: the next line to send, given the server's reply."""

    def __init__(self, secret):
        self.secret, self.asked, self.done = secret, False, False

    def first_line(self):
        return f"PARAMS {LOWER} {UPPER}"

    def next_line(self, reply):
        if self.done:
            return None
        if not self.asked or reply == "OK":
            self.asked = True
            return "NUMBER"
        self.asked = False
        guess = int(reply)
        if guess == self.secret:
            self.done = True
            return "REPORT correct"
        return "REPORT higher" if guess < self.secret else "REPORT lower"


# ANCHOR: threaded
def serve_blocking(conn):
    session = Guesser()
    with conn, conn.makefile("rw", newline="\n") as stream:
        for line in reads_marked(stream):  # ends when the client hangs up
            stream.write(session.reply(line.rstrip("\n")) + "\n")
            stream.flush()


def client_blocking(conn, secret, transcripts, i):
    player, transcript = Player(secret), []
    with conn, conn.makefile("rw", newline="\n") as stream:
        line = player.first_line()
        while line is not None:
            stream.write(line + "\n")
            stream.flush()
            with trace.waiting("io", "read"):
                reply = stream.readline().rstrip("\n")
            transcript += [f"> {line}", f"< {reply}"]
            line = player.next_line(reply)
    transcripts[i] = transcript


def play_with_threads():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        address = listener.getsockname()
        clients = [socket.create_connection(address, TIMEOUT) for _ in SECRETS]
        transcripts = [None] * len(SECRETS)
        threads = []
        for i, secret in enumerate(SECRETS):
            conn, _ = listener.accept()
            conn.settimeout(TIMEOUT)
            threads.append(threading.Thread(target=serve_blocking, args=(conn,)))
            threads.append(threading.Thread(
                target=client_blocking,
                args=(clients[i], secret, transcripts, i)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return transcripts
# ANCHOR_END: threaded


# ANCHOR: ported
async def serve_async(reader, writer, sessions):
    sessions.append(asyncio.current_task())  # awaited before the loop ends
    session = Guesser()
    while line := await asyncio.wait_for(reader.readline(), TIMEOUT):
        writer.write((session.reply(line.decode().rstrip("\n")) + "\n").encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client_async(address, secret):
    reader, writer = await asyncio.open_connection(*address)
    player, transcript = Player(secret), []
    line = player.first_line()
    while line is not None:
        writer.write((line + "\n").encode())
        await writer.drain()
        reply = (await asyncio.wait_for(reader.readline(), TIMEOUT)).decode()
        reply = reply.rstrip("\n")
        transcript += [f"> {line}", f"< {reply}"]
        line = player.next_line(reply)
    writer.close()
    await writer.wait_closed()
    return transcript


async def play_with_tasks():
    sessions = []
    server = await asyncio.start_server(
        lambda reader, writer: serve_async(reader, writer, sessions),
        "127.0.0.1", 0)
    async with server:
        address = server.sockets[0].getsockname()
        transcripts = await asyncio.gather(*(client_async(address, secret)
                                             for secret in SECRETS))
        await asyncio.gather(*sessions)  # each ends when its client hangs up
    return transcripts
# ANCHOR_END: ported


print("== 3. Porting threaded I/O to async ==")
mark_the_event_loop()
with trace.region("port"):
    threaded = play_with_threads()
    ported = asyncio.run(play_with_tasks())
print(f"client 0's session (secret {SECRETS[0]}):")
for line in ported[0]:
    print(f"  {line}")
for secret, transcript in zip(SECRETS, ported):
    found = [int(line[2:]) for line in transcript if line[2:].isdigit()
             and line.startswith("<")]
    print(f"secret {secret}: the server guessed {found}")
lines = sum(len(t) for t in threaded)
print(f"the port gave the same transcript, all {lines} lines:",
      "yes" if threaded == list(ported) else "no")
