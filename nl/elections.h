/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * elections.h: the election calendar of rules/nl/elections.yml: the
 * election types, and the elections in date order.
 */
#ifndef TH_ELECTIONS_H
#define TH_ELECTIONS_H

#include <stddef.h>

#include "base/error.h"
#include "twohats/nl.h"

struct th_elections {
        char **types; /* the types the calendar defines */
        size_t ntypes, atypes;
        char *type_list; /* the types as "a, b or c", for messages */
        struct th_election_entry {
                char *type;
                char *date;
                long day; /* of date, in days since 1970-01-01: compared for every text */
                int official;
        } * v;
        size_t nr, alloc;
};

/* Read `path` into `out` (sorted by date).  Returns 0, or -1 with `err` at the place. */
int th_elections_load(struct th_elections *out, const char *path, struct th_error *err);
void th_elections_release(struct th_elections *e);

/* Whether `t` is one of the election types of the calendar. */
int th_elections_type_known(const struct th_elections *e, const char *t);

/* The first election (in date order) whose window holds `date` (YYYY-MM-DD): the
 * days from `date` to it are at least 0 and fewer than window(arg, its type). */
const struct th_election_entry *th_elections_window(const struct th_elections *e, const char *date,
                                                    th_nl_window_fn window, void *arg);

#endif
