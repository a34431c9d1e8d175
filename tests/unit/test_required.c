/* SPDX-License-Identifier: EUPL-1.2 */
/* test_required.c: the word every match of a pattern holds, and the search for it. */
#include "unit.h"
#include "match/required.h"

#include <stdio.h>

/* The words read off `pattern`, joined by '|' (NULL: none). */
static void word(const char *pattern, const char *expect)
{
        struct th_required r;
        char got[200] = "";
        th_required_words(pattern, 3, &r);
        for (size_t i = 0; i < r.n; i++)
                snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%.*s", i ? "|" : "",
                         (int)r.len[i], r.word[i]);
        if (strcmp(got, expect ? expect : ""))
                fail_msg("%s: expected '%s', got '%s'", pattern, expect ? expect : "", got);
}

static void words_read_off_the_top_level(void **state)
{
        (void)state;
        word("\\bwat\\s+nodig\\b", "nodig");                   /* the longest run */
        word("\\bWORDT\\s+lid\\b", "wordt");                   /* lowercased */
        word("colou?r", "colo");                               /* an optional letter ends the run */
        word("stem{0,2}mens", "mens");                         /* so does {0,...} */
        word("ab+cd", NULL);                                   /* '+': "ab" and "cd", both short */
        word("(?:kies|stem)\\s+lijst\\s+\\d+", "lijst");       /* (kies|stem): shorter words */
        word("\\p{L}abc\\pLdefg", "defg");                     /* \p{..} and \pL are one atom */
        word("\\x27sijs\\x{2019}tje", "sijs");                 /* \xhh: no digits of the word */
        word("\\cAbcde", "bcde");                              /* \cA takes the A */
        word("[]abc]xyz[[:alpha:]]", "xyz");                   /* classes, with ']' and [:..:] */
        word("\\bz\xC3\xA9ker\\b", "ker");                     /* a non-ASCII letter ends the run */
        word("a(?<!x)bcd", "bcd");                             /* a look-behind ends it too */
        word("(?:kiest|kozen)\\s+voor", "kiest|kozen");        /* a group of longer words */
        word("(?:kiest|koos)\\s+(?:vo|na)\\s+alles", "alles"); /* a longer word */
        word("(?:kiest|koos)?\\s+voor", "voor");               /* an optional group is not */
        word("(?:kies|stem\\b)\\s+nu", NULL);                  /* nor one of more than words */
        word("\\bstem\\b|\\bkies\\b", "stem|kies");            /* one of each alternative */
}

static void patterns_it_does_not_read(void **state)
{
        (void)state;
        word("\\bstem\\b|\\bnu\\b", NULL);  /* an alternative without one */
        word("abc|bcd|cde|def|efg", NULL);  /* more than four words */
        word("(?x) hello \\s world", NULL); /* extended mode */
        word("(?ix:a)bcdef", NULL);         /* extended mode, inline */
        word("\\Qa(b\\Ecdef", NULL);        /* quoted text */
        word("#VVD(*MARK:0)abcdef", NULL);  /* verbs */
        word("\\bab\\b", NULL);             /* shorter than asked */
}

static void present(const char *text, const char *w, int expect)
{
        struct th_required r = {1, {""}, {strlen(w)}};
        memcpy(r.word[0], w, strlen(w));
        if (th_required_present(text, strlen(text), &r) != expect)
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
