/* SPDX-License-Identifier: EUPL-1.2 */
/* test_configfile.c: .twohats.yml: keys, errors with positions, discovery, globs. */
#include "unit.h"

#include <unistd.h>
#include "config/configfile.h"
#include "tmpdir.h"

static void full_configuration(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        char *path = tmp_write(dir, ".twohats.yml",
                               "extensions: [md, .txt]\n"
                               "rules:\n  office-premises/private-use: off\n"
                               "  office-premises/campaign-use: error\n"
                               "plugins:\n  probe:\n    enabled: false\n    options:\n"
                               "      limit: 3\n  other: false\n"
                               "metadata:\n  - files: \"agenda/*.md\"\n    channel: agenda\n"
                               "    location: Catshuis\n  - files: \"*.txt\"\n    channel: web\n");
        struct th_config c;
        struct th_error err = {0};
        assert_int_equal(th_config_load(&c, path, unit_conventions(), &err), 0);
        assert_int_equal(c.nextensions, 2);
        assert_string_equal(c.extensions[1], "txt");
        assert_int_equal(th_config_rule_severity(&c, "office-premises/private-use"), TH_SEV_OFF);
        assert_int_equal(th_config_rule_severity(&c, "office-premises/campaign-use"), TH_SEV_ERROR);
        assert_int_equal(th_config_rule_severity(&c, "core/invalid-utf8"), -1);
        const struct th_plugin_setting *ps = th_config_plugin(&c, "probe");
        assert_false(ps->enabled);
        assert_string_equal(ps->options[0].name, "limit");
        assert_string_equal(ps->options[0].value, "3");
        assert_int_equal(ps->options[0].at.line, 9);
        assert_int_equal(ps->options[0].value_at.col, 14);
        assert_false(th_config_plugin(&c, "other")->enabled);
        assert_true(th_config_takes(&c, "x/y.MD"));
        assert_false(th_config_takes(&c, "x/y.jsonl"));
        char *agenda = tmp_write(dir, "agenda/item.md", "x");
        char *note = tmp_write(dir, "notes/n.txt", "x");
        struct th_meta m;
        th_meta_init(&m);
        th_config_meta_for(&c, agenda, &m);
        assert_string_equal(th_meta_value(&m, "location", 0), "Catshuis");
        th_meta_release(&m);
        th_meta_init(&m);
        th_config_meta_for(&c, note, &m);
        assert_string_equal(th_meta_value(&m, "channel", 0), "web");
        assert_null(th_meta_value(&m, "location", 0));
        th_meta_release(&m);
        th_config_release(&c);
        free(agenda);
        free(note);
        free(path);
        tmp_remove(dir);
        free(dir);
}

/* Load `yaml` and return the formatted error. */
static char *load_error(const char *yaml)
{
        char *dir = tmp_dir();
        char *path = tmp_write(dir, "c.yml", yaml);
        struct th_config c;
        struct th_error err = {0};
        assert_int_equal(th_config_load(&c, path, unit_conventions(), &err), -1);
        th_config_release(&c);
        free(err.file);
        err.file = th_xstrdup("c.yml");
        char *msg = th_error_format(&err);
        th_error_release(&err);
        free(path);
        tmp_remove(dir);
        free(dir);
        return msg;
}

static void errors_name_line_and_column(void **state)
{
        (void)state;
        struct {
                const char *yaml, *want;
        } cases[] = {
            {"rules: {}\nrulez: {}\n", "c.yml:2:1: unknown key 'rulez'; expected extensions, "
                                       "rules, plugins, metadata or rule-files"},
            {"rules:\n  office-premises/campaign-use: loud\n",
             "c.yml:2:33: rule 'office-premises/campaign-use': expected off, info, warning or "
             "error, got 'loud'"},
            {"extensions: md\n", "c.yml:1:13: 'extensions': expected a list such as [md, txt], "
                                 "got a scalar"},
            {"plugins:\n  probe:\n    enable: true\n",
             "c.yml:3:5: plugin 'probe': unknown key 'enable'; expected enabled or options"},
            {"metadata:\n  - channel: web\n",
             "c.yml:2:5: 'metadata': each entry needs 'files' (a glob)"},
            {"metadata:\n  - files: a.md\n    channel: tweet\n",
             "c.yml:3:14: invalid value 'tweet' for metadata 'channel'; expected speech, "
             "press-release, web, newsletter, social, agenda, letter, interview, party"},
            {"metadata:\n  - files: a.md\n    minister: {a: b}\n",
             "c.yml:3:15: metadata 'minister': expected a value or a list, got a mapping"},
            {"metadata:\n  - files: a.md\n    minister: [Jansen, [x]]\n",
             "c.yml:3:24: metadata 'minister': expected text values, got a list"},
            {"rules: [a\n", "c.yml:2:1: invalid YAML: did not find expected ',' or ']' while "
                            "parsing a flow sequence"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char *msg = load_error(cases[i].yaml);
                assert_string_equal(msg, cases[i].want);
                free(msg);
        }
}

static void nearest_configuration_wins(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        char *top = tmp_write(dir, ".twohats.yml", "rules: {}\n");
        char *inner = tmp_write(dir, "a/.twohats.yml", "rules: {}\n");
        char *deeper = th_xasprintf("%s/a/b", dir);
        assert_int_equal(mkdir(deeper, 0700), 0);
        char *ignored;
        char *found = th_config_find(deeper, &ignored);
        char *real_inner = realpath(inner, NULL);
        assert_string_equal(found, real_inner);
        assert_null(ignored);
        free(found);
        found = th_config_find(dir, &ignored);
        char *real_top = realpath(top, NULL);
        assert_string_equal(found, real_top);
        free(found);
        /* a configuration of another user is passed over (root may give it away) */
        if (geteuid() == 0 && chown(inner, 4242, 4242) == 0) {
                found = th_config_find(deeper, &ignored);
                assert_string_equal(found, real_top);
                assert_string_equal(ignored, real_inner);
                free(found);
                free(ignored);
        }
        free(real_inner);
        free(real_top);
        free(top);
        free(inner);
        free(deeper);
        tmp_remove(dir);
        free(dir);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(full_configuration),
            cmocka_unit_test(errors_name_line_and_column),
            cmocka_unit_test(nearest_configuration_wins),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
