# SPDX-License-Identifier: EUPL-1.2
# dutch.sh: in a Dutch locale, twohats speaks Dutch where people read it (help, findings,
# the summary, rule explanations, errors, the editor's hover) and keeps the words that
# tools parse (severities in JSON) in English.  Skipped where the locale nl_NL.UTF-8 is
# not generated; CI generates it.
. "$srcdir/tests/cli/lib.sh"
plan 10
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
	for i in 1 2 3 4 5 6 7 8 9 10; do echo "ok $i # SKIP the locale nl_NL.UTF-8 is not generated (localedef)"; done
	exit 0
fi
unset LANGUAGE LC_MESSAGES
export LC_ALL=nl_NL.UTF-8
post='Stem op 17 maart op D66!'

run --help
is "$(printf '%s\n' "$out" | head -1)" "Gebruik: twohats [OPTIES] PAD..." "--help in Dutch"

run_stdin "$post" --no-config --meta channel=press-release --stdin-filename p.md -
is "$out" 'p.md:1:1: fout: een oproep om te stemmen, lid te worden of geld te geven ("Stem op 17 maart op D66", D66) in overheidscommunicatie: overheidscommunicatie dient nooit een partijbelang (UO-2017); signalen: een oproep om op een partij te stemmen, er lid van te worden of eraan te geven [party-politics/vote-call]
    1 | Stem op 17 maart op D66!
      | ^~~~~~~~~~~~~~~~~~~~~~~~

1 bevinding (1 fout, 0 waarschuwingen, 0 info) in 1 document' "a finding, its severity and the summary in Dutch; the rule id stays"
is "$status" 1 "... with the same exit status"

run_stdin "$post" --no-config --meta channel=press-release --stdin-filename p.md --format json -
is "$(printf '%s' "$out" | python3 -c 'import json, sys; f = json.load(sys.stdin)["findings"][0]; print(f["severity"], f["message"][:24])')" \
	"error een oproep om te stemmen" "JSON: the message in Dutch, the severity in English for the tools that read it"

run --explain party-politics/vote-call
has "$out" "Meldt:  Minister Jansen: stem op 17 maart op de VVD." "--explain in Dutch"

run --list-rules
is "$(printf '%s\n' "$out" | sed -n 1p | tr -s ' ')" "REGEL ERNST PLUG-IN SAMENVATTING" "--list-rules: the header in Dutch"
has "$out" "core/unjustified-suppression               waarschuwing  core" "... and the severities, the column as wide as the longest"

run "$work/missing.md"
is "$err" "twohats: $work/missing.md: kan niet lezen: Bestand of map bestaat niet" "an error in Dutch, with the system's own words"

# The language server: a hover over a finding, as an editor asks for it.
printf -- '---\nchannel: press-release\n---\n%s\n' "$post" >"$work/p.md"
hover=$(python3 "$srcdir/tests/cli/lsp_client.py" "$TWOHATS" "$work/p.md" 3 3 | grep '^hover')
is "$hover" "hover: **party-politics/vote-call** (fout)" "the language server's hover in Dutch"
export LC_ALL=C.UTF-8
run_stdin "$post" --no-config --meta channel=press-release --stdin-filename p.md --format line -
has "$out" "p.md:1:1: error: a call to vote, join or give" "in another locale, English as before"
exit $((failures > 0))
