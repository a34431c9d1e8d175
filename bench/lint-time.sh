#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# lint-time.sh: how long twohats takes on the source document (shared/seed)
# and on the labelled dev corpus, with hyperfine (wall time over repeated
# runs) and GNU time (peak memory).  It prints figures; it never fails a
# build.  Run it from a built tree:  sh bench/lint-time.sh [SHARED-DIR]
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$top/../shared}
tw="$top/twohats"
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
[ -x "$tw" ] || { echo "build twohats first (make)"; exit 0; }
command -v hyperfine >/dev/null || { echo "install hyperfine (Debian package hyperfine)"; exit 0; }

for target in "$shared/seed" "$shared/corpus/dev.jsonl"; do
	bytes=$(if [ -d "$target" ]; then cat "$target"/*; else cat "$target"; fi | wc -c)
	echo "== $target ($bytes bytes)"
	hyperfine --warmup 3 --runs 30 -N --style basic -i "$tw --no-config --format json $target" 2>&1 |
		grep -E "Time|Range"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v "$tw" --no-config --format json "$target" 2>&1 >/dev/null |
			grep -E "Maximum resident"
	fi
done
