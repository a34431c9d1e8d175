# SPDX-License-Identifier: EUPL-1.2
# sarif.sh: SARIF 2.1.0 output validates against the official schema; checkstyle is
# well-formed XML with one <error> per finding.  Validation uses Debian's
# python3-jsonschema (draft-04) through /usr/bin/python3, not whatever python is first
# on the PATH.
. "$srcdir/tests/cli/lib.sh"
plan 8
py=/usr/bin/python3

write posts.md <<'MD'
---
channel: social
account: hybrid
party: D66
---
Café “De Zwaan” was vol. Op 29 oktober stem ik D66.
MD
run --format sarif "$work/posts.md" "$srcdir/tests/cases/dev.jsonl"
is "$status" 1 "sarif: findings give status 1"
printf '%s\n' "$out" >"$work/out.sarif"
check=$("$py" -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.Draft4Validator.check_schema(schema)
jsonschema.validate(doc, schema, cls=jsonschema.Draft4Validator)
run = doc["runs"][0]
print(len(run["results"]), len(run["tool"]["driver"]["rules"]))
' "$srcdir/tests/data/sarif/sarif-schema-2.1.0.json" "$work/out.sarif" 2>&1)
is "$check" "26 19" "sarif: valid against the SARIF 2.1.0 schema, 26 results and every rule"
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
has "$out" '"uri": "'"$srcdir"'/tests/cases/dev.jsonl%3App-01"' "sarif: a JSON Lines record is a percent-encoded URI"

run --format checkstyle "$work/posts.md" "$srcdir/tests/cases/dev.jsonl"
check=$(printf '%s\n' "$out" | "$py" -c '
import sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
print(root.tag, len(root.findall("file")), len(root.findall("file/error")))
' 2>&1)
is "$check" "checkstyle 23 26" "checkstyle: well-formed, one <file> per document with findings"
has "$out" '<error line="6" column="26" severity="error" message="party-political content on a hybrid account without #D66: mark party content with the party&apos;s hashtag (SOCIAL-2021)" source="twohats.social-media/hybrid-untagged"/>' "checkstyle: line, column, severity, escaped message, source"
