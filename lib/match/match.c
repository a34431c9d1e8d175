/* SPDX-License-Identifier: EUPL-1.2 */
/* match.c: PCRE2 with JIT and limits (see match.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match/match.h"
#include "base/util.h"
#include "cache/memo.h"

#include <pcre2.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct th_regex {
        pcre2_code *code;
        unsigned groups;
        unsigned uses; /* until the JIT compilation of a pattern compiled without it */
};

/* Bytes of subject from which a pattern is JIT-compiled on its first use. */
enum { TH_JIT_AT_ONCE = 16384 };

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

/* The pattern as compiled by an earlier run (pcre2_compile of the patterns was most of
 * start-up), or NULL. */
static pcre2_code *from_memo(const char *pattern)
{
        if (!th_memo_on())
                return NULL;
        size_t klen, vlen;
        char *key = memo_key(pattern, &klen);
        const void *bytes = th_memo_get(TH_MEMO_PATTERN, key, klen, &vlen);
        free(key);
        pcre2_code *re = NULL;
        if (!bytes || pcre2_serialize_get_number_of_codes(bytes) != 1 ||
            pcre2_serialize_decode(&re, 1, bytes, NULL) != 1)
                return NULL;
        return re;
}

static void to_memo(const char *pattern, const pcre2_code *re)
{
        if (!th_memo_on())
                return;
        uint8_t *bytes;
        PCRE2_SIZE n;
        if (pcre2_serialize_encode(&re, 1, &bytes, &n, NULL) != 1)
                return;
        size_t klen;
        char *key = memo_key(pattern, &klen);
        th_memo_put(TH_MEMO_PATTERN, key, klen, bytes, n);
        free(key);
        pcre2_serialize_free(bytes);
}

struct th_regex *th_regex_compile(const char *pattern, int jit, char *why, size_t why_len,
                                  size_t *at)
{
        jit = jit && jit_allowed();
        int code = 0;
        PCRE2_SIZE off = 0;
        pcre2_code *re = from_memo(pattern);
        if (!re) {
                pcre2_compile_context *cctx = pcre2_compile_context_create(NULL);
                pcre2_set_max_pattern_length(cctx, 1u << 20);
                re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, OPTIONS, &code, &off,
                                   cctx);
                pcre2_compile_context_free(cctx);
                if (re)
                        to_memo(pattern, re);
        }
        if (!re) {
                PCRE2_UCHAR buf[256];
                pcre2_get_error_message(code, buf, sizeof(buf));
                snprintf(why, why_len, "%s", (const char *)buf);
                *at = off;
                return NULL;
        }
        /* Without JIT, matching falls back to the interpreter: slower, same results. */
        if (jit)
                (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
        struct th_regex *r = th_xmalloc(sizeof(*r));
        r->code = re;
        r->uses = jit || !jit_allowed() ? UINT32_MAX : 0; /* UINT32_MAX: no JIT to come */
        uint32_t n = 0;
        pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &n);
        r->groups = n;
        return r;
}

void th_regex_free(struct th_regex *re)
{
        if (!re)
                return;
        pcre2_code_free(re->code);
        free(re);
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
        if (start > len)
                return 0;
        /* The JIT pays for itself after 64 matches, or at once on a large subject (a scan
         * of a whole document): start-up compiles only what a text needs. */
        if (re->uses < 64 &&
            (++((struct th_regex *)re)->uses == 64 || len - start >= TH_JIT_AT_ONCE)) {
                ((struct th_regex *)re)->uses = 64;
                (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
        }
        int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, 0, s->data, s->mctx);
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
