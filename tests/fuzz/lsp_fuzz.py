# SPDX-License-Identifier: EUPL-1.2
"""lsp_fuzz.py SEED RUNS [--no-size | --size-only]: `twohats lsp` of a build of twohats
(TWOHATS_BUILD, default the current folder; an ASan+UBSan build finds the most) on
  - size-driven sessions, each once: a megabyte document and line, a thousand edits,
    thousands of documents and messages, JSON nested 100,000 deep, a megabyte header
    line, a Content-Length of 64 MB, front matter nested 100,000 deep or full of aliases;
  - then RUNS random and mutated sessions.
Every session has a bound (5 s and 100 MB peak memory; four times that for a sanitizer
build; TWOHATS_FUZZ_MAX_SECONDS and TWOHATS_FUZZ_MAX_MB change it).  A session that goes
beyond it, exits outside 0-1 or draws a sanitizer report is a problem: printed, and its
input kept under $TMPDIR/twohats-fuzz/crashes/ with a reproduce.sh.  Exit status 1 when
there was one.  A tool, not a test."""
import sys
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import json, random, sys
from fuzzenv import (tw, mutate as mutate_bytes, run_bounded, problem, save_crash, report, prose,
                     billion_laughs, wide_aliases, deep_flow, deep_block, max_seconds, max_mb)
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
ALLOWED = (0, 1)
MB = 1 << 20
texts = ["Stem op de VVD! 😀 Café “x”.\n", "---\nchannel: social\naccount: hybrid\nparty: D66\n---\nOp 29 oktober stem ik D66.\n",
         "a\r\nb\r\n\xe9", "", "<!-- twohats-disable -->\n# Kop\n\n> quote «x»\n", "x" * 3000]
def frame(b): return b"Content-Length: %d\r\n\r\n" % len(b) + b
def msg(m): return frame(json.dumps(m).encode())
def mutate(b): return mutate_bytes(b, 0, 4, lambda: bytes([random.randrange(256)]))
def rpos(): return {"line": random.choice([0, 1, 2, 5, -1, 10**9]), "character": random.choice([0, 1, 3, 7, -5, 2**31])}
URI = "file:///tmp/fz/a.md"
INIT = msg({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
END = msg({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + msg({"jsonrpc": "2.0", "method": "exit"})
def did_open(text, uri=URI):
    return msg({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "version": 1, "text": text}}})
def did_change(line, char, text, version):
    pos = {"line": line, "character": char}
    return msg({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": {"start": pos, "end": pos}, "text": text}]}})
def hover(i): return msg({"jsonrpc": "2.0", "id": i, "method": "textDocument/hover", "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}})
def session(*parts): return INIT + b"".join(parts) + END

def size_cases():
    """name -> the bytes a client sends."""
    doc50k = prose(50 * 1024).decode()
    fm = lambda yaml: "---\n" + yaml + "\n---\nDe minister opent een loket.\n"
    return {
        "open-1mb": session(did_open(prose(MB).decode())),
        "open-long-line-1mb": session(did_open(prose(MB, sep=" ").decode())),
        "edits-1000": session(did_open(doc50k), *(did_change(i % 50, 5, "x", i + 2) for i in range(1000))),
        "documents-5000": session(*(did_open("Stem op de VVD!", uri="file:///tmp/fz/%d.md" % i) for i in range(5000))),
        "requests-100k": session(did_open("Stem op de VVD!"), *(hover(i + 10) for i in range(100000))),
        "json-deep": session(frame(b'{"jsonrpc": "2.0", "id": 5, "method": "x", "params": ' + deep_flow().encode() + b"}")),
        "header-line-1mb": b"X-Filler: " + b"x" * MB + b"\r\n" + INIT + END,
        "content-length-64mb": INIT + b"Content-Length: %d\r\n\r\n{}" % (64 << 20),
        "frontmatter-deep-flow": session(did_open(fm("x: " + deep_flow()))),
        "frontmatter-deep-block": session(did_open(fm("x:\n  " + deep_block()))),
        "frontmatter-billion-laughs": session(did_open(fm(billion_laughs() + "minister: *l9"))),
        "frontmatter-wide-aliases": session(did_open(fm("tags: " + wide_aliases()))),
    }

problems = []

def run_session(kind, name, data):
    r = run_bounded([tw, "lsp"], stdin=data)
    why = problem(r, ALLOWED)
    if kind == "size" or why:
        report(kind, name, r, why)
    if why:
        problems.append(name)
        save_crash("lsp_fuzz", name, {"session.bin": data}, [tw, "lsp"], stdin_name="session.bin")

if "--size-only" in sys.argv or "--no-size" not in sys.argv:
    print("size-driven sessions (bound %g s, %g MB):" % (max_seconds, max_mb))
    for name, data in size_cases().items():
        run_session("size", name, data)
size_problems = list(problems)

if "--size-only" not in sys.argv:
    for run in range(RUNS):
        if len(problems) - len(size_problems) >= 10:
            print("stopping after 10 problems in mutated runs"); break
        msgs = [msg({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": random.choice([{}, {"general": {"positionEncodings": ["utf-8"]}}])}})]
        for i in range(30):
            kind = random.random()
            if kind < 0.2:
                m = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "version": i, "text": random.choice(texts)}}}
            elif kind < 0.6:
                ch = {"text": random.choice(texts + ["", "x", "\n", "é"])}
                if random.random() < 0.8: ch["range"] = {"start": rpos(), "end": rpos()}
                m = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": i}, "contentChanges": [ch]}}
            elif kind < 0.7:
                m = {"jsonrpc": "2.0", "id": i + 10, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": URI}, "range": {"start": rpos(), "end": rpos()}, "context": {"diagnostics": []}}}
            elif kind < 0.8:
                m = {"jsonrpc": "2.0", "id": i + 10, "method": "textDocument/hover", "params": {"textDocument": {"uri": URI}, "position": rpos()}}
            elif kind < 0.85:
                m = {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": []}}
            else:
                m = {"jsonrpc": "2.0", "id": i, "method": random.choice(["shutdown", "x/y", "textDocument/didClose", "initialize"]), "params": random.choice([{}, None, [], {"textDocument": {"uri": URI}}])}
            body = json.dumps(m).encode()
            if random.random() < 0.2: body = mutate(body)
            fr = frame(body)
            if random.random() < 0.05: fr = b"Content-Length: " + str(random.randint(-5, 50)).encode() + b"\r\n\r\n" + body
            msgs.append(fr)
        msgs.append(frame(b'{"jsonrpc":"2.0","method":"exit"}'))
        run_session("run", "run-%d" % run, b"".join(msgs))
    print("runs: %d sessions" % RUNS)
print("problems: %d%s" % (len(problems), "; size cases failing: " + ", ".join(size_problems) if size_problems else ""))
sys.exit(1 if problems else 0)
