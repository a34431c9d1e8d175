/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * partisan.h: the shared judgement of party-political content (GUIDELINES,
 * "Shared notion"), from rules/nl/parties.yml and rules/nl/partisan.yml.
 * The model is read and compiled once; each document is judged once.
 */
#ifndef TH_PARTISAN_H
#define TH_PARTISAN_H

#include <stddef.h>

#include "document/document.h"
#include "base/error.h"
#include "match/lexicon.h"
#include "match/match.h"
#include "twohats/nl.h"
#include "match/wordindex.h"

struct th_partisan_model;

/* The top-level keys of rules/nl data that the Dutch model reads (parties.yml,
 * partisan.yml, elections.yml), for th_lexicons_leave(). */
extern const char *const th_nl_data_keys[];

struct th_partisan_list {
        struct th_partisan *v;
        size_t nr, alloc;
};

/* Read parties.yml and partisan.yml from `dir` (the folder of language `lang`); the
 * party names become lexicon "<lang>/party-names" of `lexicons`, and the patterns
 * are searched only in sentences with a party name or a word of lexicon
 * "<lang>/partisan-triggers". */
struct th_partisan_model *th_partisan_model_load(struct th_lexicons *lexicons, const char *dir,
                                                 const char *lang, struct th_error *err);
void th_partisan_model_free(struct th_partisan_model *m);

/* Append the party-political passages of `doc` to `out`, in document order; `x` is
 * the word index of the document's prose, with the model's lexicons in it.
 * Returns 0, or -1 with `err` when a pattern hits its match limit. */
int th_partisan_judge(const struct th_partisan_model *m, struct th_scratch *s,
                      const struct th_doc *doc, const struct th_word_index *x,
                      struct th_partisan_list *out, struct th_error *err);

/* Sort passages into document order (by start, then kind). */
void th_partisan_list_sort(struct th_partisan_list *l);

/* The first party named in text[start, len), with its place; NULL when none. */
const char *th_partisan_party_find(const struct th_partisan_model *m, struct th_scratch *s,
                                   const char *text, size_t len, size_t start, size_t *mstart,
                                   size_t *mend);

/* `src` with {party} and the placeholders of partisan.yml written out, as a pattern. */
char *th_partisan_expand(const struct th_partisan_model *m, const char *src);

/* The party names as a lexicon (term: the party id). */
const struct th_lexicon *th_partisan_party_names(const struct th_partisan_model *m);

/* The party named in the indexed text [start, end), or NULL. */
const char *th_partisan_party_in(const struct th_partisan_model *m, const struct th_word_index *x,
                                 size_t start, size_t end);

/* The canonical id of party name `name`, or NULL. */
const char *th_partisan_party_id(const struct th_partisan_model *m, struct th_scratch *s,
                                 const char *name);

#endif
