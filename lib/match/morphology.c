/* SPDX-License-Identifier: EUPL-1.2 */
/* morphology.c: lemmas from a Hunspell dictionary, memoized (see morphology.h). */
#define _GNU_SOURCE /* memfd_create */
#include "match/morphology.h"
#include "base/util.h"
#include "cache/memo.h"
#include "match/wordindex.h"

#include <hunspell/hunspell.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define WORD_MAX 256 /* longer words have no lemmas */
#define LEMMAS_MAX 8

/* One word of the memo, with its folded lemmas after the key, each NUL-terminated. */
struct memo {
        struct memo *next;
        uint64_t hash;
        size_t len;     /* of the key */
        size_t nlemmas; /* how many follow */
        const char *lemmas[LEMMAS_MAX];
        char key[];
};

struct th_morphology {
        char *name;
        char *aff, *dic;
        Hunhandle *h; /* loaded on first use */
        /* The first four bytes (hashed to TH_MORPHOLOGY_PREFIX_BITS bits) of the words
         * whose lemmas matter (th_morphology_want); only dictionary entries that start
         * with one are loaded.  None: all are. */
        unsigned char want[1u << (TH_MORPHOLOGY_PREFIX_BITS - 3)];
        size_t nwant;
        uint64_t want_sum; /* a hash of the wanted set (a sum over its members) */
        char *ident;       /* the dictionary files as found, for the memo's keys */
        int stale;         /* a trigram was wanted after loading */
        size_t entries;
        struct memo **buckets;
        size_t nbuckets, nr, limit, lookups;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
        uint64_t h = 1469598103934665603ull;
        for (size_t i = 0; i < n; i++)
                h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
        return h;
}

/* NAME.aff in `dir`, when it and NAME.dic are readable. */
static char *find_in(const char *dir, size_t dlen, const char *name)
{
        char *aff = th_xasprintf("%.*s/%s.aff", (int)dlen, dir, name);
        char *dic = th_xasprintf("%.*s/%s.dic", (int)dlen, dir, name);
        int ok = access(aff, R_OK) == 0 && access(dic, R_OK) == 0;
        free(dic);
        if (!ok)
                free(aff);
        return ok ? aff : NULL;
}

struct th_morphology *th_morphology_open(const char *name, struct th_error *err)
{
        if (!name || !*name || strchr(name, '/'))
                return th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                                    "dictionary '%s': expected a name such as 'nl'",
                                    name ? name : ""),
                       NULL;
        char *aff = NULL;
        const char *path = getenv("DICPATH");
        for (const char *p = path; p && *p && !aff;) {
                const char *colon = strchr(p, ':');
                size_t n = colon ? (size_t)(colon - p) : strlen(p);
                if (n)
                        aff = find_in(p, n, name);
                p = colon ? colon + 1 : p + n;
        }
        if (!aff)
                aff = find_in("/usr/share/hunspell", strlen("/usr/share/hunspell"), name);
        if (!aff) {
                th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                             "cannot open the Hunspell dictionary /usr/share/hunspell/%s.aff "
                             "(and %s.dic; also looked in $DICPATH): install the Debian "
                             "package hunspell-%s",
                             name, name, name);
                return NULL;
        }
        struct th_morphology *m = th_xcalloc(1, sizeof(*m));
        m->name = th_xstrdup(name);
        m->aff = aff;
        m->dic = th_xstrdup(aff);
        memcpy(m->dic + strlen(m->dic) - 3, "dic", 3);
        struct stat a = {0}, d = {0};
        (void)stat(m->aff, &a);
        (void)stat(m->dic, &d);
        m->ident = th_xasprintf("%s %lld %lld %s %lld %lld", m->aff, (long long)a.st_size,
                                (long long)a.st_mtime, m->dic, (long long)d.st_size,
                                (long long)d.st_mtime);
        m->limit = TH_MORPHOLOGY_CACHE;
        return m;
}

static void clear(struct th_morphology *m)
{
        for (size_t b = 0; b < m->nbuckets; b++)
                for (struct memo *e = m->buckets[b], *next; e; e = next) {
                        next = e->next;
                        free(e);
                }
        if (m->buckets)
                memset(m->buckets, 0, m->nbuckets * sizeof(*m->buckets));
        m->nr = 0;
}

void th_morphology_free(struct th_morphology *m)
{
        if (!m)
                return;
        clear(m);
        free(m->buckets);
        if (m->h)
                Hunspell_destroy(m->h);
        free(m->name);
        free(m->ident);
        free(m->aff);
        free(m->dic);
        free(m);
}

const char *th_morphology_name(const struct th_morphology *m)
{
        return m->name;
}

void th_morphology_set_cache_limit(struct th_morphology *m, size_t limit)
{
        m->limit = limit ? limit : 1;
        if (m->nr >= m->limit)
                clear(m);
}

size_t th_morphology_cached(const struct th_morphology *m)
{
        return m->nr;
}

size_t th_morphology_lookups(const struct th_morphology *m)
{
        return m->lookups;
}

unsigned th_morphology_prefix(const char *k)
{
        return ((unsigned char)k[0] * 29791u + (unsigned char)k[1] * 961u +
                (unsigned char)k[2] * 31u + (unsigned char)k[3]) &
               ((1u << TH_MORPHOLOGY_PREFIX_BITS) - 1);
}

void th_morphology_want(struct th_morphology *m, const char *key, size_t n)
{
        if (n < 4)
                return;
        unsigned b = th_morphology_prefix(key);
        if (m->want[b >> 3] >> (b & 7) & 1)
                return;
        m->want[b >> 3] |= (unsigned char)(1u << (b & 7));
        m->nwant++;
        m->want_sum += (b + 1) * 0x9e3779b97f4a7c15ull ^ (uint64_t)b << 40;
        m->stale = m->h != NULL;
}

size_t th_morphology_entries(const struct th_morphology *m)
{
        return m->entries;
}

/* Whether the dictionary entry at line[0, n) ("word/FLAGS ...") starts with a wanted
 * prefix (folded; words shorter than four letters are parts of compounds: kept). */
static int wanted(const struct th_morphology *m, const char *line, size_t n)
{
        char folded[16];
        size_t k = 0;
        const unsigned char *u = (const unsigned char *)line;
        if (n >= 4 && u[0] < 0x80 && u[1] < 0x80 && u[2] < 0x80 && u[3] < 0x80) {
                for (k = 0; k < 4; k++)
                        folded[k] = (char)(u[k] >= 'A' && u[k] <= 'Z' ? u[k] + 32 : u[k]);
        } else {
                k = th_word_fold(line, n < 12 ? n : 12, folded, sizeof(folded));
        }
        for (size_t i = 0; i < 4 && i < k; i++)
                if (folded[i] == '/' || folded[i] == ' ' || folded[i] == '\t' ||
                    folded[i] == '\n' || folded[i] == '\r')
                        return 1;
        if (k < 4)
                return 1;
        unsigned b = th_morphology_prefix(folded);
        return m->want[b >> 3] >> (b & 7) & 1;
}

/* The file `path` mapped into memory, or NULL. */
static char *map_file(const char *path, size_t *len)
{
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat st;
        void *p = MAP_FAILED;
        if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0)
                p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (fd >= 0)
                close(fd);
        if (p == MAP_FAILED)
                return NULL;
        *len = (size_t)st.st_size;
        return p;
}

/* Load Hunspell: with only the wanted entries of the dictionary, handed over in a memory
 * file (Hunspell reads paths); loading all 180,000 Dutch entries costs more than linting
 * 10 MB.  Without a memory file, or without wanted words, the whole dictionary. */
static int load(struct th_morphology *m)
{
        if (m->h && !m->stale)
                return 0;
        if (m->h) {
                Hunspell_destroy(m->h);
                m->h = NULL;
                clear(m);
        }
        m->stale = 0;
        size_t dlen = 0;
        char *dic = m->nwant ? map_file(m->dic, &dlen) : NULL;
        int fd = dic ? memfd_create("twohats-dictionary", MFD_CLOEXEC) : -1;
        if (fd >= 0) {
                /* The wanted lines after the first (the count), written in large pieces. */
                struct th_buf b = {0};
                const char *nl = memchr(dic, '\n', dlen);
                size_t nr = 0;
                th_buf_addf(&b, "%-12zu\n", (size_t)0); /* the count, filled in below */
                for (size_t at = nl ? (size_t)(nl - dic) + 1 : dlen; at < dlen;) {
                        const char *e = memchr(dic + at, '\n', dlen - at);
                        size_t end = e ? (size_t)(e - dic) + 1 : dlen;
                        if (wanted(m, dic + at, end - at)) {
                                th_buf_add(&b, dic + at, end - at);
                                nr++;
                        }
                        at = end;
                }
                char head[24];
                snprintf(head, sizeof(head), "%-12zu", nr ? nr : 1);
                memcpy(b.s, head, 12);
                if (write(fd, b.s, b.len) == (ssize_t)b.len) {
                        char path[64];
                        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
                        m->h = Hunspell_create(m->aff, path);
                        m->entries = nr;
                }
                th_buf_release(&b);
                close(fd);
        }
        if (dic)
                munmap(dic, dlen);
        if (!m->h) {
                m->h = Hunspell_create(m->aff, m->dic);
                m->entries = 0;
        }
        return m->h ? 0 : -1;
}

/* Twice as many buckets as words, up to the limit: chains stay short. */
static void grow(struct th_morphology *m)
{
        size_t want = m->nbuckets ? m->nbuckets * 2 : 1024;
        struct memo **b = th_xcalloc(want, sizeof(*b));
        for (size_t i = 0; i < m->nbuckets; i++)
                for (struct memo *e = m->buckets[i], *next; e; e = next) {
                        next = e->next;
                        e->next = b[e->hash & (want - 1)];
                        b[e->hash & (want - 1)] = e;
                }
        free(m->buckets);
        m->buckets = b;
        m->nbuckets = want;
}

/*
 * The lemma in one analysis of Hunspell's: " st:campagne ts:NN2" gives "campagne"; a
 * compound, " pa:woon st:woon pa:ministers ( st:minister ts:NN2 | ... )", gives its parts
 * as written with the stem of the last one, "woonminister" (Hunspell_stem would answer
 * with the first part's stem, "woon").  Returns the length, 0 for none.
 */
static size_t lemma_of(const char *a, char *out, size_t cap)
{
        size_t n = 0;                      /* of the parts before the current one, in out */
        const char *pa = NULL, *st = NULL; /* of the current part */
        size_t palen = 0, stlen = 0;
        for (const char *p = a; *p;) {
                while (*p == ' ' || *p == '\t')
                        p++;
                const char *tok = p;
                while (*p && *p != ' ' && *p != '\t')
                        p++;
                size_t len = (size_t)(p - tok);
                if (len > 3 && !strncmp(tok, "pa:", 3)) {
                        if (pa) {
                                if (n + palen >= cap)
                                        return 0;
                                memcpy(out + n, pa, palen);
                                n += palen;
                        }
                        pa = tok + 3;
                        palen = len - 3;
                        st = NULL;
                } else if (len > 3 && !strncmp(tok, "st:", 3) && !st) {
                        st = tok + 3;
                        stlen = len - 3;
                }
        }
        const char *last = st ? st : pa;
        size_t lastlen = st ? stlen : palen;
        if (!last || n + lastlen >= cap)
                return 0;
        memcpy(out + n, last, lastlen);
        return n + lastlen;
}

/* The key of the persistent memo (cache/memo.h) for `word`: the lemmas depend on the
 * dictionary files and on which of their entries are loaded. */
static char *memo_key(const struct th_morphology *m, const char *word, size_t n, size_t *klen)
{
        struct th_buf k = {0};
        th_buf_addf(&k, "%s %zu %016llx ", m->ident, m->nwant, (unsigned long long)m->want_sum);
        th_buf_add(&k, word, n);
        *klen = k.len;
        return k.s;
}

/* The lemmas of word[0, n) as an earlier run found them, into folded[]/flen[]; how many
 * (-1: not known).  Hunspell then need not be loaded. */
static int from_memo(const struct th_morphology *m, const char *word, size_t n,
                     char folded[][WORD_MAX], size_t *flen, size_t *total)
{
        size_t klen, vlen;
        char *key = memo_key(m, word, n, &klen);
        const char *v = th_memo_get(TH_MEMO_LEMMAS, key, klen, &vlen);
        free(key);
        if (!v)
                return -1;
        int nf = 0;
        for (size_t at = 0; at < vlen && nf < LEMMAS_MAX;) {
                const char *end = memchr(v + at, '\0', vlen - at);
                size_t len = end ? (size_t)(end - v) - at : 0;
                if (!end || len == 0 || len >= WORD_MAX)
                        return -1;
                memcpy(folded[nf], v + at, len);
                flen[nf++] = len;
                *total += len + 1;
                at += len + 1;
        }
        return nf;
}

static void to_memo(const struct th_morphology *m, const char *word, size_t n,
                    char folded[][WORD_MAX], const size_t *flen, size_t nf)
{
        struct th_buf v = {0};
        for (size_t i = 0; i < nf; i++) {
                th_buf_add(&v, folded[i], flen[i]);
                th_buf_add(&v, "", 1); /* each lemma ends with a NUL */
        }
        size_t klen;
        char *key = memo_key(m, word, n, &klen);
        th_memo_put(TH_MEMO_LEMMAS, key, klen, v.s ? v.s : "", v.len);
        free(key);
        th_buf_release(&v);
}

/* Ask the memo, else Hunspell, and keep the answer. */
static struct memo *analyse(struct th_morphology *m, const char *word, size_t n, uint64_t h)
{
        char z[WORD_MAX + 1];
        char folded[LEMMAS_MAX][WORD_MAX];
        size_t flen[LEMMAS_MAX], nf = 0, total = 0;
        int memo_on = n <= WORD_MAX && th_memo_on(), known = -1;
        if (memo_on && (known = from_memo(m, word, n, folded, flen, &total)) >= 0)
                nf = (size_t)known;
        else if (n <= WORD_MAX && load(m) == 0) {
                memcpy(z, word, n);
                z[n] = '\0';
                char **list = NULL;
                int k = Hunspell_analyze(m->h, &list, z);
                m->lookups++;
                for (int i = 0; i < k && nf < LEMMAS_MAX; i++) {
                        char lemma[WORD_MAX];
                        size_t ln = lemma_of(list[i], lemma, sizeof(lemma));
                        size_t len = ln ? th_word_fold(lemma, ln, folded[nf], WORD_MAX) : 0;
                        int seen = len == 0;
                        for (size_t j = 0; j < nf && !seen; j++)
                                seen = flen[j] == len && !memcmp(folded[j], folded[nf], len);
                        if (!seen) {
                                flen[nf++] = len;
                                total += len + 1;
                        }
                }
                if (list)
                        Hunspell_free_list(m->h, &list, k);
                if (memo_on)
                        to_memo(m, word, n, folded, flen, nf);
        }
        if (m->nr >= m->limit)
                clear(m);
        if (m->nr >= m->nbuckets)
                grow(m);
        struct memo *e = th_xcalloc(1, sizeof(*e) + n + 1 + total);
        memcpy(e->key, word, n);
        e->len = n;
        e->hash = h;
        char *p = e->key + n + 1;
        for (size_t i = 0; i < nf; i++) {
                memcpy(p, folded[i], flen[i]);
                p[flen[i]] = '\0';
                e->lemmas[i] = p;
                p += flen[i] + 1;
        }
        e->nlemmas = nf;
        e->next = m->buckets[h & (m->nbuckets - 1)];
        m->buckets[h & (m->nbuckets - 1)] = e;
        m->nr++;
        return e;
}

size_t th_morphology_lemmas(struct th_morphology *m, const char *word, size_t n, const char **out,
                            size_t max)
{
        if (m->stale)
                load(m); /* with the new words: the memo is emptied */
        uint64_t h = hash_bytes(word, n);
        struct memo *e = NULL;
        if (m->nbuckets)
                for (e = m->buckets[h & (m->nbuckets - 1)]; e; e = e->next)
                        if (e->hash == h && e->len == n && !memcmp(e->key, word, n))
                                break;
        if (!e)
                e = analyse(m, word, n, h);
        size_t k = e->nlemmas < max ? e->nlemmas : max;
        for (size_t i = 0; i < k; i++)
                out[i] = e->lemmas[i];
        return k;
}
