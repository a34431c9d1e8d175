#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# parallel.sh: twohats over large JSON Lines files with GNU parallel, on this machine's
# cores or, with --sshlogin, on several machines that have twohats installed.  Each
# block of whole records is piped through `twohats -j1 --format jsonl -`; --keep-order
# puts the findings back in input order.  Give every record an "id" field: a record
# without one is named by its line, which counts from the start of its block.
#
#   sh recipes/parallel.sh posts.jsonl... > findings.jsonl
#   TWOHATS_PARALLEL="--sshlogin 8/host1,8/host2" TWOHATS_BLOCK=50M sh recipes/parallel.sh posts.jsonl
#
# The exit status is twohats' worst over the blocks: 0 clean, 1 findings, 2 bad records,
# 3 a block that failed.
set -u
twohats=${TWOHATS:-twohats}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for f in "$@"; do
	# shellcheck disable=SC2086 # TWOHATS_PARALLEL is a list of options
	parallel --pipe --keep-order --block "${TWOHATS_BLOCK:-10M}" --halt never --joblog "+$log" \
		${TWOHATS_PARALLEL:-} "$twohats" -j1 --format jsonl --stdin-filename "$(basename "$f")" - <"$f"
	[ $? -gt 100 ] && exit 3 # parallel's own error
done
# the joblog's seventh column is each block's exit status
awk -F'\t' 'NR > 1 && $7 > worst { worst = $7 } END { exit worst > 3 ? 3 : worst }' "$log"
