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
    {RULE_PRAISE, TH_SEV_WARNING, "evaluative praise of the minister's person",
     "Checks government-voiced text for praise of the minister as a person: an evaluative\n"
     "word before a title (\"onze daadkrachtige minister\", \"de populaire minister\"), praise in\n"
     "the title (\"topminister\"), or the minister said to be so (\"minister X is\n"
     "fantastisch\").\n"
     "\n" WHY "\n"
     "Not a finding: praise of a plan or policy (\"een sterk plan\").\n"
     "\n"
     "Flags:  Onze daadkrachtige minister Jansen heeft weer laten zien wat zij kan.\n"
     "Clean:  Minister Jansen presenteert een sterk plan voor de kinderopvang.\n"
     "\n"
     "Suppress with a reason:\n"
     "  <!-- twohats-disable-next-line image-building/praise -- quote from an award jury -->"},
    {RULE_RATINGS, TH_SEV_WARNING,
     "the popularity, approval rating or poll standing of a minister or the cabinet",
     "Checks government-voiced text for a report of the popularity, approval rating or poll\n"
     "standing of a minister or the cabinet: a ranking (\"de populairste minister\"), or a\n"
     "rating word (waarderingscijfer, peiling, populariteit) with the minister or the\n"
     "cabinet and a figure or movement (\"steeg naar een 7,2\", \"38 procent\").\n"
     "\n" WHY "\n"
     "Not a finding: research on turnout, policy or public opinion about a topic, and a\n"
     "general account of how ratings are measured (the source document does so).\n"
     "\n"
     "Flags:  Het waarderingscijfer voor minister Jansen steeg deze maand naar een 7,2.\n"
     "Clean:  Uit onderzoek blijkt dat de opkomstintentie onder kiezers hoog is.\n"
     "\n"
     "Suppress with a reason:\n"
     "  <!-- twohats-disable-next-line image-building/ratings -- reason -->"},
    {RULE_PRIVATE, TH_SEV_INFO, "the minister's private life as content",
     "Checks government-voiced text for the minister's private life as content: birthday,\n"
     "holiday, family, partner, children, hobbies, in a sentence about the minister.\n"
     "\n" WHY "\n"
     "Not a finding: policy about families (\"gezinnen met jonge kinderen krijgen meer\n"
     "keuze\").\n"
     "\n"
     "Flags:  Minister Jansen viert vandaag haar verjaardag met haar gezin.\n"
     "Clean:  Minister Jansen presenteert het plan voor de kinderopvang.\n"
     "\n"
     "Suppress with a reason:\n"
     "  <!-- twohats-disable-next-line image-building/personal-life -- reason -->"},
    {RULE_PERSONA, TH_SEV_INFO, "a text in which the minister, not the policy, is the subject",
     "Checks whether the minister (a title or a name of the `minister` metadata) opens more\n"
     "than a share of the sentences (option share, percent, default 50) of a text of at least\n"
     "min-sentences sentences (default 4), while at most max-policy-share percent of the\n"
     "sentences (default 25) hold a policy word.\n"
     "\n" WHY "\n"
     "Flags:  Minister Jansen is vandaag in Zwolle. Minister Jansen schudt handen. Minister\n"
     "        Jansen luistert. Minister Jansen maakt foto's. Minister Jansen geniet.\n"
     "Clean:  the same visit told through the plans, budgets and measures it is about.\n"
     "\n"
     "Suppress with a reason:\n"
     "  <!-- twohats-disable image-building/persona-focus -- reason --> ... "
     "<!-- twohats-enable image-building/persona-focus -->"},
    {0, 0, 0, 0}};

static const struct th_option options[] = {
    {"share", TH_OPT_INT, "50", "percent of sentences with the minister as subject"},
    {"min-sentences", TH_OPT_INT, "4", "shortest text judged"},
    {"max-policy-share", TH_OPT_INT, "25", "percent of sentences with a policy word, at most"},
    {0, 0, 0, 0}};

static const char *const lexicon_names[] = {
    "nl/minister-titles", "nl/praise-adjectives", "nl/praise-compounds",
    "nl/ratings",         "nl/rankings",          "nl/rating-evidence",
    "nl/private-life",    "nl/policy-terms",      NULL};

/* The state made by init(), read-only afterwards. */
struct lexicons {
        const struct th_lexicon *titles, *praise, *compounds, *ratings, *rankings, *evidence,
            *private_life, *policy;
        struct th_pattern *figure;
        struct th_pattern *copula;
};

static enum th_status init(const struct th_host *host, struct th_ctx *ctx, void **state)
{
        struct lexicons *lex = calloc(1, sizeof(*lex));
        if (!lex) {
                host->fail(ctx, "out of memory");
                return TH_ERROR;
        }
        *state = lex;
        if (load_lexicons(host, ctx, lexicon_names, &lex->titles) != TH_OK)
                return TH_ERROR;
        /* A figure: "7,2", "38 procent", "38%". */
        enum th_status figure =
            host->pattern_compile(ctx, "\\b\\d{1,2}[,.]\\d\\b|\\d+\\s*%", &lex->figure);
        enum th_status copula =
            host->pattern_compile(ctx, "\\b(?:is|was|blijkt|blijft|lijkt)\\b", &lex->copula);
        return figure == TH_OK && copula == TH_OK ? TH_OK : TH_ERROR;
}

static void fini(void *state)
{
        free(state);
}

/* The first match of `pat` in text[span], or 0 (also when matching failed), as lex_in(). */
static int pattern_in(const struct th_host *host, struct th_ctx *ctx, const struct th_pattern *pat,
                      const char *text, struct th_span span, struct th_span *out)
{
        int found = 0;
        return host->pattern_find(ctx, pat, text, span.end, span.start, out, &found) == TH_OK &&
               found;
}

/* Is there only white space between offsets a and b? */
static int adjacent(const char *text, size_t a, size_t b)
{
        for (; a < b; a++)
                if (!isspace((unsigned char)text[a]))
                        return 0;
        return a == b;
}

/* A match of `l` in `s` directly before a minister title. */
static int before_title(const struct th_host *host, struct th_ctx *ctx, const struct lexicons *lex,
                        const struct th_lexicon *l, const char *text, struct th_span s,
                        struct th_span *out)
{
        struct th_lexicon_match m, t;
        for (size_t at = s.start; lex_in(host, ctx, l, text, (struct th_span){at, s.end}, &m);
             at = m.span.end) {
                struct th_span rest = {m.span.end, s.end};
                if (lex_in(host, ctx, lex->titles, text, rest, &t) &&
                    adjacent(text, m.span.end, t.span.start)) {
                        out->start = m.span.start;
                        out->end = t.span.end;
                        return 1;
                }
        }
        return 0;
}

static int praise(const struct th_host *host, struct th_ctx *ctx, const struct lexicons *lex,
                  const struct th_doc *doc, const char *text, struct th_span s, int minister,
                  size_t where, struct th_span *out)
{
        struct th_lexicon_match m;
        if (before_title(host, ctx, lex, lex->praise, text, s, out))
                return 1;
        if (lex_in(host, ctx, lex->compounds, text, s, &m)) {
                *out = m.span;
                return 1;
        }
        /* "minister X is fantastisch": a copula after the mention, then the praise word. */
        struct th_span after = {where, s.end}, cop;
        (void)doc;
        if (minister && pattern_in(host, ctx, lex->copula, text, after, &cop) &&
            lex_in(host, ctx, lex->praise, text, (struct th_span){cop.end, s.end}, &m) &&
            m.span.start - cop.end < 24) {
                out->start = after.start;
                out->end = m.span.end;
                return 1;
        }
        return 0;
}

static int ratings(const struct th_host *host, struct th_ctx *ctx, const struct lexicons *lex,
                   const char *text, struct th_span s, int minister, struct th_span *out)
{
        struct th_lexicon_match m, e;
        struct th_span fig;
        if (before_title(host, ctx, lex, lex->rankings, text, s, out))
                return 1;
        if (!lex_in(host, ctx, lex->ratings, text, s, &m))
                return 0;
        int subject = minister || has_name(text, s, "kabinet", NULL);
        int evidence = lex_in(host, ctx, lex->evidence, text, s, &e) ||
                       pattern_in(host, ctx, lex->figure, text, s, &fig);
        *out = m.span;
        return subject && evidence;
}

static enum th_status persona(const struct th_host *host, struct th_ctx *ctx,
                              const struct lexicons *lex, const struct th_doc *doc,
                              const char *text)
{
        size_t n = host->doc_sentence_count(doc), subject = 0, policy = 0;
        long share = strtol(host->option(ctx, "share"), NULL, 10);
        long min = strtol(host->option(ctx, "min-sentences"), NULL, 10);
        long max_policy = strtol(host->option(ctx, "max-policy-share"), NULL, 10);
        if (n == 0 || (long)n < min)
                return TH_OK;
        for (size_t i = 0; i < n; i++) {
                struct th_span s = host->doc_sentence(doc, i);
                struct th_lexicon_match m;
                size_t where;
                /* The subject opens a Dutch main clause: the mention within its first words. */
                if (mentions_minister(host, ctx, doc, lex->titles, text, s, &where) &&
                    where - s.start < 24)
                        subject++;
                policy += lex_in(host, ctx, lex->policy, text, s, &m);
        }
        if ((long)(subject * 100) <= share * (long)n || (long)(policy * 100) > max_policy * (long)n)
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
        const struct lexicons *lex = state;
        if (!government_voiced(host, doc))
                return TH_OK;
        size_t len;
        const char *text = host->doc_prose(doc, &len);
        for (size_t i = 0; i < host->doc_sentence_count(doc); i++) {
                struct th_span s = host->doc_sentence(doc, i), hit;
                struct th_lexicon_match m;
                size_t where = s.start;
                int minister = mentions_minister(host, ctx, doc, lex->titles, text, s, &where);
                int quoted = host->doc_in_quote(doc, s.start);
                enum th_status rc = TH_OK;
                if (quoted)
                        continue; /* reported speech: someone else's praise or figures */
                if (praise(host, ctx, lex, doc, text, s, minister, where, &hit))
                        rc = host->report(ctx, RULE_PRAISE, hit, NULL,
                                          "praise of the minister's person (\"%.*s\"): "
                                          "communication is about policy (UO-2017)",
                                          (int)(hit.end - hit.start), text + hit.start);
                if (rc == TH_OK && ratings(host, ctx, lex, text, s, minister, &hit))
                        rc = host->report(ctx, RULE_RATINGS, hit, NULL,
                                          "the popularity or rating of the minister or "
                                          "the cabinet (\"%.*s\") as content (UO-2017)",
                                          (int)(hit.end - hit.start), text + hit.start);
                if (rc == TH_OK && minister && lex_in(host, ctx, lex->private_life, text, s, &m))
                        rc = host->report(ctx, RULE_PRIVATE, m.span, NULL,
                                          "the minister's private life (\"%.*s\") as "
                                          "content (UO-2017)",
                                          (int)(m.span.end - m.span.start), text + m.span.start);
                if (rc != TH_OK)
                        return TH_ERROR;
        }
        return persona(host, ctx, lex, doc, text);
}

static const struct th_plugin plugin = {
    TH_PLUGIN_HEADER,
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
