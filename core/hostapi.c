/*
 * hostapi.c: the services twohats offers its plugins, as one const
 * function table (see twohats/plugin.h for the contract of each).
 */
#include "engine_private.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *doc_text(const struct th_doc *doc, size_t *len)
{
        *len = doc->len;
        return doc->text;
}

static const char *doc_prose(const struct th_doc *doc, size_t *len)
{
        *len = doc->len;
        return doc->prose;
}

static const char *doc_path(const struct th_doc *doc)
{
        return doc->path;
}

static const char *doc_meta(const struct th_doc *doc, const char *key, size_t index)
{
        return th_meta_value(&doc->meta, key, index);
}

static int doc_meta_span(const struct th_doc *doc, const char *key, struct th_span *out)
{
        const struct th_meta_entry *e = th_meta_get(&doc->meta, key);
        if (!e || !e->has_span)
                return 0;
        out->start = e->start;
        out->end = e->end;
        return 1;
}

static size_t doc_sentence_count(const struct th_doc *doc)
{
        return doc->sentences.nr;
}

static struct th_span doc_sentence(const struct th_doc *doc, size_t index)
{
        struct th_span s = {0, 0};
        if (index < doc->sentences.nr) {
                s.start = doc->sentences.v[index].start;
                s.end = doc->sentences.v[index].end;
        }
        return s;
}

static size_t doc_block_count(const struct th_doc *doc)
{
        return doc->blocks.nr;
}

static struct th_span doc_block(const struct th_doc *doc, size_t index)
{
        struct th_span s = {0, 0};
        if (index < doc->blocks.nr) {
                s.start = doc->blocks.v[index].start;
                s.end = doc->blocks.v[index].end;
        }
        return s;
}

static int doc_in_quote(const struct th_doc *doc, size_t offset)
{
        return th_doc_in_quote(doc, offset);
}

static const char *option(struct th_ctx *ctx, const char *name)
{
        const struct th_option *o = ctx->plugin->desc->options;
        while (o && o->name && strcmp(o->name, name) != 0)
                o++;
        if (!o || !o->name)
                return NULL;
        const struct th_plugin_setting *ps =
            ctx->config ? th_config_plugin(ctx->config, ctx->plugin->info.name) : NULL;
        for (size_t i = 0; ps && i < ps->noptions; i++)
                if (strcmp(ps->options[i].name, name) == 0)
                        return ps->options[i].value;
        return o->default_value;
}

static void fail(struct th_ctx *ctx, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        free(ctx->failure);
        ctx->failure = th_xvasprintf(fmt, ap);
        va_end(ap);
}

static void fail_with(struct th_ctx *ctx, struct th_error *err);

static const struct th_lexicon *lexicon(struct th_ctx *ctx, const char *name)
{
        struct th_error err = {0};
        const struct th_lexicon *lex = th_lexicons_get(ctx->engine->lexicons, name, &err);
        if (!lex)
                fail_with(ctx, &err);
        return lex;
}

static int lexicon_find(struct th_ctx *ctx, const struct th_lexicon *lex, const char *subject,
                        size_t len, size_t start, struct th_lexicon_match *out)
{
        if (ctx->doc && subject == ctx->doc->prose) { /* the usual case: one pass for all */
                struct th_error err = {0};
                const struct th_word_index *x = th_engine_word_index(ctx->engine, ctx->doc, &err);
                if (!x) {
                        fail_with(ctx, &err);
                        return -1;
                }
                int rc = th_word_index_find(x, lex, len, start, &out->span.start, &out->span.end,
                                            &out->term);
                if (rc >= 0)
                        return rc;
        }
        int rc = th_lexicon_find(lex, ctx->engine->scratch, subject, len, start, &out->span.start,
                                 &out->span.end, &out->term);
        if (rc < 0)
                fail(ctx, "lexicon '%s': %s", lex->name, th_scratch_error(ctx->engine->scratch));
        return rc;
}

static struct th_pattern *pattern_compile(struct th_ctx *ctx, const char *pattern)
{
        char why[256];
        size_t at = 0;
        struct th_regex *re = th_regex_compile(pattern, 1, why, sizeof(why), &at);
        if (!re) {
                fail(ctx, "pattern '%s' does not compile at offset %zu: %s", pattern, at, why);
                return NULL;
        }
        struct th_loaded_plugin *p = ctx->plugin;
        TH_GROW(p->patterns, p->npatterns + 1, p->apatterns);
        p->patterns[p->npatterns++] = re;
        return (struct th_pattern *)re;
}

static int pattern_find(struct th_ctx *ctx, const struct th_pattern *pat, const char *subject,
                        size_t len, size_t start, struct th_span *out)
{
        size_t ov[2];
        int rc = th_regex_find((const struct th_regex *)pat, ctx->engine->scratch, subject, len,
                               start, ov, 1);
        if (rc == 1) {
                out->start = ov[0];
                out->end = ov[1];
        } else if (rc < 0) {
                fail(ctx, "pattern: %s", th_scratch_error(ctx->engine->scratch));
        }
        return rc;
}

/* Record `err` as the reason of the failing call. */
static void fail_with(struct th_ctx *ctx, struct th_error *err)
{
        char *msg = th_error_format(err);
        fail(ctx, "%s", msg);
        free(msg);
        th_error_release(err);
}

static int doc_partisan(struct th_ctx *ctx, const struct th_doc *doc,
                        const struct th_partisan **items, size_t *count)
{
        struct th_error err = {0};
        const struct th_partisan_list *l;
        if (th_engine_judgement(ctx->engine, doc, &l, &err) < 0) {
                fail_with(ctx, &err);
                return -1;
        }
        *items = l->v;
        *count = l->nr;
        return 0;
}

static const char *party_id(struct th_ctx *ctx, const char *name)
{
        struct th_error err = {0};
        const struct th_partisan_model *m = th_engine_parties(ctx->engine, &err);
        if (!m) {
                fail_with(ctx, &err);
                return NULL;
        }
        return th_partisan_party_id(m, ctx->engine->scratch, name);
}

static const char *party_find(struct th_ctx *ctx, const char *subject, size_t len, size_t start,
                              struct th_span *out)
{
        struct th_error err = {0};
        const struct th_partisan_model *m = th_engine_parties(ctx->engine, &err);
        if (!m) {
                fail_with(ctx, &err);
                return NULL;
        }
        return th_partisan_party_find(m, ctx->engine->scratch, subject, len, start, &out->start,
                                      &out->end);
}

static size_t election_count(struct th_ctx *ctx)
{
        struct th_error err = {0};
        const struct th_elections *el;
        if (th_engine_elections(ctx->engine, &el, &err) < 0) {
                fail_with(ctx, &err);
                return 0;
        }
        return el->nr;
}

static int election(struct th_ctx *ctx, size_t index, struct th_election *out)
{
        struct th_error err = {0};
        const struct th_elections *el;
        if (th_engine_elections(ctx->engine, &el, &err) < 0) {
                fail_with(ctx, &err);
                return -1;
        }
        if (index >= el->nr)
                return -1;
        out->type = el->v[index].type;
        out->date = el->v[index].date;
        out->official = el->v[index].official;
        return 0;
}

static int report_at_most(struct th_ctx *ctx, const char *rule, enum th_severity at_most,
                          struct th_span span, const char *message, const struct th_fix *fix)
{
        if (!ctx->doc || !rule || !message)
                return TH_ERROR;
        const struct th_rule *r = ctx->plugin->desc->rules;
        while (r->id && strcmp(r->id, rule) != 0)
                r++;
        if (!r->id || span.start > span.end || span.end > ctx->doc->len ||
            (fix && (fix->span.start > fix->span.end || fix->span.end > ctx->doc->len))) {
                fail(ctx, "report of '%s' with an unknown rule id or a span outside the document",
                     rule);
                return TH_ERROR;
        }
        enum th_severity sev = th_engine_severity(ctx->engine, ctx->config, rule);
        if (sev > at_most && at_most != TH_SEV_OFF)
                sev = at_most;
        if (sev != TH_SEV_OFF)
                th_findings_add(ctx->findings, ctx->doc, rule, sev, span.start, span.end, message,
                                fix);
        return TH_OK;
}

static int report(struct th_ctx *ctx, const char *rule, struct th_span span, const char *message,
                  const struct th_fix *fix)
{
        return report_at_most(ctx, rule, TH_SEV_ERROR, span, message, fix);
}

static const struct th_host services = {
    .major = TH_ABI_MAJOR,
    .minor = TH_ABI_MINOR,
    .size = sizeof(struct th_host),
    .doc_text = doc_text,
    .doc_prose = doc_prose,
    .doc_path = doc_path,
    .doc_meta = doc_meta,
    .doc_meta_span = doc_meta_span,
    .doc_sentence_count = doc_sentence_count,
    .doc_sentence = doc_sentence,
    .doc_in_quote = doc_in_quote,
    .doc_block_count = doc_block_count,
    .doc_block = doc_block,
    .option = option,
    .lexicon = lexicon,
    .lexicon_find = lexicon_find,
    .pattern_compile = pattern_compile,
    .pattern_find = pattern_find,
    .report = report,
    .doc_partisan = doc_partisan,
    .party_id = party_id,
    .party_find = party_find,
    .election_count = election_count,
    .election = election,
    .report_at_most = report_at_most,
    .fail = fail,
};

const struct th_host *th_host_services(void)
{
        return &services;
}
