"""cli_fuzz.py SEED RUNS: mutated configurations, rule files and documents through an
ASan+UBSan build of twohats (TWOHATS_BUILD, default the current folder); stops at the first
sanitizer report or status outside 0-3.  A tool, not a test."""
import os, random, subprocess, sys, tempfile
from fuzzenv import top, tw, env, failed, mutate as mutate_bytes
random.seed(int(sys.argv[1]))
configs = [b"rules:\n  office-premises/private-use: off\nplugins:\n  image-building:\n    options:\n      share: 40\nmetadata:\n  - files: '*.md'\n    channel: web\n",
           b"rule-files: [r.yml]\n", b"extensions: [md, txt]\n"]
rulefile = open(os.path.join(top, "examples/declarative/uk-election-guidance.yml"), "rb").read()
docs = [b"---\nchannel: press-release\ndate: 2021-03-01\nminister: [Jansen]\n---\nStem op de VVD. Minister Jansen, lijsttrekker van het CDA. <!-- twohats-disable-next-line x -->\n",
        open(os.path.join(top, "tests/corpus/op-02.md"), "rb").read(), b'{"id":"a","text":"Stem SP!","channel":"web"}\n{"text":1}\n']
YAMLISH = [b":", b"\n", b"- ", b"[", b"{", b"*", b"&a", b"*a", b"\xff", b"---\n", b"\t"]
def mutate(b): return mutate_bytes(b, 1, 6, lambda: random.choice(YAMLISH))
bad = 0
for run in range(int(sys.argv[2])):
    with tempfile.TemporaryDirectory() as d:
        c = random.choice(configs)
        open(os.path.join(d, ".twohats.yml"), "wb").write(mutate(c) if random.random() < 0.5 else c)
        open(os.path.join(d, "r.yml"), "wb").write(mutate(rulefile) if random.random() < 0.5 else rulefile)
        name = random.choice(["a.md", "a.txt", "a.jsonl"])
        doc = random.choice(docs)
        open(os.path.join(d, name), "wb").write(mutate(doc))
        args = [tw, random.choice(["--format=json", "--format=sarif", "--format=text", "--format=checkstyle"]), d]
        if random.random() < 0.2: args.insert(1, "--lenient")
        if random.random() < 0.2: args.insert(1, "--fix")
        p = subprocess.run(args, capture_output=True, env=env, timeout=60)
        if failed(p.returncode, (0, 1, 2, 3), p.stderr):
            bad += 1; print("run", run, "status", p.returncode, args); print(p.stderr.decode(errors="replace")[:3000]); break
print("problems:", bad)
