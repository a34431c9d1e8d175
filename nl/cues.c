/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cues.c: judgement from cues (see cues.h).
 *
 * The matches of each cue in a document are found once, on first need, and
 * kept sorted; a judgement walks the matches of its anchor and looks each
 * condition up in the window around it.  Patterns run only in the sentences
 * that hold a word of their trigger lexicon, so that a document is read
 * once by the word index and then only where a cue can be.
 */
#include "cues.h"
#include "base/i18n.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum source {
        SRC_LEXICONS,
        SRC_PATTERNS,
        SRC_PARTY,
        SRC_OWN_PARTY,
        SRC_MINISTER,
        SRC_PARTY_METADATA
};

struct cue {
        char *name;
        char *label;       /* for messages: "a call to join" */
        const char *shown; /* the label in the user's language (po/yaml-labels.py) */
        enum source source;
        const struct th_lexicon **lexicons; /* SRC_LEXICONS; SRC_MINISTER: the titles */
        size_t nlexicons;
        struct th_regex **patterns; /* SRC_PATTERNS */
        size_t npatterns;
        /* Patterns run only in sentences where one of these matches; without any, they
         * run only inside the windows of conditions (or over all, as an anchor). */
        const struct th_lexicon **triggers;
        size_t ntriggers;
        /* A match right after a word of these (white space or a hyphen between) is not the
         * cue: "voormalig staatssecretaris", "oud-minister". */
        const struct th_lexicon **not_after;
        size_t nnot_after;
        int unquoted; /* matches in quotation marks are someone else's words, not this cue */
        unsigned line;
};

enum window {
        W_SENTENCE,
        W_NEIGHBOURS, /* the sentence and the one before and after it in the same block */
        W_BLOCK,
        W_DOCUMENT,
        W_BEFORE,   /* earlier in the sentence */
        W_AFTER,    /* later in the sentence */
        W_PREVIOUS, /* right before, only white space between */
        W_NEXT,     /* right after, only white space between */
};

static const char *const window_names[] = {"sentence", "neighbours", "block", "document", "before",
                                           "after",    "previous",   "next",  NULL};

struct condition {
        size_t *cues; /* any of them */
        size_t ncues;
        enum window in;
        long within; /* before and after: at most this many bytes away; -1: anywhere */
};

/* What a passage spans: its anchor, its sentence, the anchor with the matches of
 * the conditions around it, or the match of the first condition. */
enum span_kind { SPAN_ANCHOR, SPAN_SENTENCE, SPAN_JOINED, SPAN_WITH };

struct judgement {
        char *id, *group;
        size_t group_id; /* its group's index, in the order the groups appear */
        size_t anchor;
        enum span_kind span;
        struct condition *with, *without;
        size_t nwith, nwithout;
        unsigned line;
};

struct matches {
        struct th_span *v;
        size_t nr, alloc;
        int done;
};

struct th_cues {
        struct th_roster *roster; /* rules/nl/ministers.yml */
        struct cue *cues;
        size_t ncues, acues;
        struct judgement *judgements;
        size_t njudgements, ajudgements, ngroups;
        /* A document's working memory, kept for the next one (an engine judges one at a
         * time): allocating and clearing it for each JSON Lines record of a paragraph
         * took a tenth of the judgement. */
        struct matches *found; /* per cue */
        unsigned char *done;   /* per group and sentence */
        size_t adone;
        struct matches local;  /* the matches of a local pattern cue in one window */
        size_t *fired, afired; /* the cue that met each condition of a judgement */
};

static void cue_release(struct cue *c)
{
        free(c->name);
        free(c->label);
        free(c->lexicons);
        free(c->triggers);
        free(c->not_after);
        for (size_t i = 0; i < c->npatterns; i++)
                th_regex_free(c->patterns[i]);
        free(c->patterns);
}

static void conditions_free(struct condition *v, size_t n)
{
        for (size_t i = 0; i < n; i++)
                free(v[i].cues);
        free(v);
}

void th_cues_free(struct th_cues *c)
{
        if (!c)
                return;
        th_roster_free(c->roster);
        for (size_t i = 0; i < c->ncues; i++)
                cue_release(&c->cues[i]);
        free(c->cues);
        for (size_t i = 0; i < c->njudgements; i++) {
                struct judgement *j = &c->judgements[i];
                free(j->id);
                free(j->group);
                conditions_free(j->with, j->nwith);
                conditions_free(j->without, j->nwithout);
        }
        free(c->judgements);
        for (size_t i = 0; c->found && i < c->ncues; i++)
                free(c->found[i].v);
        free(c->found);
        free(c->done);
        free(c->local.v);
        free(c->fired);
        free(c);
}

void th_judged_list_clear(struct th_judged_list *l)
{
        for (size_t i = 0; i < l->nr; i++)
                free(l->v[i].cues);
        l->nr = 0;
}

void th_judged_list_release(struct th_judged_list *l)
{
        th_judged_list_clear(l);
        free(l->v);
        memset(l, 0, sizeof(*l));
}

/* Reading ------------------------------------------------------------------ */

struct reading {
        struct th_cues *c;
        struct th_lexicons *lexicons;
        const struct th_partisan_model *m;
        const char *lang;
        struct cue *cue;             /* being read */
        struct judgement *judgement; /* being read */
        struct condition *condition; /* being read */
};

/* Refuse node `n` of the file being walked by `w`, with a message; -1. */
#define FAIL(w, n, ...) th_yamldoc_error((w)->y, (n), (w)->kind, (w)->err, __VA_ARGS__)

static const struct th_lexicon *lexicon(const struct th_ywalk *w, const struct th_ynode *n)
{
        struct reading *r = w->ctx;
        const char *name = th_yamldoc_scalar(n);
        if (!name)
                return FAIL(w, n, "expected a lexicon name such as %s/ratings", r->lang), NULL;
        struct th_error err = {0};
        const struct th_lexicon *l = th_lexicons_get(r->lexicons, name, &err);
        if (!l)
                th_yamldoc_error(w->y, n, w->kind, w->err, "%s", err.message);
        th_error_release(&err);
        return l;
}

static int cue_label(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct cue *c = ((struct reading *)w->ctx)->cue;
        free(c->label);
        c->label = th_xstrdup(th_yamldoc_scalar(v));
        c->shown = _(c->label); /* once: a judgement lists labels for every passage */
        return 0;
}

static int cue_unquoted(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct cue *c = ((struct reading *)w->ctx)->cue;
        if (th_yamldoc_bool(th_yamldoc_scalar(v), &c->unquoted) < 0)
                return FAIL(w, v, "cue '%s': 'unquoted': expected true or false", c->name);
        return 0;
}

/* A lexicon name or a list of them, into a new array. */
static int lexicon_list(const struct th_ywalk *w, const struct th_ynode *v,
                        const struct th_lexicon ***out, size_t *nout)
{
        int list = th_yamldoc_type(v) == TH_YLIST;
        size_t n = list ? th_yamldoc_count(v) : 1;
        *out = th_xcalloc(n ? n : 1, sizeof(**out));
        for (*nout = 0; *nout < n; (*nout)++)
                if (!((*out)[*nout] = lexicon(w, list ? th_yamldoc_item(w->y, v, *nout) : v)))
                        return -1;
        return 0;
}

static int cue_lexicons(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct cue *c = ((struct reading *)w->ctx)->cue;
        c->source = c->source == SRC_MINISTER ? SRC_MINISTER : SRC_LEXICONS;
        free(c->lexicons);
        return lexicon_list(w, v, &c->lexicons, &c->nlexicons);
}

static int cue_patterns(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct reading *r = w->ctx;
        struct cue *c = r->cue;
        c->source = SRC_PATTERNS;
        size_t n = th_yamldoc_count(v);
        c->patterns = th_xcalloc(n ? n : 1, sizeof(*c->patterns));
        for (c->npatterns = 0; c->npatterns < n; c->npatterns++) {
                const struct th_ynode *p = th_yamldoc_item(w->y, v, c->npatterns);
                const char *src = th_yamldoc_scalar(p);
                if (!src)
                        return FAIL(w, p, "cue '%s': expected a pattern (a text)", c->name);
                char *full = th_partisan_expand(r->m, src), why[256];
                size_t at = 0;
                /* JIT once it has scanned enough (th_regex_find): most cue patterns run in
                 * a few sentences of a few documents, and compiling them all for JIT made
                 * half of the start-up */
                c->patterns[c->npatterns] = th_regex_compile(full, why, sizeof(why), &at);
                free(full);
                if (!c->patterns[c->npatterns])
                        return th_yamldoc_error(w->y, p, w->kind, w->err,
                                                "cue '%s': pattern does not compile: %s", c->name,
                                                why);
        }
        return 0;
}

static int cue_trigger(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct cue *c = ((struct reading *)w->ctx)->cue;
        free(c->triggers);
        return lexicon_list(w, v, &c->triggers, &c->ntriggers);
}

static int cue_not_after(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct cue *c = ((struct reading *)w->ctx)->cue;
        free(c->not_after);
        return lexicon_list(w, v, &c->not_after, &c->nnot_after);
}

static int cue_builtin(const struct th_ywalk *w, const struct th_ynode *v)
{
        static const char *const names[] = {"party", "own-party", "minister", "party-metadata",
                                            NULL};
        static const enum source sources[] = {SRC_PARTY, SRC_OWN_PARTY, SRC_MINISTER,
                                              SRC_PARTY_METADATA};
        struct cue *c = ((struct reading *)w->ctx)->cue;
        const char *s = th_yamldoc_scalar(v);
        for (size_t i = 0; s && names[i]; i++)
                if (!strcmp(s, names[i])) {
                        c->source = sources[i];
                        return 0;
                }
        return FAIL(w, v, "cue '%s': expected builtin party, own-party, minister or party-metadata",
                    c->name);
}

static int read_cue(const struct th_ywalk *w, const struct th_ynode *key, const struct th_ynode *v)
{
        static const struct th_ykey keys[] = {
            {"label", TH_YSCALAR, cue_label},      {"lexicons", TH_YLIST, cue_lexicons},
            {"patterns", TH_YLIST, cue_patterns},  {"trigger", TH_YANY, cue_trigger},
            {"builtin", TH_YSCALAR, cue_builtin},  {"unquoted", TH_YSCALAR, cue_unquoted},
            {"not-after", TH_YANY, cue_not_after}, {NULL, TH_YANY, NULL}};
        struct reading *r = w->ctx;
        struct th_cues *c = r->c;
        const char *name = th_yamldoc_scalar(key);
        if (!name || th_yamldoc_type(v) != TH_YMAP)
                return FAIL(w, v,
                            "'cues': expected NAME: {label, lexicons, patterns, trigger or "
                            "builtin}");
        for (size_t i = 0; i < c->ncues; i++)
                if (!strcmp(c->cues[i].name, name))
                        return FAIL(w, key, "cue '%s' is defined twice", name);
        TH_GROW(c->cues, c->ncues + 1, c->acues);
        struct cue *cue = &c->cues[c->ncues++];
        memset(cue, 0, sizeof(*cue));
        cue->name = th_xstrdup(name);
        cue->source = SRC_LEXICONS;
        cue->line = th_yamldoc_line(w->y, key);
        r->cue = cue;
        char *what = th_xasprintf("cue '%s'", name);
        int rc = th_yamldoc_walk(w->y, v, keys, r, what, w->kind, w->err);
        free(what);
        if (rc == 0 && !cue->label)
                rc = FAIL(w, key, "cue '%s' needs a label (for messages)", name);
        if (rc == 0 && cue->source == SRC_LEXICONS && !cue->nlexicons)
                rc = FAIL(w, key, "cue '%s' needs lexicons, patterns or a builtin", name);
        if (rc == 0 && cue->source == SRC_MINISTER && !cue->nlexicons)
                rc = FAIL(w, key, "cue '%s': the builtin minister needs lexicons (the titles)",
                          name);
        return rc;
}

static int read_cues(const struct th_ywalk *w, const struct th_ynode *v)
{
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *val = th_yamldoc_pair(w->y, v, i, &k);
                if (read_cue(w, k, val) < 0)
                        return -1;
        }
        return 0;
}

static long cue_index(const struct th_cues *c, const char *name)
{
        for (size_t i = 0; name && i < c->ncues; i++)
                if (!strcmp(c->cues[i].name, name))
                        return (long)i;
        return -1;
}

static int add_condition_cue(const struct th_ywalk *w, const struct th_ynode *n)
{
        struct reading *r = w->ctx;
        struct condition *cd = r->condition;
        long i = cue_index(r->c, th_yamldoc_scalar(n));
        if (i < 0)
                return FAIL(w, n, "unknown cue '%s' (define it under 'cues')",
                            th_yamldoc_scalar(n) ? th_yamldoc_scalar(n) : "?");
        cd->cues = th_xrealloc(cd->cues, (cd->ncues + 1) * sizeof(size_t));
        cd->cues[cd->ncues++] = (size_t)i;
        return 0;
}

static int condition_cue(const struct th_ywalk *w, const struct th_ynode *v)
{
        return add_condition_cue(w, v);
}

static int condition_any(const struct th_ywalk *w, const struct th_ynode *v)
{
        for (size_t i = 0; i < th_yamldoc_count(v); i++)
                if (add_condition_cue(w, th_yamldoc_item(w->y, v, i)) < 0)
                        return -1;
        return 0;
}

static int condition_in(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct condition *cd = ((struct reading *)w->ctx)->condition;
        const char *s = th_yamldoc_scalar(v);
        for (size_t i = 0; s && window_names[i]; i++)
                if (!strcmp(s, window_names[i])) {
                        cd->in = (enum window)i;
                        return 0;
                }
        return FAIL(w, v,
                    "'in': expected sentence, neighbours, block, document, before, after, "
                    "previous or next");
}

static int condition_within(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct condition *cd = ((struct reading *)w->ctx)->condition;
        const char *s = th_yamldoc_scalar(v);
        char *end;
        long n = s ? strtol(s, &end, 10) : -1;
        if (!s || *end || n < 0)
                return FAIL(w, v, "'within': expected a number of bytes");
        cd->within = n;
        return 0;
}

static int read_conditions(const struct th_ywalk *w, const struct th_ynode *v,
                           struct condition **out, size_t *nout)
{
        static const struct th_ykey keys[] = {{"cue", TH_YSCALAR, condition_cue},
                                              {"any", TH_YLIST, condition_any},
                                              {"in", TH_YSCALAR, condition_in},
                                              {"within", TH_YSCALAR, condition_within},
                                              {NULL, TH_YANY, NULL}};
        struct reading *r = w->ctx;
        size_t n = th_yamldoc_count(v);
        *out = th_xcalloc(n ? n : 1, sizeof(**out));
        *nout = 0;
        for (size_t i = 0; i < n; i++) {
                const struct th_ynode *item = th_yamldoc_item(w->y, v, i);
                struct condition *cd = &(*out)[i];
                *nout = i + 1; /* counted before reading: a failed item is freed too */
                cd->within = -1;
                r->condition = cd;
                if (th_yamldoc_type(item) != TH_YMAP)
                        return FAIL(w, item, "expected {cue or any, in, within}");
                if (th_yamldoc_walk(w->y, item, keys, r, "a condition", w->kind, w->err) < 0)
                        return -1;
                if (!cd->ncues)
                        return FAIL(w, item, "a condition needs 'cue' or 'any'");
        }
        return 0;
}

static int judgement_id(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct judgement *j = ((struct reading *)w->ctx)->judgement;
        free(j->id);
        j->id = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int judgement_group(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct judgement *j = ((struct reading *)w->ctx)->judgement;
        free(j->group);
        j->group = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int judgement_anchor(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct reading *r = w->ctx;
        long i = cue_index(r->c, th_yamldoc_scalar(v));
        if (i < 0)
                return FAIL(w, v, "unknown cue '%s' (define it under 'cues')",
                            th_yamldoc_scalar(v));
        r->judgement->anchor = (size_t)i;
        return 0;
}

static int judgement_span(const struct th_ywalk *w, const struct th_ynode *v)
{
        static const char *const names[] = {"anchor", "sentence", "joined", "with", NULL};
        struct judgement *j = ((struct reading *)w->ctx)->judgement;
        const char *s = th_yamldoc_scalar(v);
        for (size_t i = 0; s && names[i]; i++)
                if (!strcmp(s, names[i])) {
                        j->span = (enum span_kind)i;
                        return 0;
                }
        return FAIL(w, v, "'span': expected anchor, sentence, joined or with");
}

static int judgement_with(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct judgement *j = ((struct reading *)w->ctx)->judgement;
        return read_conditions(w, v, &j->with, &j->nwith);
}

static int judgement_without(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct judgement *j = ((struct reading *)w->ctx)->judgement;
        return read_conditions(w, v, &j->without, &j->nwithout);
}

static int read_judgement(const struct th_ywalk *w, const struct th_ynode *v)
{
        static const struct th_ykey keys[] = {{"id", TH_YSCALAR, judgement_id},
                                              {"group", TH_YSCALAR, judgement_group},
                                              {"anchor", TH_YSCALAR, judgement_anchor},
                                              {"span", TH_YSCALAR, judgement_span},
                                              {"with", TH_YLIST, judgement_with},
                                              {"without", TH_YLIST, judgement_without},
                                              {NULL, TH_YANY, NULL}};
        struct reading *r = w->ctx;
        struct th_cues *c = r->c;
        TH_GROW(c->judgements, c->njudgements + 1, c->ajudgements);
        struct judgement *j = &c->judgements[c->njudgements++];
        memset(j, 0, sizeof(*j));
        j->anchor = (size_t)-1;
        j->line = th_yamldoc_line(w->y, v);
        r->judgement = j;
        if (th_yamldoc_type(v) != TH_YMAP)
                return FAIL(w, v, "expected a judgement: {id, group, anchor, with, without}");
        if (th_yamldoc_walk(w->y, v, keys, r, "a judgement", w->kind, w->err) < 0)
                return -1;
        if (!j->id || !j->group || j->anchor == (size_t)-1)
                return FAIL(w, v, "a judgement needs an id, a group and an anchor");
        for (size_t i = 0; i + 1 < c->njudgements; i++)
                if (!strcmp(c->judgements[i].id, j->id))
                        return FAIL(w, v, "judgement '%s' is defined twice", j->id);
        j->group_id = c->ngroups;
        for (size_t i = 0; i + 1 < c->njudgements; i++)
                if (!strcmp(c->judgements[i].group, j->group)) {
                        j->group_id = c->judgements[i].group_id;
                        break;
                }
        if (j->group_id == c->ngroups)
                c->ngroups++;
        return 0;
}

static int read_judgements(const struct th_ywalk *w, const struct th_ynode *v)
{
        for (size_t i = 0; i < th_yamldoc_count(v); i++)
                if (read_judgement(w, th_yamldoc_item(w->y, v, i)) < 0)
                        return -1;
        return 0;
}

static int ignore(const struct th_ywalk *w, const struct th_ynode *v)
{
        (void)w, (void)v;
        return 0;
}

struct th_cues *th_cues_load(struct th_lexicons *lexicons, const struct th_partisan_model *m,
                             const char *dir, const char *lang, struct th_error *err)
{
        static const struct th_ykey keys[] = {{"cues", TH_YMAP, read_cues},
                                              {"judgements", TH_YLIST, read_judgements},
                                              {"lexicons", TH_YANY, ignore},
                                              {"cases", TH_YANY, ignore},
                                              {NULL, TH_YANY, NULL}};
        char *path = th_xasprintf("%s/cues.yml", dir);
        struct th_cues *c = th_xcalloc(1, sizeof(*c));
        struct reading r = {c, lexicons, m, lang, NULL, NULL, NULL};
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "rule data", TH_ERR_PLUGIN, err);
        if (rc == 0)
                rc = th_yamldoc_walk(&y, th_yamldoc_root(&y), keys, &r, "cues.yml", TH_ERR_PLUGIN,
                                     err);
        th_yamldoc_release(&y);
        free(path);
        if (rc == 0 && !(c->roster = th_roster_load(dir, err)))
                rc = -1;
        if (rc < 0) {
                th_cues_free(c);
                return NULL;
        }
        return c;
}

const struct th_roster *th_cues_roster(const struct th_cues *c)
{
        return c->roster;
}

/* Judging ------------------------------------------------------------------ */

/* What one document's judgement needs. */
struct run {
        struct th_cues *c;
        const struct th_partisan_model *m;
        struct th_scratch *s;
        const struct th_doc *doc;
        const struct th_word_index *x;
        const struct th_partisan_list *parties;
};

static void push(struct matches *l, size_t start, size_t end)
{
        TH_GROW(l->v, l->nr + 1, l->alloc);
        l->v[l->nr].start = start;
        l->v[l->nr++].end = end;
}

static int by_start(const void *a, const void *b)
{
        const struct th_span *x = a, *y = b;
        if (x->start != y->start)
                return x->start < y->start ? -1 : 1;
        return x->end < y->end ? -1 : x->end > y->end;
}

/* Every match of `lex` in the prose. */
static void lexicon_matches(struct run *r, const struct th_lexicon *lex, struct matches *out)
{
        size_t a, b;
        const char *term;
        for (size_t at = 0; th_word_index_find(r->x, lex, r->doc->len, at, &a, &b, &term) == 1;
             at = b > at ? b : at + 1)
                push(out, a, b);
}

/* The parties named, their hashtags and slogans: of the document's `party` only, when
 * `own` and the document has one.  Beside another party's name, a minister's "we" is the
 * cabinet's, not that party's. */
static void party_matches(struct run *r, int own, struct matches *out)
{
        const char *meta = own ? th_meta_value(&r->doc->meta, "party", 0) : NULL;
        const char *id = meta ? th_partisan_party_id(r->m, r->s, meta) : NULL;
        if (meta && !id)
                return; /* a party the model does not know is named by none of these */
        size_t a, b;
        const char *party;
        for (size_t at = 0; th_word_index_find(r->x, th_partisan_party_names(r->m), r->doc->len, at,
                                               &a, &b, &party) == 1;
             at = b > at ? b : at + 1)
                if (!id || !strcmp(party, id))
                        push(out, a, b);
        for (size_t k = 0; k < r->parties->nr; k++) {
                const struct th_partisan *p = &r->parties->v[k];
                if ((p->kind == TH_PARTISAN_HASHTAG || p->kind == TH_PARTISAN_SLOGAN) &&
                    (!id || (p->party && !strcmp(p->party, id))))
                        push(out, p->span.start, p->span.end);
        }
}

static void found_minister(void *out, size_t start, size_t end)
{
        push(out, start, end);
}

/* The minister: the titles of the cue's lexicons, and the minister's names. */
static void minister_matches(struct run *r, const struct cue *cue, struct matches *out)
{
        for (size_t i = 0; i < cue->nlexicons; i++)
                lexicon_matches(r, cue->lexicons[i], out);
        th_roster_mentions(r->c->roster, r->doc, found_minister, out);
}

/* The matches of the patterns of `cue` in prose[start, end). */
static int patterns_in(struct run *r, const struct cue *cue, size_t start, size_t end,
                       struct matches *out)
{
        size_t ov[2];
        for (size_t p = 0; p < cue->npatterns; p++) {
                int rc;
                for (size_t at = start; (rc = th_regex_find(cue->patterns[p], r->s, r->doc->prose,
                                                            end, at, ov, 1)) == 1;
                     at = ov[1] > at ? ov[1] : at + 1)
                        if (!cue->unquoted || !th_doc_in_quote(r->doc, ov[0]))
                                push(out, ov[0], ov[1]);
                if (rc < 0)
                        return -1;
        }
        return 0;
}

/* Index of the sentence holding offset `at` (or the last one before it). */
static size_t sentence_of(const struct th_doc *doc, size_t at)
{
        size_t lo = 0, hi = doc->sentences.nr;
        while (hi - lo > 1) {
                size_t mid = (lo + hi) / 2;
                if (doc->sentences.v[mid].start <= at)
                        lo = mid;
                else
                        hi = mid;
        }
        return lo;
}

/* Where the next word of one of the cue's triggers starts, at or after `at`
 * (SIZE_MAX when there is none). */
static size_t next_trigger(struct run *r, const struct cue *cue, size_t at)
{
        size_t a, b, first = SIZE_MAX;
        const char *term;
        for (size_t i = 0; i < cue->ntriggers; i++)
                if (th_word_index_find(r->x, cue->triggers[i], r->doc->len, at, &a, &b, &term) ==
                        1 &&
                    a < first)
                        first = a;
        return first;
}

/* The patterns run in each sentence, or, with triggers, only in the sentences that
 * hold a trigger word: jump from one such word to the next rather than asking each
 * sentence, so that the cost follows the words found, not the length of the text. */
static int pattern_matches(struct run *r, const struct cue *cue, struct matches *out)
{
        const struct th_doc *doc = r->doc;
        if (!cue->ntriggers) {
                for (size_t i = 0; i < doc->sentences.nr; i++)
                        if (patterns_in(r, cue, doc->sentences.v[i].start, doc->sentences.v[i].end,
                                        out) < 0)
                                return -1;
                return 0;
        }
        for (size_t at = 0, hit;
             doc->sentences.nr && (hit = next_trigger(r, cue, at)) != SIZE_MAX;) {
                size_t i = sentence_of(doc, hit);
                size_t ss = doc->sentences.v[i].start, se = doc->sentences.v[i].end;
                if (hit < ss || hit >= se) { /* between sentences */
                        at = hit < ss ? ss : hit + 1;
                        continue;
                }
                if (patterns_in(r, cue, ss, se, out) < 0)
                        return -1;
                at = se;
        }
        return 0;
}

/* Does a word of `cue`'s not-after lexicons end right before `at` (white space or one
 * hyphen between)? */
static int right_after(struct run *r, const struct cue *cue, size_t at)
{
        if (!cue->nnot_after)
                return 0;
        const char *p = r->doc->prose;
        size_t gap = at;
        if (gap > 0 && p[gap - 1] == '-')
                gap--;
        while (gap > 0 && isspace((unsigned char)p[gap - 1]))
                gap--;
        if (gap == 0 || gap == at)
                return 0;
        size_t a, b, from = gap > 40 ? gap - 40 : 0;
        const char *term;
        for (size_t i = 0; i < cue->nnot_after; i++)
                for (size_t s = from;
                     th_word_index_find(r->x, cue->not_after[i], gap, s, &a, &b, &term) == 1;
                     s = b > s ? b : s + 1)
                        if (b == gap)
                                return 1;
        return 0;
}

/* The matches of cue `i`, found on first need. */
static const struct matches *matches_of(struct run *r, size_t i, int *failed)
{
        struct matches *out = &r->c->found[i];
        if (out->done)
                return out;
        const struct cue *cue = &r->c->cues[i];
        out->done = 1;
        switch (cue->source) {
        case SRC_LEXICONS:
                for (size_t k = 0; k < cue->nlexicons; k++)
                        lexicon_matches(r, cue->lexicons[k], out);
                break;
        case SRC_PATTERNS: /* as an anchor, a local cue is read everywhere */
                if (pattern_matches(r, cue, out) < 0)
                        *failed = 1;
                break;
        case SRC_PARTY:
        case SRC_OWN_PARTY:
                party_matches(r, cue->source == SRC_OWN_PARTY, out);
                break;
        case SRC_MINISTER:
                minister_matches(r, cue, out);
                break;
        case SRC_PARTY_METADATA:
                if (th_meta_value(&r->doc->meta, "party", 0))
                        push(out, 0, r->doc->len); /* the document as a whole */
                break;
        }
        int unquote = cue->unquoted && cue->source != SRC_PATTERNS; /* patterns_in did those */
        if (unquote || cue->nnot_after) {
                size_t kept = 0;
                for (size_t k = 0; k < out->nr; k++)
                        if (!(unquote && th_doc_in_quote(r->doc, out->v[k].start)) &&
                            !right_after(r, cue, out->v[k].start))
                                out->v[kept++] = out->v[k];
                out->nr = kept;
        }
        if (out->nr > 1)
                qsort(out->v, out->nr, sizeof(out->v[0]), by_start);
        return out;
}

/* The block holding offset `at` (blocks are sorted and do not overlap), or the
 * whole document. */
static struct th_span block_of(const struct th_doc *doc, size_t at)
{
        size_t lo = th_span_list_index(&doc->blocks, at);
        if (lo < doc->blocks.nr && doc->blocks.v[lo].start <= at)
                return (struct th_span){doc->blocks.v[lo].start, doc->blocks.v[lo].end};
        return (struct th_span){0, doc->len};
}

static int only_space(const char *text, size_t a, size_t b)
{
        for (; a < b; a++)
                if (!isspace((unsigned char)text[a]))
                        return 0;
        return 1;
}

/* The range of the window `in` around `anchor` in sentence `si`. */
static struct th_span window_range(const struct run *r, enum window in, struct th_span anchor,
                                   size_t si)
{
        const struct th_doc *doc = r->doc;
        struct th_span s = {doc->sentences.v[si].start, doc->sentences.v[si].end};
        switch (in) {
        case W_NEIGHBOURS: {
                struct th_span b = block_of(doc, s.start);
                if (si > 0 && doc->sentences.v[si - 1].start >= b.start)
                        s.start = doc->sentences.v[si - 1].start;
                if (si + 1 < doc->sentences.nr && doc->sentences.v[si + 1].end <= b.end)
                        s.end = doc->sentences.v[si + 1].end;
                return s;
        }
        case W_BLOCK:
                return block_of(doc, anchor.start);
        case W_DOCUMENT:
                return (struct th_span){0, doc->len};
        case W_BEFORE:
        case W_PREVIOUS:
                return (struct th_span){s.start, anchor.start};
        case W_AFTER:
        case W_NEXT:
                return (struct th_span){anchor.end, s.end};
        default:
                return s;
        }
}

/* Patterns without triggers are read only inside the windows that need them. */
static int is_local(const struct cue *cue)
{
        return cue->source == SRC_PATTERNS && cue->ntriggers == 0;
}

/* Is there a match of the condition's cues in its window (not the anchor itself)?
 * Fills *match and *cue with the first. */
static int satisfied(struct run *r, const struct condition *cd, struct th_span anchor, size_t si,
                     struct th_span *match, size_t *cue, int *failed)
{
        struct th_span w = window_range(r, cd->in, anchor, si);
        for (size_t k = 0; k < cd->ncues; k++) {
                const struct matches *l = &r->c->local;
                if (is_local(&r->c->cues[cd->cues[k]])) {
                        r->c->local.nr = 0;
                        if (patterns_in(r, &r->c->cues[cd->cues[k]], w.start, w.end, &r->c->local) <
                            0)
                                *failed = 1;
                } else {
                        l = matches_of(r, cd->cues[k], failed);
                }
                /* The party metadata is about the whole document, so every window
                 * holds it.  Other matches are sorted by start: bisect to the window. */
                if (r->c->cues[cd->cues[k]].source == SRC_PARTY_METADATA) {
                        if (!l->nr)
                                continue;
                        *match = l->v[0];
                        *cue = cd->cues[k];
                        return 1;
                }
                size_t lo = 0, hi = l->nr;
                while (lo < hi) {
                        size_t mid = (lo + hi) / 2;
                        if (l->v[mid].start < w.start)
                                lo = mid + 1;
                        else
                                hi = mid;
                }
                for (size_t i = lo; i < l->nr && l->v[i].start < w.end; i++) {
                        const struct th_span *m = &l->v[i];
                        if ((m->start == anchor.start && m->end == anchor.end) || m->end > w.end)
                                continue;
                        if ((cd->in == W_NEXT &&
                             !only_space(r->doc->prose, anchor.end, m->start)) ||
                            (cd->in == W_PREVIOUS &&
                             !only_space(r->doc->prose, m->end, anchor.start)))
                                continue;
                        if (cd->within >= 0 &&
                            ((cd->in == W_BEFORE && anchor.start - m->end > (size_t)cd->within) ||
                             (cd->in == W_AFTER && m->start - anchor.end > (size_t)cd->within)))
                                continue;
                        *match = *m;
                        *cue = cd->cues[k];
                        return 1;
                }
        }
        return 0;
}

static void add_label(struct th_buf *b, const struct th_cues *c, size_t cue)
{
        th_buf_addf(b, "%s%s", b->len ? ", " : "", c->cues[cue].shown);
}

/* Does judgement `j` hold at `anchor`?  Fills the item when it does. */
static int holds(struct run *r, const struct judgement *j, struct th_span anchor,
                 struct th_judged_item *item, int *failed)
{
        size_t si = sentence_of(r->doc, anchor.start), cue;
        struct th_span sentence = {r->doc->sentences.v[si].start, r->doc->sentences.v[si].end};
        struct th_span span = anchor, first = anchor, m;
        struct th_buf labels = {0};
        add_label(&labels, r->c, j->anchor);
        for (size_t i = 0; i < j->nwith; i++) {
                if (!satisfied(r, &j->with[i], anchor, si, &m, &cue, failed)) {
                        th_buf_release(&labels);
                        return 0;
                }
                TH_GROW(r->c->fired, i + 1, r->c->afired);
                r->c->fired[i] = cue;
                int named = cue == j->anchor; /* a cue met twice is named once */
                for (size_t k = 0; k < i && !named; k++)
                        named = r->c->fired[k] == cue;
                if (!named)
                        add_label(&labels, r->c, cue);
                if (i == 0)
                        first = m;
                if (j->with[i].in >= W_BEFORE) { /* around the anchor: part of a joined span */
                        span.start = m.start < span.start ? m.start : span.start;
                        span.end = m.end > span.end ? m.end : span.end;
                }
        }
        /* The exclusions after the requirements: these seldom hold, the requirements
         * seldom all do, so most anchors stop before the exclusions are read. */
        for (size_t i = 0; i < j->nwithout; i++)
                if (satisfied(r, &j->without[i], anchor, si, &m, &cue, failed)) {
                        th_buf_release(&labels);
                        return 0;
                }
        item->span = j->span == SPAN_SENTENCE ? sentence
                     : j->span == SPAN_JOINED ? span
                     : j->span == SPAN_WITH   ? first
                                              : anchor;
        item->sentence = sentence;
        item->group = j->group;
        item->judgement = j->id;
        item->cues = th_buf_detach(&labels);
        item->party = th_partisan_party_in(r->m, r->x, sentence.start, sentence.end);
        item->quoted = th_doc_in_quote(r->doc, anchor.start);
        return 1;
}

static int by_group_then_start(const void *a, const void *b)
{
        const struct th_judged_item *x = a, *y = b;
        int g = strcmp(x->group, y->group);
        if (g)
                return g;
        if (x->span.start != y->span.start)
                return x->span.start < y->span.start ? -1 : 1;
        return strcmp(x->judgement, y->judgement);
}

/* Keep what a usual document needs for the next one, not what the largest one did. */
static void trim(struct th_cues *c)
{
        enum { KEEP = 1 << 16 }; /* entries */
        if (c->adone > KEEP) {
                free(c->done);
                c->done = NULL;
                c->adone = 0;
        }
        for (size_t i = 0; i < c->ncues; i++)
                if (c->found[i].alloc > KEEP) {
                        free(c->found[i].v);
                        c->found[i] = (struct matches){0};
                }
}

int th_cues_judge(struct th_cues *c, const struct th_partisan_model *m, struct th_scratch *s,
                  const struct th_doc *doc, const struct th_word_index *x,
                  const struct th_partisan_list *parties, struct th_judged_list *out,
                  struct th_error *err)
{
        size_t first = out->nr;
        if (doc->sentences.nr == 0)
                return 0;
        if (!c->found)
                c->found = th_xcalloc(c->ncues ? c->ncues : 1, sizeof(struct matches));
        for (size_t i = 0; i < c->ncues; i++)
                c->found[i].nr = c->found[i].done = 0;
        struct run r = {.c = c, .m = m, .s = s, .doc = doc, .x = x, .parties = parties};
        /* A group reports one passage per sentence: done[group * sentences + sentence]. */
        size_t ndone = (c->ngroups ? c->ngroups : 1) * doc->sentences.nr;
        TH_GROW(c->done, ndone, c->adone);
        unsigned char *done = c->done;
        memset(done, 0, ndone);
        int failed = 0;
        for (size_t i = 0; i < c->njudgements && !failed; i++) {
                const struct judgement *j = &c->judgements[i];
                const struct matches *anchors = matches_of(&r, j->anchor, &failed);
                for (size_t k = 0; k < anchors->nr && !failed; k++) {
                        struct th_judged_item item;
                        size_t si = sentence_of(doc, anchors->v[k].start);
                        unsigned char *seen = &done[j->group_id * doc->sentences.nr + si];
                        if (*seen || !holds(&r, j, anchors->v[k], &item, &failed))
                                continue;
                        *seen = 1;
                        TH_GROW(out->v, out->nr + 1, out->alloc);
                        out->v[out->nr++] = item;
                }
        }
        trim(c);
        if (failed)
                return th_error_set(err, TH_ERR_PLUGIN, doc->path, 0, 0, "judging cues: %s",
                                    th_scratch_error(s));
        if (out->nr - first > 1)
                qsort(out->v + first, out->nr - first, sizeof(out->v[0]), by_group_then_start);
        return 0;
}
