/* SPDX-License-Identifier: EUPL-1.2 */
/* test_engine.c: plugins through the engine: options, severities, fixes,
 * suppressions, failing plugins, duplicates and the match limit. */
#include "unit.h"
#include "engine/engine.h"
#include "tmpdir.h"

static char *fixture_dir(const char *name)
{
        const char *b = getenv("builddir");
        return th_xasprintf("%s/tests/fixtures/%s", b ? b : ".", name);
}

static struct th_engine *engine_with(const char *fixture, struct th_error *err)
{
        char *d = fixture_dir(fixture);
        const char *dirs[] = {d};
        struct th_engine_options opt = {dirs, 1, "/nonexistent"};
        struct th_engine *e = th_engine_new(&opt, err);
        free(d);
        return e;
}

/* Load a configuration from YAML text. */
static int config_from(struct th_config *c, const char *yaml, struct th_error *err)
{
        char *dir = tmp_dir();
        char *path = tmp_write(dir, ".twohats.yml", yaml);
        int rc = th_config_load(c, path, unit_conventions(), err);
        free(path);
        tmp_remove(dir);
        free(dir);
        return rc;
}

static void lint(struct th_engine *e, const struct th_config *c, const char *text,
                 struct th_findings *f, int want_rc)
{
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        assert_int_equal(th_engine_lint(e, c, &doc, f, &err), want_rc);
        th_error_release(&err);
        th_doc_release(&doc);
}

static void findings_with_fixes_and_severities(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_engine *e = engine_with("probe", &err);
        assert_non_null(e);
        assert_int_equal(th_engine_rule_count(e), 6);
        assert_string_equal(th_engine_find_rule(e, "probe/match")->plugin, "probe");
        struct th_config c;
        th_config_defaults(&c, ".");
        struct th_findings f = {0};
        lint(e, &c, "Een probe en “nog een probe”.", &f, 0);
        assert_int_equal(f.nr, 2);
        assert_string_equal(f.v[0].rule, "probe/match");
        assert_int_equal(f.v[0].severity, TH_SEV_WARNING);
        assert_int_equal(f.v[0].start, 4);
        assert_int_equal(f.v[0].col, 5);
        assert_int_equal(f.v[0].end_col, 10);
        assert_true(f.v[0].has_fix);
        assert_string_equal(f.v[0].fix_text, "PROBE");
        assert_string_equal(f.v[0].message, "probe");
        assert_string_equal(f.v[1].message, "probe (quoted)");
        assert_int_equal(f.v[1].col, 23); /* “ counts as one column */
        th_findings_release(&f);
        th_config_release(&c);

        assert_int_equal(
            config_from(&c,
                        "rules: {probe/match: error, probe/sentence: warning}\n"
                        "plugins: {probe: {options: {pattern: nog, sentences: true}}}\n",
                        &err),
            0);
        assert_int_equal(th_engine_check_config(e, &c, &err), 0);
        lint(e, &c, "Een probe. En nog een.", &f, 0);
        assert_int_equal(f.nr, 3);
        assert_string_equal(f.v[0].rule, "probe/sentence");
        assert_int_equal(f.v[0].severity, TH_SEV_WARNING);
        assert_string_equal(f.v[2].rule, "probe/match");
        assert_int_equal(f.v[2].severity, TH_SEV_ERROR);
        th_findings_release(&f);
        th_config_release(&c);

        assert_int_equal(config_from(&c, "plugins: {probe: false}\n", &err), 0);
        lint(e, &c, "Een probe.", &f, 0);
        assert_int_equal(f.nr, 0);
        th_config_release(&c);
        th_engine_free(e);
}

static void configuration_checked_against_plugins(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_engine *e = engine_with("probe", &err);
        struct {
                const char *yaml, *want;
                unsigned line, col;
        } cases[] = {
            {"rules: {probe/nothing: off}\n",
             "unknown rule 'probe/nothing' (twohats --list-rules shows them)", 1, 9},
            {"plugins:\n  prob: true\n", "unknown plugin 'prob' (not found in the plugin path)", 2,
             3},
            {"plugins: {probe: {options: {colour: red}}}\n",
             "plugin 'probe' has no option 'colour'", 1, 29},
            {"plugins: {probe: {options: {limit: many}}}\n",
             "option 'limit' of plugin 'probe': expected an integer", 1, 36},
            {"plugins: {probe: {options: {sentences: [a]}}}\n",
             "option 'sentences' of plugin 'probe': expected true or false", 1, 40},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct th_config c;
                assert_int_equal(config_from(&c, cases[i].yaml, &err), 0);
                assert_int_equal(th_engine_check_config(e, &c, &err), -1);
                assert_string_equal(err.message, cases[i].want);
                assert_int_equal(err.line, cases[i].line);
                assert_int_equal(err.col, cases[i].col);
                th_error_release(&err);
                th_config_release(&c);
        }
        th_engine_free(e);
}

static void suppressions(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_engine *e = engine_with("probe", &err);
        struct th_config c;
        th_config_defaults(&c, ".");
        struct th_findings f = {0};
        lint(e, &c,
             "<!-- twohats-disable-next-line probe/match -- getest -->\nEen probe.\n\n"
             "<!-- twohats-disable-next-line probe -->\nEen probe.\n\nNog een probe.\n\n"
             "<!-- twohats-disable-next-line prob/match -- typo -->\nDe probe.\n",
             &f, 0);
        assert_int_equal(f.nr, 4);
        assert_string_equal(f.v[0].rule, "core/unjustified-suppression");
        assert_int_equal(f.v[0].line, 4);
        assert_string_equal(f.v[1].rule, "probe/match");
        assert_int_equal(f.v[1].line, 7);
        assert_string_equal(f.v[2].rule, "core/invalid-suppression");
        assert_string_equal(f.v[2].message, "'prob/match' is neither a rule nor a plugin; this "
                                            "suppression has no effect for it");
        assert_string_equal(f.v[3].rule, "probe/match");
        assert_int_equal(f.v[3].line, 10);
        th_findings_release(&f);
        th_config_release(&c);
        th_engine_free(e);
}

static void match_limit_fails_the_plugin_not_the_program(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_engine *e = engine_with("probe", &err);
        struct th_config c;
        assert_int_equal(
            config_from(&c, "plugins: {probe: {options: {pattern: '(a+)+$'}}}\n", &err), 0);
        struct th_findings f = {0};
        struct th_doc doc;
        char text[64];
        memset(text, 'a', 40);
        strcpy(text + 40, "!");
        assert_int_equal(unit_doc(&doc, text, 1, &err), 0);
        assert_int_equal(th_engine_lint(e, &c, &doc, &f, &err), -1);
        assert_string_equal(err.message, "plugin 'probe' failed on t.md: pattern: match limit "
                                         "exceeded");
        assert_int_equal(err.kind, TH_ERR_PLUGIN);
        th_error_release(&err);
        th_doc_release(&doc);
        th_findings_release(&f);
        th_config_release(&c);
        th_engine_free(e);
}

static void failing_and_duplicate_plugins(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_engine *e = engine_with("initfail", &err);
        assert_non_null(e);
        struct th_config c;
        th_config_defaults(&c, ".");
        struct th_findings f = {0};
        lint(e, &c, "Tekst.", &f, -1);
        th_config_release(&c);
        th_engine_free(e);

        assert_null(engine_with("duprule", &err));
        assert_string_equal(err.message, "rule id 'duprule/r' appears twice in the plugin");
        th_error_release(&err);

        char *a = fixture_dir("probe"), *b = fixture_dir("dupname");
        const char *b_plugins = getenv("builddir");
        char *real = th_xasprintf("%s/plugins", b_plugins ? b_plugins : ".");
        const char *dirs[] = {real, b, a};
        struct th_engine_options opt = {dirs, 3, "/nonexistent"};
        assert_null(th_engine_new(&opt, &err));
        assert_non_null(strstr(err.message, "plugin name 'office-premises' is already taken by "));
        th_error_release(&err);
        free(a);
        free(b);
        free(real);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(findings_with_fixes_and_severities),
            cmocka_unit_test(configuration_checked_against_plugins),
            cmocka_unit_test(suppressions),
            cmocka_unit_test(match_limit_fails_the_plugin_not_the_program),
            cmocka_unit_test(failing_and_duplicate_plugins),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
