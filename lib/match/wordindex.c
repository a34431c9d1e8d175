/* SPDX-License-Identifier: EUPL-1.2 */
/* wordindex.c: lexicon terms in one pass over the words (see wordindex.h). */
#include "match/wordindex.h"
#include "base/utf8.h"
#include "match/morphology.h"
#include "match/wordscan.h"
#include "base/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum key_kind { KEY_WORD, KEY_PREFIX, KEY_SUFFIX, KEY_INFIX };

/* What a key of the table leads to: a form of a lexicon. */
struct target {
        size_t lexicon; /* id */
        size_t form;
        int exact;     /* compare the word with its capitalisation */
        long confirm;  /* index of the confirming pattern, or -1 */
        size_t before; /* bytes of the form before the anchoring word */
        size_t after;  /* bytes of the form after it */
};

struct entry {
        char *key;
        size_t len;
        uint64_t hash;
        struct target *targets;
        size_t ntargets, atargets;
        struct entry *next;
        unsigned char morph; /* a word of the word map: its lemmas may find other forms */
};

struct map {
        struct entry **buckets;
        size_t nbuckets;
        unsigned char lens[256]; /* which key lengths occur (prefix and suffix maps) */
};

/* The morphology of one language: its lemmas, and the keys of its lexicons' single-word
 * forms (as written and their lemmas) for inflection, compound heads and first parts,
 * each with a filter of first three bytes and the range of key lengths. */
struct lang_morph {
        const char *lang;
        size_t langlen;
        struct th_morphology *m;
        struct map lemmas, heads, firsts;
        unsigned char lemma4[1u << (TH_MORPHOLOGY_PREFIX_BITS - 3)]; /* th_morphology_prefix */
        unsigned char head3[8192], first3[8192];
        size_t lemma_min, lemma_max, head_min, head_max, first_min, first_max;
};

struct th_word_table {
        struct map maps[3]; /* KEY_WORD, KEY_PREFIX, KEY_SUFFIX */
        struct lang_morph *morph;
        size_t nmorph;
        struct entry **infixes;
        size_t ninfixes, ainfixes;
        struct th_regex **confirm; /* compiled on first hit */
        struct confirm_form {
                const char *form; /* in its lexicon, which outlives the table */
                int exact;
        } * confirm_src;
        size_t nconfirm, aconfirm;
        const struct th_lexicon **lexicons;
        size_t nlexicons;
        /* ASCII words dominate: fold them by table; 0: no word, or a byte of a longer
         * character (0x80 and up), which the slow path decodes */
        unsigned char ascii_fold[256];
        /* Quick rejects, most words being in no lexicon: the first three bytes of every
         * prefix key, the last three of every suffix key (hashed to 16 bits), a Bloom
         * filter of words, and the longest prefix and suffix keys. */
        unsigned char prefix3[8192], suffix3[8192], words_bloom[1 << 17];
        size_t max_prefix, max_suffix;
};

/* 32 bits each: the commonest words (articles, prepositions) match by the hundred
 * thousand in a large document; documents are limited to 4 GiB (see document.c). */
struct match {
        uint32_t start, end, form;
};

/* What a word finds, as a list of actions: an entry of the table, and how its matches
 * are placed at the word, which only the word's neighbours decide (an apostrophe-s, a
 * hyphen, a confirming pattern). */
enum act_kind {
        ACT_HITS,         /* the entry's targets at the word (hit) */
        ACT_APOS,         /* the word as a lemma key, when an apostrophe-s follows */
        ACT_WORD,         /* the word, with its apostrophe-s */
        ACT_LEMMAS,       /* the word's lemmas, when an apostrophe-s follows (the word map
                           * found it as written, so they lead nowhere else) */
        ACT_AFTER_HYPHEN, /* the word as the head of the previous word and a hyphen */
        ACT_WHOLE_FIRST   /* the word as a first part, before a hyphen and a word */
};

struct act {
        const struct entry *e;
        unsigned kind, lang; /* lang: for ACT_LEMMAS, the language's place in the table */
};

/* The actions of each word as written, found once and replayed wherever the word recurs:
 * most words of a text are a few recurring ones, and most find nothing. */
struct plan_slot {
        uint64_t lo, hi;    /* the word's th_word_id */
        uint32_t word, len; /* as written, in `bytes`; len 0: a free slot */
        uint32_t act, nact; /* in `acts` */
};

struct plans {
        struct plan_slot *slots;
        size_t nslots, used;
        char *bytes;
        size_t nbytes, abytes;
        struct act *acts;
        size_t nacts, aacts;
};

struct th_word_index {
        struct match **v; /* per lexicon id */
        size_t *nr, *alloc;
        size_t *hint; /* where the last find ended: plugins walk a text forwards */
        const struct th_lexicon *const *lexicons;
        size_t nlexicons;
        const struct th_word_table *table; /* whose plans these are */
        struct plans plans;
        size_t confirmations;
};

#define FOLD_MAX 256

static int contains(const char *hay, size_t n, const char *needle, size_t m);
static int bit3(const unsigned char *bits, const char *k);

static uint64_t hash_bytes(const char *s, size_t n)
{
        uint64_t h = 1469598103934665603ull;
        for (size_t i = 0; i < n; i++)
                h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
        return h;
}

/* The suffix map hashes its keys back to front, so that every suffix of a word is one step. */
static uint64_t hash_reversed(const char *s, size_t n)
{
        uint64_t h = 1469598103934665603ull;
        for (size_t i = n; i > 0; i--)
                h = (h ^ (unsigned char)s[i - 1]) * 1099511628211ull;
        return h;
}

size_t th_word_fold(const char *word, size_t n, char *out, size_t cap)
{
        size_t k = 0;
        for (size_t i = 0; i < n;) {
                size_t len;
                uint32_t cp =
                    th_utf8_fold(th_utf8_decode((const unsigned char *)word + i, n - i, &len));
                if (cp < 0x80) {
                        if (k + 1 > cap)
                                return 0;
                        out[k++] = (char)cp;
                } else {
                        if (k + len > cap)
                                return 0;
                        memcpy(out + k, word + i, len); /* kept as written: no case folding */
                        k += len;
                }
                i += len;
        }
        return k;
}

static struct entry *map_get(struct map *m, const char *key, size_t len, uint64_t h, int add)
{
        if (!m->buckets) {
                m->nbuckets = 1024;
                m->buckets = th_xcalloc(m->nbuckets, sizeof(*m->buckets));
        }
        struct entry **slot = &m->buckets[h & (m->nbuckets - 1)];
        for (struct entry *e = *slot; e; e = e->next)
                if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
                        return e;
        if (!add)
                return NULL;
        struct entry *e = th_xcalloc(1, sizeof(*e));
        e->key = th_xstrndup(key, len);
        e->len = len;
        e->hash = h;
        e->next = *slot;
        *slot = e;
        if (len < sizeof(m->lens))
                m->lens[len] = 1;
        return e;
}

/* Three bytes hashed to 16 bits, for the prefix and suffix filters. */
static unsigned three(const char *k)
{
        return ((unsigned char)k[0] * 961u + (unsigned char)k[1] * 31u + (unsigned char)k[2]) &
               0xFFFFu;
}

static void add_target(struct entry *e, struct target t)
{
        TH_GROW(e->targets, e->ntargets + 1, e->atargets);
        e->targets[e->ntargets++] = t;
}

static void add_key(struct th_word_table *t, enum key_kind kind, const char *key, size_t len,
                    struct target target)
{
        if (len == 0 || len >= FOLD_MAX)
                return;
        if (kind == KEY_PREFIX && len >= 3) {
                unsigned b = three(key);
                t->prefix3[b >> 3] |= (unsigned char)(1u << (b & 7));
        }
        if (kind == KEY_SUFFIX && len >= 3) {
                unsigned b = three(key + len - 3);
                t->suffix3[b >> 3] |= (unsigned char)(1u << (b & 7));
        }
        if (kind == KEY_PREFIX && len > t->max_prefix)
                t->max_prefix = len;
        if (kind == KEY_SUFFIX && len > t->max_suffix)
                t->max_suffix = len;
        if (kind == KEY_WORD) {
                uint64_t h = hash_bytes(key, len) & ((sizeof(t->words_bloom) << 3) - 1);
                t->words_bloom[h >> 3] |= (unsigned char)(1u << (h & 7));
        }
        struct entry *e;
        if (kind == KEY_INFIX) {
                for (size_t i = 0; i < t->ninfixes; i++)
                        if (t->infixes[i]->len == len && !memcmp(t->infixes[i]->key, key, len)) {
                                add_target(t->infixes[i], target);
                                return;
                        }
                e = th_xcalloc(1, sizeof(*e));
                e->key = th_xstrndup(key, len);
                e->len = len;
                TH_GROW(t->infixes, t->ninfixes + 1, t->ainfixes);
                t->infixes[t->ninfixes++] = e;
        } else {
                uint64_t h = kind == KEY_SUFFIX ? hash_reversed(key, len) : hash_bytes(key, len);
                e = map_get(&t->maps[kind], key, len, h, 1);
        }
        add_target(e, target);
}

/* A run of word characters in a form: where, and how long in bytes. */
struct run {
        size_t start, end;
};

static size_t word_runs(const char *s, size_t n, struct run *runs, size_t max)
{
        size_t nr = 0, i = 0;
        while (i < n && nr < max) {
                size_t len;
                while (i < n &&
                       !th_utf8_is_word(th_utf8_decode((const unsigned char *)s + i, n - i, &len)))
                        i += len;
                if (i >= n)
                        break;
                runs[nr].start = i;
                while (i < n &&
                       th_utf8_is_word(th_utf8_decode((const unsigned char *)s + i, n - i, &len)))
                        i += len;
                runs[nr++].end = i;
        }
        return nr;
}

static long add_confirm(struct th_word_table *t, const char *form, int exact)
{
        TH_GROW(t->confirm, t->nconfirm + 1, t->aconfirm);
        t->confirm_src = th_xrealloc(t->confirm_src, t->aconfirm * sizeof(*t->confirm_src));
        t->confirm[t->nconfirm] = NULL;
        t->confirm_src[t->nconfirm] = (struct confirm_form){form, exact};
        return (long)t->nconfirm++;
}

/* The confirming pattern `i`, written and compiled on its first use (most forms are
 * never met in a short text: start-up writes none). */
static struct th_regex *confirm_pattern(const struct th_word_table *t, long i, struct th_scratch *s)
{
        struct th_word_table *mt = (struct th_word_table *)t; /* a cache: see th_lexicon_find */
        if (mt->confirm[i])
                return mt->confirm[i];
        char why[256], *re = th_lexicon_form_regex(t->confirm_src[i].form, t->confirm_src[i].exact);
        char *src = th_xasprintf("(?<![\\p{L}\\p{N}])(?:%s)(?![\\p{L}\\p{N}])", re);
        size_t at;
        if (!(mt->confirm[i] = th_regex_compile(src, why, sizeof(why), &at)))
                th_scratch_fail(s, why);
        free(src);
        free(re);
        return mt->confirm[i];
}

/* Is body[r) one of the language's common words? */
static int is_common(const struct th_word_morphology *lang, const char *body, struct run r)
{
        char key[FOLD_MAX];
        size_t k = th_word_fold(body + r.start, r.end - r.start, key, sizeof(key));
        for (size_t i = 0; lang && k && i < lang->ncommon; i++) /* the first byte first */
                if (lang->common[i][0] == key[0] && strlen(lang->common[i]) == k &&
                    !memcmp(lang->common[i], key, k))
                        return 1;
        return 0;
}

/* Enter form `f` of lexicon `x` (of language `lang`, or NULL) under the word that anchors
 * it. */
static void add_form(struct th_word_table *t, const struct th_lexicon *x, size_t f,
                     const struct th_word_morphology *lang)
{
        const char *form = x->forms[f];
        int exact = x->form_exact && x->form_exact[f];
        size_t n = strlen(form);
        int star_start = n && form[0] == '*', star_end = n > 1 && form[n - 1] == '*';
        const char *body = form + star_start;
        size_t blen = n - (size_t)star_start - (size_t)star_end;
        struct run runs[32];
        size_t nruns = word_runs(body, blen, runs, 32);
        if (nruns == 0)
                return;
        struct target tg = {x->id, f, exact, -1, 0, 0};
        char key[FOLD_MAX];
        if (nruns == 1 && runs[0].start == 0 && runs[0].end == blen) {
                size_t k = th_word_fold(body, blen, key, sizeof(key));
                enum key_kind kind = star_start && star_end ? KEY_INFIX
                                     : star_end             ? KEY_PREFIX
                                     : star_start           ? KEY_SUFFIX
                                                            : KEY_WORD;
                add_key(t, kind, key, k, tg);
                return;
        }
        /* Several words or punctuation: anchor on the longest word that is not one of the
         * language's commonest, confirm with a pattern (each anchor met runs it). */
        size_t best = 0;
        int best_common = is_common(lang, body, runs[0]);
        for (size_t i = 1; i < nruns; i++) {
                int common = is_common(lang, body, runs[i]);
                if (common < best_common ||
                    (common == best_common &&
                     runs[i].end - runs[i].start > runs[best].end - runs[best].start)) {
                        best = i;
                        best_common = common;
                }
        }
        tg.confirm = add_confirm(t, form, exact);
        tg.before = runs[best].start + (size_t)star_start;
        tg.after = n - runs[best].end - (size_t)star_start;
        if (th_lexicon_form_has_gap(form)) { /* the window takes 4 bytes a byte of form */
                tg.before += TH_LEXICON_GAP * 16;
                tg.after += TH_LEXICON_GAP * 16;
        }
        enum key_kind kind = KEY_WORD;
        if (best == 0 && star_start && runs[0].start == 0)
                kind = KEY_SUFFIX;
        if (best == nruns - 1 && star_end && runs[best].end == blen)
                kind = kind == KEY_SUFFIX ? KEY_INFIX : KEY_PREFIX;
        size_t k = th_word_fold(body + runs[best].start, runs[best].end - runs[best].start, key,
                                sizeof(key));
        add_key(t, kind, key, k, tg);
        /* "campagne-overleg" is also written "campagneoverleg": anchor that word too. */
        int hyphens_only = 1;
        for (size_t i = 1; i < nruns && hyphens_only; i++)
                hyphens_only = runs[i].start == runs[i - 1].end + 1 && body[runs[i - 1].end] == '-';
        if (hyphens_only && nruns > 1 && runs[0].start == 0 && runs[nruns - 1].end == blen) {
                char joined[FOLD_MAX];
                size_t j = 0;
                for (size_t i = 0; i < nruns; i++) {
                        size_t len = runs[i].end - runs[i].start;
                        if (j + len >= sizeof(joined))
                                return;
                        memcpy(joined + j, body + runs[i].start, len);
                        j += len;
                }
                k = th_word_fold(joined, j, key, sizeof(key));
                tg.before = (size_t)star_start;
                tg.after = (size_t)star_end;
                add_key(t,
                        star_start && star_end ? KEY_INFIX
                        : star_end             ? KEY_PREFIX
                        : star_start           ? KEY_SUFFIX
                                               : KEY_WORD,
                        key, k, tg);
        }
}

static void add_morph_key(struct map *m, unsigned char *bits, size_t *min, size_t *max,
                          const char *key, size_t len, struct target tg)
{
        if (len < 3 || len >= FOLD_MAX)
                return;
        unsigned b = three(key);
        if (bits)
                bits[b >> 3] |= (unsigned char)(1u << (b & 7));
        if (!*min || len < *min)
                *min = len;
        if (len > *max)
                *max = len;
        struct entry *e = map_get(m, key, len, hash_bytes(key, len), 1);
        for (size_t i = 0; i < e->ntargets; i++)
                if (e->targets[i].lexicon == tg.lexicon && e->targets[i].form == tg.form)
                        return;
        add_target(e, tg);
}

static void set_prefix(struct lang_morph *L, const char *key, size_t n)
{
        if (n >= 4) {
                unsigned b = th_morphology_prefix(key);
                L->lemma4[b >> 3] |= (unsigned char)(1u << (b & 7));
        }
}

static int has_prefix(const struct lang_morph *L, const char *key)
{
        unsigned b = th_morphology_prefix(key);
        return L->lemma4[b >> 3] >> (b & 7) & 1;
}

/* The folded key of form `f` of lexicon `x` when it gets morphology (a single word, no
 * '*', not exact-case, long enough), else 0. */
static size_t morph_key(const struct th_lexicon *x, size_t f, char *key)
{
        const char *form = x->forms[f];
        size_t n = strlen(form);
        if (x->no_morphology || (x->form_exact && x->form_exact[f]) || n == 0 || form[0] == '*' ||
            form[n - 1] == '*')
                return 0;
        struct run runs[2];
        if (word_runs(form, n, runs, 2) != 1 || runs[0].start != 0 || runs[0].end != n)
                return 0;
        size_t k = th_word_fold(form, n, key, FOLD_MAX);
        return k >= TH_LEXICON_MORPH_MIN ? k : 0;
}

/* Key form `f` of lexicon `x` for morphology: a single word, as written and by lemma. */
static void add_morph_form(struct lang_morph *L, const struct th_lexicon *x, size_t f)
{
        const char *form = x->forms[f];
        size_t n = strlen(form);
        char key[FOLD_MAX];
        size_t k = morph_key(x, f, key);
        if (!k)
                return;
        struct target tg = {x->id, f, 0, -1, 0, 0};
        const char *lemmas[8];
        size_t nl = th_morphology_lemmas(L->m, form, n, lemmas, 8);
        add_morph_key(&L->lemmas, NULL, &L->lemma_min, &L->lemma_max, key, k, tg);
        set_prefix(L, key, k);
        for (size_t i = 0; i < nl; i++) {
                add_morph_key(&L->lemmas, NULL, &L->lemma_min, &L->lemma_max, lemmas[i],
                              strlen(lemmas[i]), tg);
                set_prefix(L, lemmas[i], strlen(lemmas[i]));
        }
        if (x->compounds & TH_COMPOUND_HEAD) {
                add_morph_key(&L->heads, L->head3, &L->head_min, &L->head_max, key, k, tg);
                for (size_t i = 0; i < nl; i++)
                        add_morph_key(&L->heads, L->head3, &L->head_min, &L->head_max, lemmas[i],
                                      strlen(lemmas[i]), tg);
        }
        if (x->compounds & TH_COMPOUND_FIRST)
                add_morph_key(&L->firsts, L->first3, &L->first_min, &L->first_max, key, k, tg);
}

/* The morphology of lexicon `x`'s language, or NULL. */
/* The language of lexicon `x` among `langs`, or NULL. */
static const struct th_word_morphology *language_of(const struct th_word_morphology *langs,
                                                    size_t n, const struct th_lexicon *x)
{
        for (size_t i = 0; i < n; i++) {
                size_t len = strlen(langs[i].lang);
                if (!strncmp(x->name, langs[i].lang, len) && x->name[len] == '/')
                        return &langs[i];
        }
        return NULL;
}

static struct lang_morph *morph_of(struct th_word_table *t, const struct th_lexicon *x)
{
        for (size_t i = 0; i < t->nmorph; i++)
                if (!strncmp(x->name, t->morph[i].lang, t->morph[i].langlen) &&
                    x->name[t->morph[i].langlen] == '/')
                        return &t->morph[i];
        return NULL;
}

static const struct entry *get(const struct map *m, const char *k, size_t n);

static int has_target(const struct entry *e, const struct target *tg)
{
        for (size_t i = 0; i < e->ntargets; i++)
                if (e->targets[i].lexicon == tg->lexicon && e->targets[i].form == tg->form)
                        return 1;
        return 0;
}

/* Whether the lemma keys `e` of word-map entry `w` lead to forms `w` does not. */
static int more(const struct entry *w, const struct entry *e)
{
        for (size_t i = 0; e && i < e->ntargets; i++)
                if (!has_target(w, &e->targets[i]))
                        return 1;
        return 0;
}

/* A text word found in the word map needs its lemmas only when they lead further
 * ("stemmen" a term of one lexicon, "stem" of another): mark those words. */
static void mark_words(struct th_word_table *t)
{
        struct map *words = &t->maps[KEY_WORD];
        for (size_t li = 0; li < t->nmorph; li++) {
                struct lang_morph *L = &t->morph[li];
                for (size_t b = 0; L->lemmas.buckets && b < words->nbuckets; b++)
                        for (struct entry *e = words->buckets[b]; e; e = e->next) {
                                if (e->morph || e->len < 4 || !has_prefix(L, e->key))
                                        continue;
                                e->morph = more(e, get(&L->lemmas, e->key, e->len));
                                const char *lemmas[8];
                                size_t nl = th_morphology_lemmas(L->m, e->key, e->len, lemmas, 8);
                                for (size_t i = 0; i < nl && !e->morph; i++)
                                        e->morph =
                                            more(e, get(&L->lemmas, lemmas[i], strlen(lemmas[i])));
                        }
        }
}

struct th_word_table *th_word_table_new(const struct th_lexicons *l,
                                        const struct th_word_morphology *morph, size_t nmorph)
{
        struct th_word_table *t = th_xcalloc(1, sizeof(*t));
        for (uint32_t c = 0; c < 128; c++)
                t->ascii_fold[c] = th_utf8_is_word(c) ? (unsigned char)th_utf8_fold(c) : 0;
        t->morph = th_xcalloc(nmorph ? nmorph : 1, sizeof(*t->morph));
        for (size_t i = 0; i < nmorph; i++)
                if (morph[i].morphology && morph[i].lang) {
                        struct lang_morph *L = &t->morph[t->nmorph++];
                        L->lang = morph[i].lang;
                        L->langlen = strlen(morph[i].lang);
                        L->m = morph[i].morphology;
                }
        t->nlexicons = th_lexicons_compiled(l);
        t->lexicons = th_xcalloc(t->nlexicons ? t->nlexicons : 1, sizeof(*t->lexicons));
        /* First say which words' lemmas matter, so that the dictionary loads once. */
        for (size_t id = 0; id < t->nlexicons && t->nmorph; id++) {
                const struct th_lexicon *x = th_lexicons_compiled_at(l, id);
                struct lang_morph *L = morph_of(t, x);
                char key[FOLD_MAX];
                for (size_t f = 0; L && f < x->nforms; f++) {
                        size_t k = morph_key(x, f, key);
                        if (k)
                                th_morphology_want(L->m, key, k);
                }
        }
        for (size_t id = 0; id < t->nlexicons; id++) {
                const struct th_lexicon *x = th_lexicons_compiled_at(l, id);
                struct lang_morph *L = morph_of(t, x);
                const struct th_word_morphology *lang = language_of(morph, nmorph, x);
                t->lexicons[id] = x;
                for (size_t f = 0; f < x->nforms; f++) {
                        add_form(t, x, f, lang);
                        if (L)
                                add_morph_form(L, x, f);
                }
        }
        mark_words(t);
        return t;
}

static void entry_free(struct entry *e)
{
        free(e->key);
        free(e->targets);
        free(e);
}

static void map_free(struct map *m)
{
        for (size_t b = 0; b < m->nbuckets; b++)
                for (struct entry *e = m->buckets[b], *next; e; e = next) {
                        next = e->next;
                        entry_free(e);
                }
        free(m->buckets);
}

void th_word_table_free(struct th_word_table *t)
{
        if (!t)
                return;
        for (int m = 0; m < 3; m++)
                map_free(&t->maps[m]);
        for (size_t i = 0; i < t->nmorph; i++) {
                map_free(&t->morph[i].lemmas);
                map_free(&t->morph[i].heads);
                map_free(&t->morph[i].firsts);
        }
        free(t->morph);
        for (size_t i = 0; i < t->ninfixes; i++)
                entry_free(t->infixes[i]);
        free(t->infixes);
        for (size_t i = 0; i < t->nconfirm; i++)
                th_regex_free(t->confirm[i]);
        free(t->confirm);
        free(t->confirm_src);
        free(t->lexicons);
        free(t);
}

size_t th_word_table_lexicons(const struct th_word_table *t)
{
        return t->nlexicons;
}

static void add_match(struct th_word_index *x, size_t lexicon, size_t start, size_t end,
                      size_t form)
{
        TH_GROW(x->v[lexicon], x->nr[lexicon] + 1, x->alloc[lexicon]);
        struct match *m = &x->v[lexicon][x->nr[lexicon]++];
        m->start = (uint32_t)start;
        m->end = (uint32_t)end;
        m->form = (uint32_t)form;
}

/* Record what target `tg` finds at the word text[ws, we). */
static int hit(const struct th_word_table *t, struct th_word_index *x, struct th_scratch *s,
               const struct target *tg, const char *text, size_t len, size_t ws, size_t we)
{
        if (tg->confirm < 0) {
                const char *form = t->lexicons[tg->lexicon]->forms[tg->form];
                if (!tg->exact || (strlen(form) == we - ws && !memcmp(form, text + ws, we - ws)))
                        add_match(x, tg->lexicon, ws, we, tg->form);
                return 0;
        }
        size_t from = ws > 4 * tg->before + 8 ? ws - 4 * tg->before - 8 : 0;
        size_t to = len - we > 4 * tg->after + 8 ? we + 4 * tg->after + 8 : len;
        size_t ov[2];
        int rc = 0;
        struct th_regex *re = confirm_pattern(t, tg->confirm, s);
        if (!re)
                return -1;
        x->confirmations++;
        while ((rc = th_regex_find(re, s, text, to, from, ov, 1)) == 1 && ov[0] <= ws) {
                if (ov[1] >= we) {
                        add_match(x, tg->lexicon, ov[0], ov[1], tg->form);
                        break;
                }
                from = ov[1] > from ? ov[1] : from + 1;
        }
        return rc < 0 ? -1 : 0;
}

static int hits(const struct th_word_table *t, struct th_word_index *x, struct th_scratch *s,
                const struct entry *e, const char *text, size_t len, size_t ws, size_t we)
{
        for (size_t i = 0; e && i < e->ntargets; i++)
                if (hit(t, x, s, &e->targets[i], text, len, ws, we) < 0)
                        return -1;
        return 0;
}

static void push(struct plans *p, const struct entry *e, enum act_kind kind, size_t lang)
{
        if (!e && kind != ACT_LEMMAS)
                return;
        TH_GROW(p->acts, p->nacts + 1, p->aacts);
        p->acts[p->nacts++] = (struct act){e, kind, (unsigned)lang};
}

/* Plan the folded word key[0, n) (hash wh) in every map. */
static const struct entry *plan_maps(struct plans *p, const struct th_word_table *t,
                                     const char *key, size_t n, uint64_t wh)
{
        const struct map *words = &t->maps[KEY_WORD], *pre = &t->maps[KEY_PREFIX],
                         *suf = &t->maps[KEY_SUFFIX];
        const struct entry *word = NULL;
        uint64_t bit = wh & ((sizeof(t->words_bloom) << 3) - 1);
        if (words->buckets && (t->words_bloom[bit >> 3] >> (bit & 7) & 1)) {
                word = map_get((struct map *)words, key, n, wh, 0);
                push(p, word, ACT_HITS, 0);
        }
        /* Keys shorter than three bytes are not in the filters; look them up always. */
        unsigned head = n >= 3 ? three(key) : 0, tail = n >= 3 ? three(key + n - 3) : 0;
        int pre_ok =
            pre->lens[1] || pre->lens[2] || (n >= 3 && (t->prefix3[head >> 3] >> (head & 7) & 1));
        int suf_ok =
            suf->lens[1] || suf->lens[2] || (n >= 3 && (t->suffix3[tail >> 3] >> (tail & 7) & 1));
        uint64_t h = 1469598103934665603ull;
        for (size_t k = 0; pre_ok && pre->buckets && k < n && k < t->max_prefix; k++) {
                h = (h ^ (unsigned char)key[k]) * 1099511628211ull;
                if (pre->lens[k + 1])
                        push(p, map_get((struct map *)pre, key, k + 1, h, 0), ACT_HITS, 0);
        }
        h = 1469598103934665603ull;
        for (size_t k = 0; suf_ok && suf->buckets && k < n && k < t->max_suffix; k++) {
                h = (h ^ (unsigned char)key[n - 1 - k]) * 1099511628211ull;
                if (suf->lens[k + 1])
                        push(p, map_get((struct map *)suf, key + n - 1 - k, k + 1, h, 0), ACT_HITS,
                             0);
        }
        for (size_t i = 0; i < t->ninfixes; i++)
                if (contains(key, n, t->infixes[i]->key, t->infixes[i]->len))
                        push(p, t->infixes[i], ACT_HITS, 0);
        return word;
}

static int contains(const char *hay, size_t n, const char *needle, size_t m)
{
        for (size_t i = 0; m <= n && i <= n - m; i++)
                if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
                        return 1;
        return 0;
}

/* Morphology ----------------------------------------------------------------- */

static int bit3(const unsigned char *bits, const char *k)
{
        unsigned b = three(k);
        return bits[b >> 3] >> (b & 7) & 1;
}

static const struct entry *get(const struct map *m, const char *k, size_t n)
{
        return m->buckets ? map_get((struct map *)m, k, n, hash_bytes(k, n), 0) : NULL;
}

static void morph_hits(struct th_word_index *x, const struct entry *e, size_t start, size_t end)
{
        for (size_t i = 0; e && i < e->ntargets; i++)
                add_match(x, e->targets[i].lexicon, start, end, e->targets[i].form);
}

/* The end of the word ending at `we` with an apostrophe-s plural ("video's"). */
static size_t apostrophe_s(const unsigned char *u, size_t len, size_t we)
{
        size_t a = 0;
        if (we < len && u[we] == '\'')
                a = 1;
        else if (we + 2 < len && u[we] == 0xE2 && u[we + 1] == 0x80 && u[we + 2] == 0x99)
                a = 3;
        if (!a || we + a >= len || (u[we + a] != 's' && u[we + a] != 'S'))
                return we;
        size_t e = we + a + 1;
        return th_word_scan_end(u, len, e) == e ? e : we;
}

/* Entries of `m` for w[0, n) as written, else by its lemmas. */
static void plan_by_lemma(struct plans *p, const struct lang_morph *L, const struct map *m,
                          const char *w, size_t n, size_t max, enum act_kind kind)
{
        const struct entry *e = get(m, w, n);
        if (e) {
                push(p, e, kind, 0);
                return;
        }
        if (n > max + 8)
                return;
        const char *lemmas[8];
        size_t nl = th_morphology_lemmas(L->m, w, n, lemmas, 8);
        for (size_t i = 0; i < nl; i++)
                push(p, get(m, lemmas[i], strlen(lemmas[i])), kind, 0);
}

/* Plan the word w[0, wlen), folded key[0, n), by inflection and as a compound; `plain`:
 * the word map found it, and its lemmas lead to no other form (mark_words). */
static void plan_morph(struct plans *p, const struct th_word_table *t, const char *key, size_t n,
                       const char *w, size_t wlen, int plain)
{
        for (size_t li = 0; li < t->nmorph; li++) {
                const struct lang_morph *L = &t->morph[li];
                if (L->lemmas.buckets && n >= 4 && n <= L->lemma_max + 8 && has_prefix(L, key)) {
                        push(p, get(&L->lemmas, key, n), ACT_APOS, 0);
                        if (plain) {
                                push(p, NULL, ACT_LEMMAS, li);
                        } else {
                                const char *lemmas[8];
                                size_t nl = th_morphology_lemmas(L->m, w, wlen, lemmas, 8);
                                for (size_t i = 0; i < nl; i++)
                                        push(p, get(&L->lemmas, lemmas[i], strlen(lemmas[i])),
                                             ACT_WORD, 0);
                        }
                }
                if (L->heads.buckets && n >= 3) {
                        if (bit3(L->head3, key))
                                plan_by_lemma(p, L, &L->heads, key, n, L->head_max,
                                              ACT_AFTER_HYPHEN);
                        for (size_t q = 3; q + L->head_min <= n; q++)
                                if ((key[q] & 0xC0) != 0x80 && bit3(L->head3, key + q))
                                        plan_by_lemma(p, L, &L->heads, key + q, n - q, L->head_max,
                                                      ACT_WORD);
                }
                if (L->firsts.buckets && n >= L->first_min && bit3(L->first3, key)) {
                        const struct map *m = &L->firsts;
                        uint64_t h = 1469598103934665603ull;
                        for (size_t q = 0; q < n && q < L->first_max; q++) {
                                h = (h ^ (unsigned char)key[q]) * 1099511628211ull;
                                size_t pl = q + 1;
                                if (!m->lens[pl] ||
                                    (pl < n && (n - pl < 3 || (key[pl] & 0xC0) == 0x80)))
                                        continue;
                                push(p, map_get((struct map *)m, key, pl, h, 0),
                                     pl < n ? ACT_WORD : ACT_WHOLE_FIRST, 0);
                        }
                }
        }
}

/* Do the actions a[0, na) at the word text[ws, we); the previous word was text[pws, pwe)
 * (pwe == 0: none). */
static int replay(const struct th_word_table *t, struct th_word_index *x, struct th_scratch *s,
                  const struct act *a, size_t na, const char *text, size_t len, size_t ws,
                  size_t we, size_t pws, size_t pwe)
{
        const unsigned char *u = (const unsigned char *)text;
        size_t end = apostrophe_s(u, len, we);
        for (size_t i = 0; i < na; i++) {
                const struct entry *e = a[i].e;
                switch ((enum act_kind)a[i].kind) {
                case ACT_HITS:
                        if (hits(t, x, s, e, text, len, ws, we) < 0)
                                return -1;
                        break;
                case ACT_APOS:
                        if (end != we)
                                morph_hits(x, e, ws, end);
                        break;
                case ACT_WORD:
                        morph_hits(x, e, ws, end);
                        break;
                case ACT_LEMMAS:
                        if (end != we) {
                                const struct lang_morph *L = &t->morph[a[i].lang];
                                const char *lemmas[8];
                                size_t nl =
                                    th_morphology_lemmas(L->m, text + ws, we - ws, lemmas, 8);
                                for (size_t k = 0; k < nl; k++)
                                        morph_hits(x, get(&L->lemmas, lemmas[k], strlen(lemmas[k])),
                                                   ws, end);
                        }
                        break;
                case ACT_AFTER_HYPHEN:
                        if (pwe && pwe + 1 == ws && text[pwe] == '-')
                                morph_hits(x, e, pws, end);
                        break;
                case ACT_WHOLE_FIRST:
                        if (we + 1 < len && text[we] == '-' &&
                            th_word_scan_end(u, len, we + 1) > we + 1)
                                morph_hits(x, e, ws,
                                           apostrophe_s(u, len, th_word_scan_end(u, len, we + 1)));
                        break;
                }
        }
        return 0;
}

/* Plans kept: enough for the distinct words of a long text; a word beyond is planned
 * each time it occurs. */
enum { PLANS_MAX = 1 << 15 };

static inline size_t slot_of(const struct plans *p, uint64_t h, struct th_word_id id,
                             const unsigned char *w)
{
        size_t i = (size_t)h & (p->nslots - 1);
        for (;; i = (i + 1) & (p->nslots - 1)) {
                const struct plan_slot *sl = &p->slots[i];
                if (!sl->len ||
                    (sl->lo == id.lo && sl->hi == id.hi && sl->len == id.len &&
                     (id.len <= 16 || !memcmp(p->bytes + sl->word + 16, w + 16, id.len - 16))))
                        return i;
        }
}

static void plans_grow(struct plans *p)
{
        struct plan_slot *old = p->slots;
        size_t n = p->nslots;
        p->nslots = n ? 2 * n : 1024;
        p->slots = th_xcalloc(p->nslots, sizeof(*p->slots));
        for (size_t i = 0; i < n; i++) {
                if (!old[i].len)
                        continue;
                const unsigned char *w = (const unsigned char *)p->bytes + old[i].word;
                struct th_word_id id = {old[i].lo, old[i].hi, old[i].len};
                p->slots[slot_of(p, th_word_id_hash(id, w), id, w)] = old[i];
        }
        free(old);
}

/* Fold the word u[ws, we) into key[0, *n) as the table's keys are folded, with its hash;
 * 0 when it is too long a key. */
static int fold_key(const struct th_word_table *t, const unsigned char *u, size_t ws, size_t we,
                    char *key, size_t *n, uint64_t *h)
{
        size_t k = 0;
        for (size_t i = ws; i < we;) {
                size_t clen = 1;
                uint32_t cp = u[i] < 0x80 ? t->ascii_fold[u[i]]
                                          : th_utf8_fold(th_utf8_decode(u + i, we - i, &clen));
                size_t add = cp < 0x80 ? 1 : clen;
                if (k + add >= FOLD_MAX)
                        return 0;
                if (cp < 0x80)
                        key[k] = (char)cp;
                else
                        memcpy(key + k, u + i, clen);
                k += add;
                i += clen;
        }
        *n = k;
        *h = hash_bytes(key, k);
        return 1;
}

/* Index the word text[ws, we) (id `id`, hash h): replay its plan, or plan it. */
static int index_word(const struct th_word_table *t, struct th_word_index *x, struct th_scratch *s,
                      struct th_word_id id, uint64_t h, const char *text, size_t len, size_t ws,
                      size_t we, size_t pws, size_t pwe)
{
        struct plans *p = &x->plans;
        const unsigned char *w = (const unsigned char *)text + ws;
        if (p->used * 2 >= p->nslots && p->used < PLANS_MAX)
                plans_grow(p);
        size_t i = slot_of(p, h, id, w);
        if (p->slots[i].len) /* most words find nothing */
                return p->slots[i].nact ? replay(t, x, s, p->acts + p->slots[i].act,
                                                 p->slots[i].nact, text, len, ws, we, pws, pwe)
                                        : 0;
        size_t first = p->nacts;
        char key[FOLD_MAX];
        size_t n;
        uint64_t kh;
        if (fold_key(t, (const unsigned char *)text, ws, we, key, &n, &kh)) {
                const struct entry *word = plan_maps(p, t, key, n, kh);
                if (t->nmorph)
                        plan_morph(p, t, key, n, text + ws, id.len, word && !word->morph);
        }
        size_t na = p->nacts - first;
        int rc = na ? replay(t, x, s, p->acts + first, na, text, len, ws, we, pws, pwe) : 0;
        if (p->used >= PLANS_MAX) { /* full: this word's plan is not kept */
                p->nacts = first;
                return rc;
        }
        TH_GROW(p->bytes, p->nbytes + id.len, p->abytes);
        memcpy(p->bytes + p->nbytes, w, id.len);
        p->slots[i] = (struct plan_slot){
            id.lo, id.hi, (uint32_t)p->nbytes, (uint32_t)id.len, (uint32_t)first, (uint32_t)na};
        p->nbytes += id.len;
        p->used++;
        return rc;
}

static int by_start_longest(const void *a, const void *b)
{
        const struct match *x = a, *y = b;
        if (x->start != y->start)
                return x->start < y->start ? -1 : 1;
        return x->end > y->end ? -1 : x->end < y->end;
}

/* Keep what a scan would: leftmost, then longest, never overlapping. */
static void settle(struct match *v, size_t *nr)
{
        /* Matches come in the order of their words; only a form anchored on a later word
         * of itself (or two forms at one place) can be out of order. */
        int sorted = 1;
        for (size_t i = 1; i < *nr && sorted; i++)
                sorted = by_start_longest(&v[i - 1], &v[i]) <= 0;
        if (!sorted)
                qsort(v, *nr, sizeof(v[0]), by_start_longest);
        size_t out = 0;
        for (size_t i = 0; i < *nr; i++)
                if (out == 0 || v[i].start >= v[out - 1].end)
                        v[out++] = v[i];
        *nr = out;
}

/* An index for the lexicons of `t`: `old`, emptied, when it is one (its arrays kept but
 * for the largest: an engine indexes a record after a record), else a new one. */
static struct th_word_index *empty_index(struct th_word_index *old, const struct th_word_table *t)
{
        enum { KEEP = 1 << 16 }; /* matches of a lexicon */
        if (old && old->table == t) {
                for (size_t id = 0; id < old->nlexicons; id++) {
                        old->nr[id] = old->hint[id] = 0;
                        if (old->alloc[id] > KEEP) {
                                free(old->v[id]);
                                old->v[id] = NULL;
                                old->alloc[id] = 0;
                        }
                }
                old->confirmations = 0;
                return old;
        }
        th_word_index_free(old);
        struct th_word_index *x = th_xcalloc(1, sizeof(*x));
        size_t n = t->nlexicons ? t->nlexicons : 1;
        x->v = th_xcalloc(n, sizeof(*x->v));
        x->nr = th_xcalloc(n, sizeof(size_t));
        x->alloc = th_xcalloc(n, sizeof(size_t));
        x->hint = th_xcalloc(n, sizeof(size_t));
        x->lexicons = t->lexicons;
        x->nlexicons = t->nlexicons;
        x->table = t;
        return x;
}

struct th_word_index *th_word_index_build(const struct th_word_table *t, struct th_scratch *s,
                                          const char *text, size_t len)
{
        return th_word_index_rebuild(NULL, t, s, text, len);
}

struct th_word_index *th_word_index_rebuild(struct th_word_index *old,
                                            const struct th_word_table *t, struct th_scratch *s,
                                            const char *text, size_t len)
{
        struct th_word_index *x = empty_index(old, t);
        const unsigned char *u = (const unsigned char *)text;
        const unsigned char *ascii_fold = t->ascii_fold;
        size_t pws = 0, pwe = 0; /* the previous word */
        for (size_t i = 0; i < len;) {
                size_t clen = 1;
                if (!ascii_fold[u[i]] && /* 0 also for the bytes from 0x80 */
                    (u[i] < 0x80 || !th_utf8_is_word(th_utf8_decode(u + i, len - i, &clen)))) {
                        i += clen;
                        continue;
                }
                size_t ws = i;
                i = th_word_scan_end(u, len, i + clen);
                struct th_word_id id = th_word_id_of(u, len, ws, i);
                if (index_word(t, x, s, id, th_word_id_hash(id, u + ws), text, len, ws, i, pws,
                               pwe) < 0) {
                        th_word_index_free(x);
                        return NULL;
                }
                pws = ws;
                pwe = i;
        }
        for (size_t id = 0; id < t->nlexicons; id++)
                settle(x->v[id], &x->nr[id]);
        return x;
}

void th_word_index_free(struct th_word_index *x)
{
        if (!x)
                return;
        for (size_t i = 0; i < (x->nlexicons ? x->nlexicons : 1); i++)
                free(x->v[i]);
        free(x->v);
        free(x->nr);
        free(x->alloc);
        free(x->hint);
        free(x->plans.slots);
        free(x->plans.bytes);
        free(x->plans.acts);
        free(x);
}

int th_word_index_find(const struct th_word_index *x, const struct th_lexicon *lex, size_t len,
                       size_t start, size_t *mstart, size_t *mend, const char **term)
{
        if (lex->id >= x->nlexicons || x->lexicons[lex->id] != lex)
                return -1;
        const struct match *v = x->v[lex->id];
        size_t nr = x->nr[lex->id], lo = 0, hi = nr, h = x->hint[lex->id];
        /* Most calls ask just after the previous answer: look there before bisecting. */
        if (h <= nr && (h == 0 || v[h - 1].start < start)) {
                size_t k = h;
                while (k < nr && k < h + 4 && v[k].start < start)
                        k++;
                if (k == nr || v[k].start >= start)
                        lo = hi = k;
                else
                        lo = k;
        }
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (v[mid].start < start)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        ((struct th_word_index *)x)->hint[lex->id] = lo; /* a cache, see th_lexicon_find */
        if (lo >= nr || v[lo].end > len)
                return 0;
        *mstart = v[lo].start;
        *mend = v[lo].end;
        *term = lex->terms[lex->form_term[v[lo].form]];
        return 1;
}

size_t th_word_index_confirmations(const struct th_word_index *x)
{
        return x->confirmations;
}
