/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * server.c: the HTTP side of `twohats serve` (see serve.h).  libmicrohttpd's
 * one polling thread reads requests, so that slow or half-open clients cost
 * a connection, never a worker; a complete request goes to a bounded queue
 * (full: 503) and its connection is suspended until a worker has answered.
 * Each worker owns one session, so that an engine checks one document at a
 * time, as the plugin ABI says.
 */
#include <config.h>

#include "http.h"

#include "base/i18n.h"
#include "base/utf8.h"
#include "base/util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <locale.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct request {
        char *method, *path, *content_type, *language;
        struct th_buf body;
        int too_big;
        size_t dropped; /* bytes of a body over the cap, read and dropped */
        int queued;     /* handed to the workers; answered when `rs.status` is set */
        struct serve_field *query;
        size_t nquery;
        struct serve_response rs;
        struct timespec start;
        struct MHD_Connection *conn;
        struct request *next; /* in the queue */
};

struct server {
        const struct th_serve_options *opt;
        struct MHD_Daemon *daemon;
        pthread_mutex_t lock;
        pthread_cond_t work, idle;
        struct request *head, *tail; /* the queue */
        size_t queued, busy, in_flight;
        int stopping;
        locale_t dutch, english; /* for Accept-Language; 0 when not installed */
        unsigned threads;
};

static double seconds_since(const struct timespec *t)
{
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* The locale to answer in: Dutch when Accept-Language prefers nl over en (by quality,
 * then order), English when it prefers another language, the server's own without it. */
static locale_t answer_locale(const struct server *s, const char *accept)
{
        if (!accept)
                return LC_GLOBAL_LOCALE;
        double best = -1;
        int dutch = 0;
        for (const char *p = accept; *p;) {
                while (*p == ' ' || *p == ',')
                        p++;
                size_t n = strcspn(p, ",;");
                int nl = (n == 2 || (n > 2 && p[2] == '-')) && !strncasecmp(p, "nl", 2);
                const char *end = p + strcspn(p, ",");
                const char *q = strstr(p, ";q=");
                double quality = q && q < end ? strtod(q + 3, NULL) : 1.0;
                if (n && quality > best) {
                        best = quality;
                        dutch = nl;
                }
                p = end;
        }
        locale_t l = dutch ? s->dutch : s->english;
        return l ? l : LC_GLOBAL_LOCALE;
}

/* One worker: take a request, answer it in the client's language, wake its connection. */
struct worker_arg {
        struct server *server;
        struct serve_worker worker;
};

static void answer(struct server *s, struct serve_worker *w, struct request *r)
{
        struct serve_request rq = {r->method,   r->path,  r->content_type, r->body.s,
                                   r->body.len, r->query, r->nquery};
        if (!rq.body)
                rq.body = "";
        if (seconds_since(&r->start) > s->opt->budget) {
                serve_error(&r->rs, 503, NULL,
                            "the server is busy: the check waited more than %u s", s->opt->budget);
                return;
        }
        locale_t old = uselocale(answer_locale(s, r->language));
        if (serve_api(w, &rq, &r->rs) < 0 && serve_languagetool(w, &rq, &r->rs) < 0)
                serve_error(&r->rs, 404, NULL, "no such resource: %s", r->path);
        uselocale(old);
}

static void *work(void *data)
{
        struct worker_arg *a = data;
        struct server *s = a->server;
        pthread_mutex_lock(&s->lock);
        for (;;) {
                while (!s->head && !s->stopping)
                        pthread_cond_wait(&s->work, &s->lock);
                if (!s->head)
                        break;
                struct request *r = s->head;
                if (!(s->head = r->next))
                        s->tail = NULL;
                s->queued--;
                s->busy++;
                pthread_mutex_unlock(&s->lock);
                answer(s, &a->worker, r);
                pthread_mutex_lock(&s->lock);
                s->busy--;
                MHD_resume_connection(r->conn);
        }
        pthread_mutex_unlock(&s->lock);
        return NULL;
}

static enum MHD_Result respond(struct request *r)
{
        struct serve_response *rs = &r->rs;
        int lt = !strncmp(r->path, "/v2/", 4);
        if (lt && rs->status >= 400)
                serve_languagetool_error(rs);
        struct MHD_Response *resp = MHD_create_response_from_buffer(
            rs->len, rs->body ? rs->body : (char *)"", MHD_RESPMEM_MUST_COPY);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                                rs->content_type ? rs->content_type : "application/json");
        /* the page and the answers are the server's own: no framing, no sniffing */
        MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
        MHD_add_response_header(resp, "Cache-Control", "no-store");
        if (lt) /* LanguageTool's clients include web pages (Obsidian's fetch()) */
                MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
        if (rs->allow)
                MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, rs->allow);
        if (rs->status == 503)
                MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
        if (rs->content_type && !strncmp(rs->content_type, "text/html", 9))
                MHD_add_response_header(resp, "Content-Security-Policy",
                                        "default-src 'none'; script-src 'unsafe-inline'; "
                                        "style-src 'unsafe-inline'; connect-src 'self'; "
                                        "img-src data:; frame-ancestors 'none'");
        enum MHD_Result ok = MHD_queue_response(r->conn, rs->status, resp);
        MHD_destroy_response(resp);
        return ok;
}

static void health(struct server *s, struct serve_response *rs)
{
        pthread_mutex_lock(&s->lock);
        json_t *j = json_pack("{s:s, s:s, s:i, s:i, s:{s:i, s:i}}", "status", "ok", "version",
                              PACKAGE_VERSION, "threads", (int)s->threads, "busy", (int)s->busy,
                              "queue", "length", (int)s->queued, "capacity", (int)s->opt->queue);
        pthread_mutex_unlock(&s->lock);
        serve_json(rs, 200, j);
}

static enum MHD_Result add_query(void *cls, enum MHD_ValueKind kind, const char *key,
                                 size_t key_len, const char *value, size_t value_len)
{
        (void)kind;
        struct request *r = cls;
        r->query = th_xrealloc(r->query, (r->nquery + 1) * sizeof(*r->query));
        r->query[r->nquery].name = th_xstrndup(key, key_len);
        r->query[r->nquery].value = th_xstrndup(value ? value : "", value ? value_len : 0);
        r->query[r->nquery++].len = value ? value_len : 0;
        return MHD_YES;
}

/* Where the request goes once its body is in: the page and the health check are
 * answered here; everything else waits for a worker. */
static enum MHD_Result dispatch(struct server *s, struct request *r)
{
        if (r->too_big) {
                serve_error(&r->rs, 413, NULL, "the request body is over the limit of %zu bytes",
                            s->opt->max_body);
                return respond(r);
        }
        if (!strcmp(r->path, "/") || !strcmp(r->path, "/healthz")) {
                if (strcmp(r->method, "GET") && strcmp(r->method, "HEAD")) {
                        serve_error(&r->rs, 405, NULL, "%s takes GET", r->path);
                        r->rs.allow = "GET, HEAD";
                } else if (!strcmp(r->path, "/")) {
                        r->rs = (struct serve_response){200, "text/html; charset=utf-8",
                                                        th_xstrndup(serve_page, serve_page_len),
                                                        serve_page_len, NULL};
                } else {
                        health(s, &r->rs);
                }
                return respond(r);
        }
        MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, add_query, r);
        pthread_mutex_lock(&s->lock);
        int full = s->queued >= s->opt->queue || s->stopping;
        if (!full) {
                r->queued = 1;
                if (s->tail)
                        s->tail->next = r;
                else
                        s->head = r;
                s->tail = r;
                s->queued++;
                MHD_suspend_connection(r->conn);
                pthread_cond_signal(&s->work);
        }
        pthread_mutex_unlock(&s->lock);
        if (!full)
                return MHD_YES;
        serve_error(&r->rs, 503, NULL, "the server is busy: %u checks are waiting", s->opt->queue);
        return respond(r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
        (void)version;
        struct server *s = cls;
        struct request *r = *con_cls;
        if (!r) { /* the headers are in */
                r = th_xcalloc(1, sizeof(*r));
                clock_gettime(CLOCK_MONOTONIC, &r->start);
                r->conn = conn;
                r->method = th_xstrdup(method);
                r->path = th_xstrdup(url);
                const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                             MHD_HTTP_HEADER_CONTENT_TYPE);
                const char *al = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                             MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
                r->content_type = ct ? th_xstrdup(ct) : NULL;
                r->language = al ? th_xstrdup(al) : NULL;
                *con_cls = r;
                pthread_mutex_lock(&s->lock);
                s->in_flight++;
                pthread_mutex_unlock(&s->lock);
                /* a body announced over the cap is refused before it is read */
                const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                             MHD_HTTP_HEADER_CONTENT_LENGTH);
                if (cl && strtoull(cl, NULL, 10) > s->opt->max_body) {
                        r->too_big = 1;
                        return dispatch(s, r);
                }
                return MHD_YES;
        }
        if (r->queued) /* resumed: the worker's answer */
                return respond(r);
        if (r->rs.status) { /* answered already (413 while the body came in): drop the rest */
                *upload_data_size = 0;
                return MHD_YES;
        }
        if (*upload_data_size) {
                if (r->too_big || r->body.len + *upload_data_size > s->opt->max_body) {
                        /* chunked, or longer than announced: libmicrohttpd answers only
                         * once the body is in, so the rest is dropped as it comes, up to a
                         * point; past that the connection is closed */
                        r->too_big = 1;
                        r->dropped += *upload_data_size;
                        *upload_data_size = 0;
                        th_buf_release(&r->body);
                        return r->dropped > 16 * s->opt->max_body ? MHD_NO : MHD_YES;
                }
                th_buf_add(&r->body, upload_data, *upload_data_size);
                *upload_data_size = 0;
                return MHD_YES;
        }
        return dispatch(s, r);
}

/* One line a request on standard error, in the Common Log Format with the time taken;
 * never the request's text, which is an unpublished government text. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode why)
{
        struct server *s = cls;
        struct request *r = *con_cls;
        if (!r)
                return;
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char addr[INET6_ADDRSTRLEN] = "-", when[64];
        if (ci && ci->client_addr) {
                const struct sockaddr *sa = ci->client_addr;
                if (sa->sa_family == AF_INET)
                        inet_ntop(AF_INET,
                                  &((const struct sockaddr_in *)(const void *)sa)->sin_addr, addr,
                                  sizeof(addr));
                else if (sa->sa_family == AF_INET6)
                        inet_ntop(AF_INET6,
                                  &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, addr,
                                  sizeof(addr));
        }
        time_t now = time(NULL);
        struct tm tm;
        strftime(when, sizeof(when), "%d/%b/%Y:%H:%M:%S %z", localtime_r(&now, &tm));
        /* at most 200 bytes of a path: a client's path of any length makes no line of it */
        size_t plen = strlen(r->path) > 200 ? 200 : strlen(r->path);
        char *path = th_utf8_printable(r->path, plen, 1);
        fprintf(stderr, "%s - - [%s] \"%s %s%s\" %u %zu %.1fms%s\n", addr, when, r->method, path,
                plen < strlen(r->path) ? "..." : "", r->rs.status, r->rs.len,
                seconds_since(&r->start) * 1e3,
                why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (not completed)");
        free(path);
        free(r->method);
        free(r->path);
        free(r->content_type);
        free(r->language);
        th_buf_release(&r->body);
        serve_fields_free(r->query, r->nquery);
        free(r->rs.body);
        free(r);
        *con_cls = NULL;
        pthread_mutex_lock(&s->lock);
        s->in_flight--;
        pthread_cond_broadcast(&s->idle);
        pthread_mutex_unlock(&s->lock);
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
        (void)cls;
        fputs("twohats serve: ", stderr);
        vfprintf(stderr, fmt, ap);
}

/* "ADDR:PORT" or "[ADDR]:PORT" as a socket address; -1 with a message. */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, int *loopback)
{
        const char *colon = strrchr(listen, ':');
        if (!colon || colon == listen || !colon[1]) {
                fprintf(stderr, _("twohats serve: --listen %s: expected ADDRESS:PORT\n"), listen);
                return -1;
        }
        char *host = th_xstrndup(listen, (size_t)(colon - listen));
        if (host[0] == '[' && host[strlen(host) - 1] == ']') {
                memmove(host, host + 1, strlen(host));
                host[strlen(host) - 1] = '\0';
        }
        struct addrinfo hints = {.ai_flags = AI_NUMERICSERV, .ai_socktype = SOCK_STREAM}, *ai;
        int rc = getaddrinfo(host, colon + 1, &hints, &ai);
        free(host);
        if (rc) {
                fprintf(stderr, _("twohats serve: --listen %s: %s\n"), listen, gai_strerror(rc));
                return -1;
        }
        memcpy(ss, ai->ai_addr, ai->ai_addrlen);
        freeaddrinfo(ai);
        if (ss->ss_family == AF_INET)
                *loopback =
                    (ntohl(((struct sockaddr_in *)(void *)ss)->sin_addr.s_addr) >> 24) == 127;
        else
                *loopback =
                    IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)(void *)ss)->sin6_addr) != 0;
        return 0;
}

int th_serve(struct th_session *const *sessions, size_t nsessions,
             const struct th_serve_options *opt)
{
        struct sockaddr_storage ss;
        int loopback;
        if (parse_listen(opt->listen, &ss, &loopback) < 0)
                return 2;
        if (!loopback)
                fprintf(stderr,
                        _("twohats serve: warning: %s is reachable from other machines, as "
                          "asked; anyone who reaches it can send texts (put TLS and access "
                          "control in front)\n"),
                        opt->listen);
        /* the configuration is read now, so that a broken one stops the start, not every
         * request; and each engine checks a text once, so that no client waits for what
         * an engine prepares on its first */
        for (size_t i = 0; i < nsessions; i++) {
                struct th_error err = {0};
                struct serve_worker w = {sessions[i], opt};
                struct th_doc doc;
                struct th_findings f = {0};
                enum th_lint_result rc = serve_lint(&w, ".", th_xstrdup("Een tekst."), 10,
                                                    TH_MARKUP_PLAIN, NULL, &doc, &f, &err);
                if (rc != TH_LINT_REFUSED)
                        th_doc_release(&doc);
                th_findings_release(&f);
                if (rc != TH_LINT_DONE) {
                        char *msg = th_error_format(&err);
                        fprintf(stderr, "twohats serve: %s\n", msg);
                        free(msg);
                        th_error_release(&err);
                        return 2;
                }
        }
        struct server s = {.opt = opt};
        pthread_mutex_init(&s.lock, NULL);
        pthread_cond_init(&s.work, NULL);
        pthread_cond_init(&s.idle, NULL);
        s.dutch = newlocale(LC_ALL_MASK, "nl_NL.UTF-8", (locale_t)0);
        s.english = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
        s.threads = (unsigned)nsessions;

        /* SIGTERM and SIGINT are waited for below, in this thread only */
        sigset_t stop;
        sigemptyset(&stop);
        sigaddset(&stop, SIGTERM);
        sigaddset(&stop, SIGINT);
        pthread_sigmask(SIG_BLOCK, &stop, NULL);
        signal(SIGPIPE, SIG_IGN);

        unsigned flags =
            MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
        if (ss.ss_family == AF_INET6)
                flags |= MHD_USE_IPv6;
        s.daemon = MHD_start_daemon(
            flags, 0, NULL, NULL, on_request, &s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, NULL,
            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss, MHD_OPTION_CONNECTION_TIMEOUT,
            opt->timeout, MHD_OPTION_CONNECTION_LIMIT, opt->max_conns, MHD_OPTION_NOTIFY_COMPLETED,
            on_completed, &s, MHD_OPTION_END);
        if (!s.daemon) {
                fprintf(stderr, _("twohats serve: cannot listen on %s: %s\n"), opt->listen,
                        strerror(errno));
                return 2;
        }
        struct worker_arg *args = th_xcalloc(nsessions, sizeof(*args));
        pthread_t *threads = th_xcalloc(nsessions, sizeof(*threads));
        for (size_t i = 0; i < nsessions; i++) {
                args[i] = (struct worker_arg){&s, {sessions[i], opt}};
                pthread_create(&threads[i], NULL, work, &args[i]);
        }
        const union MHD_DaemonInfo *di = MHD_get_daemon_info(s.daemon, MHD_DAEMON_INFO_BIND_PORT);
        char host[INET6_ADDRSTRLEN];
        if (ss.ss_family == AF_INET)
                inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)&ss)->sin_addr, host,
                          sizeof(host));
        else
                inet_ntop(AF_INET6, &((struct sockaddr_in6 *)(void *)&ss)->sin6_addr, host,
                          sizeof(host));
        fprintf(stderr,
                ss.ss_family == AF_INET6 ? "twohats serve: listening on http://[%s]:%u/\n"
                                         : "twohats serve: listening on http://%s:%u/\n",
                host, di ? (unsigned)di->port : 0);

        int sig;
        sigwait(&stop, &sig);
        /* drain: no new connections; the requests begun are answered (for at most the
         * time budget and one more), then the workers end */
        fprintf(stderr, _("twohats serve: stopping: answering the requests under way\n"));
        MHD_socket listener = MHD_quiesce_daemon(s.daemon);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += opt->budget + 1;
        pthread_mutex_lock(&s.lock);
        while (s.in_flight && pthread_cond_timedwait(&s.idle, &s.lock, &until) != ETIMEDOUT)
                ;
        s.stopping = 1;
        pthread_cond_broadcast(&s.work);
        pthread_mutex_unlock(&s.lock);
        for (size_t i = 0; i < nsessions; i++)
                pthread_join(threads[i], NULL);
        MHD_stop_daemon(s.daemon);
        if (listener != MHD_INVALID_SOCKET)
                close(listener);
        free(threads);
        free(args);
        if (s.dutch)
                freelocale(s.dutch);
        if (s.english)
                freelocale(s.english);
        pthread_cond_destroy(&s.work);
        pthread_cond_destroy(&s.idle);
        pthread_mutex_destroy(&s.lock);
        fprintf(stderr, _("twohats serve: stopped\n"));
        return 0;
}
