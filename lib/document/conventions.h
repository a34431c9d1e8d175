/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * conventions.h: what the document model takes from a language: the
 * abbreviations after which a full stop does not end a sentence, and other
 * spellings of metadata values ("hybride" for account: hybrid), and the
 * Hunspell dictionary that gives its words' lemmas (morphology.h), and its
 * commonest words, on which the word index anchors no term of several words
 * (wordindex.h).  A language pack keeps them in rules/<lang>/language.yml,
 * under `abbreviations:`, `metadata-values:`, `dictionary:` and
 * `common-words:`; the engine reads those of its services' languages.
 */
#ifndef TH_CONVENTIONS_H
#define TH_CONVENTIONS_H

#include <stddef.h>

#include "base/error.h"

struct th_conventions {
        char **abbreviations; /* lower case, without the final full stop */
        size_t nabbreviations, aabbreviations;
        size_t longest; /* bytes of the longest abbreviation: most words are longer */
        struct th_value_spelling {
                char *key, *spelling, *value;
        } * spellings;
        size_t nspellings, aspellings;
        struct th_dictionary {
                char *lang, *name; /* "nl", "nl": the lexicons "nl/..." use dictionary "nl" */
        } * dictionaries;
        size_t ndictionaries, adictionaries;
        struct th_common_words {
                char *lang;
                char **words; /* lower case */
                size_t n;
        } * common;
        size_t ncommon, acommon;
};

/* The top-level keys of rule data these are read from. */
extern const char *const th_conventions_keys[];

/* Add the conventions of language `lang` in the rule data file `path`; -1 with `err` at
 * the place. */
int th_conventions_read(struct th_conventions *c, const char *lang, const char *path,
                        struct th_error *err);
void th_conventions_release(struct th_conventions *c);

/* Whether tok[0, n) is an abbreviation (any case); `c` may be NULL. */
int th_conventions_abbreviation(const struct th_conventions *c, const char *tok, size_t n);
/* The value `spelling` (lower case) stands for under metadata `key`, or NULL; `c` may be
 * NULL. */
const char *th_conventions_value(const struct th_conventions *c, const char *key,
                                 const char *spelling);

/* The name of the dictionary of language `lang`, or NULL; `c` may be NULL. */
const char *th_conventions_dictionary(const struct th_conventions *c, const char *lang);

#endif
