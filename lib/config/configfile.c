/* SPDX-License-Identifier: EUPL-1.2 */
/* configfile.c: .twohats.yml loading and discovery (see configfile.h). */
#include "config/configfile.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <errno.h>
#include <unistd.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* What the key handlers of a configuration file read into, and with. */
struct load {
        struct th_config *config;
        const struct th_conventions *conv; /* other spellings of metadata values */
};

static const char *const default_extensions[] = {"md",  "markdown", "txt", "jsonl", "html",
                                                 "htm", "docx",     "odt", "pdf",   NULL};

static void set_extensions(struct th_config *c, const char *const *ext, size_t n)
{
        for (size_t i = 0; i < c->nextensions; i++)
                free(c->extensions[i]);
        free(c->extensions);
        c->extensions = th_xcalloc(n ? n : 1, sizeof(char *));
        for (size_t i = 0; i < n; i++)
                c->extensions[i] = th_xstrdup(ext[i][0] == '.' ? ext[i] + 1 : ext[i]);
        c->nextensions = n;
}

void th_config_defaults(struct th_config *c, const char *dir)
{
        memset(c, 0, sizeof(*c));
        c->dir = th_xstrdup(dir ? dir : ".");
        set_extensions(c, default_extensions,
                       sizeof(default_extensions) / sizeof(default_extensions[0]) - 1);
}

void th_config_release(struct th_config *c)
{
        for (size_t i = 0; i < c->nextensions; i++)
                free(c->extensions[i]);
        free(c->extensions);
        for (size_t i = 0; i < c->nrules; i++)
                free(c->rules[i].id);
        free(c->rules);
        for (size_t i = 0; i < c->nplugins; i++) {
                for (size_t k = 0; k < c->plugins[i].noptions; k++) {
                        free(c->plugins[i].options[k].name);
                        free(c->plugins[i].options[k].value);
                }
                free(c->plugins[i].options);
                free(c->plugins[i].name);
        }
        free(c->plugins);
        for (size_t i = 0; i < c->nmetadata; i++) {
                free(c->metadata[i].glob);
                th_meta_release(&c->metadata[i].meta);
        }
        free(c->metadata);
        for (size_t i = 0; i < c->nrule_files; i++)
                free(c->rule_files[i]);
        free(c->rule_files);
        free(c->rule_file_at);
        free(c->path);
        free(c->dir);
        memset(c, 0, sizeof(*c));
}

static struct th_place place(const struct th_yamldoc *y, const struct th_ynode *n)
{
        struct th_place p = {th_yamldoc_line(y, n), th_yamldoc_col(y, n)};
        return p;
}

static int parse_severity(const char *s, enum th_severity *out)
{
        static const char *const names[] = {"off", "info", "warning", "error"};
        for (int i = 0; i < 4; i++)
                if (strcasecmp(s, names[i]) == 0)
                        return *out = (enum th_severity)i, 0;
        return -1;
}

static int read_extensions(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_config *c = ((struct load *)w->ctx)->config;
        if (th_yamldoc_type(v) != TH_YLIST)
                return th_yamldoc_error(w->y, v, TH_ERR_USAGE, w->err,
                                        "'extensions': expected a list such as [md, txt], got %s",
                                        th_yamldoc_kind(v));
        size_t n = th_yamldoc_count(v);
        const char **ext = th_xcalloc(n ? n : 1, sizeof(char *));
        for (size_t i = 0; i < n; i++) {
                const struct th_ynode *item = th_yamldoc_item(w->y, v, i);
                ext[i] = th_yamldoc_scalar(item);
                if (!ext[i] || !*ext[i]) {
                        free(ext);
                        return th_yamldoc_error(w->y, item, TH_ERR_USAGE, w->err,
                                                "'extensions': expected a file extension, got %s",
                                                th_yamldoc_kind(item));
                }
        }
        set_extensions(c, ext, n);
        free(ext);
        return 0;
}

/* Rule ids are data: each key is one. */
static int read_rules(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_config *c = ((struct load *)w->ctx)->config;
        const struct th_yamldoc *y = w->y;
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, w->err,
                                        "'rules': expected a mapping of rule ids to off, info, "
                                        "warning or error, got %s",
                                        th_yamldoc_kind(v));
        size_t alloc = 0;
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *val = th_yamldoc_pair(y, v, i, &k);
                const char *id = th_yamldoc_scalar(k), *sev = th_yamldoc_scalar(val);
                enum th_severity s;
                if (!id)
                        return th_yamldoc_error(y, k, TH_ERR_USAGE, w->err,
                                                "'rules': expected a rule id, got %s",
                                                th_yamldoc_kind(k));
                if (!sev || parse_severity(sev, &s) < 0)
                        return th_yamldoc_error(y, val, TH_ERR_USAGE, w->err,
                                                "rule '%s': expected off, info, warning or error, "
                                                "got '%s'",
                                                id, sev ? sev : th_yamldoc_kind(val));
                TH_GROW(c->rules, c->nrules + 1, alloc);
                c->rules[c->nrules].id = th_xstrdup(id);
                c->rules[c->nrules].severity = s;
                c->rules[c->nrules].at = place(y, k);
                c->nrules++;
        }
        return 0;
}

/* Option names are data: each key is one. */
static int read_options(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_plugin_setting *ps = w->ctx;
        const struct th_yamldoc *y = w->y;
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, w->err,
                                        "plugin '%s': 'options' expected a mapping, got %s",
                                        ps->name, th_yamldoc_kind(v));
        size_t alloc = 0;
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *val = th_yamldoc_pair(y, v, i, &k);
                if (!th_yamldoc_scalar(k))
                        return th_yamldoc_error(y, k, TH_ERR_USAGE, w->err,
                                                "plugin '%s': expected an option name, got %s",
                                                ps->name, th_yamldoc_kind(k));
                TH_GROW(ps->options, ps->noptions + 1, alloc);
                struct th_option_setting *o = &ps->options[ps->noptions++];
                o->name = th_xstrdup(th_yamldoc_scalar(k));
                o->is_scalar = th_yamldoc_scalar(val) != NULL;
                o->value = th_xstrdup(o->is_scalar ? th_yamldoc_scalar(val) : "");
                o->at = place(y, k);
                o->value_at = place(y, val);
        }
        return 0;
}

static int read_enabled(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_plugin_setting *ps = w->ctx;
        const char *b = th_yamldoc_scalar(v);
        if (!b || th_yamldoc_bool(b, &ps->enabled) < 0)
                return th_yamldoc_error(w->y, v, TH_ERR_USAGE, w->err,
                                        "plugin '%s': 'enabled' expected true or false", ps->name);
        return 0;
}

static const struct th_ykey plugin_keys[] = {
    {"enabled", TH_YANY, read_enabled}, {"options", TH_YANY, read_options}, {NULL, 0, NULL}};

static int read_plugin(struct th_plugin_setting *ps, const struct th_yamldoc *y,
                       const struct th_ynode *v, struct th_error *err)
{
        const char *flag = th_yamldoc_scalar(v);
        if (flag) {
                if (th_yamldoc_bool(flag, &ps->enabled) < 0)
                        return th_yamldoc_error(y, v, TH_ERR_USAGE, err,
                                                "plugin '%s': expected true, false or a mapping "
                                                "with enabled and options, got '%s'",
                                                ps->name, flag);
                return 0;
        }
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, err,
                                        "plugin '%s': expected true, false or a mapping, got %s",
                                        ps->name, th_yamldoc_kind(v));
        char *what = th_xasprintf("plugin '%s'", ps->name);
        int rc = th_yamldoc_walk(y, v, plugin_keys, ps, what, TH_ERR_USAGE, err);
        free(what);
        return rc;
}

/* Plugin names are data: each key is one. */
static int read_plugins(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_config *c = ((struct load *)w->ctx)->config;
        const struct th_yamldoc *y = w->y;
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, w->err,
                                        "'plugins': expected a mapping of plugin names, got %s",
                                        th_yamldoc_kind(v));
        size_t alloc = 0;
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *val = th_yamldoc_pair(y, v, i, &k);
                if (!th_yamldoc_scalar(k))
                        return th_yamldoc_error(y, k, TH_ERR_USAGE, w->err,
                                                "'plugins': expected a plugin name, got %s",
                                                th_yamldoc_kind(k));
                TH_GROW(c->plugins, c->nplugins + 1, alloc);
                struct th_plugin_setting *ps = &c->plugins[c->nplugins++];
                memset(ps, 0, sizeof(*ps));
                ps->name = th_xstrdup(th_yamldoc_scalar(k));
                ps->enabled = 1;
                ps->at = place(y, k);
                if (read_plugin(ps, y, val, w->err) < 0)
                        return -1;
        }
        return 0;
}

/* Besides 'files', metadata keys are data: each is one. */
static int read_meta_entry(struct th_meta_default *md, const struct th_yamldoc *y,
                           const struct th_ynode *v, const char *file,
                           const struct th_conventions *conv, struct th_error *err)
{
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, err,
                                        "'metadata': expected a mapping with 'files' and "
                                        "metadata keys, got %s",
                                        th_yamldoc_kind(v));
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *val = th_yamldoc_pair(y, v, i, &k);
                const char *key = th_yamldoc_scalar(k), *s = th_yamldoc_scalar(val);
                if (!key)
                        return th_yamldoc_error(y, k, TH_ERR_USAGE, err,
                                                "'metadata': expected a key, got %s",
                                                th_yamldoc_kind(k));
                if (strcmp(key, "files") == 0) {
                        if (!s || !*s)
                                return th_yamldoc_error(y, val, TH_ERR_USAGE, err,
                                                        "'files': expected a glob such as "
                                                        "\"speeches/*.md\"");
                        free(md->glob);
                        md->glob = th_xstrdup(s);
                        continue;
                }
                const char **vals;
                size_t nr;
                const struct th_ynode *bad;
                if (th_yamldoc_texts(y, val, &vals, &nr, &bad) < 0)
                        return th_yamldoc_error(y, bad, TH_ERR_USAGE, err,
                                                bad == val ? "metadata '%s': expected a value or a "
                                                             "list, got %s"
                                                           : "metadata '%s': expected text "
                                                             "values, got %s",
                                                key, th_yamldoc_kind(bad));
                int rc = th_meta_set(&md->meta, key, vals, nr, NULL, conv, file,
                                     th_yamldoc_line(y, val), th_yamldoc_col(y, val), err);
                free(vals);
                if (rc < 0)
                        return -1;
        }
        if (!md->glob)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, err,
                                        "'metadata': each entry needs 'files' (a glob)");
        return 0;
}

static int read_metadata(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_config *c = ((struct load *)w->ctx)->config;
        if (th_yamldoc_type(v) != TH_YLIST)
                return th_yamldoc_error(w->y, v, TH_ERR_USAGE, w->err,
                                        "'metadata': expected a list of {files: GLOB, KEY: VALUE}, "
                                        "got %s",
                                        th_yamldoc_kind(v));
        size_t alloc = 0;
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                TH_GROW(c->metadata, c->nmetadata + 1, alloc);
                struct th_meta_default *md = &c->metadata[c->nmetadata++];
                memset(md, 0, sizeof(*md));
                th_meta_init(&md->meta);
                if (read_meta_entry(md, w->y, th_yamldoc_item(w->y, v, i), c->path,
                                    ((struct load *)w->ctx)->conv, w->err) < 0)
                        return -1;
        }
        return 0;
}

void th_config_disable_plugin(struct th_config *c, const char *name)
{
        c->plugins = th_xrealloc(c->plugins, (c->nplugins + 1) * sizeof(*c->plugins));
        struct th_plugin_setting *ps = &c->plugins[c->nplugins++];
        memset(ps, 0, sizeof(*ps));
        ps->name = th_xstrdup(name);
}

void th_config_add_rule_file(struct th_config *c, const char *path, struct th_place at)
{
        c->rule_files = th_xrealloc(c->rule_files, (c->nrule_files + 1) * sizeof(char *));
        c->rule_file_at = th_xrealloc(c->rule_file_at, (c->nrule_files + 1) * sizeof(at));
        c->rule_files[c->nrule_files] = th_xstrdup(path);
        c->rule_file_at[c->nrule_files++] = at;
}

/* A rule file named by a configuration must lie inside its folder: linting an
 * untrusted folder reads no rule file from elsewhere. */
static int read_rule_files(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_config *c = ((struct load *)w->ctx)->config;
        const struct th_yamldoc *y = w->y;
        if (th_yamldoc_type(v) != TH_YLIST)
                return th_yamldoc_error(y, v, TH_ERR_USAGE, w->err,
                                        "'rule-files': expected a list of files, got %s",
                                        th_yamldoc_kind(v));
        char *root = realpath(c->dir, NULL);
        int rc = 0;
        for (size_t i = 0; rc == 0 && i < th_yamldoc_count(v); i++) {
                const struct th_ynode *n = th_yamldoc_item(y, v, i);
                const char *name = th_yamldoc_scalar(n);
                if (!name || !*name) {
                        rc = th_yamldoc_error(y, n, TH_ERR_USAGE, w->err,
                                              "'rule-files': expected a file name");
                        break;
                }
                char *joined =
                    name[0] == '/' ? th_xstrdup(name) : th_xasprintf("%s/%s", c->dir, name);
                char *real = realpath(joined, NULL);
                size_t n_root = root ? strlen(root) : 0;
                if (!real)
                        rc = th_yamldoc_error(y, n, TH_ERR_USAGE, w->err,
                                              "rule file '%s' cannot be read: %s", name,
                                              strerror(errno));
                else if (!root || strncmp(real, root, n_root) != 0 || real[n_root] != '/')
                        rc = th_yamldoc_error(y, n, TH_ERR_USAGE, w->err,
                                              "rule file '%s' is outside the folder of this "
                                              "configuration; a configuration names only rule "
                                              "files inside its own folder",
                                              name);
                else
                        th_config_add_rule_file(c, real, place(y, n));
                free(real);
                free(joined);
        }
        free(root);
        return rc;
}

static const struct th_ykey config_keys[] = {
    {"extensions", TH_YANY, read_extensions}, {"rules", TH_YANY, read_rules},
    {"plugins", TH_YANY, read_plugins},       {"metadata", TH_YANY, read_metadata},
    {"rule-files", TH_YANY, read_rule_files}, {NULL, 0, NULL}};

int th_config_load(struct th_config *c, const char *path, const struct th_conventions *conv,
                   struct th_error *err)
{
        char *dir = th_xstrdup(path);
        char *slash = strrchr(dir, '/');
        if (slash)
                slash[slash == dir ? 1 : 0] = '\0';
        th_config_defaults(c, slash ? dir : ".");
        free(dir);
        c->path = th_xstrdup(path);
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "configuration file", TH_ERR_USAGE, err);
        if (rc < 0)
                return -1;
        const struct th_ynode *root = th_yamldoc_root(&y);
        if (root && th_yamldoc_type(root) != TH_YMAP)
                rc = th_yamldoc_error(&y, root, TH_ERR_USAGE, err,
                                      "expected a mapping with extensions, rules, plugins or "
                                      "metadata, got %s",
                                      th_yamldoc_kind(root));
        else
                rc = th_yamldoc_walk(&y, root, config_keys, &(struct load){c, conv}, NULL,
                                     TH_ERR_USAGE, err);
        th_yamldoc_release(&y);
        return rc;
}

char *th_config_find(const char *dir, char **ignored)
{
        *ignored = NULL;
        char *d = realpath(dir, NULL);
        if (!d)
                return NULL;
        for (;;) {
                char *candidate = th_xasprintf("%s/.twohats.yml", strcmp(d, "/") ? d : "");
                struct stat st;
                if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
                        if (st.st_uid == geteuid() || st.st_uid == 0) {
                                free(d);
                                return candidate;
                        }
                        if (!*ignored) {
                                *ignored = candidate;
                                candidate = NULL;
                        }
                }
                free(candidate);
                char *slash = strrchr(d, '/');
                if (!slash || strcmp(d, "/") == 0)
                        break;
                slash[slash == d ? 1 : 0] = '\0';
        }
        free(d);
        return NULL;
}

/* A glob without '/' matches the base name; one with '/' the path relative to the
 * configuration's folder, where '*' also crosses folders. */
static int glob_matches(const struct th_config *c, const char *glob, const char *file)
{
        if (!strchr(glob, '/')) {
                const char *base = strrchr(file, '/');
                return fnmatch(glob, base ? base + 1 : file, 0) == 0;
        }
        char *abs = realpath(file, NULL);
        char *root = realpath(c->dir, NULL);
        const char *rel = file;
        if (abs && root && strncmp(abs, root, strlen(root)) == 0 && abs[strlen(root)] == '/')
                rel = abs + strlen(root) + 1;
        while (rel[0] == '.' && rel[1] == '/')
                rel += 2;
        int ok = fnmatch(glob, rel, 0) == 0;
        free(abs);
        free(root);
        return ok;
}

void th_config_meta_for(const struct th_config *c, const char *file, struct th_meta *out)
{
        for (size_t i = 0; i < c->nmetadata; i++)
                if (glob_matches(c, c->metadata[i].glob, file))
                        th_meta_copy(out, &c->metadata[i].meta);
}

int th_config_rule_severity(const struct th_config *c, const char *rule)
{
        for (size_t i = c->nrules; i > 0; i--)
                if (strcmp(c->rules[i - 1].id, rule) == 0)
                        return (int)c->rules[i - 1].severity;
        return -1;
}

const struct th_plugin_setting *th_config_plugin(const struct th_config *c, const char *name)
{
        for (size_t i = c->nplugins; i > 0; i--)
                if (strcmp(c->plugins[i - 1].name, name) == 0)
                        return &c->plugins[i - 1];
        return NULL;
}

int th_config_takes(const struct th_config *c, const char *file)
{
        const char *dot = strrchr(file, '.');
        const char *slash = strrchr(file, '/');
        if (!dot || (slash && dot < slash))
                return 0;
        for (size_t i = 0; i < c->nextensions; i++)
                if (strcasecmp(dot + 1, c->extensions[i]) == 0)
                        return 1;
        return 0;
}
