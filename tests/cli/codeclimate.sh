# SPDX-License-Identifier: EUPL-1.2
# codeclimate.sh: --format codeclimate gives what GitLab's Code Quality report reads
# (description, check_name, fingerprint, severity info/minor/major/critical/blocker,
# location.path relative, location.lines.begin an integer), paths relative to
# --sarif-base whatever form they were given in, JSON Lines records at their line, and
# fingerprints unique in a report and stable across runs and moved lines.
. "$srcdir/tests/cli/lib.sh"
plan 13
py=/usr/bin/python3
top=$(cd "$srcdir" && pwd)

# The fields GitLab documents for a custom Code Quality tool, checked on every issue;
# prints how many issues, and the problems found.
gitlab() {
	printf '%s\n' "$out" | "$py" -c '
import json, sys
issues = json.load(sys.stdin)
problems = []
for i, x in enumerate(issues):
    def need(ok, what):
        if not ok:
            problems.append("%d: %s" % (i, what))
    for key in ("description", "check_name", "fingerprint"):
        need(isinstance(x.get(key), str) and x[key], key)
    need(x.get("severity") in ("info", "minor", "major", "critical", "blocker"), "severity")
    path = x.get("location", {}).get("path")
    need(isinstance(path, str) and path and not path.startswith(("/", "file:")), "path")
    begin = x.get("location", {}).get("lines", {}).get("begin")
    need(type(begin) is int and begin >= 1, "lines.begin")
    need(x.get("type") == "issue", "type")
fingerprints = [x.get("fingerprint") for x in issues]
if len(set(fingerprints)) != len(fingerprints):
    problems.append("fingerprints not unique")
print(len(issues), problems)
' 2>&1
}

# One line an issue: check, path, line, fingerprint.
issues() {
	printf '%s\n' "$out" | "$py" -c '
import json, sys
for x in json.load(sys.stdin):
    print(x["check_name"], x["location"]["path"], x["location"]["lines"]["begin"], x["fingerprint"])
' 2>&1
}

r=$work/repo
mkdir -p "$r/docs"
cp "$top/tests/data/documents/persbericht.pdf" "$r/"
vote='Stem op de VVD nu.'
printf -- '---\nchannel: web\n---\n%s\n\n%s\n' "$vote" "$vote" >"$r/docs/twice.md"
printf -- '---\nchannel: social\naccount: hybrid\nparty: D66\n---\nOp 29 oktober stem ik D66.\n' >"$r/docs/post.md"
printf '{"id": "post-1", "text": "Het kabinet bouwt woningen.", "channel": "web"}\n\n{"id": "post-3", "text": "%s", "channel": "web"}\n' "$vote" >"$r/feed.jsonl"
printf -- '---\nchannel: web\n---\n%s\n' "$vote" >"$work/outside.md"

run_in "$r" --format codeclimate docs/twice.md
is "$status" 1 "findings give status 1"
is "$out" '[
  {
    "type": "issue",
    "check_name": "party-politics/vote-call",
    "description": "a call to vote, join or give (\"Stem op de VVD\", VVD) in government-voiced text: government communication never serves a party interest (UO-2017); cues: a call to vote, join or give for a party",
    "categories": [
      "Style"
    ],
    "severity": "major",
    "fingerprint": "4b84b9d6be5d14f0",
    "location": {
      "path": "docs/twice.md",
      "lines": {
        "begin": 4
      }
    }
  },
  {
    "type": "issue",
    "check_name": "party-politics/vote-call",
    "description": "a call to vote, join or give (\"Stem op de VVD\", VVD) in government-voiced text: government communication never serves a party interest (UO-2017); cues: a call to vote, join or give for a party",
    "categories": [
      "Style"
    ],
    "severity": "major",
    "fingerprint": "4b84bad6be5d16a3",
    "location": {
      "path": "docs/twice.md",
      "lines": {
        "begin": 6
      }
    }
  }
]' "the exact report for one file: two equal findings, two fingerprints"

# Absolute paths, a file outside the base, a record, a PDF, one file that cannot be read.
run_in "$r" --format codeclimate "$r/docs/post.md" "$r/docs/twice.md" "$r/feed.jsonl" \
	"$r/persbericht.pdf" "$work/outside.md" "$r/missing.md"
is "$status" 2 "a file that cannot be read gives status 2"
is "$(gitlab)" "6 []" "every issue has the fields GitLab reads, with their types; fingerprints unique"
is "$(issues)" "social-media/hybrid-untagged docs/post.md 6 2b6fdeebb59c92da
party-politics/vote-call docs/twice.md 4 4b84b9d6be5d14f0
party-politics/vote-call docs/twice.md 6 4b84bad6be5d16a3
party-politics/vote-call feed.jsonl 3 e201b3f0a25e28c9
office-premises/campaign-use persbericht.pdf 1 8abbd6705ce24d0e
party-politics/vote-call ../outside.md 4 61de12231aea6c84" \
	"absolute paths relative to the base; a record at its line; a PDF at line 1"
is "$(printf '%s' "$out" | "$py" -c 'import json, sys; print(sorted({x["severity"] for x in json.load(sys.stdin)}))')" \
	"['major', 'minor']" "severities: an error is major, a warning minor"
case $out in *"$work"* | *"$(cd "$work" && pwd -P)"*) abs=yes ;; *) abs=no ;; esac
is "$abs" no "no absolute path in the report"
issues >"$work/absolute.txt"
run_in "$r" --format codeclimate "$r/docs/post.md" "$r/docs/twice.md" "$r/feed.jsonl" \
	"$r/persbericht.pdf" "$work/outside.md" "$r/missing.md"
is "$(issues)" "$(cat "$work/absolute.txt")" "a second run: the same fingerprints"

# ./ and ../ forms and --sarif-base: the same paths and fingerprints.
run_in "$r/docs" --format codeclimate --sarif-base .. ./post.md ./twice.md ../feed.jsonl \
	../persbericht.pdf ../../outside.md
is "$(issues)" "$(cat "$work/absolute.txt")" "./ and ../ paths with --sarif-base ..: the same paths and fingerprints"
run_in "$work" --format codeclimate --sarif-base "$r/docs" repo/docs/post.md repo/feed.jsonl
is "$(issues | cut -d' ' -f1-3)" "social-media/hybrid-untagged post.md 6
party-politics/vote-call ../feed.jsonl 3" "--sarif-base DIR: relative to DIR, wherever twohats runs"

# The fingerprint is SARIF's.
run_in "$r" --format codeclimate docs/post.md feed.jsonl
cc=$(issues | cut -d' ' -f4)
run_in "$r" --format sarif docs/post.md feed.jsonl
is "$(printf '%s' "$out" | "$py" -c '
import json, sys
for r in json.load(sys.stdin)["runs"][0]["results"]:
    print(r["partialFingerprints"]["twohatsFindingHash/v1"])')" "$cc" "the fingerprints are SARIF's"

# Lines added above: the lines move, the fingerprints stay.
printf -- '---\nchannel: social\naccount: hybrid\nparty: D66\n---\nEen regel.\n\nNog een.\nOp 29 oktober stem ik D66.\n' >"$r/docs/post.md"
{ printf '{"id": "post-0", "text": "Een nieuwe regel.", "channel": "web"}\n'; cat "$r/feed.jsonl"; } >"$work/feed.jsonl"
mv "$work/feed.jsonl" "$r/feed.jsonl"
run_in "$r" --format codeclimate docs/post.md feed.jsonl
is "$(issues)" "social-media/hybrid-untagged docs/post.md 9 2b6fdeebb59c92da
party-politics/vote-call feed.jsonl 4 e201b3f0a25e28c9" "lines added above: the issues move down, their fingerprints stay"

# Equal findings in records and pages apart are apart.
printf '{"id": "a", "text": "%s", "channel": "web"}\n{"id": "b", "text": "%s", "channel": "web"}\n' "$vote" "$vote" >"$r/two.jsonl"
run_in "$r" --format codeclimate two.jsonl
is "$(gitlab) $(issues | cut -d' ' -f2-3 | tr '\n' ' ')" "2 [] two.jsonl 1 two.jsonl 2 " \
	"two records with the same finding: each at its line, fingerprints unique"
