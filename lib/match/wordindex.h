/*
 * wordindex.h: every lexicon term of a document, found in one pass over its
 * words.
 *
 * Scanning the text once per lexicon with a big alternation is slow (PCRE2
 * loses its start-of-match optimisations), so the index works the other way
 * round: the text is split into words once, each word is folded (lower
 * case, diacritics left out) and looked up in a table of the lexicons'
 * words; only a form of more than one word, or with punctuation, is then
 * confirmed with its own regular expression, around the word that
 * anchored it.  The result per lexicon is the list of matches a scan with
 * the lexicon's pattern would find (leftmost, longest, not overlapping).
 */
#ifndef TH_WORDINDEX_H
#define TH_WORDINDEX_H

#include <stddef.h>

#include "match/lexicon.h"
#include "match/match.h"

struct th_word_table; /* the words of all compiled lexicons */
struct th_word_index; /* the matches of those lexicons in one text */

/* Build the table for the lexicons compiled so far. */
struct th_word_table *th_word_table_new(const struct th_lexicons *l);
void th_word_table_free(struct th_word_table *t);
/* How many lexicons the table knows (compiled later ones are not indexed). */
size_t th_word_table_lexicons(const struct th_word_table *t);

/* Find the matches of every lexicon of `t` in text[0, len).  Returns NULL
 * when a confirming pattern hits its match limit. */
struct th_word_index *th_word_index_build(const struct th_word_table *t, struct th_scratch *s,
                                          const char *text, size_t len);
void th_word_index_free(struct th_word_index *x);

/*
 * As th_lexicon_find() on the indexed text: the first match of `lex` that
 * starts at or after `start` and ends by `len`.  Returns 1 (with the span
 * and the term), 0 for none, or -1 when `lex` is not in the index.
 */
int th_word_index_find(const struct th_word_index *x, const struct th_lexicon *lex, size_t len,
                       size_t start, size_t *mstart, size_t *mend, const char **term);

/* Fold one word (lower case, diacritics of Latin letters left out) into out[0, cap);
 * returns the folded length, or 0 when it does not fit. */
size_t th_word_fold(const char *word, size_t n, char *out, size_t cap);

#endif
