/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ministers.h: the minister of a document found in its text.
 *
 * The `minister` metadata names the bewindspersoon a text is by or about, mostly by
 * surname ("Kaag").  Texts also call them by full or first name ("Sigrid Kaag",
 * "Gefeliciteerd, Sigrid!"), in the genitive ("Ruttes") or in an @handle
 * ("@SigridKaag").  The roster (rules/nl/ministers.yml) joins a surname to its first
 * name, so that a text can be matched against all of them.
 */
#ifndef TH_MINISTERS_H
#define TH_MINISTERS_H

#include <stddef.h>

#include "base/error.h"
#include "document/document.h"

struct th_roster;

/* Read ministers.yml from `dir` (rules/<lang>).  NULL with `err` at the place. */
struct th_roster *th_roster_load(const char *dir, struct th_error *err);
void th_roster_free(struct th_roster *r);

/* Call `found` for each mention in the prose of `doc` of a minister of its `minister`
 * metadata: the name as given, and with the roster's entry for it, the surname, the
 * full name and the first name (capitalised, as names are written); and "ik", "mij",
 * "mijn" where the minister speaks: on the minister's own account (personal or
 * hybrid) and in an interview. */
void th_roster_mentions(const struct th_roster *r, const struct th_doc *doc,
                        void (*found)(void *arg, size_t start, size_t end), void *arg);

#endif
