#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# corpus.sh: the Dutch benchmark corpus, shared by throughput.sh and compare.sh.
#
# Builds the corpus deterministically from Debian's Dutch documentation
# (packages debian-faq-nl and debian-edu-doc-nl: plain prose, no politics),
# plants one known finding after every 40th paragraph, and writes it three
# times into OUTDIR:
#   corpus.md     one Markdown document; front matter: channel web, a date
#                 inside the 2021 campaign window, so that every plugin works
#   corpus.jsonl  JSON Lines, one record per paragraph with the same metadata
#   corpus.txt    plain text, the paragraphs of corpus.md without front matter
#                 (lint it with --meta channel=web --meta date=2021-03-01)
# and beside them paragraphs.txt (the source paragraphs, one a line),
# planted.txt (the planted sentences) and planted.count (how many were planted).
# The same SIZE_MB gives the same bytes on every machine with the same
# package versions.
#
#   sh bench/corpus.sh SIZE_MB OUTDIR        (exit 1 when a source is missing)
set -u
size_mb=${1:?usage: corpus.sh SIZE_MB OUTDIR}
out=${2:?usage: corpus.sh SIZE_MB OUTDIR}
faq=/usr/share/doc/debian/FAQ/debian-faq.nl.txt.gz
edu=/usr/share/doc/debian-edu-doc-nl
for need in "$faq" "$edu"; do
	[ -e "$need" ] || {
		echo "missing $need: apt-get install debian-faq-nl debian-edu-doc-nl" >&2
		exit 1
	}
done
mkdir -p "$out"

# Paragraphs of Dutch prose, one per line, in a fixed order.
{
	zcat "$faq"
	for f in $(ls "$edu"/*.html | sort); do
		sed -e 's/<[^>]*>//g' -e 's/&nbsp;/ /g' -e 's/&amp;/\&/g' -e 's/&lt;/</g' \
			-e 's/&gt;/>/g' -e 's/&quot;/"/g' "$f"
	done
} | awk 'BEGIN { RS = ""; } { gsub(/[ \t\n]+/, " "); sub(/^ /, ""); if (length($0) >= 60 && $0 ~ /[a-z]/) print }' \
	>"$out/paragraphs.txt"

# The planted findings, one per rule family, cycled.
cat >"$out/planted.txt" <<'PLANT'
Stem op 17 maart op de VVD.
Wij als CDA hebben altijd gezegd dat wonen een grondrecht is.
Het rampzalige beleid van de PVV heeft de opvang ontwricht.
Vanavond opname campagnevideo in de ministerskamer.
Onze daadkrachtige minister Jansen opent het station.
Het waarderingscijfer voor minister Jansen steeg naar een 7,2.
Minister Hoekstra, lijsttrekker van het CDA, opent het kantoor.
Zondagavond is minister Kaag te zien in een documentaire.
PLANT

# One pass writes all three, so that they hold the same paragraphs; the size
# limit counts the JSON Lines text, as it always has (the corpus stays the same).
awk -v limit=$((size_mb * 1000000)) -v planted="$out/planted.txt" -v dir="$out" '
	BEGIN {
		while ((getline line < planted) > 0) plant[n++] = line
		md = dir "/corpus.md"; jl = dir "/corpus.jsonl"; tx = dir "/corpus.txt"
		print "---\nchannel: web\ndate: 2021-03-01\n---" > md
		printf "" > tx
	}
	{ para[np++] = $0 }
	END {
		while (size < limit) {
			text = para[i % np]
			if (++i % 40 == 0) { text = text " " plant[k % n]; k++ }
			print text "\n" > md
			print text "\n" > tx
			gsub(/[\\\t]/, " ", text); gsub(/"/, "\\\"", text)
			print "{\"text\": \"" text "\", \"channel\": \"web\", \"date\": \"2021-03-01\"}" > jl
			size += length(text) + 2
		}
		print k > (dir "/planted.count")
	}' "$out/paragraphs.txt"
