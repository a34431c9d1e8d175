/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * office_premises.c: the office-premises plugin (GUIDELINES, "Plugin
 * office-premises"; HANDBOEK-2021, ANSWER-2021 Q9).
 *
 * A government premise counts only as a place: named after a place
 * preposition ("op het ministerie", "in de ministerskamer", "vanuit het
 * Torentje"), used as one ("gebruikt zijn ministerskamer om ..."), written
 * as an address ("Turfmarkt 147"), or given as the `location` metadata.  "Het ministerie van
 * Financiën heeft besloten" names an organisation and is left alone.  Within one sentence (with
 * `channel: agenda`, within one agenda item: a paragraph or list item), a premise as place together
 * with a campaign or party activity is campaign-use; a representative premise with a private event
 * is private-use.  A negation in the same clause ("geen", "niet", ...) cancels the finding, and so
 * does quotation (reported speech) around both terms.  All terms live in
 * rules/nl/office-premises.yml and rules/nl/language.yml.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/guideline.h"

#define RULE_CAMPAIGN "office-premises/campaign-use"
#define RULE_PRIVATE "office-premises/private-use"

static const struct th_rule rules[] = {
    {RULE_CAMPAIGN, TH_SEV_WARNING,
     N_("a government premise used as the place of a party or campaign activity"),
     N_("Checks whether a text places a party or campaign activity (campagnevideo, campagneteam,\n"
        "campagnemedewerkers, partijbijeenkomst, ledenvergadering, fondsenwerving,\n"
        "verkiezingsoverleg, strategisch campagneoverleg, ...) at a government premise: in one\n"
        "sentence, or anywhere in an agenda item (channel: agenda). A premise counts only as a\n"
        "place: after a place preposition (\"op het ministerie van Financiën\", \"in de\n"
        "ministerskamer\", \"vanuit het Torentje\"), as an address (\"Turfmarkt 147\"), or as the\n"
        "`location` metadata. With `location` a premise and `event: party` or `event: campaign`,\n"
        "the item itself is the finding.\n"
        "\n"
        "Why: ministries are no base for campaigns. The government answered that there are no\n"
        "specific rules on the use of government resources for party purposes, but that the\n"
        "principles of neutral government hold unchanged, in election time and outside it\n"
        "(ANSWER-2021, answers 1-6 and 9); representative premises are used with restraint\n"
        "(HANDBOEK-2021, p. 52).\n"
        "\n"
        "Not a finding: the ministry as organisation (\"het ministerie van Financiën heeft\n"
        "besloten de campagne voor de belastingaangifte te verlengen\"), a negation (\"wij hebben\n"
        "geen campagnemedewerkers op het ministerie geplaatst\", \"het departement is niet "
        "bedoeld\n"
        "als uitvalsbasis voor campagneteams\"), and text in quotation marks or a blockquote\n"
        "(reported speech), where this rule drops its finding.\n"
        "\n"
        "Flags:  19.00 uur: opname campagnevideo in de ministerskamer.\n"
        "Clean:  De ministerraad vergaderde vandaag in het Catshuis over de begroting.\n"
        "\n"
        "Suppress a justified case with a reason:\n"
        "  <!-- twohats-disable-next-line office-premises/campaign-use -- paid rental,\n"
        "  approved by the secretary-general -->")},
    {RULE_PRIVATE, TH_SEV_INFO, N_("a representative government premise used for a private event"),
     N_("Checks whether a text places a private event (verjaardag, bruiloft, privédiner,\n"
        "familiefeest, ...) at a representative government premise (Catshuis, Trêveszaal,\n"
        "Johan de Witthuis, Jachthuis Sint Hubertus), in one sentence, or through the `location`\n"
        "metadata with `event: private`.\n"
        "\n"
        "Why: private use of representative government premises calls for restraint\n"
        "(HANDBOEK-2021, p. 52, cited in ANSWER-2021, answer 9). It is not forbidden, so this\n"
        "is information for the minister's office to weigh, not an error.\n"
        "\n"
        "Not a finding: official use (\"de ministerraad kwam bijeen in de Treveszaal\"), a\n"
        "negation, and reported speech in quotation marks.\n"
        "\n"
        "Flags:  Zaterdag viert de minister haar verjaardag met familie in het Catshuis.\n"
        "Clean:  Zaterdag viert de minister haar verjaardag met familie in Wassenaar.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line office-premises/private-use -- own costs, approved -->")},
    {0, 0, 0, 0}};

/* The lexicons this plugin reads, in the order of `struct lexicons`. */
static const char *const lexicon_names[] = {"nl/premises",
                                            "nl/representative-premises",
                                            "nl/premise-addresses",
                                            "nl/campaign-activities",
                                            "nl/private-events",
                                            "nl/negations",
                                            "nl/place-prepositions",
                                            "nl/articles",
                                            "nl/premise-use",
                                            "nl/clause-starts",
                                            NULL};

struct lexicons {
        const struct th_lexicon *premises, *representative, *addresses, *campaign, *private_events,
            *negations, *prepositions, *articles, *use, *clause_starts;
};

enum { MAX_TERMS = 64 };

struct hit {
        struct th_span span;
        const char *term;
        int representative;
};

struct unit_hits {
        struct hit places[MAX_TERMS], campaign[MAX_TERMS], private_events[MAX_TERMS];
        size_t nplaces, ncampaign, nprivate;
};

static enum th_status init(const struct th_host *host, struct th_ctx *ctx, void **state)
{
        struct lexicons *lex = calloc(1, sizeof(*lex)); /* read-only after init() */
        if (!lex) {
                host->fail(ctx, "out of memory");
                return TH_ERROR;
        }
        *state = lex;
        return load_lexicons(host, ctx, lexicon_names, &lex->premises);
}

static void fini(void *state)
{
        free(state);
}

/* Is text[from, to) white space and at most one article? */
static int only_article_between(const struct th_host *host, struct th_ctx *ctx,
                                const struct lexicons *lex, const char *text, size_t from,
                                size_t to)
{
        while (from < to && (text[from] == ' ' || text[from] == '\n' || text[from] == '\t'))
                from++;
        while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\n' || text[to - 1] == '\t'))
                to--;
        if (from == to)
                return 1;
        struct th_lexicon_match m;
        struct th_span between = {from, to};
        return lex_in(host, ctx, lex->articles, text, between, &m) && m.span.start == from &&
               m.span.end == to;
}

/* Is a place preposition (and maybe an article) right before `start`? */
static int after_preposition(const struct th_host *host, struct th_ctx *ctx,
                             const struct lexicons *lex, const char *text, size_t unit_start,
                             size_t start)
{
        size_t from = start > unit_start + 48 ? start - 48 : unit_start;
        struct th_lexicon_match m;
        size_t at = from;
        int found = 0;
        while (lex_in(host, ctx, lex->prepositions, text, (struct th_span){at, start}, &m)) {
                if (only_article_between(host, ctx, lex, text, m.span.end, start))
                        found = 1;
                at = m.span.end;
        }
        return found;
}

/* Is the premise at `start` the object of a verb of use ("gebruikt Hoekstra zijn
 * ministerskamer")?  The verb stands at most three words before it, and an article
 * or possessive right before it. */
static int used_as_place(const struct th_host *host, struct th_ctx *ctx, const struct lexicons *lex,
                         const char *text, size_t unit_start, size_t start)
{
        size_t from = start > unit_start + 48 ? start - 48 : unit_start;
        struct th_lexicon_match verb, article;
        if (!lex_in(host, ctx, lex->use, text, (struct th_span){from, start}, &verb))
                return 0;
        size_t words = 0, w = start;
        while (w > verb.span.end && words <= 4) {
                while (w > verb.span.end && text[w - 1] == ' ')
                        w--;
                size_t end = w;
                while (w > verb.span.end && text[w - 1] != ' ')
                        w--;
                if (words++ == 0 &&
                    !(lex_in(host, ctx, lex->articles, text, (struct th_span){w, end}, &article) &&
                      article.span.start == w && article.span.end == end))
                        return 0;
        }
        return words >= 1 && words <= 4;
}

static int overlaps(const struct hit *hits, size_t n, struct th_span s)
{
        for (size_t i = 0; i < n; i++)
                if (s.start < hits[i].span.end && hits[i].span.start < s.end)
                        return 1;
        return 0;
}

/* Add the matches of `l` in text[start, end) to hits; `place` demands a preposition. */
static enum th_status collect(const struct th_host *host, struct th_ctx *ctx,
                              const struct lexicons *lex, const struct th_lexicon *l,
                              const char *text, size_t start, size_t end, int place,
                              int representative, struct hit *hits, size_t *n)
{
        struct th_lexicon_match m;
        size_t at = start;
        enum th_status rc;
        int found = 0;
        while ((rc = host->lexicon_find(ctx, l, text, end, at, &m, &found)) == TH_OK && found) {
                at = m.span.end > at ? m.span.end : at + 1;
                if (*n >= MAX_TERMS || overlaps(hits, *n, m.span))
                        continue;
                if (place && !after_preposition(host, ctx, lex, text, start, m.span.start) &&
                    !used_as_place(host, ctx, lex, text, start, m.span.start))
                        continue;
                hits[*n].span = m.span;
                hits[*n].term = m.term;
                hits[*n].representative = representative;
                (*n)++;
        }
        return rc;
}

static int is_clause_mark(char c)
{
        return c == ',' || c == ';' || c == ':' || c == '(' || c == ')';
}

/* A negation in the clause(s) from a's to b's (in either order)? */
static int negated(const struct th_host *host, struct th_ctx *ctx, const struct lexicons *lex,
                   const char *text, struct th_span unit, struct th_span a, struct th_span b)
{
        size_t lo = a.start < b.start ? a.start : b.start;
        size_t hi = a.end > b.end ? a.end : b.end;
        while (lo > unit.start && !is_clause_mark(text[lo - 1]))
                lo--;
        while (hi < unit.end && !is_clause_mark(text[hi]))
                hi++;
        /* A word that opens a clause of its own ("zonder dat hij betaalde") ends it too. */
        struct th_lexicon_match m;
        size_t right = a.end > b.end ? a.end : b.end;
        if (lex_in(host, ctx, lex->clause_starts, text, (struct th_span){right, hi}, &m))
                hi = m.span.start;
        /* "niet-westerse", "niet-gouvernementele": the first part of a compound, not a
         * negation of the clause */
        for (struct th_span rest = {lo, hi}; lex_in(host, ctx, lex->negations, text, rest, &m);
             rest.start = m.span.end)
                if (m.span.end >= hi || text[m.span.end] != '-')
                        return 1;
        return 0;
}

static struct th_span cover(struct th_span a, struct th_span b)
{
        struct th_span s = {a.start < b.start ? a.start : b.start, a.end > b.end ? a.end : b.end};
        return s;
}

/* Bytes between two hits, so that an activity pairs with the nearest place. */
static size_t distance(const struct hit *x, const struct hit *y)
{
        if (x->span.end <= y->span.start)
                return y->span.start - x->span.end;
        return y->span.end <= x->span.start ? x->span.start - y->span.end : 0;
}

static int reported_speech(const struct th_host *host, const struct th_doc *doc, struct th_span a,
                           struct th_span b)
{
        return host->doc_in_quote(doc, a.start) && host->doc_in_quote(doc, b.start);
}

/* Report `activity` at `place`, quoting both as the text writes them. */
static enum th_status report_pair(const struct th_host *host, struct th_ctx *ctx, const char *text,
                                  const char *rule, const struct hit *activity,
                                  const struct hit *place)
{
        return host->report(ctx, rule, cover(activity->span, place->span), NULL,
                            strcmp(rule, RULE_CAMPAIGN) == 0
                                ? N_("campaign activity \"%.*s\" at government premise \"%.*s\": "
                                     "ministries are no campaign base (ANSWER-2021)")
                                : N_("private event \"%.*s\" at government premise \"%.*s\": "
                                     "private use of representative premises calls for restraint "
                                     "(HANDBOEK-2021)"),
                            (int)(activity->span.end - activity->span.start),
                            text + activity->span.start, (int)(place->span.end - place->span.start),
                            text + place->span.start);
}

/* The premise named by the `location` metadata, placed where it was written. */
static int location_premise(const struct th_host *host, struct th_ctx *ctx,
                            const struct lexicons *lex, const struct th_doc *doc, struct hit *out)
{
        const char *loc = host->doc_meta(doc, "location", 0);
        if (!loc)
                return 0;
        const struct th_lexicon *lists[] = {lex->representative, lex->addresses, lex->premises};
        struct th_lexicon_match m;
        struct th_span all = {0, strlen(loc)};
        size_t i = 0;
        while (i < 3 && !lex_in(host, ctx, lists[i], loc, all, &m))
                i++;
        if (i == 3)
                return 0;
        out->term = m.term;
        out->representative = i == 0;
        if (!host->doc_meta_span(doc, "location", &out->span)) {
                struct th_span first = {0, 0};
                if (host->doc_sentence_count(doc) > 0)
                        first = host->doc_sentence(doc, 0);
                out->span = first;
        }
        return 1;
}

static enum th_status collect_unit(const struct th_host *host, struct th_ctx *ctx,
                                   const struct lexicons *lex, const char *text, struct th_span u,
                                   struct unit_hits *h)
{
        memset(h, 0, sizeof(*h));
        if (collect(host, ctx, lex, lex->addresses, text, u.start, u.end, 0, 0, h->places,
                    &h->nplaces) != TH_OK ||
            collect(host, ctx, lex, lex->representative, text, u.start, u.end, 1, 1, h->places,
                    &h->nplaces) != TH_OK ||
            collect(host, ctx, lex, lex->premises, text, u.start, u.end, 1, 0, h->places,
                    &h->nplaces) != TH_OK ||
            collect(host, ctx, lex, lex->campaign, text, u.start, u.end, 0, 0, h->campaign,
                    &h->ncampaign) != TH_OK ||
            collect(host, ctx, lex, lex->private_events, text, u.start, u.end, 0, 0,
                    h->private_events, &h->nprivate) != TH_OK)
                return TH_ERROR;
        return TH_OK;
}

/* Report the first activity of `acts` that stands, unnegated and not quoted, with a
 * place of `places` (only representative ones when `representative`), or with the
 * location metadata `loc`.  One finding per unit and rule. */
static enum th_status check_pairs(const struct th_host *host, struct th_ctx *ctx,
                                  const struct lexicons *lex, const struct th_doc *doc,
                                  const char *text, struct th_span u, const char *rule,
                                  const struct hit *acts, size_t nacts, const struct hit *places,
                                  size_t nplaces, int representative, const struct hit *loc)
{
        for (size_t a = 0; a < nacts; a++) {
                const struct hit *best = NULL;
                for (size_t p = 0; p < nplaces; p++) {
                        if ((representative && !places[p].representative) ||
                            negated(host, ctx, lex, text, u, acts[a].span, places[p].span) ||
                            reported_speech(host, doc, acts[a].span, places[p].span))
                                continue;
                        if (!best || distance(&places[p], &acts[a]) < distance(best, &acts[a]))
                                best = &places[p];
                }
                if (best)
                        return report_pair(host, ctx, text, rule, &acts[a], best);
                if (!loc || (representative && !loc->representative) ||
                    negated(host, ctx, lex, text, u, acts[a].span, acts[a].span) ||
                    host->doc_in_quote(doc, acts[a].span.start))
                        continue;
                return host->report(ctx, rule, acts[a].span, NULL,
                                    strcmp(rule, RULE_CAMPAIGN) == 0
                                        ? N_("campaign activity \"%.*s\" while the location is "
                                             "government premise \"%s\"")
                                        : N_("private event \"%.*s\" while the location is "
                                             "government premise \"%s\""),
                                    (int)(acts[a].span.end - acts[a].span.start),
                                    text + acts[a].span.start, loc->term);
        }
        return TH_OK;
}

/* Where the first campaign activity or private event at or after `at` starts, in *next
 * (SIZE_MAX: none does).  A unit before it holds neither and can give no finding: the
 * search runs once a document, not once a unit. */
static enum th_status next_activity(const struct th_host *host, struct th_ctx *ctx,
                                    const struct lexicons *lex, const char *text, size_t len,
                                    size_t at, size_t *next)
{
        const struct th_lexicon *kinds[] = {lex->campaign, lex->private_events};
        *next = SIZE_MAX;
        for (size_t k = 0; k < 2; k++) {
                struct th_lexicon_match m;
                int found = 0;
                if (host->lexicon_find(ctx, kinds[k], text, len, at, &m, &found) != TH_OK)
                        return TH_ERROR;
                if (found && m.span.start < *next)
                        *next = m.span.start;
        }
        return TH_OK;
}

static enum th_status check(const struct th_host *host, struct th_ctx *ctx,
                            const struct th_doc *doc, void *state)
{
        const struct lexicons *lex = state;
        size_t len;
        const char *text = host->doc_prose(doc, &len);
        const char *channel = host->doc_meta(doc, "channel", 0);
        const char *event = host->doc_meta(doc, "event", 0);
        struct hit loc;
        int has_loc = location_premise(host, ctx, lex, doc, &loc);
        int event_campaign = event && (!strcmp(event, "party") || !strcmp(event, "campaign"));
        int event_private = event && !strcmp(event, "private");
        if (has_loc && event_campaign &&
            host->report(ctx, RULE_CAMPAIGN, loc.span, NULL,
                         "%s event at government premise \"%s\" (metadata location and event): "
                         "ministries are no campaign base (ANSWER-2021)",
                         event, loc.term) != TH_OK)
                return TH_ERROR;
        if (has_loc && event_private && loc.representative &&
            host->report(ctx, RULE_PRIVATE, loc.span, NULL,
                         "private event at representative premise \"%s\" (metadata location "
                         "and event): use with restraint (HANDBOEK-2021)",
                         loc.term) != TH_OK)
                return TH_ERROR;
        int agenda = channel && !strcmp(channel, "agenda");
        size_t nunits = agenda ? host->doc_block_count(doc) : host->doc_sentence_count(doc);
        struct unit_hits h;
        size_t from = 0, next = 0; /* the next activity at or after `from` */
        if (next_activity(host, ctx, lex, text, len, from, &next) != TH_OK)
                return TH_ERROR;
        for (size_t i = 0; i < nunits; i++) {
                struct th_span u = agenda ? host->doc_block(doc, i) : host->doc_sentence(doc, i);
                if ((u.start < from || next < u.start) &&
                    next_activity(host, ctx, lex, text, len, from = u.start, &next) != TH_OK)
                        return TH_ERROR;
                if (next >= u.end)
                        continue;
                if (collect_unit(host, ctx, lex, text, u, &h) != TH_OK)
                        return TH_ERROR;
                if (check_pairs(host, ctx, lex, doc, text, u, RULE_CAMPAIGN, h.campaign,
                                h.ncampaign, h.places, h.nplaces, 0,
                                has_loc && !event_campaign ? &loc : NULL) != TH_OK ||
                    check_pairs(host, ctx, lex, doc, text, u, RULE_PRIVATE, h.private_events,
                                h.nprivate, h.places, h.nplaces, 1,
                                has_loc && !event_private ? &loc : NULL) != TH_OK)
                        return TH_ERROR;
        }
        return TH_OK;
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
    .textdomain = TH_PLUGINS_TEXTDOMAIN,
    .name = "office-premises",
    .version = "1.0.0",
    .summary = "government premises are no campaign base and are used with restraint",
    .rules = rules,
    .init = init,
    .check = check,
    .fini = fini,
};

TWOHATS_PLUGIN(office_premises, plugin)
