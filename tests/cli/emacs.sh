# SPDX-License-Identifier: EUPL-1.2
# emacs.sh: a real client.  Emacs (batch) with Eglot and markdown-mode (on Debian 12,
# Emacs 28 and the packages elpa-eglot and elpa-markdown-mode) loads editors/eglot.el
# as an init file would, lints an unsaved Markdown buffer through `twohats lsp` into
# Flymake and applies a quick fix (tests/cli/emacs_check.el).  Skipped where Emacs,
# Eglot or markdown-mode is not installed; CI installs them.
. "$srcdir/tests/cli/lib.sh"
plan 9
skip() {
	for i in 1 2 3 4 5 6 7 8 9; do echo "ok $i # SKIP $1"; done
	exit 0
}
# -q --no-site-file, not -Q: the site-lisp folders stay on load-path, so that
# package-initialize finds the system's packages (Debian's elpa-* packages).
run_emacs() {
	HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
		timeout 60 emacs --batch -q --no-site-file -f package-initialize "$@" </dev/null
}
command -v emacs >/dev/null 2>&1 || skip "emacs is not installed (Debian package emacs-nox)"
run_emacs --eval '(kill-emacs (if (locate-library "eglot") 0 1))' >/dev/null 2>&1 ||
	skip "Eglot is not installed (Debian package elpa-eglot; built in from Emacs 29)"
run_emacs --eval '(kill-emacs (if (locate-library "markdown-mode") 0 1))' >/dev/null 2>&1 ||
	skip "markdown-mode is not installed (Debian package elpa-markdown-mode)"
# editors/eglot.el runs `twohats` from PATH (exec-path): the one under test.
mkdir -p "$work/bin" "$work/project/notes" && ln -s "$TWOHATS" "$work/bin/twohats"
echo 'extensions: [md, txt]' >"$work/project/.twohats.yml"
(cd "$work" && PATH="$work/bin:$PATH" EMACS_DIR="$work" EMACS_RESULT="$work/result.txt" \
	run_emacs -l "$srcdir/editors/eglot.el" -l "$srcdir/tests/cli/emacs_check.el" >"$work/emacs.out" 2>&1)
status=$?
out=$(cat "$work/result.txt" 2>/dev/null)
err=$(cat "$work/emacs.out" "$work/result.txt.events" 2>/dev/null)
is "$status" 0 "emacs ran the script and quit"
is "$(printf '%s\n' "$out" | grep -e '^mode' -e '^server')" "mode markdown-mode
server twohats lsp" "a .md file opens in markdown-mode and eglot-ensure starts twohats lsp"
is "$(printf '%s\n' "$out" | grep '^diagnostic')" "diagnostic 6:17 Op - 6:43  twohats [social-media/hybrid-untagged]" \
	"diagnostics arrive in Flymake for the unsaved buffer, columns in characters after é and curly quotes"
is "$(printf '%s\n' "$out" | grep '^severity')" "severity flymake-error" "an error stays an error"
is "$(printf '%s\n' "$out" | grep '^cursor')" "cursor 6:17 Op" "flymake-goto-next-error goes to the finding"
has "$out" "action Fix: party-political content on a hybrid account without #D66" "the fix is offered as a code action"
is "$(printf '%s\n' "$out" | grep '^line')" "line Café “De Zwaan”. Op 29 oktober stem ik D66. #D66" "the quick fix applies to the buffer"
is "$(printf '%s\n' "$out" | grep '^after')" "after 0" "the diagnostics go once the buffer is fixed"
is "$(printf '%s\n' "$out" | grep '^modified')" "modified t nil" "the buffer was never saved"
