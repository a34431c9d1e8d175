#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# evaluate.sh: precision and recall of the rule pack, per rule and per source set.
#
# Runs `twohats test` on each set and prints one table: for every rule, the
# precision and recall in each set (TP/FP/FN counted as `twohats test` does:
# a case passes when every expected rule is reported and nothing else at
# warning or error), then the cases passed and the micro-averaged figures.
#
#   sh eval/evaluate.sh [SET...]     (run from a built tree)
#
# The sets, by default:
#   own      the cases of the rule data files and tests/cases/*.jsonl (make check runs them)
#   real     ../shared/corpus/real.jsonl, real texts kept outside the project (when present)
#   collect  eval/real/*.jsonl, the project's own collection of real texts (quotations:
#            kept here for evaluation, never in make check or the tarball)
# A SET argument NAME=FILE[,FILE...] replaces them.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tw=${TWOHATS:-$top/twohats}
export TWOHATS_PLUGIN_PATH="${TWOHATS_PLUGIN_PATH:-$top/plugins}"
export TWOHATS_RULES_DIR="${TWOHATS_RULES_DIR:-$top/rules}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/twohats-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ $# -eq 0 ]; then
	set -- "own=$(echo "$top"/rules/nl/*.yml "$top"/tests/cases/*.jsonl | tr ' ' ,)"
	real="$top/../shared/corpus/real.jsonl"
	[ -f "$real" ] && set -- "$@" "real=$real"
	ls "$top"/eval/real/*.jsonl >/dev/null 2>&1 &&
		set -- "$@" "collect=$(echo "$top"/eval/real/*.jsonl | tr ' ' ,)"
fi

sets=""
for spec in "$@"; do
	name=${spec%%=*}
	files=$(echo "${spec#*=}" | tr , ' ')
	# shellcheck disable=SC2086 # one argument per file
	(cd "$top" && "$tw" test $files) >"$tmp/$name.out" 2>"$tmp/$name.err"
	if ! grep -q '^RULE ' "$tmp/$name.out"; then
		echo "evaluate.sh: set $name: twohats test gave no table" >&2
		cat "$tmp/$name.err" >&2
		exit 2
	fi
	# a case twohats could not read counts as failed: say which
	sed "s/^/evaluate.sh: set $name: /" "$tmp/$name.err" >&2
	sets="$sets $name"
done

# One line per rule and set: "rule set tp fp fn", then the passed/failed line per set.
for name in $sets; do
	awk -v set="$name" '
		/^RULE / { table = 1; next }
		table && NF == 6 { print $1, set, $2, $3, $4 }
		/ passed, / { print "#cases", set, $1, $3 }
	' "$tmp/$name.out"
done >"$tmp/all"

awk -v sets="$sets" '
	function pr(tp, fp) { return tp + fp ? sprintf("%.2f", tp / (tp + fp)) : "-" }
	function rc(tp, fn) { return tp + fn ? sprintf("%.2f", tp / (tp + fn)) : "-" }
	function cell(tp, fp, fn) { return sprintf("%4s %4s %3d/%d/%d", pr(tp, fp), rc(tp, fn), tp, fp, fn) }
	BEGIN { n = split(sets, set, " ") }
	$1 == "#cases" { passed[$2] = $3; failed[$2] = $4; next }
	{
		if (!($1 in seen)) { seen[$1] = 1; rules[++nr] = $1 }
		tp[$1, $2] = $3; fp[$1, $2] = $4; fn[$1, $2] = $5
		TP[$2] += $3; FP[$2] += $4; FN[$2] += $5
	}
	END {
		printf "%-42s", "rule (precision recall, TP/FP/FN)"
		for (i = 1; i <= n; i++) printf " | %-22s", set[i]
		printf "\n"
		for (r = 1; r <= nr; r++) {
			printf "%-42s", rules[r]
			for (i = 1; i <= n; i++) {
				k = rules[r] SUBSEP set[i]
				printf " | %-22s", k in tp ? cell(tp[k], fp[k], fn[k]) : ""
			}
			printf "\n"
		}
		printf "%-42s", "all rules"
		for (i = 1; i <= n; i++)
			printf " | %-22s", cell(TP[set[i]], FP[set[i]], FN[set[i]])
		printf "\n%-42s", "cases passed"
		for (i = 1; i <= n; i++)
			printf " | %-22s", passed[set[i]] "/" passed[set[i]] + failed[set[i]]
		printf "\n"
	}
' "$tmp/all"
