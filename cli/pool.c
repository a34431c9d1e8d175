/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pool.c: -j N (see pool.h).  The units wait in a ring, in input order; the first not
 * yet taken goes to the next free worker, or to the main thread when the ring is full.
 * Whichever thread finishes the unit at the head reports it, and the done ones after it:
 * one reporter at a time, so that a pipe's record is written as soon as it is linted,
 * even while the main thread waits for the next one.
 */
#include <config.h>

#include "pool.h"
#include "base/util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { WINDOW_PER_JOB = 16 };             /* units held per thread */
static const size_t MAX_HELD = 64u << 20; /* bytes of text held, beyond one unit */

struct job {
        struct th_unit u; /* its strings and metadata copied, its text taken over */
        struct th_meta fields;
        struct th_error error;
        struct th_linted l;
        int done;
};

struct worker {
        pthread_t thread;
        struct th_session *session;
        struct th_pool *pool;
};

struct th_pool {
        struct th_cli *cli;
        th_pool_report_fn report;
        void *data;
        pthread_mutex_t lock;
        pthread_cond_t work, done;
        struct job *ring;
        size_t cap;
        size_t head, next, tail; /* reported before head, taken before next, added before tail */
        size_t held;             /* bytes of text in the ring */
        struct worker *workers;
        unsigned nworkers, maxworkers, idle;
        int stopping;
        int reporter; /* a thread is reporting */
};

static _Thread_local int reporting; /* this thread is in the report function */

static struct job *job_at(struct th_pool *p, size_t seq)
{
        return &p->ring[seq % p->cap];
}

/* Report the done units at the head, unless another thread is at it.  Called with the
 * lock held; it is let go around each report. */
static void report_done(struct th_pool *p)
{
        if (p->reporter)
                return;
        p->reporter = 1;
        while (p->head < p->tail && job_at(p, p->head)->done) {
                struct job *j = job_at(p, p->head);
                pthread_mutex_unlock(&p->lock);
                reporting = 1;
                p->report(p->data, &j->u, j->u.error ? NULL : &j->l);
                reporting = 0;
                free((char *)j->u.name);
                free((char *)j->u.source_path);
                th_meta_release(&j->fields);
                th_error_release(&j->error);
                pthread_mutex_lock(&p->lock);
                p->head++;
                p->held -= j->u.len;
                pthread_cond_broadcast(&p->done);
        }
        p->reporter = 0;
}

/* Take the next unit, lint it with `session` and report what is done.  Called with the
 * lock held and a unit waiting. */
static void lint_next(struct th_pool *p, struct th_session *session)
{
        struct job *j = job_at(p, p->next++);
        pthread_mutex_unlock(&p->lock);
        if (!j->u.error)
                th_unit_lint(p->cli, session, &j->u, &j->l);
        pthread_mutex_lock(&p->lock);
        j->done = 1;
        report_done(p);
}

static void *work(void *data)
{
        struct worker *w = data;
        struct th_pool *p = w->pool;
        pthread_mutex_lock(&p->lock);
        for (;;) {
                while (p->next == p->tail && !p->stopping) {
                        p->idle++;
                        pthread_cond_wait(&p->work, &p->lock);
                        p->idle--;
                }
                if (p->next == p->tail)
                        break;
                lint_next(p, w->session);
        }
        pthread_mutex_unlock(&p->lock);
        return NULL;
}

/* Another worker from the second unit on, when the units waiting outnumber the idle
 * workers: a run of one file makes no session for nothing.  The session is made here, on
 * the main thread: libltdl, which loads the plugins, is not thread-safe. */
static void maybe_start_worker(struct th_pool *p)
{
        if (p->nworkers == p->maxworkers || p->tail < 2 || p->tail - p->next <= p->idle)
                return;
        struct th_error err = {0};
        pthread_mutex_unlock(&p->lock);
        struct th_session *s = th_session_new(p->cli->session_options, &err);
        pthread_mutex_lock(&p->lock);
        struct worker *w = &p->workers[p->nworkers];
        *w = (struct worker){0, s, p};
        if (!s || pthread_create(&w->thread, NULL, work, w) != 0) {
                if (err.message) /* the main thread lints what the workers do not */
                        th_cli_error(&err);
                th_session_free(s);
                p->maxworkers = p->nworkers;
        } else {
                p->nworkers++;
        }
        th_error_release(&err);
}

/* Wait, on the main thread, until the unit at the head is reported: lint the units no
 * worker has taken meanwhile. */
static void wait_head(struct th_pool *p)
{
        size_t head = p->head;
        report_done(p);
        while (p->head == head) {
                if (p->next < p->tail)
                        lint_next(p, p->cli->session);
                else
                        pthread_cond_wait(&p->done, &p->lock);
        }
}

struct th_pool *th_pool_new(struct th_cli *cli, th_pool_report_fn report, void *data)
{
        struct th_pool *p = th_xcalloc(1, sizeof(*p));
        p->cli = cli;
        p->report = report;
        p->data = data;
        pthread_mutex_init(&p->lock, NULL);
        pthread_cond_init(&p->work, NULL);
        pthread_cond_init(&p->done, NULL);
        p->cap = (size_t)cli->jobs * WINDOW_PER_JOB;
        p->ring = th_xcalloc(p->cap, sizeof(*p->ring));
        p->maxworkers = cli->jobs - 1;
        p->workers = th_xcalloc(p->maxworkers, sizeof(*p->workers));
        return p;
}

void th_pool_add(struct th_pool *p, struct th_unit *u)
{
        pthread_mutex_lock(&p->lock);
        while (p->tail - p->head == p->cap || (p->tail > p->head && p->held + u->len > MAX_HELD))
                wait_head(p);
        struct job *j = job_at(p, p->tail);
        memset(j, 0, sizeof(*j));
        j->u = *u;
        j->u.name = th_xstrdup(u->name ? u->name : "");
        j->u.source_path = u->source_path ? th_xstrdup(u->source_path) : NULL;
        th_meta_init(&j->fields);
        if (u->fields) {
                th_meta_copy(&j->fields, u->fields);
                j->u.fields = &j->fields;
        }
        if (u->error) {
                th_error_set(&j->error, u->error->kind, u->error->file, u->error->line,
                             u->error->col, "%s", u->error->message ? u->error->message : "");
                j->u.error = &j->error;
        }
        p->tail++;
        p->held += u->len;
        maybe_start_worker(p);
        if (p->nworkers)
                pthread_cond_signal(&p->work);
        else /* -j1 in effect (no worker could start): lint it now */
                wait_head(p);
        pthread_mutex_unlock(&p->lock);
}

int th_pool_reporting(void)
{
        return reporting;
}

void th_pool_drain(struct th_pool *p)
{
        pthread_mutex_lock(&p->lock);
        while (p->head < p->tail)
                wait_head(p);
        pthread_mutex_unlock(&p->lock);
}

void th_pool_free(struct th_pool *p)
{
        th_pool_drain(p);
        pthread_mutex_lock(&p->lock);
        p->stopping = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->lock);
        for (unsigned i = 0; i < p->nworkers; i++) {
                pthread_join(p->workers[i].thread, NULL);
                th_session_free(p->workers[i].session);
        }
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->work);
        pthread_cond_destroy(&p->done);
        free(p->workers);
        free(p->ring);
        free(p);
}
