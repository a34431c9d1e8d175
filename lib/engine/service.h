/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * service.h: the host side of a service (see struct th_service in
 * <twohats/plugin.h>).  A language pack such as nl/ is a provider: a
 * front-end registers it with an engine (th_engine_add_service), the engine
 * keeps one state of it per engine, and plugins reach its public function
 * table through host->service().  A provider's functions get the engine's
 * lexicons, word index and scratch through the functions below, so lib/
 * knows nothing of any language.
 */
#ifndef TH_SERVICE_H
#define TH_SERVICE_H

#include "base/error.h"
#include "document/document.h"
#include "match/lexicon.h"
#include "match/match.h"
#include "match/wordindex.h"
#include "twohats/plugin.h"

struct th_engine;

/* An election calendar, for declarative rules' `when: date` condition. */
struct th_calendar {
        void *state;
        /* Whether `type` is an election type of the calendar. */
        int (*type_known)(void *state, const char *type);
        /* The types, as "a, b or c", for messages. */
        const char *(*type_list)(void *state);
        /* Whether `date` lies in the `days` days up to an election of
         * `type` (of any type when NULL). */
        int (*within)(void *state, const char *date, const char *type, long days);
};

struct th_service_provider {
        const struct th_service *table; /* what host->service() hands out */
        const char *const *data_keys;   /* top-level keys of rule data it reads, or NULL */
        const char *language; /* whose conventions (rules/<language>/language.yml) apply */
        void *(*open)(struct th_engine *e);
        void (*close)(void *state);
        /* Optional: read the data whose lexicons belong in the word index
         * before the engine makes it (errors are met again on use). */
        void (*preload)(void *state);
        /* Optional: a new document is about to be linted. */
        void (*forget_document)(void *state);
        /* Optional: the provider's election calendar, or NULL with `err`. */
        const struct th_calendar *(*calendar)(void *state, struct th_error *err);
};

/* Register `p` with `e`; -1 with `err` when a service of that name is there. */
int th_engine_add_service(struct th_engine *e, const struct th_service_provider *p,
                          struct th_error *err);

/* What a provider's functions may use of the engine and of the calling context. */
struct th_engine *th_ctx_engine(struct th_ctx *ctx);
void *th_ctx_service_state(struct th_ctx *ctx, const struct th_service_provider *p);
/* Record `err` (released) as the reason the call fails. */
void th_ctx_fail_with(struct th_ctx *ctx, struct th_error *err);
struct th_lexicons *th_engine_lexicons(struct th_engine *e);
struct th_scratch *th_engine_scratch(struct th_engine *e);
/* The word index of `doc`'s prose with every lexicon compiled so far; NULL with `err`. */
const struct th_word_index *th_engine_word_index(struct th_engine *e, const struct th_doc *doc,
                                                 struct th_error *err);

#endif
