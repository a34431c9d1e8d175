/* SPDX-License-Identifier: EUPL-1.2 */
/* unit_nl.h: the Dutch model read from the project's own rule data (rules/nl), for the
 * unit tests of nl/. */
#ifndef TWOHATS_UNIT_NL_H
#define TWOHATS_UNIT_NL_H

#include "nl/partisan.h"
#include "nl/cues.h"
#include "unit.h"

#include <stdio.h>

/* Read the lexicons and the party model of rules/nl; with `cues`, also cues.yml.  Prints
 * why on failure and returns -1. */
static inline int unit_nl_load(struct th_lexicons **lexicons, struct th_partisan_model **model,
                               struct th_cues **cues)
{
        const char *src = getenv("srcdir");
        char *root = th_xasprintf("%s/rules", src ? src : ".");
        char *dir = th_xasprintf("%s/nl", root);
        struct th_error err = {0};
        *lexicons = th_lexicons_new(root);
        th_lexicons_leave(*lexicons, th_nl_data_keys);
        *model = th_partisan_model_load(*lexicons, dir, "nl", &err);
        if (*model && cues)
                *cues = th_cues_load(*lexicons, *model, dir, "nl", &err);
        free(dir);
        free(root);
        if (!*model || (cues && !*cues)) {
                fprintf(stderr, "%s\n", err.message);
                th_error_release(&err);
                return -1;
        }
        return 0;
}

#endif
