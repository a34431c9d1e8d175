/* SPDX-License-Identifier: EUPL-1.2 */
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
 * the lexicon's pattern would find (leftmost, longest, not overlapping),
 * and, with morphology, more:
 *
 *  - Inflection.  When the lexicon's language has a morphology (its
 *    conventions name a dictionary) and the lexicon does not opt out
 *    (`morphology: false`), each single-word form (no '*', not exact-case,
 *    at least TH_LEXICON_MORPH_MIN bytes folded) is also keyed under its
 *    lemmas, and a text word whose first three folded bytes start some such
 *    key (and whose length is near theirs) has its lemmas looked up there:
 *    "campagnes", "campagne's", "gezinnen", "neemt", "filmpjes" match
 *    "campagne", "gezin", "nemen", "filmpje".  A word the dictionary does
 *    not know, and strong-verb forms whose first letters change ("nam" for
 *    "nemen"), match only as written.  An apostrophe-s plural ("video's")
 *    is part of the span.
 *  - Compounds, for a lexicon that declares them.  `compounds: head`: a
 *    form is also the last part of a longer word, inflected or not, after
 *    at least three letters ("woonministers", "privéfeestje",
 *    "verjaardagsdiner" with its linking s) or after a hyphen
 *    ("BBB-minister", the span then starting at the first word).
 *    `compounds: first`: a form as written is also the first part of a
 *    longer word, before at least three letters ("campagnefilmpjes") or a
 *    hyphen ("campagne-filmpjes", spanning both words).  Both look at the
 *    word's folded letters, behind a filter of three bytes per split point.
 *  - Gaps.  A form with " … " ("neemt … op") is confirmed with its pattern
 *    in a window wide enough for TH_LEXICON_GAP words, as any form of
 *    several words; its words match as written.
 *
 * th_lexicon_find() on other strings matches as written (with gaps) only.
 */
#ifndef TH_WORDINDEX_H
#define TH_WORDINDEX_H

#include <stddef.h>

#include "match/lexicon.h"
#include "match/match.h"

struct th_word_table; /* the words of all compiled lexicons */
struct th_word_index; /* the matches of those lexicons in one text */
struct th_morphology;

/* What the table knows of one language, whose lexicons are "<lang>/...": its morphology,
 * and its commonest words, on which no term of several words is anchored ("zijn man" is
 * looked for where "man" is, not at every "zijn"). */
struct th_word_morphology {
        const char *lang;
        struct th_morphology *morphology; /* NULL: none; its memo is used and filled */
        char *const *common;              /* lower case */
        size_t ncommon;
};

/* Build the table for the lexicons compiled so far; the lexicons of a language in
 * `morph[0, nmorph)` get its morphology and common words (both may be NULL/0).  The
 * morphologies must outlive the table; the common words are read while it is built. */
struct th_word_table *th_word_table_new(const struct th_lexicons *l,
                                        const struct th_word_morphology *morph, size_t nmorph);
void th_word_table_free(struct th_word_table *t);
/* How many lexicons the table knows (compiled later ones are not indexed). */
size_t th_word_table_lexicons(const struct th_word_table *t);

/* Find the matches of every lexicon of `t` in text[0, len).  Returns NULL
 * when a confirming pattern hits its match limit. */
struct th_word_index *th_word_index_build(const struct th_word_table *t, struct th_scratch *s,
                                          const char *text, size_t len);
/* The same, reusing `old` (an index of the same table, or NULL), which is taken over: its
 * arrays serve again, as an engine indexes one document after another. */
struct th_word_index *th_word_index_rebuild(struct th_word_index *old,
                                            const struct th_word_table *t, struct th_scratch *s,
                                            const char *text, size_t len);
void th_word_index_free(struct th_word_index *x);
/* How many times building the index ran a pattern to confirm a term of several words at
 * its anchor word (a figure of its cost, for tests and benchmarks). */
size_t th_word_index_confirmations(const struct th_word_index *x);

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
