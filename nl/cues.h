/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cues.h: judgement from cues (rules/nl/cues.yml).
 *
 * A cue is a class of evidence found in a document: the words of lexicons,
 * phrases matched by patterns, or what the model knows (a party named, a
 * party hashtag or slogan, the minister, the `party` metadata).  A
 * judgement combines cues: an anchor cue, cues that must occur within a
 * window around it (the next words, the sentence, its neighbours, the
 * block, the document) and cues that must not.  Each judgement belongs to a
 * group that a plugin asks for ("ratings") or to a kind of party-political
 * content ("vote-call").  Covering a new phrasing is a change of data.
 */
#ifndef TH_CUES_H
#define TH_CUES_H

#include <stddef.h>

#include "base/error.h"
#include "document/document.h"
#include "match/lexicon.h"
#include "match/match.h"
#include "match/wordindex.h"
#include "ministers.h"
#include "partisan.h"

struct th_cues;

/* One passage a judgement found. */
struct th_judged_item {
        struct th_span span;     /* the anchor, the sentence or both joined */
        struct th_span sentence; /* the sentence of the anchor */
        const char *group;       /* borrowed from the cues */
        const char *judgement;   /* its id, borrowed */
        char *cues;              /* labels of the cues that fired, ", "-separated; owned */
        const char *party;       /* a party named in the sentence, or NULL */
        int quoted;              /* the anchor is reported speech */
};

struct th_judged_list {
        struct th_judged_item *v;
        size_t nr, alloc;
};

void th_judged_list_clear(struct th_judged_list *l);
void th_judged_list_release(struct th_judged_list *l);

/* Read cues.yml from `dir` (rules/<lang>); its lexicons must exist in `lexicons`, its
 * patterns may use the placeholders of `m`.  NULL with `err` at the place. */
struct th_cues *th_cues_load(struct th_lexicons *lexicons, const struct th_partisan_model *m,
                             const char *dir, const char *lang, struct th_error *err);
void th_cues_free(struct th_cues *c);

/* The roster of bewindspersonen read beside the cues (rules/nl/ministers.yml). */
const struct th_roster *th_cues_roster(const struct th_cues *c);

/* Judge `doc`: every judgement, at most one passage per group and sentence, appended to
 * `out` sorted by group, then position.  `x` is the word index of the prose with the
 * cues' lexicons in it; `parties` the registry's passages of the document (hashtags,
 * slogans), which count as party cues.  -1 with `err` when a pattern hits its limit.
 * It keeps its working memory in `c` for the next document. */
int th_cues_judge(struct th_cues *c, const struct th_partisan_model *m, struct th_scratch *s,
                  const struct th_doc *doc, const struct th_word_index *x,
                  const struct th_partisan_list *parties, struct th_judged_list *out,
                  struct th_error *err);

#endif
