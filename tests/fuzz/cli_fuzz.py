# SPDX-License-Identifier: EUPL-1.2
"""cli_fuzz.py SEED RUNS [--no-size | --size-only]: the command line of a build of twohats
(TWOHATS_BUILD, default the current folder; an ASan+UBSan build finds the most) on
  - size-driven cases, each once: megabyte documents and long lines, 100,000 JSON Lines
    records, [[[...]]] and - - - ... 100,000 deep and billion-laughs aliases in front
    matter, configuration, rule files and case files, patterns that backtrack or match
    everywhere, many suppressions;
  - then RUNS folders of mutated configurations, rule files and documents.
Every run has a bound (5 s and 100 MB peak memory; four times that for a sanitizer build;
TWOHATS_FUZZ_MAX_SECONDS and TWOHATS_FUZZ_MAX_MB change it).  A run that goes beyond it,
exits outside 0-3 or draws a sanitizer report is a problem: printed, and its folder kept
under $TMPDIR/twohats-fuzz/crashes/ with a reproduce.sh.  Exit status 1 when there was
one.  A tool, not a test."""
import sys
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import os, random, sys, tempfile
from fuzzenv import (top, tw, mutate as mutate_bytes, run_bounded, problem, save_crash, report, prose,
                     billion_laughs, wide_aliases, deep_flow, deep_block, max_seconds, max_mb)
random.seed(int(sys.argv[1]))
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
ALLOWED = (0, 1, 2, 3)
MB = 1 << 20

RULE = b"""rules:
  - id: fz/rule
    kind: existence
    message: a pattern of the fuzzer
    patterns: ['%s']
    examples: {flag: ['%s'], pass: ['.']}
"""
def rule_file(pattern, flag):
    return RULE % (pattern.encode(), flag.encode())

def size_cases():
    """name -> (files, arguments after the program): each a folder linted or tested."""
    cfg_rules = b"rule-files: [r.yml]\n"
    doc = b"De minister opent een loket.\n"
    fm = lambda yaml: b"---\n" + yaml.encode() + b"\n---\nDe minister opent een loket.\n"
    # 100,000 records, one in a hundred a vote call: the reader and the reporter at scale.
    # (Each a vote call made it 100,000 party judgements, 6 s on one slow core: a cost that
    # is linear, not the blow-up the bound is there to catch.)
    many_records = b"".join(b'{"id": "r%d", "text": "%s", "channel": "web"}\n'
                            % (i, b"Stem op 17 maart op de VVD!" if i % 100 == 0
                               else b"Het kabinet vergadert vandaag.")
                            for i in range(100000))
    return {
        "doc-1mb": ({"a.md": prose(MB)}, ["--format=json", "."]),
        "doc-1mb-text-format": ({"a.md": prose(MB)}, ["--format=text", "."]),
        "long-line-1mb": ({"a.md": prose(MB, sep=" ")}, ["."]),
        "long-word-1mb": ({"a.txt": b"a" * MB}, ["."]),
        "jsonl-100k-records": ({"posts.jsonl": many_records}, ["--format=line", "."]),
        "jsonl-1mb-record": ({"posts.jsonl": b'{"text": "%s"}\n' % prose(MB, sep=" ")}, ["."]),
        "jsonl-deep": ({"posts.jsonl": b'{"text": "a", "x": %s}\n' % deep_flow().encode()}, ["."]),
        "frontmatter-deep-flow": ({"a.md": fm("x: " + deep_flow())}, ["."]),
        "frontmatter-deep-block": ({"a.md": fm("x:\n  " + deep_block())}, ["."]),
        "frontmatter-billion-laughs": ({"a.md": fm(billion_laughs() + "minister: *l9")}, ["."]),
        "frontmatter-wide-aliases": ({"a.md": fm("tags: " + wide_aliases())}, ["."]),
        "config-deep-flow": ({".twohats.yml": ("metadata: " + deep_flow()).encode(), "a.md": doc}, ["."]),
        "config-deep-block": ({".twohats.yml": ("metadata:\n  " + deep_block()).encode(), "a.md": doc}, ["."]),
        "config-billion-laughs": ({".twohats.yml": (billion_laughs() + "extensions: *l9\n").encode(), "a.md": doc}, ["."]),
        "config-wide-aliases": ({".twohats.yml": ("extensions: " + wide_aliases()).encode(), "a.md": doc}, ["."]),
        "config-wide-aliases-metadata": ({".twohats.yml": ("metadata:\n  - files: '*.md'\n    tags: %s\n"
                                                           % wide_aliases()).encode(), "a.md": doc}, ["."]),
        "rulefile-deep-flow": ({".twohats.yml": cfg_rules, "r.yml": ("rules: " + deep_flow()).encode(), "a.md": doc}, ["."]),
        "rulefile-deep-block": ({".twohats.yml": cfg_rules, "r.yml": ("rules:\n  " + deep_block()).encode(), "a.md": doc}, ["."]),
        "rulefile-billion-laughs": ({".twohats.yml": cfg_rules, "r.yml": (billion_laughs() + "rules: *l9\n").encode(), "a.md": doc}, ["."]),
        "rulefile-wide-aliases": ({".twohats.yml": cfg_rules, "a.md": doc, "r.yml": (
            "rules:\n  - id: fz/rule\n    kind: existence\n    message: m\n    terms: [loket]\n"
            "    examples:\n      flag: [loket]\n      pass: %s\n" % wide_aliases()).encode()}, ["."]),
        "pattern-backtracking": ({".twohats.yml": cfg_rules, "r.yml": rule_file(r"(\w+\s?)+$", "aaaa"),
                                  "a.md": (b"aaaa " * (MB // 5)) + b"!"}, ["."]),
        "pattern-lookahead-every-word": ({".twohats.yml": cfg_rules, "r.yml": rule_file(r"\b(?=(?:\w+\W+){0,50}zz)", "a zz"),
                                          "a.md": prose(MB)}, ["."]),
        "pattern-matches-everywhere": ({".twohats.yml": cfg_rules, "r.yml": rule_file(r"\w", "a"), "a.md": prose(MB)},
                                       ["--format=json", "."]),
        "many-suppressions": ({"a.md": b"---\nchannel: agenda\n---\n" + b"".join(
            b"<!-- twohats-disable-next-line office-premises/campaign-use -- reden %d -->\nOpname van de campagnevideo in de ministerskamer.\n\n" % i
            for i in range(20000))}, ["."]),
        "many-findings": ({"a.md": b"---\nchannel: press-release\n---\n" + b"Stem op 17 maart op de VVD!\n\n" * 20000},
                          ["--format=sarif", "."]),
        "markdown-deep-quote": ({"a.md": b"> " * 100000 + b"De minister.\n"}, ["."]),
        "markdown-deep-list": ({"a.md": b"- " * 100000 + b"De minister.\n"}, ["."]),
        "markdown-brackets": ({"a.md": b"[" * 100000 + b"a" + b"](x)" * 1000 + b"\n"}, ["."]),
        "markdown-emphasis": ({"a.md": b"*_" * 100000 + b"a\n"}, ["."]),
        "test-cases-billion-laughs": ({"cases.yml": (billion_laughs() + "cases:\n  - {id: a, text: t, expect: [], x: *l9}\n").encode()},
                                      ["test", "cases.yml"]),
        "test-cases-deep": ({"cases.yml": ("cases:\n  - {id: a, text: t, expect: [], x: %s}\n" % deep_flow()).encode()},
                            ["test", "cases.yml"]),
        "test-cases-100k": ({"cases.jsonl": b"".join(b'{"id": "c%d", "text": "Het kabinet vergadert.", "expect": []}\n' % i
                                                     for i in range(100000))}, ["test", "cases.jsonl"]),
    }

problems = []

def run_folder(kind, name, files, args):
    with tempfile.TemporaryDirectory() as d:
        for fname, data in files.items():
            with open(os.path.join(d, fname), "wb") as f: f.write(data)
        r = run_bounded([tw] + args, cwd=d)
    why = problem(r, ALLOWED)
    if kind == "size" or why:
        report(kind, name, r, why)
    if why:
        problems.append(name)
        save_crash("cli_fuzz", name, files, [tw] + args)
    return why

if "--size-only" in sys.argv or "--no-size" not in sys.argv:
    print("size-driven cases (bound %g s, %g MB):" % (max_seconds, max_mb))
    for name, (files, args) in size_cases().items():
        run_folder("size", name, files, args)
size_problems = list(problems)

configs = [b"rules:\n  office-premises/private-use: off\nplugins:\n  image-building:\n    options:\n      share: 40\nmetadata:\n  - files: '*.md'\n    channel: web\n",
           b"rule-files: [r.yml]\n", b"extensions: [md, txt]\n"]
rulefile = open(os.path.join(top, "examples/declarative/uk-election-guidance.yml"), "rb").read()
docs = [b"---\nchannel: press-release\ndate: 2021-03-01\nminister: [Jansen]\n---\nStem op de VVD. Minister Jansen, lijsttrekker van het CDA. <!-- twohats-disable-next-line x -->\n",
        open(os.path.join(top, "tests/corpus/op-02.md"), "rb").read(), b'{"id":"a","text":"Stem SP!","channel":"web"}\n{"text":1}\n']
YAMLISH = [b":", b"\n", b"- ", b"[", b"{", b"*", b"&a", b"*a", b"\xff", b"---\n", b"\t"]
def mutate(b): return mutate_bytes(b, 1, 6, lambda: random.choice(YAMLISH))

if "--size-only" not in sys.argv:
    for run in range(RUNS):
        if len(problems) - len(size_problems) >= 10:
            print("stopping after 10 problems in mutated runs"); break
        c = random.choice(configs)
        doc = random.choice(docs)
        files = {".twohats.yml": mutate(c) if random.random() < 0.5 else c,
                 "r.yml": mutate(rulefile) if random.random() < 0.5 else rulefile,
                 random.choice(["a.md", "a.txt", "a.jsonl"]): mutate(doc)}
        args = [random.choice(["--format=json", "--format=sarif", "--format=text", "--format=checkstyle"]), "."]
        if random.random() < 0.2: args.insert(0, "--lenient")
        if random.random() < 0.2: args.insert(0, "--fix")
        run_folder("run", "run-%d" % run, files, args)
    print("runs: %d mutated" % RUNS)
print("problems: %d%s" % (len(problems), "; size cases failing: " + ", ".join(size_problems) if size_problems else ""))
sys.exit(1 if problems else 0)
