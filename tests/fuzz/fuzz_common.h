/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_common.h: what the libFuzzer targets of tests/fuzz share: the rule data and
 * plugins of the tree under test (TWOHATS_RULES_DIR, TWOHATS_PLUGIN_PATH, set by
 * run.sh), a private scratch folder for parsers that want a path, and a session
 * that never looks for a .twohats.yml on disk, so that every input is judged
 * alone (libFuzzer needs deterministic targets).
 */
#ifndef TH_FUZZ_COMMON_H
#define TH_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "document/conventions.h"
#include "session/session.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The rules path: TWOHATS_RULES_DIR, or "rules" (run from the source tree). */
const char *fuzz_rules_dir(void);

/* A new folder of its own under $TMPDIR (or /tmp), removed with what fuzz_write() put in
 * it when the fuzzer exits. */
const char *fuzz_scratch_dir(void);

/* `name` in the scratch folder, newly allocated; sub-folders are made on the way. */
char *fuzz_path(const char *name);

/* Replace the file `path` with data[0, size); aborts when it cannot, because a target
 * that silently reads an old file is not deterministic. */
void fuzz_write(const char *path, const uint8_t *data, size_t size);

/* The Dutch conventions of rules/nl/language.yml, as the command line reads them. */
const struct th_conventions *fuzz_conventions(void);

/* A session with the Dutch service, the built-in configuration (--no-config) and, when
 * `plugins`, the plugins of TWOHATS_PLUGIN_PATH; aborts when it cannot start. */
struct th_session *fuzz_session(int plugins);

/* Point stdin at data[0, size) and stdout at /dev/null, for code that talks on the
 * standard streams; fuzz_streams_restore() puts them back. */
void fuzz_streams_redirect(const uint8_t *data, size_t size);
void fuzz_streams_restore(void);

#endif
