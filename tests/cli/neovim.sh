# SPDX-License-Identifier: EUPL-1.2
# neovim.sh: a real client.  Neovim, headless, with editors/nvim.lua as the user's
# plugin/twohats.lua, lints an unsaved Markdown buffer through `twohats lsp` and
# applies a quick fix (tests/cli/neovim.lua).  Skipped where Neovim is not installed;
# CI installs it (Debian 12: 0.7.2, the oldest the snippet supports).
. "$srcdir/tests/cli/lib.sh"
plan 9
if ! command -v nvim >/dev/null 2>&1; then
	for i in 1 2 3 4 5 6 7 8 9; do echo "ok $i # SKIP nvim is not installed (Debian package neovim)"; done
	exit 0
fi
# The snippet runs `twohats` from PATH: the one under test.
mkdir "$work/bin" && ln -s "$TWOHATS" "$work/bin/twohats"
mkdir -p "$work/config/nvim/plugin" "$work/.git" "$work/project/notes"
ln -s "$srcdir/editors/nvim.lua" "$work/config/nvim/plugin/twohats.lua"
echo 'extensions: [md, txt]' >"$work/project/.twohats.yml"
(cd "$work" && PATH="$work/bin:$PATH" NVIM_DIR="$work" NVIM_RESULT="$work/result.txt" \
	HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
	XDG_CONFIG_DIRS="$work/nowhere" timeout 60 nvim --headless -n -i NONE -c "luafile $srcdir/tests/cli/neovim.lua" \
	</dev/null >"$work/nvim.out" 2>&1)
status=$?
out=$(cat "$work/result.txt" 2>/dev/null)
err=$(cat "$work/nvim.out")
is "$status" 0 "neovim ran the script and quit"
is "$(printf '%s\n' "$out" | grep '^client')" "client twohats $work/project" \
	"the snippet starts one client, rooted at the nearest .twohats.yml (or .git) upward"
is "$(printf '%s\n' "$out" | grep '^diagnostic')" "diagnostic social-media/hybrid-untagged 5:22-5:48 twohats" \
	"diagnostics arrive for the unsaved buffer (Neovim turns the UTF-16 columns into bytes)"
is "$(printf '%s\n' "$out" | grep '^severity')" "severity error" "an error stays an error"
is "$(printf '%s\n' "$out" | grep '^cursor')" "cursor 6:22 Op" "the next diagnostic is where the finding is, after é and curly quotes"
has "$out" "action Fix: party-political content on a hybrid account without #D66" "the fix is offered as a quick fix"
is "$(printf '%s\n' "$out" | grep '^line')" "line Café “De Zwaan”. Op 29 oktober stem ik D66. #D66" "the quick fix applies to the buffer"
is "$(printf '%s\n' "$out" | grep '^after')" "after 0" "the diagnostics go once the buffer is fixed"
is "$(printf '%s\n' "$out" | grep '^modified')" "modified true 0" "the buffer was never saved"
