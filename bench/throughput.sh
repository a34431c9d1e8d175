#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# throughput.sh: the whole rule pack on a large Dutch corpus, single-threaded.
#
# Builds the corpus with corpus.sh (deterministically, from Debian's Dutch
# documentation, one known finding planted after every 40th paragraph) and
# lints two of its forms: one Markdown document (front matter: channel web, a
# date inside the 2021 campaign window, so that every plugin works) and JSON
# Lines, one record per paragraph with the same metadata.  It prints, for
# each, with -j1 and with -j as many as there are cores: the size, the best
# wall time of three runs, the throughput in MB/s, the peak memory (GNU time)
# and the findings against the planted count.  It is a benchmark, not a test:
# it never fails.
#
#   sh bench/throughput.sh [SIZE_MB]       (default 10; run from a built tree)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
size_mb=${1:-10}
out="$top/bench/out"
tw="$top/twohats"
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
faq=/usr/share/doc/debian/FAQ/debian-faq.nl.txt.gz
edu=/usr/share/doc/debian-edu-doc-nl
for need in "$faq" "$edu" /usr/bin/time "$tw"; do
	[ -e "$need" ] || {
		echo "missing $need: apt-get install debian-faq-nl debian-edu-doc-nl time; make"
		exit 0
	}
done
# The corpus (corpus.md, corpus.jsonl, planted.count) comes from corpus.sh,
# which compare.sh shares.
sh "$top/bench/corpus.sh" "$size_mb" "$out" || exit 0

echo "twohats $("$tw" --version | head -n 1 | cut -d' ' -f2), $(nproc) cores available"
echo "planted findings: $(cat "$out/planted.count") (one per 40 paragraphs)"
for f in corpus.md corpus.jsonl; do for jobs in 1 $(nproc); do
	bytes=$(wc -c <"$out/$f")
	best=""
	for run in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$out/time.txt" "$tw" -j"$jobs" --no-config --format json \
			"$out/$f" >"$out/findings.json"
		last=$(tail -n 1 "$out/time.txt")
		secs=${last% *} kib=${last#* }
		if [ -z "$best" ] || awk "BEGIN { exit !($secs < $best) }"; then best=$secs; mem=$kib; fi
	done
	found=$(grep -c '"rule":' "$out/findings.json")
	awk -v f="$f -j$jobs" -v b="$bytes" -v s="$best" -v m="$mem" -v n="$found" 'BEGIN {
		printf "%-17s %6.1f MB  %6.2f s  %7.1f MB/s  peak %6.1f MB  %d findings\n",
			f, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0), m / 1024, n }'
done; done
