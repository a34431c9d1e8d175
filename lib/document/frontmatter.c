/*
 * frontmatter.c: YAML front matter ("---" ... "---" at the top of a
 * Markdown document) read into the document's metadata, with the place of
 * each value kept so that findings and errors can point at it.
 */
#include "document/document.h"
#include "base/utf8.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

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

static int store(struct th_doc *doc, struct th_yamldoc *y, yaml_node_t *knode, yaml_node_t *vnode,
                 unsigned first_line, struct th_error *err)
{
        const char *key = th_yamldoc_scalar(knode);
        if (!key)
                return th_yamldoc_error(y, knode, TH_ERR_USAGE, err,
                                        "front matter: expected a key, got %s",
                                        th_yamldoc_kind(knode));
        const char **values;
        size_t nr;
        yaml_node_t *bad;
        if (th_yamldoc_texts(y, vnode, &values, &nr, &bad) < 0)
                return th_yamldoc_error(
                    y, bad, TH_ERR_USAGE, err,
                    bad == vnode ? "front matter: '%s' expected a value or a list, got %s"
                                 : "front matter: '%s' expected a list of text values, "
                                   "got %s",
                    key, th_yamldoc_kind(bad));
        size_t span[2] = {
            offset_at(doc, first_line + vnode->start_mark.line, vnode->start_mark.column),
            offset_at(doc, first_line + vnode->end_mark.line, vnode->end_mark.column)};
        int rc = th_meta_set(&doc->meta, key, values, nr, span, doc->path,
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
        yaml_node_t *root = th_yamldoc_root(&y);
        if (root && root->type != YAML_MAPPING_NODE) {
                rc = th_yamldoc_error(&y, root, TH_ERR_USAGE, err,
                                      "front matter: expected a mapping of metadata keys, got %s",
                                      th_yamldoc_kind(root));
        } else if (root) {
                for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
                     rc == 0 && p < root->data.mapping.pairs.top; p++)
                        rc = store(doc, &y, th_yamldoc_node(&y, p->key),
                                   th_yamldoc_node(&y, p->value), first_line, err);
        }
        th_yamldoc_release(&y);
        doc->body = at + close;
        return rc;
}
