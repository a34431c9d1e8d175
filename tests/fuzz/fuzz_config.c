/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_config.c: a libFuzzer target for the configuration, .twohats.yml
 * (lib/config/configfile.c on lib/yaml/yamldoc.c and the metadata of
 * lib/document/meta.c), and for the questions asked of a loaded one.
 * Build and run with tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "config/configfile.h"
#include "fuzz_common.h"

static char *config_path, *linted_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void)argc;
        (void)argv;
        config_path = fuzz_path(".twohats.yml");
        /* Files that `rule-files:` and `metadata: files:` may name, so that the reading of a
         * rule file inside the folder is reached, not only the refusal of a missing one. */
        static const uint8_t rules[] = "rules: []\n";
        char *rule_file = fuzz_path("r.yml");
        fuzz_write(rule_file, rules, sizeof(rules) - 1);
        free(rule_file);
        linted_file = fuzz_path("speeches/a.md");
        fuzz_write(linted_file, (const uint8_t *)"", 0);
        fuzz_conventions();
        return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_write(config_path, data, size);
        struct th_config config;
        struct th_error err = {0};
        if (th_config_load(&config, config_path, fuzz_conventions(), &err) == 0) {
                struct th_meta meta;
                th_meta_init(&meta);
                th_config_meta_for(&config, linted_file, &meta);
                th_config_meta_for(&config, "a.md", &meta);
                th_meta_release(&meta);
                th_config_rule_severity(&config, "party-politics/vote-call");
                th_config_plugin(&config, "image-building");
                th_config_takes(&config, linted_file);
                for (size_t i = 0; i < config.nrule_files; i++)
                        if (config.rule_files[i][0] != '/')
                                abort(); /* configfile.h promises absolute paths */
        } else {
                if (!err.message)
                        abort(); /* a refusal always says why */
                free(th_error_format(&err));
        }
        th_config_release(&config);
        th_error_release(&err);
        return 0;
}
