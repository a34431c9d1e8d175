/* SPDX-License-Identifier: EUPL-1.2 */
/* test_yamldoc.c: the table-driven walker: handlers in document order, unknown keys and
 * values of the wrong kind refused at their place, with the list of keys from the table. */
#include <stdio.h>

#include "unit.h"
#include "yaml/yamldoc.h"

struct seen {
        char names[64];
};

static int read_name(const struct th_ywalk *w, const struct th_ynode *value)
{
        struct seen *s = w->ctx;
        strncat(s->names, th_yamldoc_scalar(value), sizeof(s->names) - strlen(s->names) - 1);
        return 0;
}

static int read_list(const struct th_ywalk *w, const struct th_ynode *value)
{
        struct seen *s = w->ctx;
        char n[16];
        snprintf(n, sizeof(n), "[%zu]", th_yamldoc_count(value));
        strncat(s->names, n, sizeof(s->names) - strlen(s->names) - 1);
        return 0;
}

static const struct th_ykey keys[] = {
    {"name", TH_YSCALAR, read_name}, {"items", TH_YLIST, read_list}, {NULL, TH_YANY, NULL}};

/* Walk `text`; the error message (NULL when none) and the error's line and column. */
static char *walk(const char *text, struct seen *s, unsigned *line, unsigned *col)
{
        struct th_yamldoc y;
        struct th_error err = {0};
        memset(s, 0, sizeof(*s));
        assert_int_equal(th_yamldoc_load(&y, "t.yml", text, strlen(text), 0, TH_ERR_USAGE, &err),
                         0);
        int rc = th_yamldoc_walk(&y, th_yamldoc_root(&y), keys, s, "thing", TH_ERR_USAGE, &err);
        th_yamldoc_release(&y);
        char *msg = rc < 0 ? th_xstrdup(err.message) : NULL;
        *line = err.line;
        *col = err.col;
        th_error_release(&err);
        return msg;
}

static void walks_in_order(void **state)
{
        (void)state;
        struct seen s;
        unsigned line, col;
        assert_null(walk("items: [a, b]\nname: x\n", &s, &line, &col));
        assert_string_equal(s.names, "[2]x");
}

static void unknown_key_lists_the_table(void **state)
{
        (void)state;
        struct seen s;
        unsigned line, col;
        char *msg = walk("name: x\ncolour: red\n", &s, &line, &col);
        assert_string_equal(msg, "thing: unknown key 'colour'; expected name or items");
        assert_int_equal(line, 2);
        assert_int_equal(col, 1);
        free(msg);
}

static void wrong_kind_is_refused(void **state)
{
        (void)state;
        struct seen s;
        unsigned line, col;
        char *msg = walk("items: none\n", &s, &line, &col);
        assert_string_equal(msg, "thing: 'items': expected a list, got a scalar");
        assert_int_equal(line, 1);
        assert_string_equal(s.names, "");
        free(msg);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(walks_in_order),
            cmocka_unit_test(unknown_key_lists_the_table),
            cmocka_unit_test(wrong_kind_is_refused),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
