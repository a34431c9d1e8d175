/* SPDX-License-Identifier: EUPL-1.2 */
/* test_loader.c: every refusal of the plugin loader, with the file and the reason. */
#include "unit.h"
#include "engine/loader.h"

static char *fixture(const char *name)
{
        const char *b = getenv("builddir");
        return th_xasprintf("%s/tests/fixtures/%s/%s", b ? b : ".", name, name);
}

/* Open fixture `name` and return the error message (NULL when it loaded). */
static char *open_error(const char *name)
{
        struct th_error err = {0};
        struct th_loader *l = th_loader_new(&err);
        assert_non_null(l);
        char *path = fixture(name);
        struct th_module m;
        char *msg = NULL;
        if (th_loader_open(l, path, &m, &err) < 0) {
                assert_string_equal(err.file, path);
                assert_int_equal(err.kind, TH_ERR_PLUGIN);
                msg = th_xstrdup(err.message);
        } else {
                assert_string_equal(m.desc->name, name);
                free(m.path);
        }
        th_error_release(&err);
        free(path);
        th_loader_free(l);
        return msg;
}

static void refusals(void **state)
{
        (void)state;
        struct {
                const char *fixture, *want;
        } cases[] = {
            {"noentry", "not a twohats plugin: no entry point 'noentry_LTX_twohats_plugin_v1' "
                        "(define it with TWOHATS_PLUGIN(noentry, descriptor))"},
            {"abi2", "plugin built for plugin ABI 2, but this twohats speaks ABI 1: rebuild the "
                     "plugin against this version's <twohats/plugin.h>"},
            {"badmajor", "plugin built for plugin ABI 2.0, but this twohats speaks ABI 1.1: "
                         "rebuild the plugin"},
            {"newminor", "plugin needs plugin ABI 1.2, newer than this twohats (ABI 1.1): upgrade "
                         "twohats"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char *msg = open_error(cases[i].fixture);
                assert_non_null(msg);
                assert_string_equal(msg, cases[i].want);
                free(msg);
        }
}

static void missing_file(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_loader *l = th_loader_new(&err);
        struct th_module m;
        assert_int_equal(th_loader_open(l, "/nonexistent/plugin", &m, &err), -1);
        assert_non_null(strstr(err.message, "cannot open plugin: "));
        assert_string_equal(err.file, "/nonexistent/plugin");
        th_error_release(&err);
        th_loader_free(l);
}

static void good_plugin_loads(void **state)
{
        (void)state;
        assert_null(open_error("probe"));
        assert_null(open_error("initfail")); /* init failures come later, from the engine */
        /* A descriptor one field shorter, of an older minor: under AddressSanitizer, a read
         * of the field it lacks would be a global buffer overflow. */
        assert_null(open_error("oldminor"));
}

static void scan_deduplicates_by_module(void **state)
{
        (void)state;
        const char *b = getenv("builddir");
        char *probe = th_xasprintf("%s/tests/fixtures/probe", b ? b : ".");
        const char *dirs[] = {probe, probe, "/nonexistent"};
        char **paths;
        size_t n = th_loader_scan(dirs, 3, &paths);
        assert_int_equal(n, 1);
        char *want = th_xasprintf("%s/probe", probe);
        assert_string_equal(paths[0], want);
        free(want);
        free(paths[0]);
        free(paths);
        free(probe);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(refusals),
            cmocka_unit_test(missing_file),
            cmocka_unit_test(good_plugin_loads),
            cmocka_unit_test(scan_deduplicates_by_module),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
