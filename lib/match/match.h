/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * match.h: regular expressions for rules, the only interface to PCRE2.
 *
 * Patterns are UTF-8 with Unicode properties, caseless, JIT-compiled once;
 * every match runs under a match limit and a heap limit so that no pattern
 * can hang the linter.  A compiled pattern is shared by every session of the
 * process that compiles the same text, and any number of threads may match
 * with it at once; scratch (match data, JIT stack) belongs to one thread at a
 * time.
 */
#ifndef TH_MATCH_H
#define TH_MATCH_H

#include <stddef.h>

struct th_regex;
struct th_scratch;

/* Limits applied to every match. */
#define TH_MATCH_LIMIT 1000000u
#define TH_HEAP_LIMIT_KIB 16384u

/* Compile `pattern`.  It is JIT-compiled once it has scanned 2 kB of subject, or six times
 * its compiled size when that is more (th_regex_find): JIT compilation would be most of the
 * start-up time of a short post, and pays off only for a pattern used on much text.  A
 * pattern an earlier run compiled has its code read from the memo when a subject first gets
 * past its prefilters: a short post runs few of the patterns it loads.  On error
 * returns NULL and writes the reason and the pattern offset it concerns into `why`/`at`. */
struct th_regex *th_regex_compile(const char *pattern, char *why, size_t why_len, size_t *at);
void th_regex_free(struct th_regex *re);

struct th_scratch *th_scratch_new(void);
void th_scratch_free(struct th_scratch *s);

/*
 * Find the first match in subject[start, len).  On a match returns 1 and
 * fills ov[0..2*pairs) with the offsets of the whole match and of the
 * first pairs-1 groups (SIZE_MAX for an unset group).  Returns 0 for no
 * match, -1 when a limit was hit or matching failed (the reason is then in
 * th_scratch_error()).  A subject that lacks what every match holds (a code
 * unit PCRE2 reports, a word of required.h) is answered 0 without PCRE2.
 */
int th_regex_find(const struct th_regex *re, struct th_scratch *s, const char *subject, size_t len,
                  size_t start, size_t *ov, size_t pairs);
const char *th_scratch_error(const struct th_scratch *s);
/* Record why a match could not be made (for callers that compile lazily). */
void th_scratch_fail(struct th_scratch *s, const char *why);
/* The name of the last (*MARK:NAME) passed by the latest match, or NULL. */
const char *th_scratch_mark(const struct th_scratch *s);

#endif
