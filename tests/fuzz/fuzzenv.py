"""fuzzenv.py: what cli_fuzz.py and lsp_fuzz.py share: the build under test, its
environment, byte mutation and the sanitizer check."""
import os, random
top = os.environ.get("TWOHATS_BUILD", os.getcwd())
tw = os.path.join(top, "twohats")
env = dict(os.environ, TWOHATS_PLUGIN_PATH=os.path.join(top, "plugins"), TWOHATS_RULES_DIR=os.path.join(top, "rules"),
           ASAN_OPTIONS="exitcode=86:detect_leaks=1", UBSAN_OPTIONS="halt_on_error=1")

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
