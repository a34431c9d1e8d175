/* SPDX-License-Identifier: EUPL-1.2 */
/* document.c: builds the document model (see document.h). */
#include "document/document.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void th_span_list_push(struct th_span_list *l, size_t start, size_t end)
{
        TH_GROW(l->v, l->nr + 1, l->alloc);
        l->v[l->nr].start = start;
        l->v[l->nr].end = end;
        l->nr++;
}

size_t th_span_list_index(const struct th_span_list *l, size_t at)
{
        size_t lo = 0, hi = l->nr;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (l->v[mid].end <= at)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

void th_span_list_release(struct th_span_list *l)
{
        free(l->v);
        memset(l, 0, sizeof(*l));
}

static void index_lines(struct th_doc *doc)
{
        size_t alloc = 0;
        doc->nlines = 0;
        TH_GROW(doc->lines, 1, alloc);
        doc->lines[doc->nlines++] = doc->bom;
        for (const char *p = doc->text + doc->bom, *end = doc->text + doc->len;
             (p = memchr(p, '\n', (size_t)(end - p)));) {
                TH_GROW(doc->lines, doc->nlines + 1, alloc);
                doc->lines[doc->nlines++] = (size_t)(++p - doc->text);
        }
}

size_t th_doc_line_of(const struct th_doc *doc, size_t offset)
{
        size_t lo = 0, hi = doc->nlines;
        while (hi - lo > 1) {
                size_t mid = lo + (hi - lo) / 2;
                if (doc->lines[mid] <= offset)
                        lo = mid;
                else
                        hi = mid;
        }
        return lo;
}

void th_doc_position(const struct th_doc *doc, size_t offset, unsigned *line, unsigned *col)
{
        struct th_doc_counted *c = (struct th_doc_counted *)&doc->counted_col; /* a cache */
        if (offset > doc->len)
                offset = doc->len;
        size_t l = th_doc_line_of(doc, offset);
        size_t start = doc->lines[l];
        if (offset < start)
                offset = start;                                    /* inside the byte-order mark */
        size_t n = c->valid && c->line == l && c->offset <= offset /* on from the last one */
                       ? c->count + th_utf8_count(doc->text + c->offset, offset - c->offset)
                       : th_utf8_count(doc->text + start, offset - start);
        *c = (struct th_doc_counted){offset, l, n, 1};
        *line = (unsigned)l + 1;
        *col = (unsigned)n + 1;
}

size_t th_doc_chars(const struct th_doc *doc, size_t offset)
{
        struct th_doc_counted *c = (struct th_doc_counted *)&doc->counted_chars; /* a cache */
        if (offset > doc->len)
                offset = doc->len;
        size_t n = c->valid && c->offset <= offset
                       ? c->count + th_utf8_count(doc->text + c->offset, offset - c->offset)
                       : th_utf8_count(doc->text, offset);
        *c = (struct th_doc_counted){offset, 0, n, 1};
        return n;
}

int th_doc_in_quote(const struct th_doc *doc, size_t offset)
{
        size_t i = th_span_list_index(&doc->quotes, offset);
        return i < doc->quotes.nr && doc->quotes.v[i].start <= offset;
}

struct th_span th_doc_sentence_at(const struct th_doc *doc, size_t offset)
{
        size_t lo = th_span_list_index(&doc->sentences, offset);
        struct th_span s = {offset, offset};
        if (lo < doc->sentences.nr && doc->sentences.v[lo].start <= offset) {
                s.start = doc->sentences.v[lo].start;
                s.end = doc->sentences.v[lo].end;
        }
        return s;
}

/* Check the encoding; with `lenient`, remember each invalid byte instead. */
static int check_utf8(struct th_doc *doc, int lenient, struct th_error *err)
{
        size_t at = doc->bom;
        for (;;) {
                size_t bad = at + th_utf8_first_invalid(doc->text + at, doc->len - at);
                if (bad >= doc->len)
                        return 0;
                if (!lenient) {
                        unsigned line, col;
                        th_doc_position(doc, bad, &line, &col);
                        return th_error_set(err, TH_ERR_USAGE, doc->path, line, col,
                                            "invalid UTF-8 byte 0x%02X; expected UTF-8 text "
                                            "(use --lenient to skip invalid bytes)",
                                            (unsigned char)doc->text[bad]);
                }
                th_span_list_push(&doc->invalid, bad, bad + 1);
                at = bad + 1;
        }
}

int th_doc_build(struct th_doc *doc, const char *path, char *text, size_t len,
                 const struct th_doc_options *opt, struct th_error *err)
{
        memset(doc, 0, sizeof(*doc));
        doc->path = th_xstrdup(path);
        doc->text = text;
        doc->len = len;
        doc->conv = opt->conv;
        th_meta_init(&doc->meta);
        if (len > UINT32_MAX - 1) /* the word index keeps offsets in 32 bits */
                return th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                                    "document too large (%zu bytes, at most 4 GiB)", len);
        if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
                doc->bom = 3;
        doc->body = doc->bom;
        index_lines(doc);
        if (check_utf8(doc, opt->lenient, err) < 0)
                return -1;
        if (opt->base)
                th_meta_copy(&doc->meta, opt->base);
        doc->prose = th_xmalloc(len + 1);
        memset(doc->prose, ' ', len);
        for (size_t l = 1; l < doc->nlines; l++)
                doc->prose[doc->lines[l] - 1] = '\n'; /* keep the line ends */
        doc->prose[len] = '\0';
        if (opt->markup == TH_MARKUP_MARKDOWN) {
                if (th_frontmatter_read(doc, err) < 0)
                        return -1;
                th_markdown_scan(doc);
        } else if (opt->markup == TH_MARKUP_HTML) {
                th_html_scan(doc);
        } else if (opt->markup == TH_MARKUP_LINES) {
                th_lines_scan(doc);
        } else {
                th_plain_scan(doc);
        }
        for (size_t i = 0; i < doc->invalid.nr; i++)
                doc->prose[doc->invalid.v[i].start] = ' ';
        if (opt->overlay)
                th_meta_copy(&doc->meta, opt->overlay);
        th_sentences_split(doc);
        th_quotes_find(doc);
        return 0;
}

void th_doc_release(struct th_doc *doc)
{
        free(doc->path);
        free(doc->text);
        free(doc->prose);
        free(doc->lines);
        th_meta_release(&doc->meta);
        th_span_list_release(&doc->html);
        th_span_list_release(&doc->blocks);
        th_span_list_release(&doc->sentences);
        th_span_list_release(&doc->quotes);
        th_span_list_release(&doc->invalid);
        memset(doc, 0, sizeof(*doc));
}
