# SPDX-License-Identifier: EUPL-1.2
# quoted.sh: reported speech in government-voiced text: a quoted party-political passage
# is reported at info, a quoted vote call at warning, and the sender's own words in the
# same sentence as a quotation keep their error; quoted praise of the minister is info.
. "$srcdir/tests/cli/lib.sh"
plan 3
cat >"$work/q.md" <<'MD'
De minister zei: “Wij als CDA staan voor de boeren.” Daarna ging het over de begroting. Die telt 20 miljoen euro.

“Stem op het CDA”, riep de minister.

“Wij als CDA doen mee”, zei hij, en onze partij gaat winnen.
MD
run --no-config --meta channel=press-release --format line "$work/q.md"
is "$out" "$work/q.md:1:1: info: the sender speaks as a party (\"Wij als CDA\", CDA) in government-voiced text, quoted: party-political passages are the minister's own (DONNER-2011); cues: the sender speaking as a party [party-politics/passage]
$work/q.md:3:1: warning: a call to vote, join or give (\"Stem op het CDA\", CDA) in government-voiced text, quoted: government communication never serves a party interest (UO-2017); cues: a call to vote, join or give for a party [party-politics/vote-call]
$work/q.md:5:1: error: the sender speaks as a party (\"onze partij\") in government-voiced text: party-political passages are the minister's own (DONNER-2011); cues: the sender speaking as a party [party-politics/passage]" "quoted: info for a passage, warning for a vote call, error for the sender's own words beside a quotation"
is "$status" 1 "... and the exit status of the error"

printf '%s\n' 'De premier sprak over „onze daadkrachtige minister Jansen” en haar werk.' >"$work/p.md"
run --no-config --meta channel=newsletter --meta minister=Jansen --format line "$work/p.md"
is "$out" "$work/p.md:1:29: info: praise of the minister's person (\"daadkrachtige minister\", quoted) as content: communication is about policy (UO-2017); cues: praise, the minister [image-building/praise]" "quoted praise of the minister: info, and says so"
