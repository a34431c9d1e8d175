/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * frontmatter.c: YAML front matter ("---" ... "---" at the top of a
 * Markdown document) read into the document's metadata, with the place of
 * each value kept so that findings and errors can point at it.
 */
#include "document/document.h"
#include "base/utf8.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <stdlib.h>
#include <string.h>

/* Length of the line at `at` if it is exactly `marker` (with \n or \r\n), else 0. */
static size_t marker_line(const char *s, size_t len, size_t at, const char *marker)
{
        size_t m = strlen(marker);
        if (len - at < m || memcmp(s + at, marker, m) != 0)
                return 0;
        size_t i = at + m;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
        if (i == len)
                return i - at;
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
                return i + 2 - at;
        return s[i] == '\n' ? i + 1 - at : 0;
}

/* Byte offset of (0-based) `line`, `col` code points in. */
static size_t offset_at(const struct th_doc *doc, size_t line, size_t col)
{
        if (line >= doc->nlines)
                return doc->len;
        size_t at = doc->lines[line];
        while (col-- > 0 && at < doc->len && doc->text[at] != '\n') {
                size_t n;
                th_utf8_decode((const unsigned char *)doc->text + at, doc->len - at, &n);
                at += n;
        }
        return at;
}

static int store(struct th_doc *doc, const struct th_yamldoc *y, const struct th_ynode *knode,
                 const struct th_ynode *vnode, struct th_error *err)
{
        const char *key = th_yamldoc_scalar(knode);
        if (!key)
                return th_yamldoc_error(y, knode, TH_ERR_USAGE, err,
                                        "front matter: expected a key, got %s",
                                        th_yamldoc_kind(knode));
        const char **values;
        size_t nr;
        const struct th_ynode *bad;
        if (th_yamldoc_texts(y, vnode, &values, &nr, &bad) < 0)
                return th_yamldoc_error(
                    y, bad, TH_ERR_USAGE, err,
                    bad == vnode ? "front matter: '%s' expected a value or a list, got %s"
                                 : "front matter: '%s' expected a list of text values, "
                                   "got %s",
                    key, th_yamldoc_kind(bad));
        unsigned end_line, end_col;
        th_yamldoc_end(y, vnode, &end_line, &end_col);
        size_t span[2] = {
            offset_at(doc, th_yamldoc_line(y, vnode) - 1, th_yamldoc_col(y, vnode) - 1),
            offset_at(doc, end_line - 1, end_col - 1)};
        int rc = th_meta_set(&doc->meta, key, values, nr, span, doc->conv, doc->path,
                             th_yamldoc_line(y, vnode), th_yamldoc_col(y, vnode), err);
        free(values);
        return rc;
}

int th_frontmatter_read(struct th_doc *doc, struct th_error *err)
{
        size_t open = marker_line(doc->text, doc->len, doc->bom, "---");
        if (!open)
                return 0;
        size_t yaml_start = doc->bom + open, at = yaml_start, close = 0;
        while (at < doc->len) {
                close = marker_line(doc->text, doc->len, at, "---");
                if (!close)
                        close = marker_line(doc->text, doc->len, at, "...");
                if (close)
                        break;
                const char *nl = memchr(doc->text + at, '\n', doc->len - at);
                at = nl ? (size_t)(nl - doc->text) + 1 : doc->len;
        }
        if (!close)
                return th_error_set(err, TH_ERR_USAGE, doc->path, 1, 1,
                                    "front matter is not closed: expected a line '---' after the "
                                    "opening '---'");
        unsigned first_line = (unsigned)th_doc_line_of(doc, yaml_start);
        struct th_yamldoc y;
        if (th_yamldoc_load(&y, doc->path, doc->text + yaml_start, at - yaml_start, first_line,
                            TH_ERR_USAGE, err) < 0)
                return -1;
        int rc = 0;
        const struct th_ynode *root = th_yamldoc_root(&y), *k, *v;
        if (root && th_yamldoc_type(root) != TH_YMAP)
                rc = th_yamldoc_error(&y, root, TH_ERR_USAGE, err,
                                      "front matter: expected a mapping of metadata keys, got %s",
                                      th_yamldoc_kind(root));
        /* Metadata keys are data: each key is one. */
        for (size_t i = 0; rc == 0 && i < th_yamldoc_count(root); i++) {
                v = th_yamldoc_pair(&y, root, i, &k);
                rc = store(doc, &y, k, v, err);
        }
        th_yamldoc_release(&y);
        doc->body = at + close;
        return rc;
}
