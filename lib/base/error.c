/* SPDX-License-Identifier: EUPL-1.2 */
/* error.c: errors as values with a place (see error.h). */
#include "base/error.h"
#include "base/i18n.h"
#include "base/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int th_error_set(struct th_error *err, enum th_error_kind kind, const char *file, unsigned line,
                 unsigned col, const char *fmt, ...)
{
        if (!err)
                return -1;
        th_error_release(err);
        va_list ap;
        va_start(ap, fmt);
        char *msg = th_xvasprintf(_(fmt), ap); /* in the user's language */
        va_end(ap);
        err->kind = kind;
        err->file = file ? th_xstrdup(file) : NULL;
        err->line = line;
        err->col = col;
        err->message = msg;
        return -1;
}

void th_error_release(struct th_error *err)
{
        free(err->file);
        free(err->message);
        err->file = NULL;
        err->message = NULL;
        err->line = err->col = 0;
        err->kind = TH_ERR_NONE;
}

char *th_error_format(const struct th_error *err)
{
        const char *msg = err->message ? err->message : "unknown error";
        if (!err->file)
                return th_xstrdup(msg);
        if (err->line && err->col)
                return th_xasprintf("%s:%u:%u: %s", err->file, err->line, err->col, msg);
        if (err->line)
                return th_xasprintf("%s:%u: %s", err->file, err->line, msg);
        return th_xasprintf("%s: %s", err->file, msg);
}
