/* SPDX-License-Identifier: EUPL-1.2 */
/* test_fix.c: applying fixes, atomic writes that never lose the file, unified diffs.
 * rename() is wrapped (-Wl,--wrap=rename) to fail or to kill the process just
 * before the new file would replace the old one. */
#include "unit.h"
#include "findings/fix.h"
#include "tmpdir.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

enum { RENAME_REAL, RENAME_FAIL, RENAME_DIE };
static int rename_mode;

int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to)
{
        if (rename_mode == RENAME_FAIL) {
                errno = EIO;
                return -1;
        }
        if (rename_mode == RENAME_DIE)
                raise(SIGKILL); /* as if the machine went down before the rename */
        return __real_rename(from, to);
}

static void add_fix(struct th_findings *f, struct th_doc *doc, size_t start, size_t end,
                    const char *text)
{
        struct th_fix fix = {{start, end}, text};
        th_findings_add(f, doc, "probe/match", TH_SEV_WARNING, start, end, "m", &fix);
}

static void apply_in_order_skipping_overlaps(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "een twee drie vier", 1, &err), 0);
        struct th_findings f = {0};
        add_fix(&f, &doc, 9, 13, "DRIE");
        add_fix(&f, &doc, 0, 3, "EEN");
        add_fix(&f, &doc, 10, 12, "x"); /* overlaps "drie" */
        add_fix(&f, &doc, 18, 18, "!");
        unsigned char applied[4] = {0};
        size_t n;
        char *out = th_fix_apply(doc.text, doc.len, &f, &n, applied);
        assert_string_equal(out, "EEN twee DRIE vier!");
        assert_int_equal(n, strlen(out));
        assert_memory_equal(applied, ((unsigned char[]){1, 1, 0, 1}), 4);
        free(out);
        th_findings_release(&f);
        th_doc_release(&doc);
}

static void diff(void **state)
{
        (void)state;
        const char *old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        const char *new_text = "1\n2\n3\n4\nVIJF\n6\n7\n8\n";
        char *d = th_fix_diff("a.md", old, strlen(old), new_text, strlen(new_text));
        assert_string_equal(
            d, "--- a.md\n+++ a.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+VIJF\n 6\n 7\n 8\n");
        free(d);
        d = th_fix_diff("a.md", "x", 1, "x #D66", 6);
        assert_string_equal(d, "--- a.md\n+++ a.md\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of "
                               "file\n+x #D66\n\\ No newline at end of file\n");
        free(d);
        d = th_fix_diff("a.md", "same\n", 5, "same\n", 5);
        assert_string_equal(d, "");
        free(d);
}

/* The names in dir, but for "f.md", one per line. */
static char *leftovers(const char *dir)
{
        char *cmd = th_xasprintf("ls -A '%s' | grep -v '^f.md$'", dir);
        FILE *p = popen(cmd, "r");
        char buf[256] = "";
        size_t n = fread(buf, 1, sizeof(buf) - 1, p);
        buf[n] = '\0';
        pclose(p);
        free(cmd);
        return th_xstrdup(buf);
}

static char *contents(const char *path)
{
        char *s;
        size_t n;
        assert_int_equal(th_read_file(path, &s, &n), 0);
        return s;
}

static void atomic_write_keeps_mode(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        char *path = tmp_write(dir, "f.md", "oud\n");
        assert_int_equal(chmod(path, 0640), 0);
        struct th_error err = {0};
        rename_mode = RENAME_REAL;
        assert_int_equal(th_fix_write(path, "nieuw\n", 6, "oud\n", 4, &err), 0);
        char *now = contents(path);
        assert_string_equal(now, "nieuw\n");
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0640);
        char *left = leftovers(dir);
        assert_string_equal(left, "");
        free(left);
        free(now);
        free(path);
        tmp_remove(dir);
        free(dir);
}

static void changed_underneath_is_refused(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        char *path = tmp_write(dir, "f.md", "door iemand anders gewijzigd\n");
        struct th_error err = {0};
        rename_mode = RENAME_REAL;
        assert_int_equal(th_fix_write(path, "nieuw\n", 6, "oud\n", 4, &err), -1);
        assert_string_equal(err.message,
                            "not fixed: the file changed while twohats was reading it; run again");
        th_error_release(&err);
        char *now = contents(path);
        assert_string_equal(now, "door iemand anders gewijzigd\n");
        free(now);
        free(path);
        tmp_remove(dir);
        free(dir);
}

static void failed_rename_loses_nothing(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        char *path = tmp_write(dir, "f.md", "oud\n");
        struct th_error err = {0};
        rename_mode = RENAME_FAIL;
        assert_int_equal(th_fix_write(path, "nieuw\n", 6, "oud\n", 4, &err), -1);
        rename_mode = RENAME_REAL;
        assert_string_equal(err.message, "not fixed: Input/output error; the file is as it was");
        th_error_release(&err);
        char *now = contents(path);
        assert_string_equal(now, "oud\n");
        char *left = leftovers(dir);
        assert_string_equal(left, ""); /* the file beside it is gone too */
        free(left);
        free(now);
        free(path);
        tmp_remove(dir);
        free(dir);
}

static void interrupted_before_rename_loses_nothing(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        char *path = tmp_write(dir, "f.md", "oud\n");
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                struct th_error err = {0};
                rename_mode = RENAME_DIE;
                th_fix_write(path, "nieuw\n", 6, "oud\n", 4, &err);
                _exit(0); /* not reached */
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), SIGKILL);
        char *now = contents(path);
        assert_string_equal(now, "oud\n"); /* the original, whole */
        free(now);
        free(path);
        tmp_remove(dir);
        free(dir);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(apply_in_order_skipping_overlaps),
            cmocka_unit_test(diff),
            cmocka_unit_test(atomic_write_keeps_mode),
            cmocka_unit_test(changed_underneath_is_refused),
            cmocka_unit_test(failed_rename_loses_nothing),
            cmocka_unit_test(interrupted_before_rename_loses_nothing),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
