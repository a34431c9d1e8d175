/*
 * engine_private.h: what the engine and the host services share: the
 * loaded plugins and the context handed to a plugin call.
 */
#ifndef TH_ENGINE_PRIVATE_H
#define TH_ENGINE_PRIVATE_H

#include "declarative.h"
#include "elections.h"
#include "engine.h"
#include "lexicon.h"
#include "loader.h"
#include "match.h"
#include "partisan.h"

struct th_loaded_plugin {
        struct th_plugin_info info;
        const struct th_plugin *desc;
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
        /* Dutch shared data, read on first use. */
        struct th_partisan_model *partisan;
        struct th_elections elections;
        int elections_loaded;
        /* The word index and the party-political judgement of the document being
         * linted, made on first request. */
        struct th_word_table *words;
        struct th_word_index *index;
        const struct th_doc *indexed;
        const struct th_doc *judged;
        struct th_partisan_list judgement;
        /* Declarative rule files loaded for the configurations seen. */
        struct th_rule_file **rule_files;
        size_t nrule_files, arule_files;
};

/* The word index of `doc`'s prose with every lexicon compiled so far; NULL with `err`. */
const struct th_word_index *th_engine_word_index(struct th_engine *e, const struct th_doc *doc,
                                                 struct th_error *err);

/* The judgement of `doc`, computed on first request; -1 with `err`. */
int th_engine_judgement(struct th_engine *e, const struct th_doc *doc,
                        const struct th_partisan_list **out, struct th_error *err);
/* The election calendar, read on first request; -1 with `err`. */
int th_engine_elections(struct th_engine *e, const struct th_elections **out, struct th_error *err);
/* The party model, read on first request; NULL with `err`. */
const struct th_partisan_model *th_engine_parties(struct th_engine *e, struct th_error *err);

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
