/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * serve_exec.c: `twohats serve` in the program twohats: the service is the program
 * twohats-serve, run with the same command line.  Linking libmicrohttpd pulls in GnuTLS,
 * whose start-up costs every process about 2.7 ms and 8 MB of address space; a lint
 * of one post should not pay that for a service it does not run.
 */
#include <config.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const int th_cli_serve_linked = 0;

int th_cli_serve(struct th_cli *cli)
{
        /* an uninstalled twohats runs the twohats-serve of its build tree */
        char *helper = cli->build_tree ? th_xasprintf("%s/twohats-serve", cli->build_tree)
                                       : th_xstrdup(PKGLIBEXECDIR "/twohats-serve");
        fflush(NULL);
        execv(helper, cli->argv);
        fprintf(stderr, _("twohats: cannot run %s: %s\n"), helper, strerror(errno));
        free(helper);
        return TH_EXIT_PLUGIN;
}
