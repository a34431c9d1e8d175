/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * markdown.c: find the prose of a Markdown document with md4c.
 *
 * md4c's text callbacks point into the input, so every piece of prose is
 * copied to the same offset of the prose view.  Code, raw HTML, autolinks
 * and link destinations never reach the prose; footnote definitions are
 * blanked afterwards (md4c does not know them).  Text inside blockquotes is
 * recorded as reported speech, and every block boundary is recorded so that
 * no sentence crosses one.
 */
#define _GNU_SOURCE /* memmem */
#include "document/document.h"
#include "base/util.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>

struct scan {
        struct th_doc *doc;
        size_t open_start, open_end; /* text seen since the last block boundary */
        int has_open;
        int quote_depth;
        int code_depth;
        /* the destination of the link we are in: a copy, for md4c frees the one it builds
         * (of "a\\&b", "a&amp;b") as soon as enter_span returns */
        char *link_href;
        size_t link_href_len;
};

static void flush_block(struct scan *s)
{
        if (s->has_open)
                th_span_list_push(&s->doc->blocks, s->open_start, s->open_end);
        s->has_open = 0;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
        struct scan *s = userdata;
        (void)detail;
        flush_block(s);
        if (type == MD_BLOCK_QUOTE)
                s->quote_depth++;
        if (type == MD_BLOCK_CODE)
                s->code_depth++;
        return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
        struct scan *s = userdata;
        (void)detail;
        flush_block(s);
        if (type == MD_BLOCK_QUOTE)
                s->quote_depth--;
        if (type == MD_BLOCK_CODE)
                s->code_depth--;
        return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
        struct scan *s = userdata;
        if (type == MD_SPAN_A) {
                const MD_SPAN_A_DETAIL *a = detail;
                free(s->link_href);
                s->link_href = th_xstrndup(a->href.text, a->href.size);
                s->link_href_len = a->href.size;
        }
        return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
        struct scan *s = userdata;
        (void)detail;
        if (type == MD_SPAN_A) {
                free(s->link_href);
                s->link_href = NULL;
        }
        return 0;
}

/* An autolink's text is its destination (possibly without "mailto:" or "http://"). */
static int is_autolink_text(const struct scan *s, const char *text, size_t size)
{
        if (!s->link_href || size == 0 || s->link_href_len < size)
                return 0;
        return memcmp(s->link_href + s->link_href_len - size, text, size) == 0;
}

static int text_cb(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
        struct scan *s = userdata;
        struct th_doc *doc = s->doc;
        if (text < doc->text || text + size > doc->text + doc->len)
                return 0; /* synthetic text (soft break, NUL replacement) */
        size_t start = (size_t)(text - doc->text), end = start + size;
        if (type == MD_TEXT_HTML) {
                th_span_list_push(&doc->html, start, end);
                return 0;
        }
        if (type != MD_TEXT_NORMAL && type != MD_TEXT_ENTITY)
                return 0;
        if (s->code_depth || is_autolink_text(s, text, size))
                return 0;
        memcpy(doc->prose + start, text, size);
        if (s->quote_depth)
                th_span_list_push(&doc->quotes, start, end);
        if (!s->has_open) {
                s->open_start = start;
                s->has_open = 1;
        }
        s->open_end = end;
        return 0;
}

/* Blank footnote definitions: a block whose text starts a line with "[^label]:". */
static void blank_footnotes(struct th_doc *doc)
{
        for (size_t b = 0; b < doc->blocks.nr; b++) {
                size_t start = doc->blocks.v[b].start, end = doc->blocks.v[b].end;
                size_t line = doc->lines[th_doc_line_of(doc, start)];
                size_t i = line;
                while (i < start && (doc->text[i] == ' ' || doc->text[i] == '>'))
                        i++;
                if (doc->len - i < 3 || memcmp(doc->text + i, "[^", 2) != 0)
                        continue;
                const char *close = memchr(doc->text + i, ']', end - i);
                if (!close || (size_t)(close - doc->text) + 1 >= doc->len || close[1] != ':')
                        continue;
                for (size_t k = start; k < end; k++)
                        if (doc->prose[k] != '\n')
                                doc->prose[k] = ' ';
                doc->blocks.v[b].end = doc->blocks.v[b].start; /* empty: no sentences */
        }
}

void th_markdown_scan(struct th_doc *doc)
{
        MD_PARSER parser;
        memset(&parser, 0, sizeof(parser));
        parser.abi_version = 0;
        parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
                       MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS |
                       MD_FLAG_PERMISSIVEEMAILAUTOLINKS;
        parser.enter_block = enter_block;
        parser.leave_block = leave_block;
        parser.enter_span = enter_span;
        parser.leave_span = leave_span;
        parser.text = text_cb;
        struct scan s;
        memset(&s, 0, sizeof(s));
        s.doc = doc;
        md_parse(doc->text + doc->body, (MD_SIZE)(doc->len - doc->body), &parser, &s);
        free(s.link_href);
        flush_block(&s);
        blank_footnotes(doc);
}

/* Plain text: everything after the byte-order mark is prose, paragraphs are
 * separated by blank lines, and suppression comments are raw HTML. */
void th_plain_scan(struct th_doc *doc)
{
        memcpy(doc->prose + doc->bom, doc->text + doc->bom, doc->len - doc->bom);
        /* memmem, not a byte loop: comments are rare and the scan runs at memory speed */
        const char *end = doc->text + doc->len;
        for (const char *c = doc->text + doc->bom;
             (c = memmem(c, (size_t)(end - c), "<!--", 4)) != NULL;) {
                const char *close = memmem(c + 4, (size_t)(end - c - 4), "-->", 3);
                size_t i = (size_t)(c - doc->text),
                       stop = close ? (size_t)(close + 3 - doc->text) : doc->len;
                th_span_list_push(&doc->html, i, stop);
                for (size_t k = i; k < stop; k++)
                        if (doc->prose[k] != '\n')
                                doc->prose[k] = ' ';
                c = doc->text + stop;
        }
        size_t start = doc->bom;
        int in_par = 0;
        for (size_t l = 0; l < doc->nlines; l++) {
                size_t ls = doc->lines[l], le = l + 1 < doc->nlines ? doc->lines[l + 1] : doc->len;
                int blank = 1;
                for (size_t k = ls; k < le && blank; k++)
                        blank = doc->prose[k] == ' ' || doc->prose[k] == '\n' ||
                                doc->prose[k] == '\r' || doc->prose[k] == '\t';
                if (!blank && !in_par) {
                        start = ls;
                        in_par = 1;
                } else if (blank && in_par) {
                        th_span_list_push(&doc->blocks, start, ls);
                        in_par = 0;
                }
        }
        if (in_par)
                th_span_list_push(&doc->blocks, start, doc->len);
}

/* Lines, each a paragraph: the text of a Word, OpenDocument or PDF file, as read. */
void th_lines_scan(struct th_doc *doc)
{
        memcpy(doc->prose + doc->bom, doc->text + doc->bom, doc->len - doc->bom);
        for (size_t l = 0; l < doc->nlines; l++) {
                size_t ls = doc->lines[l], le = l + 1 < doc->nlines ? doc->lines[l + 1] : doc->len;
                size_t end = le;
                while (end > ls && (doc->text[end - 1] == '\n' || doc->text[end - 1] == '\r'))
                        end--;
                if (end > ls)
                        th_span_list_push(&doc->blocks, ls, end);
        }
}
