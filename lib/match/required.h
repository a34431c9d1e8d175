/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * required.h: a word every match of a pattern holds, read off the pattern's text.
 *
 * A sentence without that word cannot match, and saying so with a scan of the sentence
 * costs a fraction of what a call of PCRE2 costs for a pattern that embeds the 4 kB
 * alternation of party names.  The reading is conservative: only the pattern's top level
 * counts (a pattern with a top-level '|' has none), only ASCII letters and digits that no
 * quantifier makes optional, and nothing of a pattern in extended mode.
 */
#ifndef TH_REQUIRED_H
#define TH_REQUIRED_H

#include <stddef.h>

/* The longest run of at least `min` literal letters or digits every match of `pattern`
 * holds, lowercased into out[0, cap); its length, or 0 when there is none. */
size_t th_required_word(const char *pattern, size_t min, char *out, size_t cap);

/* Can text[0, n) hold the lowercase word w[0, m) as a caseless match can (ASCII case, and
 * the Kelvin sign and long s that caseless Unicode matching takes for k and s)? */
int th_required_present(const char *text, size_t n, const char *w, size_t m);

#endif
