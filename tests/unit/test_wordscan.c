/* SPDX-License-Identifier: EUPL-1.2 */
/* test_wordscan.c: the word index's fast scan agrees with the byte-wise definition. */
#include "unit.h"
#include "match/wordscan.h"

#include <stdio.h>

/* The definition: a run of characters that th_utf8_is_word accepts. */
static size_t word_end_slowly(const unsigned char *u, size_t len, size_t i)
{
        while (i < len) {
                size_t cl;
                if (!th_utf8_is_word(th_utf8_decode(u + i, len - i, &cl)))
                        break;
                i += cl;
        }
        return i;
}

static void word_ends_as_defined_from_every_byte(void **state)
{
        (void)state;
        /* words longer and shorter than the sixteen-byte step, digits, the letters next
         * to the ASCII range ('@', '[', '`', '{'), non-ASCII letters and punctuation */
        const char *text = "Staatssecretarisschap@campagne-optredens [2021]`x{y} "
                           "co\xC3\xB6rdinatie\xE2\x80\x99s ministersploeg\xC3\xA9\xC3\xA9n "
                           "\xC2\xAB"
                           "VVD\xC2\xBB 0123456789abcdefghijKLMNOPQRSTUVWXYZ/"
                           "\xF0\x9F\x98\x80ja";
        const unsigned char *u = (const unsigned char *)text;
        size_t len = strlen(text);
        for (size_t n = len - 20; n <= len; n++) /* also the tail without a full step */
                for (size_t i = 0; i < n; i++)
                        if ((u[i] & 0xC0) != 0x80)
                                assert_int_equal(th_word_scan_end(u, n, i),
                                                 word_end_slowly(u, n, i));
        assert_int_equal(th_word_scan_end(u, len, 0), 21); /* "Staatssecretarisschap" */
}

static void a_word_has_one_id_wherever_it_stands(void **state)
{
        (void)state;
        const char *words[] = {"a",
                               "minister",
                               "premierschap",
                               "lijsttrekkers",
                               "staatssecretarissen",
                               "staatssecretarisschap"};
        for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
                char room[64];
                size_t n = strlen(words[k]);
                snprintf(room, sizeof(room), "%s, and more text after it.", words[k]);
                const unsigned char *a = (const unsigned char *)room,
                                    *b = (const unsigned char *)words[k];
                struct th_word_id x = th_word_id_of(a, strlen(room), 0, n); /* loads */
                struct th_word_id y = th_word_id_of(b, n, 0, n);            /* copies */
                assert_true(x.lo == y.lo && x.hi == y.hi && x.len == y.len && x.len == n);
                assert_true(th_word_id_hash(x, a) == th_word_id_hash(y, b));
        }
        /* the same first sixteen bytes: the rest tells the hashes apart */
        const unsigned char *p = (const unsigned char *)"staatssecretarissen",
                            *q = (const unsigned char *)"staatssecretarisschap";
        struct th_word_id x = th_word_id_of(p, 19, 0, 19), y = th_word_id_of(q, 21, 0, 19);
        assert_true(x.lo == y.lo && x.hi == y.hi);
        assert_true(th_word_id_hash(x, p) != th_word_id_hash(y, q));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(word_ends_as_defined_from_every_byte),
            cmocka_unit_test(a_word_has_one_id_wherever_it_stands),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
