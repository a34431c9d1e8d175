/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meta.h: document metadata, a list of keys with one or more string values.
 *
 * Sources are applied in rising priority (configuration defaults, front
 * matter, JSON Lines fields, --meta); a later th_meta_set() of a key replaces
 * the earlier value.  Known keys (GUIDELINES, "Document metadata") are
 * validated and canonicalised; unknown keys are kept as written.
 */
#ifndef TH_META_H
#define TH_META_H

#include <stddef.h>

#include "base/error.h"
#include "document/conventions.h"

struct th_meta_entry {
        char *key;
        char **values;
        size_t nr;
        int has_span; /* the value was written in the document text */
        size_t start, end;
};

struct th_meta {
        struct th_meta_entry *entries;
        size_t nr, alloc;
};

void th_meta_init(struct th_meta *m);
void th_meta_release(struct th_meta *m);
void th_meta_copy(struct th_meta *dst, const struct th_meta *src);

/*
 * Validate and canonicalise `values` of `key`, then store them, replacing an
 * earlier value.  `where`, `line` and `col` name the place for the error.
 * `span` (may be NULL) is where the value stands in the document text.
 * `conv` (may be NULL) gives other spellings of values ("hybride").
 * Returns 0, or -1 with `err` set (TH_ERR_USAGE).
 */
int th_meta_set(struct th_meta *m, const char *key, const char *const *values, size_t nr,
                const size_t *span, const struct th_conventions *conv, const char *where,
                unsigned line, unsigned col, struct th_error *err);

const struct th_meta_entry *th_meta_get(const struct th_meta *m, const char *key);
/* Value `i` of `key`, or NULL. */
const char *th_meta_value(const struct th_meta *m, const char *key, size_t i);

/* Parse "KEY=VALUE" (a comma-separated VALUE gives a list for `minister`). */
int th_meta_set_arg(struct th_meta *m, const char *arg, const struct th_conventions *conv,
                    struct th_error *err);

#endif
