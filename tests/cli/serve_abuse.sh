# SPDX-License-Identifier: EUPL-1.2
# serve_abuse.sh: `twohats serve` under abuse: slow and half-open clients cost no worker
# and are closed after --timeout; 10,000 malformed or hostile requests in a row leave it
# answering with flat memory (also under AddressSanitizer, in CI); a full queue is a 503.
. "$srcdir/tests/cli/lib.sh"
. "$srcdir/tests/cli/serve_lib.sh"
plan 7

# Under AddressSanitizer freed memory waits in a quarantine of 256 MB, which would pass for
# growth: a small one still catches a use after free, and lets what is kept show.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=4:thread_local_quarantine_size_kb=64 \
	serve_start --no-config --threads 1 --timeout 2 --max-body 64K
out=$(python3 "$srcdir/tests/cli/serve_client.py" slow "$url")
is "$out" "meanwhile 200
idle closed after <5 s
partial closed after <5 s" "a half-open and a slow client neither hold up a check nor stay past --timeout"

out=$(python3 "$srcdir/tests/cli/serve_client.py" hostile "$url" "$serve_pid" 10000)
has "$out" "then 200" "after 10,000 malformed or hostile requests the server answers a check"
rss=$(printf '%s\n' "$out" | sed -n 's/^rss //p')
early=${rss% *}
late=${rss#* }
# flat: what the heap holds after 1,000 requests, give or take allocator slack
is "$([ "$late" -le $((early + early / 10 + 2048)) ] && echo flat || echo "grew from $early to $late kB")" flat "... with memory flat from the 1,000th request to the 10,000th"
lacks "$out" "statuses 0:10000" "... which were answered, not dropped"
has "$out" " 400:" "... bad requests with a 400"
serve_stop
is "$serve_status" 0 "... and it still stops cleanly"

# a full queue: one worker, one place in the queue, twelve large checks at once
serve_start --no-config --threads 1 --queue 1
head -c 3000000 /dev/zero | tr '\0' 'a' | sed 's/^/{"text": "Stem op de VVD. /; s/$/"}/' >"$work/large.json"
for i in $(seq 12); do
	curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' \
		--data-binary "@$work/large.json" "$url/v1/check" >"$work/code.$i" &
done
wait $(jobs -p | grep -v "^$serve_pid$")
codes=$(cat "$work"/code.* | sort | uniq -c | awk '{print $2}' | tr '\n' ' ')
has "$codes" "503" "a full queue answers 503 (and the rest 200: $codes)"
serve_stop
