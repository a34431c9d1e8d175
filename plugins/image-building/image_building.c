/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * image_building.c: the image-building plugin (GUIDELINES, "Plugin
 * image-building"; UO-2017, SOCIAL-2021, ANSWER-2021 Q11-12).
 *
 * Only government-voiced text.  The minister's profile may play a secondary
 * role (tone, medium); the finding is where the person, not the policy, is
 * the message: praise of the minister, the minister's or cabinet's ratings,
 * the minister's private life, and texts in which the minister is the
 * subject of most sentences while policy words are few.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/guideline.h"

#define RULE_PRAISE "image-building/praise"
#define RULE_RATINGS "image-building/ratings"
#define RULE_PRIVATE "image-building/personal-life"
#define RULE_PERSONA "image-building/persona-focus"

#define WHY                                                                                        \
        "Why: government communication is primarily about policy and organisation and is\n"        \
        "never aimed at the personal image building of ministers (UO-2017; ANSWER-2021,\n"         \
        "answers 11 and 12); the minister's profile may play a secondary role, in the choice\n"    \
        "of medium or tone. Only government-voiced text is checked (press release, web,\n"         \
        "newsletter, letter, corporate account, civil-service drafts).\n"

static const struct th_rule rules[] = {
    {RULE_PRAISE, TH_SEV_WARNING, N_("evaluative praise of the minister's person"),
     N_("Checks government-voiced text for praise of the minister as a person: an evaluative\n"
        "word before a title (\"onze daadkrachtige minister\", \"de populaire minister\"), praise "
        "in\n"
        "the title (\"topminister\"), the minister said to be so (\"minister X is fantastisch\",\n"
        "\"zij wordt gezien als een bevlogen bestuurder\"), praise of how the minister acts\n"
        "(\"treedt daadkrachtig op\") or of the person (\"straalt gezag uit\"). The judgement\n"
        "combines cues (rules/nl/cues.yml); the message names those that fired. Praise in\n"
        "quotation marks is someone else's: info, and the message says \", quoted\".\n"
        "\n" WHY "\n"
        "Not a finding: praise of a plan or policy (\"een sterk plan\").\n"
        "\n"
        "Flags:  Onze daadkrachtige minister Jansen heeft weer laten zien wat zij kan.\n"
        "Clean:  Minister Jansen presenteert een sterk plan voor de kinderopvang.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line image-building/praise -- quote from an award jury -->")},
    {RULE_RATINGS, TH_SEV_WARNING,
     N_("the popularity, approval rating or poll standing of a minister or the cabinet"),
     N_("Checks government-voiced text for a report of the popularity, approval rating or poll\n"
        "standing of a minister or the cabinet: a ranking (\"de populairste minister\", \"eindigt\n"
        "als tweede\"), a rating word (waarderingscijfer, rapportcijfer) with the minister or the\n"
        "cabinet and a figure or movement (\"steeg naar een 7,2\", \"38 procent\"), trust or\n"
        "approval of them with a figure or a pollster nearby (\"het meeste vertrouwen (58\n"
        "procent)\", EenVandaag, Ipsos I&O), or a poll in which they are ranked or scored. The\n"
        "judgement combines cues over the sentence and its neighbours (rules/nl/cues.yml); the\n"
        "message names those that fired. Figures in quotation marks: info, \", quoted\".\n"
        "\n" WHY "\n"
        "Not a finding: research on turnout, policy or public opinion about a topic (a poll of\n"
        "groundwater, trust in the courts), the cabinet's own trust in something, and a general\n"
        "account of how ratings are measured (the source document does so).\n"
        "\n"
        "Flags:  Het waarderingscijfer voor minister Jansen steeg deze maand naar een 7,2.\n"
        "Clean:  Uit onderzoek blijkt dat de opkomstintentie onder kiezers hoog is.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line image-building/ratings -- reason -->")},
    {RULE_PRIVATE, TH_SEV_INFO, N_("the minister's private life as content"),
     N_("Checks government-voiced text for the minister's private life as content: birthday,\n"
        "holiday, family, partner, children, hobbies, in a sentence about the minister, or family\n"
        "(\"zijn zongebruinde gezin\") next to a sentence about the minister, also in quotation\n"
        "marks (the minister telling of a holiday is still its content).\n"
        "\n" WHY "\n"
        "Not a finding: policy about families (\"gezinnen met jonge kinderen krijgen meer\n"
        "keuze\").\n"
        "\n"
        "Flags:  Minister Jansen viert vandaag haar verjaardag met haar gezin.\n"
        "Clean:  Minister Jansen presenteert het plan voor de kinderopvang.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable-next-line image-building/personal-life -- reason -->")},
    {RULE_PERSONA, TH_SEV_INFO, N_("a text in which the minister, not the policy, is the subject"),
     N_("Checks whether the minister is the subject of more than a share of the sentences\n"
        "(option share, percent, default 50) of a text of at least min-sentences sentences\n"
        "(default 4), while at most max-policy-share percent of the sentences (default 25)\n"
        "hold a policy word. The minister is a sentence's subject when named (a title or a\n"
        "name of the `minister` metadata) other than right after a preposition (\"van de\n"
        "minister\" is not; \"Met twee agenten gaat de minister mee\" is), or as \"hij\" or\n"
        "\"zij\" in a sentence soon after one naming the minister. A policy word in a\n"
        "ministry's name (\"minister van Justitie en Veiligheid\") is no policy.\n"
        "\n" WHY "\n"
        "Flags:  Minister Jansen is vandaag in Zwolle. Minister Jansen schudt handen. Minister\n"
        "        Jansen luistert. Minister Jansen maakt foto's. Minister Jansen geniet.\n"
        "Clean:  the same visit told through the plans, budgets and measures it is about.\n"
        "\n"
        "Suppress with a reason:\n"
        "  <!-- twohats-disable image-building/persona-focus -- reason --> ... "
        "<!-- twohats-enable image-building/persona-focus -->")},
    {0, 0, 0, 0}};

static const struct th_option options[] = {
    {"share", TH_OPT_INT, "50", "percent of sentences with the minister as subject"},
    {"min-sentences", TH_OPT_INT, "4", "shortest text judged"},
    {"max-policy-share", TH_OPT_INT, "25", "percent of sentences with a policy word, at most"},
    {0, 0, 0, 0}};

static const char *const lexicon_names[] = {"nl/minister-titles", "nl/policy-terms",
                                            "nl/subject-pronouns", NULL};

/* Closed classes of Dutch words, kept here rather than as lexicons: a lexicon of words this
 * common would be indexed at each of its occurrences (5 % of a run over 10 MB), and they are
 * only asked about the word before a mention of the minister. */
static const char *const prepositions[] = {
    "aan", "achter", "bij",     "binnen",  "buiten", "door",      "in",    "langs",
    "met", "na",     "naar",    "naast",   "namens", "om",        "onder", "over",
    "per", "rond",   "rondom",  "sinds",   "tegen",  "tegenover", "tot",   "tussen",
    "uit", "van",    "vanwege", "volgens", "voor",   "zonder",    NULL};
/* the words that open a noun phrase before a title: "van de minister", "met onze premier" */
static const char *const openers[] = {"de",  "het",  "een",  "onze", "deze", "die",
                                      "dat", "zijn", "haar", "hun",  NULL};

/* The state made by init(), read-only afterwards. */
struct state {
        const struct th_nl_api *nl;
        const struct th_lexicon *titles, *policy, *pronouns;
};

static enum th_status init(const struct th_host *host, struct th_ctx *ctx, void **state)
{
        struct state *st = calloc(1, sizeof(*st));
        if (!st) {
                host->fail(ctx, "out of memory");
                return TH_ERROR;
        }
        *state = st;
        if (th_nl_api(host, ctx, &st->nl) != TH_OK)
                return TH_ERROR;
        return load_lexicons(host, ctx, lexicon_names, &st->titles);
}

static void fini(void *state)
{
        free(state);
}

/* Is there an item of v[0, n) with span `s`? */
static int has_span(const struct th_judged *v, size_t n, struct th_span s)
{
        for (size_t i = 0; i < n; i++)
                if (v[i].span.start == s.start && v[i].span.end == s.end)
                        return 1;
        return 0;
}

/* Report each passage the judgement of `group` (rules/nl/cues.yml) found, but for one
 * that `outranked_by` found as well (a ranking, "de populairste minister", is praise and
 * a rating: it is reported once, as the rating it is).  In reported speech a finding is
 * lowered to info, unless `quotes` (someone else's praise or figures are theirs, but a
 * ministry that publishes them still makes the person the message; the minister's
 * private life told in quotation marks is the content itself). */
static enum th_status report_group(const struct th_host *host, struct th_ctx *ctx,
                                   const struct state *st, const struct th_doc *doc,
                                   const char *group, const char *rule, const char *what /* N_ */,
                                   int quotes, const char *outranked_by)
{
        const struct th_judged *items, *other = NULL;
        size_t n, nother = 0, len;
        const char *text = host->doc_prose(doc, &len);
        if (st->nl->doc_judged(ctx, doc, group, &items, &n) != TH_OK ||
            (outranked_by && st->nl->doc_judged(ctx, doc, outranked_by, &other, &nother) != TH_OK))
                return TH_ERROR;
        for (size_t i = 0; i < n; i++) {
                const struct th_judged *j = &items[i];
                int quoted = !quotes && (j->quoted || host->doc_in_quote(doc, j->sentence.start));
                /* once a passage: two judgements of a group may find the same one */
                if (has_span(other, nother, j->span) || has_span(items, i, j->span))
                        continue;
                if (host->report_at_most(
                        ctx, rule, quoted ? TH_SEV_INFO : TH_SEV_ERROR, j->span, NULL,
                        "%s (\"%.*s\"%s) as content: communication is about "
                        "policy (UO-2017); cues: %s",
                        _(what), (int)(j->span.end - j->span.start), text + j->span.start,
                        quoted ? _(", quoted") : "", j->cues) != TH_OK)
                        return TH_ERROR;
        }
        return TH_OK;
}

/* Is the word text[w] one of `words` (ASCII case-insensitive)? */
static int one_of(const char *const *words, const char *text, struct th_span w)
{
        for (size_t i = 0; words[i]; i++)
                if (strlen(words[i]) == w.end - w.start &&
                    !strncasecmp(text + w.start, words[i], w.end - w.start))
                        return 1;
        return 0;
}

/* The word that ends right before `at` (white space between), skipping up to three
 * words of a noun phrase's opening (an article or pronoun of `openers`, an adjective in
 * -e: "van de demissionaire minister"); an empty span at the sentence's start. */
static struct th_span word_before(const char *text, struct th_span s, size_t at)
{
        for (int skipped = 0;; skipped++) {
                size_t e = at;
                while (e > s.start && isspace((unsigned char)text[e - 1]))
                        e--;
                size_t b = e;
                while (b > s.start && !isspace((unsigned char)text[b - 1]))
                        b--;
                struct th_span w = {b, e};
                int opener = one_of(openers, text, w) ||
                             (e - b > 3 && text[e - 1] == 'e' && islower((unsigned char)text[b]));
                if (b == e || !opener || skipped == 3)
                        return w;
                at = b;
        }
}

/* Is the word w one of `lex`, whole? */
static int word_is(const struct th_host *host, struct th_ctx *ctx, const struct th_lexicon *lex,
                   const char *text, struct th_span w)
{
        struct th_lexicon_match m;
        return w.end > w.start && lex_in(host, ctx, lex, text, w, &m) && m.span.start == w.start &&
               m.span.end == w.end;
}

/* Does sentence s name the minister other than after a preposition ("van de minister",
 * "voor minister Jansen"): as the subject, of the main clause or of another ("Met drie
 * verpleegkundigen gaat de minister mee")?  *any: it names the minister at all. */
static int minister_as_subject(const struct th_host *host, struct th_ctx *ctx,
                               const struct state *st, const struct th_doc *doc, const char *text,
                               struct th_span s, int *any)
{
        size_t where;
        for (struct th_span rest = s;
             mentions_minister(host, ctx, st->nl, doc, st->titles, text, rest, &where);
             rest.start = where + 1) {
                *any = 1;
                if (!one_of(prepositions, text, word_before(text, s, where)))
                        return 1;
        }
        return 0;
}

/* Is the policy word at m a ministry's name ("minister van Justitie en Veiligheid",
 * "het ministerie van Economische Zaken en Klimaat")?  Its capitalised words, "en" and
 * "van" lead back to a title or "ministerie" before "van" or "voor". */
static int in_ministry_name(const struct th_host *host, struct th_ctx *ctx, const struct state *st,
                            const char *text, struct th_span s, struct th_span m)
{
        if (m.start == s.start || !isupper((unsigned char)text[m.start]))
                return 0;
        size_t at = m.start;
        for (int words = 0; words < 8; words++) {
                size_t e = at;
                while (e > s.start && (isspace((unsigned char)text[e - 1]) || text[e - 1] == ','))
                        e--;
                size_t b = e;
                while (b > s.start && !isspace((unsigned char)text[b - 1]))
                        b--;
                if (b == e)
                        return 0;
                if ((e - b == 3 && !strncmp(text + b, "van", 3)) ||
                    (e - b == 4 && !strncmp(text + b, "voor", 4))) {
                        struct th_span w = word_before(text, s, b);
                        return word_is(host, ctx, st->titles, text, w) ||
                               (w.end - w.start == 10 &&
                                !strncasecmp(text + w.start, "ministerie", 10));
                }
                if (!(e - b == 2 && !strncmp(text + b, "en", 2)) &&
                    !isupper((unsigned char)text[b]))
                        return 0;
                at = b;
        }
        return 0;
}

/* Does sentence s hold a policy word, other than in a ministry's name? */
static int has_policy_word(const struct th_host *host, struct th_ctx *ctx, const struct state *st,
                           const char *text, struct th_span s)
{
        struct th_lexicon_match m;
        for (struct th_span rest = s; lex_in(host, ctx, st->policy, text, rest, &m);
             rest.start = m.span.end)
                if (!in_ministry_name(host, ctx, st, text, s, m.span))
                        return 1;
        return 0;
}

static enum th_status persona(const struct th_host *host, struct th_ctx *ctx,
                              const struct state *st, const struct th_doc *doc, const char *text)
{
        size_t n = host->doc_sentence_count(doc), subject = 0, policy = 0;
        long share = strtol(host->option(ctx, "share"), NULL, 10);
        long min = strtol(host->option(ctx, "min-sentences"), NULL, 10);
        long max_policy = strtol(host->option(ctx, "max-policy-share"), NULL, 10);
        /* percentages, checked before they multiply a sentence count */
        if (share < 0 || share > 100 || max_policy < 0 || max_policy > 100 || min < 0) {
                host->fail(ctx,
                           "options share and max-policy-share are percentages (0 to 100) "
                           "and min-sentences is not negative; got %ld, %ld and %ld",
                           share, max_policy, min);
                return TH_ERROR;
        }
        if (n == 0 || (long)n < min)
                return TH_OK;
        for (size_t i = 0, last = SIZE_MAX; i < n; i++) {
                struct th_span s = host->doc_sentence(doc, i);
                struct th_lexicon_match m;
                int named = 0;
                /* The minister is the subject when named other than after a preposition,
                 * or as "hij"/"zij" soon after a sentence that named the minister ("Schouten
                 * groeide op een boerderij. Na 2011 werd zij Kamerlid."). */
                if (minister_as_subject(host, ctx, st, doc, text, s, &named) ||
                    (last != SIZE_MAX && i - last <= 2 &&
                     lex_in(host, ctx, st->pronouns, text, s, &m))) {
                        subject++;
                        last = i;
                } else if (named) {
                        last = i;
                }
                policy += has_policy_word(host, ctx, st, text, s);
        }
        if (subject * 100 <= (size_t)share * n || policy * 100 > (size_t)max_policy * n)
                return TH_OK;
        struct th_span all = {host->doc_sentence(doc, 0).start, host->doc_sentence(doc, n - 1).end};
        return host->report(ctx, RULE_PERSONA, all, NULL,
                            "the minister is the subject of %zu of %zu sentences and %zu "
                            "hold a policy word: the person, not the policy, is the "
                            "message (UO-2017)",
                            subject, n, policy);
}

static enum th_status check(const struct th_host *host, struct th_ctx *ctx,
                            const struct th_doc *doc, void *state)
{
        const struct state *st = state;
        if (!government_voiced(host, doc))
                return TH_OK;
        size_t len;
        const char *text = host->doc_prose(doc, &len);
        if (report_group(host, ctx, st, doc, "praise", RULE_PRAISE,
                         N_("praise of the minister's person"), 0, "ratings") != TH_OK ||
            report_group(host, ctx, st, doc, "ratings", RULE_RATINGS,
                         N_("the popularity or rating of the minister or the cabinet"), 0,
                         NULL) != TH_OK ||
            report_group(host, ctx, st, doc, "personal-life", RULE_PRIVATE,
                         N_("the minister's private life"), 1, NULL) != TH_OK)
                return TH_ERROR;
        return persona(host, ctx, st, doc, text);
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
    .textdomain = TH_PLUGINS_TEXTDOMAIN,
    .name = "image-building",
    .version = "1.0.0",
    .summary = "government communication is about policy, never the minister's image",
    .rules = rules,
    .options = options,
    .init = init,
    .check = check,
    .fini = fini,
};

TWOHATS_PLUGIN(image_building, plugin)
