/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lexicon.h: named term lists from rules/<lang>/NAME.yml.
 *
 * A lexicon file holds `lexicons:` (name -> terms) and may hold `cases:`
 * (labelled examples, read by `twohats test`).  Lexicons are looked up as
 * "<lang>/<name>"; the files of a language are read on the first lookup and
 * each lexicon is compiled once, on its first use, to one PCRE2 pattern:
 * case-insensitive, Unicode word boundaries, diacritics as written or left
 * out, typographic apostrophes, flexible hyphens and spaces.  A term may
 * start or end with '*' for "any letters here" (compounds, inflections).
 * A form of several words may hold a gap, " … " or " ... ": up to
 * TH_LEXICON_GAP words in between, within the clause ("neemt … op" matches
 * "neemt de film morgen op"), for separable and split verbs.
 *
 * What matches where:
 *  - th_lexicon_find(), on any string (metadata values, a plugin's own
 *    text), matches the forms as written (with the freedoms above and gaps);
 *  - the word index (wordindex.h), on a document's prose, matches the same
 *    and, when the lexicon's language names a dictionary (morphology.h),
 *    also the inflected forms of each single-word form (no '*', not
 *    exact-case, at least TH_LEXICON_MORPH_MIN letters): "campagnes",
 *    "campagne's" for "campagne", "gezinnen" for "gezin", "neemt" for
 *    "nemen"; and, for a lexicon that declares `compounds:`, compounds
 *    whose last part (`head`) or first part (`first`) is such a form.
 *    `morphology: false` turns all of that off for one lexicon.
 *
 * Per lexicon in YAML:
 *   NAME: {summary: ..., terms: [...], morphology: false,
 *          compounds: [head, first]}
 */
#ifndef TH_LEXICON_H
#define TH_LEXICON_H

#include <stddef.h>

#include "base/error.h"
#include "match/match.h"

/* Up to this many words in the gap of a form ("stel … kandidaat"). */
#define TH_LEXICON_GAP 6
/* Terms shorter than this (in bytes, folded) get no morphology. */
#define TH_LEXICON_MORPH_MIN 4

/* `compounds:` of a lexicon. */
enum {
        TH_COMPOUND_HEAD = 1,  /* a term is also the last part of a longer word */
        TH_COMPOUND_FIRST = 2, /* a term is also the first part of a longer word */
};

struct th_lexicon {
        char *name; /* "<lang>/<name>" */
        char *file; /* where it is defined */
        unsigned line, col;
        char **terms; /* canonical term of each entry */
        size_t nterms;
        char **forms; /* every form to match (terms and aliases) */
        size_t *form_term;
        unsigned char *form_exact; /* 1: this form matches with its capitalisation only */
        size_t nforms;
        unsigned char no_morphology; /* `morphology: false`: the word index matches as written */
        unsigned compounds;          /* TH_COMPOUND_HEAD | TH_COMPOUND_FIRST */
        struct th_regex *re;         /* compiled on first use */
        int ready;                   /* in the compiled list, with an id */
        size_t id;                   /* position among the compiled lexicons */
};

struct th_lexicons;

/* Lexicons from the rules path `rules_dir`: folders separated by ':', searched in order. */
struct th_lexicons *th_lexicons_new(const char *rules_dir);
/* Leave the top-level keys `keys` (NULL-terminated, static) of rule data files to whoever
 * reads them, instead of refusing them as unknown. */
void th_lexicons_leave(struct th_lexicons *l, const char *const *keys);
void th_lexicons_free(struct th_lexicons *l);

/* The compiled lexicon `name`, or NULL with `err` set (TH_ERR_PLUGIN). */
const struct th_lexicon *th_lexicons_get(struct th_lexicons *l, const char *name,
                                         struct th_error *err);

/*
 * Define lexicon `name` from forms (with the term each stands for, and
 * whether it matches with its capitalisation only) and compile it.  Used for
 * term lists built from other data, such as the party registry.  NULL with
 * `err` when it does not compile or the name is taken.
 */
const struct th_lexicon *th_lexicons_define(struct th_lexicons *l, const char *name,
                                            const char *const *terms, size_t nterms,
                                            const char *const *forms, const size_t *form_term,
                                            const unsigned char *exact, size_t nforms,
                                            struct th_error *err);

/* A lexicon of its own, outside any collection (the word index does not cover it);
 * `exact` may be NULL.  Free with th_lexicon_destroy(). */
struct th_lexicon *th_lexicon_create(const char *name, const char *file, const char *const *terms,
                                     size_t nterms, const char *const *forms,
                                     const size_t *form_term, const unsigned char *exact,
                                     size_t nforms);
void th_lexicon_destroy(struct th_lexicon *x);

/* The compiled lexicons, in the order they were compiled (their `id`). */
size_t th_lexicons_compiled(const struct th_lexicons *l);
const struct th_lexicon *th_lexicons_compiled_at(const struct th_lexicons *l, size_t id);

/* The folder "<dir>/<lang>" of the first folder of the rules path that holds
 * <lang>/<file> (or of the first folder when none does). */
char *th_lexicons_locate(const struct th_lexicons *l, const char *lang, const char *file);

/* Whether `form` holds a gap (" … " or " ... "). */
int th_lexicon_form_has_gap(const char *form);

/* The regular expression for one form (exposed for the tests and the word index). */
char *th_lexicon_form_regex(const char *form, int exact);

/* The regular expression for one term (exposed for the tests). */
char *th_lexicon_term_regex(const char *term);

/* As th_regex_find(); `*term` gets the canonical term of the match. */
int th_lexicon_find(const struct th_lexicon *lex, struct th_scratch *s, const char *subject,
                    size_t len, size_t start, size_t *mstart, size_t *mend, const char **term);

#endif
