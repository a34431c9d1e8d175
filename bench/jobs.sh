#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# jobs.sh: how -j scales.  On 10,000 small Markdown files (a paragraph of the benchmark
# corpus each, with front matter) and on the JSON Lines corpus of SIZE_MB (default 100),
# it prints for -j1 and -jN (N = the processors): the best wall time of three runs, the
# CPU time (user + system) of that run, and the speed-up against -j1; and checks that the
# output of -jN is that of -j1, byte for byte.  A benchmark, not a test: it never fails.
#
#   sh bench/jobs.sh [SIZE_MB]       (run from a built tree)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
size_mb=${1:-100}
out="$top/bench/out/jobs"
tw="$top/twohats"
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install time"; exit 0; }
sh "$top/bench/corpus.sh" "$size_mb" "$out" || exit 0

# 10,000 files of one paragraph each (the paragraphs cycled), 100 to a folder.
if [ ! -d "$out/files" ]; then
	awk -v dir="$out/files" '
		{ para[n++] = $0 }
		END {
			for (i = 0; i < 10000; i++) {
				sub_dir = sprintf("%s/%03d", dir, int(i / 100))
				if (i % 100 == 0) system("mkdir -p " sub_dir)
				f = sprintf("%s/%05d.md", sub_dir, i)
				print "---\nchannel: web\ndate: 2021-03-01\n---\n" para[i % n] > f
				close(f)
			}
		}' "$out/paragraphs.txt"
fi

jobs=$(nproc)
# Warm the memo of rule-data work first, as every run after the first finds it.
"$tw" --no-config --format jsonl "$out/files/000" >/dev/null 2>&1
echo "twohats $("$tw" --version | head -n 1 | cut -d' ' -f2), $jobs processors"
echo "| input | -j | best of 3 | CPU (user+sys) | speed-up | output as -j1 |"
echo "| --- | --- | --- | --- | --- | --- |"
for input in files corpus.jsonl; do
	case $input in
	files) name="10,000 small Markdown files" ;;
	*) name="JSON Lines, $(($(wc -c <"$out/$input") / 1000000)) MB" ;;
	esac
	one=""
	for j in 1 "$jobs"; do
		best="" cpu=""
		for run in 1 2 3; do
			/usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$tw" -j"$j" --no-config \
				--format jsonl "$out/$input" >"$out/out.j$j" 2>/dev/null
			# the last line: GNU time writes "Command exited with non-zero status 1" first
			# shellcheck disable=SC2046 # three numbers
			set -- $(tail -n 1 "$out/time.txt")
			wall=$1 user=$2 sys=$3
			if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then
				best=$wall
				cpu=$(echo "$user + $sys" | bc)
			fi
		done
		[ "$j" = 1 ] && one=$best
		same=yes
		cmp -s "$out/out.j$j" "$out/out.j1" || same=NO
		printf '| %s | %s | %s s | %s s | %s | %s |\n' "$name" "$j" "$best" "$cpu" \
			"$(echo "scale=2; $one / $best" | bc)" "$same"
	done
done
