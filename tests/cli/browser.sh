# SPDX-License-Identifier: EUPL-1.2
# browser.sh: the review page of `twohats serve` as a person meets it: Debian's chromium,
# headless, driven over the DevTools protocol by tests/browser/review_page.py (TAP of its
# own), which types a text, picks the metadata, checks, and asserts the highlighted span
# and the explanation; its screenshot is kept as tests/browser/review_page.png.
. "$srcdir/tests/cli/lib.sh"
. "$srcdir/tests/cli/serve_lib.sh"
# Debian's python3, which has python3-websocket (a python3 earlier on PATH may not)
python=/usr/bin/python3
if ! command -v chromium >/dev/null || ! $python -c 'import websocket' 2>/dev/null; then
	echo "1..0 # SKIP chromium or python3-websocket is not installed"
	exit 0
fi
serve_start --no-config --threads 2
mkdir -p "$builddir/tests/browser"
$python "$srcdir/tests/browser/review_page.py" "$url/" "$builddir/tests/browser/review_page.png"
status=$?
serve_stop
exit $status
