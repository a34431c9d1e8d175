/* SPDX-License-Identifier: EUPL-1.2 */
/* test_suppress.c: suppression comments and what they cover. */
#include "unit.h"
#include "document/suppress.h"

static void parse_and_cover(void **state)
{
        (void)state;
        const char *text =
            "<!-- twohats-disable-next-line office-premises/campaign-use -- citaat -->\n"
            "regel 2\n"
            "regel 3\n"
            "<!-- twohats-disable office-premises, core/invalid-utf8 -->\n"
            "regel 5\n"
            "<!-- twohats-enable office-premises -->\n"
            "regel 7\n"
            "<!-- twohats-disabel x -- y -->\n";
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        struct th_suppressions s = {0};
        th_suppressions_find(&doc, &s);
        assert_int_equal(s.nr, 4);
        assert_int_equal(s.v[0].kind, TH_SUP_NEXT_LINE);
        assert_string_equal(s.v[0].reason, "citaat");
        assert_int_equal(s.v[0].nrules, 1);
        assert_int_equal(s.v[1].kind, TH_SUP_DISABLE);
        assert_null(s.v[1].reason);
        assert_int_equal(s.v[1].nrules, 2);
        assert_string_equal(s.v[1].rules[1], "core/invalid-utf8");
        assert_int_equal(s.v[3].kind, TH_SUP_UNKNOWN);
        const char *rule = "office-premises/campaign-use";
        size_t line2 = (size_t)(strstr(text, "regel 2") - text);
        size_t line5 = (size_t)(strstr(text, "regel 5") - text);
        size_t line7 = (size_t)(strstr(text, "regel 7") - text);
        assert_true(th_suppressed(&s, rule, line2, 2));
        assert_false(th_suppressed(&s, "office-premises/private-use", line2, 2));
        assert_false(th_suppressed(&s, rule, line2 + 8, 3));
        assert_true(th_suppressed(&s, "office-premises/private-use", line5, 5));
        assert_false(th_suppressed(&s, rule, line7, 7));
        assert_true(th_suppressed(&s, "core/invalid-utf8", line7, 7));
        assert_false(doc.prose[0] != ' '); /* comments are not prose */
        th_suppressions_release(&s);
        th_doc_release(&doc);
}

static void comments_in_code_do_not_count(void **state)
{
        (void)state;
        const char *text =
            "```\n<!-- twohats-disable -- x -->\n```\n\nTekst `<!-- twohats-disable -->`.\n";
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        struct th_suppressions s = {0};
        th_suppressions_find(&doc, &s);
        assert_int_equal(s.nr, 0);
        th_suppressions_release(&s);
        th_doc_release(&doc);
}

static void rule_patterns(void **state)
{
        (void)state;
        assert_true(th_rule_pattern_covers("office-premises", "office-premises/private-use"));
        assert_true(
            th_rule_pattern_covers("office-premises/private-use", "office-premises/private-use"));
        assert_false(th_rule_pattern_covers("office", "office-premises/private-use"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(parse_and_cover),
            cmocka_unit_test(comments_in_code_do_not_count),
            cmocka_unit_test(rule_patterns),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
