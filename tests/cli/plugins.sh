# SPDX-License-Identifier: EUPL-1.2
# plugins.sh: the search path and the loader's refusals, seen from the command line.
. "$srcdir/tests/cli/lib.sh"
plan 20

echo "Tekst." >"$work/a.md"
fx="$builddir/tests/fixtures"

run --plugin-dir "$fx/noentry" "$work/a.md"
is "$status" 3 "a module without entry: status 3"
is "$err" "twohats: $fx/noentry/noentry: not a twohats plugin: no entry point 'noentry_LTX_twohats_plugin_v1' (define it with TWOHATS_PLUGIN(noentry, descriptor))" "a module without entry is named with the symbol looked for"

run --plugin-dir "$fx/newminor" "$work/a.md"
is "$err" "twohats: $fx/newminor/newminor: plugin needs plugin ABI 1.2, newer than this twohats (ABI 1.1): upgrade twohats" "a plugin of a newer minor ABI"

run --plugin-dir "$fx/badmajor" "$work/a.md"
is "$err" "twohats: $fx/badmajor/badmajor: plugin built for plugin ABI 2.0, but this twohats speaks ABI 1.1: rebuild the plugin" "a descriptor of another major ABI"

run --plugin-dir "$fx/duprule" "$work/a.md"
is "$err" "twohats: $fx/duprule/duprule: rule id 'duprule/r' appears twice in the plugin" "a duplicate rule id"

run --plugin-dir "$fx/dupname" "$work/a.md"
is "$err" "twohats: $builddir/plugins/office_premises: plugin name 'office-premises' is already taken by $fx/dupname/dupname" "a duplicate plugin name: --plugin-dir is searched first"

run --plugin-dir "$fx/initfail" "$work/a.md"
is "$status" 3 "a failing init: status 3"
is "$err" "twohats: $fx/initfail/initfail: plugin 'initfail' failed to initialise: cannot find its dictionary" "a failing init is named with its reason"

TWOHATS_PLUGIN_PATH="$fx/probe:$TWOHATS_PLUGIN_PATH" run --format line "$work/a.md"
is "$status" 0 "TWOHATS_PLUGIN_PATH adds folders"
TWOHATS_PLUGIN_PATH="$fx/probe:$TWOHATS_PLUGIN_PATH" run --list-rules
has "$out" "probe/match" "plugins from TWOHATS_PLUGIN_PATH are listed"

echo "Een probe." >"$work/p.md"
printf 'plugins:\n  probe:\n    options:\n      pattern: "(a+)+$"\n' >"$work/.twohats.yml"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n\nOpname campagnevideo in de ministerskamer.\n' >"$work/p.md"
run --plugin-dir "$fx/probe" --format line "$work/p.md"
is "$status" 3 "a pathological pattern ends at the match limit with status 3"
has "$out" "office-premises/campaign-use" "the other plugins still report"

rm "$work/.twohats.yml"
run --plugin-dir "$fx/oldminor" --format line "$work/a.md"
is "$out" "$work/a.md:1:1: warning: checked by a plugin of ABI 1.0 [oldminor/r]" "a plugin built with an older, shorter descriptor loads and runs"

printf 'plugins:\n  probe:\n    options:\n      service: nl 2 0\n' >"$work/.twohats.yml"
run --plugin-dir "$fx/probe" --format line "$work/a.md"
is "$err" "twohats: $fx/probe/probe: plugin 'probe' failed on $work/a.md: needs service 'nl' 2.0, but this twohats has 1.1" "a service of another major is refused, naming both versions"
printf 'plugins:\n  probe:\n    options:\n      service: se 1 0\n' >"$work/.twohats.yml"
run --plugin-dir "$fx/probe" --format line "$work/a.md"
is "$err" "twohats: $fx/probe/probe: plugin 'probe' failed on $work/a.md: needs service 'se' 1.0, which this twohats does not have" "an unknown service is refused"
printf 'plugins:\n  probe:\n    options:\n      service: nl 1 0\n' >"$work/.twohats.yml"
run --plugin-dir "$fx/probe" --format line "$work/a.md"
is "$status" 0 "the nl service 1.0 is there"

# An uninstalled twohats in its build tree finds that tree's plugins and rules without
# any environment; a copy elsewhere with no plugins says it has none.
printf -- '---\nchannel: press-release\n---\nStem op 17 maart op de VVD.\n' >"$work/vote.md"
out=$(env -u TWOHATS_PLUGIN_PATH -u TWOHATS_RULES_DIR "$TWOHATS" --no-config --format line "$work/vote.md" 2>"$work/stderr")
is "$?" 1 "the build tree's binary without environment finds its plugins: status 1"
is "$out" "$work/vote.md:4:1: error: a call to vote, join or give (\"Stem op 17 maart op de VVD\", VVD) in government-voiced text: government communication never serves a party interest (UO-2017); cues: a call to vote, join or give for a party [party-politics/vote-call]" "and its rules"
cp "$TWOHATS" "$work/twohats-copy"
out=$(env -u TWOHATS_RULES_DIR TWOHATS_PLUGIN_PATH="$work/none" "$work/twohats-copy" --no-config "$work/vote.md" 2>"$work/stderr")
status=$?
if env -u TWOHATS_RULES_DIR TWOHATS_PLUGIN_PATH="$work/none" "$work/twohats-copy" --list-rules 2>/dev/null |
	grep -q '^party-politics/'; then
	# an installed twohats (make install) lends the copy its plugins
	report 0 "without plugins nothing is found # SKIP plugins are installed"
	report 0 "but the user is told no plugin was found # SKIP plugins are installed"
else
	is "$status" 0 "without plugins nothing is found"
	has "$(cat "$work/stderr")" "twohats: warning: no rule plugins found in $work/none," "but the user is told no plugin was found"
fi
