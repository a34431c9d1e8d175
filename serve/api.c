/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * api.c: the native API of `twohats serve`, JSON in and out:
 * POST /v1/check answers with the object of `twohats --format json`;
 * GET /v1/rules lists the rules and GET /v1/rules/ID explains one.
 */
#include <config.h>

#include "http.h"

#include "base/i18n.h"
#include "base/util.h"
#include "input/input.h"
#include "report/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void serve_json(struct serve_response *rs, unsigned status, json_t *json)
{
        free(rs->body);
        rs->status = status;
        rs->content_type = "application/json";
        rs->body = json_dumps(json, JSON_COMPACT | JSON_PRESERVE_ORDER);
        rs->len = rs->body ? strlen(rs->body) : 0;
        json_decref(json);
}

void serve_error(struct serve_response *rs, unsigned status, json_t *place, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *msg = th_xvasprintf(_(fmt), ap);
        va_end(ap);
        json_t *e = json_pack("{s:i, s:s?}", "status", (int)status, "message", msg);
        if (!json_object_get(e, "message")) /* not UTF-8: a client's bytes quoted */
                json_object_set_new(e, "message", json_string(_("invalid request")));
        if (place)
                json_object_update(e, place);
        json_decref(place);
        free(msg);
        serve_json(rs, status, json_pack("{s:o}", "error", e));
}

enum th_lint_result serve_lint(struct serve_worker *w, const char *name, char *text, size_t len,
                               enum th_markup markup, const struct th_meta *meta,
                               struct th_doc *doc, struct th_findings *f, struct th_error *err)
{
        struct th_meta m;
        th_meta_init(&m);
        th_meta_copy(&m, w->opt->meta);
        if (meta)
                th_meta_copy(&m, meta);
        /* the server's configuration: that of its working folder, never a client's */
        struct th_text t = {name, ".", NULL, text, len, markup, 0, &m};
        enum th_lint_result rc = th_session_lint(w->session, &t, doc, f, err);
        th_meta_release(&m);
        if (rc != TH_LINT_REFUSED)
                th_findings_sort(f);
        return rc;
}

int serve_meta(struct serve_worker *w, json_t *obj, struct th_meta *m, struct serve_response *rs)
{
        if (!obj)
                return 0;
        if (!json_is_object(obj)) {
                serve_error(rs, 400, json_pack("{s:s}", "field", "meta"),
                            "\"meta\" must be an object of metadata, such as "
                            "{\"channel\": \"social\"}");
                return -1;
        }
        const char *key;
        json_t *v;
        json_object_foreach(obj, key, v)
        {
                size_t nr = json_is_array(v) ? json_array_size(v) : 1;
                const char **values = th_xcalloc(nr ? nr : 1, sizeof(char *));
                int ok = json_is_string(v) || (json_is_array(v) && nr > 0);
                for (size_t i = 0; ok && json_is_array(v) && i < nr; i++)
                        ok = (values[i] = json_string_value(json_array_get(v, i))) != NULL;
                if (json_is_string(v))
                        values[0] = json_string_value(v);
                struct th_error err = {0};
                char *field = th_xasprintf("meta.%s", key);
                if (!ok)
                        serve_error(rs, 400, json_pack("{s:s}", "field", field),
                                    "%s must be a string or a list of strings", field);
                else if (th_meta_set(m, key, values, nr, NULL, th_session_conventions(w->session),
                                     field, 0, 0, &err) < 0) {
                        ok = 0;
                        serve_error(rs, 400, json_pack("{s:s}", "field", field), "%s", err.message);
                }
                free(field);
                free(values);
                th_error_release(&err);
                if (!ok)
                        return -1;
        }
        return 0;
}

/* Decode base64 (RFC 4648, padding optional, no line breaks); NULL when not base64. */
static char *base64_decode(const char *s, size_t n, size_t *len)
{
        while (n && s[n - 1] == '=')
                n--;
        char *out = th_xmalloc(n / 4 * 3 + 3), *o = out;
        unsigned acc = 0, bits = 0;
        for (size_t i = 0; i < n; i++) {
                const char *digits =
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                const char *d = s[i] ? strchr(digits, s[i]) : NULL;
                if (!d) {
                        free(out);
                        return NULL;
                }
                acc = acc << 6 | (unsigned)(d - digits);
                if ((bits += 6) >= 8) {
                        bits -= 8;
                        *o++ = (char)(acc >> bits & 0xff);
                }
        }
        *o = '\0';
        *len = (size_t)(o - out);
        return out;
}

/* A check's documents: each linted and reported as --format json does. */
struct check {
        struct serve_worker *w;
        const struct th_meta *meta;
        struct th_report report;
        json_t *texts; /* a file's documents: {"path", "text"}, the text the offsets index */
};

static void check_text(struct check *c, const char *name, char *text, size_t len,
                       enum th_markup markup, const struct th_meta *fields, int extracted)
{
        struct th_meta m;
        th_meta_init(&m);
        if (fields)
                th_meta_copy(&m, fields);
        if (c->meta)
                th_meta_copy(&m, c->meta);
        struct th_doc doc;
        struct th_findings f = {0};
        struct th_error err = {0};
        enum th_lint_result rc = serve_lint(c->w, name, text, len, markup, &m, &doc, &f, &err);
        th_meta_release(&m);
        if (rc != TH_LINT_DONE)
                th_report_error(&c->report, &err);
        if (rc != TH_LINT_REFUSED) {
                struct th_report_source src = {NULL, 0, extracted};
                th_report_doc(&c->report, &doc, &src, &f);
                if (c->texts)
                        json_array_append_new(c->texts, json_pack("{s:s, s:s%}", "path", name,
                                                                  "text", doc.text, doc.len));
                th_doc_release(&doc);
        }
        th_findings_release(&f);
        th_error_release(&err);
}

static int check_unit(struct th_unit *u, void *data)
{
        struct check *c = data;
        if (u->error)
                th_report_error(&c->report, u->error);
        else
                check_text(c, u->name, u->text, u->len, u->markup, u->fields, u->extracted != NULL);
        return 0;
}

static const char *const formats[] = {"markdown", "text", "html", NULL};

static void check(struct serve_worker *w, const struct serve_request *rq, struct serve_response *rs)
{
        size_t ct = rq->content_type ? strcspn(rq->content_type, "; ") : 0;
        if (!rq->content_type || ct != 16 ||
            strncasecmp(rq->content_type, "application/json", ct)) {
                serve_error(rs, 415, NULL, "send the check as application/json");
                return;
        }
        json_error_t je;
        json_t *root = json_loadb(rq->body, rq->len, JSON_REJECT_DUPLICATES, &je), *v;
        if (!root) {
                serve_error(rs, 400, json_pack("{s:i, s:i}", "line", je.line, "column", je.column),
                            "bad JSON at line %d, column %d: %s", je.line, je.column, je.text);
                return;
        }
        const char *key, *bad = NULL;
        json_object_foreach(root, key, v) if (!bad && strcmp(key, "text") &&
                                              strcmp(key, "format") && strcmp(key, "meta") &&
                                              strcmp(key, "file")) bad = key;
        json_t *text = json_object_get(root, "text"), *format = json_object_get(root, "format");
        json_t *file = json_object_get(root, "file");
        const char *name = json_string_value(json_object_get(file, "name"));
        const char *data = json_string_value(json_object_get(file, "data"));
        int markup = format ? -1 : TH_MARKUP_PLAIN;
        for (int i = 0; formats[i] && json_is_string(format); i++)
                if (!strcmp(json_string_value(format), formats[i]))
                        markup = i;
        struct th_meta meta;
        th_meta_init(&meta);
        if (!json_is_object(root))
                serve_error(rs, 400, NULL, "expected a JSON object with \"text\" or \"file\"");
        else if (bad)
                serve_error(rs, 400, json_pack("{s:s}", "field", bad),
                            "unknown field \"%s\"; expected text, format, file and meta", bad);
        else if (!!text == !!file)
                serve_error(rs, 400, NULL, "give either \"text\" or \"file\"");
        else if (text && !json_is_string(text))
                serve_error(rs, 400, json_pack("{s:s}", "field", "text"),
                            "\"text\" must be a string");
        else if (markup < 0)
                serve_error(rs, 400, json_pack("{s:s}", "field", "format"),
                            "\"format\" must be markdown, text or html");
        else if (file && (!name || !data))
                serve_error(rs, 400, json_pack("{s:s}", "field", "file"),
                            "\"file\" must be {\"name\": \"speech.docx\", \"data\": base64}");
        else if (serve_meta(w, json_object_get(root, "meta"), &meta, rs) == 0) {
                struct check c = {w, &meta, {0}, file ? json_array() : NULL};
                FILE *out = open_memstream(&rs->body, &rs->len);
                struct th_report_options ro = {TH_FORMAT_JSON, out, 0, 0, NULL, NULL, 0};
                th_report_begin(&c.report, &ro);
                size_t len;
                char *bytes = file ? base64_decode(data, strlen(data), &len) : NULL;
                struct th_error err = {0};
                if (text)
                        check_text(&c, "text",
                                   th_xstrndup(json_string_value(text), json_string_length(text)),
                                   json_string_length(text), (enum th_markup)markup, NULL, 0);
                else if (!bytes)
                        th_error_set(&err, TH_ERR_USAGE, name, 0, 0,
                                     "\"file\".\"data\" is not base64");
                else if (th_input_read_buffer(name, name, 1, bytes, len,
                                              th_session_conventions(w->session), check_unit, &c,
                                              &err) < 0 &&
                         !err.message)
                        th_error_set(&err, TH_ERR_USAGE, name, 0, 0, "cannot read");
                th_report_end(&c.report);
                fclose(out);
                rs->status = 200;
                rs->content_type = "application/json";
                if (err.message) {
                        serve_error(rs, 400, json_pack("{s:s}", "field", "file"), "%s: %s", name,
                                    err.message);
                } else if (c.texts) {
                        json_t *j = json_loadb(rs->body, rs->len, 0, NULL);
                        json_object_set(j, "documents", c.texts);
                        serve_json(rs, 200, j);
                }
                json_decref(c.texts);
                th_error_release(&err);
        }
        th_meta_release(&meta);
        json_decref(root);
}

static json_t *rule_json(const struct th_rule_info *r, int explain)
{
        return json_pack("{s:s, s:s, s:s, s:s, s:s?}", "id", r->id, "plugin", r->plugin, "severity",
                         th_severity_name(r->severity), "summary", th_rule_summary(r),
                         "explanation", explain ? th_rule_explanation(r) : NULL);
}

int serve_api(struct serve_worker *w, const struct serve_request *rq, struct serve_response *rs)
{
        const char *p = rq->path;
        if (strncmp(p, "/v1/", 4))
                return -1;
        const char *want = !strcmp(p, "/v1/check") ? "POST" : "GET";
        if (strcmp(rq->method, want) && !(!strcmp(want, "GET") && !strcmp(rq->method, "HEAD"))) {
                serve_error(rs, 405, NULL, "%s takes %s", p, want);
                rs->allow = !strcmp(want, "POST") ? "POST" : "GET, HEAD";
                return 0;
        }
        struct th_engine *e = th_session_engine(w->session);
        if (!strcmp(p, "/v1/check")) {
                check(w, rq, rs);
        } else if (!strcmp(p, "/v1/rules")) {
                json_t *list = json_array();
                for (size_t i = 0; i < th_engine_rule_count(e); i++)
                        json_array_append_new(list, rule_json(th_engine_rule(e, i), 0));
                serve_json(rs, 200, json_pack("{s:o}", "rules", list));
        } else if (!strncmp(p, "/v1/rules/", 10)) {
                const struct th_rule_info *r = th_engine_find_rule(e, p + 10);
                if (r)
                        serve_json(rs, 200, rule_json(r, 1));
                else
                        serve_error(rs, 404, NULL, "unknown rule '%s' (GET /v1/rules lists them)",
                                    p + 10);
        } else {
                return -1;
        }
        return 0;
}
