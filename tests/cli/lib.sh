# SPDX-License-Identifier: EUPL-1.2
# lib.sh: a small TAP library for the command-line tests.
# Each test script sources it, calls `plan N`, then `run` and the checks.
# $TWOHATS, $srcdir and $builddir come from the test environment (Makefile.am);
# $TWOHATS_WRAPPER (make check-valgrind: valgrind and its options) runs before it.
set -u
: "${TWOHATS:=$builddir/twohats}"
count=0
failures=0
work=$(mktemp -d "${TMPDIR:-/tmp}/twohats-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset NO_COLOR TWOHATS_NO_DEFAULTS

plan() { echo "1..$1"; }

# run CMD...: run twohats with CMD, keeping $out, $err and $status.
run() {
	# shellcheck disable=SC2086 # the wrapper is a command and its options
	out=$(${TWOHATS_WRAPPER:-} "$TWOHATS" "$@" 2>"$work/stderr")
	status=$?
	err=$(cat "$work/stderr")
}

# run_in DIR ARGS...: `run` ARGS with DIR as the working folder.
run_in() {
	here=$PWD
	cd "$1" || exit 1
	shift
	run "$@"
	cd "$here" || exit 1
}

# run_stdin INPUT CMD...: as run, with INPUT on standard input.
run_stdin() {
	input=$1
	shift
	# shellcheck disable=SC2086
	out=$(printf '%s' "$input" | ${TWOHATS_WRAPPER:-} "$TWOHATS" "$@" 2>"$work/stderr")
	status=$?
	err=$(cat "$work/stderr")
}

report() {
	count=$((count + 1))
	if [ "$1" = 0 ]; then
		echo "ok $count - $2"
	else
		echo "not ok $count - $2"
		failures=$((failures + 1))
		printf '# status: %s\n# stdout:\n%s\n# stderr:\n%s\n' "${status:-}" "${out:-}" "${err:-}" | sed '2,$s/^/# /'
	fi
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then report 0 "$3"; else
		report 1 "$3"
		printf '# got:  %s\n# want: %s\n' "$1" "$2"
	fi
}

# has HAYSTACK NEEDLE DESCRIPTION
has() {
	case $1 in *"$2"*) report 0 "$3" ;; *)
		report 1 "$3"
		printf '# missing: %s\n' "$2"
		;;
	esac
}

# lacks HAYSTACK NEEDLE DESCRIPTION
lacks() {
	case $1 in *"$2"*) report 1 "$3" ;; *) report 0 "$3" ;; esac
}

# write FILE: standard input to $work/FILE
write() {
	mkdir -p "$(dirname "$work/$1")"
	cat >"$work/$1"
}
