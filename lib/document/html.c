/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * html.c: the visible text of an HTML page or fragment, through Gumbo (Google's HTML5
 * parser, Debian libgumbo-dev), which parses as browsers do and gives every text node
 * its offset in the source.  Prose keeps the source's length: the text of each visible
 * text node is copied to its own offset and everything else stays blank, so a finding
 * points at its line and column in the HTML as it is.
 *
 * Left out: script, style, template, noscript, the head, comments (kept as raw HTML,
 * where suppressions are read), attribute values and character references (blanked:
 * "&amp;" is no word; a reference inside a word splits it).  Blocks are the block-level
 * elements (p, h1-h6, li, td, th, ...), and the text between them in a div or body;
 * blockquote and q are reported speech.  <meta name="date" content> (also DC.date,
 * dcterms.created, article:published_time) or the first <time datetime> give `date`.
 */
#include "document/document.h"
#include "base/util.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct html {
        struct th_doc *doc;
        size_t base;                   /* where the parsed text starts in doc->text */
        size_t block_start, block_end; /* text of the block being collected, or start > end */
        char *date;                    /* from <meta> or <time>, first found */
};

static int block_level(GumboTag t)
{
        switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_HR:
                return 1;
        default:
                return 0;
        }
}

static int hidden(GumboTag t)
{
        return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
               t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_HEAD;
}

/* End the block being collected: its text becomes a block of the document. */
static void flush(struct html *h)
{
        if (h->block_start < h->block_end)
                th_span_list_push(&h->doc->blocks, h->block_start, h->block_end);
        h->block_start = SIZE_MAX;
        h->block_end = 0;
}

/* Copy a text node's source into prose, character references blank. */
static void text_node(struct html *h, const GumboText *t)
{
        struct th_doc *doc = h->doc;
        size_t at = h->base + t->start_pos.offset, n = t->original_text.length;
        if (at > doc->len || n > doc->len - at)
                return;
        for (size_t i = 0; i < n; i++) {
                char c = doc->text[at + i];
                if (c == '&') { /* a reference, to its ';' (or the end of its letters) */
                        size_t k = i + 1;
                        while (k < n && k - i < 32 && doc->text[at + k] != ';' &&
                               doc->text[at + k] != ' ' && doc->text[at + k] != '&' &&
                               doc->text[at + k] != '<')
                                k++;
                        i = k < n && doc->text[at + k] == ';' ? k : k - 1;
                        continue;
                }
                if (c != '\n')
                        doc->prose[at + i] = c;
        }
        if (h->block_start > at)
                h->block_start = at;
        if (h->block_end < at + n)
                h->block_end = at + n;
}

static const char *attribute(const GumboElement *e, const char *name)
{
        const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
        return a ? a->value : NULL;
}

/* A date from <meta name="date" content="2021-03-01"> or <time datetime="...">. */
static void date_from(struct html *h, const GumboElement *e)
{
        static const char *const names[] = {"date", "dc.date", "dcterms.created",
                                            "article:published_time", NULL};
        const char *value = NULL;
        if (e->tag == GUMBO_TAG_META) {
                const char *name = attribute(e, "name");
                if (!name)
                        name = attribute(e, "property");
                for (size_t i = 0; name && names[i] && !value; i++)
                        if (!strcasecmp(name, names[i]))
                                value = attribute(e, "content");
        } else if (e->tag == GUMBO_TAG_TIME) {
                value = attribute(e, "datetime");
        }
        if (value && !h->date && strlen(value) >= 10)
                h->date = th_xstrndup(value, 10); /* the YYYY-MM-DD of an ISO 8601 value */
}

static void walk(struct html *h, const GumboNode *n)
{
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
                text_node(h, &n->v.text);
                return;
        }
        if (n->type == GUMBO_NODE_COMMENT) {
                size_t at = h->base + n->v.text.start_pos.offset;
                size_t end = at + n->v.text.original_text.length;
                if (end <= h->doc->len)
                        th_span_list_push(&h->doc->html, at, end);
                return;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
            n->type != GUMBO_NODE_TEMPLATE)
                return;
        const GumboVector *children =
            n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
        if (n->type != GUMBO_NODE_DOCUMENT) {
                const GumboElement *e = &n->v.element;
                date_from(h, e);
                if (e->tag == GUMBO_TAG_HEAD) { /* its meta tags, nothing visible */
                        for (unsigned i = 0; i < children->length; i++)
                                if (((GumboNode *)children->data[i])->type == GUMBO_NODE_ELEMENT)
                                        date_from(h, &((GumboNode *)children->data[i])->v.element);
                        return;
                }
                if (hidden(e->tag))
                        return;
        }
        int block = n->type == GUMBO_NODE_ELEMENT && block_level(n->v.element.tag);
        if (block)
                flush(h); /* the text before this block is a block of its own */
        for (unsigned i = 0; i < children->length; i++)
                walk(h, children->data[i]);
        if (block)
                flush(h);
        if (n->type == GUMBO_NODE_ELEMENT &&
            (n->v.element.tag == GUMBO_TAG_BLOCKQUOTE || n->v.element.tag == GUMBO_TAG_Q) &&
            n->v.element.end_pos.offset > n->v.element.start_pos.offset)
                th_span_list_push(&h->doc->quotes, h->base + n->v.element.start_pos.offset,
                                  h->base + n->v.element.end_pos.offset);
}

void th_html_scan(struct th_doc *doc)
{
        struct html h = {doc, doc->body, SIZE_MAX, 0, NULL};
        GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, doc->text + doc->body,
                                                    doc->len - doc->body);
        if (out) {
                walk(&h, out->document);
                flush(&h);
                gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
        if (h.date && !th_meta_value(&doc->meta, "date", 0)) {
                struct th_error ignored = {0};
                const char *v = h.date;
                /* a value that is no date is left out, as a browser would show it anyway */
                th_meta_set(&doc->meta, "date", &v, 1, NULL, doc->conv, doc->path, 0, 0, &ignored);
                th_error_release(&ignored);
        }
        free(h.date);
}
