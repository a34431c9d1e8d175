# SPDX-License-Identifier: EUPL-1.2
# memo.sh: the memo of rule-data work (lib/cache/memo.h) changes how fast twohats starts,
# never what it writes: with a fresh memo, a warm one, a damaged one, none, or one that
# several runs write at once, the output is that of a run without memo; a changed rule
# is seen at once; and the memo is where the documentation says, private to the user.
. "$srcdir/tests/cli/lib.sh"
plan 17

post='Vanavond opname campagnevideo in het Catshuis. Stem op 17 maart op de VVD!'
printf -- '---\nchannel: social\naccount: corporate\n---\n%s\n' "$post" >"$work/post.md"
lint() { run --no-config --format json "$work/post.md" "$srcdir/examples"; }
rules=$TWOHATS_RULES_DIR
export TWOHATS_CACHE_DIR=''

lint
plain="$status|$out|$err"
has "$out" 'at government premise \"Catshuis\"' "without memo: the findings"

export TWOHATS_CACHE_DIR="$work/memo"
lint
is "$status|$out|$err" "$plain" "a fresh memo: the same output"
is "$(stat -c %a "$work/memo") $(stat -c %a "$work/memo/memo.bin")" "700 600" \
	"... written into a private folder, readable by the user alone"
lint
is "$status|$out|$err" "$plain" "a warm memo: the same output"

# A changed rule misses the memo: the premise is no longer one.
cp -r "$rules/." "$work/rules"
sed -i 's/^      - term: Catshuis$/      - term: Kasteelhuis/' "$work/rules/nl/office-premises.yml"
export TWOHATS_RULES_DIR="$work/rules"
lint
changed="$status|$out|$err"
lacks "$out" 'at government premise \"Catshuis\"' "a changed rule file is read anew, not taken from the memo"
TWOHATS_CACHE_DIR=''
lint
is "$status|$out|$err" "$changed" "... as a run without memo reads it"
TWOHATS_RULES_DIR=$rules TWOHATS_CACHE_DIR="$work/memo"

# Damage: garbage of the same size, a cut-off file, a link elsewhere.
head -c "$(stat -c %s "$work/memo/memo.bin")" /dev/urandom >"$work/memo/memo.bin"
lint
is "$status|$out|$err" "$plain" "a memo of garbage is passed over: the same output, no message"
lint
is "$status|$out|$err" "$plain" "... and it was written anew"
head -c 1000 "$work/memo/memo.bin" >"$work/cut" && cat "$work/cut" >"$work/memo/memo.bin"
lint
is "$status|$out|$err" "$plain" "a memo cut short is passed over"
chmod 666 "$work/memo/memo.bin"
lint
is "$status|$out|$err" "$plain" "a memo others may write is passed over"

# A large YAML text is not rule data (a test run's cases, a hostile configuration): it
# would only fill the memo that every run reads.
python3 -c 'print("cases:"); [print("  - {id: c%d, text: Het kabinet vergadert over de begroting, expect: []}" % i) for i in range(6000)]' >"$work/cases.yml"
before=$(stat -c %s "$work/memo/memo.bin")
run test "$work/cases.yml"
grown=$(($(stat -c %s "$work/memo/memo.bin") - before))
is "$status $([ "$grown" -lt 100000 ] && echo small)" "0 small" \
	"a $(($(stat -c %s "$work/cases.yml") / 1000)) kB case file is not kept in the memo (it grew by $grown bytes)"

# No usable folder: no memo, no message.
: >"$work/file"
TWOHATS_CACHE_DIR="$work/file/below"
lint
is "$status|$out|$err" "$plain" "a memo folder that cannot be made: the same output, no message"

# Several runs at once on one fresh memo: each writes whole files, renamed into place.
TWOHATS_CACHE_DIR="$work/shared"
for i in 1 2 3 4; do
	"$TWOHATS" --no-config --format json "$work/post.md" "$srcdir/examples" >"$work/out$i" 2>&1 &
done
wait
same=0
for i in 1 2 3 4; do cmp -s "$work/out$i" "$work/out1" || same=1; done
is "$same" 0 "four runs at once write the same output"
lint
is "$status|$out|$err" "$plain" "... and leave a memo the next run reads"

# Where it is: $TWOHATS_CACHE_DIR, else $XDG_CACHE_HOME/twohats, else ~/.cache/twohats.
unset TWOHATS_CACHE_DIR
export XDG_CACHE_HOME="$work/xdg"
lint
is "$(ls "$work/xdg/twohats")" "memo.bin" "without TWOHATS_CACHE_DIR: in \$XDG_CACHE_HOME/twohats"
unset XDG_CACHE_HOME
export HOME="$work/home"
lint
is "$(ls "$work/home/.cache/twohats")" "memo.bin" "... else in ~/.cache/twohats"
export HOME="$work/home2" TWOHATS_CACHE_DIR=''
lint
is "$(ls -A "$work/home2" 2>/dev/null)" "" "TWOHATS_CACHE_DIR= (empty): no memo at all"

[ "$failures" = 0 ]
