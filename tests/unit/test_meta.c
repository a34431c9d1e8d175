/* SPDX-License-Identifier: EUPL-1.2 */
/* test_meta.c: metadata validation, canonical values and --meta. */
#include "document/meta.h"
#include "unit.h"

static void canonical_values(void **state)
{
        (void)state;
        struct th_meta m;
        struct th_error err = {0};
        th_meta_init(&m);
        const char *hybride = "Hybride", *ambtelijk = "ambtelijk", *unknown = "x";
        assert_int_equal(
            th_meta_set(&m, "account", &hybride, 1, NULL, unit_conventions(), "f", 1, 1, &err), 0);
        assert_int_equal(th_meta_set(&m, "prepared-by", &ambtelijk, 1, NULL, unit_conventions(),
                                     "f", 1, 1, &err),
                         0);
        assert_int_equal(
            th_meta_set(&m, "custom-key", &unknown, 1, NULL, unit_conventions(), "f", 1, 1, &err),
            0);
        assert_string_equal(th_meta_value(&m, "account", 0), "hybrid");
        assert_string_equal(th_meta_value(&m, "prepared-by", 0), "civil-service");
        assert_string_equal(th_meta_value(&m, "custom-key", 0), "x");
        assert_null(th_meta_value(&m, "channel", 0));
        th_meta_release(&m);
}

/* The other spellings come from the language's conventions: without them "hybride" is
 * refused, and with them the message lists each beside its value. */
static void spellings_from_conventions(void **state)
{
        (void)state;
        struct th_meta m;
        struct th_error err = {0};
        th_meta_init(&m);
        const char *hybride = "hybride", *bad = "public";
        assert_int_equal(th_meta_set(&m, "account", &hybride, 1, NULL, NULL, "f", 1, 1, &err), -1);
        assert_string_equal(err.message, "invalid value 'hybride' for metadata 'account'; "
                                         "expected corporate, hybrid, personal");
        th_error_release(&err);
        assert_int_equal(
            th_meta_set(&m, "account", &bad, 1, NULL, unit_conventions(), "f", 1, 1, &err), -1);
        assert_string_equal(err.message, "invalid value 'public' for metadata 'account'; "
                                         "expected corporate, hybrid (hybride), personal "
                                         "(persoonlijk)");
        th_error_release(&err);
        th_meta_release(&m);
}

static void invalid_value_names_key_and_allowed(void **state)
{
        (void)state;
        struct th_meta m;
        struct th_error err = {0};
        th_meta_init(&m);
        const char *v = "tweet";
        assert_int_equal(
            th_meta_set(&m, "channel", &v, 1, NULL, unit_conventions(), "post.md", 3, 10, &err),
            -1);
        char *msg = th_error_format(&err);
        assert_string_equal(msg, "post.md:3:10: invalid value 'tweet' for metadata 'channel'; "
                                 "expected speech, press-release, web, newsletter, social, "
                                 "agenda, letter, interview, party");
        free(msg);
        th_error_release(&err);
        th_meta_release(&m);
}

static void dates(void **state)
{
        (void)state;
        struct th_meta m;
        struct th_error err = {0};
        th_meta_init(&m);
        const char *good[] = {"2021-03-17", "2024-02-29", "2021-03-17T10:30",
                              "2021-03-17T10:30:00Z", "2021-03-17T10:30:00+01:00"};
        const char *bad[] = {"2021-02-29", "2021-13-01", "17-03-2021", "2021-03-17T25", "morgen"};
        for (size_t i = 0; i < 5; i++) {
                assert_int_equal(
                    th_meta_set(&m, "date", &good[i], 1, NULL, unit_conventions(), "f", 0, 0, &err),
                    0);
                assert_int_equal(
                    th_meta_set(&m, "date", &bad[i], 1, NULL, unit_conventions(), "f", 0, 0, &err),
                    -1);
                th_error_release(&err);
        }
        th_meta_release(&m);
}

static void meta_argument(void **state)
{
        (void)state;
        struct th_meta m;
        struct th_error err = {0};
        th_meta_init(&m);
        assert_int_equal(th_meta_set_arg(&m, "minister=Jansen, De Vries", NULL, &err), 0);
        const struct th_meta_entry *e = th_meta_get(&m, "minister");
        assert_int_equal(e->nr, 2);
        assert_string_equal(e->values[1], "De Vries");
        assert_int_equal(th_meta_set_arg(&m, "channel", NULL, &err), -1);
        assert_string_equal(err.message, "expected KEY=VALUE, got 'channel'");
        th_error_release(&err);
        const char *two[] = {"web", "social"};
        assert_int_equal(
            th_meta_set(&m, "channel", two, 2, NULL, unit_conventions(), "f", 0, 0, &err), -1);
        th_error_release(&err);
        th_meta_release(&m);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(canonical_values),
            cmocka_unit_test(spellings_from_conventions),
            cmocka_unit_test(invalid_value_names_key_and_allowed),
            cmocka_unit_test(dates),
            cmocka_unit_test(meta_argument),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
