/*
 * yamldoc.h: a loaded YAML document with positions, for configuration,
 * front matter and rule data.  Walkers use it to report "file:line:col:
 * expected ..." at the node concerned.
 */
#ifndef TH_YAMLDOC_H
#define TH_YAMLDOC_H

#include <stddef.h>
#include <yaml.h>

#include "base/error.h"

/* Largest YAML file twohats reads: a bound against hostile input. */
#define TH_YAML_MAX_BYTES (4u << 20)

struct th_yamldoc {
        yaml_document_t doc;
        int loaded;
        const char *file;     /* borrowed, for messages */
        unsigned line_offset; /* lines before the YAML text in its file */
};

/* Load one YAML document from buf[0..len).  An empty document has no root.
 * Returns 0, or -1 with `err` set to `kind` at the parser's position. */
int th_yamldoc_load(struct th_yamldoc *y, const char *file, const char *buf, size_t len,
                    unsigned line_offset, enum th_error_kind kind, struct th_error *err);
/* Read `path` and load it as above; `what` names the file in the error when it
 * cannot be read ("cannot read WHAT").  `path` must outlive `y`. */
int th_yamldoc_load_file(struct th_yamldoc *y, const char *path, const char *what,
                         enum th_error_kind kind, struct th_error *err);
void th_yamldoc_release(struct th_yamldoc *y);

yaml_node_t *th_yamldoc_root(struct th_yamldoc *y);
yaml_node_t *th_yamldoc_node(struct th_yamldoc *y, int index);

/* The value of `key` in the mapping `map` (the last one when repeated), or NULL
 * when `map` is NULL, not a mapping or without that key. */
yaml_node_t *th_yamldoc_get(struct th_yamldoc *y, yaml_node_t *map, const char *key);

/* A text or a list of texts: the scalar `n`, or each scalar of the list `n`, into a
 * new array *out (the caller frees it; the texts belong to the document).  Returns
 * 0, or -1 with *bad at the node that is neither. */
int th_yamldoc_texts(struct th_yamldoc *y, yaml_node_t *n, const char ***out, size_t *nr,
                     yaml_node_t **bad);

/* 1-based line and column of `node` in its file. */
unsigned th_yamldoc_line(const struct th_yamldoc *y, const yaml_node_t *node);
unsigned th_yamldoc_col(const struct th_yamldoc *y, const yaml_node_t *node);

/* The scalar's text, or NULL when `node` is not a scalar. */
const char *th_yamldoc_scalar(const yaml_node_t *node);

/* Set `err` at `node`; returns -1. */
int th_yamldoc_error(const struct th_yamldoc *y, const yaml_node_t *node, enum th_error_kind kind,
                     struct th_error *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* "a mapping", "a list", "a scalar": what a node is, for messages. */
const char *th_yamldoc_kind(const yaml_node_t *node);

/* Parse a boolean scalar (true/false/yes/no/on/off); returns 0 or -1. */
int th_yamldoc_bool(const char *s, int *out);

#endif
