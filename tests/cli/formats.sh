# SPDX-License-Identifier: EUPL-1.2
# formats.sh: the three output formats and the exit statuses they come with.
. "$srcdir/tests/cli/lib.sh"
plan 27

write agenda.md <<'MD'
---
channel: agenda
---
19.00 uur: opname campagnevideo in de ministerskamer.

20.00 uur: overleg met de burgemeesters.
MD

run --format line "$work/agenda.md"
is "$status" 1 "a warning fails at the default fail level"
is "$out" "$work/agenda.md:4:19: warning: campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "line format"
is "$err" "" "nothing on standard error"

run --format text "$work/agenda.md"
is "$out" "$work/agenda.md:4:19: warning: campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]
    4 | 19.00 uur: opname campagnevideo in de ministerskamer.
      |                   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

1 finding (0 errors, 1 warning, 0 info) in 1 document" "text format, no colour when not a terminal"

run --format json "$work/agenda.md"
is "$out" "{
  \"version\": 1,
  \"findings\": [
    {
      \"path\": \"$work/agenda.md\",
      \"line\": 4,
      \"column\": 19,
      \"end_line\": 4,
      \"end_column\": 53,
      \"offset\": 42,
      \"length\": 34,
      \"rule\": \"office-premises/campaign-use\",
      \"severity\": \"warning\",
      \"message\": \"campaign activity \\\"campagnevideo\\\" at government premise \\\"ministerskamer\\\": ministries are no campaign base (ANSWER-2021)\"
    }
  ]
}" "json format"

run --format json --fail-level error "$work/agenda.md"
is "$status" 0 "--fail-level error: a warning does not fail"

run --format line --min-severity error "$work/agenda.md"
is "$out" "" "--min-severity error hides the warning"
is "$status" 1 "a hidden warning still fails at the fail level"

write clean.md <<'MD'
De ministerraad kwam bijeen in de Treveszaal.
MD
run --format json "$work/clean.md"
is "$status" 0 "a clean document exits 0"
is "$out" '{
  "version": 1,
  "findings": []
}' "json format of a clean document"
run "$work/clean.md"
is "$out" "" "text format of a clean document is silent"

write private.md <<'MD'
Zaterdag viert de minister haar verjaardag in het Catshuis.
MD
run --format line "$work/private.md"
is "$status" 0 "an info finding does not fail at the default fail level"
has "$out" "info: private event \"verjaardag\"" "info findings are shown by default"
run --format line --fail-level info "$work/private.md"
is "$status" 1 "--fail-level info fails on info"

run --format xml "$work/clean.md"
is "$status" 2 "an unknown format is a usage error"
is "$err" "twohats: unknown format 'xml'; expected text, line, json, jsonl, sarif, checkstyle or codeclimate
Try 'twohats --help' for more information." "the usage error says what is expected"

# On a terminal (script(1) from bsdutils, which Debian always has), colour unless NO_COLOR.
script -qec "'$TWOHATS' '$work/agenda.md'" /dev/null >"$work/tty.out" </dev/null
has "$(cat "$work/tty.out")" "$(printf '\033[1;33mwarning:')" "colour on a terminal"
NO_COLOR=1 script -qec "'$TWOHATS' '$work/agenda.md'" /dev/null >"$work/tty.out" </dev/null
lacks "$(cat "$work/tty.out")" "$(printf '\033[')" "no colour on a terminal when NO_COLOR is set"
TERM=dumb script -qec "'$TWOHATS' '$work/agenda.md'" /dev/null >"$work/tty.out" </dev/null
lacks "$(cat "$work/tty.out")" "$(printf '\033[')" "no colour on a dumb terminal"
script -qec "'$TWOHATS' --color=never '$work/agenda.md'" /dev/null >"$work/tty.out" </dev/null
lacks "$(cat "$work/tty.out")" "$(printf '\033[')" "--color=never: none on a terminal"
run --color "$work/agenda.md"
has "$out" "$(printf '\033[1;33mwarning:')" "--color (always): colour into a pipe"
run --color=sometimes "$work/agenda.md"
is "$status: $err" "2: twohats: unknown --color 'sometimes'; expected auto, always or never
Try 'twohats --help' for more information." "--color with an unknown value is a usage error"

# Columns in bytes for Vim: "Café “De Zwaan”. " holds 5 bytes more than characters.
printf -- '---\nchannel: press-release\n---\nCafé “De Zwaan”. Stem op 17 maart op D66!\n' >"$work/bytes.md"
run --format line "$work/bytes.md"
has "$out" "$work/bytes.md:4:18: error:" "columns count characters by default"
run --format line --columns bytes "$work/bytes.md"
has "$out" "$work/bytes.md:4:23: error:" "--columns bytes counts bytes, as Vim does"

# The summary counts every document linted, not only those with findings.
printf 'Een gewone zin.\n' >"$work/clean2.md"
run "$work/agenda.md" "$work/clean2.md"
has "$out" "1 finding (0 errors, 1 warning, 0 info) in 2 documents" "the summary counts the documents linted"

# A finding with a fix: the hybrid-account tag is appended after the post.
printf -- '---\nchannel: social\naccount: hybrid\nparty: "D\x2766"\n---\nOp 29 oktober stem ik D66.\n' >"$work/post.md"
run --format json "$work/post.md"
has "$out" '"fix": {
        "offset": 80,
        "length": 0,
        "replacement": " #D66"
      }' "json format: a fix is {offset, length, replacement}"
has "$out" '"rule": "social-media/hybrid-untagged"' "the fix belongs to hybrid-untagged"
