/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * campaign_timing.c: the campaign-timing plugin (GUIDELINES, "Plugin
 * campaign-timing"; ANSWER-2021).  An advisory profile: the Netherlands has
 * no formal pre-election period, and the guidelines hold unchanged in
 * election time.  Inside a campaign window (the N days up to and including
 * an election day of rules/nl/elections.yml; N an option per election type,
 * 42 by default), government-voiced text is checked for what the timing
 * makes an issue: the minister linked to the election, a minister-centred
 * media moment, a new publicity campaign featuring a minister.  Without a
 * `date` the plugin stays silent; outside a window it adds nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/guideline.h"

#define RULE_CANDIDATE "campaign-timing/candidate-in-office-voice"
#define RULE_MEDIA "campaign-timing/media-moment"
#define RULE_CAMPAIGN "campaign-timing/new-campaign"

#define ADVISORY                                                                                   \
        "This is an advisory profile: the Netherlands has no formal pre-election period\n"         \
        "(\"purdah\"); the government's principles hold unchanged in election time and\n"          \
        "outside it (ANSWER-2021). The window is the 42 days up to and including election\n"       \
        "day (option window-<type>), from the calendar in rules/nl/elections.yml; without a\n"     \
        "`date` the plugin stays silent.\n"

static const struct th_rule rules[] = {
    {RULE_CANDIDATE, TH_SEV_WARNING,
     N_("in a campaign window, government-voiced text links the minister to the election"),
     N_("Checks government-voiced text dated inside a campaign window for a sentence that links\n"
        "the minister (a title such as \"minister\" or a name of the `minister` metadata) or a\n"
        "party to the election, the campaign, a candidacy or a party list (lijsttrekker,\n"
        "kandidaat, kandidatenlijst, verkiezingscampagne, op campagne, ...), or a campaign to\n"
        "the minister and a party (\"bij de VVD draaide de campagne om Ruttes leiderschap\").\n"
        "The judgement combines cues (rules/nl/cues.yml); the message names those that fired.\n"
        "A text whose metadata says it is for a campaign event (`event: campaign`) of a minister\n"
        "(in the `minister` metadata or named in the text) is the link itself.\n"
        "\n"
        "Why: a minister who is also a candidate appears in government communication as\n"
        "minister; linking the office to the candidacy in election time makes the two hats\n"
        "hard to tell apart (ANSWER-2021, answers 1-6: the nature or timing of an activity can\n"
        "blur the distinction; UO-2017: never a party-political interest).\n" ADVISORY "\n"
        "Flags:  Minister Hoekstra, lijsttrekker van het CDA, opent vandaag het nieuwe\n"
        "        belastingkantoor in Apeldoorn.       (press-release, date: 2021-03-01)\n"
        "Clean:  the same text dated 2021-06-01, or without the words \"lijsttrekker van het "
        "CDA\".\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line campaign-timing/candidate-in-office-voice -- reason "
        "-->")},
    {RULE_MEDIA, TH_SEV_WARNING,
     N_("in a campaign window, government-voiced text promotes a minister-centred media moment"),
     N_("Checks government-voiced text dated inside a campaign window for a sentence that\n"
        "announces or promotes a media moment centred on the minister: a documentary, portrait,\n"
        "talk show, interview, broadcast or premiere, or an appearance announced the way\n"
        "broadcasters do: a programme or newspaper by name (\"te gast bij Op1\", \"in de\n"
        "Telegraaf\"), a broadcast time, the minister by name or @handle. The message names\n"
        "the cues that fired (rules/nl/cues.yml).\n"
        "\n"
        "Why: the timing of such a moment is itself the issue (the source document's question\n"
        "about a documentary whose broadcast moment the minister chose; ANSWER-2021, answers\n"
        "11-13: government communication is about policy, never the minister's image).\n" ADVISORY
        "\n"
        "Flags:  Zondagavond is minister Kaag te zien in een documentaire over haar werk.\n"
        "        (press-release, date: 2021-02-20)\n"
        "Clean:  the same text dated 2020-09-20.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line campaign-timing/media-moment -- reason -->")},
    {RULE_CAMPAIGN, TH_SEV_INFO,
     N_("in a campaign window, government-voiced text launches a publicity campaign featuring a "
        "minister"),
     N_("Checks government-voiced text dated inside a campaign window for the launch of a new\n"
        "publicity campaign (campagne, voorlichtingscampagne, tv-spot) in a sentence that\n"
        "features a minister.\n"
        "\n"
        "Why: a government campaign with the minister in the lead role, launched in the weeks\n"
        "before an election, puts the candidate in view at public expense; government\n"
        "communication is about policy, never personal image building (UO-2017).\n" ADVISORY "\n"
        "Flags:  Vandaag lanceert minister Van Ark de nieuwe campagne 'Zorg voor elkaar'.\n"
        "        (web, date: 2021-02-25)\n"
        "Clean:  Het ministerie start de campagne 'Elke stem telt' (no minister: a turnout\n"
        "        campaign).\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line campaign-timing/new-campaign -- planned since 2020 -->")},
    {0, 0, 0, 0}};

static const struct th_option options[] = {
    {"window-tweede-kamer", TH_OPT_INT, "42", "days before a Tweede Kamer election"},
    {"window-eerste-kamer", TH_OPT_INT, "42", "days before an Eerste Kamer election"},
    {"window-gemeenteraad", TH_OPT_INT, "42", "days before municipal elections"},
    {"window-provinciale-staten", TH_OPT_INT, "42", "days before provincial elections"},
    {"window-waterschappen", TH_OPT_INT, "42", "days before water board elections"},
    {"window-europees-parlement", TH_OPT_INT, "42", "days before European elections"},
    {0, 0, 0, 0}};

struct option_reader {
        const struct th_host *host;
        struct th_ctx *ctx;
};

/* The option window-<type>, 42 days when the plugin has no option for that type. */
static long window(void *arg, const char *type)
{
        const struct option_reader *o = arg;
        char name[64];
        snprintf(name, sizeof(name), "window-%s", type);
        const char *w = o->host->option(o->ctx, name);
        return w ? strtol(w, NULL, 10) : 42;
}

/* What the timing makes an issue, judged from cues (rules/nl/cues.yml). */
static const struct {
        const char *group, *rule, *format;
} issues[] = {
    {"campaign-link", RULE_CANDIDATE,
     N_("this sentence links the minister to the campaign before the %s election of %s%s "
        "(advisory; cues: %s)")},
    {"media-moment", RULE_MEDIA,
     N_("this sentence promotes a minister-centred media moment before the %s election of %s%s "
        "(advisory; cues: %s)")},
    {"new-campaign", RULE_CAMPAIGN,
     N_("this sentence launches a publicity campaign featuring a minister before the %s "
        "election of %s%s (advisory; cues: %s)")},
};

/* Metadata `event: campaign` and a minister (named in the metadata or the text): the text
 * itself is the minister's campaign appearance, whatever its sentences say ("het bezoek
 * aan Thialf", an agenda item). */
static int campaign_event(const struct th_host *host, struct th_ctx *ctx, const struct dutch *nl,
                          const struct th_doc *doc)
{
        const char *event = host->doc_meta(doc, "event", 0);
        if (!event || strcmp(event, "campaign") != 0)
                return 0;
        if (host->doc_meta(doc, "minister", 0))
                return 1;
        const struct th_span *names;
        size_t n = 0;
        return nl->api->doc_minister(ctx, doc, &names, &n) == TH_OK && n > 0;
}

/* Where a finding on metadata goes: the key in the front matter, else the first sentence. */
static struct th_span meta_span(const struct th_host *host, const struct th_doc *doc,
                                const char *key)
{
        struct th_span span = {0, 0};
        if (!host->doc_meta_span(doc, key, &span) && host->doc_sentence_count(doc) > 0)
                span = host->doc_sentence(doc, 0);
        return span;
}

static enum th_status check(const struct th_host *host, struct th_ctx *ctx,
                            const struct th_doc *doc, void *state)
{
        const struct dutch *nl = state;
        const char *date = host->doc_meta(doc, "date", 0);
        if (!date || !government_voiced(host, doc))
                return TH_OK;
        struct th_election e;
        struct option_reader o = {host, ctx};
        int in_window;
        if (nl->api->election_window(ctx, date, window, &o, &e, &in_window) != TH_OK)
                return TH_ERROR;
        if (!in_window)
                return TH_OK;
        if (campaign_event(host, ctx, nl, doc) &&
            host->report(ctx, RULE_CANDIDATE, meta_span(host, doc, "event"), NULL,
                         _("the text is for a campaign event of the minister (metadata event: "
                           "campaign) before the %s election of %s%s (advisory)"),
                         e.type, e.date,
                         e.official ? "" : _(", date not from an official source")) != TH_OK)
                return TH_ERROR;
        for (size_t k = 0; k < sizeof(issues) / sizeof(issues[0]); k++) {
                const struct th_judged *items;
                size_t n;
                if (nl->api->doc_judged(ctx, doc, issues[k].group, &items, &n) != TH_OK)
                        return TH_ERROR;
                for (size_t i = 0; i < n; i++)
                        if (host->report(ctx, issues[k].rule, items[i].span, NULL, issues[k].format,
                                         e.type, e.date,
                                         e.official ? "" : _(", date not from an official source"),
                                         items[i].cues) != TH_OK)
                                return TH_ERROR;
        }
        return TH_OK;
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
    .textdomain = TH_PLUGINS_TEXTDOMAIN,
    .name = "campaign-timing",
    .version = "1.0.0",
    .summary = "advisory checks of government communication in campaign windows",
    .rules = rules,
    .options = options,
    .init = dutch_init,
    .check = check,
    .fini = dutch_fini,
};

TWOHATS_PLUGIN(campaign_timing, plugin)
