/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * serve_run.c: `twohats serve` in the program twohats-serve: one session (engine)
 * per worker thread, the command line's and N-1 more like it, handed to serve/.
 */
#include <config.h>

#include "base/util.h"
#include "cli.h"
#include "serve/serve.h"

#include <stdlib.h>
#include <unistd.h>

const int th_cli_serve_linked = 1;

int th_cli_serve(struct th_cli *cli)
{
        long n = cli->serve_threads ? cli->serve_threads : sysconf(_SC_NPROCESSORS_ONLN);
        size_t nsessions = n > 0 ? (size_t)n : 1;
        struct th_session **sessions = th_xcalloc(nsessions, sizeof(*sessions));
        sessions[0] = cli->session;
        struct th_error err = {0};
        int status = TH_EXIT_OK;
        for (size_t i = 1; status == TH_EXIT_OK && i < nsessions; i++)
                if (!(sessions[i] = th_session_new(cli->session_options, &err)))
                        status = th_cli_error(&err);
        cli->serve.meta = &cli->meta;
        if (status == TH_EXIT_OK)
                status = th_serve(sessions, nsessions, &cli->serve);
        for (size_t i = 1; i < nsessions; i++)
                th_session_free(sessions[i]);
        free(sessions);
        th_error_release(&err);
        return status;
}
