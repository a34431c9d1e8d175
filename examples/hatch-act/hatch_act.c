/*
 * hatch_act.c: the US Hatch Act social-media guidance for federal employees
 * (U.S. Office of Special Counsel), as a twohats plugin built out of tree.
 *
 * Partisan content is a post that names a party, candidate slogan or
 * campaign hashtag together with advocacy ("vote for", "support", "elect"),
 * or a campaign hashtag or slogan on its own.  Its rule data is
 * rules/en/hatch-act.yml, installed beside twohats' own.
 */
#include <stdio.h>
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

static struct {
        const struct th_lexicon *parties, *slogans, *advocacy, *solicit, *targets, *buildings;
        struct th_pattern *links;
} lex; /* read-only after init() */

static int init(const struct th_host *host, struct th_ctx *ctx, void **state)
{
        (void)state;
        const struct th_lexicon **slots = &lex.parties;
        for (size_t i = 0; lexicon_names[i]; i++)
                if (!(slots[i] = host->lexicon(ctx, lexicon_names[i])))
                        return TH_ERROR;
        lex.links = host->pattern_compile(ctx, "\\b(?:secure\\.)?(?:actblue|winred)\\.com\\b");
        return lex.links ? TH_OK : TH_ERROR;
}

static int has(const struct th_host *host, struct th_ctx *ctx, const struct th_lexicon *l,
               const char *text, struct th_span s, struct th_lexicon_match *m)
{
        return host->lexicon_find(ctx, l, text, s.end, s.start, m) == 1;
}

/* The first partisan sentence, with the words that make it so. */
static int partisan(const struct th_host *host, struct th_ctx *ctx, const struct th_doc *doc,
                    const char *text, struct th_span *where)
{
        for (size_t i = 0; i < host->doc_sentence_count(doc); i++) {
                struct th_span s = host->doc_sentence(doc, i);
                struct th_lexicon_match m;
                if (has(host, ctx, lex.slogans, text, s, &m) ||
                    (has(host, ctx, lex.parties, text, s, &m) &&
                     has(host, ctx, lex.advocacy, text, s, &m))) {
                        *where = s;
                        return 1;
                }
        }
        return 0;
}

static int check(const struct th_host *host, struct th_ctx *ctx, const struct th_doc *doc,
                 void *state)
{
        (void)state;
        size_t len;
        const char *text = host->doc_prose(doc, &len);
        const char *account = host->doc_meta(doc, "account", 0);
        const char *duty = host->doc_meta(doc, "on-duty", 0);
        const char *location = host->doc_meta(doc, "location", 0);
        struct th_span where;
        struct th_lexicon_match m;
        int rc = TH_OK;
        if (partisan(host, ctx, doc, text, &where)) {
                if (account && !strcmp(account, "corporate"))
                        rc = host->report(ctx, RULE_OFFICIAL, where,
                                          "partisan content on an official account (Hatch Act)",
                                          NULL);
                int building = location && host->lexicon_find(ctx, lex.buildings, location,
                                                              strlen(location), 0, &m) == 1;
                if (rc == TH_OK && ((duty && !strcmp(duty, "true")) || building))
                        rc = host->report(ctx, RULE_DUTY, where,
                                          building ? "partisan content posted in a federal "
                                                     "building (Hatch Act)"
                                                   : "partisan content posted on duty (Hatch Act)",
                                          NULL);
        }
        for (size_t i = 0; rc == TH_OK && i < host->doc_sentence_count(doc); i++) {
                struct th_span s = host->doc_sentence(doc, i);
                if (has(host, ctx, lex.solicit, text, s, &m) &&
                    has(host, ctx, lex.targets, text, s, &m))
                        rc = host->report(ctx, RULE_SOLICIT, s,
                                          "a solicitation of political contributions (Hatch Act)",
                                          NULL);
        }
        /* Donation links are link destinations, not prose: look for them in the text. */
        size_t raw_len;
        const char *raw = host->doc_text(doc, &raw_len);
        struct th_span link;
        if (rc == TH_OK && host->pattern_find(ctx, lex.links, raw, raw_len, 0, &link) == 1)
                rc = host->report(ctx, RULE_SOLICIT, link,
                                  "a link to a political fundraising platform (Hatch Act)", NULL);
        return rc;
}

static const struct th_plugin plugin = {TH_PLUGIN_HEADER,
                                        "hatch-act",
                                        "1.0.0",
                                        "US Hatch Act social-media guidance for federal employees",
                                        rules,
                                        NULL,
                                        init,
                                        check,
                                        NULL};

TWOHATS_PLUGIN(hatch_act, plugin)
