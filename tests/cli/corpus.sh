# SPDX-License-Identifier: EUPL-1.2
# corpus.sh: every op-* case of the shared corpus, written as Markdown with its
# metadata as front matter (tests/corpus/op-NN.md) and linted with --format json,
# gives exactly the expected rule ids (tests/corpus/op-NN.expect).
. "$srcdir/tests/cli/lib.sh"
set -- "$srcdir"/tests/corpus/*.md
plan $#
for md in "$@"; do
	run --format json --no-config "$md"
	got=$(printf '%s\n' "$out" | sed -n 's/^ *"rule": "\(.*\)",$/\1/p' | sort -u)
	want=$(cat "${md%.md}.expect")
	is "$got" "$want" "$(basename "$md" .md): $(printf '%s' "$want" | tr '\n' ' ')"
done
