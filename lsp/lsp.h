/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lsp.h: `twohats lsp`, the language server: a front-end of libtwohats
 * beside the command line, never depending on it.
 */
#ifndef TH_LSP_H
#define TH_LSP_H

#include "session/session.h"

/* Serve the Language Server Protocol on standard input and output with the
 * plugins and configuration of `s`; the exit status (0 after shutdown and
 * exit, 1 otherwise). */
int th_lsp_serve(struct th_session *s);

#endif
