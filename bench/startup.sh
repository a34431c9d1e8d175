#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# startup.sh: the time of `twohats -` on a 2 KB social post (start-up, plugin
# loading, rule data, one lint), with hyperfine: without the memo of rule-data work
# (TWOHATS_CACHE_DIR empty: everything compiled and parsed), with a warm memo (the
# usual case), and `twohats --version` for the cost of starting the process at all.
# With valgrind installed, the instructions of each (callgrind), which, unlike the
# times, do not depend on the load of the machine.  A benchmark, not a test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export TWOHATS_PLUGIN_PATH="$top/plugins" TWOHATS_RULES_DIR="$top/rules"
command -v hyperfine >/dev/null || { echo "install hyperfine (Debian package hyperfine)"; exit 0; }
post="$top/bench/out/post.md"
memo="$top/bench/out/memo"
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
lint="$top/twohats --no-config --format json --stdin-filename post.md $post"
rm -rf "$memo"
TWOHATS_CACHE_DIR="$memo" $lint >/dev/null # fills the memo
for what in "no memo|" "warm memo|$memo" "--version only|$memo"; do
	name=${what%%|*}
	cmd=$lint
	[ "$name" = "--version only" ] && cmd="$top/twohats --version"
	export TWOHATS_CACHE_DIR="${what#*|}"
	printf '%s:\n' "$name"
	hyperfine --warmup 5 --runs 50 -N --style basic -i "$cmd" 2>&1 | grep -E "Time|Range"
	if command -v valgrind >/dev/null; then
		valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null |
			sed -n 's/.*Collected : \([0-9]*\)/  instructions: \1/p'
	fi
done
