/* SPDX-License-Identifier: EUPL-1.2 */
/* loader.c: plugin modules through libltdl (see loader.h). */
#include "engine/loader.h"
#include "base/util.h"

#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <ltdl.h>
#include <stdlib.h>
#include <string.h>

struct th_loader {
        lt_dlhandle *handles;
        size_t nr, alloc;
};

struct th_loader *th_loader_new(struct th_error *err)
{
        if (lt_dlinit() != 0) {
                const char *why = lt_dlerror();
                th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0, "cannot start the plugin loader: %s",
                             why ? why : "unknown error");
                return NULL;
        }
        return th_xcalloc(1, sizeof(struct th_loader));
}

void th_loader_free(struct th_loader *l)
{
        if (!l)
                return;
        for (size_t i = l->nr; i > 0; i--)
                lt_dlclose(l->handles[i - 1]);
        free(l->handles);
        free(l);
        lt_dlexit();
}

static char *module_name(const char *file)
{
        const char *dot = strrchr(file, '.');
        return th_xstrndup(file, dot ? (size_t)(dot - file) : strlen(file));
}

size_t th_loader_scan(const char *const *dirs, size_t ndirs, char ***out)
{
        char **paths = NULL, **seen = NULL;
        size_t nr = 0, alloc = 0, nseen = 0, aseen = 0;
        for (size_t d = 0; d < ndirs; d++) {
                DIR *dir = opendir(dirs[d]);
                if (!dir)
                        continue;
                char **names = NULL;
                size_t nnames = 0, anames = 0;
                for (struct dirent *e; (e = readdir(dir));) {
                        if (e->d_name[0] == '.' ||
                            !(th_ends_with(e->d_name, ".la") || th_ends_with(e->d_name, ".so")))
                                continue;
                        TH_GROW(names, nnames + 1, anames);
                        names[nnames++] = module_name(e->d_name);
                }
                closedir(dir);
                if (nnames > 1)
                        qsort(names, nnames, sizeof(char *), th_compare_strings);
                for (size_t i = 0; i < nnames; i++) {
                        int dup = 0;
                        for (size_t k = 0; k < nseen && !dup; k++)
                                dup = strcmp(seen[k], names[i]) == 0;
                        if (dup) {
                                free(names[i]);
                                continue;
                        }
                        TH_GROW(seen, nseen + 1, aseen);
                        seen[nseen++] = names[i];
                        TH_GROW(paths, nr + 1, alloc);
                        paths[nr++] = th_xasprintf("%s/%s", dirs[d], names[i]);
                }
                free(names);
        }
        for (size_t k = 0; k < nseen; k++)
                free(seen[k]);
        free(seen);
        *out = paths;
        return nr;
}

typedef const struct th_plugin *(*entry_fn)(void);

/* The name libltdl gives the module of `path`: its file name without extension,
 * every character that is not a letter or digit replaced by '_'. */
static char *module_symbol_prefix(const char *path)
{
        const char *base = strrchr(path, '/');
        char *name = module_name(base ? base + 1 : path);
        for (char *c = name; *c; c++)
                if (!isalnum((unsigned char)*c))
                        *c = '_';
        return name;
}

/* Explain a missing v1 entry: is it a plugin for another ABI major? */
static int no_entry(lt_dlhandle h, const char *path, struct th_error *err)
{
        for (int major = 2; major <= 9; major++) {
                char sym[32];
                snprintf(sym, sizeof(sym), "twohats_plugin_v%d", major);
                if (lt_dlsym(h, sym))
                        return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                            "plugin built for plugin ABI %d, but this twohats "
                                            "speaks ABI %d: rebuild the plugin against this "
                                            "version's <twohats/plugin.h>",
                                            major, TH_ABI_MAJOR);
        }
        char *module = module_symbol_prefix(path);
        th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                     "not a twohats plugin: no entry point '%s_LTX_twohats_plugin_v%d' (define it "
                     "with TWOHATS_PLUGIN(%s, descriptor))",
                     module, TH_ABI_MAJOR, module);
        free(module);
        return -1;
}

static int check_descriptor(const struct th_plugin *p, const char *path, struct th_error *err)
{
        if (!p)
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                    "the entry point returned no descriptor");
        if (p->major != TH_ABI_MAJOR)
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                    "plugin built for plugin ABI %u.%u, but this twohats speaks "
                                    "ABI %d.%d: rebuild the plugin",
                                    p->major, p->minor, TH_ABI_MAJOR, TH_ABI_MINOR);
        if (p->minor > TH_ABI_MINOR)
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                    "plugin needs plugin ABI %u.%u, newer than this twohats "
                                    "(ABI %d.%d): upgrade twohats",
                                    p->major, p->minor, TH_ABI_MAJOR, TH_ABI_MINOR);
        if (!TH_PLUGIN_HAS(p, check)) /* the fields after check are optional */
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                    "descriptor is %zu bytes, expected at least %zu", p->size,
                                    offsetof(struct th_plugin, check) + sizeof(p->check));
        if (!p->name || !*p->name || !p->check || !p->rules || !p->rules[0].id)
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                    "descriptor lacks a name, a check function or rules");
        size_t n = strlen(p->name);
        for (const struct th_rule *r = p->rules; r->id; r++)
                if (strncmp(r->id, p->name, n) != 0 || r->id[n] != '/' || !r->id[n + 1] ||
                    r->severity < TH_SEV_OFF || r->severity > TH_SEV_ERROR || !r->summary ||
                    !r->explanation)
                        return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                            "rule '%s': expected an id '%s/NAME', a severity, a "
                                            "summary and an explanation",
                                            r->id, p->name);
        return 0;
}

int th_loader_open(struct th_loader *l, const char *path, struct th_module *m, struct th_error *err)
{
        memset(m, 0, sizeof(*m));
        lt_dladvise advise;
        if (lt_dladvise_init(&advise) || lt_dladvise_ext(&advise) || lt_dladvise_local(&advise))
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0, "cannot prepare loading");
        lt_dlhandle h = lt_dlopenadvise(path, advise);
        lt_dladvise_destroy(&advise);
        if (!h) {
                const char *why = lt_dlerror(); /* read once, at once */
                return th_error_set(err, TH_ERR_PLUGIN, path, 0, 0,
                                    "cannot open plugin: %s (a missing library? try ldd)",
                                    why ? why : "unknown error");
        }
        entry_fn entry = (entry_fn)(uintptr_t)lt_dlsym(h, "twohats_plugin_v1");
        int rc = entry ? check_descriptor(entry(), path, err) : no_entry(h, path, err);
        if (rc < 0) {
                lt_dlclose(h);
                return -1;
        }
        TH_GROW(l->handles, l->nr + 1, l->alloc);
        l->handles[l->nr++] = h;
        m->path = th_xstrdup(path);
        m->handle = h;
        m->desc = entry();
        return 0;
}
