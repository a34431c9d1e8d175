"""lsp_fuzz.py SEED RUNS: random and mutated LSP sessions through `twohats lsp` of an
ASan+UBSan build (TWOHATS_BUILD, default the current folder); stops at the first sanitizer
report, crash or hang.  A tool, not a test."""
import json, random, subprocess, sys
from fuzzenv import tw, env, failed, mutate as mutate_bytes
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
texts = ["Stem op de VVD! 😀 Café “x”.\n", "---\nchannel: social\naccount: hybrid\nparty: D66\n---\nOp 29 oktober stem ik D66.\n",
         "a\r\nb\r\n\xe9", "", "<!-- twohats-disable -->\n# Kop\n\n> quote «x»\n", "x" * 3000]
def frame(b): return b"Content-Length: %d\r\n\r\n" % len(b) + b
def mutate(b): return mutate_bytes(b, 0, 4, lambda: bytes([random.randrange(256)]))
def rpos(): return {"line": random.choice([0, 1, 2, 5, -1, 10**9]), "character": random.choice([0, 1, 3, 7, -5, 2**31])}
crashes = 0
for run in range(int(sys.argv[2]) if len(sys.argv) > 2 else 60):
    p = subprocess.Popen([tw, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    msgs = [frame(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": random.choice([{}, {"general": {"positionEncodings": ["utf-8"]}}])}}).encode())]
    uri = "file:///tmp/fz/a.md"
    for i in range(30):
        kind = random.random()
        if kind < 0.2:
            m = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "version": i, "text": random.choice(texts)}}}
        elif kind < 0.6:
            ch = {"text": random.choice(texts + ["", "x", "\n", "é"])}
            if random.random() < 0.8: ch["range"] = {"start": rpos(), "end": rpos()}
            m = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i}, "contentChanges": [ch]}}
        elif kind < 0.7:
            m = {"jsonrpc": "2.0", "id": i + 10, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": rpos(), "end": rpos()}, "context": {"diagnostics": []}}}
        elif kind < 0.8:
            m = {"jsonrpc": "2.0", "id": i + 10, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}, "position": rpos()}}
        elif kind < 0.85:
            m = {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": []}}
        else:
            m = {"jsonrpc": "2.0", "id": i, "method": random.choice(["shutdown", "x/y", "textDocument/didClose", "initialize"]), "params": random.choice([{}, None, [], {"textDocument": {"uri": uri}}])}
        body = json.dumps(m).encode()
        if random.random() < 0.2: body = mutate(body)
        fr = frame(body)
        if random.random() < 0.05: fr = b"Content-Length: " + str(random.randint(-5, 50)).encode() + b"\r\n\r\n" + body
        msgs.append(fr)
    msgs.append(frame(b'{"jsonrpc":"2.0","method":"exit"}'))
    try:
        out, err = p.communicate(b"".join(msgs), timeout=60)
    except subprocess.TimeoutExpired:
        p.kill(); print("HANG in run", run); crashes += 1; continue
    if failed(p.returncode, (0, 1), err):
        crashes += 1; print("run", run, "status", p.returncode); print(err.decode(errors="replace")[-2000:]); break
print("runs done, problems:", crashes)
