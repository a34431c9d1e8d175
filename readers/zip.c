/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * zip.c: the ZIP reader, a module that twohats loads on its first Word or OpenDocument
 * file (libltdl), so that libzip and what it links (OpenSSL, bzip2, lzma, zstd) cost
 * nothing to a run without them.  It reads named members of an archive in memory whole.
 * Everything it returns is malloc'd; the caller frees it.
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int twohats_zip_read(const char *buf, size_t size, const char *const *names, size_t max,
                     char **members, size_t *lens, char **why);

static char *copy(const char *s)
{
        char *c = malloc(strlen(s) + 1);
        if (c)
                strcpy(c, s);
        return c;
}

/* An archive member, read whole and NUL-terminated: NULL when it is missing, larger
 * than `max`, or unreadable. */
static char *member(zip_t *z, const char *name, size_t max, size_t *len)
{
        zip_stat_t st;
        if (zip_stat(z, name, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > max)
                return NULL;
        zip_file_t *f = zip_fopen(z, name, 0);
        char *out = f ? malloc((size_t)st.size + 1) : NULL;
        zip_int64_t n = out ? zip_fread(f, out, st.size) : -1;
        if (f)
                zip_fclose(f);
        if (n < 0 || (zip_uint64_t)n != st.size) {
                free(out);
                return NULL;
        }
        out[n] = '\0';
        *len = (size_t)n;
        return out;
}

/* The members `names` (a NULL-terminated list) of the archive buf[0, size) into
 * members[i] and lens[i] (NULL where one is missing); -1 and *why when the archive
 * cannot be opened. */
int twohats_zip_read(const char *buf, size_t size, const char *const *names, size_t max,
                     char **members, size_t *lens, char **why)
{
        *why = NULL;
        zip_error_t zerr;
        zip_error_init(&zerr);
        zip_source_t *src = zip_source_buffer_create(buf, size, 0, &zerr);
        zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
        if (!z) {
                if (src)
                        zip_source_free(src);
                *why = copy(zip_error_strerror(&zerr));
                zip_error_fini(&zerr);
                return -1;
        }
        zip_error_fini(&zerr);
        for (size_t i = 0; names[i]; i++) {
                lens[i] = 0;
                members[i] = member(z, names[i], max, &lens[i]);
        }
        zip_close(z);
        return 0;
}
