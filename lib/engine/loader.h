/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * loader.h: find and open plugin modules; the only user of libltdl.
 *
 * Modules are found by name in a list of folders (first folder wins for a
 * module name), opened with RTLD_LOCAL semantics, and their descriptor is
 * checked against the ABI this host speaks before anything else is called.
 */
#ifndef TH_LOADER_H
#define TH_LOADER_H

#include <stddef.h>

#include "base/error.h"
#include "twohats/plugin.h"

struct th_module {
        char *path;   /* the file opened, for messages */
        void *handle; /* lt_dlhandle */
        const struct th_plugin *desc;
};

/* Whether descriptor `p` is large enough to hold `field`: a plugin built against an
 * older minor has a shorter descriptor, without the fields appended since. */
#define TH_PLUGIN_HAS(p, field)                                                                    \
        ((p)->size >= offsetof(struct th_plugin, field) + sizeof((p)->field))

struct th_loader;

struct th_loader *th_loader_new(struct th_error *err);
/* Close every module, then shut libltdl down. */
void th_loader_free(struct th_loader *l);

/*
 * List the modules (*.la, *.so) in `dirs`, deduplicated by module name,
 * first folder first, then by name.  A folder that does not exist is
 * skipped.  Returns the number of paths stored in *out (without extension).
 */
size_t th_loader_scan(const char *const *dirs, size_t ndirs, char ***out);

/*
 * Open module `path` (with or without extension) and validate its
 * descriptor.  Returns 0 and fills `m`, or -1 with `err` naming the file and
 * the reason: cannot be opened, no entry, another ABI, a bad descriptor.
 */
int th_loader_open(struct th_loader *l, const char *path, struct th_module *m,
                   struct th_error *err);

#endif
