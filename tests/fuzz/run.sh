#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# run.sh [SECONDS]: build every libFuzzer target of tests/fuzz (fuzz_*.c) with clang
# (-fsanitize=fuzzer,address,undefined) from the library's sources, run each for SECONDS
# (default 120) on its seeds (tests/fuzz/seeds/TARGET), then the black-box fuzzers
# (cli_fuzz.py, lsp_fuzz.py: size-driven cases and SECONDS*3 mutated runs each, with a
# time and memory bound) on the twohats of TWOHATS_BUILD (default: this tree), and print
# per target the executions, the coverage (libFuzzer's cov: and ft:) and the findings.
#
# Not part of make check: a fuzzer finds, it does not pass.  Exit status 0 when nothing
# was found, 1 when something was (see the table), 2 when the tools are missing.
# Everything goes to $TMPDIR/twohats-fuzz: corpus/TARGET (kept, so later runs go on
# from it), crashes/TARGET (reproducers of this run), logs/TARGET.log.
#
# TWOHATS_FUZZ_TARGETS="config lsp" runs only those; TWOHATS_FUZZ_JOBS (default: the
# number of processors) runs that many targets at once; TWOHATS_FUZZ_KEEP_GOING=1 reports
# undefined behaviour and goes on (to find more than the first), instead of stopping
# with a reproducer in crashes/TARGET.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/fuzz
secs=${1:-120}
out=${TMPDIR:-/tmp}/twohats-fuzz
targets=${TWOHATS_FUZZ_TARGETS:-document config rules jsonl lsp cases}
jobs=${TWOHATS_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
mkdir -p "$out/obj" "$out/include" "$out/logs" "$out/tmp"

# The toolchain: clang with libFuzzer (Debian: clang and libclang-rt-14-dev).
probe() {
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; return (int)(n & 0); }' \
		>"$out/probe.c"
	clang -fsanitize=fuzzer,address,undefined -o "$out/probe" "$out/probe.c" >/dev/null 2>&1
}
if ! command -v clang >/dev/null 2>&1 || ! probe; then
	sudo=$([ "$(id -u)" = 0 ] || echo sudo)
	echo "run.sh: installing clang and libclang-rt-14-dev (libFuzzer)"
	if ! { $sudo apt-get update -qq &&
		$sudo apt-get install -y -qq clang libclang-rt-14-dev; } >/dev/null; then
		echo "run.sh: needs clang and libclang-rt-14-dev" >&2
		exit 2
	fi
	probe || { echo "run.sh: clang cannot build a libFuzzer target" >&2; exit 2; }
fi

# The library, the Dutch model, the language server and the `test` command, compiled
# once with coverage instrumentation into one archive that every target links.
printf '#define PACKAGE_VERSION "fuzz"\n' >"$out/include/config.h"
deps="yaml-0.1 libpcre2-8 md4c jansson hunspell gumbo libzip expat"
recover=-fno-sanitize-recover=undefined ubsan=halt_on_error=1:print_stacktrace=1
if [ -n "${TWOHATS_FUZZ_KEEP_GOING:-}" ]; then
	recover=-fsanitize-recover=undefined ubsan=halt_on_error=0:print_stacktrace=1
fi
# shellcheck disable=SC2086 # $deps is a list of packages
dep_cflags=$(pkg-config --cflags $deps) dep_libs=$(pkg-config --libs $deps)
FUZZ_CFLAGS="-std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined $recover \
-D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DREADERSDIR=\"$out/readers\" -I$out/include -I$top/include -I$top/lib -I$top -I$here \
$dep_cflags"
FUZZ_OBJ="$out/obj"
export FUZZ_CFLAGS FUZZ_OBJ
rm -f "$out"/obj/*.o "$out/libtwohats-fuzz.a"
echo "building the fuzz targets in $out ..."
# shellcheck disable=SC2016 # $1 and $FUZZ_* are the inner shell's
(cd "$top" && find lib nl lsp -name '*.c' && echo cli/test.c && echo cli/lint.c && echo cli/pool.c &&
	echo tests/fuzz/fuzz_common.c) |
	xargs -P "$jobs" -n 1 sh -c 'clang $FUZZ_CFLAGS -c "$1" -o "$FUZZ_OBJ/$(echo "$1" | tr / _).o"' sh
(cd "$top" && ar rcs "$out/libtwohats-fuzz.a" "$out"/obj/*.o)
for t in $targets; do
	# shellcheck disable=SC2086 # flag lists
	clang $FUZZ_CFLAGS -fsanitize=fuzzer -o "$out/fuzz_$t" "$here/fuzz_$t.c" \
		"$out/libtwohats-fuzz.a" $dep_libs -lltdl
done

# The corpus of fuzz_document, which predates the seed folders: the project's documents.
mkdir -p "$out/corpus/document"
cp "$top"/tests/corpus/*.md "$top"/examples/agenda/*.md "$out/corpus/document/" 2>/dev/null || true

max_len() {
	case $1 in
	lsp | rules) echo 8192 ;;
	*) echo 4096 ;;
	esac
}

run_target() {
	t=$1
	mkdir -p "$out/corpus/$t" "$here/seeds/$t"
	rm -rf "$out/crashes/$t"
	mkdir -p "$out/crashes/$t"
	# -close_fd_mask=3: the targets' own output (the server's log, the test table) is noise;
	# libFuzzer and the sanitizers keep their own copy of standard error.
	(cd "$top" && TMPDIR="$out/tmp" TWOHATS_RULES_DIR="$top/rules" \
		TWOHATS_PLUGIN_PATH="$top/plugins" ASAN_OPTIONS="detect_leaks=1" UBSAN_OPTIONS="$ubsan" \
		"$out/fuzz_$t" -max_total_time="$secs" -max_len="$(max_len "$t")" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -close_fd_mask=3 \
		-artifact_prefix="$out/crashes/$t/" "$out/corpus/$t" "$here/seeds/$t") \
		>"$out/logs/$t.log" 2>&1 || true
}

running=0
for t in $targets; do
	echo "fuzzing $t for $secs s ..."
	run_target "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

# The black-box fuzzers, on a build of the program.
build=${TWOHATS_BUILD:-$top}
blackbox="cli_fuzz lsp_fuzz"
for f in $blackbox; do
	if [ -x "$build/twohats" ]; then
		echo "running $f.py on $build/twohats ..."
		rm -rf "$out/crashes/$f"-*
		# Their reproducers go to $TMPDIR/twohats-fuzz/crashes, beside the targets'.
		# A memo of their own: mutated rule files would fill the user's (lib/cache/memo.h).
		(cd "$here" && TMPDIR="${TMPDIR:-/tmp}" TWOHATS_BUILD="$build" \
			TWOHATS_CACHE_DIR="$out/memo" python3 "$f.py" 1 $((secs * 3))) \
			>"$out/logs/$f.log" 2>&1 || true
	else
		echo "no $build/twohats: set TWOHATS_BUILD to a build of twohats" >"$out/logs/$f.log"
	fi
done

# The table.
found=0
printf '\n%-14s %12s %10s %10s %s\n' TARGET EXECUTIONS COV FT FINDINGS
for t in $targets; do
	log=$out/logs/$t.log
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o ' cov: [0-9]*' "$log" | tail -n 1 | tr -dc 0-9)
	ft=$(grep -o ' ft: [0-9]*' "$log" | tail -n 1 | tr -dc 0-9)
	n=$(find "$out/crashes/$t" -type f | wc -l)
	what=$(find "$out/crashes/$t" -type f -printf '%f\n' | sed 's/-.*//' | sort | uniq -c |
		awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}')
	# Undefined behaviour reported and gone past (TWOHATS_FUZZ_KEEP_GOING): its places.
	ub=$(sed -n 's/^\([^ ]*:[0-9]*:[0-9]*\): runtime error.*/\1/p' "$log" | sort -u |
		tr '\n' ' ')
	[ "$n" -eq 0 ] || what="$what in $out/crashes/$t"
	[ -z "$ub" ] || what="${what:+$what; }undefined behaviour at $ub"
	[ -n "$execs" ] || what="${what:+$what; }it did not run to the end: see $log"
	[ -z "$what" ] || found=1
	printf '%-14s %12s %10s %10s %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${what:-none}"
done
for f in $blackbox; do
	log=$out/logs/$f.log
	line=$(grep -E '^(runs|problems):' "$log" | tail -n 1 || true)
	case $line in
	*"problems: 0"*) ;;
	*) found=1 ;;
	esac
	printf '%-14s %s\n' "$f" "${line:-$(tail -n 1 "$log")}"
	find "$out/crashes" -maxdepth 1 -name "$f-*" | sort | sed 's/^/               /'
done
echo "logs: $out/logs"
exit $found
