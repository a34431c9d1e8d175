# SPDX-License-Identifier: EUPL-1.2
# sarif.sh: SARIF 2.1.0 output validates against the official schema, locates every
# finding in a file relative to --sarif-base (never by an absolute path) and gives it
# fingerprints that stay across runs and moved lines; checkstyle is well-formed XML with
# one <error> per finding.  Validation uses Debian's python3-jsonschema (draft-04)
# through /usr/bin/python3, not whatever python is first on the PATH.
. "$srcdir/tests/cli/lib.sh"
plan 24
py=/usr/bin/python3
top=$(cd "$srcdir" && pwd)
start=$PWD
schema="$top/tests/data/sarif/sarif-schema-2.1.0.json"

# sarif CODE: Python CODE on the SARIF in $out, with `run` its run, `results` its
# results and `loc(r)` a result's physical location.
sarif() {
	code=$1
	shift
	printf '%s\n' "$out" | "$py" -c "
import json, sys
run = json.load(sys.stdin)['runs'][0]
results = run['results']
def loc(r):
    return r['locations'][0]['physicalLocation']
$code" "$@" 2>&1
}

# One line a result: rule, uri, base, start line ('-': none), record or page ('-').
places() {
	sarif '
for r in results:
    p = loc(r)
    names = r["locations"][0].get("logicalLocations", [{}])
    print(r["ruleId"], p["artifactLocation"]["uri"], p["artifactLocation"]["uriBaseId"],
          p.get("region", {}).get("startLine", "-"), names[0].get("fullyQualifiedName", "-"))'
}

# The fingerprints, one a line.
hashes() {
	sarif 'print("\n".join(r["partialFingerprints"]["twohatsFindingHash/v1"] for r in results))'
}

valid() {
	printf '%s\n' "$out" >"$work/out.sarif"
	"$py" -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft4Validator)
print("valid")
' "$schema" "$work/out.sarif" 2>&1
}

write posts.md <<'MD'
---
channel: social
account: hybrid
party: D66
---
Café “De Zwaan” was vol. Op 29 oktober stem ik D66.
MD
run --format sarif --sarif-base "$top" "$work/posts.md" "$top/tests/cases/dev.jsonl"
is "$status" 1 "sarif: findings give status 1"
is "$(valid) $(sarif 'print(len(results), len(run["tool"]["driver"]["rules"]))')" "valid 26 19" \
	"sarif: valid against the SARIF 2.1.0 schema, 26 results and every rule"
has "$out" '"ruleId": "social-media/hybrid-untagged"' "sarif: the result names its rule"
has "$out" '"region": {
                  "startLine": 6,
                  "startColumn": 26,
                  "endLine": 6,
                  "endColumn": 52,
                  "charOffset": 76,
                  "charLength": 26,
                  "byteOffset": 81,
                  "byteLength": 26
                }' "sarif: region in lines, code-point columns, character and byte offsets"
has "$out" '"insertedContent": {
                        "text": " #D66"
                      }' "sarif: the fix as a replacement"
is "$(places | grep dev.jsonl | head -n 2)" \
	"party-politics/vote-call tests/cases/dev.jsonl SRCROOT 1 tests/cases/dev.jsonl:pp-01
party-politics/passage tests/cases/dev.jsonl SRCROOT 5 tests/cases/dev.jsonl:pp-05" \
	"sarif: a JSON Lines record is its file at the record's line, its id a logical location"

# A project: a declarative rule file, Markdown, JSON Lines, a PDF, a name to encode, and
# beside it a file outside the base folder.
mkdir -p "$work/repo/docs" "$work/repo/rules"
cp "$top/tests/data/documents/persbericht.pdf" "$work/repo/"
cp "$work/posts.md" "$work/repo/docs/posts.md"
printf 'rule-files: [rules/local.yml]\n' >"$work/repo/.twohats.yml"
cat >"$work/repo/rules/local.yml" <<'YML'
rules:
  - id: local/new-scheme
    kind: existence
    message: a new scheme is announced
    source: Guidance, section D (https://example.org/guidance#d).
    terms: [new scheme]
    examples:
      flag: ["A new scheme starts."]
      pass: ["An old scheme ends."]
YML
vote='Stem op de VVD nu.'
printf -- '---\nchannel: web\n---\n%s\n\n%s\n' "$vote" "$vote" >"$work/repo/docs/twice.md"
printf -- '---\nchannel: web\n---\nA new scheme starts.\n' >"$work/repo/my notes:1.md"
printf -- '---\nchannel: web\n---\n%s\n' "$vote" >"$work/outside.md"
printf '{"id": "post-1", "text": "Het kabinet bouwt woningen.", "channel": "web"}\n\n{"id": "post-3", "text": "%s", "channel": "web"}\n' "$vote" >"$work/repo/feed.jsonl"

# Absolute paths, the working folder the base; one file cannot be read.
r=$work/repo
run_in "$r" --format sarif "$r/docs/posts.md" "$r/docs/twice.md" "$r/feed.jsonl" \
	"$r/persbericht.pdf" "$r/my notes:1.md" "$work/outside.md" "$r/missing.md"
is "$status $(valid)" "2 valid" "absolute paths: valid SARIF; a file that cannot be read gives status 2"
is "$(places)" "social-media/hybrid-untagged docs/posts.md SRCROOT 6 -
party-politics/vote-call docs/twice.md SRCROOT 4 -
party-politics/vote-call docs/twice.md SRCROOT 6 -
party-politics/vote-call feed.jsonl SRCROOT 3 feed.jsonl:post-3
office-premises/campaign-use persbericht.pdf SRCROOT - persbericht.pdf:1
local/new-scheme my%20notes%3A1.md SRCROOT 4 -
party-politics/vote-call ../outside.md SRCROOT 4 -" \
	"absolute paths: each a URI relative to the base, percent-encoded; a record at its line; a PDF the file, no region"
is "$(sarif '
n = run["invocations"][0]["toolExecutionNotifications"][0]
print(json.dumps(n["locations"]), json.dumps(run["originalUriBaseIds"]))')" \
	'[{"physicalLocation": {"artifactLocation": {"uri": "missing.md", "uriBaseId": "SRCROOT"}}}] {"SRCROOT": {"description": {"text": "The folder given with --sarif-base (by default the working folder), where twohats ran; its absolute path is left out of the report."}}}' \
	"the unreadable file relative too; SRCROOT is described, its absolute URI left out"
is "$(sarif '
def strings(v):
    if isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, str):
        yield v
work = sys.argv[1:]
bad = [s for s in strings(run) if s.startswith(("/", "file:")) or any(w in s for w in work)]
print(len(list(strings(run))) > 100, bad)' "$work" "$(cd "$work" && pwd -P)")" "True []" \
	"no string in the output starts with / or file:, nor holds the test folder (rules' help included)"
sarif 'print("\n".join(r["partialFingerprints"]["twohatsFindingHash/v1"] for r in results[:4] + results[-1:]))' >"$work/absolute.fp"
is "$(cat "$work/absolute.fp")" "54285e7d8061c359
4b84b9d6be5d14f0
4b84bad6be5d16a3
e201b3f0a25e28c9
61de12231aea6c84" "fingerprints: these values, and two equal findings in one file differ"
is "$(sarif '
r = results[4]
print(r["partialFingerprints"], "region" in loc(r), "fixes" in r)')" \
	"{'twohatsFindingHash/v1': '8abbd6705ce24d0e', 'primaryLocationLineHash': '8abbd6705ce24d0e'} False False" \
	"a PDF finding: the file as a whole, our hash also as GitHub's line hash (its upload computes none without a region)"
is "$(sarif 'print(["fixes" in r for r in results[:4]])')" "[True, False, False, False]" \
	"a fix only where the text is the file's (not in a JSON Lines record)"
first=$out
run_in "$r" --format sarif "$r/docs/posts.md" "$r/docs/twice.md" "$r/feed.jsonl" \
	"$r/persbericht.pdf" "$r/my notes:1.md" "$work/outside.md" "$r/missing.md"
is "$out" "$first" "a second run: the same output, byte for byte"

# The rules: a name, descriptions, help in text and Markdown, and helpUri where the rule
# names one (a declarative rule's source).
is "$(sarif '
rules = run["tool"]["driver"]["rules"]
print(sum(not (r.get("name") and r["shortDescription"]["text"] and r["fullDescription"]["text"]
               and r["help"]["text"] and r["help"]["markdown"]) for r in rules),
      [r["id"] for r in rules if "helpUri" in r])
r = [r for r in rules if r["id"] == "local/new-scheme"][0]
md = r["help"]["markdown"].split("\n\n")
print(r["name"], "|", r["shortDescription"]["text"], "|", r["fullDescription"]["text"], "|",
      r["helpUri"])
print(md[1])
print(md[-1])
r = [r for r in rules if r["id"] == "social-media/hybrid-untagged"][0]
print(r["name"], r["defaultConfiguration"]["level"], r["properties"]["tags"])')" \
	'0 ['"'"'local/new-scheme'"'"']
LocalNewScheme | a new scheme is announced | a new scheme is announced | https://example.org/guidance#d
Source: Guidance, section D (https://example.org/guidance\#d).
    Suppress with a reason:
      <!-- twohats-disable-next-line local/new-scheme -- reason -->
SocialMediaHybridUntagged error ['"'"'social-media'"'"']' \
	"rules: name, descriptions, help (Markdown keeps the directive as code), helpUri only where there is one"

# ./ and ../ forms, --sarif-base relative: the same URIs and the same fingerprints.
run_in "$r/docs" --format sarif --sarif-base .. ./posts.md ./twice.md ../feed.jsonl ../../outside.md
is "$(places)" "social-media/hybrid-untagged docs/posts.md SRCROOT 6 -
party-politics/vote-call docs/twice.md SRCROOT 4 -
party-politics/vote-call docs/twice.md SRCROOT 6 -
party-politics/vote-call feed.jsonl SRCROOT 3 feed.jsonl:post-3
party-politics/vote-call ../outside.md SRCROOT 4 -" "./ and ../ paths: relative to --sarif-base .."
is "$(hashes)" "$(cat "$work/absolute.fp")" "... with the fingerprints of the absolute paths"

# --sarif-base absolute, the working folder elsewhere.
run_in "$work" --format sarif --sarif-base "$r/docs" repo/docs/posts.md repo/feed.jsonl
is "$(places)" "social-media/hybrid-untagged posts.md SRCROOT 6 -
party-politics/vote-call ../feed.jsonl SRCROOT 3 ../feed.jsonl:post-3" "--sarif-base DIR: relative to DIR, wherever twohats runs"

# Lines added above the findings: the lines move, the fingerprints stay.
run_in "$r" --format sarif docs/posts.md feed.jsonl
hashes >"$work/before.fp"
printf -- '---\nchannel: social\naccount: hybrid\nparty: D66\n---\nEen regel.\n\nNog een.\n' >"$work/head.md"
sed 1,5d "$r/docs/posts.md" >>"$work/head.md"
mv "$work/head.md" "$r/docs/posts.md"
{ printf '{"id": "post-0", "text": "Een nieuwe regel.", "channel": "web"}\n'; cat "$r/feed.jsonl"; } >"$work/feed.jsonl"
mv "$work/feed.jsonl" "$r/feed.jsonl"
run_in "$r" --format sarif docs/posts.md feed.jsonl
is "$(places)" "social-media/hybrid-untagged docs/posts.md SRCROOT 9 -
party-politics/vote-call feed.jsonl SRCROOT 4 feed.jsonl:post-3" "lines added above: the findings move down"
is "$(hashes)" "$(cat "$work/before.fp")" "... and keep their fingerprints"

# A record without an id is named by its line, which moves: its text stands for it.
printf '{"text": "%s", "channel": "web"}\n' "$vote" >"$r/noid.jsonl"
run_in "$r" --format sarif noid.jsonl
hashes >"$work/noid.fp"
{ printf '\n\n'; cat "$r/noid.jsonl"; } >"$work/noid.jsonl"
mv "$work/noid.jsonl" "$r/noid.jsonl"
run_in "$r" --format sarif noid.jsonl
is "$(places) $(hashes)" "party-politics/vote-call noid.jsonl SRCROOT 3 noid.jsonl:3 $(cat "$work/noid.fp")" \
	"a record without an id: at its new line, with its fingerprint"

# Standard input with --stdin-filename: relative to the base like a file.
cd "$r" || exit 1
run_stdin "$(printf -- '---\nchannel: web\n---\n%s\n' "$vote")" --format sarif --stdin-filename docs/in.md -
cd "$start" || exit 1
is "$(places)" "party-politics/vote-call docs/in.md SRCROOT 4 -" "standard input: the --stdin-filename, relative"

run --format checkstyle "$work/posts.md" "$top/tests/cases/dev.jsonl"
check=$(printf '%s\n' "$out" | "$py" -c '
import sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
print(root.tag, len(root.findall("file")), len(root.findall("file/error")))
' 2>&1)
is "$check" "checkstyle 23 26" "checkstyle: well-formed, one <file> per document with findings"
has "$out" '<error line="6" column="26" severity="error" message="party-political content on a hybrid account without #D66: mark party content with the party&apos;s hashtag (SOCIAL-2021)" source="twohats.social-media/hybrid-untagged"/>' "checkstyle: line, column, severity, escaped message, source"
