# SPDX-License-Identifier: EUPL-1.2
# info.sh: --list-rules, --explain, --version, --help and usage errors.
. "$srcdir/tests/cli/lib.sh"
plan 11

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
is "$out" "twohats 0.2.0
plugin ABI 1.1, service nl 1.1
Copyright (C) 2026 the twohats authors.
License EUPL-1.2: European Union Public Licence v. 1.2
<https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law." "--version: the version first (GNU), the plugin ABI and the services, copyright, license and no warranty"
run --help
has "$out" "Usage: twohats [OPTIONS] PATH..." "--help"
is "$(printf '%s\n' "$out" | tail -2)" "Report bugs to the twohats issue tracker, with the output of twohats --version
and the smallest text that shows the bug." "--help ends with where to report bugs"
run
is "$err" "twohats: no PATH given (use - for standard input)
Try 'twohats --help' for more information." "no PATH is a usage error"
