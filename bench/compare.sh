#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# compare.sh: twohats against two baselines on the same Dutch corpus.
#
# For each size it builds the corpus with corpus.sh (Debian's Dutch
# documentation, one known finding planted after every 40th paragraph) in
# three formats, plain text, Markdown and JSON Lines, and lints each with
#   twohats -j1 and twohats -jN (N = nproc), the whole rule pack;
#   pcre2grep, counting the lines that match the patterns with which twohats
#     looks for party-political passages (rules/nl/partisan.yml, {party} and
#     the other placeholders expanded from parties.yml and partisan.yml);
#   textlint with textlint-rule-prh and the same patterns as prh rules
#     (installed with npm into bench/out/node; Markdown and plain text only,
#     and only up to 100 MB).
# It prints one Markdown table, a row per size, format and tool: the throughput
# (best wall time of three runs up to 100 MB, one run above), the instructions
# per byte under callgrind (smallest size only; twohats -j1 and pcre2grep), the
# peak memory and the number of findings or matches.  It is a benchmark, not a
# test: it never fails, it prints.  A missing tool is skipped with a message
# (apt-get install pcre2-utils valgrind time debian-faq-nl debian-edu-doc-nl;
# npm for textlint).  At 10 MB it takes about 25 minutes on two cores, most
# of it textlint and pcre2grep under callgrind.
#
#   sh bench/compare.sh [SIZE_MB...]     (default 10 100 1000; from a built tree)
#   TEXTLINT_MAX_MB=10 PCRE2GREP_MAX_MB=100 sh bench/compare.sh   (in about 35 minutes)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/bench/out"
tw="$top/twohats"
node_dir="$out/node"
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
# twohats runs as its users run it, with PCRE2's JIT: callgrind follows the
# generated code too (pcre2grep uses the JIT as well).
unset TWOHATS_NO_JIT
[ $# -gt 0 ] || set -- 10 100 1000
# Above these sizes a baseline is not run (TEXTLINT_MAX_MB, PCRE2GREP_MAX_MB):
# textlint would take hours beyond 100 MB, and pcre2grep, at under 2 MB/s, ten
# minutes a format at 1000 MB.
textlint_max_mb=${TEXTLINT_MAX_MB:-100}
pcre2grep_max_mb=${PCRE2GREP_MAX_MB:-100000}
textlint_timeout=1200
# A run of a minute or more is not repeated: its noise is small beside its length,
# and three textlint runs would triple the longest part of the benchmark.
repeat_under=${REPEAT_UNDER:-60}
jobs=$(nproc)

for need in /usr/bin/time "$tw"; do
	[ -e "$need" ] || {
		echo "missing $need: apt-get install time; make"
		exit 0
	}
done
for size in "$@"; do
	case $size in '' | *[!0-9]*) echo "not a size in MB: $size"; exit 0 ;; esac
done
mkdir -p "$out"
rows="$out/compare.rows" notes="$out/compare.notes"
: >"$rows"
: >"$notes"
rm -f "$out"/ir.*
progress() { echo "compare.sh: $*" >&2; }

echo "twohats $("$tw" --version | head -n 1 | cut -d' ' -f2), $jobs cores available," \
	"CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"

# The baselines' patterns, from twohats' own rule data (see derive below).
python=""
for py in /usr/bin/python3 python3; do
	if "$py" -c 'import yaml' 2>/dev/null; then python=$py; break; fi
done
have_patterns=0
if [ -z "$python" ]; then
	echo "pcre2grep and textlint skipped: no python3 with yaml to derive their patterns (apt-get install python3-yaml)"
elif count=$("$python" - "$top/rules/nl" "$out" <<'PY'
# The patterns with which twohats judges a passage party-political, written out
# for pcre2grep (PCRE2, one a line) and for prh (JavaScript, a rule each):
# vote-call, self-identification and polemic of partisan.yml (not
# parliamentary-context, which only vetoes) and one for the party hashtags.
import sys, unicodedata, yaml
rules, out = sys.argv[1], sys.argv[2]
parties = yaml.safe_load(open(rules + "/parties.yml"))["parties"]
partisan = yaml.safe_load(open(rules + "/partisan.yml"))

def fold(ch):  # the letter without diacritics, lower case
    return unicodedata.normalize("NFD", ch)[0].lower()

# The core's letter classes (lib/match/lexicon.c) written as ranges: the same
# letters in fewer bytes, since pcre2grep takes no pattern over 8192 bytes.
ACCENTS = {"a": "[aà-å]", "c": "[cç]", "e": "[eè-ë]", "i": "[iì-ï]",
           "n": "[nñ]", "o": "[oò-ö]", "u": "[uù-ü]", "y": "[yýÿ]"}

def term_regex(term):  # a party name as the core reads it: diacritics, hyphens, spaces flexible
    r = ""
    for ch in term:
        if fold(ch) in ACCENTS:
            r += ACCENTS[fold(ch)]
        elif ch in " \t\n\u00a0":
            r += r"\s+"
        elif ch in "-\u2010\u2011\u2013":
            r += r"(?:[-\x{2010}\x{2011}\x{2013}]|\s+)?"
        elif ch in "'\u2018\u2019":
            r += r"['\x{2018}\x{2019}]"
        elif ord(ch) < 0x80 and not ch.isalnum():
            r += "\\" + ch
        else:
            r += ch
    return r

def exact_regex(form):  # "DENK", "Volt": only with this capitalisation
    return "(?-i:" + "".join("\\" + c if ord(c) < 0x80 and not c.isalnum() else c for c in form) + ")"

forms = []
for p in parties:
    forms += [(f, term_regex(f)) for f in p.get("names", [])]
    forms += [(f, exact_regex(f)) for f in p.get("exact", [])]
forms.sort(key=lambda f: -len(f[0].encode()))  # longest first, as the core does
seen, alts = set(), []
for _, r in forms:  # "FvD" and "FVD" are one form case-insensitively
    if r.startswith("(?-i:") or r.lower() not in seen:
        seen.add(r.lower())
        alts.append(r)
party = r"(?<![\p{L}\p{N}])(?:" + "|".join(alts) + r")(?![\p{L}\p{N}])"
holders = partisan.get("placeholders", {})

def expand(src):
    r, i = "", 0
    while i < len(src):
        if src.startswith("{party}", i):
            r += party
            i += 7
            continue
        for name, rx in holders.items():
            if src.startswith("{" + name + "}", i):
                r += "(?:" + rx + ")"
                i += len(name) + 2
                break
        else:
            r += src[i]
            i += 1
    return r

pats = []
for kind in ("vote-call", "self-identification", "polemic"):
    for n, p in enumerate(partisan["patterns"].get(kind, []), 1):
        pats.append((kind + " " + str(n), expand(p["pattern"] if isinstance(p, dict) else p)))
tags = [t.lstrip("#") for p in parties for t in p.get("hashtags", [])]
pats.append(("hashtag", r"(?<![\p{L}\p{N}_#])#(?:" + "|".join(tags) + r")(?![\p{L}\p{N}_])"))

# (*UCP): \b, \w and \s are Unicode, as in twohats (pcre2grep 10.42's -u is UTF only).
with open(out + "/patterns.pcre", "w") as f:
    for _, p in pats:
        f.write("(*UCP)" + p + "\n")

# JavaScript (Node 20, prh adds the u flag): no inline (?-i:), so those parts
# turn case-insensitive; \x{..} is \u{..}; \b and \w are ASCII in JavaScript,
# so they are spelled out with \p{L}\p{N}_ as PCRE2's UCP has them.
W = r"\p{L}\p{N}_"
B = "(?:(?<=[" + W + "])(?![" + W + "])|(?<![" + W + "])(?=[" + W + "]))"

def js(p):
    r, i, cls = "", 0, False
    while i < len(p):
        c = p[i]
        if c == "\\":
            e = p[i + 1]
            if e == "b" and not cls:
                r += B
            elif e == "w":
                r += W if cls else "[" + W + "]"
            elif e == "x" and p[i + 2] == "{":
                j = p.index("}", i)
                r += "\\u" + p[i + 2:j + 1]
                i = j + 1
                continue
            else:
                r += c + e
            i += 2
            continue
        if not cls and p.startswith("(?-i:", i):
            r += "(?:"
            i += 5
            continue
        if c == "[" and not cls:
            cls = True
        elif c == "]" and cls:
            cls = False
        r += c
        i += 1
    return r

def q(s):  # a double-quoted YAML scalar
    return yaml.safe_dump(s, default_style='"', width=1 << 30).strip()

with open(out + "/prh.yml", "w") as f:
    f.write("version: 1\nrules:\n")
    for label, p in pats:  # expected never equals a match, so every match is reported
        f.write("  - expected: " + q("(" + label + ")") + "\n    pattern: " + q("/" + js(p) + "/i") + "\n")
print(len(pats))
PY
); then
	have_patterns=1
	echo "baseline patterns derived from rules/nl/partisan.yml and parties.yml: $count" \
		"($((count - 1)) vote-call, self-identification and polemic patterns, 1 for the party hashtags)"
else
	echo "pcre2grep and textlint skipped: deriving their patterns from rules/nl failed"
fi

have_pcre2grep=0
if [ $have_patterns = 0 ]; then
	:
elif ! command -v pcre2grep >/dev/null; then
	echo "pcre2grep skipped: not installed (apt-get install pcre2-utils)"
else
	have_pcre2grep=1
	echo "pcre2grep $(pcre2grep --version | sed 's/^pcre2grep version //'), JIT on"
fi

have_valgrind=0
if command -v valgrind >/dev/null; then
	have_valgrind=1
else
	echo "instructions per byte skipped: valgrind not installed (apt-get install valgrind)"
fi

textlint="$node_dir/node_modules/.bin/textlint"
have_textlint=0
if [ $have_patterns = 0 ]; then
	:
elif [ ! -x "$textlint" ] && ! command -v npm >/dev/null; then
	echo "textlint skipped: npm not installed (apt-get install npm)"
elif [ ! -x "$textlint" ] && ! npm install --prefix "$node_dir" --no-audit --no-fund \
	textlint textlint-rule-prh >"$out/npm.log" 2>&1; then
	echo "textlint skipped: npm install textlint textlint-rule-prh failed (see $out/npm.log)"
else
	have_textlint=1
	# The rule finds its module from textlint's folder; the config names prh.yml.
	printf '{ "rules": { "prh": { "rulePaths": ["%s"] } } }\n' "$out/prh.yml" >"$out/textlintrc.json"
	echo "textlint $("$textlint" --version | sed 's/^v//'), textlint-rule-prh" \
		"$(cd "$node_dir" && node -p 'require("textlint-rule-prh/package.json").version'), prh" \
		"$(cd "$node_dir" && node -p 'require("prh/package.json").version'), node $(node --version | sed 's/^v//')"
fi
# A 100 MB Markdown file outgrows node's default heap.
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=12288}"

# timed RUNS OUTFILE CMD...: the best wall time (secs), its peak memory (kib)
# and the command's exit status (rc); standard output goes to OUTFILE.
timed() {
	runs=$1 result=$2
	shift 2
	secs="" kib="" rc=0 n=0
	while [ "$n" -lt "$runs" ]; do
		n=$((n + 1))
		/usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$result" 2>"$out/stderr.txt"
		rc=$?
		last=$(tail -n 1 "$out/time.txt")
		case $last in # not "secs kib": the command could not be run
		*[!0-9.\ ]* | '' | *' '*' '*) secs=- kib=- rc=127 n=$runs; break ;;
		esac
		s=${last% *} k=${last#* }
		if [ -z "$secs" ] || awk "BEGIN { exit !($s < $secs) }"; then secs=$s kib=$k; fi
		awk "BEGIN { exit !($s >= $repeat_under) }" && break
	done
	[ "$n" -lt "$runs" ] && secs="$secs*" # one run where three were due
	return 0
}

# row SIZE FORMAT TOOL BYTES IR FOUND: a table row from timed's results;
# IR names the file of the instruction count (ir.FORMAT.TOOL), or is -.  The
# counts are of the smallest size's corpus.
row() {
	ir=-
	[ "$5" = - ] || [ "$1" != "$smallest" ] || ir=$(cat "$out/ir.$5" 2>/dev/null || echo -)
	echo "$1|$2|$3|$4|$secs|$kib|$ir|$6" >>"$rows"
}

# skip SIZE FORMAT TOOL: a row of dashes.
skip() { echo "$1|$2|$3|-|-|-|-|-" >>"$rows"; }

file_of() {
	case $1 in plain) echo "$out/corpus.txt" ;; Markdown) echo "$out/corpus.md" ;; *) echo "$out/corpus.jsonl" ;; esac
}
# Plain text has no front matter: its metadata comes from the command line.
meta_of() {
	[ "$1" = plain ] && echo --meta channel=web --meta date=2021-03-01
	return 0
}

smallest=$(printf '%s\n' "$@" | sort -n | head -n 1)
for size in "$@"; do
	progress "$size MB: building the corpus"
	sh "$top/bench/corpus.sh" "$size" "$out" || exit 0
	planted=$(cat "$out/planted.count")
	runs=3
	[ "$size" -gt 100 ] && runs=1
	echo "$size MB: $planted findings planted" >>"$notes"
	if [ $have_pcre2grep = 1 ]; then
		# Which of the planted sentences are party-political, the baselines' kind:
		# planted sentence k is line k mod 8 + 1 of planted.txt.
		pp=$(pcre2grep -n -i -u -f "$out/patterns.pcre" "$out/planted.txt" | cut -d: -f1 |
			awk -v k="$planted" '{ hit[$1] = 1 } END { for (i = 0; i < k; i++) n += hit[i % 8 + 1]; print n + 0 }')
		echo "$size MB: $pp of them party-political, the kind the pcre2grep and prh patterns look for" >>"$notes"
	fi

	# Instruction counts first, side by side (they do not depend on the load),
	# so that no timed run shares the machine with them.
	if [ "$size" = "$smallest" ] && [ $have_valgrind = 1 ]; then
		progress "$size MB: callgrind (twohats -j1, pcre2grep), all at once"
		for fmt in plain Markdown "JSON Lines"; do
			key=$(echo "$fmt" | tr -d ' ')
			(
				# shellcheck disable=SC2046 # meta_of gives words, or none
				valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.twohats.$key.out" \
					"$tw" -j1 --no-config --format json $(meta_of "$fmt") "$(file_of "$fmt")" \
					>/dev/null 2>"$out/callgrind.twohats.$key.log"
				awk '/^summary:/ { print $2 }' "$out/callgrind.twohats.$key.out" >"$out/ir.$key.twohats"
			) &
			if [ $have_pcre2grep = 1 ]; then
				(
					valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.pcre2grep.$key.out" \
						pcre2grep -c -i -u -f "$out/patterns.pcre" "$(file_of "$fmt")" \
						>/dev/null 2>"$out/callgrind.pcre2grep.$key.log"
					awk '/^summary:/ { print $2 }' "$out/callgrind.pcre2grep.$key.out" >"$out/ir.$key.pcre2grep"
				) &
			fi
		done
		wait
		for f in "$out"/ir.*; do [ -s "$f" ] || rm -f "$f"; done
	fi

	for fmt in plain Markdown "JSON Lines"; do
		key=$(echo "$fmt" | tr -d ' ')
		file=$(file_of "$fmt")
		bytes=$(wc -c <"$file")
		for j in 1 $jobs; do
			[ "$j" = 1 ] || [ "$jobs" != 1 ] || continue
			progress "$size MB $fmt: twohats -j$j"
			# shellcheck disable=SC2046 # meta_of gives words, or none
			timed "$runs" "$out/findings.json" "$tw" -j"$j" --no-config --format json $(meta_of "$fmt") "$file"
			found=$(grep -c '"rule":' "$out/findings.json")
			[ "$rc" -le 1 ] || found="error: $(head -n 1 "$out/stderr.txt")"
			[ "$j" = 1 ] && ir=$key.twohats || ir=-
			row "$size" "$fmt" "twohats -j$j" "$bytes" "$ir" "$found"
		done

		if [ $have_pcre2grep = 1 ] && [ "$size" -le "$pcre2grep_max_mb" ]; then
			progress "$size MB $fmt: pcre2grep"
			timed "$runs" "$out/pcre2grep.out" pcre2grep -c -i -u -f "$out/patterns.pcre" "$file"
			found=$(cat "$out/pcre2grep.out")
			[ "$rc" -le 1 ] || found="error: $(head -n 1 "$out/stderr.txt")"
			row "$size" "$fmt" pcre2grep "$bytes" "$key.pcre2grep" "$found"
		else
			skip "$size" "$fmt" pcre2grep
		fi

		if [ $have_textlint = 0 ] || [ "$fmt" = "JSON Lines" ] || [ "$size" -gt $textlint_max_mb ]; then
			skip "$size" "$fmt" "textlint+prh"
			continue
		fi
		progress "$size MB $fmt: textlint+prh"
		# textlint finds its rule from its own folder; it exits 1 when it reports.
		# shellcheck disable=SC2016 # $1 and $@ are the inner shell's
		timed "$runs" "$out/textlint.out" sh -c 'cd "$1" && shift && exec timeout "$@"' sh \
			"$node_dir" $textlint_timeout "$textlint" --no-color -c "$out/textlintrc.json" -f unix "$file"
		found=$(grep -c '\[Error/prh\]$' "$out/textlint.out")
		if [ "$rc" = 124 ] && [ "$secs" != - ]; then
			secs="> $textlint_timeout" found="timed out"
		elif [ "$rc" -gt 1 ]; then
			found="failed: exit $rc"
		fi
		row "$size" "$fmt" "textlint+prh" "$bytes" - "$found"
	done
done

# The table: columns padded to their widths, so that it reads in a terminal too.
echo
awk -F'|' '
	function mbs(b, s) {
		if (s ~ /^>/) { sub(/^> */, "", s); return sprintf("< %.3f", b / 1e6 / s) }
		sub(/\*$/, "", s)
		if (s == "-" || s + 0 == 0) return "-"
		v = b / 1e6 / s
		return sprintf(v < 1 ? "%.3f" : "%.1f", v)
	}
	{
		n++
		c[n, 1] = $1; c[n, 2] = $2; c[n, 3] = $3
		c[n, 4] = ($4 == "-" ? "-" : sprintf("%.1f", $4 / 1e6))
		c[n, 5] = mbs($4, $5)
		c[n, 6] = $5
		c[n, 7] = ($7 == "-" || $4 == "-" ? "-" : sprintf("%.0f", $7 / $4))
		c[n, 8] = ($6 == "-" ? "-" : sprintf("%.1f", $6 / 1024))
		c[n, 9] = $8
	}
	END {
		split("size MB|format|tool|file MB|MB/s|wall s|instr/byte|peak MB|findings", h, "|")
		for (k = 1; k <= 9; k++) { c[0, k] = h[k]; w[k] = length(h[k]) }
		for (i = 1; i <= n; i++) for (k = 1; k <= 9; k++) if (length(c[i, k]) > w[k]) w[k] = length(c[i, k])
		for (i = 0; i <= n; i++) {
			line = "|"
			for (k = 1; k <= 9; k++)
				line = line sprintf(k <= 3 ? " %-*s |" : " %*s |", w[k], c[i, k])
			print line
			if (i == 0) {
				line = "|"
				for (k = 1; k <= 9; k++) {
					d = ""
					for (m = 0; m < w[k]; m++) d = d "-"
					line = line (k <= 3 ? ":" d " |" : " " d ":|")
				}
				print line
			}
		}
	}' "$rows"
echo
cat <<EOF
MB/s: file MB / wall s.  wall s: the best wall time of three runs (/usr/bin/time),
  one run above 100 MB; * marks one run where three were due (a run of
  ${repeat_under} s or more is not repeated).  Start-up is included.
instr/byte: instructions executed under callgrind (total Ir) / file bytes, at the
  smallest size only and for twohats -j1 and pcre2grep only; start-up (rule data,
  pattern compilation) included.  Both use PCRE2's JIT, and callgrind counts
  the generated code too.
peak MB: the maximum resident set size (GNU time %M).
findings: twohats: findings of the whole rule pack (--format json); pcre2grep:
  lines (paragraphs, JSON records) matching a pattern (-c); textlint+prh: prh
  reports, one per match and pattern.  The baselines look for party-political
  passages only, twohats for everything it checks.
twohats -j$jobs lints one file: only JSON Lines records are spread over threads.
textlint+prh: JSON Lines is not a format textlint reads; sizes above
  ${textlint_max_mb} MB are skipped (hours of work), runs stop after ${textlint_timeout} s.
pcre2grep: sizes above ${pcre2grep_max_mb} MB are skipped.
  JavaScript has no (?-i:...), so the case-sensitive party forms (DENK, Volt,
  CU) are case-insensitive there.
EOF
cat "$notes"
