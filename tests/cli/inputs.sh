# SPDX-License-Identifier: EUPL-1.2
# inputs.sh: files, folders, standard input and JSON Lines.
. "$srcdir/tests/cli/lib.sh"
plan 13

run_stdin "19.00 uur: opname campagnevideo in de ministerskamer." --format line -
is "$out" "<stdin>:1:19: warning: campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "standard input"

run_stdin "Campagnevideo opnemen in de ministerskamer." --format line --stdin-filename agenda/item.md -
has "$out" "agenda/item.md:1:1: warning:" "--stdin-filename names standard input in reports"

mkdir -p "$work/cfgdir/sub"
printf 'metadata:\n  - files: "*.md"\n    location: Catshuis\n    event: campaign\n' >"$work/cfgdir/.twohats.yml"
run_stdin "Overleg." --format line --stdin-filename "$work/cfgdir/sub/x.md" -
is "$out" "$work/cfgdir/sub/x.md:1:1: warning: campaign event at government premise \"Catshuis\" (metadata location and event): ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "--stdin-filename finds the configuration"

run_stdin '{"id": "a1", "text": "Opname campagnevideo in de ministerskamer.", "channel": "agenda"}
{"text": "Overleg met het campagneteam.", "meta": {"location": "Catshuis", "event": "campaign"}}
{"text": "Niets aan de hand."}' --format line --stdin-filename posts.jsonl -
is "$out" "posts.jsonl:a1:1:8: warning: campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]
posts.jsonl:2:1:1: warning: campaign event at government premise \"Catshuis\" (metadata location and event): ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "JSON Lines: one document per record, named by id or line"

run_stdin '{"text": "a"}
not json' --stdin-filename posts.jsonl -
is "$status" 2 "a broken JSON Lines record: status 2"
is "$err" "twohats: posts.jsonl:2:3: invalid JSON Lines record: '[' or '{' expected near 'not'" "a broken record is named by line and column"

mkdir -p "$work/tree/speeches" "$work/tree/.git"
echo "Opname campagnevideo in de ministerskamer." >"$work/tree/speeches/a.md"
echo "Opname campagnevideo in de ministerskamer." >"$work/tree/notes.txt"
echo "Opname campagnevideo in de ministerskamer." >"$work/tree/data.csv"
echo "Opname campagnevideo in de ministerskamer." >"$work/tree/.git/x.md"
run --format line "$work/tree"
is "$(printf '%s\n' "$out" | cut -d: -f1)" "$work/tree/notes.txt
$work/tree/speeches/a.md" "a folder: recursive, sorted, by extension, hidden entries skipped"

printf 'extensions: [csv]\n' >"$work/tree/.twohats.yml"
run --format line "$work/tree"
is "$(printf '%s\n' "$out" | cut -d: -f1)" "$work/tree/data.csv" "configured extensions"
run --format line "$work/tree/notes.txt"
is "$status" 1 "a file named on the command line is read whatever its extension"

printf 'Een `campagnevideo in de ministerskamer` en\n\n    opname campagnevideo in de ministerskamer\n' >"$work/code.md"
run --format line "$work/code.md"
is "$out" "" "code in Markdown is not prose"
cp "$work/code.md" "$work/code.txt"
run --format line "$work/code.txt"
is "$status" 1 "the same text as .txt is all prose"

printf '\357\273\277Opname campagnevideo in de ministerskamer.\r\n' >"$work/bom.md"
run --format line "$work/bom.md"
is "$out" "$work/bom.md:1:8: warning: campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "byte-order mark and CRLF keep the columns"

run_stdin "" --format line -
is "$status" 0 "empty standard input is clean"
