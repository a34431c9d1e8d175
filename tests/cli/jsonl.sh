# SPDX-License-Identifier: EUPL-1.2
# jsonl.sh: --format jsonl, a finding a line as each document is done, and JSON Lines
# input read a record at a time: exact lines, --all, errors in the stream, the same
# findings as --format json, records of a pipe linted as they arrive, flat memory.
. "$srcdir/tests/cli/lib.sh"
plan 11

write posts.jsonl <<'REC'
{"id":"h","text":"Stem op 17 maart op de VVD!","channel":"social","account":"hybrid","party":"VVD"}
{"id":"clean","text":"Het kabinet investeert in de zorg.","channel":"social","account":"corporate"}
not a record
{"text":"Stem op de VVD!\tZeg \"ja\".","channel":"social","account":"corporate"}
REC
run --format jsonl "$work/posts.jsonl"
is "$out" "{\"path\":\"$work/posts.jsonl\",\"id\":\"h\",\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":28,\"offset\":0,\"length\":27,\"rule\":\"social-media/hybrid-untagged\",\"severity\":\"error\",\"message\":\"party-political content on a hybrid account without #VVD: mark party content with the party's hashtag (SOCIAL-2021)\",\"fix\":{\"offset\":27,\"length\":0,\"replacement\":\" #VVD\"}}
{\"path\":\"$work/posts.jsonl\",\"line\":3,\"column\":3,\"error\":\"invalid JSON Lines record: '[' or '{' expected near 'not'\"}
{\"path\":\"$work/posts.jsonl\",\"id\":\"4\",\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":16,\"offset\":0,\"length\":15,\"rule\":\"social-media/corporate-partisan\",\"severity\":\"error\",\"message\":\"party-political content (\\\"Stem op de VVD\\\") on a corporate account (SOCIAL-2021); cues: a call to vote, join or give for a party\"}" \
	"a finding a line, with the file, the record's id or line, the fix; a bad record in its place"
is "$status" 2 "... and a bad record makes the status 2"
is "$err" "twohats: $work/posts.jsonl:3:3: invalid JSON Lines record: '[' or '{' expected near 'not'" "... said on standard error too"

run --format jsonl --all "$work/posts.jsonl"
has "$out" "{\"path\":\"$work/posts.jsonl\",\"id\":\"clean\",\"rule\":null}
" "--all: a document without findings writes its line, in its place"

printf 'Minister Jansen: stem op 17 maart op de VVD.\n' | write item.md
run --format jsonl --meta channel=press-release "$work/item.md"
has "$out" "{\"path\":\"$work/item.md\",\"id\":null,\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":45," "a whole file has the id null"

run --format jsonl --no-config "$srcdir/examples"
lines=$(printf '%s\n' "$out" | python3 -c '
import json, sys
print(sorted((d["rule"], d["line"], d["column"], d["offset"], d["length"], d["message"])
             for d in map(json.loads, sys.stdin)))')
run --format json --no-config "$srcdir/examples"
whole=$(printf '%s\n' "$out" | python3 -c '
import json, sys
print(sorted((d["rule"], d["line"], d["column"], d["offset"], d["length"], d["message"])
             for d in json.load(sys.stdin)["findings"]))')
case $whole in *office-premises/campaign-use*) ;; *) whole="no findings: $whole" ;; esac
is "$lines" "$whole" "the same findings as --format json, on the examples"

run --all "$srcdir/examples"
is "$status" 2 "--all without --format jsonl is a usage error"
has "$err" "twohats: --all goes with --format jsonl" "... that says so"

printf 'PK\003\004{"text": "x"}\n' >"$work/zip.jsonl"
run --format jsonl "$work/zip.jsonl"
is "$status|$err" "2|twohats: $work/zip.jsonl: cannot read this file: it is a ZIP archive (an Excel, PowerPoint or other Office file?), not text; twohats reads .md, .markdown, .txt, .jsonl, .html, .htm, .docx, .odt, .pdf" \
	"a .jsonl that holds a ZIP archive is refused by name, not read record by record"

# A pipe: the first record's finding comes out before the second record goes in.
mkfifo "$work/in" "$work/out"
${TWOHATS_WRAPPER:-} "$TWOHATS" --format jsonl --stdin-filename pipe.jsonl - <"$work/in" >"$work/out" 2>/dev/null &
exec 3>"$work/in" 4<"$work/out"
printf '{"id":"1","text":"Stem op de VVD!","channel":"social","account":"corporate"}\n' >&3
first=$(timeout 60 head -n 1 <&4)
printf '{"id":"2","text":"Stem op de VVD!","channel":"social","account":"corporate"}\n' >&3
exec 3>&-
second=$(cat <&4)
exec 4<&-
wait
is "${first%%,\"line\"*}|${second%%,\"line\"*}" '{"path":"pipe.jsonl","id":"1"|{"path":"pipe.jsonl","id":"2"' \
	"records on a pipe are linted and written as they arrive"

# Memory holds a record, not the file: 30 MB of records cost what 30 kB do.
if [ -n "${ASAN_OPTIONS:-}${TWOHATS_WRAPPER:-}" ]; then
	report 0 "# SKIP peak memory under AddressSanitizer or valgrind"
else
	python3 -c '
import sys
rec = "{\"text\": \"%s\", \"channel\": \"web\"}\n" % ("Het kabinet overlegt vandaag met de provincies over de zorg. " * 16)
for name, n in (("small", 30), ("large", 30000)):
    with open(sys.argv[1] + "/" + name + ".jsonl", "w") as f:
        f.write(rec * n)' "$work"
	small=$(/usr/bin/time -f %M "$TWOHATS" --no-config --format jsonl "$work/small.jsonl" 2>&1 >/dev/null)
	large=$(/usr/bin/time -f %M "$TWOHATS" --no-config --format jsonl "$work/large.jsonl" 2>&1 >/dev/null)
	is "$([ "$large" -le $((small + 8192)) ] && echo flat || echo "$small kB, then $large kB")" flat \
		"30 MB of JSON Lines take no more memory than 30 kB, give or take 8 MB"
fi
