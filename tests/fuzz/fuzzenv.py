# SPDX-License-Identifier: EUPL-1.2
"""fuzzenv.py: what cli_fuzz.py and lsp_fuzz.py share: the build under test, its
environment, byte mutation, running one input under a time and memory bound, the
sanitizer check and the saving of reproducers."""
import os, random, shlex, signal, subprocess, tempfile, threading, time
top = os.environ.get("TWOHATS_BUILD", os.getcwd())
tw = os.path.join(top, "twohats")
env = dict(os.environ, TWOHATS_PLUGIN_PATH=os.path.join(top, "plugins"), TWOHATS_RULES_DIR=os.path.join(top, "rules"),
           ASAN_OPTIONS="exitcode=86:detect_leaks=1", UBSAN_OPTIONS="halt_on_error=1")

def sanitizer_build():
    """Whether the program under test carries ASan (slower, and its shadow memory counts)."""
    try:
        return b"__asan_init" in open(tw, "rb").read()
    except OSError:
        return False

# An input may take this long and this much memory (peak resident set); a sanitizer build
# gets four times as much, since ASan alone costs about that.
_scale = 4 if sanitizer_build() else 1
max_seconds = float(os.environ.get("TWOHATS_FUZZ_MAX_SECONDS", 5 * _scale))
max_mb = float(os.environ.get("TWOHATS_FUZZ_MAX_MB", 100 * _scale))
# Reproducers go here, one folder each.
crash_root = os.path.join(os.environ.get("TMPDIR") or "/tmp", "twohats-fuzz", "crashes")

def mutate(b, min_ops, max_ops, insert):
    """Overwrite, delete or insert (insert() gives the bytes) at min_ops..max_ops random places."""
    b = bytearray(b)
    for _ in range(random.randint(min_ops, max_ops)):
        if not b: break
        i = random.randrange(len(b)); op = random.random()
        if op < 0.4: b[i] = random.randrange(256)
        elif op < 0.7: del b[i]
        else: b[i:i] = insert()
    return bytes(b)

def failed(status, allowed, stderr):
    """A status outside `allowed` or a sanitizer report."""
    return status not in allowed or b"Sanitizer" in stderr or b"runtime error" in stderr

class Result:
    """How one run went: status (negative: killed by that signal), standard error, seconds,
    peak memory in MB, and whether the bound stopped it."""
    def __init__(self, status, stderr, seconds, mb, stopped):
        self.status, self.stderr, self.seconds, self.mb, self.stopped = status, stderr, seconds, mb, stopped

# GNU time gives the peak memory of the program itself: wait4() in Python would count
# this script's own memory, which a child keeps as its high-water mark across exec.
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

def _peak_mb(pid):
    """The peak resident set (VmHWM) of a live process, or 0."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"): return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0

def _program_pid(p):
    """The program's pid: the child of GNU time, or the process itself."""
    if not TIME: return p.pid
    try:
        with open("/proc/%d/task/%d/children" % (p.pid, p.pid)) as f:
            kids = f.read().split()
        return int(kids[0]) if kids else None
    except (OSError, ValueError):
        return None

def run_bounded(args, stdin=b"", cwd=None):
    """Run `args` with `stdin` and standard output thrown away, under GNU time.  It is
    killed after max_seconds, or when it holds ten times max_mb (so that a blow-up cannot
    take the machine down)."""
    fd, timing = tempfile.mkstemp(prefix="twohats-fuzz-time-"); os.close(fd)
    start = time.monotonic()
    p = subprocess.Popen(([TIME, "-f", "%M", "-o", timing] if TIME else []) + args, stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True)
    err, stopped, peak, done = [], [], [0], threading.Event()
    def feed():
        try: p.stdin.write(stdin)
        except (BrokenPipeError, OSError): pass
        finally:
            try: p.stdin.close()
            except OSError: pass
    def drain(): err.append(p.stderr.read())
    def watch():
        while not done.wait(0.02):
            pid = _program_pid(p)
            peak[0] = max(peak[0], _peak_mb(pid) if pid else 0)
            if time.monotonic() - start > max_seconds: stopped.append("time")
            elif peak[0] > 10 * max_mb: stopped.append("memory")
            else: continue
            try: os.killpg(p.pid, signal.SIGKILL)
            except OSError: pass
            return
    threads = [threading.Thread(target=f, daemon=True) for f in (feed, drain, watch)]
    for t in threads: t.start()
    status = p.wait()
    seconds = time.monotonic() - start
    done.set()
    for t in threads: t.join()
    with open(timing) as f: lines = f.read().split("\n")
    os.unlink(timing)
    mb = peak[0]
    if TIME:
        status = status if status < 128 else -(status - 128)
        for line in lines:
            if line.startswith("Command terminated by signal"): status = -int(line.split()[-1])
            elif line.strip().isdigit(): mb = max(mb, int(line) / 1024)
    return Result(status, b"".join(err), seconds, mb, stopped[0] if stopped else None)

def problem(r, allowed):
    """Why run `r` counts as a finding, or None."""
    if r.stopped == "time" or r.seconds > max_seconds:
        return "took more than %g s" % max_seconds
    if r.stopped == "memory" or r.mb > max_mb:
        return "took %.0f MB, more than %g MB" % (r.mb, max_mb)
    if b"Sanitizer" in r.stderr or b"runtime error" in r.stderr:
        return "sanitizer report"
    if r.status not in allowed:
        return "status %d" % r.status
    return None

def save_crash(fuzzer, name, files, args, stdin_name=None):
    """Keep a reproducer: the files (name -> bytes) in a folder of their own under
    crash_root, with reproduce.sh running `args` (the program first) there; prints where."""
    base = os.path.join(crash_root, "%s-%s" % (fuzzer, name))
    d, n = base, 1
    while os.path.exists(d):
        n += 1; d = "%s-%d" % (base, n)
    os.makedirs(d)
    for fname, data in files.items():
        path = os.path.join(d, fname)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f: f.write(data)
    cmd = " ".join(shlex.quote(a) for a in args) + (" < " + shlex.quote(stdin_name) if stdin_name else "")
    with open(os.path.join(d, "reproduce.sh"), "w") as f:
        f.write("#!/bin/sh\n# %s %s\ncd \"$(dirname \"$0\")\" &&\nTWOHATS_PLUGIN_PATH=%s TWOHATS_RULES_DIR=%s %s\n"
                % (fuzzer, name, shlex.quote(env["TWOHATS_PLUGIN_PATH"]), shlex.quote(env["TWOHATS_RULES_DIR"]), cmd))
    os.chmod(os.path.join(d, "reproduce.sh"), 0o755)
    print("  reproducer: sh %s" % shlex.quote(os.path.join(d, "reproduce.sh")))
    return d

def report(kind, name, r, why):
    """One line per run that was looked at closely (size cases) or failed."""
    print("%-5s %-32s %-4s %6.2f s %6.0f MB  status %-4d %s" % (kind, name, "FAIL" if why else "ok", r.seconds, r.mb,
                                                              r.status, why or ""))
    if why and r.stderr:
        tail = r.stderr.decode(errors="replace")[-1500:]
        print("  " + tail.replace("\n", "\n  ").rstrip())

# Texts of our own for the size-driven cases.
SENTENCES = ["De minister opent vandaag een nieuw loket in Zwolle.", "Het kabinet bespreekt de begroting voor volgend jaar.",
             "Stem op 17 maart op de VVD!", "De opname van de campagnevideo is in de ministerskamer.",
             "Zij spreekt met burgemeesters over woningbouw.", "Onze minister is de beste minister van het land."]

def prose(size, sep="\n\n"):
    """About `size` bytes of paragraphs of the sentences above."""
    out, n, i = [], 0, 0
    while n < size:
        para = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4)) + sep
        out.append(para); n += len(para); i += 1
    return "".join(out).encode()

def billion_laughs(levels=9, width=10):
    """Lines of YAML: nine anchors, each a list of ten aliases of the one before, ending in
    `lol9`; a walker that copies aliases sees 10**9 scalars."""
    lines = ['lol0: &l0 "lol"']
    for k in range(1, levels + 1):
        lines.append("lol%d: &l%d [%s]" % (k, k, ", ".join(["*l%d" % (k - 1)] * width)))
    return "\n".join(lines) + "\n"

def wide_aliases(scalar_bytes=10000, count=100000):
    """A flow list of one scalar of `scalar_bytes` and `count` aliases of it: a gigabyte once
    copied, from a document of 600 KB."""
    return "[&big %s, %s]" % ("x" * scalar_bytes, ", ".join(["*big"] * count))

def deep_flow(depth=100000):
    return "[" * depth + "]" * depth

def deep_block(depth=100000):
    """`- - - ... x`: block sequences nested `depth` deep on one line."""
    return "- " * depth + "x"
