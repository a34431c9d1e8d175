#!/bin/sh
# run.sh: build tests/fuzz/fuzz_document with clang's libFuzzer and run it for
# SECONDS (default 120) on the corpus of tests/cases and examples.  Not part of
# make check: a fuzzer finds, it does not pass.  Needs clang and libclang-rt-14-dev.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-120}
out=${TMPDIR:-/tmp}/twohats-fuzz
mkdir -p "$out/corpus"
cp "$top"/tests/corpus/*.md "$top"/examples/agenda/*.md "$out/corpus/" 2>/dev/null || true
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
flags="$flags -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DPACKAGE_VERSION=\"fuzz\""
srcs=""
for f in lib/base/util lib/base/error lib/base/utf8 lib/document/meta lib/document/conventions lib/yaml/yamldoc \
	lib/document/document lib/document/frontmatter lib/document/markdown \
	lib/document/sentences lib/document/quotes lib/match/match lib/match/lexicon \
	lib/match/wordindex nl/partisan lib/document/suppress; do
	srcs="$srcs $top/$f.c"
done
clang $flags -I"$top/include" -I"$top/lib" -I"$top" -o "$out/fuzz_document" \
	"$top/tests/fuzz/fuzz_document.c" $srcs \
	$(pkg-config --cflags --libs yaml-0.1 libpcre2-8 md4c)
TWOHATS_RULES_DIR="$top/rules" "$out/fuzz_document" -max_total_time="$secs" -max_len=4096 \
	-timeout=10 "$out/corpus"
