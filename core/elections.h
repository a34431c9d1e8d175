/* elections.h: the election calendar of rules/nl/elections.yml. */
#ifndef TH_ELECTIONS_H
#define TH_ELECTIONS_H

#include <stddef.h>

#include "error.h"

struct th_elections {
        struct th_election_entry {
                char *type;
                char *date;
                int official;
        } * v;
        size_t nr, alloc;
};

/* Read `path` into `out` (sorted by date).  Returns 0, or -1 with `err` at the place. */
int th_elections_load(struct th_elections *out, const char *path, struct th_error *err);
void th_elections_release(struct th_elections *e);

/* Whether `t` is one of the election types the calendar knows. */
int th_election_type_known(const char *t);

#endif
