/* SPDX-License-Identifier: EUPL-1.2 */
/* engine.c: plugins, rules and the linting of one document (see engine.h). */
#include <config.h>

#include "engine/engine_private.h"
#include "base/i18n.h"
#include "document/suppress.h"
#include "base/util.h"
#include "match/morphology.h"
#include "yaml/yamldoc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CORE_UNJUSTIFIED "core/unjustified-suppression"
#define CORE_INVALID_SUPPRESSION "core/invalid-suppression"
#define CORE_INVALID_UTF8 "core/invalid-utf8"
#define CORE_TOO_MANY "core/too-many-findings"

static const struct th_rule core_rules[] = {
    {CORE_UNJUSTIFIED, TH_SEV_WARNING, N_("a suppression comment gives no reason"),
     N_("Checks that every twohats-disable and twohats-disable-next-line comment says why.\n"
        "\n"
        "Why: a suppression is a decision that a passage may go out although it crosses a line\n"
        "of the guidelines; the next reader (a communication adviser, the minister's office)\n"
        "must be able to see who decided what and why (GUIDELINES, \"Text handling\").\n"
        "\n"
        "Flags:  <!-- twohats-disable-next-line party-politics/vote-call -->\n"
        "Clean:  <!-- twohats-disable-next-line party-politics/vote-call -- literal quote from\n"
        "        the Handelingen, agreed with legal affairs -->\n"
        "\n"
        "The suppression still applies; add the reason after \" -- \" to silence this finding.")},
    {CORE_INVALID_SUPPRESSION, TH_SEV_WARNING,
     N_("a suppression comment names an unknown directive or rule"),
     N_("Checks that a twohats suppression comment uses twohats-disable, twohats-enable or\n"
        "twohats-disable-next-line and names rules or plugins that exist.\n"
        "\n"
        "Why: a misspelt rule id silently suppresses nothing, so the finding the author meant to\n"
        "silence would still be published unexamined, or the author believes a passage was\n"
        "checked when it was not.\n"
        "\n"
        "Flags:  <!-- twohats-disable-next-line office-premises/campain-use -- typo -->\n"
        "Clean:  <!-- twohats-disable-next-line office-premises/campaign-use -- agreed -->\n"
        "\n"
        "Fix the directive or the rule id; `twohats --list-rules` shows the ids.")},
    {CORE_INVALID_UTF8, TH_SEV_WARNING, N_("an invalid UTF-8 byte was skipped (--lenient)"),
     N_("With --lenient, twohats skips bytes that are not valid UTF-8 instead of refusing the\n"
        "file, and reports each one here so that nothing is checked silently less than it seems.\n"
        "\n"
        "Why: a text in a legacy encoding (Windows-1252) loses its accented letters, and a rule\n"
        "may then miss a term (GUIDELINES, \"Text handling\").\n"
        "\n"
        "Flags:  a byte 0xE9 on its own (\"caf\\xE9\").\n"
        "Clean:  \"café\" in UTF-8.\n"
        "\n"
        "Convert the file to UTF-8 (iconv -f windows-1252 -t utf-8).")},
    {CORE_TOO_MANY, TH_SEV_WARNING, N_("a rule gave more findings in a document than are listed"),
     N_("A rule lists at most 1000 findings in one document; the number of the others is\n"
        "reported here, at the start of the document, so that none is dropped unsaid.\n"
        "\n"
        "Why: a rule that fires a thousand times in one text is broken or misconfigured (a\n"
        "pattern that matches every word), and its findings would otherwise fill the memory\n"
        "and the report.\n"
        "\n"
        "Fix the rule, or turn it off for this file in .twohats.yml.")},
    {NULL, TH_SEV_OFF, NULL, NULL}};

/* Declarative rules have no module: their rules come from rule files (declarative.c). */
static const struct th_rule no_rules[] = {{NULL, TH_SEV_OFF, NULL, NULL}};
static const struct th_plugin declarative_plugin = {
    TH_PLUGIN_HEADER,
    .name = "declarative",
    .version = PACKAGE_VERSION,
    .summary = "rules written in YAML, from the rule files a configuration names",
    .rules = no_rules,
};

static const struct th_plugin core_plugin = {
    TH_PLUGIN_HEADER,           .name = "core",
    .version = PACKAGE_VERSION, .summary = "checks of the text itself and of suppressions",
    .rules = core_rules,        .textdomain = TH_TEXTDOMAIN,
};

static void add_rule_info(struct th_engine *e, const char *id, const char *plugin,
                          enum th_severity severity, const char *summary, const char *explanation,
                          const char *domain)
{
        TH_GROW(e->rules, e->nrules + 1, e->arules);
        e->rules[e->nrules++] =
            (struct th_rule_info){id, plugin, severity, summary, explanation, domain};
}

const char *th_rule_summary(const struct th_rule_info *r)
{
        return th_translate(r->domain, r->summary);
}

const char *th_rule_explanation(const struct th_rule_info *r)
{
        return th_translate(r->domain, r->explanation);
}

static int add_plugin(struct th_engine *e, const struct th_plugin *desc, const char *path,
                      struct th_error *err)
{
        for (size_t i = 0; i < e->nplugins; i++)
                if (strcmp(e->plugins[i]->info.name, desc->name) == 0)
                        return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                            "plugin name '%s' is already taken by %s", desc->name,
                                            e->plugins[i]->info.path);
        for (const struct th_rule *r = desc->rules; r->id; r++) {
                const struct th_rule_info *other = th_engine_find_rule(e, r->id);
                if (other)
                        return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                            "rule id '%s' is already defined by plugin '%s'", r->id,
                                            other->plugin);
                for (const struct th_rule *s = desc->rules; s < r; s++)
                        if (strcmp(s->id, r->id) == 0)
                                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                                    "rule id '%s' appears twice in the plugin",
                                                    r->id);
        }
        struct th_loaded_plugin *p = th_xcalloc(1, sizeof(*p));
        p->desc = desc;
        p->info.name = desc->name;
        p->info.version = desc->version ? desc->version : "";
        p->info.summary = desc->summary ? desc->summary : "";
        p->info.path = th_xstrdup(path);
        p->info.options = desc->options;
        TH_GROW(e->plugins, e->nplugins + 1, e->aplugins);
        e->plugins[e->nplugins++] = p;
        const char *domain = TH_PLUGIN_HAS(desc, textdomain) ? desc->textdomain : NULL;
        p->first_rule = e->nrules;
        for (const struct th_rule *r = desc->rules; r->id; r++, p->nrules++)
                add_rule_info(e, r->id, desc->name, r->severity, r->summary, r->explanation,
                              domain);
        return 0;
}

/* Free what the plugin's init() made, also when it failed. */
static void fini_plugin(struct th_loaded_plugin *p)
{
        if (TH_PLUGIN_HAS(p->desc, fini) && p->desc->fini)
                p->desc->fini(p->state);
        p->state = NULL;
}

struct th_engine *th_engine_new(const struct th_engine_options *opt, struct th_error *err)
{
        struct th_engine *e = th_xcalloc(1, sizeof(*e));
        e->lexicons = th_lexicons_new(opt->rules_dir);
        e->scratch = th_scratch_new();
        e->loader = th_loader_new(err);
        if (!e->loader || add_plugin(e, &core_plugin, TH_PLUGIN_BUILT_IN, err) < 0 ||
            add_plugin(e, &declarative_plugin, TH_PLUGIN_BUILT_IN, err) < 0) {
                th_engine_free(e);
                return NULL;
        }
        char **paths;
        size_t n = th_loader_scan(opt->plugin_dirs, opt->nplugin_dirs, &paths);
        int rc = 0;
        for (size_t i = 0; i < n; i++) {
                struct th_module m;
                if (rc == 0 && th_loader_open(e->loader, paths[i], &m, err) == 0) {
                        rc = add_plugin(e, m.desc, m.path, err);
                        free(m.path);
                } else {
                        rc = -1;
                }
                free(paths[i]);
        }
        free(paths);
        if (rc < 0) {
                th_engine_free(e);
                return NULL;
        }
        return e;
}

void th_engine_free(struct th_engine *e)
{
        if (!e)
                return;
        for (size_t i = 0; i < e->nplugins; i++) {
                struct th_loaded_plugin *p = e->plugins[i];
                if (p->initialized)
                        fini_plugin(p);
                for (size_t k = 0; k < p->npatterns; k++)
                        th_regex_free(p->patterns[k]);
                free(p->patterns);
                free((char *)p->info.path);
                free(p);
        }
        free(e->plugins);
        free(e->rules);
        for (size_t i = 0; i < e->nservices; i++)
                e->services[i].provider->close(e->services[i].state);
        free(e->services);
        th_conventions_release(&e->conventions);
        th_lexicons_free(e->lexicons);
        th_word_index_free(e->index);
        for (size_t i = 0; i < e->nmorphs; i++) {
                free((char *)e->morphs[i].lang);
                th_morphology_free(e->morphs[i].morphology);
        }
        free(e->morphs);
        for (size_t i = 0; i < e->nrule_files; i++)
                th_rule_file_free(e->rule_files[i]);
        free(e->rule_files);
        th_word_table_free(e->words);
        th_scratch_free(e->scratch);
        th_loader_free(e->loader); /* last: descriptors live in the modules */
        free(e);
}

size_t th_engine_rule_count(const struct th_engine *e)
{
        return e->nrules;
}

const struct th_rule_info *th_engine_rule(const struct th_engine *e, size_t i)
{
        return i < e->nrules ? &e->rules[i] : NULL;
}

const struct th_rule_info *th_engine_find_rule(const struct th_engine *e, const char *id)
{
        for (size_t i = 0; i < e->nrules; i++)
                if (strcmp(e->rules[i].id, id) == 0)
                        return &e->rules[i];
        return NULL;
}

size_t th_engine_plugin_count(const struct th_engine *e)
{
        return e->nplugins;
}

const struct th_plugin_info *th_engine_plugin(const struct th_engine *e, size_t i)
{
        return i < e->nplugins ? &e->plugins[i]->info : NULL;
}

static struct th_loaded_plugin *find_plugin(const struct th_engine *e, const char *name)
{
        for (size_t i = 0; i < e->nplugins; i++)
                if (strcmp(e->plugins[i]->info.name, name) == 0)
                        return e->plugins[i];
        return NULL;
}

static int valid_option_value(enum th_option_type type, const char *v)
{
        char *end;
        int b;
        switch (type) {
        case TH_OPT_BOOL:
                return th_yamldoc_bool(v, &b) == 0;
        case TH_OPT_INT:
                errno = 0;
                (void)strtol(v, &end, 10);
                return *v && !*end && errno == 0;
        case TH_OPT_NUMBER:
                errno = 0;
                (void)strtod(v, &end);
                return *v && !*end && errno == 0;
        default:
                return 1;
        }
}

static struct th_rule_file *rule_file(const struct th_engine *e, const char *path)
{
        for (size_t i = 0; i < e->nrule_files; i++)
                if (!strcmp(e->rule_files[i]->path, path))
                        return e->rule_files[i];
        return NULL;
}

const struct th_rule_file *th_engine_rule_file(const struct th_engine *e, const char *path)
{
        return rule_file(e, path);
}

int th_engine_add_service(struct th_engine *e, const struct th_service_provider *p,
                          struct th_error *err)
{
        for (size_t i = 0; i < e->nservices; i++)
                if (!strcmp(e->services[i].provider->table->name, p->table->name))
                        return th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                                            "service '%s' is registered twice", p->table->name);
        th_lexicons_leave(e->lexicons, p->data_keys);
        TH_GROW(e->services, e->nservices + 1, e->aservices);
        e->services[e->nservices].provider = p;
        e->services[e->nservices++].state = p->open(e);
        return 0;
}

const struct th_service *th_engine_service(struct th_engine *e, const char *name, unsigned major,
                                           unsigned minor, struct th_error *err)
{
        for (size_t i = 0; i < e->nservices; i++) {
                const struct th_service *t = e->services[i].provider->table;
                if (strcmp(t->name, name) != 0)
                        continue;
                if (t->major == major && t->minor >= minor)
                        return t;
                th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                             "needs service '%s' %u.%u, but this twohats has %u.%u", name, major,
                             minor, t->major, t->minor);
                return NULL;
        }
        th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                     "needs service '%s' %u.%u, which this twohats does not have", name, major,
                     minor);
        return NULL;
}

struct th_lexicons *th_engine_lexicons(struct th_engine *e)
{
        return e->lexicons;
}

struct th_scratch *th_engine_scratch(struct th_engine *e)
{
        return e->scratch;
}

const struct th_conventions *th_engine_conventions(struct th_engine *e, struct th_error *err)
{
        for (size_t i = 0; !e->conventions_read && i < e->nservices; i++) {
                const char *lang = e->services[i].provider->language;
                int seen = !lang;
                for (size_t k = 0; k < i && !seen; k++)
                        seen = e->services[k].provider->language &&
                               !strcmp(e->services[k].provider->language, lang);
                char *dir = seen ? NULL : th_lexicons_locate(e->lexicons, lang, "language.yml");
                char *path = dir ? th_xasprintf("%s/language.yml", dir) : NULL;
                /* A language pack without the file has no conventions. */
                int rc = path && access(path, F_OK) == 0
                             ? th_conventions_read(&e->conventions, lang, path, err)
                             : 0;
                free(dir);
                free(path);
                if (rc < 0) {
                        th_conventions_release(&e->conventions);
                        return NULL;
                }
        }
        e->conventions_read = 1;
        return &e->conventions;
}

/* The calendar for declarative rules; without one, their date conditions never hold. */
static const struct th_calendar *calendar_or_null(struct th_engine *e)
{
        for (size_t i = 0; i < e->nservices; i++) {
                const struct th_service_provider *p = e->services[i].provider;
                struct th_error ignored = {0};
                const struct th_calendar *c =
                    p->calendar ? p->calendar(e->services[i].state, &ignored) : NULL;
                th_error_release(&ignored);
                if (c)
                        return c;
        }
        return NULL;
}

int th_engine_load_rule_file(struct th_engine *e, const char *path, int verify,
                             struct th_error *err)
{
        if (rule_file(e, path))
                return 0;
        const struct th_conventions *conv = th_engine_conventions(e, err);
        struct th_rule_file *f =
            conv ? th_rule_file_load(path, calendar_or_null(e), conv, err) : NULL;
        if (!f)
                return -1;
        for (size_t i = 0; i < f->nrules; i++) {
                const struct th_rule_info *other =
                    th_engine_find_rule(e, th_decl_rule_id(f->rules[i]));
                if (other) {
                        th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                                     "rule id '%s' is already defined by %s", other->id,
                                     strcmp(other->plugin, "declarative") ? other->plugin
                                                                          : "another rule file");
                        th_rule_file_free(f);
                        return -1;
                }
        }
        if (verify && th_rule_file_verify(f, calendar_or_null(e), conv, e->scratch, err) < 0) {
                th_rule_file_free(f);
                return -1;
        }
        TH_GROW(e->rule_files, e->nrule_files + 1, e->arule_files);
        e->rule_files[e->nrule_files++] = f;
        for (size_t i = 0; i < f->nrules; i++)
                add_rule_info(e, th_decl_rule_id(f->rules[i]), "declarative",
                              th_decl_rule_severity(f->rules[i]), th_decl_rule_summary(f->rules[i]),
                              th_decl_rule_explanation(f->rules[i]), NULL);
        return 0;
}

int th_engine_check_config(struct th_engine *e, const struct th_config *c, struct th_error *err)
{
        for (size_t i = 0; i < c->nrule_files; i++)
                if (th_engine_load_rule_file(e, c->rule_files[i], 1, err) < 0)
                        return -1;
        static const char *const type_names[] = {"a text", "true or false", "an integer",
                                                 "a number"};
        for (size_t i = 0; i < c->nrules; i++)
                if (!th_engine_find_rule(e, c->rules[i].id))
                        return th_error_set(
                            err, TH_ERR_USAGE, c->path, c->rules[i].at.line, c->rules[i].at.col,
                            "unknown rule '%s' (twohats --list-rules shows them)", c->rules[i].id);
        for (size_t i = 0; i < c->nplugins; i++) {
                const struct th_plugin_setting *ps = &c->plugins[i];
                struct th_loaded_plugin *p = find_plugin(e, ps->name);
                if (!p)
                        return th_error_set(err, TH_ERR_USAGE, c->path, ps->at.line, ps->at.col,
                                            "unknown plugin '%s' (not found in the plugin path)",
                                            ps->name);
                for (size_t k = 0; k < ps->noptions; k++) {
                        const struct th_option_setting *os = &ps->options[k];
                        const struct th_option *o = p->desc->options;
                        while (o && o->name && strcmp(o->name, os->name) != 0)
                                o++;
                        if (!o || !o->name)
                                return th_error_set(err, TH_ERR_USAGE, c->path, os->at.line,
                                                    os->at.col, "plugin '%s' has no option '%s'",
                                                    ps->name, os->name);
                        if (!os->is_scalar || !valid_option_value(o->type, os->value))
                                return th_error_set(err, TH_ERR_USAGE, c->path, os->value_at.line,
                                                    os->value_at.col,
                                                    "option '%s' of plugin '%s': expected %s",
                                                    os->name, ps->name, type_names[o->type]);
                }
        }
        return 0;
}

/* The severity of rule `ri` under configuration `c` (NULL: the defaults). */
static enum th_severity rule_severity(const struct th_config *c, const struct th_rule_info *ri)
{
        if (c) {
                const struct th_plugin_setting *ps = th_config_plugin(c, ri->plugin);
                if (ps && !ps->enabled)
                        return TH_SEV_OFF;
                int s = th_config_rule_severity(c, ri->id);
                if (s >= 0)
                        return (enum th_severity)s;
        }
        return ri->severity;
}

enum th_severity th_engine_severity(const struct th_engine *e, const struct th_config *c,
                                    const char *rule)
{
        const struct th_rule_info *ri = th_engine_find_rule(e, rule);
        return ri ? rule_severity(c, ri) : TH_SEV_OFF;
}

/* Is a rule of `p` on?  Asked twice a plugin for every document: its rules are found by
 * their place in the table, not by name (10 lookups a record of JSON Lines had cost
 * 3,500 instructions). */
static int plugin_enabled(const struct th_engine *e, const struct th_config *c,
                          const struct th_loaded_plugin *p)
{
        for (size_t k = 0; k < p->nrules; k++)
                if (rule_severity(c, &e->rules[p->first_rule + k]) != TH_SEV_OFF)
                        return 1;
        return 0;
}

static int call_failed(struct th_ctx *ctx, const char *what, struct th_error *err)
{
        th_error_set(err, TH_ERR_PLUGIN, ctx->plugin->info.path, 0, 0, "plugin '%s' %s: %s",
                     ctx->plugin->info.name, what,
                     ctx->failure ? ctx->failure : _("no reason given"));
        free(ctx->failure);
        ctx->failure = NULL;
        return -1;
}

static int ensure_init(struct th_engine *e, struct th_loaded_plugin *p, struct th_error *err)
{
        if (p->initialized || !p->desc->init) {
                p->initialized = 1;
                return 0;
        }
        struct th_ctx ctx = {e, p, NULL, NULL, NULL, NULL};
        if (p->desc->init(th_host_services(), &ctx, &p->state) != TH_OK) {
                fini_plugin(p); /* what init() made before it failed */
                return call_failed(&ctx, _("failed to initialise"), err);
        }
        free(ctx.failure);
        p->initialized = 1;
        return 0;
}

static void add_core(struct th_engine *e, const struct th_config *c, const struct th_doc *doc,
                     struct th_findings *out, const char *rule, size_t start, size_t end,
                     const char *message)
{
        enum th_severity sev = th_engine_severity(e, c, rule);
        if (sev != TH_SEV_OFF)
                th_findings_add(out, doc, rule, sev, start, end, message, NULL);
}

static void check_suppressions(struct th_engine *e, const struct th_config *c,
                               const struct th_doc *doc, const struct th_suppressions *sup,
                               struct th_findings *out)
{
        for (size_t i = 0; i < sup->nr; i++) {
                const struct th_suppression *s = &sup->v[i];
                char *msg = NULL;
                if (s->kind == TH_SUP_UNKNOWN)
                        msg = th_xasprintf(_("unknown directive '%s'; expected twohats-disable, "
                                             "twohats-enable or twohats-disable-next-line"),
                                           s->directive);
                for (size_t k = 0; !msg && k < s->nrules; k++) {
                        int known = find_plugin(e, s->rules[k]) != NULL ||
                                    th_engine_find_rule(e, s->rules[k]) != NULL;
                        if (!known)
                                msg = th_xasprintf(_("'%s' is neither a rule nor a plugin; this "
                                                     "suppression has no effect for it"),
                                                   s->rules[k]);
                }
                if (msg)
                        add_core(e, c, doc, out, CORE_INVALID_SUPPRESSION, s->start, s->end, msg);
                free(msg);
                if (s->kind == TH_SUP_ENABLE || s->kind == TH_SUP_UNKNOWN)
                        continue;
                if (!s->reason)
                        add_core(e, c, doc, out, CORE_UNJUSTIFIED, s->start, s->end,
                                 _("suppression without a reason: add one after ' -- ', e.g. "
                                   "<!-- twohats-disable-next-line RULE -- quoted from the "
                                   "Handelingen, agreed with legal affairs -->"));
                else if (s->placeholder) {
                        msg = th_xasprintf(_("the reason '%s' is a template: say why this may go "
                                             "out, and who agreed"),
                                           s->reason);
                        add_core(e, c, doc, out, CORE_UNJUSTIFIED, s->start, s->end, msg);
                        free(msg);
                }
        }
}

/* The word table's view of a language: its dictionary, opened once, and its common words
 * (those point into the conventions, which outlive the table). */
static struct th_word_morphology *language_entry(struct th_engine *e, const char *lang)
{
        for (size_t i = 0; i < e->nmorphs; i++)
                if (!strcmp(e->morphs[i].lang, lang))
                        return &e->morphs[i];
        struct th_word_morphology *m = &e->morphs[e->nmorphs++];
        m->lang = th_xstrdup(lang);
        return m;
}

/* What the word table needs of each language whose conventions name a dictionary or
 * common words (once). */
static int open_morphologies(struct th_engine *e, struct th_error *err)
{
        if (e->morphs_open)
                return 0;
        const struct th_conventions *conv = th_engine_conventions(e, err);
        if (!conv)
                return -1;
        size_t n = conv->ndictionaries + conv->ncommon;
        e->morphs = th_xcalloc(n ? n : 1, sizeof(*e->morphs));
        for (size_t i = 0; i < conv->ndictionaries; i++) {
                struct th_morphology *m = th_morphology_open(conv->dictionaries[i].name, err);
                if (!m)
                        return -1;
                language_entry(e, conv->dictionaries[i].lang)->morphology = m;
        }
        for (size_t i = 0; i < conv->ncommon; i++) {
                struct th_word_morphology *m = language_entry(e, conv->common[i].lang);
                m->common = conv->common[i].words;
                m->ncommon = conv->common[i].n;
        }
        e->morphs_open = 1;
        return 0;
}

const struct th_word_index *th_engine_word_index(struct th_engine *e, const struct th_doc *doc,
                                                 struct th_error *err)
{
        /* A lexicon compiled since the table was made (the party registry, a plugin's
         * late lookup) makes both the table and the index stale. */
        if (e->words && th_word_table_lexicons(e->words) != th_lexicons_compiled(e->lexicons)) {
                th_word_table_free(e->words);
                th_word_index_free(e->index); /* of that table */
                e->words = NULL;
                e->index = NULL;
                e->indexed = NULL;
        }
        if (!e->words) {
                /* The services read their data first, so that their lexicons are in
                 * the table from the start. */
                for (size_t i = 0; i < e->nservices; i++)
                        if (e->services[i].provider->preload)
                                e->services[i].provider->preload(e->services[i].state);
                if (open_morphologies(e, err) < 0)
                        return NULL;
                e->words = th_word_table_new(e->lexicons, e->morphs, e->nmorphs);
        }
        if (e->indexed != doc) {
                e->index =
                    th_word_index_rebuild(e->index, e->words, e->scratch, doc->prose, doc->len);
                if (!e->index) {
                        th_error_set(err, TH_ERR_PLUGIN, doc->path, 0, 0,
                                     "matching the lexicons: %s", th_scratch_error(e->scratch));
                        e->indexed = NULL;
                        return NULL;
                }
                e->indexed = doc;
        }
        return e->index;
}

int th_engine_lint(struct th_engine *e, const struct th_config *c, const struct th_doc *doc,
                   struct th_findings *out, struct th_error *err)
{
        size_t first = out->nr;
        th_findings_tally_reset(out);
        e->indexed = NULL; /* a new document, maybe at the address of the last one */
        for (size_t i = 0; i < e->nservices; i++)
                if (e->services[i].provider->forget_document)
                        e->services[i].provider->forget_document(e->services[i].state);
        int rc = 0;
        /* Every plugin first looks up its lexicons, then the checks run: the word index
         * is made once, with all of them in it. */
        for (size_t i = 0; i < e->nplugins; i++) {
                struct th_loaded_plugin *p = e->plugins[i];
                if (p->desc->check && plugin_enabled(e, c, p) && ensure_init(e, p, err) < 0)
                        rc = -1;
        }
        for (size_t i = 0; i < e->nplugins; i++) {
                struct th_loaded_plugin *p = e->plugins[i];
                if (!p->desc->check || !p->initialized || !plugin_enabled(e, c, p))
                        continue; /* built in (the core's and the declarative rules), or failed */
                struct th_ctx ctx = {e, p, c, doc, out, NULL};
                if (p->desc->check(th_host_services(), &ctx, doc, p->state) != TH_OK) {
                        char *what = th_xasprintf(_("failed on %s"), doc->path);
                        call_failed(&ctx, what, err);
                        free(what);
                        rc = -1;
                }
                free(ctx.failure);
        }
        const struct th_calendar *calendar = c->nrule_files ? calendar_or_null(e) : NULL;
        for (size_t i = 0; i < c->nrule_files; i++) {
                const struct th_rule_file *f = rule_file(e, c->rule_files[i]);
                for (size_t k = 0; f && k < f->nrules; k++) {
                        const char *id = th_decl_rule_id(f->rules[k]);
                        if (th_decl_rule_check(f->rules[k], th_engine_severity(e, c, id), doc,
                                               calendar, e->scratch, out, err) < 0)
                                rc = -1; /* that rule stops here; the others go on */
                }
        }
        for (size_t i = 0; i < doc->invalid.nr; i++)
                add_core(e, c, doc, out, CORE_INVALID_UTF8, doc->invalid.v[i].start,
                         doc->invalid.v[i].end, _("invalid UTF-8 byte skipped"));
        for (size_t i = 0, n = out->ntally; i < n; i++)
                if (out->tally[i].over) {
                        char *msg = th_xasprintf(
                            _("rule %s gave %zu more findings in this document "
                              "than the %d listed"),
                            out->tally[i].rule, out->tally[i].over, TH_FINDINGS_PER_RULE);
                        add_core(e, c, doc, out, CORE_TOO_MANY, doc->body, doc->body, msg);
                        free(msg);
                }
        struct th_suppressions sup = {0};
        th_suppressions_find(doc, &sup);
        for (size_t i = first; i < out->nr;) {
                const struct th_finding *f = &out->v[i];
                if (strncmp(f->rule, "core/", 5) != 0 &&
                    th_suppressed(&sup, f->rule, f->start, f->line))
                        th_findings_remove(out, i);
                else
                        i++;
        }
        check_suppressions(e, c, doc, &sup, out);
        th_suppressions_release(&sup);
        if (out->nr > first) { /* sort this document's findings only */
                struct th_findings tail = {
                    .v = out->v + first, .nr = out->nr - first, .alloc = out->nr - first};
                th_findings_sort(&tail);
                out->nr = first + tail.nr;
        }
        return rc;
}
