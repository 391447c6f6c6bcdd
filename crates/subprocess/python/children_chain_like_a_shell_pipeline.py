"""Children chained like a shell pipeline (Item 52).

Item 52 chains `openssl enc` into `openssl dgst`: the first child's stdout
is the second one's stdin, and the parent closes its own copy of that pipe
(`encrypt_proc.stdout.close()`). Here a mebibyte of text goes through
gzip, the cipher helper and base64, and must come out as the shell's
`gzip | helper | base64` would write it, and back again.
"""
import subprocess
import threading

from _children import HELPER, helper_env, yes_no

MIB = 1024 * 1024


def sample_text(length):
    lines, size, n = [], 0, 0
    while size < length:
        n += 1
        line = f"line {n:06}: the quick brown fox jumps over the lazy dog\n".encode()
        lines.append(line)
        size += len(line)
    return b"".join(lines)[:length]


# ANCHOR: children_chain_like_a_shell_pipeline
def pipeline(commands, data):
    """Runs the commands as a chain, feeds `data` to the first, returns the
    last one's output and whether every stage exited with status 0."""
    stages = []
    for command in commands:
        upstream = stages[-1].stdout if stages else subprocess.PIPE
        stages.append(subprocess.Popen(command, stdin=upstream,
                                       stdout=subprocess.PIPE, env=helper_env()))
        if upstream is not subprocess.PIPE:
            upstream.close()  # the parent keeps no copy of the pipe end

    def feed():  # a writer thread, so feeding and reading overlap (no deadlock)
        with stages[0].stdin as stdin:
            try:
                stdin.write(data)
            except BrokenPipeError:
                pass  # the first stage quit early; its status will say so

    writer = threading.Thread(target=feed)
    writer.start()
    with stages[-1].stdout as last:
        out = last.read()
    writer.join()
    return out, all(stage.wait() == 0 for stage in stages)


print("== 5. Children chained like a shell pipeline ==")
text = sample_text(MIB)
armoured, ok = pipeline([["gzip", "-n", "-c"], HELPER, ["base64"]], text)
print(f"gzip -n -c | _cipher.py | base64, fed {len(text)} bytes:")
print(f"  every stage exited with status 0: {yes_no(ok)}")

script = 'gzip -n -c | "$@" | base64'  # "$@": the helper's command line
by_shell = subprocess.run(["sh", "-c", script, "sh"] + HELPER, input=text,
                          capture_output=True, env=helper_env())
print(f"  byte-identical to what `sh -c '{script}'` wrote: "
      f"{yes_no(ok and by_shell.returncode == 0 and by_shell.stdout == armoured)}")

back, ok = pipeline([["base64", "--decode"], HELPER, ["gzip", "-d", "-c"]], armoured)
print(f"base64 --decode | _cipher.py | gzip -d -c gives back all {len(text)} bytes: "
      f"{yes_no(ok and back == text)}")
# ANCHOR_END: children_chain_like_a_shell_pipeline
