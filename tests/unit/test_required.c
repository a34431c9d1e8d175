/* SPDX-License-Identifier: EUPL-1.2 */
/* test_required.c: the word every match of a pattern holds, and the search for it. */
#include "unit.h"
#include "match/required.h"

static void word(const char *pattern, const char *expect)
{
        char out[32];
        size_t n = th_required_word(pattern, 3, out, sizeof(out));
        if (!expect) {
                if (n)
                        fail_msg("%s: expected no word, got '%.*s'", pattern, (int)n, out);
                return;
        }
        if (n != strlen(expect) || memcmp(out, expect, n))
                fail_msg("%s: expected '%s', got '%.*s'", pattern, expect, (int)n, out);
}

static void words_read_off_the_top_level(void **state)
{
        (void)state;
        word("\\bwat\\s+nodig\\b", "nodig");             /* the longest run */
        word("\\bWORDT\\s+lid\\b", "wordt");             /* lowercased */
        word("colou?r", "colo");                         /* an optional letter ends the run */
        word("stem{0,2}mens", "mens");                   /* so does {0,...} */
        word("ab+cd", NULL);                             /* '+': "ab" and "cd", both short */
        word("(?:kies|stem)\\s+lijst\\s+\\d+", "lijst"); /* groups are not read */
        word("\\p{L}abc\\pLdefg", "defg");               /* \p{..} and \pL are one atom */
        word("\\x27sijs\\x{2019}tje", "sijs");           /* \xhh: no digits of the word */
        word("\\cAbcde", "bcde");                        /* \cA takes the A */
        word("[]abc]xyz[[:alpha:]]", "xyz");             /* classes, with ']' and [:..:] */
        word("\\bz\xC3\xA9ker\\b", "ker");               /* a non-ASCII letter ends the run */
        word("a(?<!x)bcd", "bcd");                       /* a look-behind ends it too */
}

static void patterns_it_does_not_read(void **state)
{
        (void)state;
        word("\\bstem\\b|\\bkies\\b", NULL); /* top-level alternatives */
        word("(?x) hello \\s world", NULL);  /* extended mode */
        word("(?ix:a)bcdef", NULL);          /* extended mode, inline */
        word("\\Qa(b\\Ecdef", NULL);         /* quoted text */
        word("#VVD(*MARK:0)abcdef", NULL);   /* verbs */
        word("\\bab\\b", NULL);              /* shorter than asked */
}

static void present(const char *text, const char *w, int expect)
{
        if (th_required_present(text, strlen(text), w, strlen(w)) != expect)
                fail_msg("'%s' in '%s': expected %d", w, text, expect);
}

static void found_in_any_case_at_any_place(void **state)
{
        (void)state;
        present("Stem NU!", "stem", 1);
        present("Ga naar de stembus", "kies", 0);
        present("Een lange zin die de zestien bytes voorbij gaat en dan: Nodig.", "nodig", 1);
        present("0123456789abcdeNODIG", "nodig", 1);                     /* across the step */
        present("0123456789abcdefghijklmnopqrstuvwxyzNODI", "nodig", 0); /* cut off */
        present("nod", "nodig", 0);                                      /* shorter than it */
        present("\xE2\x84\xAAies nu", "kies", 1); /* the Kelvin sign is a caseless k */
        present("Ver\xC5\xBFie", "vers", 1);      /* a long s a caseless s */
        present("Caf\xC3\xA9 \xE2\x80\x99t hoekje, en verder niets van belang", "kies", 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(words_read_off_the_top_level),
            cmocka_unit_test(patterns_it_does_not_read),
            cmocka_unit_test(found_in_any_case_at_any_place),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
