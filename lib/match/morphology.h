/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * morphology.h: the lemmas of a word, from a Hunspell dictionary.
 *
 * The only interface to Hunspell.  A language names its dictionary in its
 * conventions (`dictionary: nl` in rules/<lang>/language.yml); the engine
 * opens it and hands it to the word index, which looks up the lemmas of
 * text words ("campagnes" -> "campagne", "gezinnen" -> "gezin", "neemt" ->
 * "neem", "filmpjes" -> "film") in a table of the lexicons' terms.
 *
 * Hunspell takes a few microseconds a word, so the lemmas are memoized per
 * distinct word: a document has few distinct words (the 10 MB benchmark
 * corpus has about 6,000).  The memo is bounded: when it holds its limit of
 * words it is emptied, so that a long-running language server never grows
 * without bound.  A morphology belongs to one thread at a time.
 */
#ifndef TH_MORPHOLOGY_H
#define TH_MORPHOLOGY_H

#include <stddef.h>

#include "base/error.h"

struct th_morphology;

/* The words the memo holds before it is emptied (th_morphology_open's default). */
#define TH_MORPHOLOGY_CACHE 65536

/*
 * Open the dictionary `name` ("nl"): NAME.aff and NAME.dic in the folders of
 * $DICPATH (separated by ':'), then /usr/share/hunspell.  NULL with `err`
 * naming the missing file and the Debian package (hunspell-NAME).
 */
struct th_morphology *th_morphology_open(const char *name, struct th_error *err);
void th_morphology_free(struct th_morphology *m);
/* The dictionary's name, as opened. */
const char *th_morphology_name(const struct th_morphology *m);

/*
 * The lemmas of word[0, n) (UTF-8, any case): at most `max` of them into
 * out[], folded as the word index folds words (lower case, diacritics of
 * Latin letters left out; see th_word_fold), without duplicates.  A word
 * the dictionary does not know has none.  The texts belong to the memo and
 * stay valid until the next call.
 */
size_t th_morphology_lemmas(struct th_morphology *m, const char *word, size_t n, const char **out,
                            size_t max);

/* Bits of the hash of a word's first four folded bytes (th_morphology_prefix). */
#define TH_MORPHOLOGY_PREFIX_BITS 20

/*
 * Declare that the lemmas of words starting as key[0, n) (folded, at least four bytes)
 * matter: Hunspell then loads only the dictionary entries whose first four bytes hash as
 * those of a declared key (a lemma starts as its word does: "kandidaten", "kandidaat").
 * Loading all 180,000 Dutch entries costs more instructions than linting 10 MB; this
 * loads a few thousand.  Without any call, the whole dictionary is loaded.  Declaring new
 * prefixes after loading reloads (and empties the memo) on the next
 * th_morphology_lemmas().
 */
void th_morphology_want(struct th_morphology *m, const char *key, size_t n);
/* The hash of k[0, 4), below 1 << TH_MORPHOLOGY_PREFIX_BITS. */
unsigned th_morphology_prefix(const char *k);
/* How many dictionary entries were loaded (0: all of them, or not loaded yet). */
size_t th_morphology_entries(const struct th_morphology *m);

/* Set how many distinct words the memo holds before it is emptied (at least 1). */
void th_morphology_set_cache_limit(struct th_morphology *m, size_t limit);
/* How many words the memo holds now, and how many times Hunspell was asked. */
size_t th_morphology_cached(const struct th_morphology *m);
size_t th_morphology_lookups(const struct th_morphology *m);

#endif
