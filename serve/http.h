/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * http.h: what the parts of `twohats serve` share.  server.c speaks HTTP
 * and hands each complete request to a worker thread; a worker answers it
 * with api.c (the native /v1 API) or languagetool.c (LanguageTool's /v2),
 * with its own session; page.c is serve/page.html, built in.
 */
#ifndef TH_SERVE_HTTP_H
#define TH_SERVE_HTTP_H

#include <jansson.h>
#include <stddef.h>

#include "serve.h"

/* A field of a query string or of a form: name and value decoded. */
struct serve_field {
        char *name, *value;
        size_t len; /* of value, which may hold NUL bytes */
};

struct serve_request {
        const char *method, *path; /* the path without its query */
        const char *content_type;  /* or NULL */
        char *body;                /* NUL-terminated */
        size_t len;
        struct serve_field *query; /* the query string's fields */
        size_t nquery;
};

struct serve_response {
        unsigned status;
        const char *content_type;
        char *body; /* malloc'd */
        size_t len;
        const char *allow; /* a 405's Allow header */
};

/* A worker's means: its own session (one engine), the server's options. */
struct serve_worker {
        struct th_session *session;
        const struct th_serve_options *opt;
};

/* Answer with `json` (taken over). */
void serve_json(struct serve_response *rs, unsigned status, json_t *json);
/* Answer with an error object {"error": {"status", "message"}} (the message translated);
 * `place` (may be NULL) adds its line and column. */
void serve_error(struct serve_response *rs, unsigned status, json_t *place, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Lint `text` (taken over) as the server does: under the configuration of its working
 * folder, with the --meta defaults under `meta` (may be NULL); findings sorted. */
enum th_lint_result serve_lint(struct serve_worker *w, const char *name, char *text, size_t len,
                               enum th_markup markup, const struct th_meta *meta,
                               struct th_doc *doc, struct th_findings *f, struct th_error *err);

/* The metadata of a JSON object {"key": "value" or ["values"]}; -1 with a 400 in `rs`. */
int serve_meta(struct serve_worker *w, json_t *obj, struct th_meta *m, struct serve_response *rs);

/* /v1/check, /v1/rules, /v1/rules/ID (api.c); /v2/check and /v2/languages
 * (languagetool.c).  Each returns 0 when it answered, -1 when the path is not its. */
int serve_api(struct serve_worker *w, const struct serve_request *rq, struct serve_response *rs);
int serve_languagetool(struct serve_worker *w, const struct serve_request *rq,
                       struct serve_response *rs);

/* Turn the JSON error in `rs` into LanguageTool's: text/plain "Error: message". */
void serve_languagetool_error(struct serve_response *rs);

/* Parse application/x-www-form-urlencoded `s` into fields (appended). */
void serve_form_parse(const char *s, size_t len, struct serve_field **fields, size_t *n);
void serve_fields_free(struct serve_field *fields, size_t n);

/* The review page (page.c, made from page.html). */
extern const char serve_page[];
extern const size_t serve_page_len;

#endif
