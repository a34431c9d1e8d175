# SPDX-License-Identifier: EUPL-1.2
# cases.sh: every rule data file's own cases and the project's corpus pass `twohats test`.
. "$srcdir/tests/cli/lib.sh"
plan 4

run test "$srcdir"/rules/nl/*.yml "$srcdir"/tests/cases/*.jsonl
is "$status" 0 "all labelled cases pass"
has "$out" " 0 failed" "the closing line reports no failure"

printf '{"id": "x", "text": "Opname campagnevideo in de ministerskamer.", "meta": {}, "expect": []}\n{"id": "y", "text": "a", "meta": {}, "expect": ["office-premises/private-use"]}\n' >"$work/fail.jsonl"
run test "$work/fail.jsonl"
is "$status" 1 "a failing case exits 1"
is "$out" "FAIL x ($work/fail.jsonl:1)
  expected: (nothing)
  actual:  
    office-premises/campaign-use warning 1:8-1:42 campaign activity \"campagnevideo\" at government premise \"ministerskamer\": ministries are no campaign base (ANSWER-2021)
FAIL y ($work/fail.jsonl:2)
  expected: office-premises/private-use
  actual:   (nothing)

RULE                                        TP    FP    FN PRECISION  RECALL
office-premises/campaign-use                 0     1     0     0.000       -
office-premises/private-use                  0     0     1         -   0.000

0 passed, 2 failed" "a failing case shows expected and actual ids and spans, then the table"
