/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * record.h: a JSON Lines record of the usual shape read without building a tree.
 * Bulk work is records like {"id": "...", "text": "...", "channel": "social", ...}, and
 * jansson's tree cost a third of the instructions of a JSON Lines run.  A record of
 * another shape is left to jansson (input.c), which reads every shape and names every
 * error: this path gives the same record, or none at all.
 */
#ifndef TH_INPUT_RECORD_H
#define TH_INPUT_RECORD_H

#include <stddef.h>

/* One metadata field, in the record's order; those of a "meta" object come where it is. */
struct th_record_field {
        char *key;
        char **vals; /* texts; true and false as "true" and "false" */
        size_t nr;
};

struct th_record {
        char *text; /* malloc'd, NUL-terminated */
        size_t len;
        char *id; /* or NULL */
        struct th_record_field *fields;
        size_t nfields, afields;
};

/* Read `s[0..n)` when it is an object whose values are texts, lists of texts, true or
 * false, or (at the top) a "meta" object of these, with a text "text", a text "id" or
 * none, and no key twice; in valid UTF-8 without \u0000.  Returns 1 with `r` filled
 * (release it), or 0 for any other record (`r` is then empty). */
int th_record_parse(const char *s, size_t n, struct th_record *r);
void th_record_release(struct th_record *r);

#endif
