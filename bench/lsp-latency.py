#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""lsp-latency.py: time from didChange to publishDiagnostics in `twohats lsp`.

Opens a Dutch document of about 50 KB (the paragraphs of bench/out, made by
throughput.sh, or the bundled examples repeated), then types: 200 incremental
edits of one character each, timing each until its diagnostics arrive.
Prints the median, 95th percentile and maximum.  A benchmark, not a test.
Usage: python3 bench/lsp-latency.py [TWOHATS] [SIZE_BYTES]
"""
import json, os, statistics, subprocess, sys, time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tw = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, "twohats")
size = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
env = dict(os.environ, TWOHATS_PLUGIN_PATH=os.path.join(top, "plugins"),
           TWOHATS_RULES_DIR=os.path.join(top, "rules"))

source = os.path.join(top, "bench", "out", "paragraphs.txt")
if os.path.exists(source):
    paragraphs = open(source, encoding="utf-8").read().splitlines()
else:
    paragraphs = [open(os.path.join(top, "examples", "speeches", "woningbouw.md"), encoding="utf-8").read()]
body, i = [], 0
while sum(len(p.encode()) + 2 for p in body) < size:
    body.append(paragraphs[i % len(paragraphs)])
    i += 1
    if i % 40 == 0:
        body.append("Vanavond opname campagnevideo in de ministerskamer.")
text = "---\nchannel: web\ndate: 2021-03-01\n---\n" + "\n\n".join(body) + "\n"

proc = subprocess.Popen([tw, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

def send(msg):
    data = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
    proc.stdin.flush()

def receive():
    length = 0
    while True:
        line = proc.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))

def until_diagnostics():
    while True:
        m = receive()
        if m.get("method") == "textDocument/publishDiagnostics":
            return m

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
receive()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
uri = "file:///tmp/twohats-bench/speech.md"
t0 = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
first = until_diagnostics()
open_ms = (time.perf_counter() - t0) * 1000

times = []
lines = text.count("\n")
for n in range(200):
    line = 5 + (n * 7) % (lines - 6)
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": n + 2},
        "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                      "end": {"line": line, "character": 0}}, "text": "x"}]}})
    until_diagnostics()
    times.append((time.perf_counter() - t0) * 1000)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
receive()
send({"jsonrpc": "2.0", "method": "exit"})
proc.wait()

times.sort()
print(f"document: {len(text.encode())} bytes, {len(first['params']['diagnostics'])} diagnostics")
print(f"didOpen to diagnostics: {open_ms:.1f} ms")
print(f"didChange to publishDiagnostics over {len(times)} edits: median {statistics.median(times):.1f} ms,"
      f" p95 {times[int(len(times) * 0.95)]:.1f} ms, max {times[-1]:.1f} ms")
