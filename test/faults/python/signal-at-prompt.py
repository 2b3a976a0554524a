# Runs a command on a pseudo-terminal, sends a signal once it prints its confirmation prompt, and
# prints {"code": exit code, "output": everything the terminal showed} as JSON.
# Usage: signal-at-prompt.py SIGNAL COMMAND...
import json, os, pty, select, signal, sys, time

sig = getattr(signal, sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])

output = b""
sent = False
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    if not sent and b"[yN]: " in output:
        os.kill(pid, sig)
        sent = True
if not sent:
    os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"sent": sent, "code": code, "output": output.decode("utf-8", "replace")}))
