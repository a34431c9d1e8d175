# SPDX-License-Identifier: EUPL-1.2
"""serve_client.py: clients that misbehave, for tests/cli/serve_abuse.sh and serve.sh.

  drain URL PID     send half a request, SIGTERM the server, send the rest; print the status
  slow URL          hold a connection that sends nothing and one that stops mid-headers;
                    print what a normal request gets meanwhile, and when the idle ones close
  hostile URL PID N send N malformed or hostile requests in a row; print the server's
                    resident memory after the first tenth and at the end (kB), and what
                    statuses came back
"""
import json
import os
import random
import signal
import socket
import sys
import time
import urllib.parse


def address(url):
    u = urllib.parse.urlsplit(url)
    return u.hostname, u.port


def exchange(addr, raw, timeout=30):
    """Send raw bytes, read the answer to its end; the status code, or 0 when closed."""
    with socket.create_connection(addr, timeout=timeout) as s:
        try:
            s.sendall(raw)
        except OSError:
            pass  # the server may answer and close before a refused body is all sent
        data = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
    parts = data.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def post(path, body, ctype=b"application/json", extra=b""):
    return (b"POST " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " +
            ctype + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n" + extra +
            b"\r\n" + body)


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def drain(url, pid):
    body = json.dumps({"text": "Stem op de VVD. " * 100}).encode()
    raw = post(b"/v1/check", body)
    with socket.create_connection(address(url), timeout=30) as s:
        s.sendall(raw[: len(raw) - len(body) // 2])
        time.sleep(0.3)  # the server has the headers: the request is under way
        os.kill(pid, signal.SIGTERM)
        time.sleep(0.3)
        s.sendall(raw[len(raw) - len(body) // 2:])
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    print(data.split(b" ", 2)[1].decode() if data else "closed")


def slow(url):
    addr = address(url)
    start = time.monotonic()
    idle = socket.create_connection(addr)  # half-open: says nothing
    partial = socket.create_connection(addr)  # stops in the middle of its headers
    partial.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Le")
    status = exchange(addr, post(b"/v1/check", b'{"text": "Stem op de VVD!"}'))
    print("meanwhile %d" % status)
    for name, s in (("idle", idle), ("partial", partial)):
        s.settimeout(30)
        try:
            while s.recv(65536):
                pass
        except OSError:
            pass
        print("%s closed after %s s" % (name, "<5" if time.monotonic() - start < 5 else ">=5"))
        s.close()


def hostile_requests():
    """Malformed and hostile requests of every kind the server must survive."""
    big = b'{"text": "' + b"a" * 70000 + b'"}'
    return [
        post(b"/v1/check", b'{"text": '),                       # truncated JSON
        post(b"/v1/check", b'{"text": 5}'),                     # wrong type
        post(b"/v1/check", b'[1, 2, 3]'),                       # not an object
        post(b"/v1/check", b'{"text": "a\xff\xfe"}'),           # invalid UTF-8
        post(b"/v1/check", b'{"text": "x", "meta": {"date": "2027-13-45"}}'),
        post(b"/v1/check", b'{"text": "x", "meta": {"' + b"k" * 3000 + b'": ["a", 1]}}'),
        post(b"/v1/check", b'{"file": {"name": "x.docx", "data": "UEsDBAo="}}'),  # broken ZIP
        post(b"/v1/check", b'{"file": {"name": "x.pdf", "data": "JVBERi0xLjQK"}}'),  # broken PDF
        post(b"/v1/check", b"[" * 5000 + b"]" * 5000),        # deep nesting
        post(b"/v1/check", b"x", ctype=b"text/plain"),          # 415
        post(b"/v1/check", big),                                # 413
        post(b"/v1/check", b'{"text": "x"}', extra=b"Transfer-Encoding: chunked\r\n"),
        post(b"/v2/check", b"data=%7B%22annotation%22%3A%5B%7B%22markup%22%3A5%7D%5D%7D&language=nl"),
        post(b"/v2/check", b"text=%ZZ%&&&=&language=nl", ctype=b"application/x-www-form-urlencoded"),
        post(b"/v2/check", b"text=a&language=" + b"x" * 5000),
        b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET / HTTP/1.1\r\nConnection: close\r\nX-A: " + b"b" * 70000 + b"\r\n\r\n",
        b"BREW /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(64)) + b"\r\n\r\n",  # TLS

        b"GET /v1/rules/%00%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"POST /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: -5\r\n\r\n",
        b"POST /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        b"Content-Length: 99999999999999999999\r\n\r\n",
        bytes(random.Random(13).getrandbits(8) for _ in range(512)) + b"\r\n\r\n",  # noise
    ]


def hostile(url, pid, n):
    addr = address(url)
    kinds = hostile_requests()
    statuses = {}
    early = None
    for i in range(n):
        status = exchange(addr, kinds[i % len(kinds)])
        statuses[status] = statuses.get(status, 0) + 1
        if i + 1 == n // 10:
            early = rss_kb(pid)
    late = rss_kb(pid)
    ok = exchange(addr, post(b"/v1/check", b'{"text": "Stem op de VVD!"}'))
    print("rss %d %d" % (early, late))
    print("statuses " + " ".join("%d:%d" % kv for kv in sorted(statuses.items())))
    print("then %d" % ok)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "drain":
        drain(sys.argv[2], int(sys.argv[3]))
    elif cmd == "slow":
        slow(sys.argv[2])
    elif cmd == "hostile":
        hostile(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
