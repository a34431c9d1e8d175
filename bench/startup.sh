#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# startup.sh: the time of `twohats -` on a 2 KB social post (start-up, plugin
# loading, rule data, one lint), with hyperfine.  A benchmark, not a test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
command -v hyperfine >/dev/null || { echo "install hyperfine (Debian package hyperfine)"; exit 0; }
post="$top/bench/out/post.md"
mkdir -p "$top/bench/out"
{
	printf -- '---\nchannel: social\naccount: hybrid\nparty: D66\n---\n'
	i=0
	while [ $i -lt 18 ]; do
		printf 'Vandaag sprak de minister in Zwolle met bewoners over de woningbouw en de zorg. '
		i=$((i + 1))
	done
	printf 'Op 29 oktober stem ik D66.\n'
} >"$post"
echo "post: $(wc -c <"$post") bytes"
hyperfine --warmup 5 --runs 50 -N --style basic -i "$top/twohats --no-config --format json --stdin-filename post.md - --lenient" --input "$post" 2>&1 | grep -E "Time|Range" || \
	hyperfine --warmup 5 --runs 50 --style basic -i "$top/twohats --no-config --format json --stdin-filename post.md - < $post" 2>&1 | grep -E "Time|Range"
