# SPDX-License-Identifier: EUPL-1.2
# vim.sh: a real client.  Vim with Debian's ALE (vim-ale), editors/ale.vim as its only
# vimrc, lints an unsaved buffer through `twohats --format line --columns bytes`
# (tests/cli/vim_check.vim): every severity stays what it is and the columns count
# bytes, as Vim does, on a line with é and curly quotes.  Skipped where Vim or ALE is
# not installed; CI installs them.
. "$srcdir/tests/cli/lib.sh"
plan 9
skip() {
	for i in 1 2 3 4 5 6 7 8 9; do echo "ok $i # SKIP $1"; done
	exit 0
}
command -v vim >/dev/null 2>&1 || skip "vim is not installed (Debian package vim)"
vim -N -u NONE -i NONE -es -c 'if !empty(globpath(&packpath, "pack/*/opt/ale", 0, 1)) || !empty(globpath(&packpath, "pack/*/start/ale", 0, 1)) | qall! | endif' -c 'cquit' </dev/null >/dev/null 2>&1 ||
	skip "ALE is not installed (Debian package vim-ale)"
# editors/ale.vim runs `twohats` from PATH: the one under test.
mkdir "$work/bin" "$work/broken" && ln -s "$TWOHATS" "$work/bin/twohats"
echo 'rulez: 1' >"$work/broken/.twohats.yml"
# Severities in the line format are English in every locale: Dutch where there is Dutch.
if locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then lang=nl_NL.UTF-8; else lang=C.UTF-8; fi
(cd "$work" && PATH="$work/bin:$PATH" LC_ALL=$lang VIM_RESULT="$work/result.txt" \
	HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
	timeout 60 vim -N -X -n -i NONE --not-a-term -u "$srcdir/editors/ale.vim" \
	-S "$srcdir/tests/cli/vim_check.vim" post.md </dev/null >"$work/vim.out" 2>&1)
status=$?
out=$(cat "$work/result.txt" 2>/dev/null)
err=$(sed -n '/^messages/,$p' "$work/result.txt" 2>/dev/null) # vim.out is the screen
is "$status" 0 "vim ran the script and quit"
is "$(printf '%s\n' "$out" | grep '^finding' | grep vote-call)" "finding E 4:23 party-politics/vote-call twohats" \
	"an error stays an error, its column in bytes after é and curly quotes"
is "$(printf '%s\n' "$out" | grep '^finding' | grep -c ' I 6:33 ')" 2 "info findings stay info"
is "$(printf '%s\n' "$out" | grep '^finding' | grep unjustified)" "finding W 8:1 core/unjustified-suppression twohats" \
	"a warning stays a warning"
is "$(printf '%s\n' "$out" | grep '^loclist')" "loclist E4:23 I6:33 I6:33 W8:1" "ALE fills the location list"
is "$(printf '%s\n' "$out" | grep '^cursor')" "cursor 4:23 Stem" ":ALEFirst puts the cursor on the finding"
is "$(printf '%s\n' "$out" | grep '^modified')" "modified 1 0" "the buffer was linted unsaved, through standard input"
is "$(printf '%s\n' "$out" | grep -c "^error E 2:10 .*'bogus'")" 1 \
	"twohats' own error on bad front matter is shown where it is"
is "$(printf '%s\n' "$out" | grep -c "^error E 1:0 $work/broken/.twohats.yml:1:1: .*'rulez'")" 1 \
	"... and a broken .twohats.yml on line 1"
