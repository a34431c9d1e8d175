/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * twohats/nl.h: the Dutch model as a host service: the judgement of
 * party-political content, the passages judged from cues, and the election
 * calendar, all read from the rule data in rules/nl/ (parties.yml,
 * partisan.yml, cues.yml, elections.yml).
 *
 * A plugin fetches the table once, in init(), and keeps it in its state:
 *
 *     const struct th_nl_api *nl;
 *     if (th_nl_api(host, ctx, &nl) != TH_OK)
 *             return TH_ERROR;
 *
 * Versioning.  TH_NL_MAJOR changes when a function or type below is
 * removed, reordered or changes meaning; TH_NL_MINOR grows when a function
 * is appended to `struct th_nl_api` or a value to an enum.  A change to the
 * party model changes these numbers, never the plugin ABI of
 * <twohats/plugin.h>.  The host serves a plugin that asks for the same
 * major and a minor not newer than its own.
 *
 * Ownership and threading are those of <twohats/plugin.h>: what a function
 * returns is borrowed for the call (judgements) or lives as long as the
 * host (party ids, the calendar).
 */
#ifndef TWOHATS_NL_H
#define TWOHATS_NL_H

#include <stddef.h>
#include <twohats/plugin.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TH_NL_SERVICE "nl"
#define TH_NL_MAJOR 1
#define TH_NL_MINOR 1

/* Kinds of party-political content (GUIDELINES, "Shared notion"). */
enum th_partisan_kind {
        TH_PARTISAN_VOTE_CALL = 1, /* vote, membership or money call for a party or candidate */
        TH_PARTISAN_SELF_ID = 2,   /* the sender speaks as a party: "wij als CDA" */
        TH_PARTISAN_SLOGAN = 3,    /* a party slogan in its period */
        TH_PARTISAN_HASHTAG = 4,   /* a party hashtag: "#TeamD66" */
        TH_PARTISAN_POLEMIC = 5,   /* an attack on a named party */
        TH_PARTISAN_CANDIDACY = 6, /* the sender is a candidate: "ik stel mij kandidaat" */
};

/* One party-political passage of a document. */
struct th_partisan {
        enum th_partisan_kind kind;
        struct th_span span;     /* the words that make it party-political */
        struct th_span sentence; /* the sentence they stand in */
        const char *party;       /* canonical party id ("D66"), or NULL */
        int quoted;              /* inside quotation marks or a blockquote */
        const char *cues;        /* what made it so, for messages: "a call to join, a party" */
};

/* A passage judged from cues (rules/nl/cues.yml): a judgement of a group
 * ("ratings", "praise", "media-moment", ...) holds there. */
struct th_judged {
        struct th_span span;     /* the words that make it so */
        struct th_span sentence; /* the sentence they stand in */
        const char *judgement;   /* the judgement's id in cues.yml */
        const char *cues;        /* the cues that fired: "a rating, a figure, the minister" */
        int quoted;              /* inside quotation marks or a blockquote */
};

/* An election of the calendar. */
struct th_election {
        const char *type; /* "tweede-kamer", "gemeenteraad", ... (elections.yml `types`) */
        const char *date; /* YYYY-MM-DD */
        int official;     /* 0 when the date is not from an official source */
};

/* How many days before an election of `type` a campaign window opens
 * (0: no window for that type); `arg` is the caller's. */
typedef long (*th_nl_window_fn)(void *arg, const char *type);

struct th_nl_api {
        struct th_service head; /* {"nl", TH_NL_MAJOR, TH_NL_MINOR, sizeof} */

        /* The party-political passages of `doc`, judged once per document,
         * in document order.  Neutral mentions (parliamentary references,
         * coalition composition) are not among them.  *items is borrowed
         * for the call. */
        enum th_status (*doc_partisan)(struct th_ctx *ctx, const struct th_doc *doc,
                                       const struct th_partisan **items, size_t *count);

        /* The canonical id of a party name or abbreviation ("d'66" ->
         * "D66") in *id, or NULL when it is no party of the registry. */
        enum th_status (*party_id)(struct th_ctx *ctx, const char *name, const char **id);

        /* The first party named in subject[start, len): its id in *id and
         * its place in `out`; *id is NULL when none is named. */
        enum th_status (*party_find)(struct th_ctx *ctx, const char *subject, size_t len,
                                     size_t start, const char **id, struct th_span *out);

        /* The first election of the calendar (in date order) whose campaign
         * window holds `date` (YYYY-MM-DD): 0 <= days from `date` to the
         * election < window(arg, type).  *found is 0 when there is none. */
        enum th_status (*election_window)(struct th_ctx *ctx, const char *date,
                                          th_nl_window_fn window, void *arg,
                                          struct th_election *out, int *found);

        /* The passages of `group` judged from cues in `doc`, at most one per
         * sentence, in document order; none for a group cues.yml does not
         * name.  *items is borrowed for the call. */
        enum th_status (*doc_judged)(struct th_ctx *ctx, const struct th_doc *doc,
                                     const char *group, const struct th_judged **items,
                                     size_t *count);

        /* Since 1.1.  Where `doc` names its minister: each name of the `minister`
         * metadata, also by full and first name (rules/nl/ministers.yml), in the
         * genitive or inside an @handle, in document order.  Titles ("de minister")
         * are the plugin's own lexicon.  *spans is borrowed for the call. */
        enum th_status (*doc_minister)(struct th_ctx *ctx, const struct th_doc *doc,
                                       const struct th_span **spans, size_t *count);
};

/* Fetch the table of the "nl" service this header describes. */
static inline enum th_status th_nl_api(const struct th_host *host, struct th_ctx *ctx,
                                       const struct th_nl_api **out)
{
        const void *table = NULL;
        enum th_status rc = host->service(ctx, TH_NL_SERVICE, TH_NL_MAJOR, TH_NL_MINOR, &table);
        *out = (const struct th_nl_api *)table;
        return rc;
}

#ifdef __cplusplus
}
#endif

#endif /* TWOHATS_NL_H */
