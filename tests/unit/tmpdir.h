/* SPDX-License-Identifier: EUPL-1.2 */
/* tmpdir.h: a scratch folder for tests that need files. */
#ifndef TH_TMPDIR_H
#define TH_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "base/util.h"

static inline char *tmp_dir(void)
{
        char tmpl[] = "/tmp/twohats-unit-XXXXXX";
        char *d = mkdtemp(tmpl);
        assert_non_null(d);
        return th_xstrdup(d);
}

/* Write `text` to dir/name (creating one level of folder in name if needed). */
static inline char *tmp_write(const char *dir, const char *name, const char *text)
{
        char *path = th_xasprintf("%s/%s", dir, name);
        char *slash = strrchr(path, '/');
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
        return path;
}

static inline void tmp_remove(const char *dir)
{
        char *cmd = th_xasprintf("rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
        free(cmd);
}

#endif
