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
     "in a campaign window, government-voiced text links the minister to the election",
     "Checks government-voiced text dated inside a campaign window for a sentence that links\n"
     "the minister (a title such as \"minister\" or a name of the `minister` metadata) or a\n"
     "party to the election, the campaign, a candidacy or a party list (lijsttrekker,\n"
     "kandidaat, kandidatenlijst, verkiezingscampagne, op campagne, ...).\n"
     "\n"
     "Why: a minister who is also a candidate appears in government communication as\n"
     "minister; linking the office to the candidacy in election time makes the two hats\n"
     "hard to tell apart (ANSWER-2021, answers 1-6: the nature or timing of an activity can\n"
     "blur the distinction; UO-2017: never a party-political interest).\n" ADVISORY "\n"
     "Flags:  Minister Hoekstra, lijsttrekker van het CDA, opent vandaag het nieuwe\n"
     "        belastingkantoor in Apeldoorn.       (press-release, date: 2021-03-01)\n"
     "Clean:  the same text dated 2021-06-01, or without the words \"lijsttrekker van het CDA\".\n"
     "\n"
     "Suppress with a reason:\n"
     "  <!-- twohats-disable-next-line campaign-timing/candidate-in-office-voice -- reason -->"},
    {RULE_MEDIA, TH_SEV_WARNING,
     "in a campaign window, government-voiced text promotes a minister-centred media moment",
     "Checks government-voiced text dated inside a campaign window for a sentence that\n"
     "announces or promotes a media moment centred on the minister: a documentary, portrait,\n"
     "talk show, interview, broadcast or premiere.\n"
     "\n"
     "Why: the timing of such a moment is itself the issue (the source document's question\n"
     "about a documentary whose broadcast moment the minister chose; ANSWER-2021, answers\n"
     "11-13: government communication is about policy, never the minister's image).\n" ADVISORY "\n"
     "Flags:  Zondagavond is minister Kaag te zien in een documentaire over haar werk.\n"
     "        (press-release, date: 2021-02-20)\n"
     "Clean:  the same text dated 2020-09-20.\n"
     "\n"
     "Suppress with a reason:\n"
     "  <!-- twohats-disable-next-line campaign-timing/media-moment -- reason -->"},
    {RULE_CAMPAIGN, TH_SEV_INFO,
     "in a campaign window, government-voiced text launches a publicity campaign featuring a "
     "minister",
     "Checks government-voiced text dated inside a campaign window for the launch of a new\n"
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
     "  <!-- twohats-disable-next-line campaign-timing/new-campaign -- planned since 2020 -->"},
    {0, 0, 0, 0}};

static const struct th_option options[] = {
    {"window-tweede-kamer", TH_OPT_INT, "42", "days before a Tweede Kamer election"},
    {"window-eerste-kamer", TH_OPT_INT, "42", "days before an Eerste Kamer election"},
    {"window-gemeenteraad", TH_OPT_INT, "42", "days before municipal elections"},
    {"window-provinciale-staten", TH_OPT_INT, "42", "days before provincial elections"},
    {"window-waterschappen", TH_OPT_INT, "42", "days before water board elections"},
    {"window-europees-parlement", TH_OPT_INT, "42", "days before European elections"},
    {0, 0, 0, 0}};

static const char *const lexicon_names[] = {"nl/minister-titles",     "nl/candidacy",
                                            "nl/media-moments",       "nl/campaign-launch",
                                            "nl/publicity-campaigns", NULL};

static struct {
        const struct th_lexicon *titles, *candidacy, *media, *launch, *campaigns;
} lex; /* read-only after init() */

static int init(const struct th_host *host, struct th_ctx *ctx, void **state)
{
        (void)state;
        return load_lexicons(host, ctx, lexicon_names, &lex.titles);
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (Howard Hinnant's days_from_civil). */
static long days(const char *date)
{
        long y = strtol(date, NULL, 10), m = strtol(date + 5, NULL, 10),
             d = strtol(date + 8, NULL, 10);
        y -= m <= 2;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
}

/* The election whose window holds `date`, if any. */
static int in_window(const struct th_host *host, struct th_ctx *ctx, const char *date,
                     struct th_election *out)
{
        long today = days(date);
        size_t n = host->election_count(ctx);
        for (size_t i = 0; i < n; i++) {
                if (host->election(ctx, i, out) < 0)
                        return -1;
                long before = days(out->date) - today;
                if (before < 0)
                        continue; /* past: no option to look up */
                char option[64];
                snprintf(option, sizeof(option), "window-%s", out->type);
                const char *w = host->option(ctx, option);
                if (before < (w ? strtol(w, NULL, 10) : 42))
                        return 1;
        }
        return 0;
}

static int check(const struct th_host *host, struct th_ctx *ctx, const struct th_doc *doc,
                 void *state)
{
        (void)state;
        const char *date = host->doc_meta(doc, "date", 0);
        if (!date || !government_voiced(host, doc))
                return TH_OK;
        struct th_election e;
        int w = in_window(host, ctx, date, &e);
        if (w <= 0)
                return w < 0 ? TH_ERROR : TH_OK;
        size_t len;
        const char *text = host->doc_prose(doc, &len);
        char when[160], msg[512];
        snprintf(when, sizeof(when), "%s election of %s%s (advisory)", e.type, e.date,
                 e.official ? "" : ", date not from an official source");
        for (size_t i = 0; i < host->doc_sentence_count(doc); i++) {
                struct th_span s = host->doc_sentence(doc, i);
                struct th_lexicon_match m;
                struct th_span party;
                int minister = mentions_minister(host, ctx, doc, lex.titles, text, s, NULL);
                int rc = TH_OK;
                if (lex_in(host, ctx, lex.candidacy, text, s, &m) &&
                    (minister || host->party_find(ctx, text, s.end, s.start, &party))) {
                        snprintf(msg, sizeof(msg), "\"%.*s\" links the office to the %s",
                                 (int)(m.span.end - m.span.start), text + m.span.start, when);
                        rc = host->report(ctx, RULE_CANDIDATE, s, msg, NULL);
                }
                if (rc == TH_OK && minister && lex_in(host, ctx, lex.media, text, s, &m)) {
                        snprintf(msg, sizeof(msg),
                                 "a minister-centred media moment (\"%.*s\") "
                                 "promoted before the %s",
                                 (int)(m.span.end - m.span.start), text + m.span.start, when);
                        rc = host->report(ctx, RULE_MEDIA, s, msg, NULL);
                }
                if (rc == TH_OK && minister && lex_in(host, ctx, lex.launch, text, s, &m) &&
                    lex_in(host, ctx, lex.campaigns, text, s, &m)) {
                        snprintf(msg, sizeof(msg),
                                 "a new publicity campaign featuring a "
                                 "minister, launched before the %s",
                                 when);
                        rc = host->report(ctx, RULE_CAMPAIGN, s, msg, NULL);
                }
                if (rc != TH_OK)
                        return TH_ERROR;
        }
        return TH_OK;
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
    "campaign-timing",
    "1.0.0",
    "advisory checks of government communication in campaign windows",
    rules,
    options,
    init,
    check,
    NULL};

TWOHATS_PLUGIN(campaign_timing, plugin)
