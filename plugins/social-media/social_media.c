/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * social_media.c: the social-media plugin (GUIDELINES, "Plugin
 * social-media"; SOCIAL-2021).
 *
 * A post (channel: social) is judged by its account variant: a corporate
 * account carries no party politics; on a hybrid account party content is
 * marked with the party's hashtag; the civil service posts no party politics
 * anywhere; a personal account gets no civil-service support.  The
 * party-political judgement is the host's shared one (doc_partisan).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../common/guideline.h"

#define RULE_CORPORATE "social-media/corporate-partisan"
#define RULE_HYBRID "social-media/hybrid-untagged"
#define RULE_CIVIL "social-media/civil-service-partisan"
#define RULE_PERSONAL "social-media/personal-supported"

static const struct th_rule rules[] = {
    {RULE_CORPORATE, TH_SEV_ERROR, N_("party-political content on a corporate account"),
     N_("Checks posts on a corporate account (channel: social, account: corporate) for\n"
        "party-political content: vote, membership and money calls, party self-identification,\n"
        "party slogans and hashtags, polemics against named parties.\n"
        "\n"
        "Why: a corporate account has full civil-service support and carries no party-political\n"
        "posts (SOCIAL-2021, variant \"corporate\"; ANSWER-2021, answer 7).\n"
        "\n"
        "Not a finding: factual mentions of parties (\"vragen van de fracties van VVD, PVV en\n"
        "GroenLinks-PvdA\").\n"
        "\n"
        "Flags:  Vandaag op werkbezoek in Zwolle. #minderikmeerwij      (account: corporate)\n"
        "Clean:  Vandaag in de Kamer het debat over de begroting van OCW.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line social-media/corporate-partisan -- reason -->")},
    {RULE_HYBRID, TH_SEV_ERROR,
     N_("party-political content on a hybrid account without the party's hashtag"),
     N_("Checks posts on a hybrid account (account: hybrid or hybride) with party-political\n"
        "content for a hashtag of the minister's party (metadata `party`). The fix appends\n"
        "\" #<party>\" to the post.\n"
        "\n"
        "Why: on hybrid accounts party-political content must be explicitly recognisable as such,\n"
        "for example with #[partij] after the post (SOCIAL-2021; ANSWER-2021, answer 7), so that\n"
        "the sender is always recognisable (UO-2017).\n"
        "\n"
        "Flags:  Trots op al onze kandidaten! Op 17 maart stem ik D66.   (account: hybrid,\n"
        "        party: D66)\n"
        "Clean:  Trots op al onze kandidaten! Op 17 maart stem ik D66. #D66\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line social-media/hybrid-untagged -- reason -->")},
    {RULE_CIVIL, TH_SEV_ERROR, N_("party-political content posted by the civil service"),
     N_("Checks posts prepared by the civil service (prepared-by: civil-service or ambtelijk) on\n"
        "any account for party-political content; on a corporate account this comes beside\n"
        "corporate-partisan, for two lines are crossed: the account's and the civil service's.\n"
        "\n"
        "Why: on hybrid accounts party-political content is posted by the party, the political\n"
        "assistant or the minister; civil-service support is limited to content about the office\n"
        "(SOCIAL-2021; ANSWER-2021, answer 7; GIR-2019).\n"
        "\n"
        "Flags:  Stem 17 maart CDA! #CDA         (account: hybrid, prepared-by: civil-service)\n"
        "Clean:  the same post with prepared-by: political-assistant.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line social-media/civil-service-partisan -- reason -->")},
    {RULE_PERSONAL, TH_SEV_WARNING, N_("a personal account supported by the civil service"),
     N_("Checks that posts on a personal account (account: personal or persoonlijk) are not\n"
        "prepared by the civil service, whatever they say.\n"
        "\n"
        "Why: the personal variant has no civil-service support at all (SOCIAL-2021, variant\n"
        "\"persoonlijk\"; ANSWER-2021, answers 7 and 8).\n"
        "\n"
        "Flags:  Mooie dag gehad met de familie aan zee.  (account: personal, prepared-by:\n"
        "        civil-service)\n"
        "Clean:  the same post with prepared-by: minister.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line social-media/personal-supported -- reason -->")},
    {0, 0, 0, 0}};

/* The span to point at for the whole post: the `account` metadata if it was written in
 * the text, else the first sentence. */
static struct th_span post_span(const struct th_host *host, const struct th_doc *doc,
                                const char *key)
{
        struct th_span s = {0, 0};
        if (host->doc_meta_span(doc, key, &s))
                return s;
        if (host->doc_sentence_count(doc) > 0)
                s = host->doc_sentence(doc, 0);
        return s;
}

/* Where " #<party>" goes: after the last character of the post that is not white space. */
static size_t end_of_post(const struct th_host *host, const struct th_doc *doc)
{
        size_t len;
        const char *text = host->doc_text(doc, &len);
        size_t n = host->doc_sentence_count(doc);
        size_t end = n ? host->doc_sentence(doc, n - 1).end : len;
        while (end < len && !isspace((unsigned char)text[end]))
                end++;
        return end;
}

static enum th_status report_hybrid(const struct th_host *host, struct th_ctx *ctx,
                                    const struct th_doc *doc, const struct th_partisan *first)
{
        const char *party = host->doc_meta(doc, "party", 0);
        struct th_span post = first->sentence;
        size_t k = 0, n = party ? strlen(party) : 0;
        char *tag = malloc(n + 3);
        if (!tag) {
                host->fail(ctx, "out of memory");
                return TH_ERROR;
        }
        tag[k++] = ' ';
        tag[k++] = '#';
        for (size_t i = 0; i < n; i++)
                if (isalnum((unsigned char)party[i]) || (unsigned char)party[i] >= 0x80)
                        tag[k++] = party[i];
        tag[k] = '\0';
        enum th_status rc;
        if (k == 2) {
                rc = host->report(ctx, RULE_HYBRID, post, NULL,
                                  "party-political content on a hybrid account without the "
                                  "party's hashtag; set metadata 'party' for a fix (SOCIAL-2021)");
        } else {
                size_t at = end_of_post(host, doc);
                struct th_fix fix = {{at, at}, tag};
                rc = host->report(ctx, RULE_HYBRID, post, &fix,
                                  "party-political content on a hybrid account without %s: mark "
                                  "party content with the party's hashtag (SOCIAL-2021)",
                                  tag + 1);
        }
        free(tag);
        return rc;
}

/*
 * Quoted words on a minister's account are the minister's own when they speak in
 * the first person singular ("„Daarom stel ik mij kandidaat.”"); other quotations
 * are reported speech of someone else.
 */
static int own_words(const char *text, struct th_span sentence)
{
        static const char *const first_person[] = {"ik", "mij", "me", "mijn", NULL};
        for (size_t i = 0; first_person[i]; i++)
                if (has_name(text, sentence, first_person[i], NULL))
                        return 1;
        return 0;
}

static enum th_status check(const struct th_host *host, struct th_ctx *ctx,
                            const struct th_doc *doc, void *state)
{
        const struct dutch *nl = state;
        if (!meta_is(host, doc, "channel", "social"))
                return TH_OK;
        int civil = meta_is(host, doc, "prepared-by", "civil-service");
        if (meta_is(host, doc, "account", "personal") && civil &&
            host->report(ctx, RULE_PERSONAL, post_span(host, doc, "prepared-by"), NULL,
                         "a personal account gets no civil-service support (SOCIAL-2021)") != TH_OK)
                return TH_ERROR;
        const struct th_partisan *items;
        size_t n;
        if (nl->api->doc_partisan(ctx, doc, &items, &n) != TH_OK)
                return TH_ERROR;
        const struct th_partisan *first = NULL;
        const char *party = host->doc_meta(doc, "party", 0), *own = NULL;
        if (party && nl->api->party_id(ctx, party, &own) != TH_OK)
                return TH_ERROR;
        int tagged = 0;
        size_t len;
        const char *text = host->doc_text(doc, &len);
        for (size_t i = 0; i < n; i++) {
                if (!first && (!items[i].quoted || own_words(text, items[i].sentence)))
                        first = &items[i];
                if (items[i].kind == TH_PARTISAN_HASHTAG && own && items[i].party &&
                    strcmp(items[i].party, own) == 0)
                        tagged = 1;
        }
        if (!first)
                return TH_OK;
        int quoted_len = (int)(first->span.end - first->span.start);
        /* Two lines crossed, two findings: the corporate account carries party content
         * whoever posts it, and the civil service drafts none on any account. */
        if (meta_is(host, doc, "account", "corporate") &&
            host->report(ctx, RULE_CORPORATE, first->sentence, NULL,
                         "party-political content (\"%.*s\") on a corporate account "
                         "(SOCIAL-2021); cues: %s",
                         quoted_len, text + first->span.start, first->cues) != TH_OK)
                return TH_ERROR;
        if (civil && host->report(ctx, RULE_CIVIL, first->sentence, NULL,
                                  "party-political content (\"%.*s\") prepared by the civil "
                                  "service (SOCIAL-2021, GIR-2019); cues: %s",
                                  quoted_len, text + first->span.start, first->cues) != TH_OK)
                return TH_ERROR;
        if (meta_is(host, doc, "account", "hybrid") && !tagged)
                return report_hybrid(host, ctx, doc, first);
        return TH_OK;
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
    .textdomain = TH_PLUGINS_TEXTDOMAIN,
    .name = "social-media",
    .version = "1.0.0",
    .summary = "corporate, hybrid and personal accounts of ministers (SOCIAL-2021)",
    .rules = rules,
    .init = dutch_init,
    .check = check,
    .fini = dutch_fini,
};

TWOHATS_PLUGIN(social_media, plugin)
