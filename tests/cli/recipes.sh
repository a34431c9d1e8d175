# SPDX-License-Identifier: EUPL-1.2
# recipes.sh: the roads onto a cluster in recipes/ find what twohats finds on its own:
# GNU parallel --pipe over blocks of records, and a dask.bag on a local two-worker
# Dask cluster.  Each is skipped, with a message, when its package is not installed.
. "$srcdir/tests/cli/lib.sh"
plan 4

python3 - "$work/posts.jsonl" <<'PY'
import json, sys
texts = ["Stem op 17 maart op de VVD!", "Het kabinet investeert in de zorg.",
         "Minister Jansen opent vandaag het nieuwe station in Zwolle.",
         "Wij als CDA hebben altijd gezegd dat wonen een grondrecht is."]
with open(sys.argv[1], "w") as f:
    for i in range(2000):
        f.write(json.dumps({"id": "p%d" % i, "text": texts[i % 4], "channel": "social",
                            "account": "corporate"}) + "\n")
PY
"$TWOHATS" -j1 --format jsonl "$work/posts.jsonl" >"$work/direct" 2>/dev/null
direct=$?
# the path a recipe names its records by: the file's name
sed "s|\"path\":\"$work/|\"path\":\"|" "$work/direct" >"$work/expected"

if command -v parallel >/dev/null; then
	TWOHATS="$TWOHATS" TWOHATS_BLOCK=20k sh "$srcdir/recipes/parallel.sh" "$work/posts.jsonl" >"$work/parallel" 2>"$work/stderr"
	status=$?
	out=$(cmp "$work/parallel" "$work/expected" 2>&1 && echo same)
	err=$(cat "$work/stderr")
	is "$out" same "GNU parallel, blocks of 20 kB: the findings of one run, in order"
	is "$status" "$direct" "... and its exit status"
else
	report 0 "# SKIP GNU parallel is not installed (Debian package parallel)"
	report 0 "# SKIP ..."
fi

python=/usr/bin/python3 # Debian's, which has python3-distributed
if $python -c 'import distributed' 2>/dev/null; then
	$python "$srcdir/recipes/dask_lint.py" --local 2 --twohats "$TWOHATS" --blocksize 20kB \
		"$work/posts.jsonl" >"$work/dask" 2>"$work/stderr"
	status=$?
	out=$($python -c '
import json, sys
load = lambda p: [json.loads(l) for l in open(p)]
print("same" if load(sys.argv[1]) == load(sys.argv[2]) else "differ")' "$work/dask" "$work/expected")
	err=$(cat "$work/stderr")
	is "$out" same "Dask, two workers, partitions of 20 kB: the findings of one run, in order"
	is "$status" "$direct" "... and its exit status"
else
	report 0 "# SKIP Dask distributed is not installed (Debian package python3-distributed)"
	report 0 "# SKIP ..."
fi
