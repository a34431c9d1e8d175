/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * partisan.c: the judgement of party-political content (see partisan.h).
 *
 * parties.yml gives every party's names, hashtags and slogans; partisan.yml
 * gives the patterns of each kind, with {party} and its own placeholders.
 * A document is judged on its prose, sentence by sentence, but only the
 * sentences that name a party or hold a trigger word (the lexicon
 * nl/partisan-triggers) are searched: no pattern can match elsewhere.  Each
 * pattern's matches become passages, except self-identification and
 * polemics in a sentence with a parliamentary context ("vragen van het lid
 * Leijten (SP)"), which is a neutral mention.  Slogans count in their period, or always when marked
 * distinctive.
 */
#include "partisan.h"
#include "match/lexicon.h"
#include "match/wordindex.h"
#include "base/i18n.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const th_nl_data_keys[] = {"parties",  "placeholders", "vote-hashtag-prefixes",
                                       "patterns", "cues",         "judgements",
                                       "types",    "elections",    "ministers",
                                       NULL};

struct slogan {
        size_t party;
        char *from, *to; /* YYYY-MM-DD, or NULL when open */
        int distinctive;
        struct th_regex *re;
        char *text;   /* as written in parties.yml */
        char *anchor; /* its longest word, by which the word index finds it; NULL: scan */
};

/* A slogan is looked for around its longest word when that word has at least this many
 * letters; shorter words ("het kan wel") are so frequent that one scan of the document
 * costs less. */
enum { SLOGAN_ANCHOR_MIN = 5 };

struct pattern {
        enum th_partisan_kind kind; /* 0 for parliamentary context */
        struct th_regex *re;
        /* Run only on a sentence with one of these trigger words, or a party name when
         * `needs_party`; a pattern that needs nothing runs on every candidate. */
        char **needs;
        size_t nneeds;
        int needs_party;
        int always; /* counts even in a parliamentary context ("onze fractie") */
        /* A match does not count in a sentence where this matches: tried only after a
         * match, so a rare pattern keeps a narrow veto cheap. */
        struct th_regex *unless;
        unsigned line; /* in partisan.yml, for messages */
};

/* One way a party is written. */
struct form {
        char *re;      /* as a pattern */
        char *written; /* as in parties.yml */
        int exact;
        size_t len; /* of the form as written: longer forms are tried first */
        size_t party;
};

struct th_partisan_model {
        char **parties; /* canonical ids */
        size_t nparties, aparties;
        struct form *forms;
        size_t nforms, aforms;
        struct th_buf names;                   /* alternation of every party form, for {party} */
        const struct th_lexicon *party_names;  /* the same as a lexicon: term = party id */
        const struct th_lexicon *triggers;     /* words without which no pattern matches */
        const struct th_lexicon *slogan_words; /* each slogan's anchor: term = slogan text */
        size_t *slogan_of_term;                /* the slogan of each term of slogan_words */
        struct th_regex *hashtag_re;
        struct th_buf hashtags; /* alternation of hashtags with (*MARK:party) */
        struct slogan *slogans;
        size_t nslogans, aslogans;
        struct pattern *patterns;
        size_t npatterns, apatterns;
        /* partisan.yml `placeholders`: {name} in a pattern stands for this regex */
        struct placeholder {
                char *name, *regex;
        } * placeholders;
        size_t nplaceholders, aplaceholders;
        char **vote_prefixes; /* `vote-hashtag-prefixes`: "#stem" makes #StemVVD a vote call */
        size_t nvote_prefixes, avote_prefixes;
};

void th_partisan_model_free(struct th_partisan_model *m)
{
        if (!m)
                return;
        for (size_t i = 0; i < m->nparties; i++)
                free(m->parties[i]);
        free(m->parties);
        for (size_t i = 0; i < m->nforms; i++) {
                free(m->forms[i].re);
                free(m->forms[i].written);
        }
        free(m->forms);
        th_buf_release(&m->names);
        th_buf_release(&m->hashtags);
        th_regex_free(m->hashtag_re);
        for (size_t i = 0; i < m->nslogans; i++) {
                free(m->slogans[i].from);
                free(m->slogans[i].to);
                th_regex_free(m->slogans[i].re);
                free(m->slogans[i].text);
                free(m->slogans[i].anchor);
        }
        free(m->slogans);
        free(m->slogan_of_term);
        for (size_t i = 0; i < m->nplaceholders; i++) {
                free(m->placeholders[i].name);
                free(m->placeholders[i].regex);
        }
        free(m->placeholders);
        for (size_t i = 0; i < m->nvote_prefixes; i++)
                free(m->vote_prefixes[i]);
        free(m->vote_prefixes);
        for (size_t i = 0; i < m->npatterns; i++) {
                th_regex_free(m->patterns[i].re);
                th_regex_free(m->patterns[i].unless);
                for (size_t k = 0; k < m->patterns[i].nneeds; k++)
                        free(m->patterns[i].needs[k]);
                free(m->patterns[i].needs);
        }
        free(m->patterns);
        free(m);
}

/* Escape `s` as a literal for a pattern. */
static void add_literal(struct th_buf *b, const char *s)
{
        for (; *s; s++) {
                unsigned char c = (unsigned char)*s;
                if (c < 0x80 &&
                    !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                        th_buf_addf(b, "\\%c", c);
                else
                        th_buf_add(b, s, 1);
        }
}

static void add_form(struct th_partisan_model *m, const char *form, int exact, size_t party)
{
        struct th_buf one = {0};
        if (exact) {
                th_buf_adds(&one, "(?-i:");
                add_literal(&one, form);
                th_buf_adds(&one, ")");
        } else {
                char *re = th_lexicon_term_regex(form);
                th_buf_adds(&one, re);
                free(re);
        }
        TH_GROW(m->forms, m->nforms + 1, m->aforms);
        m->forms[m->nforms].re = th_buf_detach(&one);
        m->forms[m->nforms].written = th_xstrdup(form);
        m->forms[m->nforms].exact = exact;
        m->forms[m->nforms].len = strlen(form);
        m->forms[m->nforms++].party = party;
}

static int longer_first(const void *a, const void *b)
{
        const struct form *x = a, *y = b;
        return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

/* The alternations of every form, longest first: "GroenLinks-PvdA" before "GroenLinks". */
static void build_names(struct th_partisan_model *m)
{
        if (m->nforms > 1)
                qsort(m->forms, m->nforms, sizeof(m->forms[0]), longer_first);
        for (size_t i = 0; i < m->nforms; i++)
                th_buf_addf(&m->names, "%s%s", i ? "|" : "", m->forms[i].re);
}

static struct th_regex *compile(const char *pattern, const struct th_yamldoc *y,
                                const struct th_ynode *at, struct th_error *err)
{
        char why[256];
        size_t off = 0;
        struct th_regex *re = th_regex_compile(pattern, why, sizeof(why), &off);
        if (!re)
                th_yamldoc_error(y, at, TH_ERR_PLUGIN, err,
                                 "pattern does not compile at offset "
                                 "%zu: %s",
                                 off, why);
        return re;
}

/* Each scalar of sequence `v` to `fn`; -1 at the first that is not text. */
static int each_text(const struct th_yamldoc *y, const struct th_ynode *v, const char *what,
                     struct th_error *err, int (*fn)(void *, const char *, const struct th_ynode *),
                     void *data)
{
        if (th_yamldoc_type(v) != TH_YLIST)
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err, "'%s': expected a list", what);
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *n = th_yamldoc_item(y, v, i);
                if (!th_yamldoc_scalar(n))
                        return th_yamldoc_error(y, n, TH_ERR_PLUGIN, err, "'%s': expected a text",
                                                what);
                if (fn(data, th_yamldoc_scalar(n), n) < 0)
                        return -1; /* fn has said why */
        }
        return 0;
}

struct party_ctx {
        struct th_partisan_model *m;
        size_t party;
        int exact;
        int campaign; /* hashtags being read are campaign hashtags, not the party's tags */
        const struct th_yamldoc *y;
        struct th_error *err;
};

static int add_name(void *data, const char *s, const struct th_ynode *n)
{
        struct party_ctx *p = data;
        (void)n;
        add_form(p->m, s, p->exact, p->party);
        return 0;
}

static int add_hashtag(void *data, const char *s, const struct th_ynode *n)
{
        struct party_ctx *p = data;
        if (s[0] != '#')
                return th_yamldoc_error(p->y, n, TH_ERR_PLUGIN, p->err,
                                        "hashtag '%s' does not start with #", s);
        th_buf_addf(&p->m->hashtags, "%s", p->m->hashtags.len ? "|" : "");
        add_literal(&p->m->hashtags, s);
        th_buf_addf(&p->m->hashtags, "(*MARK:%s%zu)", p->campaign ? "c" : "", p->party);
        return 0;
}

/* A slogan being read. */
struct slogan_ctx {
        struct slogan s;
        const char *text;
};

static int slogan_text(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct slogan_ctx *)w->ctx)->text = th_yamldoc_scalar(v);
        return 0;
}

static int slogan_from(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct slogan_ctx *sc = w->ctx;
        free(sc->s.from);
        sc->s.from = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int slogan_to(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct slogan_ctx *sc = w->ctx;
        free(sc->s.to);
        sc->s.to = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int slogan_distinctive(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct slogan_ctx *sc = w->ctx;
        if (th_yamldoc_bool(th_yamldoc_scalar(v), &sc->s.distinctive) < 0)
                return th_yamldoc_error(w->y, w->key, TH_ERR_PLUGIN, w->err,
                                        "slogan: 'distinctive' expected true or false");
        return 0;
}

/* The longest word of a slogan (the first of equals), or NULL when it is shorter than
 * SLOGAN_ANCHOR_MIN letters. */
static char *slogan_anchor(const char *text)
{
        const char *best = NULL;
        size_t nbest = 0, letters = 0;
        for (const char *w = text; *w;) {
                size_t n = strcspn(w, " "), count = 0;
                for (size_t i = 0; i < n; i++)
                        count += ((unsigned char)w[i] & 0xC0) != 0x80; /* UTF-8 lead bytes */
                if (count > letters) {
                        best = w;
                        nbest = n;
                        letters = count;
                }
                w += n + (w[n] == ' ');
        }
        return letters >= SLOGAN_ANCHOR_MIN ? th_xstrndup(best, nbest) : NULL;
}

static int read_slogan(struct th_partisan_model *m, const struct th_yamldoc *y,
                       const struct th_ynode *n, size_t party, struct th_error *err)
{
        static const struct th_ykey keys[] = {{"text", TH_YSCALAR, slogan_text},
                                              {"from", TH_YSCALAR, slogan_from},
                                              {"to", TH_YSCALAR, slogan_to},
                                              {"distinctive", TH_YSCALAR, slogan_distinctive},
                                              {NULL, 0, NULL}};
        struct slogan_ctx sc = {{party, NULL, NULL, 0, NULL, NULL, NULL}, NULL};
        int rc = th_yamldoc_walk(y, n, keys, &sc, "slogan", TH_ERR_PLUGIN, err);
        struct slogan s = sc.s;
        if (rc == 0 && !sc.text)
                rc = th_yamldoc_error(y, n, TH_ERR_PLUGIN, err, "slogan: expected a 'text'");
        if (rc < 0) {
                free(s.from);
                free(s.to);
                return -1;
        }
        /* Words of a slogan may be separated by any punctuation: "minder ik, meer wij". */
        struct th_buf b = {0};
        th_buf_adds(&b, "(?<![\\p{L}\\p{N}])");
        char *copy = th_xstrdup(sc.text), *save = NULL;
        int first = 1;
        for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
                char *re = th_lexicon_term_regex(w);
                th_buf_addf(&b, "%s%s", first ? "" : "[\\s\\p{P}]+", re);
                free(re);
                first = 0;
        }
        free(copy);
        th_buf_adds(&b, "(?![\\p{L}\\p{N}])");
        s.text = th_xstrdup(sc.text);
        s.anchor = slogan_anchor(sc.text);
        s.re = compile(b.s, y, n, err);
        th_buf_release(&b);
        if (!s.re) {
                free(s.from);
                free(s.to);
                free(s.text);
                free(s.anchor);
                return -1;
        }
        TH_GROW(m->slogans, m->nslogans + 1, m->aslogans);
        m->slogans[m->nslogans++] = s;
        return 0;
}

/* `id` is read before the other keys (read_party). */
static int party_id(const struct th_ywalk *w, const struct th_ynode *v)
{
        (void)w;
        (void)v;
        return 0;
}

static int party_names(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct party_ctx *pc = w->ctx;
        pc->exact = 0;
        return each_text(w->y, v, "names", w->err, add_name, pc);
}

static int party_exact(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct party_ctx *pc = w->ctx;
        pc->exact = 1;
        return each_text(w->y, v, "exact", w->err, add_name, pc);
}

static int party_hashtags(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct party_ctx *)w->ctx)->campaign = 0;
        return each_text(w->y, v, "hashtags", w->err, add_hashtag, w->ctx);
}

/* A campaign hashtag (#minderikmeerwij) is party content like a slogan, but it does
 * not mark a post as the party's: one scan finds it with the party's tags. */
static int party_campaign_hashtags(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct party_ctx *)w->ctx)->campaign = 1;
        return each_text(w->y, v, "campaign-hashtags", w->err, add_hashtag, w->ctx);
}

static int party_slogans(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct party_ctx *pc = w->ctx;
        for (size_t i = 0; i < th_yamldoc_count(v); i++)
                if (read_slogan(pc->m, w->y, th_yamldoc_item(w->y, v, i), pc->party, w->err) < 0)
                        return -1;
        return 0;
}

static int read_party(struct th_partisan_model *m, const struct th_yamldoc *y,
                      const struct th_ynode *n, struct th_error *err)
{
        static const struct th_ykey keys[] = {
            {"id", TH_YANY, party_id},
            {"names", TH_YANY, party_names},
            {"exact", TH_YANY, party_exact},
            {"hashtags", TH_YANY, party_hashtags},
            {"campaign-hashtags", TH_YANY, party_campaign_hashtags},
            {"slogans", TH_YLIST, party_slogans},
            {NULL, 0, NULL}};
        if (th_yamldoc_type(n) != TH_YMAP)
                return th_yamldoc_error(
                    y, n, TH_ERR_PLUGIN, err,
                    "expected a party: a mapping "
                    "with id, names, exact, hashtags, campaign-hashtags and slogans");
        const char *id = th_yamldoc_scalar(th_yamldoc_get(y, n, "id"));
        if (!id)
                return th_yamldoc_error(y, n, TH_ERR_PLUGIN, err, "a party needs an 'id'");
        TH_GROW(m->parties, m->nparties + 1, m->aparties);
        struct party_ctx pc = {.m = m, .party = m->nparties, .y = y, .err = err};
        m->parties[m->nparties++] = th_xstrdup(id);
        char *what = th_xasprintf("party '%s'", id);
        int rc = th_yamldoc_walk(y, n, keys, &pc, what, TH_ERR_PLUGIN, err);
        free(what);
        return rc;
}

/* The placeholder whose "{name}" starts at `p`, or NULL. */
static const struct placeholder *placeholder_at(const struct th_partisan_model *m, const char *p)
{
        for (size_t i = 0; *p == '{' && i < m->nplaceholders; i++) {
                size_t n = strlen(m->placeholders[i].name);
                if (!strncmp(p + 1, m->placeholders[i].name, n) && p[n + 1] == '}')
                        return &m->placeholders[i];
        }
        return NULL;
}

char *th_partisan_expand(const struct th_partisan_model *m, const char *src)
{
        /* th_buf_adds, not th_buf_addf: printf copies long alternations a byte at a time */
        struct th_buf b = {0};
        for (const char *p = src; *p;) {
                const struct placeholder *ph = placeholder_at(m, p);
                size_t plain = strcspn(p, "{");
                if (plain) {
                        th_buf_add(&b, p, plain);
                        p += plain;
                } else if (strncmp(p, "{party}", 7) == 0) {
                        th_buf_adds(&b, "(?<![\\p{L}\\p{N}])(?:");
                        th_buf_add(&b, m->names.s, m->names.len);
                        th_buf_adds(&b, ")(?![\\p{L}\\p{N}])");
                        p += 7;
                } else if (ph) {
                        th_buf_adds(&b, "(?:");
                        th_buf_adds(&b, ph->regex);
                        th_buf_adds(&b, ")");
                        p += strlen(ph->name) + 2;
                } else {
                        th_buf_add(&b, p++, 1);
                }
        }
        return th_buf_detach(&b);
}

struct pattern_ctx {
        struct th_partisan_model *m;
        enum th_partisan_kind kind;
        /* Of the pattern being read: */
        const char *src;
        const struct th_ynode *needs;
        int always;
        const struct th_ynode *unless;
};

static int pattern_src(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct pattern_ctx *)w->ctx)->src = th_yamldoc_scalar(v);
        return 0;
}

static int pattern_needs(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct pattern_ctx *)w->ctx)->needs = v;
        return 0;
}

static int pattern_unless(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct pattern_ctx *)w->ctx)->unless = v;
        return 0;
}

static int pattern_always(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct pattern_ctx *pc = w->ctx;
        if (th_yamldoc_bool(th_yamldoc_scalar(v), &pc->always) < 0)
                return th_yamldoc_error(w->y, w->key, TH_ERR_PLUGIN, w->err,
                                        "pattern: 'always' expected true or false");
        return 0;
}

/* One pattern: a text, or {pattern: TEXT, needs: [WORD or party, ...], always, unless}. */
static int add_pattern(struct pattern_ctx *pc, const struct th_yamldoc *y, const struct th_ynode *n,
                       struct th_error *err)
{
        static const struct th_ykey keys[] = {{"pattern", TH_YSCALAR, pattern_src},
                                              {"needs", TH_YLIST, pattern_needs},
                                              {"always", TH_YSCALAR, pattern_always},
                                              {"unless", TH_YSCALAR, pattern_unless},
                                              {NULL, 0, NULL}};
        pc->src = th_yamldoc_scalar(n);
        pc->needs = NULL;
        pc->always = 0;
        pc->unless = NULL;
        if (!pc->src && th_yamldoc_walk(y, n, keys, pc, "pattern", TH_ERR_PLUGIN, err) < 0)
                return -1;
        if (!pc->src)
                return th_yamldoc_error(y, n, TH_ERR_PLUGIN, err,
                                        "expected a pattern: a text or {pattern, needs}");
        char *full = th_partisan_expand(pc->m, pc->src);
        struct th_regex *re = compile(full, y, n, err);
        free(full);
        if (!re)
                return -1;
        TH_GROW(pc->m->patterns, pc->m->npatterns + 1, pc->m->apatterns);
        struct pattern *p = &pc->m->patterns[pc->m->npatterns++];
        memset(p, 0, sizeof(*p));
        p->kind = pc->kind;
        p->re = re;
        p->always = pc->always;
        p->line = th_yamldoc_line(y, n);
        if (pc->unless) {
                full = th_partisan_expand(pc->m, th_yamldoc_scalar(pc->unless));
                p->unless = compile(full, y, pc->unless, err);
                free(full);
                if (!p->unless)
                        return -1;
        }
        for (size_t i = 0; i < th_yamldoc_count(pc->needs); i++) {
                const struct th_ynode *need = th_yamldoc_item(y, pc->needs, i);
                const char *w = th_yamldoc_scalar(need);
                if (!w)
                        return th_yamldoc_error(y, need, TH_ERR_PLUGIN, err,
                                                "'needs': expected words");
                if (!strcmp(w, "party")) {
                        p->needs_party = 1;
                        continue;
                }
                p->needs = th_xrealloc(p->needs, (p->nneeds + 1) * sizeof(char *));
                p->needs[p->nneeds++] = th_xstrdup(w);
        }
        return 0;
}

/* The patterns of one kind: a list. */
static int read_kind(const struct th_ywalk *w, const struct th_ynode *list,
                     enum th_partisan_kind kind)
{
        struct pattern_ctx pc = {w->ctx, kind, NULL, NULL, 0, NULL};
        if (th_yamldoc_type(list) != TH_YLIST)
                return th_yamldoc_error(w->y, list, TH_ERR_PLUGIN, w->err, "'%s': expected a list",
                                        th_yamldoc_scalar(w->key));
        for (size_t i = 0; i < th_yamldoc_count(list); i++)
                if (add_pattern(&pc, w->y, th_yamldoc_item(w->y, list, i), w->err) < 0)
                        return -1;
        return 0;
}

static int vote_calls(const struct th_ywalk *w, const struct th_ynode *v)
{
        return read_kind(w, v, TH_PARTISAN_VOTE_CALL);
}

static int self_identifications(const struct th_ywalk *w, const struct th_ynode *v)
{
        return read_kind(w, v, TH_PARTISAN_SELF_ID);
}

static int polemics(const struct th_ywalk *w, const struct th_ynode *v)
{
        return read_kind(w, v, TH_PARTISAN_POLEMIC);
}

static int parliamentary_contexts(const struct th_ywalk *w, const struct th_ynode *v)
{
        return read_kind(w, v, 0);
}

/* `placeholders: {name: regex, ...}` */
static int read_placeholders(struct th_partisan_model *m, const struct th_yamldoc *y,
                             const struct th_ynode *v, struct th_error *err)
{
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err,
                                        "'placeholders': expected a mapping of names to patterns");
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *re = th_yamldoc_pair(y, v, i, &k);
                const char *name = th_yamldoc_scalar(k), *regex = th_yamldoc_scalar(re);
                if (!name || !regex || !strcmp(name, "party"))
                        return th_yamldoc_error(y, k, TH_ERR_PLUGIN, err,
                                                "'placeholders': expected NAME: PATTERN (a name "
                                                "other than 'party')");
                TH_GROW(m->placeholders, m->nplaceholders + 1, m->aplaceholders);
                m->placeholders[m->nplaceholders].name = th_xstrdup(name);
                m->placeholders[m->nplaceholders++].regex = th_xstrdup(regex);
        }
        return 0;
}

/* `vote-hashtag-prefixes: [...]` */
static int read_vote_prefixes(struct th_partisan_model *m, const struct th_yamldoc *y,
                              const struct th_ynode *v, struct th_error *err)
{
        const char **texts;
        size_t n;
        const struct th_ynode *bad;
        if (th_yamldoc_texts(y, v, &texts, &n, &bad) < 0)
                return th_yamldoc_error(y, bad, TH_ERR_PLUGIN, err,
                                        "'vote-hashtag-prefixes': expected a list of texts");
        for (size_t i = 0; i < n; i++) {
                TH_GROW(m->vote_prefixes, m->nvote_prefixes + 1, m->avote_prefixes);
                m->vote_prefixes[m->nvote_prefixes++] = th_xstrdup(texts[i]);
        }
        free(texts);
        return 0;
}

/* Is the hashtag text[0, n) a vote call by its prefix ("#StemVVD")? */
static int vote_hashtag(const struct th_partisan_model *m, const char *text, size_t n)
{
        for (size_t i = 0; i < m->nvote_prefixes; i++) {
                size_t k = strlen(m->vote_prefixes[i]);
                if (n > k && strncasecmp(text, m->vote_prefixes[i], k) == 0)
                        return 1;
        }
        return 0;
}

static int read_patterns(struct th_partisan_model *m, const struct th_yamldoc *y,
                         const struct th_ynode *v, struct th_error *err)
{
        static const struct th_ykey kinds[] = {
            {"vote-call", TH_YANY, vote_calls},
            {"self-identification", TH_YANY, self_identifications},
            {"polemic", TH_YANY, polemics},
            {"parliamentary-context", TH_YANY, parliamentary_contexts},
            {NULL, 0, NULL}};
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err, "'patterns': expected a mapping");
        return th_yamldoc_walk(y, v, kinds, m, "'patterns'", TH_ERR_PLUGIN, err);
}

/* A top-level key of a rule data file and its reader. */
struct section {
        const char *key;
        int (*read)(struct th_partisan_model *, const struct th_yamldoc *, const struct th_ynode *,
                    struct th_error *);
        int required;
};

/* Read the sections of file dir/name, in the order given (a later one may use what an
 * earlier one read). */
static int read_data(struct th_partisan_model *m, const char *dir, const char *name,
                     const struct section *sections, size_t n, struct th_error *err)
{
        char *path = th_xasprintf("%s/%s", dir, name);
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "rule data", TH_ERR_PLUGIN, err);
        for (size_t i = 0; rc == 0 && i < n; i++) {
                const struct th_ynode *v = th_yamldoc_get(&y, th_yamldoc_root(&y), sections[i].key);
                if (v)
                        rc = sections[i].read(m, &y, v, err);
                else if (sections[i].required)
                        rc = th_error_set(err, TH_ERR_PLUGIN, path, 1, 1, "expected a key '%s'",
                                          sections[i].key);
        }
        th_yamldoc_release(&y);
        free(path);
        return rc;
}

static int read_parties(struct th_partisan_model *m, const struct th_yamldoc *y,
                        const struct th_ynode *v, struct th_error *err)
{
        if (th_yamldoc_type(v) != TH_YLIST)
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err, "'parties': expected a list");
        for (size_t i = 0; i < th_yamldoc_count(v); i++)
                if (read_party(m, y, th_yamldoc_item(y, v, i), err) < 0)
                        return -1;
        return 0;
}

/* The party registry as a lexicon, so that the word index finds party names too. */
static int define_party_names(struct th_partisan_model *m, struct th_lexicons *lexicons,
                              const char *lang, struct th_error *err)
{
        const char **forms = th_xcalloc(m->nforms ? m->nforms : 1, sizeof(char *));
        size_t *party = th_xcalloc(m->nforms ? m->nforms : 1, sizeof(size_t));
        unsigned char *exact = th_xcalloc(m->nforms ? m->nforms : 1, 1);
        for (size_t i = 0; i < m->nforms; i++) {
                forms[i] = m->forms[i].written;
                party[i] = m->forms[i].party;
                exact[i] = (unsigned char)m->forms[i].exact;
        }
        char *name = th_xasprintf("%s/party-names", lang);
        m->party_names = th_lexicons_define(lexicons, name, (const char *const *)m->parties,
                                            m->nparties, forms, party, exact, m->nforms, err);
        free(name);
        free(forms);
        free(party);
        free(exact);
        return m->party_names ? 0 : -1;
}

/* The slogans' anchors as a lexicon, so that the word index finds where a slogan may be. */
static int define_slogan_words(struct th_partisan_model *m, struct th_lexicons *lexicons,
                               const char *lang, struct th_error *err)
{
        size_t n = 0, one = m->nslogans ? m->nslogans : 1;
        const char **terms = th_xcalloc(one, sizeof(char *)),
                   **forms = th_xcalloc(one, sizeof(char *));
        size_t *form_term = th_xcalloc(one, sizeof(size_t));
        m->slogan_of_term = th_xcalloc(one, sizeof(size_t));
        for (size_t i = 0; i < m->nslogans; i++) {
                if (!m->slogans[i].anchor)
                        continue;
                terms[n] = m->slogans[i].text;
                forms[n] = m->slogans[i].anchor;
                form_term[n] = n;
                m->slogan_of_term[n++] = i;
        }
        char *name = th_xasprintf("%s/slogan-words", lang);
        if (n)
                m->slogan_words =
                    th_lexicons_define(lexicons, name, terms, n, forms, form_term, NULL, n, err);
        free(name);
        free(terms);
        free(forms);
        free(form_term);
        return n && !m->slogan_words ? -1 : 0;
}

struct th_partisan_model *th_partisan_model_load(struct th_lexicons *lexicons, const char *dir,
                                                 const char *lang, struct th_error *err)
{
        struct th_partisan_model *m = th_xcalloc(1, sizeof(*m));
        static const struct section parties[] = {{"parties", read_parties, 1}};
        /* The placeholders and hashtag prefixes first, then the patterns that use them. */
        static const struct section partisan[] = {{"placeholders", read_placeholders, 0},
                                                  {"vote-hashtag-prefixes", read_vote_prefixes, 0},
                                                  {"patterns", read_patterns, 1}};
        int rc = read_data(m, dir, "parties.yml", parties, 1, err);
        if (rc == 0 && m->nforms == 0)
                rc = th_error_set(err, TH_ERR_PLUGIN, dir, 0, 0, "parties.yml names no party");
        if (rc == 0) {
                build_names(m);
                rc = read_data(m, dir, "partisan.yml", partisan, 3, err);
        }
        if (rc == 0)
                rc = define_party_names(m, lexicons, lang, err);
        if (rc == 0)
                rc = define_slogan_words(m, lexicons, lang, err);
        if (rc == 0) {
                char *name = th_xasprintf("%s/partisan-triggers", lang);
                m->triggers = th_lexicons_get(lexicons, name, err);
                free(name);
                rc = m->triggers ? 0 : -1;
        }
        /* A pattern's needs must be trigger words, or it would never run. */
        for (size_t i = 0; rc == 0 && i < m->npatterns; i++)
                for (size_t k = 0; rc == 0 && k < m->patterns[i].nneeds; k++) {
                        int known = 0;
                        for (size_t t = 0; t < m->triggers->nterms && !known; t++)
                                known = !strcmp(m->triggers->terms[t], m->patterns[i].needs[k]);
                        if (!known)
                                rc = th_error_set(err, TH_ERR_PLUGIN, dir, m->patterns[i].line, 0,
                                                  "partisan.yml: the pattern needs '%s', which is "
                                                  "not in partisan-triggers",
                                                  m->patterns[i].needs[k]);
                }
        char why[256];
        size_t off;
        char *re = th_xasprintf("(?<![\\p{L}\\p{N}_#])(?:%s)(?![\\p{L}\\p{N}_])", m->hashtags.s);
        m->hashtag_re = rc == 0 ? th_regex_compile(re, why, sizeof(why), &off) : NULL;
        free(re);
        if (rc == 0 && !m->hashtag_re)
                rc =
                    th_error_set(err, TH_ERR_PLUGIN, dir, 0, 0, "hashtags do not compile: %s", why);
        if (rc < 0) {
                th_partisan_model_free(m);
                return NULL;
        }
        return m;
}

const char *th_partisan_party_find(const struct th_partisan_model *m, struct th_scratch *s,
                                   const char *text, size_t len, size_t start, size_t *mstart,
                                   size_t *mend)
{
        const char *party;
        return th_lexicon_find(m->party_names, s, text, len, start, mstart, mend, &party) == 1
                   ? party
                   : NULL;
}

const char *th_partisan_party_id(const struct th_partisan_model *m, struct th_scratch *s,
                                 const char *name)
{
        size_t a, b;
        const char *form = name[0] == '#' ? name + 1 : name;
        return th_partisan_party_find(m, s, form, strlen(form), 0, &a, &b);
}

const struct th_lexicon *th_partisan_party_names(const struct th_partisan_model *m)
{
        return m->party_names;
}

const char *th_partisan_party_in(const struct th_partisan_model *m, const struct th_word_index *x,
                                 size_t start, size_t end)
{
        size_t a, b;
        const char *party;
        return th_word_index_find(x, m->party_names, end, start, &a, &b, &party) == 1 ? party
                                                                                      : NULL;
}

static int neutral_sentence(const struct th_partisan_model *m, struct th_scratch *s,
                            const char *text, struct th_span sentence, int *failed)
{
        for (size_t i = 0; i < m->npatterns; i++) {
                if (m->patterns[i].kind != 0)
                        continue;
                size_t ov[2];
                int rc =
                    th_regex_find(m->patterns[i].re, s, text, sentence.end, sentence.start, ov, 1);
                if (rc < 0)
                        *failed = 1;
                if (rc == 1)
                        return 1;
        }
        return 0;
}

/* Add a passage; `party` < 0: the party named in it, if any. */
static void add_item(const struct th_partisan_model *m, const struct th_word_index *x,
                     const struct th_doc *doc, struct th_partisan_list *out,
                     enum th_partisan_kind kind, size_t start, size_t end, long party,
                     const char *cues)
{
        TH_GROW(out->v, out->nr + 1, out->alloc);
        struct th_partisan *p = &out->v[out->nr++];
        p->kind = kind;
        p->cues = cues;
        p->span.start = start;
        p->span.end = end;
        p->sentence = th_doc_sentence_at(doc, start);
        p->party = party >= 0 && (size_t)party < m->nparties
                       ? m->parties[party]
                       : th_partisan_party_in(m, x, start, end);
        p->quoted = th_doc_in_quote(doc, start);
}

/* What a pattern of partisan.yml stands for, as a cue in messages. */
static const char *phrase_cue(enum th_partisan_kind kind)
{
        switch (kind) {
        case TH_PARTISAN_VOTE_CALL:
                return _("a call to vote, join or give for a party");
        case TH_PARTISAN_SELF_ID:
                return _("the sender speaking as a party");
        default:
                return _("an attack on a named party");
        }
}

static int by_position(const void *a, const void *b)
{
        const struct th_partisan *x = a, *y = b;
        if (x->span.start != y->span.start)
                return x->span.start < y->span.start ? -1 : 1;
        return (int)x->kind - (int)y->kind;
}

static int limit_error(struct th_scratch *s, const struct th_doc *doc, struct th_error *err)
{
        return th_error_set(err, TH_ERR_PLUGIN, doc->path, 0, 0,
                            "judging party-political content: %s", th_scratch_error(s));
}

/* Does the indexed text [start, end) hold a match of `lex`? */
static int has(const struct th_word_index *x, const struct th_lexicon *lex, size_t start,
               size_t end)
{
        size_t a, b;
        const char *term;
        return th_word_index_find(x, lex, end, start, &a, &b, &term) == 1;
}

/* Has a pattern of `kind` found [start, end) already (in this sentence, from `first` on)?
 * Two patterns may find one call ("Stem SP." for a known party and for any capitals). */
static int found_before(const struct th_partisan_list *out, size_t first,
                        enum th_partisan_kind kind, size_t start, size_t end)
{
        for (size_t i = first; i < out->nr; i++)
                if (out->v[i].kind == kind && out->v[i].span.start == start &&
                    out->v[i].span.end == end)
                        return 1;
        return 0;
}

/* Search one sentence with every pattern. */
static int judge_sentence(const struct th_partisan_model *m, struct th_scratch *s,
                          const struct th_doc *doc, const struct th_word_index *x,
                          struct th_span sentence, struct th_partisan_list *out)
{
        const char *text = doc->prose;
        int neutral = -1; /* not looked at yet */
        size_t ov[2], a, b, npresent = 0;
        const char *present[32], *term;
        for (size_t at = sentence.start;
             npresent < 32 &&
             th_word_index_find(x, m->triggers, sentence.end, at, &a, &b, &term) == 1;
             at = b)
                present[npresent++] = term;
        int party = has(x, m->party_names, sentence.start, sentence.end);
        size_t first = out->nr;
        for (size_t i = 0; i < m->npatterns; i++) {
                const struct pattern *p = &m->patterns[i];
                int go = !p->nneeds && !p->needs_party;
                go |= p->needs_party && party;
                for (size_t k = 0; !go && k < p->nneeds; k++)
                        for (size_t j = 0; !go && j < npresent; j++)
                                go = !strcmp(p->needs[k], present[j]);
                if (p->kind == 0 || !go)
                        continue;
                int rc;
                for (size_t at = sentence.start;
                     (rc = th_regex_find(m->patterns[i].re, s, text, sentence.end, at, ov, 1)) == 1;
                     at = ov[1] > at ? ov[1] : at + 1) {
                        if (p->kind != TH_PARTISAN_VOTE_CALL && !p->always) {
                                int failed = 0;
                                if (neutral < 0)
                                        neutral = neutral_sentence(m, s, text, sentence, &failed);
                                if (failed)
                                        return -1;
                                if (neutral)
                                        continue;
                        }
                        if (p->unless) {
                                size_t veto[2];
                                int vrc = th_regex_find(p->unless, s, text, sentence.end,
                                                        sentence.start, veto, 1);
                                if (vrc < 0)
                                        return -1;
                                if (vrc == 1)
                                        continue;
                        }
                        if (!found_before(out, first, p->kind, ov[0], ov[1]))
                                add_item(m, x, doc, out, p->kind, ov[0], ov[1], -1,
                                         phrase_cue(p->kind));
                }
                if (rc < 0)
                        return -1;
        }
        return 0;
}

/* Does the slogan count in this document: in its period, or distinctive? */
static int slogan_counts(const struct slogan *sl, const char *date)
{
        int in_period = date && (!sl->from || strncmp(date, sl->from, 10) >= 0) &&
                        (!sl->to || strncmp(date, sl->to, 10) <= 0);
        return sl->distinctive || in_period;
}

/* The matches of slogan `sl` in text[from, to), from `*done` on: the end of its last match,
 * so that overlapping windows find a match once. */
static int slogan_in(const struct th_partisan_model *m, const struct slogan *sl,
                     struct th_scratch *s, const struct th_doc *doc, const struct th_word_index *x,
                     struct th_partisan_list *out, size_t from, size_t to, size_t *done)
{
        size_t ov[2];
        int rc;
        for (size_t at = from > *done ? from : *done;
             (rc = th_regex_find(sl->re, s, doc->prose, to, at, ov, 1)) == 1; at = ov[1]) {
                add_item(m, x, doc, out, TH_PARTISAN_SLOGAN, ov[0], ov[1], (long)sl->party,
                         "a party slogan");
                *done = ov[1];
        }
        return rc;
}

/* A slogan with an anchor is looked for in the sentences around each place the word index
 * has its anchor (a slogan may run over a sentence end: "Minder ik. Meer wij."); one
 * without, in the whole document. */
static int find_slogans(const struct th_partisan_model *m, struct th_scratch *s,
                        const struct th_doc *doc, const struct th_word_index *x,
                        struct th_partisan_list *out)
{
        const char *date = th_meta_value(&doc->meta, "date", 0);
        size_t *done = th_xcalloc(m->nslogans ? m->nslogans : 1, sizeof(size_t));
        int rc = 0;
        for (size_t i = 0; rc >= 0 && i < m->nslogans; i++)
                if (!m->slogans[i].anchor && slogan_counts(&m->slogans[i], date))
                        rc = slogan_in(m, &m->slogans[i], s, doc, x, out, 0, doc->len, &done[i]);
        size_t a, b;
        const char *term;
        for (size_t at = 0;
             rc >= 0 && m->slogan_words &&
             th_word_index_find(x, m->slogan_words, doc->len, at, &a, &b, &term) == 1;
             at = b) {
                size_t k = 0;
                while (m->slogan_words->terms[k] != term)
                        k++;
                const struct slogan *sl = &m->slogans[m->slogan_of_term[k]];
                if (!slogan_counts(sl, date))
                        continue;
                size_t si = th_span_list_index(&doc->sentences, a);
                size_t from = si > 0 ? doc->sentences.v[si - 1].start : 0;
                size_t to = si + 1 < doc->sentences.nr ? doc->sentences.v[si + 1].end : doc->len;
                rc = slogan_in(m, sl, s, doc, x, out, from, to, &done[m->slogan_of_term[k]]);
        }
        free(done);
        return rc < 0 ? -1 : 0;
}

int th_partisan_judge(const struct th_partisan_model *m, struct th_scratch *s,
                      const struct th_doc *doc, const struct th_word_index *x,
                      struct th_partisan_list *out, struct th_error *err)
{
        const char *text = doc->prose;
        size_t first = out->nr, ov[2];
        int rc = 0;
        for (size_t i = 0; i < doc->sentences.nr; i++) {
                struct th_span sentence = {doc->sentences.v[i].start, doc->sentences.v[i].end};
                if ((has(x, m->party_names, sentence.start, sentence.end) ||
                     has(x, m->triggers, sentence.start, sentence.end)) &&
                    judge_sentence(m, s, doc, x, sentence, out) < 0)
                        return limit_error(s, doc, err);
        }
        for (size_t at = 0; (rc = th_regex_find(m->hashtag_re, s, text, doc->len, at, ov, 1)) == 1;
             at = ov[1]) {
                const char *mark = th_scratch_mark(s);
                int campaign = mark && mark[0] == 'c';
                long party = mark ? strtol(mark + campaign, NULL, 10) : -1;
                int vote = vote_hashtag(m, text + ov[0], ov[1] - ov[0]);
                add_item(m, x, doc, out,
                         vote       ? TH_PARTISAN_VOTE_CALL
                         : campaign ? TH_PARTISAN_SLOGAN
                                    : TH_PARTISAN_HASHTAG,
                         ov[0], ov[1], party,
                         vote       ? "a vote hashtag"
                         : campaign ? "a party's campaign hashtag"
                                    : "a party hashtag");
        }
        if (rc < 0)
                return limit_error(s, doc, err);
        if (find_slogans(m, s, doc, x, out) < 0)
                return limit_error(s, doc, err);
        if (out->nr - first > 1)
                qsort(out->v + first, out->nr - first, sizeof(out->v[0]), by_position);
        return 0;
}

void th_partisan_list_sort(struct th_partisan_list *l)
{
        if (l->nr > 1)
                qsort(l->v, l->nr, sizeof(l->v[0]), by_position);
}
