/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * hostapi.c: the services twohats offers its plugins, as one const
 * function table (see twohats/plugin.h for the contract of each).
 */
#include "engine/engine_private.h"
#include "base/i18n.h"
#include "base/util.h"

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

void th_ctx_fail_with(struct th_ctx *ctx, struct th_error *err)
{
        char *msg = th_error_format(err);
        fail(ctx, "%s", msg);
        free(msg);
        th_error_release(err);
}

struct th_engine *th_ctx_engine(struct th_ctx *ctx)
{
        return ctx->engine;
}

void *th_ctx_service_state(struct th_ctx *ctx, const struct th_service_provider *p)
{
        for (size_t i = 0; i < ctx->engine->nservices; i++)
                if (ctx->engine->services[i].provider == p)
                        return ctx->engine->services[i].state;
        return NULL;
}

static enum th_status lexicon(struct th_ctx *ctx, const char *name, const struct th_lexicon **out)
{
        struct th_error err = {0};
        *out = th_lexicons_get(ctx->engine->lexicons, name, &err);
        if (!*out) {
                th_ctx_fail_with(ctx, &err);
                return TH_ERROR;
        }
        return TH_OK;
}

static enum th_status lexicon_find(struct th_ctx *ctx, const struct th_lexicon *lex,
                                   const char *subject, size_t len, size_t start,
                                   struct th_lexicon_match *out, int *found)
{
        int rc = -1;
        if (ctx->doc && subject == ctx->doc->prose) { /* the usual case: one pass for all */
                struct th_error err = {0};
                const struct th_word_index *x = th_engine_word_index(ctx->engine, ctx->doc, &err);
                if (!x) {
                        th_ctx_fail_with(ctx, &err);
                        return TH_ERROR;
                }
                rc = th_word_index_find(x, lex, len, start, &out->span.start, &out->span.end,
                                        &out->term);
        }
        if (rc < 0)
                rc = th_lexicon_find(lex, ctx->engine->scratch, subject, len, start,
                                     &out->span.start, &out->span.end, &out->term);
        if (rc < 0) {
                fail(ctx, "lexicon '%s': %s", lex->name, th_scratch_error(ctx->engine->scratch));
                return TH_ERROR;
        }
        *found = rc;
        return TH_OK;
}

static enum th_status pattern_compile(struct th_ctx *ctx, const char *pattern,
                                      struct th_pattern **out)
{
        char why[256];
        size_t at = 0;
        struct th_regex *re = th_regex_compile(pattern, why, sizeof(why), &at);
        *out = (struct th_pattern *)re;
        if (!re) {
                fail(ctx, "pattern '%s' does not compile at offset %zu: %s", pattern, at, why);
                return TH_ERROR;
        }
        struct th_loaded_plugin *p = ctx->plugin;
        TH_GROW(p->patterns, p->npatterns + 1, p->apatterns);
        p->patterns[p->npatterns++] = re;
        return TH_OK;
}

static enum th_status pattern_find(struct th_ctx *ctx, const struct th_pattern *pat,
                                   const char *subject, size_t len, size_t start,
                                   struct th_span *out, int *found)
{
        size_t ov[2];
        int rc = th_regex_find((const struct th_regex *)pat, ctx->engine->scratch, subject, len,
                               start, ov, 1);
        if (rc < 0) {
                fail(ctx, "pattern: %s", th_scratch_error(ctx->engine->scratch));
                return TH_ERROR;
        }
        if (rc == 1) {
                out->start = ov[0];
                out->end = ov[1];
        }
        *found = rc;
        return TH_OK;
}

static enum th_status vreport(struct th_ctx *ctx, const char *rule, enum th_severity at_most,
                              struct th_span span, const struct th_fix *fix, const char *fmt,
                              va_list ap)
{
        if (!ctx->doc || !rule || !fmt)
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
        if (sev != TH_SEV_OFF) {
                const struct th_plugin *d = ctx->plugin->desc;
                char *message = th_xvasprintf(
                    th_translate(TH_PLUGIN_HAS(d, textdomain) ? d->textdomain : NULL, fmt), ap);
                th_findings_add(ctx->findings, ctx->doc, rule, sev, span.start, span.end, message,
                                fix);
                free(message);
        }
        return TH_OK;
}

static enum th_status report_at_most(struct th_ctx *ctx, const char *rule, enum th_severity at_most,
                                     struct th_span span, const struct th_fix *fix, const char *fmt,
                                     ...)
{
        va_list ap;
        va_start(ap, fmt);
        enum th_status rc = vreport(ctx, rule, at_most, span, fix, fmt, ap);
        va_end(ap);
        return rc;
}

static enum th_status report(struct th_ctx *ctx, const char *rule, struct th_span span,
                             const struct th_fix *fix, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        enum th_status rc = vreport(ctx, rule, TH_SEV_ERROR, span, fix, fmt, ap);
        va_end(ap);
        return rc;
}

static enum th_status service(struct th_ctx *ctx, const char *name, unsigned major, unsigned minor,
                              const void **out)
{
        struct th_error err = {0};
        *out = name ? th_engine_service(ctx->engine, name, major, minor, &err) : NULL;
        if (!*out) {
                th_ctx_fail_with(ctx, &err);
                return TH_ERROR;
        }
        return TH_OK;
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
    .report_at_most = report_at_most,
    .service = service,
    .fail = fail,
};

const struct th_host *th_host_services(void)
{
        return &services;
}
