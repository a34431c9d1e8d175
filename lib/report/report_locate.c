/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_locate.c: where a finding is for CI platforms (SARIF, Code Climate): the file
 * relative to a base folder, the line in that file, and a fingerprint that survives
 * runs and moved lines.
 */
#include "report/report.h"
#include "base/util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* `path` made absolute (its links resolved when it exists), or NULL. */
static char *absolute(const char *path)
{
        char *real = realpath(path, NULL);
        if (real || path[0] == '/')
                return real ? real : th_xstrdup(path);
        char cwd[PATH_MAX];
        return getcwd(cwd, sizeof(cwd)) ? th_xasprintf("%s/%s", cwd, path) : NULL;
}

char *th_report_relative(const struct th_report *r, const struct th_doc *doc)
{
        const char *file = r->src && r->src->file ? r->src->file : doc->path;
        char *abs = r->sarif_base ? absolute(file) : NULL;
        if (!abs)
                return th_xstrdup(file);
        /* the longest folder the base and the file share, then ".." for each folder of
         * the base below it */
        char *base = th_xasprintf("%s/", strcmp(r->sarif_base, "/") ? r->sarif_base : "");
        size_t common = 0;
        for (size_t i = 0; base[i] && base[i] == abs[i]; i++)
                if (base[i] == '/')
                        common = i + 1;
        struct th_buf b = {0};
        for (const char *p = base + common; *p; p++)
                if (*p == '/')
                        th_buf_addf(&b, "../");
        th_buf_addf(&b, "%s", abs + common);
        free(base);
        free(abs);
        return th_buf_detach(&b);
}

unsigned th_report_file_line(const struct th_report *r, const struct th_finding *x)
{
        if (r->src && r->src->line)
                return r->src->line; /* a JSON Lines record: its line in the file */
        return r->src && r->src->extracted ? 1 : x->line;
}

/* FNV-1a, 64 bits, over `n` bytes, continuing from `h`. */
static unsigned long long fnv(unsigned long long h, const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++)
                h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
        return h;
}

const char *th_report_unit(const struct th_report *r, const struct th_doc *doc)
{
        const char *file = r->src ? r->src->file : NULL;
        size_t n = file ? strlen(file) : 0;
        if (!file || strncmp(doc->path, file, n) != 0 || doc->path[n] != ':')
                return NULL;
        return doc->path + n + 1;
}

/* Hash which part of the file the document is.  By the record's id, never by the file
 * as given (absolute or relative, the same record); a record without an id is named by
 * its line, which moves, so its text stands for it instead. */
static unsigned long long hash_unit(unsigned long long h, const struct th_report *r,
                                    const struct th_doc *doc)
{
        const char *unit = th_report_unit(r, doc);
        if (!unit)
                return h;
        char line[16];
        snprintf(line, sizeof(line), "%u", r->src->line);
        if (r->src->line && strcmp(unit, line) == 0)
                return fnv(h, doc->text, doc->len);
        return fnv(h, unit, strlen(unit) + 1);
}

char *th_report_fingerprint(const struct th_report *r, const struct th_doc *doc,
                            const struct th_findings *f, size_t i, const char *relative)
{
        /* the rule, the file (and record or page) and the words flagged, and which of
         * their equals this is: a line added above leaves it as it is, a second equal
         * finding gets its own */
        const struct th_finding *x = &f->v[i];
        size_t nth = 0;
        for (size_t k = 0; k < i; k++)
                nth += !strcmp(f->v[k].rule, x->rule) &&
                       f->v[k].end - f->v[k].start == x->end - x->start &&
                       !memcmp(doc->text + f->v[k].start, doc->text + x->start, x->end - x->start);
        unsigned long long h = 14695981039346656037ULL;
        h = fnv(h, x->rule, strlen(x->rule) + 1);
        h = fnv(h, relative, strlen(relative) + 1);
        h = hash_unit(h, r, doc);
        h = fnv(h, doc->text + x->start, x->end - x->start);
        char n[24]; /* as text: the same on every machine, whatever its size_t */
        snprintf(n, sizeof(n), "%zu", nth);
        h = fnv(h, n, strlen(n));
        return th_xasprintf("%016llx", h);
}
