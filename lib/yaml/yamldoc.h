/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * yamldoc.h: a loaded YAML document with positions, for configuration,
 * front matter and rule data.  The only door to libyaml: readers see opaque
 * nodes, and read mappings of fixed keys with a table (th_yamldoc_walk) so
 * that "unknown key ...; expected ..." always lists the keys the code reads.
 */
#ifndef TH_YAMLDOC_H
#define TH_YAMLDOC_H

#include <stddef.h>

#include "base/error.h"

/* Largest YAML file twohats reads: a bound against hostile input. */
#define TH_YAML_MAX_BYTES (4u << 20)
/* Flow collections nested deeper are refused before parsing (libyaml is quadratic in
 * the depth); a document whose aliases, copied at each use, exceed this many bytes is
 * refused after it (a "billion laughs" would otherwise expand in its consumers). */
#define TH_YAML_MAX_DEPTH 64
#define TH_YAML_MAX_EXPANDED (16u << 20)

struct th_ydoc;  /* libyaml's document, private to yamldoc.c */
struct th_ynode; /* a node of a loaded document; valid until its release */

struct th_yamldoc {
        struct th_ydoc *doc;  /* NULL when nothing is loaded */
        const char *file;     /* borrowed, for messages */
        unsigned line_offset; /* lines before the YAML text in its file */
};

enum th_ykind { TH_YANY, TH_YSCALAR, TH_YLIST, TH_YMAP };

/* Load one YAML document from buf[0..len).  An empty document has no root.
 * Returns 0, or -1 with `err` set to `kind` at the parser's position. */
int th_yamldoc_load(struct th_yamldoc *y, const char *file, const char *buf, size_t len,
                    unsigned line_offset, enum th_error_kind kind, struct th_error *err);
/* Read `path` and load it as above; `what` names the file in the error when it
 * cannot be read ("cannot read WHAT").  `path` must outlive `y`. */
int th_yamldoc_load_file(struct th_yamldoc *y, const char *path, const char *what,
                         enum th_error_kind kind, struct th_error *err);
void th_yamldoc_release(struct th_yamldoc *y);

/* The root node, or NULL for an empty document. */
const struct th_ynode *th_yamldoc_root(const struct th_yamldoc *y);

/* TH_YSCALAR, TH_YLIST or TH_YMAP; TH_YANY for NULL. */
enum th_ykind th_yamldoc_type(const struct th_ynode *n);
/* Items of a list or pairs of a mapping; 0 for anything else. */
size_t th_yamldoc_count(const struct th_ynode *n);
/* Item `i` of the list `n`. */
const struct th_ynode *th_yamldoc_item(const struct th_yamldoc *y, const struct th_ynode *n,
                                       size_t i);
/* Pair `i` of the mapping `n`: its value, and its key in *key. */
const struct th_ynode *th_yamldoc_pair(const struct th_yamldoc *y, const struct th_ynode *n,
                                       size_t i, const struct th_ynode **key);

/* The value of `key` in the mapping `map` (the last one when repeated), or NULL
 * when `map` is NULL, not a mapping or without that key. */
const struct th_ynode *th_yamldoc_get(const struct th_yamldoc *y, const struct th_ynode *map,
                                      const char *key);

/* A text or a list of texts: the scalar `n`, or each scalar of the list `n`, into a
 * new array *out (the caller frees it; the texts belong to the document).  Returns
 * 0, or -1 with *bad at the node that is neither. */
int th_yamldoc_texts(const struct th_yamldoc *y, const struct th_ynode *n, const char ***out,
                     size_t *nr, const struct th_ynode **bad);

/* 1-based line and column of `node` in its file. */
unsigned th_yamldoc_line(const struct th_yamldoc *y, const struct th_ynode *node);
unsigned th_yamldoc_col(const struct th_yamldoc *y, const struct th_ynode *node);
/* 1-based line and column just past the end of `node`. */
void th_yamldoc_end(const struct th_yamldoc *y, const struct th_ynode *node, unsigned *line,
                    unsigned *col);

/* The scalar's text, or NULL when `node` is not a scalar. */
const char *th_yamldoc_scalar(const struct th_ynode *node);

/* Set `err` at `node`; returns -1. */
int th_yamldoc_error(const struct th_yamldoc *y, const struct th_ynode *node,
                     enum th_error_kind kind, struct th_error *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* "a mapping", "a list", "a scalar": what a node is, for messages. */
const char *th_yamldoc_kind(const struct th_ynode *node);

/* Parse a boolean scalar (true/false/yes/no/on/off); returns 0 or -1. */
int th_yamldoc_bool(const char *s, int *out);

/* What a key's handler gets besides the value. */
struct th_ywalk {
        const struct th_yamldoc *y;
        const struct th_ynode *key; /* of the value read, for messages at the key */
        void *ctx;                  /* the caller's */
        enum th_error_kind kind;
        struct th_error *err;
};

/* One key a mapping may have.  When `type` is not TH_YANY, a value of another
 * kind is refused before `read` sees it. */
struct th_ykey {
        const char *name;
        enum th_ykind type;
        int (*read)(const struct th_ywalk *w, const struct th_ynode *value);
};

/* Each pair of the mapping `map` in order (none when `map` is NULL or not a
 * mapping), to the handler of its key in `keys` (ended by a NULL name).  An unknown key is refused
 * with "WHAT: unknown key 'k'; expected a, b or c" (no "WHAT: " when `what` is NULL), the list made
 * from `keys`. Returns 0, or -1 with `err` set. */
int th_yamldoc_walk(const struct th_yamldoc *y, const struct th_ynode *map,
                    const struct th_ykey *keys, void *ctx, const char *what,
                    enum th_error_kind kind, struct th_error *err);

#endif
