/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sentences.c: split each prose block into sentences.
 *
 * A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
 * brackets after it) followed by white space or the end of the block.  A
 * full stop does not end a sentence after an abbreviation of the language
 * (its conventions, rules/<lang>/language.yml), an initial,
 * a list number, or when the next word starts in lower case.  A footnote
 * mark right after the terminator ("zelf.[6] Vanavond", "zelf.[^6]",
 * "zelf.^6", "zelf.¹") belongs to the sentence it ends.
 */
#include "document/document.h"
#include "base/utf8.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Initials such as "J" or "M.J": single letters separated by full stops. */
static int is_initials(const char *tok, size_t n)
{
        if (n == 0)
                return 0;
        for (size_t i = 0; i < n; i++) {
                int letter = isupper((unsigned char)tok[i]);
                if (i % 2 == 0 ? !letter : tok[i] != '.')
                        return 0;
        }
        return 1;
}

static int all_digits(const char *tok, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (!isdigit((unsigned char)tok[i]))
                        return 0;
        return n > 0;
}

/* Length of a closing quote or bracket at p, or 0: '"', '\'', ')', ']', '*', '_', or the
 * UTF-8 of '»', '”' and '’'. */
static size_t closer_len(const char *p, size_t left)
{
        const unsigned char *u = (const unsigned char *)p;
        switch (u[0]) {
        case '"':
        case '\'':
        case ')':
        case ']':
        case '*':
        case '_':
                return 1;
        case 0xC2:
                return left >= 2 && u[1] == 0xBB ? 2 : 0;
        case 0xE2:
                return left >= 3 && u[1] == 0x80 && (u[2] == 0x9D || u[2] == 0x99) ? 3 : 0;
        default:
                return 0;
        }
}

static size_t digits_len(const char *p, size_t left)
{
        size_t n = 0;
        while (n < left && n < 4 && isdigit((unsigned char)p[n]))
                n++;
        return n < 4 ? n : 0;
}

/* Length of a footnote mark at p, or 0: "[6]", "[^6]" or "[^note]", "^6", "^[6]", or
 * superscript digits. */
static size_t footnote_len(const char *p, size_t left)
{
        size_t n = 0;
        if (left >= 2 && p[0] == '^' && p[1] != '[')
                return (n = digits_len(p + 1, left - 1)) ? n + 1 : 0;
        size_t caret = left >= 1 && p[0] == '^';
        if (left < caret + 3 || p[caret] != '[')
                return 0;
        size_t i = caret + 1;
        if (!caret && p[i] == '^') /* "[^label]" */
                while (++i < left && i < 24 &&
                       (isalnum((unsigned char)p[i]) || p[i] == '-' || p[i] == '_'))
                        ;
        else
                i += digits_len(p + i, left - i);
        return i > caret + 1 && i < left && p[i] == ']' && p[i - 1] != '^' ? i + 1 : 0;
}

/* Length of superscript digits at p ("¹", "²³"), or 0. */
static size_t superscript_len(const char *p, size_t left)
{
        const unsigned char *u = (const unsigned char *)p;
        size_t n = 0;
        for (;;) {
                if (left - n >= 2 && u[n] == 0xC2 &&
                    (u[n + 1] == 0xB9 || u[n + 1] == 0xB2 || u[n + 1] == 0xB3))
                        n += 2;
                else if (left - n >= 3 && u[n] == 0xE2 && u[n + 1] == 0x81 &&
                         (u[n + 2] == 0xB0 || (u[n + 2] >= 0xB4 && u[n + 2] <= 0xB9)))
                        n += 3;
                else
                        return n;
        }
}

/* Length of a sentence terminator at p, or 0. */
static size_t terminator_len(const char *p, size_t left)
{
        if (*p == '.' || *p == '!' || *p == '?')
                return 1;
        if (left >= 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0)
                return 3;
        return 0;
}

/* Does the full stop at `dot` (sentence started at `st`, next text at `next`) end it? */
static int full_stop_ends(const struct th_conventions *conv, const char *p, size_t st, size_t dot,
                          size_t next, size_t end)
{
        size_t t = dot;
        while (t > st && !isspace((unsigned char)p[t - 1]) && p[t - 1] != '(')
                t--;
        const char *tok = p + t;
        size_t n = dot - t;
        if (th_conventions_abbreviation(conv, tok, n) || is_initials(tok, n))
                return 0;
        if (all_digits(tok, n) && t == st)
                return 0; /* a list number: "1. Corporate" */
        while (next < end && isspace((unsigned char)p[next]))
                next++;
        if (next < end && islower((unsigned char)p[next]))
                return 0;
        return 1;
}

static void push_trimmed(struct th_doc *doc, size_t st, size_t en)
{
        while (en > st && isspace((unsigned char)doc->prose[en - 1]))
                en--;
        if (en > st)
                th_span_list_push(&doc->sentences, st, en);
}

/* The first byte of a possible terminator at or after `from`: '.', '!', '?' or the
 * first byte of '…'.  `next` caches where each was last found, so that a block is
 * searched with memchr once per byte value, not byte by byte. */
static size_t next_mark(const char *p, size_t from, size_t end, size_t next[4])
{
        static const char marks[4] = {'.', '!', '?', (char)0xE2};
        size_t best = end;
        for (int k = 0; k < 4; k++) {
                if (next[k] < from) {
                        const char *q = memchr(p + from, marks[k], end - from);
                        next[k] = q ? (size_t)(q - p) : end;
                }
                if (next[k] < best)
                        best = next[k];
        }
        return best;
}

static void split_block(struct th_doc *doc, size_t start, size_t end)
{
        const char *p = doc->prose;
        size_t i = start, next[4] = {0, 0, 0, 0};
        while (i < end) {
                while (i < end && isspace((unsigned char)p[i]))
                        i++;
                if (i >= end)
                        break;
                size_t st = i, j = i, stop = end;
                while ((j = next_mark(p, j, end, next)) < end) {
                        size_t t = terminator_len(p + j, end - j);
                        if (!t) {
                                j++; /* 0xE2 that does not start '…' */
                                continue;
                        }
                        size_t k = j + t;
                        while (k < end && terminator_len(p + k, end - k))
                                k += terminator_len(p + k, end - k);
                        for (size_t cl; k < end && (cl = closer_len(p + k, end - k));)
                                k += cl;
                        size_t after = k; /* and a footnote mark */
                        if (k < end) {
                                size_t fn = footnote_len(p + k, end - k);
                                after += fn ? fn : superscript_len(p + k, end - k);
                        }
                        if ((after >= end || isspace((unsigned char)p[after])) &&
                            (p[j] != '.' || k > j + 1 ||
                             full_stop_ends(doc->conv, p, st, j, after, end))) {
                                stop = after;
                                break;
                        }
                        j = k;
                }
                push_trimmed(doc, st, stop);
                i = stop;
        }
}

void th_sentences_split(struct th_doc *doc)
{
        for (size_t b = 0; b < doc->blocks.nr; b++)
                split_block(doc, doc->blocks.v[b].start, doc->blocks.v[b].end);
}
