/* SPDX-License-Identifier: EUPL-1.2 */
/* fuzz_common.c: what the libFuzzer targets share (see fuzz_common.h). */
#include "fuzz_common.h"
#include "base/util.h"
#include "nl/service.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *scratch_dir;
/* Files and folders made in the scratch folder, removed in reverse order at exit. */
static char **made;
static size_t nmade, amade;

static void remember(const char *path)
{
        for (size_t i = 0; i < nmade; i++)
                if (strcmp(made[i], path) == 0)
                        return;
        TH_GROW(made, nmade + 1, amade);
        made[nmade++] = th_xstrdup(path);
}

static void remove_scratch(void)
{
        while (nmade > 0) {
                remove(made[--nmade]);
                free(made[nmade]);
        }
        free(made);
        if (scratch_dir)
                rmdir(scratch_dir);
        free(scratch_dir);
}

const char *fuzz_rules_dir(void)
{
        const char *dir = getenv("TWOHATS_RULES_DIR");
        return dir && *dir ? dir : "rules";
}

const char *fuzz_scratch_dir(void)
{
        if (!scratch_dir) {
                const char *tmp = getenv("TMPDIR");
                char *templ = th_xasprintf("%s/twohats-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
                if (!mkdtemp(templ)) {
                        perror(templ);
                        abort();
                }
                scratch_dir = templ;
                atexit(remove_scratch);
        }
        return scratch_dir;
}

char *fuzz_path(const char *name)
{
        char *path = th_xasprintf("%s/%s", fuzz_scratch_dir(), name);
        for (char *slash = path + strlen(fuzz_scratch_dir()) + 1; (slash = strchr(slash, '/'));
             slash++) {
                *slash = '\0';
                if (mkdir(path, 0700) == 0)
                        remember(path);
                else if (errno != EEXIST) {
                        perror(path);
                        abort();
                }
                *slash = '/';
        }
        return path;
}

void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
        FILE *f = fopen(path, "wb");
        if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
                perror(path);
                abort();
        }
        remember(path);
}

const struct th_conventions *fuzz_conventions(void)
{
        static struct th_conventions conventions;
        static int read;
        if (!read) {
                struct th_lexicons *l = th_lexicons_new(fuzz_rules_dir());
                char *dir = th_lexicons_locate(l, "nl", "language.yml");
                char *language = th_xasprintf("%s/language.yml", dir);
                struct th_error err = {0};
                if (th_conventions_read(&conventions, "nl", language, &err) < 0) {
                        fprintf(stderr, "fuzz: %s: %s (set TWOHATS_RULES_DIR)\n", language,
                                err.message);
                        abort();
                }
                free(language);
                free(dir);
                th_lexicons_free(l);
                read = 1;
        }
        return &conventions;
}

struct th_session *fuzz_session(int plugins)
{
        static const struct th_service_provider *const services[] = {&th_nl_provider, NULL};
        const char *env = getenv("TWOHATS_PLUGIN_PATH");
        const char *dirs[] = {env && *env ? env : "plugins"};
        struct th_session_options opt = {dirs, plugins ? 1 : 0, fuzz_rules_dir(), services, NULL,
                                         1};
        struct th_error err = {0};
        struct th_session *s = th_session_new(&opt, &err);
        if (!s) {
                char *msg = th_error_format(&err);
                fprintf(stderr, "fuzz: cannot start a session: %s\n", msg);
                abort();
        }
        if (plugins && th_engine_plugin_count(th_session_engine(s)) < 3)
                fprintf(stderr, "fuzz: warning: no plugins in %s (set TWOHATS_PLUGIN_PATH)\n",
                        dirs[0]);
        /* One lint before the first input: the plugins and the Dutch service read their data
         * and compile their patterns on first use, and an input must meet the same state
         * whether it runs first, later, or alone as a reproducer. */
        static const char warm_up[] = "---\nchannel: press-release\n---\n"
                                      "Stem op 17 maart op de VVD! Uit een peiling blijkt dat "
                                      "de kiezers minister Jansen waarderen; zij is populairder "
                                      "dan haar voorganger.\n";
        struct th_text text = {.name = "warm-up.md",
                               .config_path = ".",
                               .text = th_xstrdup(warm_up),
                               .len = sizeof(warm_up) - 1,
                               .markup = TH_MARKUP_MARKDOWN};
        struct th_doc doc;
        struct th_findings findings = {0};
        if (th_session_lint(s, &text, &doc, &findings, &err) != TH_LINT_REFUSED)
                th_doc_release(&doc);
        th_findings_release(&findings);
        th_error_release(&err);
        return s;
}

static FILE *saved_in, *saved_out, *null_out;

void fuzz_streams_redirect(const uint8_t *data, size_t size)
{
        if (!null_out && !(null_out = fopen("/dev/null", "w")))
                abort();
        saved_in = stdin;
        saved_out = stdout;
        /* fmemopen() wants a buffer of at least one byte on some libcs. */
        static const uint8_t nothing[1];
        stdin = fmemopen((void *)(size ? data : nothing), size ? size : 1, "r");
        if (!stdin)
                abort();
        if (!size)
                fgetc(stdin);
        stdout = null_out;
}

void fuzz_streams_restore(void)
{
        fflush(stdout);
        fclose(stdin);
        stdin = saved_in;
        stdout = saved_out;
}
