/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * hatch_act.c: the US Hatch Act social-media guidance for federal employees
 * (U.S. Office of Special Counsel), as a twohats plugin built out of tree.
 *
 * Partisan content is a post that names a party, candidate slogan or
 * campaign hashtag together with advocacy ("vote for", "support", "elect"),
 * or a campaign hashtag or slogan on its own.  Its rule data is
 * rules/en/hatch-act.yml, installed beside twohats' own.
 */
#include <stdlib.h>
#include <string.h>
#include <twohats/plugin.h>

#define RULE_OFFICIAL "hatch-act/official-partisan"
#define RULE_SOLICIT "hatch-act/solicitation"
#define RULE_DUTY "hatch-act/on-duty-partisan"

static const struct th_rule rules[] = {
    {RULE_OFFICIAL, TH_SEV_ERROR, "partisan content on an official account",
     "Checks posts on an official account (account: corporate) for partisan content: a\n"
     "party or candidate with advocacy (vote for, support, elect, defeat), or a campaign\n"
     "slogan or hashtag such as #MAGA.\n"
     "\n"
     "Why: federal employees may never engage in political activity (activity directed at\n"
     "the success or failure of a party or partisan candidate) on an official social media\n"
     "account (U.S. Office of Special Counsel, Hatch Act guidance on social media, 2018).\n"
     "\n"
     "Flags:  Vote Republican on November 5! (account: corporate)\n"
     "Clean:  The Republican-led committee held a hearing on the budget.\n"
     "\n"
     "Suppress with a reason: <!-- twohats-disable-next-line hatch-act/official-partisan -- "
     "reason -->"},
    {RULE_SOLICIT, TH_SEV_ERROR, "a solicitation of political contributions, on any account",
     "Checks posts on any account for a request to give to a party, candidate or PAC\n"
     "(donate, contribute, chip in, fundraiser), including donation links (ActBlue, WinRed).\n"
     "\n"
     "Why: federal employees may never solicit or receive political contributions, at any\n"
     "time, on or off duty, on any account (5 U.S.C. 7323(a)(2); OSC social media guidance).\n"
     "\n"
     "Flags:  Chip in $5 to the campaign before midnight!\n"
     "Clean:  Donate blood at the agency drive on Friday.\n"
     "\n"
     "Suppress with a reason: <!-- twohats-disable-next-line hatch-act/solicitation -- "
     "reason -->"},
    {RULE_DUTY, TH_SEV_ERROR, "partisan content posted on duty or in a federal building",
     "Checks posts made on duty (metadata on-duty: true) or in a federal building\n"
     "(metadata location naming one) for partisan content, whatever the account.\n"
     "\n"
     "Why: federal employees may not engage in political activity while on duty or in a\n"
     "federal building, even on a personal account (5 U.S.C. 7324; OSC guidance).\n"
     "\n"
     "Flags:  Go Democrats! #VoteBlue   (on-duty: true)\n"
     "Clean:  the same post off duty, at home, on a personal account.\n"
     "\n"
     "Suppress with a reason: <!-- twohats-disable-next-line hatch-act/on-duty-partisan -- "
     "reason -->"},
    {0, 0, 0, 0}};

static const char *const lexicon_names[] = {"en/hatch-parties",
                                            "en/hatch-slogans",
                                            "en/hatch-advocacy",
                                            "en/hatch-solicit",
                                            "en/hatch-political-targets",
                                            "en/hatch-federal-buildings",
                                            NULL};

/* What init() prepares: read-only afterwards. */
struct state {
        const struct th_lexicon *parties, *slogans, *advocacy, *solicit, *targets, *buildings;
        struct th_pattern *links;
};

static enum th_status init(const struct th_host *host, struct th_ctx *ctx, void **state)
{
        struct state *st = calloc(1, sizeof(*st));
        if (!st) {
                host->fail(ctx, "out of memory");
                return TH_ERROR;
        }
        *state = st; /* fini() frees it, also after a failure here */
        const struct th_lexicon **slots = &st->parties;
        for (size_t i = 0; lexicon_names[i]; i++)
                if (host->lexicon(ctx, lexicon_names[i], &slots[i]) != TH_OK)
                        return TH_ERROR;
        return host->pattern_compile(ctx, "\\b(?:secure\\.)?(?:actblue|winred)\\.com\\b",
                                     &st->links);
}

static void fini(void *state)
{
        free(state);
}

static int has(const struct th_host *host, struct th_ctx *ctx, const struct th_lexicon *l,
               const char *text, struct th_span s, struct th_lexicon_match *m)
{
        int found = 0;
        return host->lexicon_find(ctx, l, text, s.end, s.start, m, &found) == TH_OK && found;
}

/* The first partisan sentence, with the words that make it so. */
static int partisan(const struct th_host *host, struct th_ctx *ctx, const struct state *st,
                    const struct th_doc *doc, const char *text, struct th_span *where)
{
        for (size_t i = 0; i < host->doc_sentence_count(doc); i++) {
                struct th_span s = host->doc_sentence(doc, i);
                struct th_lexicon_match m;
                if (has(host, ctx, st->slogans, text, s, &m) ||
                    (has(host, ctx, st->parties, text, s, &m) &&
                     has(host, ctx, st->advocacy, text, s, &m))) {
                        *where = s;
                        return 1;
                }
        }
        return 0;
}

static enum th_status check(const struct th_host *host, struct th_ctx *ctx,
                            const struct th_doc *doc, void *state)
{
        const struct state *st = state;
        size_t len;
        const char *text = host->doc_prose(doc, &len);
        const char *account = host->doc_meta(doc, "account", 0);
        const char *duty = host->doc_meta(doc, "on-duty", 0);
        const char *location = host->doc_meta(doc, "location", 0);
        struct th_span where;
        struct th_lexicon_match m;
        enum th_status rc = TH_OK;
        if (partisan(host, ctx, st, doc, text, &where)) {
                if (account && !strcmp(account, "corporate"))
                        rc = host->report(ctx, RULE_OFFICIAL, where, NULL,
                                          "partisan content on an official account (Hatch Act)");
                int building = location && has(host, ctx, st->buildings, location,
                                               (struct th_span){0, strlen(location)}, &m);
                if (rc == TH_OK && ((duty && !strcmp(duty, "true")) || building))
                        rc = host->report(ctx, RULE_DUTY, where, NULL,
                                          "partisan content posted %s (Hatch Act)",
                                          building ? "in a federal building" : "on duty");
        }
        for (size_t i = 0; rc == TH_OK && i < host->doc_sentence_count(doc); i++) {
                struct th_span s = host->doc_sentence(doc, i);
                if (has(host, ctx, st->solicit, text, s, &m) &&
                    has(host, ctx, st->targets, text, s, &m))
                        rc = host->report(ctx, RULE_SOLICIT, s, NULL,
                                          "a solicitation of political contributions (Hatch Act)");
        }
        /* Donation links are link destinations, not prose: look for them in the text. */
        size_t raw_len;
        const char *raw = host->doc_text(doc, &raw_len);
        struct th_span link;
        int found = 0;
        if (rc == TH_OK)
                rc = host->pattern_find(ctx, st->links, raw, raw_len, 0, &link, &found);
        if (rc == TH_OK && found)
                rc = host->report(ctx, RULE_SOLICIT, link, NULL,
                                  "a link to a political fundraising platform (Hatch Act)");
        return rc;
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,   .name = "hatch-act",
    .version = "1.0.0", .summary = "US Hatch Act social-media guidance for federal employees",
    .rules = rules,     .init = init,
    .check = check,     .fini = fini,
};

TWOHATS_PLUGIN(hatch_act, plugin)
