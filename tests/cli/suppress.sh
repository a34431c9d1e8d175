# SPDX-License-Identifier: EUPL-1.2
# suppress.sh: suppression comments and their inventory.
. "$srcdir/tests/cli/lib.sh"
plan 8

write s.md <<'MD'
<!-- twohats-disable-next-line office-premises/campaign-use -- opname in eigen tijd, huur betaald -->
19.00 uur: opname campagnevideo in de ministerskamer.

<!-- twohats-disable office-premises -->
Campagneteam vergadert op het ministerie van Financiën.
<!-- twohats-enable office-premises -->

Ledenvergadering op het departement.
MD
run --format line "$work/s.md"
is "$out" "$work/s.md:4:1: warning: suppression without a reason: add one after ' -- ', e.g. <!-- twohats-disable-next-line RULE -- quoted from the Handelingen, agreed with legal affairs --> [core/unjustified-suppression]
$work/s.md:8:1: warning: campaign activity \"Ledenvergadering\" at government premise \"departement\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "suppressions apply; one without a reason is itself a finding"

run --list-suppressions "$work/s.md"
is "$out" "$work/s.md:1:1: twohats-disable-next-line office-premises/campaign-use -- opname in eigen tijd, huur betaald
$work/s.md:4:1: twohats-disable office-premises -- (no reason given)
$work/s.md:6:1: twohats-enable office-premises" "--list-suppressions prints the inventory"
is "$status" 0 "--list-suppressions exits 0"

printf '<!-- twohats-disable-next-line office-premises/campain-use -- typo -->\nTekst.\n' >"$work/t.md"
run --format line "$work/t.md"
is "$out" "$work/t.md:1:1: warning: 'office-premises/campain-use' is neither a rule nor a plugin; this suppression has no effect for it [core/invalid-suppression]" "a misspelt rule in a suppression"

# A template where the reason belongs (the editor's quick fix leaves one) is no reason:
# the suppression applies, and is reported, so a one-click suppression fails CI.
for reason in "REASON: why this may go out, and who agreed" "TODO" "<reden>" "..." "Why this may go out."; do
	printf -- '---\nchannel: press-release\n---\n<!-- twohats-disable-next-line party-politics/vote-call -- %s -->\nStem op 17 maart op D66!\n' "$reason" >"$work/r.md"
	run --format line "$work/r.md"
	printf '%s %s\n' "$status" "$out"
done >"$work/templates.txt"
is "$(cat "$work/templates.txt")" "1 $work/r.md:4:1: warning: the reason 'REASON: why this may go out, and who agreed' is a template: say why this may go out, and who agreed [core/unjustified-suppression]
1 $work/r.md:4:1: warning: the reason 'TODO' is a template: say why this may go out, and who agreed [core/unjustified-suppression]
1 $work/r.md:4:1: warning: the reason '<reden>' is a template: say why this may go out, and who agreed [core/unjustified-suppression]
1 $work/r.md:4:1: warning: the reason '...' is a template: say why this may go out, and who agreed [core/unjustified-suppression]
1 $work/r.md:4:1: warning: the reason 'Why this may go out.' is a template: say why this may go out, and who agreed [core/unjustified-suppression]" "a template reason is reported, with status 1"
printf -- '---\nchannel: press-release\n---\n<!-- twohats-disable-next-line party-politics/vote-call -- citaat uit de Handelingen, met Juridische Zaken afgestemd -->\nStem op 17 maart op D66!\n' >"$work/r.md"
run --format line "$work/r.md"
is "$status: $out" "0: " "a real reason: nothing reported, status 0"

printf 'rules:\n  core/unjustified-suppression: off\n' >"$work/.twohats.yml"
run --format line "$work/s.md"
lacks "$out" "unjustified" "core rules can be configured like any other"
printf '<!-- twohats-disable-next-line -- alles -->\nOpname campagnevideo in de ministerskamer.\n' >"$work/u.md"
run --format line "$work/u.md"
is "$out" "" "a suppression without rules covers every rule"
