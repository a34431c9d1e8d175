/* SPDX-License-Identifier: EUPL-1.2 */
/* session.c: one linting run (see session.h). */
#include "session/session.h"
#include "base/util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct th_session {
        struct th_engine *engine;
        struct th_config *fixed; /* --config or --no-config, or NULL */
        /* configurations found by discovery, by the path of their file ("" for none) */
        struct th_config **found;
        char **found_paths;
        size_t nfound, afound;
};

/* The configuration files of other users said to be ignored: once a process, whatever
 * the sessions (-j and twohats serve run one a thread). */
static struct {
        pthread_mutex_t lock;
        char **paths;
        size_t n, alloc;
} said = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

/* Say once on standard error that the configuration `path` (owned by another user) is
 * ignored; takes `path` over. */
static void say_ignored(char *path)
{
        pthread_mutex_lock(&said.lock);
        size_t i = 0;
        while (i < said.n && strcmp(said.paths[i], path))
                i++;
        if (i < said.n) {
                free(path);
        } else {
                fprintf(stderr,
                        "twohats: %s: ignored, because another user owns it (use --config to "
                        "name it)\n",
                        path);
                TH_GROW(said.paths, said.n + 1, said.alloc);
                said.paths[said.n++] = path;
        }
        pthread_mutex_unlock(&said.lock);
}

static void release_config(struct th_config *c)
{
        if (c) {
                th_config_release(c);
                free(c);
        }
}

struct th_session *th_session_new(const struct th_session_options *opt, struct th_error *err)
{
        struct th_engine_options eo = {opt->plugin_dirs, opt->nplugin_dirs, opt->rules_dir};
        struct th_session *s = th_xcalloc(1, sizeof(*s));
        s->engine = th_engine_new(&eo, err);
        int rc = s->engine ? 0 : -1;
        for (size_t i = 0; rc == 0 && opt->services && opt->services[i]; i++)
                rc = th_engine_add_service(s->engine, opt->services[i], err);
        const struct th_conventions *conv = rc == 0 ? th_engine_conventions(s->engine, err) : NULL;
        if (!conv)
                rc = -1;
        if (rc == 0 && (opt->config_file || opt->no_config)) {
                s->fixed = th_xcalloc(1, sizeof(*s->fixed));
                if (!opt->config_file)
                        th_config_defaults(s->fixed, ".");
                else if (th_config_load(s->fixed, opt->config_file, conv, err) < 0 ||
                         th_engine_check_config(s->engine, s->fixed, err) < 0)
                        rc = -1;
        }
        if (rc < 0) {
                th_session_free(s);
                return NULL;
        }
        return s;
}

void th_session_forget_configs(struct th_session *s)
{
        for (size_t i = 0; i < s->nfound; i++) {
                release_config(s->found[i]);
                free(s->found_paths[i]);
        }
        s->nfound = 0;
}

void th_session_free(struct th_session *s)
{
        if (!s)
                return;
        th_session_forget_configs(s);
        free(s->found);
        free(s->found_paths);
        release_config(s->fixed);
        th_engine_free(s->engine);
        free(s);
}

struct th_engine *th_session_engine(struct th_session *s)
{
        return s->engine;
}

const struct th_conventions *th_session_conventions(struct th_session *s)
{
        struct th_error unused = {0}; /* read without fault when the session began */
        return th_engine_conventions(s->engine, &unused);
}

static char *folder_of(const char *file)
{
        struct stat st;
        if (stat(file, &st) == 0 && S_ISDIR(st.st_mode))
                return th_xstrdup(file);
        const char *slash = strrchr(file, '/');
        if (!slash)
                return th_xstrdup(".");
        return th_xstrndup(file, slash == file ? 1 : (size_t)(slash - file));
}

const struct th_config *th_session_config_for(struct th_session *s, const char *file,
                                              struct th_error *err)
{
        if (s->fixed)
                return s->fixed;
        char *dir = folder_of(file);
        char *ignored;
        char *path = th_config_find(dir, &ignored);
        if (ignored)
                say_ignored(ignored);
        const char *key = path ? path : "";
        for (size_t i = 0; i < s->nfound; i++)
                if (strcmp(s->found_paths[i], key) == 0) {
                        if (!s->found[i])
                                th_error_set(err, TH_ERR_USAGE, s->found_paths[i], 0, 0,
                                             "configuration was rejected above");
                        free(dir);
                        free(path);
                        return s->found[i];
                }
        struct th_config *c = th_xcalloc(1, sizeof(*c));
        int rc = 0;
        if (path)
                rc = th_config_load(c, path, th_session_conventions(s), err);
        else
                th_config_defaults(c, dir);
        if (rc == 0)
                rc = th_engine_check_config(s->engine, c, err);
        if (rc < 0) {
                release_config(c);
                c = NULL;
        }
        TH_GROW(s->found, s->nfound + 1, s->afound);
        s->found_paths = th_xrealloc(s->found_paths, s->afound * sizeof(char *));
        s->found[s->nfound] = c;
        s->found_paths[s->nfound++] = th_xstrdup(key);
        free(dir);
        free(path);
        return c;
}

int th_session_read(struct th_session *s, const struct th_text *t, struct th_doc *doc,
                    const struct th_config **config, struct th_error *err)
{
        *config = t->config ? t->config : th_session_config_for(s, t->config_path, err);
        if (!*config) {
                free(t->text);
                return -1;
        }
        struct th_meta base;
        th_meta_init(&base);
        th_config_meta_for(*config, t->config_path, &base);
        struct th_doc_options opt = {t->markup, t->lenient, &base, t->meta,
                                     th_session_conventions(s)};
        int rc = th_doc_build(doc, t->name, t->text, t->len, &opt, err);
        th_meta_release(&base);
        if (rc < 0)
                th_doc_release(doc);
        return rc;
}

enum th_lint_result th_session_lint(struct th_session *s, const struct th_text *t,
                                    struct th_doc *doc, struct th_findings *out,
                                    struct th_error *err)
{
        const struct th_config *c;
        if (th_session_read(s, t, doc, &c, err) < 0)
                return TH_LINT_REFUSED;
        return th_engine_lint(s->engine, c, doc, out, err) < 0 ? TH_LINT_PARTIAL : TH_LINT_DONE;
}
