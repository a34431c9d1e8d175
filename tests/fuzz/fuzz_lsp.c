/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_lsp.c: a libFuzzer target for the language server (lsp/): each input is
 * the whole byte stream of a client, Content-Length frames and JSON-RPC
 * messages, served by th_lsp_serve() on a memory stream as `twohats lsp` serves
 * standard input; what it answers goes to /dev/null.  The session (plugins, rule
 * data) is made once and kept, as an editor's server keeps it.
 * Build and run with tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "lsp/lsp.h"

static struct th_session *session;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void)argc;
        (void)argv;
        session = fuzz_session(1);
        return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_streams_redirect(data, size);
        int status = th_lsp_serve(session);
        fuzz_streams_restore();
        if (status != 0 && status != 1)
                abort(); /* lsp.h: 0 after shutdown and exit, 1 otherwise */
        return 0;
}
