/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * document.h: the document model every rule reads.
 *
 * A document is the text as read (UTF-8, validated), a line index, its
 * metadata, and views derived once: the prose (the text with every byte
 * that is not prose blanked, so offsets stay those of the file), the raw
 * HTML regions (where suppression comments stand), the blocks, the
 * sentences and the quotation spans.
 */
#ifndef TH_DOCUMENT_H
#define TH_DOCUMENT_H

#include <stddef.h>

#include "base/error.h"
#include "document/meta.h"
#include "twohats/plugin.h"

struct th_span_list {
        struct {
                size_t start, end;
        } * v;
        size_t nr, alloc;
};

void th_span_list_push(struct th_span_list *l, size_t start, size_t end);
void th_span_list_release(struct th_span_list *l);
/* In a sorted list of spans that do not overlap: the index of the first span that ends
 * after `at` (the one holding `at`, or the next), l->nr when none does. */
size_t th_span_list_index(const struct th_span_list *l, size_t at);

/* How a text is marked up: Markdown; plain text (paragraphs between blank lines); HTML;
 * or lines, each a paragraph (the text read from Word, OpenDocument and PDF files). */
enum th_markup { TH_MARKUP_MARKDOWN, TH_MARKUP_PLAIN, TH_MARKUP_HTML, TH_MARKUP_LINES };

struct th_doc {
        char *path; /* name used in reports */
        char *text; /* owned, NUL-terminated for convenience */
        size_t len;
        char *prose;   /* same length as text; non-prose bytes are spaces */
        size_t bom;    /* 3 when the text starts with a byte-order mark */
        size_t body;   /* offset where the body starts (after front matter) */
        size_t *lines; /* offset of the start of each line */
        size_t nlines;
        struct th_meta meta;
        const struct th_conventions *conv; /* the language's, borrowed; may be NULL */
        struct th_span_list html;          /* raw HTML (comments among it) */
        struct th_span_list blocks;        /* prose blocks: paragraphs, headings, items */
        struct th_span_list sentences;
        struct th_span_list quotes;  /* quotation marks and blockquotes, sorted */
        struct th_span_list invalid; /* invalid UTF-8 bytes skipped with --lenient */
        /* The last positions counted, to count the next ones from there: findings come in
         * order, and counting each from its line's start (or the text's) made a line of
         * 1 MB with 20,000 findings take seconds.  Caches, updated by th_doc_position
         * and th_doc_chars; `valid` is 0 until the first count. */
        struct th_doc_counted {
                size_t offset, line, count;
                int valid;
        } counted_col, counted_chars;
};

/* Options for building a document. */
struct th_doc_options {
        enum th_markup markup;
        int lenient;                       /* skip invalid UTF-8 instead of failing */
        const struct th_meta *base;        /* configuration defaults, may be NULL */
        const struct th_meta *overlay;     /* JSON Lines fields, --meta; may be NULL */
        const struct th_conventions *conv; /* abbreviations, metadata spellings; may be NULL */
};

/*
 * Build `doc` from `text` (taken over: freed with the document, also on
 * failure).  Returns 0, or -1 with `err` naming the path, line and column
 * (invalid UTF-8, broken front matter, a metadata value not allowed).
 */
int th_doc_build(struct th_doc *doc, const char *path, char *text, size_t len,
                 const struct th_doc_options *opt, struct th_error *err);
void th_doc_release(struct th_doc *doc);

/* 1-based line and column (in code points) of byte `offset`. */
void th_doc_position(const struct th_doc *doc, size_t offset, unsigned *line, unsigned *col);
/* Code points from the start of the text to byte `offset`. */
size_t th_doc_chars(const struct th_doc *doc, size_t offset);
/* Index of the line (0-based) holding `offset`. */
size_t th_doc_line_of(const struct th_doc *doc, size_t offset);

int th_doc_in_quote(const struct th_doc *doc, size_t offset);

/* The sentence holding byte `offset` ([offset, offset) when none does). */
struct th_span th_doc_sentence_at(const struct th_doc *doc, size_t offset);

/* Builders, each in its own file. */
int th_frontmatter_read(struct th_doc *doc, struct th_error *err);
void th_markdown_scan(struct th_doc *doc);
void th_plain_scan(struct th_doc *doc);
void th_lines_scan(struct th_doc *doc);
void th_html_scan(struct th_doc *doc);
void th_sentences_split(struct th_doc *doc);
void th_quotes_find(struct th_doc *doc);

#endif
