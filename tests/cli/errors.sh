# SPDX-License-Identifier: EUPL-1.2
# errors.sh: bad input ends with status 2 or 3 and a message naming the place.
. "$srcdir/tests/cli/lib.sh"
plan 21

printf 'Regel een.\nIn het caf\351 vandaag.\n' >"$work/latin1.md"
run "$work/latin1.md"
is "$status" 2 "invalid UTF-8: status 2"
is "$err" "twohats: $work/latin1.md:2:11: invalid UTF-8 byte 0xE9; expected UTF-8 text (use --lenient to skip invalid bytes)" "invalid UTF-8: file, line, column"
run --lenient --format line "$work/latin1.md"
is "$out" "$work/latin1.md:2:11: warning: invalid UTF-8 byte skipped [core/invalid-utf8]" "--lenient reports the skipped byte"

write broken.md <<'MD'
---
channel: web
minister: [Jansen
---
Tekst.
MD
run "$work/broken.md"
is "$status" 2 "broken front matter: status 2"
has "$err" "twohats: $work/broken.md:4:1: invalid YAML:" "broken front matter: file, line, column"

write badvalue.md <<'MD'
---
channel: tweet
---
Tekst.
MD
run "$work/badvalue.md"
is "$err" "twohats: $work/badvalue.md:2:10: invalid value 'tweet' for metadata 'channel'; expected speech, press-release, web, newsletter, social, agenda, letter, interview, party" "a bad metadata value names file, key and allowed values"

mkdir -p "$work/proj"
printf 'rules:\n  office-premises/campaign-use: warning\nplugin:\n  x: 1\n' >"$work/proj/.twohats.yml"
echo "Tekst." >"$work/proj/a.md"
run "$work/proj/a.md"
is "$status" 2 "unknown configuration key: status 2"
is "$err" "twohats: $work/proj/.twohats.yml:3:1: unknown key 'plugin'; expected extensions, rules, plugins, metadata or rule-files" "unknown configuration key: file, line, column"

printf 'rules:\n  office-premises/campain-use: off\n' >"$work/proj/.twohats.yml"
run "$work/proj/a.md"
is "$err" "twohats: $work/proj/.twohats.yml:2:3: unknown rule 'office-premises/campain-use' (twohats --list-rules shows them)" "an unknown rule id in the configuration"

run "$work/does-not-exist.md"
is "$status" 2 "a missing file: status 2"
is "$err" "twohats: $work/does-not-exist.md: cannot read: No such file or directory" "a missing file is named"

mkdir "$work/unreadable.md"
run "$work/unreadable.md/"
is "$status" 0 "a folder named like a document is walked, not read"

run --config "$work/nothing.yml" "$work/proj/a.md"
is "$status" 2 "a missing --config file: status 2"
is "$err" "twohats: $work/nothing.yml: cannot read configuration file" "a missing --config file is named"

run --plugin-dir "$builddir/tests/fixtures/abi2" "$work/proj/a.md"
is "$status" 3 "an incompatible plugin: status 3"
is "$err" "twohats: $builddir/tests/fixtures/abi2/abi2: plugin built for plugin ABI 2, but this twohats speaks ABI 1: rebuild the plugin against this version's <twohats/plugin.h>" "an incompatible plugin is named with the reason"

run --rules-dir "$work/no-rules" --no-config "$work/proj/a.md"
is "$status" 3 "missing rule data: status 3"
has "$err" "$work/no-rules/nl: cannot open the rule data folder (set --rules-dir)" "missing rule data names the folder"

printf 'Een\n' >"$work/ok.md"
run "$work/does-not-exist.md" "$work/ok.md"
is "$status" 2 "an error in one file does not stop the others, and decides the status"
run --meta channel "$work/ok.md"
is "$err" "twohats: --meta: expected KEY=VALUE, got 'channel'" "a malformed --meta"

# A broken configuration met again for a second file is reported again, by name.
mkdir -p "$work/two"
printf 'rulez: {}\n' >"$work/two/.twohats.yml"
echo a >"$work/two/a.md"
echo b >"$work/two/b.md"
run "$work/two"
is "$err" "twohats: $(cd "$work/two" && pwd -P)/.twohats.yml:1:1: unknown key 'rulez'; expected extensions, rules, plugins, metadata or rule-files
twohats: $(cd "$work/two" && pwd -P)/.twohats.yml: configuration was rejected above" "a rejected configuration is named for every file it would apply to"
