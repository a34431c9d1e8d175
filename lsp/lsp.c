/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lsp.c: `twohats lsp`, a Language Server Protocol 3.17 server on standard
 * input and output.
 *
 * It lints the buffer as typed (incremental synchronisation), publishes
 * diagnostics after every change, offers each finding's fix and a
 * suppression with a reason as quick fixes, explains a rule on hover, finds
 * the configuration from the document's path as the command line does, and
 * reloads it when a .twohats.yml changes.  Standard output carries protocol
 * messages only; anything else goes to standard error.  A malformed message
 * gets the protocol's error response or is logged, and the server goes on.
 */
#include <config.h>

#include "lsp.h"
#include "base/i18n.h"
#include "base/util.h"
#include "input/input.h"
#include "lsp_buffer.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
        PARSE_ERROR = -32700,
        INVALID_REQUEST = -32600,
        METHOD_NOT_FOUND = -32601,
        INVALID_PARAMS = -32602,
        SERVER_NOT_INITIALIZED = -32002,
};

/* What the suppression quick fix leaves where the reason belongs (a template that
 * core/unjustified-suppression reports until the author replaces it). */
#define SUPPRESS_REASON "REASON: why this may go out, and who agreed"

struct lsp {
        struct th_session *session;
        FILE *in, *out;
        int initialized, shutdown, utf8, watch;
        int snippets; /* the client applies snippet edits (LSP 3.18 snippetEditSupport) */
        struct lsp_buffer **docs;
        size_t ndocs, adocs;
};

static void send(struct lsp *s, json_t *msg)
{
        json_object_set_new(msg, "jsonrpc", json_string("2.0"));
        char *body = json_dumps(msg, JSON_COMPACT);
        json_decref(msg);
        if (!body)
                return;
        fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
        fflush(s->out);
        free(body);
}

static void reply(struct lsp *s, json_t *id, json_t *result)
{
        send(s, json_pack("{s:O, s:o}", "id", id ? id : json_null(), "result",
                          result ? result : json_null()));
}

static void reply_error(struct lsp *s, json_t *id, int code, const char *message)
{
        send(s, json_pack("{s:O, s:{s:i, s:s}}", "id", id ? id : json_null(), "error", "code", code,
                          "message", message));
}

#define LSP_MAX_MESSAGE (64L << 20)

/* The Content-Length anywhere in a header line: after a message that had none, its body
 * and the next header may stand on one line ("{...}Content-Length: 52"), and the next
 * message must still be found.  -1 when there is none, -2 when it is not a number. */
static long content_length(const char *line)
{
        static const char key[] = "content-length:";
        for (const char *p = line; *p; p++)
                if (strncasecmp(p, key, sizeof(key) - 1) == 0) {
                        char *end;
                        long n = strtol(p + sizeof(key) - 1, &end, 10);
                        return end == p + sizeof(key) - 1 || n < 0 ? -2 : n;
                }
        return -1;
}

/* Read one message body: 1 on success, 0 at the end of input, -1 for a header without a
 * valid Content-Length, -2 for a message over LSP_MAX_MESSAGE (its body is read past, so
 * that the next message is found where it starts). */
static int read_message(struct lsp *s, char **body, size_t *len)
{
        char line[1024];
        long length = -1;
        int any = 0;
        while (fgets(line, sizeof(line), s->in)) {
                any = 1;
                if (strcmp(line, "\r\n") == 0 || strcmp(line, "\n") == 0) {
                        if (length < 0)
                                return -1;
                        if (length > LSP_MAX_MESSAGE) {
                                char skip[65536];
                                for (long left = length; left > 0;) {
                                        size_t n = fread(skip, 1,
                                                         left < (long)sizeof(skip) ? (size_t)left
                                                                                   : sizeof(skip),
                                                         s->in);
                                        if (n == 0)
                                                return 0; /* cut off: the client is gone */
                                        left -= (long)n;
                                }
                                return -2;
                        }
                        *body = th_xmalloc((size_t)length + 1);
                        *len = fread(*body, 1, (size_t)length, s->in);
                        (*body)[*len] = '\0';
                        if (*len != (size_t)length) {
                                free(*body);
                                return 0; /* cut off: the client is gone */
                        }
                        return 1;
                }
                long n = content_length(line);
                if (n != -1)
                        length = n < 0 ? -1 : n;
        }
        return any ? -1 : 0;
}

static struct lsp_buffer *find_doc(struct lsp *s, const char *uri, size_t *index)
{
        for (size_t i = 0; uri && i < s->ndocs; i++)
                if (strcmp(s->docs[i]->uri, uri) == 0) {
                        if (index)
                                *index = i;
                        return s->docs[i];
                }
        return NULL;
}

/* The open document that `params` names in textDocument.uri. */
static struct lsp_buffer *params_doc(struct lsp *s, json_t *params, size_t *index)
{
        json_t *td = json_object_get(params, "textDocument");
        return find_doc(s, json_string_value(json_object_get(td, "uri")), index);
}

/* The byte offset in `b` of an LSP Position object. */
static size_t position_offset(const struct lsp *s, const struct lsp_buffer *b, json_t *pos)
{
        return lsp_offset(b->text, b->len, (long)json_integer_value(json_object_get(pos, "line")),
                          (long)json_integer_value(json_object_get(pos, "character")), s->utf8);
}

/* The range of [start, end), counted on from the buffer's last position (ranges mostly
 * come in order), which moves to `start`. */
static json_t *range_json(const struct lsp *s, struct lsp_buffer *b, size_t start, size_t end)
{
        long l0, c0, l1, c1;
        lsp_position(b->text, b->len, start, s->utf8, &b->at, &l0, &c0);
        struct lsp_at from_start = b->at;
        lsp_position(b->text, b->len, end, s->utf8, &from_start, &l1, &c1);
        return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line", (int)l0, "character",
                         (int)c0, "end", "line", (int)l1, "character", (int)c1);
}

static json_t *diagnostic(const struct lsp *s, struct lsp_buffer *b, const struct th_finding *f)
{
        int severity = f->severity == TH_SEV_ERROR ? 1 : f->severity == TH_SEV_WARNING ? 2 : 3;
        return json_pack("{s:o, s:i, s:s, s:s, s:s}", "range", range_json(s, b, f->start, f->end),
                         "severity", severity, "code", f->rule, "source", "twohats", "message",
                         f->message);
}

/* Lint the buffer as it is and publish its diagnostics. */
static void lint(struct lsp *s, struct lsp_buffer *b)
{
        struct th_error err = {0};
        const char *name = b->path ? b->path : b->uri;
        th_findings_release(&b->findings);
        struct th_text t = {name,   b->path ? b->path : ".", NULL, th_xstrndup(b->text, b->len),
                            b->len, th_input_markup(name),   1,    NULL};
        struct th_doc doc;
        if (th_session_lint(s->session, &t, &doc, &b->findings, &err) != TH_LINT_REFUSED)
                th_doc_release(&doc);
        json_t *list = json_array();
        for (size_t i = 0; i < b->findings.nr; i++)
                json_array_append_new(list, diagnostic(s, b, &b->findings.v[i]));
        if (err.message) {
                /* Broken configuration or front matter: say so where the author looks. */
                char *msg = th_error_format(&err);
                unsigned line =
                    err.line && b->path && err.file && !strcmp(err.file, name) ? err.line - 1 : 0;
                json_array_append_new(list,
                                      json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:i, s:s, s:s}",
                                                "range", "start", "line", line, "character", 0,
                                                "end", "line", line, "character", 0, "severity", 1,
                                                "source", "twohats", "message", msg));
                fprintf(stderr, "twohats lsp: %s\n", msg);
                free(msg);
                th_error_release(&err);
        }
        send(s, json_pack("{s:s, s:{s:s, s:o}}", "method", "textDocument/publishDiagnostics",
                          "params", "uri", b->uri, "diagnostics", list));
}

static void initialize(struct lsp *s, json_t *id, json_t *params)
{
        json_t *caps = json_object_get(params, "capabilities");
        json_t *encodings = json_object_get(json_object_get(caps, "general"), "positionEncodings");
        size_t i;
        json_t *e;
        json_array_foreach(encodings, i,
                           e) if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
            s->utf8 = 1;
        json_t *workspace = json_object_get(caps, "workspace");
        s->watch = json_is_true(json_object_get(json_object_get(workspace, "didChangeWatchedFiles"),
                                                "dynamicRegistration"));
        s->snippets = json_is_true(
            json_object_get(json_object_get(workspace, "workspaceEdit"), "snippetEditSupport"));
        s->initialized = 1;
        reply(s, id,
              json_pack("{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:{s:[s]}, s:b}, s:{s:s, s:s}}",
                        "capabilities", "positionEncoding", s->utf8 ? "utf-8" : "utf-16",
                        "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
                        "codeActionProvider", "codeActionKinds", "quickfix", "hoverProvider", 1,
                        "serverInfo", "name", "twohats", "version", PACKAGE_VERSION));
}

static void initialized(struct lsp *s)
{
        if (!s->watch)
                return; /* the client watches nothing for us: saving still re-lints */
        send(s, json_pack("{s:s, s:s, s:{s:[{s:s, s:s, s:{s:[{s:s}]}}]}}", "id", "twohats-watch",
                          "method", "client/registerCapability", "params", "registrations", "id",
                          "twohats-config", "method", "workspace/didChangeWatchedFiles",
                          "registerOptions", "watchers", "globPattern", "**/.twohats.yml"));
}

static void did_open(struct lsp *s, json_t *params)
{
        json_t *td = json_object_get(params, "textDocument");
        const char *uri = json_string_value(json_object_get(td, "uri"));
        json_t *text = json_object_get(td, "text");
        if (!uri || !json_is_string(text)) {
                fprintf(stderr, "twohats lsp: didOpen without uri or text\n");
                return;
        }
        struct lsp_buffer *b = find_doc(s, uri, NULL);
        if (!b) {
                b = th_xcalloc(1, sizeof(*b));
                b->uri = th_xstrdup(uri);
                b->path = lsp_uri_path(uri);
                TH_GROW(s->docs, s->ndocs + 1, s->adocs);
                s->docs[s->ndocs++] = b;
        }
        free(b->text);
        b->text = th_xstrndup(json_string_value(text), json_string_length(text));
        b->at.valid = 0;
        b->len = json_string_length(text);
        b->version = (long)json_integer_value(json_object_get(td, "version"));
        lint(s, b);
}

static void did_change(struct lsp *s, json_t *params)
{
        struct lsp_buffer *b = params_doc(s, params, NULL);
        if (!b) {
                fprintf(stderr, "twohats lsp: didChange for a document that is not open\n");
                return;
        }
        size_t i;
        json_t *change;
        json_array_foreach(json_object_get(params, "contentChanges"), i, change)
        {
                json_t *text = json_object_get(change, "text"),
                       *range = json_object_get(change, "range");
                if (!json_is_string(text))
                        continue;
                size_t start = 0, end = b->len;
                if (range) {
                        start = position_offset(s, b, json_object_get(range, "start"));
                        end = position_offset(s, b, json_object_get(range, "end"));
                }
                lsp_buffer_edit(b, start, end, json_string_value(text), json_string_length(text));
        }
        b->version = (long)json_integer_value(
            json_object_get(json_object_get(params, "textDocument"), "version"));
        lint(s, b);
}

static void did_close(struct lsp *s, json_t *params)
{
        size_t i;
        struct lsp_buffer *b = params_doc(s, params, &i);
        if (!b)
                return;
        send(s, json_pack("{s:s, s:{s:s, s:[]}}", "method", "textDocument/publishDiagnostics",
                          "params", "uri", b->uri, "diagnostics"));
        lsp_buffer_free(s->docs[i]);
        s->docs[i] = s->docs[--s->ndocs];
}

/* A configuration changed: forget every one found, lint everything again. */
static void reload(struct lsp *s)
{
        th_session_forget_configs(s->session);
        for (size_t i = 0; i < s->ndocs; i++)
                lint(s, s->docs[i]);
}

static json_t *edit_action(const char *title, const char *uri, json_t *range, const char *text,
                           json_t *diag)
{
        return json_pack("{s:s, s:s, s:[O], s:{s:{s:[{s:o, s:s}]}}}", "title", title, "kind",
                         "quickfix", "diagnostics", diag, "edit", "changes", uri, "range", range,
                         "newText", text);
}

/* As edit_action, the text a snippet (LSP 3.18 SnippetTextEdit). */
static json_t *snippet_action(const char *title, const struct lsp_buffer *b, json_t *range,
                              const char *snippet, json_t *diag)
{
        return json_pack("{s:s, s:s, s:[O], s:{s:[{s:{s:s, s:I}, s:[{s:o, s:{s:s, s:s}}]}]}}",
                         "title", title, "kind", "quickfix", "diagnostics", diag, "edit",
                         "documentChanges", "textDocument", "uri", b->uri, "version",
                         (json_int_t)b->version, "edits", "range", range, "snippet", "kind",
                         "snippet", "value", snippet);
}

static void code_action(struct lsp *s, json_t *id, json_t *params)
{
        struct lsp_buffer *b = params_doc(s, params, NULL);
        json_t *range = json_object_get(params, "range");
        if (!b || !range) {
                reply_error(s, id, INVALID_PARAMS, "expected an open textDocument and a range");
                return;
        }
        size_t from = position_offset(s, b, json_object_get(range, "start"));
        size_t to = position_offset(s, b, json_object_get(range, "end"));
        json_t *actions = json_array();
        for (size_t i = 0; i < b->findings.nr; i++) {
                const struct th_finding *f = &b->findings.v[i];
                if (f->end < from || f->start > to)
                        continue;
                json_t *diag = diagnostic(s, b, f);
                char title[256];
                if (f->has_fix) {
                        snprintf(title, sizeof(title), "Fix: %s", f->message);
                        json_array_append_new(
                            actions,
                            edit_action(title, b->uri, range_json(s, b, f->fix_start, f->fix_end),
                                        f->fix_text, diag));
                }
                long line, col;
                lsp_position(b->text, b->len, f->start, s->utf8, NULL, &line, &col);
                size_t bol = lsp_offset(b->text, b->len, line, 0, s->utf8);
                /* The reason is left to write: a template that twohats reports until it is
                 * replaced, selected for typing over where the client takes snippets. */
                char *comment = th_xasprintf("<!-- twohats-disable-next-line %s -- %s%s%s -->\n",
                                             f->rule, s->snippets ? "${1:" : "", SUPPRESS_REASON,
                                             s->snippets ? "}" : "");
                snprintf(title, sizeof(title), "Suppress %s here, with a reason", f->rule);
                json_t *at = range_json(s, b, bol, bol);
                json_array_append_new(actions, s->snippets
                                                   ? snippet_action(title, b, at, comment, diag)
                                                   : edit_action(title, b->uri, at, comment, diag));
                free(comment);
                json_decref(diag);
        }
        reply(s, id, actions);
}

static void hover(struct lsp *s, json_t *id, json_t *params)
{
        struct lsp_buffer *b = params_doc(s, params, NULL);
        json_t *pos = json_object_get(params, "position");
        if (!b || !pos) {
                reply_error(s, id, INVALID_PARAMS, "expected an open textDocument and a position");
                return;
        }
        size_t at = position_offset(s, b, pos);
        for (size_t i = 0; i < b->findings.nr; i++) {
                const struct th_finding *f = &b->findings.v[i];
                const struct th_rule_info *r =
                    th_engine_find_rule(th_session_engine(s->session), f->rule);
                if (at < f->start || at > f->end || !r)
                        continue;
                char *text =
                    th_xasprintf("**%s** (%s)\n\n%s\n\n```\n%s\n```", r->id,
                                 _(th_severity_name(f->severity)), f->message, th_rule_explanation(r));
                reply(s, id,
                      json_pack("{s:{s:s, s:s}, s:o}", "contents", "kind", "markdown", "value",
                                text, "range", range_json(s, b, f->start, f->end)));
                free(text);
                return;
        }
        reply(s, id, NULL);
}

/* Handle one message; returns 1 when the server is to exit (with *code). */
static int handle(struct lsp *s, json_t *msg, int *code)
{
        json_t *id = json_object_get(msg, "id");
        const char *method = json_string_value(json_object_get(msg, "method"));
        json_t *params = json_object_get(msg, "params");
        if (!method) {
                if (!json_object_get(msg, "result") && !json_object_get(msg, "error"))
                        reply_error(s, id, INVALID_REQUEST, "a message needs a method");
                return 0; /* a response to our own request */
        }
        if (strcmp(method, "exit") == 0) {
                *code = s->shutdown ? 0 : 1;
                return 1;
        }
        if (!s->initialized && strcmp(method, "initialize") != 0) {
                if (id)
                        reply_error(s, id, SERVER_NOT_INITIALIZED, "initialize first");
                return 0;
        }
        if (s->shutdown && id) {
                reply_error(s, id, INVALID_REQUEST, "the server is shutting down");
                return 0;
        }
        if (strcmp(method, "initialize") == 0) {
                if (s->initialized)
                        reply_error(s, id, INVALID_REQUEST, "already initialized");
                else
                        initialize(s, id, params);
        } else if (strcmp(method, "initialized") == 0) {
                initialized(s);
        } else if (strcmp(method, "shutdown") == 0) {
                s->shutdown = 1;
                reply(s, id, NULL);
        } else if (strcmp(method, "textDocument/didOpen") == 0) {
                did_open(s, params);
        } else if (strcmp(method, "textDocument/didChange") == 0) {
                did_change(s, params);
        } else if (strcmp(method, "textDocument/didSave") == 0) {
                /* a client that does not watch .twohats.yml (Neovim 0.7) tells of no
                 * change there: a save is when the author expects one to count */
                struct lsp_buffer *b = params_doc(s, params, NULL);
                if (!s->watch)
                        reload(s);
                else if (b)
                        lint(s, b);
        } else if (strcmp(method, "textDocument/didClose") == 0) {
                did_close(s, params);
        } else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
                reload(s);
        } else if (strcmp(method, "textDocument/codeAction") == 0 && id) {
                code_action(s, id, params);
        } else if (strcmp(method, "textDocument/hover") == 0 && id) {
                hover(s, id, params);
        } else if (id) {
                reply_error(s, id, METHOD_NOT_FOUND, "method not supported by twohats");
        }
        return 0;
}

int th_lsp_serve(struct th_session *session)
{
        struct lsp s;
        memset(&s, 0, sizeof(s));
        s.session = session;
        s.in = stdin;
        s.out = stdout;
        int code = 1;
        for (;;) {
                char *body;
                size_t len;
                int rc = read_message(&s, &body, &len);
                if (rc == 0)
                        break; /* the client went away without exit */
                if (rc < 0) {
                        fprintf(stderr, rc == -2
                                            ? "twohats lsp: a message over 64 MiB was skipped\n"
                                            : "twohats lsp: a message without a valid "
                                              "Content-Length header was skipped\n");
                        continue;
                }
                json_error_t jerr;
                json_t *msg = json_loadb(body, len, 0, &jerr);
                free(body);
                if (!msg || !json_is_object(msg)) {
                        reply_error(&s, NULL, msg ? INVALID_REQUEST : PARSE_ERROR,
                                    msg ? "a message must be a JSON object" : jerr.text);
                        json_decref(msg);
                        continue;
                }
                int done = handle(&s, msg, &code);
                json_decref(msg);
                if (done)
                        break;
        }
        for (size_t i = 0; i < s.ndocs; i++)
                lsp_buffer_free(s.docs[i]);
        free(s.docs);
        return code;
}
