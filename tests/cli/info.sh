# info.sh: --list-rules, --explain, --version, --help and usage errors.
. "$srcdir/tests/cli/lib.sh"
plan 10

run --list-rules
is "$(printf '%s\n' "$out" | head -1)" "RULE                                       SEVERITY  PLUGIN            SUMMARY" "--list-rules has a header"
has "$out" "office-premises/campaign-use               warning   office-premises   a government premise used as the place of a party or campaign activity" "--list-rules: id, severity, plugin, summary"
has "$out" "core/unjustified-suppression               warning   core" "--list-rules includes the core's rules"

run --explain office-premises/campaign-use
is "$status" 0 "--explain a rule"
has "$out" "HANDBOEK-2021" "the explanation cites its sources"
has "$out" "Suppress a justified case with a reason" "the explanation says how to suppress"
run --explain no/such-rule
is "$err" "twohats: unknown rule 'no/such-rule' (twohats --list-rules shows them)" "--explain an unknown rule: status 2"

run --version
has "$out" "twohats 0.1.0 (plugin ABI 1.1, service nl 1.1)" "--version names the plugin ABI and the services"
run --help
has "$out" "Usage: twohats [OPTIONS] PATH..." "--help"
run
is "$err" "twohats: no PATH given (use - for standard input)
Try 'twohats --help' for more information." "no PATH is a usage error"
