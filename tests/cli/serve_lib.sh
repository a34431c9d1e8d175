# SPDX-License-Identifier: EUPL-1.2
# serve_lib.sh: start and stop `twohats serve` on a free loopback port, and talk to it
# with curl; for the tests that source lib.sh.
version=$(sed -n 's/^AC_INIT(\[twohats\], \[\([^]]*\)\].*/\1/p' "$srcdir/configure.ac")

# serve_start ARGS...: start the server with ARGS; sets $url and $serve_pid
serve_start() {
	: >"$work/serve.log"
	# shellcheck disable=SC2086 # the wrapper is a command and its options
	${TWOHATS_WRAPPER:-} "$TWOHATS" serve --listen 127.0.0.1:0 "$@" 2>"$work/serve.log" &
	serve_pid=$!
	for _ in $(seq 600); do
		url=$(sed -n 's|^twohats serve: listening on \(http://[^/]*\)/$|\1|p' "$work/serve.log")
		[ -n "$url" ] && return 0
		kill -0 "$serve_pid" 2>/dev/null || break
		sleep 0.1
	done
	echo "Bail out! twohats serve did not start: $(cat "$work/serve.log")"
	exit 1
}

# serve_wait: wait for the server to end; its status in $serve_status
serve_wait() {
	wait "$serve_pid"
	serve_status=$?
}

# serve_stop: SIGTERM, then serve_wait
serve_stop() {
	kill -TERM "$serve_pid"
	serve_wait
}

# request METHOD PATH [CURL ARGS...]: sets $code, $body and $headers
request() {
	method=$1
	path=$2
	shift 2
	code=$(curl -s -X "$method" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@" "$url$path")
	body=$(cat "$work/body")
	headers=$(tr -d '\r' <"$work/headers")
}

# json_get EXPR: EXPR of the JSON `d` on standard input, as Python prints it
json_get() {
	python3 -c 'import json, sys
d = json.load(sys.stdin)
r = eval(sys.argv[1])
print(r if isinstance(r, str) else r)' "$1"
}
