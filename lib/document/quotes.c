/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * quotes.c: find quotation spans ("…", “…”, „…”, «…», ‘…’, '…') in each
 * prose block and merge them with the blockquotes found by the Markdown
 * scan.  Text in a span is reported speech: rules may lower or drop their
 * findings there.
 */
#include "document/document.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

struct pair {
        const char *open;
        const char *close;
        const char *close_alt;
        int apostrophe_like; /* the closer doubles as an apostrophe */
};

static const struct pair pairs[] = {
    {"\xC2\xAB", "\xC2\xBB", NULL, 0},                   /* « » */
    {"\xE2\x80\x9C", "\xE2\x80\x9D", NULL, 0},           /* “ ” */
    {"\xE2\x80\x9E", "\xE2\x80\x9D", "\xE2\x80\x9C", 0}, /* „ ” or „ “ */
    {"\xE2\x80\x98", "\xE2\x80\x99", NULL, 1},           /* ‘ ’ */
    {"\"", "\"", NULL, 0},
    {"'", "'", NULL, 1},
    {NULL, NULL, NULL, 0}};

static int is_word_byte(unsigned char c)
{
        return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
}

static int starts_with(const char *p, size_t left, const char *s)
{
        size_t n = strlen(s);
        return n <= left && memcmp(p, s, n) == 0;
}

/* An opening mark stands at a word start: after space, an opening bracket or the block start. */
static int may_open(const char *p, size_t at, size_t start, size_t len, size_t mark)
{
        if (at + mark >= len || p[at + mark] == ' ' || p[at + mark] == '\n')
                return 0;
        return at == start || !is_word_byte((unsigned char)p[at - 1]);
}

static size_t find_close(const char *p, size_t from, size_t end, const struct pair *q)
{
        for (size_t k = from; k < end; k++) {
                if (p[k] != q->close[0] && (!q->close_alt || p[k] != q->close_alt[0]))
                        continue;
                const char *c = NULL;
                if (starts_with(p + k, end - k, q->close))
                        c = q->close;
                else if (q->close_alt && starts_with(p + k, end - k, q->close_alt))
                        c = q->close_alt;
                if (!c)
                        continue;
                size_t after = k + strlen(c);
                /* "thema's", "’s avonds": an apostrophe inside or before a word */
                if (q->apostrophe_like && after < end && is_word_byte((unsigned char)p[after]))
                        continue;
                if (q->apostrophe_like && k > from && p[k - 1] == ' ')
                        continue;
                return after;
        }
        return 0;
}

static void scan_block(struct th_doc *doc, size_t start, size_t end)
{
        const char *p = doc->prose;
        size_t i = start, next[4] = {0, 0, 0, 0};
        while (i < end) {
                /* Only '"', '\'', 0xC2 («, ») and 0xE2 (“ ” „ ‘ ’) start quotation marks. */
                size_t best = end;
                static const char leads[4] = {'"', '\'', (char)0xC2, (char)0xE2};
                for (int k = 0; k < 4; k++) {
                        if (next[k] < i) {
                                const char *q = memchr(p + i, leads[k], end - i);
                                next[k] = q ? (size_t)(q - p) : end;
                        }
                        if (next[k] < best)
                                best = next[k];
                }
                if ((i = best) >= end)
                        break;
                const struct pair *q = pairs;
                while (q->open && !starts_with(p + i, end - i, q->open))
                        q++;
                size_t n = strlen(q->open ? q->open : "");
                if (!q->open || !may_open(p, i, start, end, n)) {
                        i++;
                        continue;
                }
                size_t close = find_close(p, i + n, end, q);
                if (!close) {
                        i += n;
                        continue;
                }
                th_span_list_push(&doc->quotes, i, close);
                i = close;
        }
}

static int by_start(const void *a, const void *b)
{
        const size_t *x = a, *y = b;
        return x[0] < y[0] ? -1 : x[0] > y[0];
}

void th_quotes_find(struct th_doc *doc)
{
        for (size_t b = 0; b < doc->blocks.nr; b++)
                scan_block(doc, doc->blocks.v[b].start, doc->blocks.v[b].end);
        if (doc->quotes.nr < 2)
                return;
        qsort(doc->quotes.v, doc->quotes.nr, sizeof(doc->quotes.v[0]), by_start);
        size_t out = 0;
        for (size_t i = 1; i < doc->quotes.nr; i++) {
                if (doc->quotes.v[i].start <= doc->quotes.v[out].end) {
                        if (doc->quotes.v[i].end > doc->quotes.v[out].end)
                                doc->quotes.v[out].end = doc->quotes.v[i].end;
                } else {
                        doc->quotes.v[++out] = doc->quotes.v[i];
                }
        }
        doc->quotes.nr = out + 1;
}
