"""The helper child of the pipes programs: XORs stdin with the key in the
environment variable LESSON_KEY and writes the result to stdout.

A toy cipher standing in for `openssl enc`; run by the programs, not by
`cargo xtask python` (the name starts with `_`).
"""
import os
import sys

CHUNK = 64 * 1024


def main():
    key = os.environb.get(b"LESSON_KEY", b"")
    if not key:
        sys.stderr.write("_cipher.py: no key: set LESSON_KEY in the environment\n")
        return 2
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    position = 0
    while True:
        chunk = source.read1(CHUNK) if hasattr(source, "read1") else source.read(CHUNK)
        if not chunk:
            break
        # The key stream for this chunk, starting where the last one ended;
        # XOR as one big integer, much faster than a loop over bytes.
        offset = position % len(key)
        stream = (key[offset:] + key * (len(chunk) // len(key) + 1))[: len(chunk)]
        mixed = int.from_bytes(chunk, "big") ^ int.from_bytes(stream, "big")
        sink.write(mixed.to_bytes(len(chunk), "big"))
        position += len(chunk)
    sink.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
