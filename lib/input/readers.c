/* SPDX-License-Identifier: EUPL-1.2 */
/* readers.c: the reader modules (see readers.h). */
#include <config.h>

#include "input/readers.h"
#include "base/util.h"

#include <ltdl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The modules tried so far, under a lock: the service's workers read uploaded documents
 * at once, and libltdl is not thread-safe. */
static struct {
        pthread_mutex_t lock;
        char *dir;
        struct tried {
                char *module;
                lt_dlhandle handle; /* NULL: not there */
        } v[4];
        size_t nr;
} readers = {.lock = PTHREAD_MUTEX_INITIALIZER};

void th_readers_dir(const char *dir)
{
        pthread_mutex_lock(&readers.lock);
        free(readers.dir);
        readers.dir = dir ? th_xstrdup(dir) : NULL;
        pthread_mutex_unlock(&readers.lock);
}

void *th_reader_function(const char *module, const char *symbol)
{
        pthread_mutex_lock(&readers.lock);
        size_t i = 0;
        while (i < readers.nr && strcmp(readers.v[i].module, module) != 0)
                i++;
        if (i == readers.nr && i < sizeof(readers.v) / sizeof(readers.v[0])) {
                char *path = th_xasprintf("%s/%s", readers.dir ? readers.dir : READERSDIR, module);
                readers.v[i].module = th_xstrdup(module);
                readers.v[i].handle = lt_dlinit() == 0 ? lt_dlopenext(path) : NULL;
                readers.nr++;
                free(path);
        }
        void *fn =
            i < readers.nr && readers.v[i].handle ? lt_dlsym(readers.v[i].handle, symbol) : NULL;
        pthread_mutex_unlock(&readers.lock);
        return fn;
}
