/* SPDX-License-Identifier: EUPL-1.2 */
/* test_record.c: the fast path for JSON Lines records (record.h) against jansson, which
 * reads every record: on thousands of generated records, some of them broken, the fast
 * path gives what jansson's path gives (text, id, fields in order), or leaves the record
 * to it; and it does read the usual shape. */
#include "unit.h"
#include "input/record.h"

#include <jansson.h>
#include <stdio.h>

/* What input.c's jansson path makes of a record, flattened as the fast path lists it:
 * "key=v1|v2" per field in order; NULL when a value is of a shape the fast path leaves
 * to jansson anyway (numbers, null, nesting). */
static int reference_fields(json_t *obj, struct th_buf *b)
{
        const char *key;
        json_t *v;
        json_object_foreach(obj, key, v)
        {
                if (!strcmp(key, "text") || !strcmp(key, "id"))
                        continue;
                if (!strcmp(key, "meta") && json_is_object(v)) {
                        if (reference_fields(v, b) < 0)
                                return -1;
                        continue;
                }
                th_buf_addf(b, "%s=", key);
                if (json_is_string(v)) {
                        th_buf_adds(b, json_string_value(v));
                } else if (json_is_boolean(v)) {
                        th_buf_adds(b, json_is_true(v) ? "true" : "false");
                } else if (json_is_array(v)) {
                        size_t i;
                        json_t *item;
                        json_array_foreach(v, i, item)
                        {
                                if (!json_is_string(item))
                                        return -1;
                                th_buf_addf(b, "%s%s", i ? "|" : "", json_string_value(item));
                        }
                } else {
                        return -1;
                }
                th_buf_adds(b, "\n");
        }
        return 0;
}

static char *fast_fields(const struct th_record *r)
{
        struct th_buf b = {0};
        th_buf_add(&b, "", 0);
        for (size_t i = 0; i < r->nfields; i++) {
                th_buf_addf(&b, "%s=", r->fields[i].key);
                for (size_t k = 0; k < r->fields[i].nr; k++)
                        th_buf_addf(&b, "%s%s", k ? "|" : "", r->fields[i].vals[k]);
                th_buf_adds(&b, "\n");
        }
        return th_buf_detach(&b);
}

/* Compare the two paths on `s`; returns whether the fast path read it. */
static int compare(const char *s, size_t n)
{
        struct th_record r;
        int fast = th_record_parse(s, n, &r);
        json_t *root = json_loadb(s, n, 0, NULL);
        json_t *text = json_object_get(root, "text"), *id = json_object_get(root, "id");
        if (!root || !json_is_object(root) || !json_is_string(text)) {
                if (fast)
                        fail_msg("the fast path read a record jansson's path refuses: %.*s", (int)n,
                                 s);
                json_decref(root);
                return 0;
        }
        if (fast) {
                struct th_buf want = {0};
                th_buf_add(&want, "", 0);
                if (reference_fields(root, &want) < 0)
                        fail_msg("the fast path read a shape it should leave: %.*s", (int)n, s);
                char *got = fast_fields(&r);
                assert_string_equal(got, want.s);
                assert_int_equal(r.len, json_string_length(text));
                assert_memory_equal(r.text, json_string_value(text), r.len);
                if (json_is_string(id))
                        assert_string_equal(r.id, json_string_value(id));
                else
                        assert_null(r.id);
                free(got);
                th_buf_release(&want);
                th_record_release(&r);
        }
        json_decref(root);
        return fast;
}

static void usual_records(void **state)
{
        (void)state;
        static const char *const read[] = {
            "{\"text\": \"Stem op de VVD!\", \"channel\": \"social\", \"account\": \"corporate\"}",
            "{\"id\": \"p-17\", \"text\": \"x\", \"meta\": {\"minister\": [\"Jansen\", \"De "
            "Vries\"]}}",
            "  {\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ "
            "\\b\\f\\n\\r\\t\",\"x\":true}  \r",
            "{\"text\": \"\", \"meta\": {}, \"tags\": [], \"ok\": false}",
            "{\"meta\": {\"text\": \"left out\", \"id\": \"also\"}, \"text\": \"t\"}",
        };
        for (size_t i = 0; i < sizeof(read) / sizeof(*read); i++)
                assert_true(compare(read[i], strlen(read[i])));
        static const char *const left[] = {
            "{\"text\": \"t\", \"n\": 5}",                 /* a number */
            "{\"text\": \"t\", \"n\": null}",              /* null */
            "{\"text\": \"t\", \"k\": 1, \"k\": 2}",       /* a key twice */
            "{\"text\": \"a\", \"text\": \"b\"}",          /* text twice */
            "{\"text\": \"t\", \"id\": 7}",                /* an id that is not a text */
            "{\"text\": \"t\", \"meta\": {\"meta\": {}}}", /* nesting */
            "{\"text\": \"t\", \"meta\": \"x\"}",          /* meta that is not an object */
            "{\"text\": \"a\\u0000b\"}",                   /* \u0000 */
            "{\"text\": \"\\ud83d\"}",                     /* a lone surrogate */
            "{\"text\": \"\\udc00\"}",                     /* a lone low surrogate */
            "{\"text\": \"a\xff\"}",                       /* invalid UTF-8 */
            "{\"text\": \"a\tb\"}",                        /* a raw control character */
            "{\"text\": \"t\"} x",                         /* after the object */
            "{\"text\": \"t\",}",                          /* a trailing comma */
            "{\"text\": \"t\"",                            /* cut off */
            "[\"text\"]",                                  /* not an object */
            "{\"channel\": \"social\"}",                   /* no text */
            "{\"text\": \"t\", \"x\": truex}",             /* a word that is not true */
        };
        for (size_t i = 0; i < sizeof(left) / sizeof(*left); i++)
                assert_false(compare(left[i], strlen(left[i])));
}

/* A small generator, seeded: the same records on every run. */
static unsigned long long seed = 88172645463325252ULL;
static unsigned next(unsigned n)
{
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return (unsigned)(seed % n);
}

static json_t *random_string(void)
{
        static const unsigned cps[] = {'a',    'Z',     ' ',      '"',   '\\',   '/',
                                       '\n',   '\t',    0x1F,     0xE9,  0x20AC, 0x2028,
                                       0xFFFD, 0x1F600, 0x10FFFF, 0xD7FF};
        struct th_buf b = {0};
        th_buf_add(&b, "", 0);
        for (unsigned i = next(12); i > 0; i--) {
                unsigned cp = cps[next(sizeof(cps) / sizeof(*cps))];
                char u[5] = {0};
                if (cp < 0x80)
                        u[0] = (char)cp;
                else if (cp < 0x800)
                        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
                else if (cp < 0x10000)
                        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
                        u[2] = (char)(0x80 | (cp & 0x3F));
                else
                        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
                        u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
                th_buf_adds(&b, u);
        }
        json_t *s = json_string(b.s);
        th_buf_release(&b);
        return s;
}

static json_t *random_value(int depth)
{
        switch (next(depth ? 9 : 8)) {
        case 0:
                return json_true();
        case 1:
                return json_false();
        case 2: {
                json_t *a = json_array();
                for (unsigned i = next(4); i > 0; i--)
                        json_array_append_new(a, next(10) ? random_string() : json_integer(3));
                return a;
        }
        case 3:
                return next(4) ? random_string() : json_integer((json_int_t)next(1000));
        case 4:
                return next(3) ? random_string() : json_null();
        case 8: {
                json_t *o = json_object();
                for (unsigned i = next(4); i > 0; i--)
                        json_object_set_new(o, next(5) ? "channel" : "text", random_value(0));
                return o;
        }
        default:
                return random_string();
        }
}

static void generated_records(void **state)
{
        (void)state;
        static const char *const keys[] = {"channel", "account", "date",      "minister",   "party",
                                           "meta",    "id",      "x\xc3\xa9", "prepared_by"};
        unsigned read = 0, total = 6000;
        for (unsigned i = 0; i < total; i++) {
                json_t *rec = json_object();
                if (next(20))
                        json_object_set_new(rec, "text", random_string());
                for (unsigned k = next(6); k > 0; k--) {
                        const char *key = keys[next(sizeof(keys) / sizeof(*keys))];
                        json_object_set_new(rec, key,
                                            !strcmp(key, "meta")            ? random_value(1)
                                            : !strcmp(key, "id") && next(2) ? random_string()
                                                                            : random_value(0));
                }
                size_t flags = next(2) ? JSON_ENSURE_ASCII : 0;
                char *s = json_dumps(rec, flags | (next(2) ? JSON_COMPACT : 0));
                size_t n = strlen(s);
                if (!next(8) && n > 2) /* broken: cut, or a byte changed */
                        next(2) ? (void)(n = next((unsigned)n))
                                : (void)(s[next((unsigned)n)] ^= 0x22);
                read += (unsigned)compare(s, n);
                free(s);
                json_decref(rec);
        }
        /* the usual shape is most of them: the fast path must not leave them all */
        assert_true(read > total / 4);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(usual_records),
            cmocka_unit_test(generated_records),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
