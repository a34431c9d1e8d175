/* SPDX-License-Identifier: EUPL-1.2 */
/* test_input.c: JSON Lines records, their names and metadata; folder walking. */
#include "unit.h"
#include "input/input.h"
#include "tmpdir.h"

struct seen {
        char names[8][64];
        char texts[8][192];
        char channels[8][32];
        size_t n;
};

static int collect(struct th_unit *u, void *data)
{
        struct seen *s = data;
        if (u->error) { /* a bad record: its message in place of a text */
                char *msg = th_error_format(u->error);
                snprintf(s->names[s->n], sizeof(s->names[0]), "%s", u->name);
                snprintf(s->texts[s->n], sizeof(s->texts[0]), "%s", msg);
                free(msg);
                s->n++;
                return 0;
        }
        snprintf(s->names[s->n], sizeof(s->names[0]), "%s", u->name);
        snprintf(s->texts[s->n], sizeof(s->texts[0]), "%s", u->text);
        const char *ch = u->fields ? th_meta_value(u->fields, "channel", 0) : NULL;
        snprintf(s->channels[s->n], sizeof(s->channels[0]), "%s", ch ? ch : "-");
        s->n++;
        free(u->text);
        return 0;
}

static void records(void **state)
{
        (void)state;
        const char *jsonl = "{\"id\": \"pp-01\", \"text\": \"Een\", \"channel\": \"web\"}\n"
                            "\n"
                            "{\"text\": \"Twee\", \"meta\": {\"channel\": \"social\", \"account\": "
                            "\"hybride\"}, \"expect\": [\"a\"]}\n";
        struct seen s = {0};
        assert_int_equal(th_input_jsonl("c.jsonl", "c.jsonl", jsonl, strlen(jsonl),
                                        unit_conventions(), collect, &s),
                         0);
        assert_int_equal(s.n, 2);
        assert_string_equal(s.names[0], "c.jsonl:pp-01");
        assert_string_equal(s.names[1], "c.jsonl:3");
        assert_string_equal(s.texts[1], "Twee");
        assert_string_equal(s.channels[0], "web");
        assert_string_equal(s.channels[1], "social");
}

static void bad_records(void **state)
{
        (void)state;
        /* each bad record is handed over with its message, and the records after it are read */
        struct {
                const char *jsonl, *want;
        } cases[] = {
            {"{\"text\": \"b\",}\n",
             "c.jsonl:1:14: invalid JSON Lines record: string or '}' expected near '}'"},
            {"[1, 2]\n", "c.jsonl:1:1: expected a JSON object with a \"text\" field (a string)"},
            {"{\"text\": \"a\", \"channel\": \"tv\"}\n",
             "c.jsonl:1: invalid value 'tv' for metadata 'channel'; expected speech, "
             "press-release, web, newsletter, social, agenda, letter, interview, party"},
            {"{\"text\": \"a\", \"x\": {\"y\": 1}}\n",
             "c.jsonl:1: record field 'x': expected a text, a number, true, false or a list of "
             "texts"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char *jsonl = th_xasprintf("%s{\"text\": \"na\"}\n", cases[i].jsonl);
                struct seen s = {0};
                assert_int_equal(th_input_jsonl("c.jsonl", "c.jsonl", jsonl, strlen(jsonl),
                                                unit_conventions(), collect, &s),
                                 0);
                assert_int_equal(s.n, 2);
                assert_string_equal(s.names[0], "c.jsonl:1");
                assert_string_equal(s.texts[0], cases[i].want);
                assert_string_equal(s.texts[1], "na");
                free(jsonl);
        }
}

static void walk_sorted_without_hidden(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        free(tmp_write(dir, "b.md", "x"));
        free(tmp_write(dir, "a/z.txt", "x"));
        free(tmp_write(dir, ".git/config", "x"));
        free(tmp_write(dir, ".hidden.md", "x"));
        struct th_walk w;
        assert_int_equal(th_input_walk(dir, 0, &w), 0);
        assert_int_equal(w.nfiles, 2);
        char *want = th_xasprintf("%s/a/z.txt", dir);
        assert_string_equal(w.files[0], want);
        free(want);
        th_walk_release(&w);
        tmp_remove(dir);
        free(dir);
        assert_int_equal(th_input_markup("x.TXT"), TH_MARKUP_PLAIN);
        assert_int_equal(th_input_markup("x.markdown"), TH_MARKUP_MARKDOWN);
        assert_true(th_input_is_jsonl("a/b.jsonl"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(records),
            cmocka_unit_test(bad_records),
            cmocka_unit_test(walk_sorted_without_hidden),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
