# SPDX-License-Identifier: EUPL-1.2
# image_building.sh: image-building/persona-focus counts the sentences with the minister as
# subject: named after a fronted phrase or as "hij"/"zij" inside a sentence soon after one
# naming the minister, but not named after a preposition; a policy word in a ministry's
# name ("minister van Justitie en Veiligheid") is no policy. And a passage of private life
# is reported once. A text about the minister that puts questions to "u" or "je" is an
# interview: its first person is the minister's.
. "$srcdir/tests/cli/lib.sh"
plan 9
cat >"$work/a.md" <<'MD'
Met twee wijkagenten op de fiets gaat de minister vanochtend langs de markt. Op de hoek stopt zij bij een bakker. Al vijftig bezoeken heeft minister Jansen dit jaar gebracht. Daar komen er nog twintig bij. Na haar vakantie is zij meteen weer op pad gegaan.
MD
run --no-config --meta channel=newsletter --meta minister=Jansen --format line "$work/a.md"
is "$out" "$work/a.md:1:1: info: the minister is the subject of 4 of 5 sentences and 0 hold a policy word: the person, not the policy, is the message (UO-2017) [image-building/persona-focus]" "the minister as subject after a fronted phrase, and 'zij' after the verb"

cat >"$work/b.md" <<'MD'
De burgemeester sprak met de minister. De wethouder liep mee met minister Jansen. De bewoners stelden vragen aan de minister. Zij wilden weten wanneer de brug klaar is. Voor de minister was er koffie.
MD
run --no-config --meta channel=newsletter --meta minister=Jansen --format line "$work/b.md"
is "$out" "" "the minister after a preposition is not the subject"

cat >"$work/c.md" <<'MD'
Jansen werd in 2017 staatssecretaris van Economische Zaken en Klimaat. Sinds 2022 is zij minister van Justitie en Veiligheid. Jansen groeide op in Deventer. Zij woont in Utrecht.
MD
run --no-config --meta channel=web --meta minister=Jansen --format line "$work/c.md"
is "$out" "$work/c.md:1:1: info: the minister is the subject of 4 of 4 sentences and 0 hold a policy word: the person, not the policy, is the message (UO-2017) [image-building/persona-focus]" "a ministry's name holds no policy word"

cat >"$work/d.md" <<'MD'
Jansen werd in 2017 staatssecretaris en sprak over het klimaat. Sinds 2022 is zij minister en gaat het over veiligheid. Jansen groeide op in Deventer. Zij woont in Utrecht.
MD
run --no-config --meta channel=web --meta minister=Jansen --format line "$work/d.md"
is "$out" "" "policy words outside a ministry's name count"

printf '%s\n' 'Jansen werd in 2017 staatssecretaris van Economische Zaken en Klimaat. Sinds 2022 is zij minister van Justitie en Veiligheid. Jansen groeide op in Deventer. Zij woont met haar gezin in Utrecht.' >"$work/e.md"
run --no-config --meta channel=web --meta minister=Jansen --format line "$work/e.md"
is "$out" "$work/e.md:1:1: info: the minister is the subject of 4 of 4 sentences and 0 hold a policy word: the person, not the policy, is the message (UO-2017) [image-building/persona-focus]
$work/e.md:1:172: info: the minister's private life (\"haar gezin\") as content: communication is about policy (UO-2017); cues: the minister, family [image-building/personal-life]" "a passage two judgements find is reported once"

printf '%s\n' 'Wat doet u in het weekend? Dan ben ik thuis. Mijn zoon speelt voetbal en ik sta langs de lijn.' >"$work/f.md"
run --no-config --meta channel=web --meta minister=Jansen --format line "$work/f.md"
is "$out" "$work/f.md:1:46: info: the minister's private life (\"Mijn zoon\") as content: communication is about policy (UO-2017); cues: the minister, family [image-building/personal-life]" "an interview: the minister's own family"
run --no-config --meta channel=web --format line "$work/f.md"
is "$out" "" "... and without a minister, nobody's"
printf '%s\n' 'U kent het weekend. Dan ben ik thuis. Mijn zoon speelt voetbal en ik sta langs de lijn.' >"$work/g.md"
run --no-config --meta channel=web --meta minister=Jansen --format line "$work/g.md"
is "$out" "" "... nor without a question (\"U kent het weekend.\")"
printf '%s\n' 'Wat doet Zoëu in het weekend? Dan ben ik thuis. Mijn zoon speelt voetbal en ik sta langs de lijn.' >"$work/h.md"
run --no-config --meta channel=web --meta minister=Jansen --format line "$work/h.md"
is "$out" "" "... nor with \"u\" only as the end of a longer word (\"Zoëu\")"
