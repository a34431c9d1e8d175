/*
 * service.c: the "nl" service (see <twohats/nl.h>): per engine, the party
 * model and the election calendar, read from rules/nl on first use, and the
 * judgement of the document being linted, made on first request.
 */
#include "service.h"
#include "base/util.h"
#include "elections.h"
#include "partisan.h"
#include "twohats/nl.h"

#include <stdlib.h>
#include <string.h>

struct nl_state {
        struct th_engine *engine;
        struct th_partisan_model *parties;
        struct th_elections elections;
        int elections_loaded;
        struct th_calendar calendar;
        const struct th_doc *judged;
        struct th_partisan_list judgement;
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
        th_partisan_model_free(s->parties);
        th_elections_release(&s->elections);
        free(s->judgement.v);
        free(s);
}

static void nl_forget_document(void *state)
{
        ((struct nl_state *)state)->judged = NULL;
}

/* The party model, read on first request; NULL with `err`. */
static const struct th_partisan_model *parties(struct nl_state *s, struct th_error *err)
{
        if (!s->parties) {
                struct th_lexicons *lexicons = th_engine_lexicons(s->engine);
                char *dir = th_lexicons_locate(lexicons, "nl", "parties.yml");
                s->parties = th_partisan_model_load(lexicons, dir, "nl", err);
                free(dir);
        }
        return s->parties;
}

/* Its lexicons (the party names) belong in the word index from the start; without the
 * data, doc_partisan() will say why. */
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

static enum th_status doc_partisan(struct th_ctx *ctx, const struct th_doc *doc,
                                   const struct th_partisan **items, size_t *count)
{
        struct nl_state *s = state_of(ctx);
        struct th_error err = {0};
        if (s->judged != doc) {
                const struct th_partisan_model *m = parties(s, &err);
                const struct th_word_index *x =
                    m ? th_engine_word_index(s->engine, doc, &err) : NULL;
                s->judgement.nr = 0;
                if (!x || th_partisan_judge(m, th_engine_scratch(s->engine), doc, x, &s->judgement,
                                            &err) < 0) {
                        th_ctx_fail_with(ctx, &err);
                        return TH_ERROR;
                }
                s->judged = doc;
        }
        *items = s->judgement.v;
        *count = s->judgement.nr;
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
