/* SPDX-License-Identifier: EUPL-1.2 */
/* required.c: words of which every match of a pattern holds one (see required.h). */
#include "match/required.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static int ascii_alnum(unsigned char c)
{
        return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

/* The end of the class that starts at p[0] == '[', or NULL when the pattern ends first.
 * strcspn steps over the plain bytes: the party alternation holds hundreds of classes. */
static const char *skip_class(const char *p)
{
        p++; /* '[' */
        if (*p == '^')
                p++;
        if (*p == ']') /* a ']' first is a member */
                p++;
        for (; (p += strcspn(p, "\\[]")), *p && *p != ']'; p++) {
                if (*p == '\\' && p[1])
                        p++;
                else if (*p == '[' && p[1] == ':') { /* [:alpha:] */
                        const char *e = strstr(p + 2, ":]");
                        if (!e)
                                return NULL;
                        p = e + 1;
                }
        }
        return *p ? p + 1 : NULL;
}

/* The end of the group that starts at p[0] == '(', or NULL when the pattern ends first. */
static const char *skip_group(const char *p)
{
        int depth = 0;
        while ((p += strcspn(p, "\\[()")), *p) {
                if (*p == '\\') {
                        if (!p[1])
                                return NULL;
                        p += 2;
                } else if (*p == '[') {
                        if (!(p = skip_class(p)))
                                return NULL;
                } else {
                        if (*p == '(')
                                depth++;
                        else if (*p == ')' && --depth == 0)
                                return p + 1;
                        p++;
                }
        }
        return NULL;
}

/* The end of an escape at p[0] == '\\': \p{..}, \x{..}, \N{..}, \k<..> and the like read
 * whole; NULL for what this reading does not follow (\Q, a truncated escape). */
static const char *skip_escape(const char *p)
{
        char c = p[1];
        if (!c || c == 'Q' || c == 'E')
                return NULL;
        p += 2;
        if ((c == 'p' || c == 'P' || c == 'x' || c == 'N' || c == 'o' || c == 'g' || c == 'k') &&
            (*p == '{' || *p == '<' || *p == '\'')) {
                char close = *p == '{' ? '}' : *p == '<' ? '>' : '\'';
                const char *e = strchr(p, close);
                return e ? e + 1 : NULL;
        }
        if (c == 'p' || c == 'P' || c == 'c') /* \pL, \cA */
                return *p ? p + 1 : NULL;
        if (c == 'x') /* \xhh */
                for (int i = 0; i < 2 && *p && strchr("0123456789abcdefABCDEF", *p); i++)
                        p++;
        if ((unsigned)(c - '0') < 10 || c == 'g') /* \12, \g-1: references, octal */
                while (*p == '-' || (unsigned)(*p - '0') < 10)
                        p++;
        return p;
}

/* Does an inline option group, (?x) or (?ix:...), turn on extended mode? */
static int extended(const char *pattern)
{
        for (const char *p = strstr(pattern, "(?"); p; p = strstr(p + 2, "(?"))
                for (const char *q = p + 2; *q && *q != ')' && *q != ':'; q++) {
                        if (*q == 'x')
                                return 1;
                        if (!strchr("imnsxJU-^", *q))
                                break;
                }
        return 0;
}

/* A quantifier at p: its end, and whether it allows none (?, *, {0...}). */
static const char *quantifier(const char *p, int *optional)
{
        *optional = 0;
        if (*p == '?' || *p == '*') {
                *optional = 1;
                p++;
        } else if (*p == '+') {
                p++;
        } else if (*p == '{' && (unsigned)(p[1] - '0') < 10) {
                const char *e = p + 1;
                while ((unsigned)(*e - '0') < 10 || *e == ',')
                        e++;
                if (*e != '}')
                        return p; /* a literal '{' */
                *optional = p[1] == '0';
                p = e + 1;
        } else {
                return p;
        }
        if (*p == '?' || *p == '+') /* lazy, possessive */
                p++;
        return p;
}

/* Is candidate x (every match holds one of its words) a better filter than y: a longer
 * shortest word, then fewer words? */
static int better(const struct th_required *x, const struct th_required *y)
{
        size_t mx = SIZE_MAX, my = SIZE_MAX;
        for (size_t i = 0; i < x->n; i++)
                mx = x->len[i] < mx ? x->len[i] : mx;
        for (size_t i = 0; i < y->n; i++)
                my = y->len[i] < my ? y->len[i] : my;
        return !y->n || (x->n && (mx > my || (mx == my && x->n < y->n)));
}

static int add_word(struct th_required *r, const char *w, size_t n)
{
        if (r->n == TH_REQUIRED_WORDS || n >= sizeof(r->word[0]))
                return 0;
        for (size_t i = 0; i < n; i++)
                r->word[r->n][i] = (char)(w[i] | ((unsigned char)w[i] >= 'A' ? 0x20 : 0));
        r->len[r->n++] = n;
        return 1;
}

/* The words of a group (?:w1|w2|...) or (w1|w2|...) of literal words only, each at least
 * `min` long, into *r; 0 when it is no such group. */
static int word_group(const char *p, const char *end, size_t min, struct th_required *r)
{
        p++; /* '(' */
        if (*p == '?') {
                if (p[1] != ':')
                        return 0;
                p += 2;
        }
        end--; /* ')' */
        r->n = 0;
        while (p <= end) {
                const char *w = p;
                while (p < end && ascii_alnum((unsigned char)*p))
                        p++;
                if ((size_t)(p - w) < min || (p < end && *p != '|') ||
                    !add_word(r, w, (size_t)(p - w)))
                        return 0;
                p++;
        }
        return r->n > 0;
}

/* A run of literal letters ends: a candidate when it is long enough. */
static void end_run(const char *cur, size_t *run, size_t min, struct th_required *best)
{
        struct th_required one = {0};
        if (*run >= min && add_word(&one, cur, *run) && better(&one, best))
                *best = one;
        *run = 0;
}

int th_required_words(const char *pattern, size_t min, struct th_required *out)
{
        memset(out, 0, sizeof(*out)); /* all of it: the memo keeps its bytes */
        if (extended(pattern) || strstr(pattern, "(*") || strstr(pattern, "\\Q"))
                return 0; /* white space and comments; verbs; quoted text with parentheses */
        /* the best candidate of each top-level alternative; every alternative must have
         * one, and their words together are the pattern's */
        struct th_required all = {0}, best = {0};
        char cur[sizeof(best.word[0])];
        size_t run = 0;
        for (const char *p = pattern;; p++) {
                if (!*p || *p == '|') {
                        end_run(cur, &run, min, &best);
                        for (size_t i = 0; i < best.n; i++)
                                if (!add_word(&all, best.word[i], best.len[i]))
                                        return 0;
                        if (!best.n)
                                return 0;
                        if (!*p)
                                break;
                        best.n = 0;
                        continue;
                }
                const unsigned char c = (unsigned char)*p;
                const char *next;
                int literal = 0;
                if (c == '\\')
                        next = skip_escape(p);
                else if (c == '[')
                        next = skip_class(p);
                else if (c == '(')
                        next = skip_group(p);
                else if (c >= 0x80)
                        for (next = p + 1; ((unsigned char)*next & 0xC0) == 0x80; next++)
                                ;
                else {
                        next = p + 1;
                        literal = ascii_alnum(c);
                }
                if (!next)
                        return 0;
                int optional;
                const char *after = quantifier(next, &optional);
                struct th_required g;
                if (c == '(' && !optional && word_group(p, next, min, &g) && better(&g, &best))
                        best = g;
                if (literal && !optional && run < sizeof(cur) - 1)
                        cur[run++] = (char)c;
                if (!literal || optional || after != next)
                        end_run(cur, &run, min, &best);
                p = after - 1; /* the loop steps on */
        }
        *out = all;
        return (int)all.n;
}

/* Does U+212A (Kelvin sign) or U+017F (long s) start at t[i], of t[0, n)? */
static int kelvin_or_long_s(const unsigned char *t, size_t i, size_t n)
{
        return (i + 3 <= n && !memcmp(t + i, "\xE2\x84\xAA", 3)) ||
               (i + 2 <= n && !memcmp(t + i, "\xC5\xBF", 2));
}

/* Does the word w[0, m) start at t (t[0] already compared)? */
static int word_at(const unsigned char *t, const char *w, size_t m)
{
        size_t k = 1;
        while (k < m && (t[k] | 0x20) == (unsigned char)w[k])
                k++;
        return k == m;
}

static int present(const char *text, size_t n, const char *w, size_t m)
{
        if (m == 0)
                return 1;
        if (n < m)
                return 0;
        const unsigned char *t = (const unsigned char *)text;
        /* caseless Unicode matching takes U+212A for k and U+017F for s: their lead bytes
         * are candidates too, and one of those characters ends the search */
        int ks = memchr(w, 'k', m) || memchr(w, 's', m);
        unsigned char w0 = (unsigned char)w[0];
        size_t i = 0, last = n - m; /* the last place the word can start */
#if defined(__SSE2__)
        const __m128i first = _mm_set1_epi8((char)w0), case_bit = _mm_set1_epi8(0x20),
                      kelvin = _mm_set1_epi8((char)(ks ? 0xE2 : w0)),
                      long_s = _mm_set1_epi8((char)(ks ? 0xC5 : w0));
        for (; i + 16 <= n; i += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(t + i));
                unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(
                    _mm_cmpeq_epi8(_mm_or_si128(v, case_bit), first),
                    _mm_or_si128(_mm_cmpeq_epi8(v, kelvin), _mm_cmpeq_epi8(v, long_s))));
                for (; hits; hits &= hits - 1) {
                        size_t at = i + (size_t)__builtin_ctz(hits);
                        if ((t[at] | 0x20) == w0 && at <= last && word_at(t + at, w, m))
                                return 1;
                        if (ks && kelvin_or_long_s(t, at, n))
                                return 1;
                }
        }
#endif
        for (; i < n; i++) {
                if ((t[i] | 0x20) == w0 && i <= last && word_at(t + i, w, m))
                        return 1;
                if (ks && kelvin_or_long_s(t, i, n))
                        return 1;
        }
        return 0;
}

int th_required_present(const char *text, size_t n, const struct th_required *r)
{
        if (!r->n)
                return 1;
        for (size_t i = 0; i < r->n; i++)
                if (present(text, n, r->word[i], r->len[i]))
                        return 1;
        return 0;
}
