/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * serve.h: `twohats serve`, an HTTP service: the native JSON API (/v1),
 * LanguageTool's protocol (/v2) and a review page, over GNU libmicrohttpd.
 * A front-end of libtwohats beside the command line and the language server.
 */
#ifndef TH_SERVE_H
#define TH_SERVE_H

#include <stddef.h>

#include "document/meta.h"
#include "session/session.h"

struct th_serve_options {
        const char *listen;         /* "ADDR:PORT" */
        unsigned queue;             /* checks waiting for a worker, at most */
        size_t max_body;            /* bytes of a request body, at most */
        unsigned timeout;           /* seconds a connection may stay idle */
        unsigned budget;            /* seconds a check may wait for a worker */
        unsigned max_conns;         /* connections at once, at most */
        const struct th_meta *meta; /* --meta: metadata of every request, under its own */
};

/* Serve with one worker thread per session (each session is one engine, used by
 * one thread) until SIGTERM or SIGINT; the exit status: 0 after a drain, 2 when the
 * address cannot be listened on. */
int th_serve(struct th_session *const *sessions, size_t nsessions,
             const struct th_serve_options *opt);

#endif
