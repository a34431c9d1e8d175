/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * required.h: words of which every match of a pattern holds one, read off its text.
 *
 * A sentence without any of them cannot match, and saying so with a scan of the sentence
 * costs a fraction of what a call of PCRE2 costs for a pattern that embeds the 4 kB
 * alternation of party names.  The reading is conservative: only the pattern's top level
 * counts, and of each of its alternatives only a run of ASCII letters and digits that no
 * quantifier makes optional or a group of such words; nothing of a pattern in extended
 * mode, with verbs or with quoted text.
 */
#ifndef TH_REQUIRED_H
#define TH_REQUIRED_H

#include <stddef.h>

/* Words of which every match holds one. */
#define TH_REQUIRED_WORDS 4
struct th_required {
        size_t n;                         /* 0: nothing is known */
        char word[TH_REQUIRED_WORDS][32]; /* lowercase ASCII letters and digits */
        size_t len[TH_REQUIRED_WORDS];
};

/* Read them off `pattern`, each at least `min` bytes: of each top-level alternative the
 * longest run of literal letters and digits that no quantifier makes optional, or a group
 * of literal words, (?:kiest|koos), whichever has the longer shortest word.  Returns how
 * many (0: none known, and every subject may match). */
int th_required_words(const char *pattern, size_t min, struct th_required *out);

/* Can text[0, n) hold one of the words as a caseless match can (ASCII case, and the
 * Kelvin sign and long s that caseless Unicode matching takes for k and s)?  1 when
 * nothing is known. */
int th_required_present(const char *text, size_t n, const struct th_required *r);

#endif
