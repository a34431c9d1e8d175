/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * engine_private.h: what the engine and the host services share: the
 * loaded plugins and the context handed to a plugin call.
 */
#ifndef TH_ENGINE_PRIVATE_H
#define TH_ENGINE_PRIVATE_H

#include "engine/declarative.h"
#include "engine/engine.h"
#include "engine/loader.h"
#include "engine/service.h"
#include "match/lexicon.h"
#include "match/match.h"
#include "match/wordindex.h"

struct th_loaded_plugin {
        struct th_plugin_info info;
        const struct th_plugin *desc;
        size_t first_rule, nrules; /* its rules in the engine's table */
        int initialized;
        void *state;
        struct th_regex **patterns; /* compiled for it through the host */
        size_t npatterns, apatterns;
};

struct th_engine {
        struct th_loader *loader;
        struct th_loaded_plugin **plugins;
        size_t nplugins, aplugins;
        struct th_rule_info *rules;
        size_t nrules, arules;
        struct th_lexicons *lexicons;
        struct th_scratch *scratch;
        /* The services registered by the front-end, with their state. */
        struct th_service_slot {
                const struct th_service_provider *provider;
                void *state;
        } * services;
        size_t nservices, aservices;
        /* The conventions of the services' languages, read on first request. */
        struct th_conventions conventions;
        int conventions_read;
        /* The morphology of each language whose conventions name a dictionary, opened
         * with the first word table (lang is owned). */
        struct th_word_morphology *morphs;
        size_t nmorphs;
        int morphs_open;
        /* The word index of the document being linted, made on first request. */
        struct th_word_table *words;
        struct th_word_index *index;
        const struct th_doc *indexed;
        /* Declarative rule files loaded for the configurations seen. */
        struct th_rule_file **rule_files;
        size_t nrule_files, arule_files;
};

/* The table of service `name` at `major`.`minor` or newer; NULL with `err` saying what
 * the engine has. */
const struct th_service *th_engine_service(struct th_engine *e, const char *name, unsigned major,
                                           unsigned minor, struct th_error *err);

/* The host side of one init() or check() call. */
struct th_ctx {
        struct th_engine *engine;
        struct th_loaded_plugin *plugin;
        const struct th_config *config; /* NULL in init(): options read as defaults */
        const struct th_doc *doc;       /* NULL in init() */
        struct th_findings *findings;
        char *failure; /* why the call failed, set through fail() */
};

/* The function table handed to every plugin. */
const struct th_host *th_host_services(void);

#endif
