/* SPDX-License-Identifier: EUPL-1.2 */
/* test_match.c: compiled patterns are shared by the sessions of a process (match.h): the
 * same pattern is one object, alive until its last user frees it, and threads that match
 * with it while it is JIT-compiled find what a single thread finds. */
#include "unit.h"
#include "match/match.h"

#include <pthread.h>
#include <stdio.h>

static const char *const pattern = "(?<!\\p{L})stem (?:op|voor) (\\p{Lu}\\p{L}+)";

static struct th_regex *compile(const char *src)
{
        char why[128];
        size_t at;
        struct th_regex *re = th_regex_compile(src, why, sizeof(why), &at);
        assert_non_null(re);
        return re;
}

/* The start of each match of `re` in `text`, and of its group, summed with their places. */
static size_t matches(const struct th_regex *re, struct th_scratch *s, const char *text)
{
        size_t ov[4], sum = 0, len = strlen(text);
        for (size_t at = 0; th_regex_find(re, s, text, len, at, ov, 2) == 1; at = ov[1])
                sum = sum * 31 + ov[0] * 7 + ov[2];
        return sum;
}

static void one_object_per_pattern(void **state)
{
        (void)state;
        struct th_regex *a = compile(pattern), *b = compile(pattern);
        struct th_regex *c = compile("stem op");
        assert_ptr_equal(a, b);
        assert_ptr_not_equal(a, c);
        th_regex_free(a); /* b still holds it */
        struct th_scratch *s = th_scratch_new();
        size_t ov[4];
        const char *text = "Morgen: stem voor Pietersen.";
        assert_int_equal(th_regex_find(b, s, text, strlen(text), 0, ov, 2), 1);
        assert_int_equal(ov[2], 18);
        th_regex_free(b);
        th_regex_free(c);
        th_scratch_free(s);
        /* all gone: a new compile makes it anew, and it matches the same */
        struct th_regex *d = compile(pattern);
        s = th_scratch_new();
        assert_int_equal(th_regex_find(d, s, text, strlen(text), 0, ov, 2), 1);
        assert_int_equal(ov[2], 18);
        th_scratch_free(s);
        th_regex_free(d);
}

static char *long_text(void)
{
        struct th_buf b = {0};
        for (int i = 0; i < 3000; i++)
                th_buf_addf(&b, "Regel %d: stem %s Kandidaat%c, niet stem opnieuw. ", i,
                            i % 3 ? "op" : "voor", 'a' + i % 26);
        return th_buf_detach(&b);
}

struct worker {
        const char *text, *piece;
        size_t whole, pieces;
};

/* Compile the shared pattern, then match it: a few short pieces (interpreted, then
 * JIT-compiled once enough is scanned) and the whole text. */
static void *work(void *data)
{
        struct worker *w = data;
        struct th_regex *re = compile(pattern);
        struct th_scratch *s = th_scratch_new();
        w->pieces = 0;
        for (int i = 0; i < 100; i++)
                w->pieces += matches(re, s, w->piece);
        w->whole = matches(re, s, w->text);
        th_scratch_free(s);
        th_regex_free(re);
        return NULL;
}

static void threads_share_it_while_it_is_jit_compiled(void **state)
{
        (void)state;
        char *text = long_text();
        struct worker one = {text, "Zo: stem op Jansen, en stem voor Bakker.", 0, 0};
        work(&one);
        assert_int_not_equal(one.whole, 0);
        struct worker w[4];
        pthread_t t[4];
        for (int i = 0; i < 4; i++) {
                w[i] = one;
                assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
        }
        for (int i = 0; i < 4; i++) {
                pthread_join(t[i], NULL);
                assert_int_equal(w[i].whole, one.whole);
                assert_int_equal(w[i].pieces, one.pieces);
        }
        free(text);
}

/* The first match of `src` in `text` from `at`: "start-end", or "none". */
static void first_match(const char *src, const char *text, size_t at, const char *expect)
{
        struct th_regex *re = compile(src);
        struct th_scratch *s = th_scratch_new();
        size_t ov[2];
        char got[32] = "none";
        if (th_regex_find(re, s, text, strlen(text), at, ov, 1) == 1)
                snprintf(got, sizeof(got), "%zu-%zu", ov[0], ov[1]);
        if (strcmp(got, expect))
                fail_msg("/%s/ in '%s' from %zu: expected %s, got %s", src, text, at, expect, got);
        th_scratch_free(s);
        th_regex_free(re);
}

/* What every match holds (a code unit PCRE2 reports, a word read off the pattern) only
 * spares PCRE2 a subject that cannot match: every match is still found. */
static void what_every_match_holds_loses_no_match(void **state)
{
        (void)state;
        first_match("\\bwat\\s+nodig\\b", "Doen WAT   Nodig is.", 0, "5-16");
        first_match("\\bwat\\s+nodig\\b", "Doen wat nodig is.", 6, "none"); /* from `at` */
        first_match("\\bkies\\s+(?:voor|op)\\s+ons", "Vandaag: KIES op ons", 0, "9-20");
        first_match("\\bkies\\b", "\xE2\x84\xAAies nu", 0, "0-6");      /* a Kelvin sign k */
        first_match("\\bvers\\b", "Ver\xC5\xBF en oud", 0, "0-5");      /* a long s */
        first_match("\\bstem\\b|\\bkies\\b", "Wie kies je?", 0, "4-8"); /* either one */
        first_match("(?:kiest|kozen)\\s+voor", "Zij KOZEN voor ons.", 0, "4-14");
        first_match("#stem\\w+", "Zeg het met #StemNu!", 0, "12-19"); /* a code unit */
        first_match("#stem\\w+", "Zeg het met stemNu!", 0, "none");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(one_object_per_pattern),
            cmocka_unit_test(threads_share_it_while_it_is_jit_compiled),
            cmocka_unit_test(what_every_match_holds_loses_no_match),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
