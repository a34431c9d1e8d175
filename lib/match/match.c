/* SPDX-License-Identifier: EUPL-1.2 */
/* match.c: PCRE2 with JIT and limits (see match.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match/match.h"
#include "base/util.h"
#include "cache/memo.h"
#include "match/required.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A compiled pattern is shared by every session of the process that compiles the same
 * pattern: the sessions of -j and of twohats serve compiled, interpreted and JIT-compiled
 * each pattern once each (with two sessions, 10 MB of JSON Lines took 290 million
 * instructions more than with one).  Matching only reads `code` and `jitted`; the JIT
 * compiles a copy, published when done, so that a thread matching meanwhile keeps its code.
 */
struct th_regex {
        struct th_regex *next; /* in its bucket of `shared` */
        uint64_t hash;
        char *pattern;
        _Atomic(pcre2_code *) code;   /* as compiled, for the interpreter; NULL: in the memo */
        _Atomic(pcre2_code *) jitted; /* a JIT-compiled copy, once it pays */
        atomic_ullong scanned;        /* bytes of subject, until the JIT pays (jit_after) */
        atomic_int no_jit;            /* JIT not wanted, or not possible */
        unsigned groups;
        size_t jit_after;         /* bytes of subject after which the JIT pays (see JIT_AFTER) */
        int must[2];              /* ASCII bytes every match holds, or -1 (see must_bytes) */
        struct th_required words; /* of which every match holds one */
        unsigned refs;            /* under shared.lock */
};

/* The patterns compiled in this process, by their text. */
static struct {
        pthread_mutex_t lock;
        struct th_regex **buckets;
        size_t nbuckets, nr;
} shared = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Bytes of subject after which a pattern is JIT-compiled: 2 kB, or six times the compiled
 * pattern's size when that is more, for a compilation costs in proportion to the size
 * (1.4 million instructions for 4 kB of pattern).  Measured with callgrind on 10 MB of
 * Markdown: 2 kB saved 3 % against 64 matches and cost a 1.5 kB post 0.2 million
 * instructions more than never; the multiple of the size saved 2.3 % more (1, 3, 4, 6 and 8
 * times: -6, +0.9, +2.1, +2.3, +1.6 %) and left the post as it was. */
enum { JIT_AFTER = 2048, JIT_AFTER_SIZES = 6 };

struct th_scratch {
        pcre2_match_data *data;
        uint32_t pairs;
        pcre2_match_context *mctx;
        pcre2_jit_stack *stack;
        char error[256];
};

/* May patterns be compiled for PCRE2's JIT?  Not with TWOHATS_NO_JIT set (valgrind
 * follows the interpreter, not JIT-generated code). */
static int jit_allowed(void)
{
        static _Atomic int allowed = -1; /* sessions on several threads ask at once */
        if (allowed < 0) {
                const char *no = getenv("TWOHATS_NO_JIT");
                allowed = !(no && *no && strcmp(no, "0") != 0);
        }
        return allowed;
}

#define OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF)

/* The code units PCRE2 found that every match holds, its first and its last, when they
 * are ASCII (a letter stands for both its cases: the patterns are caseless, and PCRE2
 * reports no letter with other cases beyond ASCII).  A subject without one cannot
 * match, and memchr says so for less than a call of pcre2_match costs. */
static void must_bytes(const pcre2_code *re, int must[2])
{
        uint32_t type = 0, unit = 0;
        must[0] = must[1] = -1;
        if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1 &&
            pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 0x80)
                must[0] = (int)unit;
        if (pcre2_pattern_info(re, PCRE2_INFO_LASTCODETYPE, &type) == 0 && type == 1 &&
            pcre2_pattern_info(re, PCRE2_INFO_LASTCODEUNIT, &unit) == 0 && unit < 0x80)
                must[1] = (int)unit;
}

static int lacks(const char *s, size_t n, int c)
{
        if (c < 0 || memchr(s, c, n))
                return 0;
        return (unsigned)((c | 0x20) - 'a') >= 26 || !memchr(s, c ^ 0x20, n);
}

/* What matching needs to know of a pattern before it runs PCRE2, kept apart from its
 * code: of the 200 patterns a short post loads, it runs a few dozen, and decoding the
 * code of the others was a seventh of its start-up. */
struct facts {
        struct th_required words;
        int32_t must[2];
        uint32_t groups;
        uint64_t jit_after;
};

/* The memo's key of a pattern: what its compiled form depends on, PCRE2's version, the
 * options and the pattern. */
static char *memo_key(const char *pattern, size_t *len)
{
        char head[96] = "";
        pcre2_config(PCRE2_CONFIG_VERSION, head);
        size_t h = strlen(head);
        h += (size_t)snprintf(head + h, sizeof(head) - h, " %u ", (unsigned)OPTIONS);
        size_t n = strlen(pattern);
        char *key = th_xmalloc(h + n + 1); /* no printf: patterns are long */
        memcpy(key, head, h);
        memcpy(key + h, pattern, n + 1);
        *len = h + n;
        return key;
}

/* The facts of the pattern as an earlier run compiled it; 0 when unknown. */
static int facts_from_memo(const char *pattern, struct facts *f)
{
        if (!th_memo_on())
                return 0;
        size_t klen, vlen;
        char *key = memo_key(pattern, &klen);
        const void *v = th_memo_get(TH_MEMO_PATTERN_FACTS, key, klen, &vlen);
        free(key);
        if (!v || vlen != sizeof(*f))
                return 0;
        memcpy(f, v, sizeof(*f));
        return f->words.n <= TH_REQUIRED_WORDS; /* else not written by this layout */
}

/* The pattern as compiled by an earlier run (pcre2_compile of the patterns was most of
 * start-up), or NULL. */
static pcre2_code *code_from_memo(const char *pattern)
{
        if (!th_memo_on())
                return NULL;
        size_t klen, vlen;
        char *key = memo_key(pattern, &klen);
        const uint8_t *bytes = th_memo_get(TH_MEMO_PATTERN, key, klen, &vlen);
        free(key);
        pcre2_code *re = NULL;
        if (!bytes || pcre2_serialize_get_number_of_codes(bytes) != 1 ||
            pcre2_serialize_decode(&re, 1, bytes, NULL) != 1)
                return NULL;
        return re;
}

/* Keep the compiled pattern and its facts (reading the words was a seventh of the
 * start-up of a post). */
static void to_memo(const char *pattern, const pcre2_code *re, const struct facts *f)
{
        if (!th_memo_on())
                return;
        size_t klen;
        char *key = memo_key(pattern, &klen);
        th_memo_put(TH_MEMO_PATTERN_FACTS, key, klen, f, sizeof(*f));
        uint8_t *bytes;
        PCRE2_SIZE n;
        if (pcre2_serialize_encode(&re, 1, &bytes, &n, NULL) == 1) {
                th_memo_put(TH_MEMO_PATTERN, key, klen, bytes, n);
                pcre2_serialize_free(bytes);
        }
        free(key);
}

static pcre2_code *compile(const char *pattern, int *code, PCRE2_SIZE *off)
{
        pcre2_compile_context *cctx = pcre2_compile_context_create(NULL);
        pcre2_set_max_pattern_length(cctx, 1u << 20);
        pcre2_code *re =
            pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, OPTIONS, code, off, cctx);
        pcre2_compile_context_free(cctx);
        return re;
}

static void facts_of(const char *pattern, const pcre2_code *re, struct facts *f)
{
        memset(f, 0, sizeof(*f)); /* padding too: the memo keeps the bytes */
        th_required_words(pattern, 3, &f->words);
        int must[2];
        must_bytes(re, must);
        f->must[0] = must[0];
        f->must[1] = must[1];
        pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &f->groups);
        size_t size = 0;
        pcre2_pattern_info(re, PCRE2_INFO_SIZE, &size);
        f->jit_after = size * JIT_AFTER_SIZES > JIT_AFTER ? size * JIT_AFTER_SIZES : JIT_AFTER;
}

/* A hash of the text: patterns run to tens of kilobytes. */
static uint64_t hash_text(const char *s)
{
        size_t n = strlen(s);
        uint64_t h = th_hash_words(n, s, n);
        return h ^ h >> 32;
}

/* The shared pattern `pattern`, with one more reference; NULL when none.  Under the lock. */
static struct th_regex *shared_find(const char *pattern, uint64_t h)
{
        struct th_regex *r = shared.nbuckets ? shared.buckets[h & (shared.nbuckets - 1)] : NULL;
        while (r && (r->hash != h || strcmp(r->pattern, pattern) != 0))
                r = r->next;
        if (r)
                r->refs++;
        return r;
}

/* Add `r` to the shared patterns, twice as many buckets as patterns.  Under the lock. */
static void shared_add(struct th_regex *r)
{
        if (shared.nr >= shared.nbuckets) {
                size_t n = shared.nbuckets ? 2 * shared.nbuckets : 256;
                struct th_regex **b = th_xcalloc(n, sizeof(*b));
                for (size_t i = 0; i < shared.nbuckets; i++)
                        for (struct th_regex *e = shared.buckets[i], *next; e; e = next) {
                                next = e->next;
                                e->next = b[e->hash & (n - 1)];
                                b[e->hash & (n - 1)] = e;
                        }
                free(shared.buckets);
                shared.buckets = b;
                shared.nbuckets = n;
        }
        r->next = shared.buckets[r->hash & (shared.nbuckets - 1)];
        shared.buckets[r->hash & (shared.nbuckets - 1)] = r;
        shared.nr++;
}

/* The code of a pattern whose facts came from the memo, decoded (or compiled) when a
 * subject first gets past its prefilters; NULL when it cannot be had. */
static pcre2_code *code_now(struct th_regex *re)
{
        static pthread_mutex_t code_lock = PTHREAD_MUTEX_INITIALIZER;
        pthread_mutex_lock(&code_lock);
        pcre2_code *c = atomic_load(&re->code);
        if (!c) {
                c = code_from_memo(re->pattern);
                if (!c) { /* the memo lost it since: it compiled before, it compiles now */
                        int code;
                        PCRE2_SIZE off;
                        c = compile(re->pattern, &code, &off);
                }
                atomic_store_explicit(&re->code, c, memory_order_release);
        }
        pthread_mutex_unlock(&code_lock);
        return c;
}

/* JIT-compile a copy of `re`'s code, once for the process; the code to match with. */
static pcre2_code *jit_now(struct th_regex *re, pcre2_code *code)
{
        static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;
        pthread_mutex_lock(&jit_lock);
        pcre2_code *j = atomic_load(&re->jitted);
        if (!j && !atomic_load(&re->no_jit)) {
                j = pcre2_code_copy(code);
                if (j && pcre2_jit_compile(j, PCRE2_JIT_COMPLETE) == 0) {
                        atomic_store(&re->jitted, j);
                } else { /* without JIT (no memory for it): the interpreter, same results */
                        pcre2_code_free(j);
                        j = NULL;
                        atomic_store(&re->no_jit, 1);
                }
        }
        pthread_mutex_unlock(&jit_lock);
        return j ? j : code;
}

static void free_regex(struct th_regex *r)
{
        pcre2_code_free(atomic_load(&r->code));
        pcre2_code_free(atomic_load(&r->jitted));
        free(r->pattern);
        free(r);
}

struct th_regex *th_regex_compile(const char *pattern, char *why, size_t why_len, size_t *at)
{
        uint64_t h = hash_text(pattern);
        pthread_mutex_lock(&shared.lock);
        struct th_regex *r = shared_find(pattern, h);
        pthread_mutex_unlock(&shared.lock);
        if (r)
                return r;
        struct facts f;
        pcre2_code *re = NULL;
        if (!facts_from_memo(pattern, &f)) {
                int code = 0;
                PCRE2_SIZE off = 0;
                re = compile(pattern, &code, &off);
                if (!re) {
                        PCRE2_UCHAR buf[256];
                        pcre2_get_error_message(code, buf, sizeof(buf));
                        snprintf(why, why_len, "%s", (const char *)buf);
                        *at = off;
                        return NULL;
                }
                facts_of(pattern, re, &f);
                to_memo(pattern, re, &f);
        }
        r = th_xcalloc(1, sizeof(*r));
        r->hash = h;
        r->pattern = th_xstrdup(pattern);
        atomic_init(&r->code, re);
        atomic_init(&r->jitted, NULL);
        atomic_init(&r->scanned, 0);
        atomic_init(&r->no_jit, !jit_allowed());
        r->groups = f.groups;
        r->jit_after = f.jit_after;
        r->must[0] = f.must[0];
        r->must[1] = f.must[1];
        r->words = f.words;
        r->refs = 1;
        /* Another thread may have compiled the same pattern meanwhile: one of them stays. */
        pthread_mutex_lock(&shared.lock);
        struct th_regex *first = shared_find(pattern, h);
        if (!first)
                shared_add(r);
        pthread_mutex_unlock(&shared.lock);
        if (first) {
                free_regex(r);
                r = first;
        }
        return r;
}

void th_regex_free(struct th_regex *re)
{
        if (!re)
                return;
        pthread_mutex_lock(&shared.lock);
        int last = --re->refs == 0;
        if (last) {
                struct th_regex **p = &shared.buckets[re->hash & (shared.nbuckets - 1)];
                while (*p != re)
                        p = &(*p)->next;
                *p = re->next;
                shared.nr--;
        }
        pthread_mutex_unlock(&shared.lock);
        if (last)
                free_regex(re);
}

struct th_scratch *th_scratch_new(void)
{
        struct th_scratch *s = th_xcalloc(1, sizeof(*s));
        s->mctx = pcre2_match_context_create(NULL);
        pcre2_set_match_limit(s->mctx, TH_MATCH_LIMIT);
        pcre2_set_heap_limit(s->mctx, TH_HEAP_LIMIT_KIB);
        s->stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
        if (s->stack)
                pcre2_jit_stack_assign(s->mctx, NULL, s->stack);
        return s;
}

void th_scratch_free(struct th_scratch *s)
{
        if (!s)
                return;
        pcre2_match_data_free(s->data);
        pcre2_match_context_free(s->mctx);
        pcre2_jit_stack_free(s->stack);
        free(s);
}

const char *th_scratch_error(const struct th_scratch *s)
{
        return s->error;
}

int th_regex_find(const struct th_regex *re, struct th_scratch *s, const char *subject, size_t len,
                  size_t start, size_t *ov, size_t pairs)
{
        uint32_t need = re->groups + 1;
        if (!s->data || s->pairs < need) {
                pcre2_match_data_free(s->data);
                s->data = pcre2_match_data_create(need, NULL);
                if (!s->data)
                        th_out_of_memory();
                s->pairs = need;
        }
        if (start > len || lacks(subject + start, len - start, re->must[0]) ||
            lacks(subject + start, len - start, re->must[1]) ||
            !th_required_present(subject + start, len - start, &re->words))
                return 0;
        /* The JIT pays for itself after jit_after bytes of subject (a scan of a whole
         * document counts in full): start-up compiles only what a text needs. */
        pcre2_code *code = atomic_load_explicit(&re->jitted, memory_order_acquire);
        if (!code) {
                struct th_regex *r = (struct th_regex *)re;
                code = atomic_load_explicit(&r->code, memory_order_acquire);
                if (!code && !(code = code_now(r))) {
                        th_scratch_fail(s, "out of memory compiling a pattern");
                        return -1;
                }
                if (!atomic_load_explicit(&r->no_jit, memory_order_relaxed) &&
                    atomic_fetch_add_explicit(&r->scanned, len - start, memory_order_relaxed) +
                            (len - start) >=
                        re->jit_after)
                        code = jit_now(r, code);
        }
        int rc = pcre2_match(code, (PCRE2_SPTR)subject, len, start, 0, s->data, s->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
                return 0;
        if (rc < 0) {
                PCRE2_UCHAR buf[200];
                pcre2_get_error_message(rc, buf, sizeof(buf));
                snprintf(s->error, sizeof(s->error), "%s", (const char *)buf);
                return -1;
        }
        PCRE2_SIZE *o = pcre2_get_ovector_pointer(s->data);
        for (size_t i = 0; i < pairs; i++) {
                if (i < (size_t)need && o[2 * i] != PCRE2_UNSET) {
                        ov[2 * i] = o[2 * i];
                        ov[2 * i + 1] = o[2 * i + 1];
                } else {
                        ov[2 * i] = ov[2 * i + 1] = SIZE_MAX;
                }
        }
        return 1;
}

const char *th_scratch_mark(const struct th_scratch *s)
{
        return s->data ? (const char *)pcre2_get_mark(s->data) : NULL;
}

void th_scratch_fail(struct th_scratch *s, const char *why)
{
        snprintf(s->error, sizeof(s->error), "%s", why);
}
