/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pool.c: -j N (see pool.h).  The units wait in a ring, in input order; the first not
 * yet taken goes to the next free worker.  Whichever thread finishes the unit at the head
 * reports it, and the done ones after it: one reporter at a time, so that a pipe's record
 * is written as soon as it is linted, even while the main thread waits for the next one.
 *
 * Hand-offs are what -j costs, so there are few: the main thread, finding the ring full,
 * sleeps until half of it is reported and then fills it again in one go, and a worker
 * sleeps only when the ring is empty.  Waking a thread for each record of 32 MB of JSON
 * Lines (41,000 records) had made -j2 no faster than -j1.  And what a thread allocated, it
 * frees: the reporter hands a unit linted by another thread back to that thread's bin, as
 * glibc's malloc locks the arena of another thread for each free of its memory (-j2 on
 * 106 MB of JSON Lines: 1.20 times -j1 with the reporter freeing, 1.64 times so).
 */
#include <config.h>

#include "pool.h"
#include "base/util.h"

#include <pthread.h>
#include <stdlib.h>

enum { WINDOW_PER_JOB = 256 };               /* units held per worker */
static const size_t MAX_HELD = 64u << 20;    /* bytes of text held, beyond one unit */
static const size_t BIN_UNIT_MAX = 1u << 20; /* larger units are not handed back */

struct job {
        struct th_unit u; /* its strings and metadata copied, its text taken over */
        struct th_meta fields;
        struct th_error error;
        struct th_linted l;
        int done;
        unsigned owner; /* the bin of the thread that linted it (0: the main thread) */
};

/* Reported units that another thread linted, to be freed by their owner: two sides, so
 * that the owner frees one while reporters add to the other. */
struct bin {
        struct job *v[2];
        size_t nr[2], alloc[2];
        int side;
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
        pthread_cond_t work, done, room;
        struct job *ring;
        size_t cap;
        size_t head, next, tail; /* reported before head, taken before next, added before tail */
        size_t held;             /* bytes of text in the ring */
        struct worker *workers;
        struct bin *bins; /* 0: the main thread; i + 1: worker i */
        unsigned nbins;
        unsigned nworkers, maxworkers, idle;
        size_t wanted; /* the main thread waits for room for a unit of this many bytes + 1 */
        int stopping;
        int reporter; /* a thread is reporting */
};

static _Thread_local int reporting;   /* this thread is in the report function */
static _Thread_local unsigned my_bin; /* 0 on the main thread */

static void release_job(struct job *j)
{
        if (!j->u.error)
                th_linted_release(&j->l);
        free((char *)j->u.name);
        free((char *)j->u.source_path);
        th_meta_release(&j->fields);
        th_error_release(&j->error);
}

/* Free what reporters handed back to this thread.  Called with the lock held. */
static void empty_bin(struct th_pool *p)
{
        struct bin *b = &p->bins[my_bin];
        int side = b->side;
        if (!b->nr[side])
                return;
        b->side = !side;
        pthread_mutex_unlock(&p->lock);
        for (size_t i = 0; i < b->nr[side]; i++)
                release_job(&b->v[side][i]);
        b->nr[side] = 0;
        pthread_mutex_lock(&p->lock);
}

static struct job *job_at(struct th_pool *p, size_t seq)
{
        return &p->ring[seq % p->cap];
}

/* May a unit of `len` bytes be added while at most `units` are held?  Always to an empty
 * ring, however large the unit. */
static int room(const struct th_pool *p, size_t len, size_t units)
{
        return p->tail == p->head || (p->tail - p->head <= units && p->held + len <= MAX_HELD);
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
                /* a large unit at once: its lint cost far more than a free, and bins
                 * must not hold much */
                int now = j->owner == my_bin || j->u.len >= BIN_UNIT_MAX;
                if (now)
                        release_job(j);
                pthread_mutex_lock(&p->lock);
                if (!now) {
                        struct bin *b = &p->bins[j->owner];
                        TH_GROW(b->v[b->side], b->nr[b->side] + 1, b->alloc[b->side]);
                        b->v[b->side][b->nr[b->side]++] = *j;
                }
                p->head++;
                p->held -= j->u.len;
                pthread_cond_broadcast(&p->done);
                if (p->wanted && room(p, p->wanted - 1, p->cap / 2))
                        pthread_cond_signal(&p->room);
        }
        p->reporter = 0;
}

/* Take the next unit, lint it with `session` and report what is done.  Called with the
 * lock held and a unit waiting. */
static void lint_next(struct th_pool *p, struct th_session *session)
{
        struct job *j = job_at(p, p->next++);
        j->owner = my_bin;
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
        my_bin = (unsigned)(w - p->workers) + 1;
        pthread_mutex_lock(&p->lock);
        for (;;) {
                empty_bin(p);
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
 * workers: a run of one file makes no session for nothing (the main thread lints it).
 * The session is made here, on the main thread: libltdl, which loads the plugins, is not
 * thread-safe. */
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
 * worker has taken meanwhile (without workers, at the end, or while none could start). */
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
        pthread_cond_init(&p->room, NULL);
        /* -jN: N workers, while the main thread reads; -j1: the main thread lints */
        p->maxworkers = cli->jobs > 1 ? cli->jobs : 0;
        p->workers = th_xcalloc(p->maxworkers ? p->maxworkers : 1, sizeof(*p->workers));
        p->nbins = p->maxworkers + 1;
        p->bins = th_xcalloc(p->nbins, sizeof(*p->bins));
        return p;
}

void th_pool_add(struct th_pool *p, struct th_unit *u)
{
        /* The copies are made before the lock is taken: the workers wait on it. */
        struct job new = {.u = *u};
        new.u.name = th_xstrdup(u->name ? u->name : "");
        new.u.source_path = u->source_path ? th_xstrdup(u->source_path) : NULL;
        th_meta_init(&new.fields);
        if (u->fields)
                th_meta_copy(&new.fields, u->fields);
        if (u->error)
                th_error_set(&new.error, u->error->kind, u->error->file, u->error->line,
                             u->error->col, "%s", u->error->message ? u->error->message : "");
        pthread_mutex_lock(&p->lock);
        if (p->nworkers && !room(p, u->len, p->cap - 1)) { /* full: wait till half is free */
                report_done(p);
                p->wanted = u->len + 1;
                while (!room(p, u->len, p->cap / 2))
                        pthread_cond_wait(&p->room, &p->lock);
                p->wanted = 0;
        }
        while (!room(p, u->len, p->cap - 1))
                wait_head(p);
        empty_bin(p);
        struct job *j = job_at(p, p->tail);
        *j = new; /* the unit points into its job: */
        j->u.fields = u->fields ? &j->fields : NULL;
        j->u.error = u->error ? &j->error : NULL;
        p->tail++;
        p->held += u->len;
        maybe_start_worker(p);
        if (!p->nworkers) /* -j1 in effect (or no worker yet, or none could start) */
                wait_head(p);
        else if (p->idle)
                pthread_cond_signal(&p->work);
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
        for (unsigned i = 0; i < p->nbins; i++)
                for (int side = 0; side < 2; side++) {
                        for (size_t k = 0; k < p->bins[i].nr[side]; k++)
                                release_job(&p->bins[i].v[side][k]);
                        free(p->bins[i].v[side]);
                }
        free(p->bins);
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->work);
        pthread_cond_destroy(&p->done);
        pthread_cond_destroy(&p->room);
        free(p->workers);
        free(p->ring);
        free(p);
}
