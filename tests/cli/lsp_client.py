# SPDX-License-Identifier: EUPL-1.2
"""lsp_client.py TWOHATS FILE [LINE CHARACTER]: open FILE in `twohats lsp` as an editor
does, print its diagnostics ("rule line:character-line:character", zero-based as LSP
counts) and, given a position, the first paragraph of the hover there."""
import json
import subprocess
import sys


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


twohats, path = sys.argv[1], sys.argv[2]
uri = "file://" + path
with open(path, encoding="utf-8") as f:
    text = f.read()
msgs = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}}]
if len(sys.argv) > 4:
    msgs.append({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": uri},
        "position": {"line": int(sys.argv[3]), "character": int(sys.argv[4])}}})
msgs += [{"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
         {"jsonrpc": "2.0", "method": "exit"}]
out = subprocess.run([twohats, "lsp", "--no-config"], input=b"".join(frame(m) for m in msgs),
                     capture_output=True, timeout=60, check=True).stdout
while out:
    head, _, rest = out.partition(b"\r\n\r\n")
    n = int(head.split(b":")[1])
    msg, out = json.loads(rest[:n]), rest[n:]
    if msg.get("method") == "textDocument/publishDiagnostics":
        for d in msg["params"]["diagnostics"]:
            r = d["range"]
            print("%s %d:%d-%d:%d" % (d["code"], r["start"]["line"], r["start"]["character"],
                                      r["end"]["line"], r["end"]["character"]))
    elif msg.get("id") == 2:
        print("hover: " + msg["result"]["contents"]["value"].split("\n\n")[0])
