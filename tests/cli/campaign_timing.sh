# SPDX-License-Identifier: EUPL-1.2
# campaign_timing.sh: a text whose metadata says it is for a campaign event of a minister
# (event: campaign), dated inside a campaign window, links the minister to the campaign,
# whatever its sentences say; the finding points at the metadata when the front matter
# holds it, else at the first sentence.  Not outside a window, not for a party event, not
# without a minister.
. "$srcdir/tests/cli/lib.sh"
plan 5
cat >"$work/a.md" <<'MD'
---
channel: agenda
prepared-by: civil-service
date: 2021-02-18
minister: Jansen
event: campaign
---
Werkbezoek aan de ijsbaan in Heerenveen, met aansluitend een gesprek met schaatsers.
MD
run --no-config --format line "$work/a.md"
is "$out" "$work/a.md:6:8: warning: the text is for a campaign event of the minister (metadata event: campaign) before the tweede-kamer election of 2021-03-17 (advisory) [campaign-timing/candidate-in-office-voice]" "event: campaign in the front matter"

printf '%s\n' 'Werkbezoek aan de ijsbaan in Heerenveen. Aansluitend een gesprek met schaatsers.' >"$work/b.md"
m="--meta channel=agenda --meta prepared-by=civil-service --meta minister=Jansen"
run --no-config $m --meta date=2021-02-18 --meta event=campaign --format line "$work/b.md"
is "$out" "$work/b.md:1:1: warning: the text is for a campaign event of the minister (metadata event: campaign) before the tweede-kamer election of 2021-03-17 (advisory) [campaign-timing/candidate-in-office-voice]" "event: campaign given on the command line: the first sentence"
run --no-config $m --meta date=2021-06-01 --meta event=campaign --format line "$work/b.md"
is "$out" "" "... but not outside a window"
run --no-config $m --meta date=2021-02-18 --meta event=party --format line "$work/b.md"
is "$out" "" "... nor for a party event"
run --no-config --meta channel=agenda --meta prepared-by=civil-service --meta date=2021-02-18 --meta event=campaign --format line "$work/b.md"
is "$out" "" "... nor without a minister"
