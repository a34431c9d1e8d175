# SPDX-License-Identifier: EUPL-1.2
# neovim.sh: a real client.  Neovim, headless, lints an unsaved buffer through
# `twohats lsp` and applies a quick fix (tests/cli/neovim.lua).  Skipped where
# Neovim is not installed; CI installs it.
. "$srcdir/tests/cli/lib.sh"
plan 5
if ! command -v nvim >/dev/null 2>&1; then
	for i in 1 2 3 4 5; do echo "ok $i # SKIP nvim is not installed (Debian package neovim)"; done
	exit 0
fi
export NVIM_DIR="$work" NVIM_RESULT="$work/result.txt"
HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
	timeout 60 nvim --headless --clean -n -c "luafile $srcdir/tests/cli/neovim.lua" >"$work/nvim.out" 2>&1
status=$?
out=$(cat "$work/result.txt" 2>/dev/null)
err=$(cat "$work/nvim.out")
is "$status" 0 "neovim ran the script and quit"
is "$(printf '%s\n' "$out" | grep '^diagnostic')" "diagnostic social-media/hybrid-untagged 5:22-5:48 twohats" "diagnostics arrive for the unsaved buffer (Neovim turns the UTF-16 columns into bytes)"
has "$out" "action Fix: party-political content on a hybrid account without #D66" "the fix is offered as a quick fix"
is "$(printf '%s\n' "$out" | grep '^line')" "line Café “De Zwaan”. Op 29 oktober stem ik D66. #D66" "the quick fix applies to the buffer"
is "$(printf '%s\n' "$out" | grep '^after')" "after 0" "the diagnostics go once the buffer is fixed"
