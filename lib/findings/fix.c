/* SPDX-License-Identifier: EUPL-1.2 */
/* fix.c: applying fixes, atomic writes and unified diffs (see fix.h). */
#include "findings/fix.h"
#include "base/util.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *th_fix_apply(const char *text, size_t len, const struct th_findings *f, size_t *out_len,
                   unsigned char *applied)
{
        /* Findings are sorted by span start, but fixes may point elsewhere: order them. */
        size_t *order = th_xcalloc(f->nr ? f->nr : 1, sizeof(size_t)), n = 0;
        for (size_t i = 0; i < f->nr; i++)
                if (f->v[i].has_fix && f->v[i].fix_end <= len)
                        order[n++] = i;
        for (size_t i = 1; i < n; i++)
                for (size_t j = i; j > 0 && f->v[order[j]].fix_start < f->v[order[j - 1]].fix_start;
                     j--) {
                        size_t t = order[j];
                        order[j] = order[j - 1];
                        order[j - 1] = t;
                }
        struct th_buf b = {0};
        size_t at = 0;
        for (size_t k = 0; k < n; k++) {
                const struct th_finding *x = &f->v[order[k]];
                if (x->fix_start < at)
                        continue; /* overlaps the fix before it */
                th_buf_add(&b, text + at, x->fix_start - at);
                th_buf_adds(&b, x->fix_text);
                at = x->fix_end;
                if (applied)
                        applied[order[k]] = 1;
        }
        th_buf_add(&b, text + at, len - at);
        free(order);
        *out_len = b.len;
        return th_buf_detach(&b);
}

/* Remove what a killed run left beside `real`: ".NAME.twohats-PID-XXXXXX" of a process
 * that no longer runs. */
static void remove_stale(const char *real)
{
        const char *slash = strrchr(real, '/');
        char *dir = th_xstrndup(real, (size_t)(slash - real));
        char *prefix = th_xasprintf(".%s.twohats-", slash + 1);
        size_t pl = strlen(prefix);
        DIR *d = opendir(*dir ? dir : "/");
        for (struct dirent *e; d && (e = readdir(d));) {
                char *end;
                if (strncmp(e->d_name, prefix, pl) != 0)
                        continue;
                long pid = strtol(e->d_name + pl, &end, 10);
                if (end == e->d_name + pl || *end != '-' || pid <= 0 ||
                    (kill((pid_t)pid, 0) < 0 && errno == ESRCH)) {
                        char *stale = th_xasprintf("%s/%s", dir, e->d_name);
                        unlink(stale);
                        free(stale);
                }
        }
        if (d)
                closedir(d);
        free(prefix);
        free(dir);
}

int th_fix_write(const char *path, const char *data, size_t n, const char *expect, size_t m,
                 struct th_error *err)
{
        /* Write through a symbolic link to its target, not over the link. */
        char *real = realpath(path, NULL);
        if (!real)
                return th_error_set(err, TH_ERR_USAGE, path, 0, 0, "cannot fix: %s",
                                    strerror(errno));
        struct stat st;
        char *now = NULL;
        size_t now_len = 0;
        int rc = -1;
        if (stat(real, &st) < 0 || th_read_file(real, &now, &now_len) < 0) {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0, "cannot fix: %s", strerror(errno));
                goto out;
        }
        if (!S_ISREG(st.st_mode)) {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0, "not fixed: not a regular file");
                goto out;
        }
        /* Replacing the file gives the name a new file: refused where that would part it
         * from its other names or change who owns it. */
        if (st.st_nlink > 1) {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                             "not fixed: the file has %lu names (hard links), and a fix would "
                             "part this one from the others; fix it by hand",
                             (unsigned long)st.st_nlink);
                goto out;
        }
        if (now_len != m || memcmp(now, expect, m) != 0) {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                             "not fixed: the file changed while twohats was reading it; run "
                             "again");
                goto out;
        }
        remove_stale(real);
        char *slash = strrchr(real, '/');
        char *tmp = th_xasprintf("%.*s/.%s.twohats-%ld-XXXXXX", (int)(slash - real), real,
                                 slash + 1, (long)getpid());
        int fd = mkstemp(tmp);
        if (fd < 0) {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                             "cannot fix: cannot create a file "
                             "beside it: %s",
                             strerror(errno));
                free(tmp);
                goto out;
        }
        size_t done = 0;
        while (done < n) {
                ssize_t w = write(fd, data + done, n - done);
                if (w < 0 && errno == EINTR)
                        continue;
                if (w <= 0)
                        break;
                done += (size_t)w;
        }
        int same_owner = fchown(fd, st.st_uid, st.st_gid) == 0;
        int ok = done == n && same_owner && fchmod(fd, st.st_mode & 07777) == 0 && fsync(fd) == 0;
        ok = close(fd) == 0 && ok;
        if (ok && rename(tmp, real) == 0) {
                rc = 0;
        } else if (!same_owner) {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                             "not fixed: the fixed file could not keep the owner and group of "
                             "this one (%lu:%lu); fix it as its owner",
                             (unsigned long)st.st_uid, (unsigned long)st.st_gid);
                unlink(tmp);
        } else {
                th_error_set(err, TH_ERR_USAGE, path, 0, 0, "not fixed: %s; the file is as it was",
                             strerror(errno ? errno : EIO));
                unlink(tmp);
        }
        free(tmp);
out:
        free(now);
        free(real);
        return rc;
}

/* Lines of s[0, n): offsets of their starts, plus n at the end. */
static size_t split_lines(const char *s, size_t n, size_t **out)
{
        size_t nr = 0, alloc = 0;
        *out = NULL;
        TH_GROW(*out, 1, alloc);
        (*out)[nr++] = 0;
        for (size_t i = 0; i < n; i++)
                if (s[i] == '\n' && i + 1 < n) {
                        TH_GROW(*out, nr + 1, alloc);
                        (*out)[nr++] = i + 1;
                }
        TH_GROW(*out, nr + 1, alloc);
        (*out)[nr] = n;
        return n ? nr : 0;
}

static void add_line(struct th_buf *b, char mark, const char *s, size_t from, size_t to)
{
        th_buf_add(b, &mark, 1);
        th_buf_add(b, s + from, to - from);
        if (to == from || s[to - 1] != '\n')
                th_buf_adds(b, "\n\\ No newline at end of file\n");
}

static int same_line(const char *a, const size_t *la, size_t i, const char *b, const size_t *lb,
                     size_t j)
{
        size_t na = la[i + 1] - la[i], nb = lb[j + 1] - lb[j];
        return na == nb && memcmp(a + la[i], b + lb[j], na) == 0;
}

char *th_fix_diff(const char *path, const char *old, size_t old_len, const char *new_text,
                  size_t new_len)
{
        if (old_len == new_len && memcmp(old, new_text, old_len) == 0)
                return th_xstrdup("");
        size_t *lo, *ln;
        size_t no = split_lines(old, old_len, &lo), nn = split_lines(new_text, new_len, &ln);
        /* Fixes are local: one hunk from the first to the last changed line. */
        size_t head = 0, tail = 0;
        while (head < no && head < nn && same_line(old, lo, head, new_text, ln, head))
                head++;
        while (tail < no - head && tail < nn - head &&
               same_line(old, lo, no - 1 - tail, new_text, ln, nn - 1 - tail))
                tail++;
        size_t from = head > 3 ? head - 3 : 0;
        size_t old_to = no - tail + (tail > 3 ? 3 : tail),
               new_to = nn - tail + (tail > 3 ? 3 : tail);
        struct th_buf b = {0};
        th_buf_addf(&b, "--- %s\n+++ %s\n@@ -%zu,%zu +%zu,%zu @@\n", path, path,
                    old_to > from ? from + 1 : from, old_to - from, new_to > from ? from + 1 : from,
                    new_to - from);
        for (size_t i = from; i < head; i++)
                add_line(&b, ' ', old, lo[i], lo[i + 1]);
        for (size_t i = head; i < no - tail; i++)
                add_line(&b, '-', old, lo[i], lo[i + 1]);
        for (size_t j = head; j < nn - tail; j++)
                add_line(&b, '+', new_text, ln[j], ln[j + 1]);
        for (size_t i = no - tail; i < old_to; i++)
                add_line(&b, ' ', old, lo[i], lo[i + 1]);
        free(lo);
        free(ln);
        return th_buf_detach(&b);
}
