# SPDX-License-Identifier: EUPL-1.2
# fix.sh: --fix in place, --fix --dry-run as a diff, --fix on standard input as a formatter.
. "$srcdir/tests/cli/lib.sh"
plan 12

post='---
channel: social
account: hybrid
party: D66
---
Op 29 oktober stem ik D66.
Vandaag opname campagnevideo in de ministerskamer.'
printf '%s\n' "$post" >"$work/post.md"
chmod 640 "$work/post.md"

run --fix --dry-run --format line "$work/post.md"
is "$out" "--- $work/post.md
+++ $work/post.md
@@ -4,4 +4,4 @@
 party: D66
 ---
 Op 29 oktober stem ik D66.
-Vandaag opname campagnevideo in de ministerskamer.
+Vandaag opname campagnevideo in de ministerskamer. #D66" "--fix --dry-run prints a unified diff; the tag goes after the post"
is "$(cat "$work/post.md")" "$post" "--dry-run changes nothing"

run --fix --format line "$work/post.md"
is "$out" "$work/post.md:7:16: warning: campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021) [office-premises/campaign-use]" "--fix reports what it could not fix"
is "$status" 1 "... and the status follows what is left"
has "$(cat "$work/post.md")" "in de ministerskamer. #D66" "--fix writes the fix into the file"
is "$(stat -c %a "$work/post.md")" "640" "--fix keeps the file's mode"
is "$(ls -A "$work" | grep -c twohats)" "0" "--fix leaves no temporary file"

run_stdin "$post" --fix --stdin-filename post.md -
is "$out" "$post #D66" "--fix on standard input prints the fixed text"
is "$status" 0 "... and is a formatter: status 0"

printf '{"text": "Op 29 oktober stem ik D66.", "channel": "social", "account": "hybrid", "party": "D66"}\n' >"$work/posts.jsonl"
run --fix "$work/posts.jsonl"
is "$err" "twohats: $work/posts.jsonl:1: cannot fix a JSON Lines record; apply the fix where the text is written" "--fix refuses JSON Lines records"
run --dry-run "$work/post.md"
is "$err" "twohats: --dry-run goes with --fix
Try 'twohats --help' for more information." "--dry-run alone is a usage error"
run --fix - "$work/post.md"
is "$status" 2 "--fix with standard input takes no other path"
