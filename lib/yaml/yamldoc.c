/* yamldoc.c: libyaml's document API with positions (see yamldoc.h). */
#include "yaml/yamldoc.h"
#include "base/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int th_yamldoc_load(struct th_yamldoc *y, const char *file, const char *buf, size_t len,
                    unsigned line_offset, enum th_error_kind kind, struct th_error *err)
{
        memset(y, 0, sizeof(*y));
        y->file = file;
        y->line_offset = line_offset;
        if (len > TH_YAML_MAX_BYTES)
                return th_error_set(err, kind, file, 0, 0, "file too large (%zu bytes, limit %u)",
                                    len, TH_YAML_MAX_BYTES);
        yaml_parser_t parser;
        if (!yaml_parser_initialize(&parser))
                return th_error_set(err, TH_ERR_PLUGIN, file, 0, 0, "cannot start YAML parser");
        yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
        if (!yaml_parser_load(&parser, &y->doc)) {
                const yaml_mark_t *m =
                    parser.problem_mark.line || parser.problem_mark.column || !parser.context
                        ? &parser.problem_mark
                        : &parser.context_mark;
                th_error_set(err, kind, file, (unsigned)m->line + 1 + line_offset,
                             (unsigned)m->column + 1, "invalid YAML: %s%s%s",
                             parser.problem ? parser.problem : "syntax error",
                             parser.context ? " " : "", parser.context ? parser.context : "");
                yaml_parser_delete(&parser);
                return -1;
        }
        y->loaded = 1;
        yaml_parser_delete(&parser);
        return 0;
}

int th_yamldoc_load_file(struct th_yamldoc *y, const char *path, const char *what,
                         enum th_error_kind kind, struct th_error *err)
{
        char *buf;
        size_t len;
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
        if (y->loaded)
                yaml_document_delete(&y->doc);
        y->loaded = 0;
}

yaml_node_t *th_yamldoc_root(struct th_yamldoc *y)
{
        return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *th_yamldoc_node(struct th_yamldoc *y, int index)
{
        return yaml_document_get_node(&y->doc, index);
}

yaml_node_t *th_yamldoc_get(struct th_yamldoc *y, yaml_node_t *map, const char *key)
{
        yaml_node_t *found = NULL;
        if (!map || map->type != YAML_MAPPING_NODE)
                return NULL;
        for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
             p++) {
                const char *k = th_yamldoc_scalar(th_yamldoc_node(y, p->key));
                if (k && strcmp(k, key) == 0)
                        found = th_yamldoc_node(y, p->value);
        }
        return found;
}

int th_yamldoc_texts(struct th_yamldoc *y, yaml_node_t *n, const char ***out, size_t *nr,
                     yaml_node_t **bad)
{
        *out = NULL;
        *nr = 0;
        *bad = n;
        if (th_yamldoc_scalar(n)) {
                *out = th_xcalloc(1, sizeof(char *));
                (*out)[(*nr)++] = th_yamldoc_scalar(n);
                return 0;
        }
        if (!n || n->type != YAML_SEQUENCE_NODE)
                return -1;
        yaml_node_item_t *it = n->data.sequence.items.start;
        size_t count = (size_t)(n->data.sequence.items.top - it);
        *out = th_xcalloc(count ? count : 1, sizeof(char *));
        for (size_t i = 0; i < count; i++) {
                yaml_node_t *item = th_yamldoc_node(y, it[i]);
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

unsigned th_yamldoc_line(const struct th_yamldoc *y, const yaml_node_t *node)
{
        return (unsigned)node->start_mark.line + 1 + y->line_offset;
}

unsigned th_yamldoc_col(const struct th_yamldoc *y, const yaml_node_t *node)
{
        (void)y;
        return (unsigned)node->start_mark.column + 1;
}

const char *th_yamldoc_scalar(const yaml_node_t *node)
{
        if (!node || node->type != YAML_SCALAR_NODE)
                return NULL;
        return (const char *)node->data.scalar.value;
}

int th_yamldoc_error(const struct th_yamldoc *y, const yaml_node_t *node, enum th_error_kind kind,
                     struct th_error *err, const char *fmt, ...)
{
        char msg[1024];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        return th_error_set(err, kind, y->file, node ? th_yamldoc_line(y, node) : 0,
                            node ? th_yamldoc_col(y, node) : 0, "%s", msg);
}

const char *th_yamldoc_kind(const yaml_node_t *node)
{
        if (!node)
                return "nothing";
        switch (node->type) {
        case YAML_MAPPING_NODE:
                return "a mapping";
        case YAML_SEQUENCE_NODE:
                return "a list";
        case YAML_SCALAR_NODE:
                return "a scalar";
        default:
                return "nothing";
        }
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
