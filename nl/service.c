/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * service.c: the "nl" service (see <twohats/nl.h>): per engine, the party
 * model, the cues and the election calendar, read from rules/nl on first
 * use, and the judgement of the document being linted, made on first
 * request.
 */
#include "service.h"
#include "base/util.h"
#include "cues.h"
#include "elections.h"
#include "partisan.h"
#include "twohats/nl.h"

#include <stdlib.h>
#include <string.h>

struct nl_state {
        struct th_engine *engine;
        struct th_partisan_model *parties;
        struct th_cues *cues;
        struct th_elections elections;
        int elections_loaded;
        struct th_calendar calendar;
        /* The judgement of the document being linted: its party-political passages, and
         * the passages judged from cues (grouped), also as the API gives them. */
        const struct th_doc *judged;
        struct th_partisan_list judgement;
        struct th_judged_list cued;
        struct th_judged *cued_api;
        size_t acued_api;
        /* Where the document being linted names its minister. */
        const struct th_doc *named;
        struct th_span *names;
        size_t nnames, anames;
};

static void *nl_open(struct th_engine *e)
{
        struct nl_state *s = th_xcalloc(1, sizeof(*s));
        s->engine = e;
        return s;
}

static void nl_close(void *state)
{
        struct nl_state *s = state;
        th_cues_free(s->cues);
        th_partisan_model_free(s->parties);
        th_elections_release(&s->elections);
        free(s->judgement.v);
        th_judged_list_release(&s->cued);
        free(s->cued_api);
        free(s->names);
        free(s);
}

static void nl_forget_document(void *state)
{
        ((struct nl_state *)state)->judged = NULL;
        ((struct nl_state *)state)->named = NULL;
}

/* The party model and the cues, read on first request; NULL with `err`. */
static const struct th_partisan_model *parties(struct nl_state *s, struct th_error *err)
{
        if (!s->parties) {
                struct th_lexicons *lexicons = th_engine_lexicons(s->engine);
                char *dir = th_lexicons_locate(lexicons, "nl", "parties.yml");
                s->parties = th_partisan_model_load(lexicons, dir, "nl", err);
                s->cues = s->parties ? th_cues_load(lexicons, s->parties, dir, "nl", err) : NULL;
                if (!s->cues) {
                        th_partisan_model_free(s->parties);
                        s->parties = NULL;
                }
                free(dir);
        }
        return s->parties;
}

/* Their lexicons (the party names, the cues' words) belong in the word index from the
 * start; without the data, doc_partisan() will say why. */
static void nl_preload(void *state)
{
        struct th_error ignored = {0};
        parties(state, &ignored);
        th_error_release(&ignored);
}

/* The calendar, read on first request; NULL with `err`. */
static const struct th_elections *elections(struct nl_state *s, struct th_error *err)
{
        if (!s->elections_loaded) {
                struct th_lexicons *lexicons = th_engine_lexicons(s->engine);
                char *dir = th_lexicons_locate(lexicons, "nl", "elections.yml");
                char *path = th_xasprintf("%s/elections.yml", dir);
                free(dir);
                int rc = th_elections_load(&s->elections, path, err);
                free(path);
                if (rc < 0)
                        return NULL;
                s->elections_loaded = 1;
        }
        return &s->elections;
}

static struct nl_state *state_of(struct th_ctx *ctx)
{
        return th_ctx_service_state(ctx, &th_nl_provider);
}

/* The kind of party-political content a group of cues.yml stands for, or 0. */
static enum th_partisan_kind partisan_kind(const char *group)
{
        static const struct {
                const char *group;
                enum th_partisan_kind kind;
        } kinds[] = {{"vote-call", TH_PARTISAN_VOTE_CALL},
                     {"self-identification", TH_PARTISAN_SELF_ID},
                     {"polemic", TH_PARTISAN_POLEMIC},
                     {"candidacy", TH_PARTISAN_CANDIDACY}};
        for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
                if (!strcmp(kinds[i].group, group))
                        return kinds[i].kind;
        return 0;
}

/* Judge `doc` once: the registry's and the patterns' passages, then the cues; the
 * judgements of a partisan kind join the party-political passages. */
static int judge(struct nl_state *s, const struct th_doc *doc, struct th_error *err)
{
        if (s->judged == doc)
                return 0;
        const struct th_partisan_model *m = parties(s, err);
        const struct th_word_index *x = m ? th_engine_word_index(s->engine, doc, err) : NULL;
        struct th_scratch *scratch = th_engine_scratch(s->engine);
        s->judgement.nr = 0;
        th_judged_list_clear(&s->cued);
        if (!x || th_partisan_judge(m, scratch, doc, x, &s->judgement, err) < 0 ||
            th_cues_judge(s->cues, m, scratch, doc, x, &s->judgement, &s->cued, err) < 0)
                return -1;
        TH_GROW(s->cued_api, s->cued.nr, s->acued_api);
        for (size_t i = 0; i < s->cued.nr; i++) {
                const struct th_judged_item *it = &s->cued.v[i];
                s->cued_api[i] =
                    (struct th_judged){it->span, it->sentence, it->judgement, it->cues, it->quoted};
                enum th_partisan_kind kind = partisan_kind(it->group);
                if (!kind)
                        continue;
                TH_GROW(s->judgement.v, s->judgement.nr + 1, s->judgement.alloc);
                s->judgement.v[s->judgement.nr++] = (struct th_partisan){
                    kind, it->span, it->sentence, it->party, it->quoted, it->cues};
        }
        th_partisan_list_sort(&s->judgement);
        s->judged = doc;
        return 0;
}

static enum th_status doc_partisan(struct th_ctx *ctx, const struct th_doc *doc,
                                   const struct th_partisan **items, size_t *count)
{
        struct nl_state *s = state_of(ctx);
        struct th_error err = {0};
        if (judge(s, doc, &err) < 0) {
                th_ctx_fail_with(ctx, &err);
                return TH_ERROR;
        }
        *items = s->judgement.v;
        *count = s->judgement.nr;
        return TH_OK;
}

static enum th_status doc_judged(struct th_ctx *ctx, const struct th_doc *doc, const char *group,
                                 const struct th_judged **items, size_t *count)
{
        struct nl_state *s = state_of(ctx);
        struct th_error err = {0};
        if (judge(s, doc, &err) < 0) {
                th_ctx_fail_with(ctx, &err);
                return TH_ERROR;
        }
        size_t first = 0;
        while (first < s->cued.nr && strcmp(s->cued.v[first].group, group) != 0)
                first++;
        size_t end = first;
        while (end < s->cued.nr && !strcmp(s->cued.v[end].group, group))
                end++;
        *items = end > first ? s->cued_api + first : NULL; /* none yet: no array to point into */
        *count = end - first;
        return TH_OK;
}

static void add_name(void *state, size_t start, size_t end)
{
        struct nl_state *s = state;
        TH_GROW(s->names, s->nnames + 1, s->anames);
        s->names[s->nnames++] = (struct th_span){start, end};
}

static int by_start(const void *a, const void *b)
{
        const struct th_span *x = a, *y = b;
        return x->start < y->start ? -1 : x->start > y->start;
}

static enum th_status doc_minister(struct th_ctx *ctx, const struct th_doc *doc,
                                   const struct th_span **spans, size_t *count)
{
        struct nl_state *s = state_of(ctx);
        if (s->named != doc) {
                struct th_error err = {0};
                if (!parties(s, &err)) {
                        th_ctx_fail_with(ctx, &err);
                        return TH_ERROR;
                }
                s->nnames = 0;
                th_roster_mentions(th_cues_roster(s->cues), doc, add_name, s);
                if (s->nnames > 1)
                        qsort(s->names, s->nnames, sizeof(s->names[0]), by_start);
                s->named = doc;
        }
        *spans = s->names;
        *count = s->nnames;
        return TH_OK;
}

/* The party model for a call of `ctx`; NULL, with the reason recorded, when it cannot be read. */
static const struct th_partisan_model *parties_for(struct th_ctx *ctx, struct th_scratch **scratch)
{
        struct nl_state *s = state_of(ctx);
        struct th_error err = {0};
        const struct th_partisan_model *m = parties(s, &err);
        if (!m)
                th_ctx_fail_with(ctx, &err);
        *scratch = th_engine_scratch(s->engine);
        return m;
}

static enum th_status party_id(struct th_ctx *ctx, const char *name, const char **id)
{
        struct th_scratch *scratch;
        const struct th_partisan_model *m = parties_for(ctx, &scratch);
        *id = m ? th_partisan_party_id(m, scratch, name) : NULL;
        return m ? TH_OK : TH_ERROR;
}

static enum th_status party_find(struct th_ctx *ctx, const char *subject, size_t len, size_t start,
                                 const char **id, struct th_span *out)
{
        struct th_scratch *scratch;
        const struct th_partisan_model *m = parties_for(ctx, &scratch);
        *id = m ? th_partisan_party_find(m, scratch, subject, len, start, &out->start, &out->end)
                : NULL;
        return m ? TH_OK : TH_ERROR;
}

static enum th_status election_window(struct th_ctx *ctx, const char *date, th_nl_window_fn window,
                                      void *arg, struct th_election *out, int *found)
{
        struct th_error err = {0};
        const struct th_elections *el = elections(state_of(ctx), &err);
        *found = 0;
        if (!el) {
                th_ctx_fail_with(ctx, &err);
                return TH_ERROR;
        }
        const struct th_election_entry *e = th_elections_window(el, date, window, arg);
        if (e) {
                out->type = e->type;
                out->date = e->date;
                out->official = e->official;
                *found = 1;
        }
        return TH_OK;
}

/* The calendar for declarative rules: the window of their `type`, or of any type. */
struct within {
        const char *type;
        long days;
};

static long within_window(void *arg, const char *type)
{
        const struct within *w = arg;
        return !w->type || !strcmp(w->type, type) ? w->days : 0;
}

static int calendar_within(void *state, const char *date, const char *type, long days)
{
        struct within w = {type, days};
        return th_elections_window(&((struct nl_state *)state)->elections, date, within_window,
                                   &w) != NULL;
}

static int calendar_type_known(void *state, const char *type)
{
        return th_elections_type_known(&((struct nl_state *)state)->elections, type);
}

static const char *calendar_type_list(void *state)
{
        return ((struct nl_state *)state)->elections.type_list;
}

static const struct th_calendar *nl_calendar(void *state, struct th_error *err)
{
        struct nl_state *s = state;
        if (!elections(s, err))
                return NULL;
        s->calendar =
            (struct th_calendar){s, calendar_type_known, calendar_type_list, calendar_within};
        return &s->calendar;
}

static const struct th_nl_api api = {
    .head = {TH_NL_SERVICE, TH_NL_MAJOR, TH_NL_MINOR, sizeof(struct th_nl_api)},
    .doc_partisan = doc_partisan,
    .party_id = party_id,
    .party_find = party_find,
    .election_window = election_window,
    .doc_judged = doc_judged,
    .doc_minister = doc_minister,
};

const struct th_service_provider th_nl_provider = {
    .table = &api.head,
    .data_keys = th_nl_data_keys,
    .language = "nl",
    .open = nl_open,
    .close = nl_close,
    .preload = nl_preload,
    .forget_document = nl_forget_document,
    .calendar = nl_calendar,
};
