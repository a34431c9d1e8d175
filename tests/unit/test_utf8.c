/* SPDX-License-Identifier: EUPL-1.2 */
/* test_utf8.c: validation and counting of UTF-8. */
#include "unit.h"
#include "base/utf8.h"

static void valid_sequences(void **state)
{
        (void)state;
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"a", 1), 1);
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xC3\xA9", 2), 2);     /* é */
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xE2\x80\x99", 3), 3); /* ’ */
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xF0\x9F\x98\x80", 4), 4);
}

static void invalid_sequences(void **state)
{
        (void)state;
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xC0\x80", 2), 0); /* overlong */
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xED\xA0\x80", 3),
                         0); /* surrogate */
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xC3", 1), 0);  /* truncated */
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\x80", 1), 0);  /* stray */
        assert_int_equal(th_utf8_seq_len((const unsigned char *)"\xE9t", 2), 0); /* Latin-1 é */
}

static void first_invalid_and_counts(void **state)
{
        (void)state;
        const char *s = "caf\xC3\xA9 caf\xE9";
        assert_int_equal(th_utf8_first_invalid(s, strlen(s)), 9);
        assert_int_equal(th_utf8_first_invalid("ok", 2), 2);
        assert_int_equal(th_utf8_count("caf\xC3\xA9", 5), 4);
        assert_int_equal(th_utf8_count_utf16("a\xF0\x9F\x98\x80"
                                             "b",
                                             6),
                         4); /* emoji: 2 units */
        size_t len;
        assert_int_equal(th_utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &len), 0x2019);
        assert_int_equal(len, 3);
        assert_int_equal(th_utf8_decode((const unsigned char *)"\xFF", 1, &len), 0xFFFD);
        assert_int_equal(len, 1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(valid_sequences),
            cmocka_unit_test(invalid_sequences),
            cmocka_unit_test(first_invalid_and_counts),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
