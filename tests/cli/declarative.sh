# SPDX-License-Identifier: EUPL-1.2
# declarative.sh: rule files in YAML, and the safety of linting a folder one does not trust.
. "$srcdir/tests/cli/lib.sh"
plan 18
ex="$srcdir/examples/declarative"

run test "$ex/uk-election-guidance.yml"
is "$status" 0 "twohats test runs a rule file's examples"
has "$out" "8 passed, 0 failed" "... every example of every kind"

# when: date applies a rule only in the days up to an election of the calendar.
cat >"$work/dated.yml" <<'YML'
rules:
  - id: x/dated
    kind: existence
    message: a new scheme this close to an election
    when:
      date: {before-election: 42, type: europees-parlement, type: tweede-kamer}
    terms: [new scheme]
    examples:
      flag:
        - {text: A new scheme starts., meta: {date: 2021-03-01}}
      pass:
        - {text: A new scheme starts., meta: {date: 2021-01-01}}
        - {text: A new scheme starts., meta: {date: 2021-03-18}}
YML
run test "$work/dated.yml"
is "$status" 0 "when: date flags inside the window before a tweede-kamer election, not before or after it"
sed 's/type: tweede-kamer}/type: tweedekamer}/' "$work/dated.yml" >"$work/typo.yml"
run test "$work/typo.yml"
is "$err" "twohats: $work/typo.yml:6:61: rule 'x/dated': 'when: date': expected before-election (days, at least 1) and optionally type (tweede-kamer, eerste-kamer, gemeenteraad, provinciale-staten, waterschappen or europees-parlement)" "an unknown election type is refused with its place"
sed 's/^      date: .*/&\n      channel: [web, {a: b}]/' "$work/dated.yml" >"$work/shape.yml"
run test "$work/shape.yml"
is "$err" "twohats: $work/shape.yml:7:22: rule 'x/dated': expected a text" "a condition's list holding something other than text is refused at that item"
is "$out" "" "... and no empty table is printed"

mkdir -p "$work/d"
cp "$ex/uk-election-guidance.yml" "$work/d/"
printf 'rule-files: [uk-election-guidance.yml]\n' >"$work/d/.twohats.yml"
printf 'Our government launches new support. No campaign event takes place in the department.\n' >"$work/d/a.md"
run --format line --meta channel=web "$work/d/a.md"
is "$out" "$work/d/a.md:1:1: info: use the neutral wording of the civil service (\"Our government\" -> \"the government\") [uk/campaign-wording]
$work/d/a.md:1:16: warning: new government initiatives are not announced during the election period [uk/new-initiative]" "a configuration's rule files apply to its folder, with fixes"
run --list-rules
lacks "$out" "uk/new-initiative" "... and only there"
(cd "$work/d" && "$TWOHATS" --explain uk/candidate-in-department) >"$work/explain.txt"
has "$(cat "$work/explain.txt")" "Source: Cabinet Office, General Election Guidance 2024, section C" "--explain shows a declarative rule with its source"

sed 's/The candidate visits a school./The candidate films a campaign event in the ministry./' "$ex/uk-election-guidance.yml" >"$work/d/uk-election-guidance.yml"
run "$work/d/a.md"
is "$status" 2 "a rule file whose example fails is refused"
line=$(grep -n 'The candidate films' "$work/d/uk-election-guidance.yml" | cut -d: -f1)
is "$err" "twohats: $work/d/uk-election-guidance.yml:$line: rule 'uk/candidate-in-department' refused: its example \"The candidate films a campaign event in the ministry.\" must pass but gives a finding" "... with the rule id, the file, the line and the reason"

printf 'rules:\n  - id: x/bad\n    kind: existence\n    message: m\n    patterns: ["(unclosed"]\n    examples: {flag: [a], pass: [b]}\n' >"$work/d/uk-election-guidance.yml"
run "$work/d/a.md"
is "$err" "twohats: $work/d/uk-election-guidance.yml:5:15: rule 'x/bad': pattern '(unclosed' does not compile at offset 9: missing closing parenthesis" "a pattern that does not compile is refused with its place"

printf 'rules:\n  - id: x/slow\n    kind: existence\n    message: slow\n    patterns: ["(a+)+$"]\n    examples: {flag: [aaa], pass: [b]}\n' >"$work/d/uk-election-guidance.yml"
{ printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n\n'; printf 'Vanavond opname campagnevideo in de ministerskamer.\n'; } >"$work/d/a.md"
printf 'rule-files: [uk-election-guidance.yml]\n' >"$work/d/.twohats.yml"
run --format line "$work/d/a.md"
is "$status" 3 "a pathological pattern ends at the match limit with status 3"
has "$err" "rule 'x/slow' stopped on $work/d/a.md: match limit exceeded" "... naming the rule"
has "$out" "office-premises/campaign-use" "... and the other rules still run"

printf 'rule-files: [../outside.yml]\n' >"$work/d/.twohats.yml"
cp "$ex/uk-election-guidance.yml" "$work/outside.yml"
run "$work/d/a.md"
is "$err" "twohats: $(cd "$work/d" && pwd -P)/.twohats.yml:1:14: rule file '../outside.yml' is outside the folder of this configuration; a configuration names only rule files inside its own folder" "a configuration cannot name a rule file outside its folder"

# A plugin lying in a linted folder is never loaded, whatever its configuration says.
mkdir -p "$work/untrusted"
cp "$builddir"/tests/fixtures/evil/.libs/evil.so "$work/untrusted/"
printf 'plugins:\n  evil: true\n' >"$work/untrusted/.twohats.yml"
echo "Tekst." >"$work/untrusted/a.md"
TWOHATS_EVIL_MARKER="$work/loaded" run "$work/untrusted/a.md"
is "$err" "twohats: $(cd "$work/untrusted" && pwd -P)/.twohats.yml:2:3: unknown plugin 'evil' (not found in the plugin path)" "a plugin named only in a .twohats.yml is not loaded"
printf 'plugin-dir: .\nplugins:\n  evil: true\n' >"$work/untrusted/.twohats.yml"
TWOHATS_EVIL_MARKER="$work/loaded" run "$work/untrusted/a.md"
is "$(test -e "$work/loaded" && echo loaded || echo "not loaded")" "not loaded" "no key of a .twohats.yml adds a plugin folder: the plugin never ran"
