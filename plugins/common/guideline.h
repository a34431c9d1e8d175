/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * guideline.h: small helpers that the Dutch guideline plugins share.  Each
 * plugin is its own module and sees only <twohats/plugin.h> and
 * <twohats/nl.h>, so these are static inline functions over the host
 * services, compiled into each.
 */
#ifndef TH_GUIDELINE_H
#define TH_GUIDELINE_H

#include <ctype.h>
#include <libintl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <twohats/nl.h>
#include <twohats/plugin.h>

/* The project's plugins share the core's text domain: their rule texts and report formats
 * are translated by the host (struct th_plugin.textdomain); the words they pass as
 * arguments, by _().  N_ marks a text for xgettext only. */
#define TH_PLUGINS_TEXTDOMAIN "twohats"
#ifndef N_ /* make update-po keeps N_ through the preprocessor to find the texts */
#define N_(s) s
#endif
#define _(s) dgettext(TH_PLUGINS_TEXTDOMAIN, s)

/* The state of a plugin that needs the Dutch model ("nl" service) and nothing else. */
struct dutch {
        const struct th_nl_api *api;
};

static inline enum th_status dutch_init(const struct th_host *host, struct th_ctx *ctx,
                                        void **state)
{
        struct dutch *s = calloc(1, sizeof(*s));
        if (!s) {
                host->fail(ctx, "out of memory");
                return TH_ERROR;
        }
        *state = s;
        return th_nl_api(host, ctx, &s->api);
}

static inline void dutch_fini(void *state)
{
        free(state);
}

/* Is metadata `key` equal to `value`? */
static inline int meta_is(const struct th_host *host, const struct th_doc *doc, const char *key,
                          const char *value)
{
        const char *v = host->doc_meta(doc, key, 0);
        return v && strcmp(v, value) == 0;
}

/*
 * Government-voiced text (GUIDELINES, "Document metadata"): a press
 * release, web page, newsletter or letter; a post on a corporate account;
 * anything the civil service prepared.  A party's own channel never is.
 */
static inline int government_voiced(const struct th_host *host, const struct th_doc *doc)
{
        static const char *const channels[] = {"press-release", "web", "newsletter", "letter",
                                               NULL};
        if (meta_is(host, doc, "channel", "party"))
                return 0;
        for (size_t i = 0; channels[i]; i++)
                if (meta_is(host, doc, "channel", channels[i]))
                        return 1;
        if (meta_is(host, doc, "channel", "social") && meta_is(host, doc, "account", "corporate"))
                return 1;
        return meta_is(host, doc, "prepared-by", "civil-service");
}

/* The first match of `lex` inside `span`, or 0 (also when matching failed: the host
 * recorded why, and the plugin's check() returns TH_ERROR when the host says so). */
static inline int lex_in(const struct th_host *host, struct th_ctx *ctx,
                         const struct th_lexicon *lex, const char *text, struct th_span span,
                         struct th_lexicon_match *m)
{
        int found = 0;
        return host->lexicon_find(ctx, lex, text, span.end, span.start, m, &found) == TH_OK &&
               found;
}

/* Does `name` occur in text[span] as a whole word (ASCII case-insensitive)? */
static inline int has_name(const char *text, struct th_span span, const char *name, size_t *where)
{
        size_t n = strlen(name);
        if (n == 0)
                return 0;
        for (size_t i = span.start; i + n <= span.end; i++) {
                if (strncasecmp(text + i, name, n) != 0)
                        continue;
                int left = i == span.start || !isalnum((unsigned char)text[i - 1]);
                int right = i + n == span.end || !isalnum((unsigned char)text[i + n]);
                if (left && right) {
                        if (where)
                                *where = i;
                        return 1;
                }
        }
        return 0;
}

/*
 * Does `span` mention the minister: a title from `titles` ("minister",
 * "staatssecretaris", ...) or the minister by name, as the service "nl" finds it
 * (the `minister` metadata, also by full or first name)?  The offset of the first
 * mention goes to *where.
 */
static inline int mentions_minister(const struct th_host *host, struct th_ctx *ctx,
                                    const struct th_nl_api *nl, const struct th_doc *doc,
                                    const struct th_lexicon *titles, const char *text,
                                    struct th_span span, size_t *where)
{
        struct th_lexicon_match m;
        size_t best = span.end;
        int found = 0;
        if (lex_in(host, ctx, titles, text, span, &m)) {
                best = m.span.start;
                found = 1;
        }
        const struct th_span *names;
        size_t n, lo = 0;
        if (nl->doc_minister(ctx, doc, &names, &n) != TH_OK)
                return 0;               /* the host recorded why */
        for (size_t hi = n; lo < hi;) { /* the first name at or after the span's start */
                size_t mid = lo + (hi - lo) / 2;
                if (names[mid].start < span.start)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        if (lo < n && names[lo].end <= span.end && names[lo].start < best) {
                best = names[lo].start;
                found = 1;
        }
        if (found && where)
                *where = best;
        return found;
}

/* Load the lexicons named in `names` (NULL-terminated) into `slots`. */
static inline enum th_status load_lexicons(const struct th_host *host, struct th_ctx *ctx,
                                           const char *const *names,
                                           const struct th_lexicon **slots)
{
        for (size_t i = 0; names[i]; i++)
                if (host->lexicon(ctx, names[i], &slots[i]) != TH_OK)
                        return TH_ERROR;
        return TH_OK;
}

#endif
