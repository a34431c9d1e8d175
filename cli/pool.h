/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pool.h: -j N, linting units on N threads, each with its own session (engine), as the
 * ABI asks: one document at a time per engine.  The main thread reads the input and
 * adds each unit; the units are reported in the order they were added, one at a time,
 * so that the output is byte for byte that of -j1.  At most a window of units
 * is held at once, so memory does not grow with the input.
 */
#ifndef TH_CLI_POOL_H
#define TH_CLI_POOL_H

#include "cli.h"
#include "input/input.h"

/* What the lint of one unit gave. */
struct th_linted {
        enum th_lint_result rc;
        struct th_doc doc; /* unless rc is TH_LINT_REFUSED */
        struct th_findings f;
        struct th_error err;
        struct th_meta meta; /* the unit's metadata, which the document may point into */
};

void th_unit_lint(const struct th_cli *cli, struct th_session *session, const struct th_unit *u,
                  struct th_linted *l);
void th_linted_release(struct th_linted *l);

/* Report a unit in input order: a unit with an `error` is reported as it is (`l` is
 * then NULL), any other with the result of its lint. */
typedef void (*th_pool_report_fn)(void *data, struct th_unit *u, struct th_linted *l);

struct th_pool;
/* With cli->jobs above 1, that many workers, started as work comes, while the main
 * thread reads; with 1, the main thread lints each unit as it is added. */
struct th_pool *th_pool_new(struct th_cli *cli, th_pool_report_fn report, void *data);
/* Take over a unit (its text included) to be linted and reported in its turn; the units
 * before it that are done are reported now. */
void th_pool_add(struct th_pool *p, struct th_unit *u);
/* Is this thread in the pool's report function? */
int th_pool_reporting(void);
/* Lint and report every unit added so far. */
void th_pool_drain(struct th_pool *p);
/* Lint and report what is left, stop the workers, free the pool. */
void th_pool_free(struct th_pool *p);

#endif
