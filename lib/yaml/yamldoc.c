/* SPDX-License-Identifier: EUPL-1.2 */
/* yamldoc.c: libyaml's document API with positions (see yamldoc.h). */
#include "yaml/yamldoc.h"
#include "yaml/yamlmemo.h"
#include "base/i18n.h"
#include "base/util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <yaml.h>

struct th_ydoc {
        yaml_document_t doc;
        int from_memo; /* only doc.nodes.start is ours (yamlmemo.h) */
};

/* A node handle is libyaml's node itself: the struct only gives it a name. */
struct th_ynode {
        yaml_node_t node;
};

static const yaml_node_t *N(const struct th_ynode *n)
{
        return n ? &n->node : NULL;
}

static const struct th_ynode *node_at(const struct th_yamldoc *y, int index)
{
        return (const struct th_ynode *)yaml_document_get_node(&y->doc->doc, index);
}

/*
 * Where flow collections ("[", "{") nest deeper than TH_YAML_MAX_DEPTH, or 0: libyaml
 * takes time quadratic in the depth (200 KB of "[[[...]]]" took 42 s), so the depth is
 * refused before it parses.  A bracket opens a collection only where a value starts
 * (after ":", "-", ",", another bracket or at the start of a line), not in "a[b";
 * quoted scalars and comments are skipped.  1-based line and column in *line, *col.
 */
static int too_deep(const char *s, size_t n, unsigned *line, unsigned *col)
{
        unsigned depth = 0, ln = 1;
        size_t line_start = 0;
        char prev = '\n'; /* the last byte that is not a space */
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (c == '\n') {
                        ln++;
                        line_start = i + 1;
                        prev = '\n';
                        continue;
                }
                if (c == ' ' || c == '\t' || c == '\r')
                        continue;
                if ((c == '"' || c == '\'') && strchr("\n:-,[{?", prev)) {
                        for (i++; i < n && s[i] != c; i++) /* to the closing quote */
                                if (c == '"' && s[i] == '\\' && i + 1 < n)
                                        i++;
                                else if (s[i] == '\n')
                                        ln++, line_start = i + 1;
                } else if (c == '#' && (i == 0 || strchr(" \t\n", s[i - 1]))) {
                        while (i + 1 < n && s[i + 1] != '\n')
                                i++;
                } else if ((c == '[' || c == '{') && strchr("\n:-,[{?", prev)) {
                        if (++depth > TH_YAML_MAX_DEPTH) {
                                *line = ln;
                                *col = (unsigned)(i - line_start) + 1;
                                return 1;
                        }
                } else if ((c == ']' || c == '}') && depth) {
                        depth--;
                }
                prev = c;
        }
        return 0;
}

/* The size of `index` with every alias copied where it is used (as a consumer that
 * walks the document sees it), counted up to `limit`: a scalar's bytes, one for each
 * node.  `memo` holds each node's size plus one once known: an alias is a shared node,
 * so the count takes time linear in the document even when it expands a billion-fold. */
static uint64_t expanded(const yaml_document_t *d, int index, uint64_t *memo, uint64_t limit)
{
        const yaml_node_t *n = yaml_document_get_node((yaml_document_t *)d, index);
        if (!n)
                return 0;
        uint64_t *m = &memo[index - 1];
        if (*m == UINT64_MAX)
                return limit + 1; /* an alias inside its own anchor ("&a [*a]"): no end */
        if (*m)
                return *m - 1;
        *m = UINT64_MAX; /* being counted */
        uint64_t size = 1;
        if (n->type == YAML_SCALAR_NODE) {
                size += n->data.scalar.length;
        } else if (n->type == YAML_SEQUENCE_NODE) {
                for (yaml_node_item_t *it = n->data.sequence.items.start;
                     it < n->data.sequence.items.top && size <= limit; it++)
                        size += expanded(d, *it, memo, limit);
        } else if (n->type == YAML_MAPPING_NODE) {
                for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
                     p < n->data.mapping.pairs.top && size <= limit; p++)
                        size +=
                            expanded(d, p->key, memo, limit) + expanded(d, p->value, memo, limit);
        }
        if (size > limit)
                size = limit + 1;
        *m = size + 1;
        return size;
}

int th_yamldoc_load(struct th_yamldoc *y, const char *file, const char *buf, size_t len,
                    unsigned line_offset, enum th_error_kind kind, struct th_error *err)
{
        memset(y, 0, sizeof(*y));
        y->file = file;
        y->line_offset = line_offset;
        if (len > TH_YAML_MAX_BYTES)
                return th_error_set(err, kind, file, 0, 0, "file too large (%zu bytes, limit %u)",
                                    len, TH_YAML_MAX_BYTES);
        yaml_document_t kept;
        if (th_yaml_memo_get(buf, len, &kept) == 0) { /* a tree without aliases: no checks */
                y->doc = th_xcalloc(1, sizeof(*y->doc));
                y->doc->doc = kept;
                y->doc->from_memo = 1;
                return 0;
        }
        unsigned dl, dc;
        if (too_deep(buf, len, &dl, &dc))
                return th_error_set(err, kind, file, dl + line_offset, dc,
                                    "YAML nested deeper than %d levels", TH_YAML_MAX_DEPTH);
        yaml_parser_t parser;
        if (!yaml_parser_initialize(&parser))
                return th_error_set(err, TH_ERR_PLUGIN, file, 0, 0, "cannot start YAML parser");
        yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
        struct th_ydoc *d = th_xcalloc(1, sizeof(*d));
        if (!yaml_parser_load(&parser, &d->doc)) {
                const yaml_mark_t *m =
                    parser.problem_mark.line || parser.problem_mark.column || !parser.context
                        ? &parser.problem_mark
                        : &parser.context_mark;
                th_error_set(err, kind, file, (unsigned)m->line + 1 + line_offset,
                             (unsigned)m->column + 1, "invalid YAML: %s%s%s",
                             parser.problem ? parser.problem : "syntax error",
                             parser.context ? " " : "", parser.context ? parser.context : "");
                yaml_parser_delete(&parser);
                free(d);
                return -1;
        }
        y->doc = d;
        yaml_parser_delete(&parser);
        size_t nodes = (size_t)(d->doc.nodes.top - d->doc.nodes.start);
        uint64_t *memo = th_xcalloc(nodes ? nodes : 1, sizeof(*memo));
        uint64_t size = nodes ? expanded(&d->doc, 1, memo, TH_YAML_MAX_EXPANDED) : 0;
        free(memo);
        if (size > TH_YAML_MAX_EXPANDED) {
                th_yamldoc_release(y);
                return th_error_set(err, kind, file, 1 + line_offset, 1,
                                    "YAML aliases expand this text beyond %u MB (each use of an "
                                    "alias copies its anchor): use fewer aliases",
                                    TH_YAML_MAX_EXPANDED >> 20);
        }
        th_yaml_memo_put(buf, len, &d->doc); /* only a document that passed */
        return 0;
}

int th_yamldoc_load_file(struct th_yamldoc *y, const char *path, const char *what,
                         enum th_error_kind kind, struct th_error *err)
{
        char *buf;
        size_t len;
        struct stat st;
        /* rule data and configuration are files: a FIFO or a device would block or never end */
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
                memset(y, 0, sizeof(*y));
                return th_error_set(err, kind, path, 0, 0, "cannot read %s: not a regular file",
                                    what);
        }
        if (th_read_file(path, &buf, &len) < 0) {
                memset(y, 0, sizeof(*y));
                return th_error_set(err, kind, path, 0, 0, "cannot read %s", what);
        }
        int rc = th_yamldoc_load(y, path, buf, len, 0, kind, err);
        free(buf);
        return rc;
}

void th_yamldoc_release(struct th_yamldoc *y)
{
        if (y->doc) {
                if (y->doc->from_memo)
                        free(y->doc->doc.nodes.start);
                else
                        yaml_document_delete(&y->doc->doc);
                free(y->doc);
        }
        y->doc = NULL;
}

const struct th_ynode *th_yamldoc_root(const struct th_yamldoc *y)
{
        return y->doc ? (const struct th_ynode *)yaml_document_get_root_node(&y->doc->doc) : NULL;
}

enum th_ykind th_yamldoc_type(const struct th_ynode *n)
{
        switch (n ? n->node.type : YAML_NO_NODE) {
        case YAML_SCALAR_NODE:
                return TH_YSCALAR;
        case YAML_SEQUENCE_NODE:
                return TH_YLIST;
        case YAML_MAPPING_NODE:
                return TH_YMAP;
        default:
                return TH_YANY;
        }
}

size_t th_yamldoc_count(const struct th_ynode *n)
{
        switch (th_yamldoc_type(n)) {
        case TH_YLIST:
                return (size_t)(n->node.data.sequence.items.top -
                                n->node.data.sequence.items.start);
        case TH_YMAP:
                return (size_t)(n->node.data.mapping.pairs.top - n->node.data.mapping.pairs.start);
        default:
                return 0;
        }
}

const struct th_ynode *th_yamldoc_item(const struct th_yamldoc *y, const struct th_ynode *n,
                                       size_t i)
{
        return node_at(y, n->node.data.sequence.items.start[i]);
}

const struct th_ynode *th_yamldoc_pair(const struct th_yamldoc *y, const struct th_ynode *n,
                                       size_t i, const struct th_ynode **key)
{
        const yaml_node_pair_t *p = &n->node.data.mapping.pairs.start[i];
        *key = node_at(y, p->key);
        return node_at(y, p->value);
}

const struct th_ynode *th_yamldoc_get(const struct th_yamldoc *y, const struct th_ynode *map,
                                      const char *key)
{
        const struct th_ynode *found = NULL, *k;
        for (size_t i = 0; i < th_yamldoc_count(map) && th_yamldoc_type(map) == TH_YMAP; i++) {
                const struct th_ynode *v = th_yamldoc_pair(y, map, i, &k);
                const char *s = th_yamldoc_scalar(k);
                if (s && strcmp(s, key) == 0)
                        found = v;
        }
        return found;
}

int th_yamldoc_texts(const struct th_yamldoc *y, const struct th_ynode *n, const char ***out,
                     size_t *nr, const struct th_ynode **bad)
{
        *out = NULL;
        *nr = 0;
        *bad = n;
        if (th_yamldoc_scalar(n)) {
                *out = th_xcalloc(1, sizeof(char *));
                (*out)[(*nr)++] = th_yamldoc_scalar(n);
                return 0;
        }
        if (th_yamldoc_type(n) != TH_YLIST)
                return -1;
        size_t count = th_yamldoc_count(n);
        *out = th_xcalloc(count ? count : 1, sizeof(char *));
        for (size_t i = 0; i < count; i++) {
                const struct th_ynode *item = th_yamldoc_item(y, n, i);
                if (!((*out)[i] = th_yamldoc_scalar(item))) {
                        free(*out);
                        *out = NULL;
                        *bad = item;
                        return -1;
                }
        }
        *nr = count;
        return 0;
}

unsigned th_yamldoc_line(const struct th_yamldoc *y, const struct th_ynode *node)
{
        return (unsigned)N(node)->start_mark.line + 1 + y->line_offset;
}

unsigned th_yamldoc_col(const struct th_yamldoc *y, const struct th_ynode *node)
{
        (void)y;
        return (unsigned)N(node)->start_mark.column + 1;
}

void th_yamldoc_end(const struct th_yamldoc *y, const struct th_ynode *node, unsigned *line,
                    unsigned *col)
{
        *line = (unsigned)N(node)->end_mark.line + 1 + y->line_offset;
        *col = (unsigned)N(node)->end_mark.column + 1;
}

const char *th_yamldoc_scalar(const struct th_ynode *node)
{
        if (th_yamldoc_type(node) != TH_YSCALAR)
                return NULL;
        return (const char *)node->node.data.scalar.value;
}

int th_yamldoc_error(const struct th_yamldoc *y, const struct th_ynode *node,
                     enum th_error_kind kind, struct th_error *err, const char *fmt, ...)
{
        char msg[1024];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), _(fmt), ap);
        va_end(ap);
        return th_error_set(err, kind, y->file, node ? th_yamldoc_line(y, node) : 0,
                            node ? th_yamldoc_col(y, node) : 0, "%s", msg);
}

const char *th_yamldoc_kind(const struct th_ynode *node)
{
        static const char *const names[] = {N_("nothing"), N_("a scalar"), N_("a list"),
                                            N_("a mapping")};
        return _(names[th_yamldoc_type(node)]);
}

int th_yamldoc_bool(const char *s, int *out)
{
        static const char *yes[] = {"true", "yes", "on", NULL},
                          *no[] = {"false", "no", "off", NULL};
        for (int i = 0; yes[i]; i++) {
                if (strcasecmp(s, yes[i]) == 0)
                        return *out = 1, 0;
                if (strcasecmp(s, no[i]) == 0)
                        return *out = 0, 0;
        }
        return -1;
}

/* "a, b or c": the names of `keys`. */
static void key_list(const struct th_ykey *keys, struct th_buf *b)
{
        for (const struct th_ykey *k = keys; k->name; k++)
                th_buf_addf(b, "%s%s", k == keys ? "" : k[1].name ? ", " : " or ", k->name);
}

int th_yamldoc_walk(const struct th_yamldoc *y, const struct th_ynode *map,
                    const struct th_ykey *keys, void *ctx, const char *what,
                    enum th_error_kind kind, struct th_error *err)
{
        static const char *const expected[] = {"", N_("a text"), N_("a list"), N_("a mapping")};
        struct th_ywalk w = {y, NULL, ctx, kind, err};
        const char *sep = what ? ": " : "";
        what = what ? what : "";
        for (size_t i = 0; th_yamldoc_type(map) == TH_YMAP && i < th_yamldoc_count(map); i++) {
                const struct th_ynode *v = th_yamldoc_pair(y, map, i, &w.key);
                const char *name = th_yamldoc_scalar(w.key);
                const struct th_ykey *k = keys;
                while (k->name && !(name && strcmp(k->name, name) == 0))
                        k++;
                if (!k->name) {
                        struct th_buf b = {0};
                        key_list(keys, &b);
                        th_yamldoc_error(y, w.key, kind, err, "%s%sunknown key '%s'; expected %s",
                                         what, sep, name ? name : "?", b.s);
                        th_buf_release(&b);
                        return -1;
                }
                if (k->type != TH_YANY && th_yamldoc_type(v) != k->type)
                        return th_yamldoc_error(y, v, kind, err, "%s%s'%s': expected %s, got %s",
                                                what, sep, k->name, _(expected[k->type]),
                                                th_yamldoc_kind(v));
                if (k->read(&w, v) < 0)
                        return -1;
        }
        return 0;
}
