/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_cases.c: a libFuzzer target for the case files of `twohats test`
 * (cli/test.c): each input is run as a .jsonl file of cases and as a .yml file
 * (its `cases:` list, or, for a file of declarative rules, their examples),
 * through th_cli_test() as the command runs them.
 *
 * The engine keeps a declarative rule file once it has read it, so a rule file
 * gets a session of its own (without plugins: the command disables them for a
 * rule file anyway); everything else shares one session with the plugins, made
 * once.  Build and run with tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fuzz_common.h"
#include "yaml/yamldoc.h"

static struct th_cli cli;
static char *jsonl_file, *yaml_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void)argc;
        (void)argv;
        cli.session = fuzz_session(1);
        cli.engine = th_session_engine(cli.session);
        cli.format = TH_FORMAT_TEXT;
        cli.min_severity = TH_SEV_INFO;
        cli.fail_level = TH_SEV_WARNING;
        jsonl_file = fuzz_path("cases.jsonl");
        yaml_file = fuzz_path("cases.yml");
        return 0;
}

/* What cli/test.c takes for a declarative rule file: a mapping with `rules`. */
static int is_rule_file(const uint8_t *data, size_t size)
{
        struct th_yamldoc y;
        struct th_error err = {0};
        int found = 0;
        if (th_yamldoc_load(&y, "fuzz.yml", (const char *)data, size, 0, TH_ERR_USAGE, &err) == 0) {
                found = th_yamldoc_get(&y, th_yamldoc_root(&y), "rules") != NULL;
                th_yamldoc_release(&y);
        }
        th_error_release(&err);
        return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_write(jsonl_file, data, size);
        fuzz_write(yaml_file, data, size);
        /* The command prints its table and failures on standard output. */
        fuzz_streams_redirect(NULL, 0);
        int status;
        if (is_rule_file(data, size)) {
                struct th_cli own = cli;
                own.session = fuzz_session(0);
                own.engine = th_session_engine(own.session);
                char *files[] = {jsonl_file, yaml_file};
                status = th_cli_test(&own, files, 2);
                th_session_free(own.session);
        } else {
                char *files[] = {jsonl_file, yaml_file};
                status = th_cli_test(&cli, files, 2);
        }
        fuzz_streams_restore();
        if (status < TH_EXIT_OK || status > TH_EXIT_PLUGIN)
                abort();
        return 0;
}
