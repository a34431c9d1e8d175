# SPDX-License-Identifier: EUPL-1.2
# jobs.sh: -j N lints on N threads and writes what -j1 writes, byte for byte: findings,
# errors in their place, the summary and the exit status, in every format.
. "$srcdir/tests/cli/lib.sh"
plan 11

# Files of every kind, records good and bad, more units than the pool's window holds.
mkdir -p "$work/in/sub"
cp -r "$srcdir/examples/." "$work/in/"
python3 - "$work/in" <<'PY'
import json, sys
d = sys.argv[1]
texts = ["Stem op 17 maart op de VVD!", "Het kabinet investeert in de zorg.",
         "Minister Jansen opent het station.", "Wij als CDA hebben altijd gezegd dat wonen een grondrecht is."]
with open(d + "/sub/many.jsonl", "w") as f:
    for i in range(300):
        if i % 97 == 13:
            f.write("{not a record\n")
        f.write(json.dumps({"id": "r%d" % i, "text": texts[i % 4], "channel": "social",
                            "account": "corporate"}) + "\n")
for i in range(40):
    with open("%s/sub/p%02d.md" % (d, i), "w") as f:
        f.write("---\nchannel: press-release\n---\n%s\n" % texts[i % 4])
PY
printf 'PK\003\004binary' >"$work/in/sub/fake.txt"

for format in text json jsonl sarif; do
	run -j1 --format "$format" "$work/in" "$work/missing.md"
	one="$status|$out|$err"
	run -j4 --format "$format" "$work/in" "$work/missing.md"
	is "$status|$out|$err" "$one" "-j4 writes what -j1 writes: --format $format"
done
run -j1 --format line "$work/in"
one="$status|$out|$err"
run -j2 --format line "$work/in"
is "$status|$out|$err" "$one" "-j2 writes what -j1 writes: --format line"
has "$out" "many.jsonl:r0:1:1: error:" "... which holds the findings"
has "$err" "many.jsonl:14:4: invalid JSON Lines record" "... and the bad records, in their place"

run_stdin "$(cat "$work/in/sub/many.jsonl")" -j1 --format jsonl --stdin-filename s.jsonl -
one="$status|$out|$err"
run_stdin "$(cat "$work/in/sub/many.jsonl")" -j3 --format jsonl --stdin-filename s.jsonl -
is "$status|$out|$err" "$one" "-j3 on standard input writes what -j1 writes"

run -j 0 "$work/in"
is "$status" 2 "-j 0 is a usage error"
has "$err" "twohats: expected a positive whole number, not '0'" "... that says what is expected"
printf -- '---\nchannel: social\naccount: hybrid\nparty: VVD\n---\nStem op 17 maart op de VVD!\n' >"$work/hybrid.md"
run --jobs=2 --fix --dry-run "$work/hybrid.md"
has "$out" "+Stem op 17 maart op de VVD! #VVD" "--fix works with --jobs (one file after another)"
