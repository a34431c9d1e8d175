/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * office.c: the text of Word (.docx) and OpenDocument (.odt) files, one paragraph a line,
 * so that a finding at line 12, column 34 is paragraph 12, character 34.
 *
 * Both are ZIP archives of XML (the ZIP reader module, readers/zip.c, on libzip; expat's
 * streaming parser): word/document.xml
 * with word/footnotes.xml after it, or content.xml (footnotes stand in their paragraph
 * there, and come out as paragraphs of their own before it).  Paragraphs, headings, list
 * items, table cells, footnotes and text boxes are read in document order.  Tracked
 * changes are read as accepted (inserted text in, deleted text out); comments are not
 * prose.  Document properties give `date` (created), `title` and `author`.
 */
#include "input/office.h"
#include "base/util.h"
#include "input/readers.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>

typedef int (*zip_read_fn)(const char *buf, size_t size, const char *const *names, size_t max,
                           char **members, size_t *lens, char **why);

/* The dialect: which elements make a paragraph, hold text, and are left out. */
struct dialect {
        const char *paragraph[3]; /* local names that open a paragraph */
        const char *text;         /* text runs (NULL: all text inside a paragraph) */
        const char *tab, *brk;    /* a tab and a line break inside a paragraph */
        const char *space;        /* ODF <text:s text:c="N"/>: N spaces */
        const char *skip[6];      /* whole subtrees left out */
};

static const struct dialect word_dialect = {
    {"p", NULL, NULL},
    "t",
    "tab",
    "br",
    NULL,
    {"delText", "del", "commentReference", "Fallback", "instrText", NULL}};
static const struct dialect odf_dialect = {
    {"p", "h", NULL},
    NULL,
    "tab",
    "line-break",
    "s",
    {"tracked-changes", "annotation", "annotation-end", "deletion", NULL, NULL}};

static int is(const char *name, const char *const *list, size_t n)
{
        for (size_t i = 0; i < n && list[i]; i++)
                if (!strcmp(name, list[i]))
                        return 1;
        return 0;
}

/* The local name of an expanded name "URI|local" (expat's namespace separator '|'). */
static const char *local(const char *name)
{
        const char *bar = strrchr(name, '|');
        return bar ? bar + 1 : name;
}

/* Paragraphs being read: a text box or an ODF note opens one inside another, which
 * comes out first. */
struct reading {
        const struct dialect *d;
        struct th_buf *open;
        size_t nopen, aopen;
        struct th_buf out;
        unsigned skipping; /* depth inside a subtree left out */
        int in_text;
        XML_Parser parser;
};

static void end_paragraph(struct reading *r)
{
        struct th_buf *b = &r->open[--r->nopen];
        for (size_t i = 0; i < b->len; i++) /* one paragraph, one line */
                if (b->s[i] == '\n' || b->s[i] == '\r')
                        b->s[i] = ' ';
        th_buf_add(&r->out, b->s ? b->s : "", b->len);
        th_buf_adds(&r->out, "\n");
        th_buf_release(b);
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
        struct reading *r = data;
        const struct dialect *d = r->d;
        const char *n = local(name);
        if (r->skipping || is(n, d->skip, 6)) {
                r->skipping++;
                return;
        }
        if (is(n, d->paragraph, 3)) {
                TH_GROW(r->open, r->nopen + 1, r->aopen);
                memset(&r->open[r->nopen++], 0, sizeof(r->open[0]));
        } else if (r->nopen && (!strcmp(n, d->tab) || !strcmp(n, d->brk))) {
                th_buf_adds(&r->open[r->nopen - 1], " ");
        } else if (r->nopen && d->space && !strcmp(n, d->space)) {
                long count = 1;
                for (size_t i = 0; atts[i]; i += 2)
                        if (!strcmp(local(atts[i]), "c"))
                                count = strtol(atts[i + 1], NULL, 10);
                for (long i = 0; i < (count > 0 && count < 64 ? count : 1); i++)
                        th_buf_adds(&r->open[r->nopen - 1], " ");
        } else if (d->text && !strcmp(n, d->text)) {
                r->in_text = 1;
        }
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
        struct reading *r = data;
        const char *n = local(name);
        if (r->skipping) {
                r->skipping--;
                return;
        }
        if (is(n, r->d->paragraph, 3) && r->nopen)
                end_paragraph(r);
        else if (r->d->text && !strcmp(n, r->d->text))
                r->in_text = 0;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
        struct reading *r = data;
        if (!r->skipping && r->nopen && (r->in_text || !r->d->text))
                th_buf_add(&r->open[r->nopen - 1], s, (size_t)len);
}

/* An entity declaration stops the parse: a document has none, and they make bombs. */
static void XMLCALL on_entity(void *data, const XML_Char *name, int param, const XML_Char *value,
                              int len, const XML_Char *base, const XML_Char *system,
                              const XML_Char *public, const XML_Char *notation)
{
        (void)name, (void)param, (void)value, (void)len, (void)base, (void)system, (void)public,
            (void)notation;
        XML_StopParser(((struct reading *)data)->parser, XML_FALSE);
}

/* The paragraphs of one XML member, appended to r->out; -1 when it is no XML. */
static int read_xml(const char *xml, size_t len, struct reading *r)
{
        XML_Parser p = XML_ParserCreateNS(NULL, '|');
        if (!p)
                return -1;
        r->parser = p;
        XML_SetUserData(p, r);
        XML_SetElementHandler(p, on_start, on_end);
        XML_SetCharacterDataHandler(p, on_text);
        XML_SetEntityDeclHandler(p, on_entity);
        int ok = XML_Parse(p, xml, (int)len, XML_TRUE) == XML_STATUS_OK;
        XML_ParserFree(p);
        while (r->nopen) /* a paragraph the XML did not close */
                end_paragraph(r);
        r->skipping = 0;
        r->in_text = 0;
        return ok ? 0 : -1;
}

/* A property of docProps/core.xml or meta.xml, by local name, or NULL. */
static void XMLCALL on_entity_property(void *data, const XML_Char *name, int param,
                                       const XML_Char *value, int len, const XML_Char *base,
                                       const XML_Char *system, const XML_Char *public,
                                       const XML_Char *notation);
struct property {
        const char *want;
        struct th_buf value;
        int in, done;
        XML_Parser parser;
};

static void XMLCALL prop_start(void *data, const XML_Char *name, const XML_Char **atts)
{
        struct property *p = data;
        (void)atts;
        p->in = !p->done && !strcmp(local(name), p->want);
}

static void XMLCALL prop_end(void *data, const XML_Char *name)
{
        struct property *p = data;
        if (p->in && !strcmp(local(name), p->want))
                p->done = 1;
        p->in = 0;
}

static void XMLCALL prop_text(void *data, const XML_Char *s, int len)
{
        struct property *p = data;
        if (p->in)
                th_buf_add(&p->value, s, (size_t)len);
}

static void XMLCALL on_entity_property(void *data, const XML_Char *name, int param,
                                       const XML_Char *value, int len, const XML_Char *base,
                                       const XML_Char *system, const XML_Char *public,
                                       const XML_Char *notation)
{
        (void)name, (void)param, (void)value, (void)len, (void)base, (void)system, (void)public,
            (void)notation;
        XML_StopParser(((struct property *)data)->parser, XML_FALSE);
}

static char *property(const char *xml, size_t len, const char *want)
{
        struct property p = {want, {0}, 0, 0, NULL};
        XML_Parser x = XML_ParserCreateNS(NULL, '|');
        if (!x)
                return NULL;
        XML_SetUserData(x, &p);
        XML_SetElementHandler(x, prop_start, prop_end);
        XML_SetCharacterDataHandler(x, prop_text);
        XML_SetEntityDeclHandler(x, on_entity_property);
        p.parser = x;
        XML_Parse(x, xml, (int)len, XML_TRUE);
        XML_ParserFree(x);
        if (!p.done || !p.value.len) {
                th_buf_release(&p.value);
                return NULL;
        }
        return th_buf_detach(&p.value);
}

static void set_meta(struct th_meta *m, const char *key, char *value, size_t keep)
{
        if (!value)
                return;
        if (keep && strlen(value) > keep)
                value[keep] = '\0'; /* the YYYY-MM-DD of an ISO 8601 date-time */
        const char *v = value;
        struct th_error ignored = {0};
        th_meta_set(m, key, &v, 1, NULL, NULL, "", 0, 0, &ignored);
        th_error_release(&ignored);
        free(value);
}

int th_office_read(const char *path, const char *buf, size_t size, int odf, char **text,
                   size_t *len, struct th_meta *props, struct th_error *err)
{
        const char *kind = odf ? "OpenDocument" : "Word";
        zip_read_fn zip_read = (zip_read_fn)th_reader_function("zip", "twohats_zip_read");
        if (!zip_read)
                return th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                                    "cannot read %s files: this twohats has no ZIP reader "
                                    "(its readers/zip module is missing)",
                                    kind);
        /* the parts in reading order, then the properties */
        static const char *const word_parts[] = {"word/document.xml", "word/footnotes.xml",
                                                 "docProps/core.xml", NULL};
        static const char *const odf_parts[] = {"content.xml", "meta.xml", NULL};
        const char *const *parts = odf ? odf_parts : word_parts;
        size_t nparts = odf ? 1 : 2, lens[3];
        char *xml[3], *why = NULL;
        if (zip_read(buf, size, parts, TH_OFFICE_MAX_XML, xml, lens, &why) < 0) {
                int rc = th_error_set(err, TH_ERR_USAGE, path, 0, 0, "cannot read this %s file: %s",
                                      kind, why ? why : "out of memory");
                free(why);
                return rc;
        }
        struct reading r = {.d = odf ? &odf_dialect : &word_dialect};
        int rc = 0;
        for (size_t i = 0; i < nparts && rc == 0; i++) {
                if (!xml[i] && i == 0)
                        rc = th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                                          "cannot read this %s file: no %s in it", kind, parts[i]);
                else if (xml[i] && read_xml(xml[i], lens[i], &r) < 0)
                        rc = th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                                          "cannot read this file: %s is not well-formed XML",
                                          parts[i]);
        }
        const char *meta = xml[nparts];
        size_t n = lens[nparts];
        if (rc == 0 && meta) {
                set_meta(props, "date", property(meta, n, odf ? "creation-date" : "created"), 10);
                set_meta(props, "title", property(meta, n, "title"), 0);
                set_meta(props, "author", property(meta, n, odf ? "initial-creator" : "creator"),
                         0);
        }
        for (size_t i = 0; parts[i]; i++)
                free(xml[i]);
        free(r.open);
        if (rc < 0) {
                th_buf_release(&r.out);
                return -1;
        }
        *len = r.out.len;
        *text = r.out.s ? th_buf_detach(&r.out) : th_xstrdup("");
        return 0;
}
