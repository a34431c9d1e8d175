/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * party_politics.c: the party-politics plugin (GUIDELINES, "Plugin
 * party-politics"; DONNER-2011, UO-2017, GIR-2019).
 *
 * Government-voiced text other than social posts (those are judged by
 * social-media, so that one problem is reported once) must hold no
 * party-political content.  The judgement itself is the host's shared one
 * (doc_partisan); this plugin decides what it means here: a vote,
 * membership or money call is vote-call, anything else party-political is
 * passage.  Findings span the sentence, so that a minister can move a
 * passage of a civil-service draft to the part he writes himself.  In
 * reported speech a vote call is lowered to a warning (republishing it still
 * distributes it) and other passages to info (quoting is not speaking, but a
 * ministry that quotes its own minister's party talk publishes it).
 */
#include <stdio.h>
#include <string.h>

#include "../common/guideline.h"

#define RULE_VOTE "party-politics/vote-call"
#define RULE_PASSAGE "party-politics/passage"

static const struct th_rule rules[] = {
    {RULE_VOTE, TH_SEV_ERROR,
     N_("a vote, membership or money call for a party or candidate in government-voiced text"),
     N_("Checks government-voiced text (channel press-release, web, newsletter or letter, or\n"
        "prepared-by: civil-service; social posts are checked by social-media) for calls to vote\n"
        "for, join or give money to a party or candidate: \"stem op 17 maart op de VVD\", \"stem\n"
        "15 maart SP\", \"word lid van onze partij\", \"doneer aan onze campagne\", \"#StemSP\", "
        "and\n"
        "calls without a party in them (\"Sluit je aan. Word lid.\", \"zonder jouw bijdrage "
        "...\")\n"
        "when the text names a party, the minister's party is known, or it speaks of the\n"
        "campaign or the election. The message names the cues that fired (rules/nl/cues.yml).\n"
        "\n"
        "Why: government communication never serves a party-political interest (UO-2017), civil\n"
        "servants do not engage in party politics in their function (GIR-2019), and "
        "party-political\n"
        "passages are the minister's own, written with the political assistant or the party\n"
        "(DONNER-2011). These principles hold unchanged in election time (ANSWER-2021).\n"
        "\n"
        "Not a finding: a turnout call without a party (\"ga stemmen\", \"elke stem telt\", "
        "\"breng "
        "uw\n"
        "stem uit\"), a party's own channel (channel: party), a speech the minister wrote "
        "himself.\n"
        "In reported speech (quotation marks, blockquotes) the finding is lowered to a warning: a\n"
        "government release that republishes a vote call still distributes it.\n"
        "\n"
        "Flags:  Minister Jansen: stem op 17 maart op de VVD.          (channel: press-release)\n"
        "Clean:  Ga op 17 maart stemmen en breng uw stem uit.          (channel: web)\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line party-politics/vote-call -- literal quote from the\n"
        "  Handelingen, agreed with legal affairs -->")},
    {RULE_PASSAGE, TH_SEV_ERROR,
     N_("a party-political passage (party self-identification, slogan, hashtag or polemic) in "
        "government-voiced text"),
     N_("Checks government-voiced text for passages in which the sender speaks as a party (\"wij\n"
        "als CDA\", \"onze partij\", \"VVD-minister\", \"onze klimaatminister\"), uses a party "
        "slogan\n"
        "or hashtag (\"#TeamD66\", \"#minderikmeerwij\"), claims party bodies (\"onze Tweede\n"
        "Kamerleden\", \"ons verkiezingsprogramma\"), stands as a candidate in the first person\n"
        "(\"ik stel mij kandidaat als lijsttrekker\"), praises or attacks a named party (\"het\n"
        "kwam er dankzij de PvdA\", \"rampzalig beleid van D66\"). Not the Crown's formula \"Op\n"
        "de voordracht van Onze Minister\", nor a national \"onze minister-president\" without\n"
        "a party nearby. The finding spans the sentence: in a speech drafted by the civil\n"
        "service (channel: speech, prepared-by: civil-service) that is the passage the minister\n"
        "must write himself; the policy passages of the same speech stay clean, whatever the "
        "event.\n"
        "\n"
        "Why: civil servants prepare a minister's speeches whatever the audience, but the more\n"
        "party-political passages the minister provides himself, with his political assistant or\n"
        "party (DONNER-2011); government communication never serves a party interest (UO-2017);\n"
        "impartiality of civil servants (GIR-2019).\n"
        "\n"
        "Not a finding: neutral mentions of parties (\"vragen van het lid Leijten (SP)\", \"de\n"
        "VVD-fractie heeft gevraagd\", \"het kabinet wordt gevormd door VVD, D66, CDA en\n"
        "ChristenUnie\"). In quoted text (reported speech) the finding is lowered to info: "
        "quoting\n"
        "is not speaking, but a release that quotes the minister's party talk still publishes it.\n"
        "\n"
        "Flags:  Wij als CDA hebben altijd gezegd dat wonen een grondrecht is.\n"
        "        (channel: speech, prepared-by: civil-service)\n"
        "Clean:  the same sentence with prepared-by: minister.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line party-politics/passage -- passage supplied by the\n"
        "  political assistant, see note of 3 March -->")},
    {0, 0, 0, 0}};

static const char *what(enum th_partisan_kind k)
{
        switch (k) {
        case TH_PARTISAN_SELF_ID:
                return _("the sender speaks as a party");
        case TH_PARTISAN_SLOGAN:
                return _("a party slogan");
        case TH_PARTISAN_HASHTAG:
                return _("a party hashtag");
        case TH_PARTISAN_POLEMIC:
                return _("a polemic against a party");
        case TH_PARTISAN_CANDIDACY:
                return _("the sender as a candidate");
        default:
                return _("a call to vote, join or give");
        }
}

/* Does item j say more of its sentence than item i: a vote call than a passage, an
 * unquoted passage or vote call than a quoted one? */
static int says_more(const struct th_partisan *j, const struct th_partisan *i)
{
        int vj = j->kind == TH_PARTISAN_VOTE_CALL, vi = i->kind == TH_PARTISAN_VOTE_CALL;
        return (vj && !vi) || (vj == vi && i->quoted && !j->quoted);
}

/* Is item i of a sentence that another item says more of (that one is reported)?  The
 * items are in document order, so those of one sentence stand together. */
static int outdone(const struct th_partisan *items, size_t n, size_t i)
{
        size_t start = items[i].sentence.start;
        for (size_t j = i; j > 0 && items[j - 1].sentence.start == start; j--)
                if (says_more(&items[j - 1], &items[i]))
                        return 1;
        for (size_t j = i + 1; j < n && items[j].sentence.start == start; j++)
                if (says_more(&items[j], &items[i]))
                        return 1;
        return 0;
}

static enum th_status check(const struct th_host *host, struct th_ctx *ctx,
                            const struct th_doc *doc, void *state)
{
        const struct dutch *nl = state;
        if (meta_is(host, doc, "channel", "social") || !government_voiced(host, doc))
                return TH_OK;
        const struct th_partisan *items;
        size_t n;
        if (nl->api->doc_partisan(ctx, doc, &items, &n) != TH_OK)
                return TH_ERROR;
        size_t text_len;
        const char *text = host->doc_text(doc, &text_len);
        struct th_span last_vote = {1, 0}, last_passage = {1, 0};
        for (size_t i = 0; i < n; i++) {
                const struct th_partisan *x = &items[i];
                int vote = x->kind == TH_PARTISAN_VOTE_CALL;
                struct th_span *last = vote ? &last_vote : &last_passage;
                if (outdone(items, n, i) ||
                    (last->start == x->sentence.start && last->end == x->sentence.end))
                        continue; /* another item says more, or the sentence is reported */
                *last = x->sentence;
                if (host->report_at_most(
                        ctx, vote ? RULE_VOTE : RULE_PASSAGE,
                        !x->quoted ? TH_SEV_ERROR
                        : vote     ? TH_SEV_WARNING
                                   : TH_SEV_INFO,
                        x->sentence, NULL,
                        "%s (\"%.*s\"%s%s) in government-voiced text%s: %s; cues: %s",
                        what(x->kind), (int)(x->span.end - x->span.start), text + x->span.start,
                        x->party ? ", " : "", x->party ? x->party : "",
                        x->quoted ? _(", quoted") : "",
                        vote ? _("government communication never serves a party interest (UO-2017)")
                             : _("party-political passages are the minister's own (DONNER-2011)"),
                        x->cues) != TH_OK)
                        return TH_ERROR;
        }
        return TH_OK;
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
    .textdomain = TH_PLUGINS_TEXTDOMAIN,
    .name = "party-politics",
    .version = "1.0.0",
    .summary = "no party politics in what the government says or the civil service writes",
    .rules = rules,
    .init = dutch_init,
    .check = check,
    .fini = dutch_fini,
};

TWOHATS_PLUGIN(party_politics, plugin)
