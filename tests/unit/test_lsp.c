/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_lsp.c: a scripted client drives `twohats lsp` through pipes: the
 * protocol's edge cases (requests before initialize, malformed headers and
 * JSON, unknown methods), position encodings with emoji and accented
 * letters, incremental edits, code actions, hover, configuration reload,
 * shutdown and exit.
 */
#include "unit.h"
#include "tmpdir.h"

#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

struct server {
        pid_t pid;
        int to, from; /* pipes */
        char buf[1 << 16];
        size_t have;
};

static void start(struct server *s)
{
        int in[2], out[2];
        assert_int_equal(pipe(in), 0);
        assert_int_equal(pipe(out), 0);
        s->pid = fork();
        assert_true(s->pid >= 0);
        if (s->pid == 0) {
                dup2(in[0], 0);
                dup2(out[1], 1);
                close(in[1]);
                close(out[0]);
                const char *tw = getenv("TWOHATS");
                execl(tw ? tw : "./twohats", "twohats", "lsp", (char *)NULL);
                _exit(127);
        }
        close(in[0]);
        close(out[1]);
        s->to = in[1];
        s->from = out[0];
        s->have = 0;
}

static void write_raw(struct server *s, const char *data)
{
        size_t n = strlen(data);
        assert_int_equal(write(s->to, data, n), (ssize_t)n);
}

static void send_json(struct server *s, const char *body)
{
        char head[64];
        snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", strlen(body));
        write_raw(s, head);
        write_raw(s, body);
}

/* The next message from the server (within 10 s), or NULL at its end. */
static json_t *next(struct server *s)
{
        for (;;) {
                char *sep = s->have ? strstr(s->buf, "\r\n\r\n") : NULL;
                if (sep) {
                        assert_memory_equal(s->buf, "Content-Length: ", 16);
                        size_t len = strtoul(s->buf + 16, NULL, 10);
                        size_t head = (size_t)(sep - s->buf) + 4;
                        if (s->have >= head + len) {
                                json_error_t e;
                                json_t *m = json_loadb(s->buf + head, len, 0, &e);
                                assert_non_null(m); /* stdout carries protocol messages only */
                                memmove(s->buf, s->buf + head + len, s->have - head - len);
                                s->have -= head + len;
                                s->buf[s->have] = '\0';
                                return m;
                        }
                }
                struct pollfd p = {s->from, POLLIN, 0};
                assert_int_equal(poll(&p, 1, 10000), 1);
                ssize_t n = read(s->from, s->buf + s->have, sizeof(s->buf) - 1 - s->have);
                if (n <= 0)
                        return NULL;
                s->have += (size_t)n;
                s->buf[s->have] = '\0';
        }
}

/* The next message with this method (a notification) or this id (a response). */
static json_t *wait_for(struct server *s, const char *method, int id)
{
        for (json_t *m; (m = next(s));) {
                const char *mm = json_string_value(json_object_get(m, "method"));
                json_t *mid = json_object_get(m, "id");
                if ((method && mm && !strcmp(mm, method)) ||
                    (!method && json_is_integer(mid) && json_integer_value(mid) == id))
                        return m;
                json_decref(m);
        }
        fail_msg("the server ended before sending %s", method ? method : "the response");
        return NULL;
}

static int finish(struct server *s)
{
        close(s->to);
        int status;
        assert_int_equal(waitpid(s->pid, &status, 0), s->pid);
        close(s->from);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void initialize(struct server *s, const char *caps)
{
        char body[512];
        snprintf(body, sizeof(body),
                 "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                 "\"capabilities\":%s}}",
                 caps);
        send_json(s, body);
        json_decref(wait_for(s, NULL, 1));
        send_json(s, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
}

static const char post[] = "---\\nchannel: social\\naccount: hybrid\\nparty: D66\\n---\\n"
                           "\xF0\x9F\x98\x80 Caf\xC3\xA9 \xE2\x80\x9C"
                           "De Zwaan\xE2\x80\x9D. Op 29 oktober stem ik D66.\\n";

static void open_post(struct server *s, const char *uri)
{
        char body[1024];
        snprintf(body, sizeof(body),
                 "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                 "\"textDocument\":{\"uri\":\"%s\",\"languageId\":\"markdown\",\"version\":1,"
                 "\"text\":\"%s\"}}}",
                 uri, post);
        send_json(s, body);
}

/* "rule@line:char-line:char" of each diagnostic of a publishDiagnostics message. */
static char *diagnostics(json_t *m)
{
        struct th_buf b = {0};
        size_t i;
        json_t *d;
        json_array_foreach(json_object_get(json_object_get(m, "params"), "diagnostics"), i, d)
        {
                json_t *r = json_object_get(d, "range");
                json_t *a = json_object_get(r, "start"), *z = json_object_get(r, "end");
                th_buf_addf(&b, "%s%s@%lld:%lld-%lld:%lld", i ? " " : "",
                            json_string_value(json_object_get(d, "code")),
                            json_integer_value(json_object_get(a, "line")),
                            json_integer_value(json_object_get(a, "character")),
                            json_integer_value(json_object_get(z, "line")),
                            json_integer_value(json_object_get(z, "character")));
        }
        json_decref(m);
        return th_buf_detach(&b);
}

static void protocol_errors(void **state)
{
        (void)state;
        struct server s;
        start(&s);
        send_json(&s,
                  "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":{}}");
        json_t *m = wait_for(&s, NULL, 7);
        assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "error"), "code")),
                         -32002);
        json_decref(m);
        initialize(&s, "{}");
        write_raw(&s, "Content-Lenght: 12\r\n\r\n"); /* misspelt header: logged, skipped */
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":8,");
        m = next(&s);
        assert_true(json_is_null(json_object_get(m, "id")));
        assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "error"), "code")),
                         -32700);
        json_decref(m);
        send_json(&s, "[1,2]");
        m = next(&s);
        assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "error"), "code")),
                         -32600);
        json_decref(m);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/formatting\","
                      "\"params\":{}}");
        m = wait_for(&s, NULL, 9);
        assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "error"), "code")),
                         -32601);
        json_decref(m);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"$/unknownNotification\"}");
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"shutdown\"}");
        m = wait_for(&s, NULL, 10);
        assert_true(json_is_null(json_object_get(m, "result")));
        json_decref(m);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assert_int_equal(finish(&s), 0);

        start(&s); /* exit without shutdown: status 1, as the protocol says */
        initialize(&s, "{}");
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assert_int_equal(finish(&s), 1);
}

static void positions_in_utf16_and_utf8(void **state)
{
        (void)state;
        struct server s;
        start(&s);
        initialize(&s, "{}");
        open_post(&s, "file:///nonexistent/post.md");
        char *d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        /* "😀 Café “De Zwaan”. " is 20 UTF-16 units: the emoji counts two */
        assert_string_equal(d, "social-media/hybrid-untagged@5:20-5:46");
        free(d);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        json_decref(wait_for(&s, NULL, 2));
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assert_int_equal(finish(&s), 0);

        start(&s);
        initialize(&s, "{\"general\":{\"positionEncodings\":[\"utf-8\",\"utf-16\"]}}");
        open_post(&s, "file:///nonexistent/post.md");
        d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "social-media/hybrid-untagged@5:27-5:53"); /* bytes */
        free(d);
        finish(&s);
}

static void incremental_edits_actions_hover(void **state)
{
        (void)state;
        struct server s;
        start(&s);
        initialize(&s, "{}");
        open_post(&s, "file:///nonexistent/post.md");
        free(diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0)));
        /* Replace "stem ik D66" (UTF-16 33-44 on line 5) by "ga ik stemmen": no vote call. */
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                      "\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\",\"version\":2},"
                      "\"contentChanges\":[{\"range\":{\"start\":{\"line\":5,\"character\":34},"
                      "\"end\":{\"line\":5,\"character\":45}},\"text\":\"ga ik stemmen\"}]}}");
        char *d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "");
        free(d);
        /* Insert a new line before it, with an emoji-free vote call: the fix still lands. */
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                      "\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\",\"version\":3},"
                      "\"contentChanges\":[{\"range\":{\"start\":{\"line\":5,\"character\":0},"
                      "\"end\":{\"line\":5,\"character\":0}},\"text\":\"Stem SP!\\n\"}]}}");
        d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "social-media/hybrid-untagged@5:0-5:8");
        free(d);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/codeAction\","
                      "\"params\":{\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\"},"
                      "\"range\":{\"start\":{\"line\":5,\"character\":1},\"end\":{\"line\":5,"
                      "\"character\":1}},\"context\":{\"diagnostics\":[]}}}");
        json_t *m = wait_for(&s, NULL, 4);
        json_t *actions = json_object_get(m, "result");
        assert_int_equal(json_array_size(actions), 2);
        json_t *edit = json_array_get(
            json_object_get(
                json_object_get(json_object_get(json_array_get(actions, 0), "edit"), "changes"),
                "file:///nonexistent/post.md"),
            0);
        assert_string_equal(json_string_value(json_object_get(edit, "newText")), " #D66");
        json_t *at = json_object_get(json_object_get(edit, "range"), "start");
        assert_int_equal(json_integer_value(json_object_get(at, "line")), 6);
        assert_int_equal(json_integer_value(json_object_get(at, "character")), 48);
        json_t *sup = json_array_get(
            json_object_get(
                json_object_get(json_object_get(json_array_get(actions, 1), "edit"), "changes"),
                "file:///nonexistent/post.md"),
            0);
        assert_non_null(strstr(json_string_value(json_object_get(sup, "newText")),
                               "<!-- twohats-disable-next-line social-media/hybrid-untagged -- "));
        json_decref(m);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":"
                      "{\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\"},\"position\":"
                      "{\"line\":5,\"character\":2}}}");
        m = wait_for(&s, NULL, 5);
        const char *value = json_string_value(
            json_object_get(json_object_get(json_object_get(m, "result"), "contents"), "value"));
        assert_non_null(value);
        assert_non_null(strstr(value, "**social-media/hybrid-untagged** (error)"));
        assert_non_null(strstr(value, "SOCIAL-2021"));
        json_decref(m);
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{"
                      "\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\"}}}");
        d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "");
        free(d);
        finish(&s);
}

/* The suppression quick fix as a client applies it: its template reason is reported
 * (a click is no decision); a client that takes snippets gets the reason selected. */
static void suppression_needs_a_reason(void **state)
{
        (void)state;
        struct server s;
        start(&s);
        initialize(&s, "{}");
        open_post(&s, "file:///nonexistent/post.md");
        free(diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0)));
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeAction\","
                      "\"params\":{\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\"},"
                      "\"range\":{\"start\":{\"line\":5,\"character\":25},\"end\":{\"line\":5,"
                      "\"character\":25}},\"context\":{\"diagnostics\":[]}}}");
        json_t *m = wait_for(&s, NULL, 2);
        json_t *sup = json_array_get(
            json_object_get(
                json_object_get(
                    json_object_get(json_array_get(json_object_get(m, "result"), 1), "edit"),
                    "changes"),
                "file:///nonexistent/post.md"),
            0);
        const char *text = json_string_value(json_object_get(sup, "newText"));
        assert_string_equal(text, "<!-- twohats-disable-next-line social-media/hybrid-untagged -- "
                                  "REASON: why this may go out, and who agreed -->\n");
        /* apply it at the start of line 5, as the action's range says */
        char *change =
            th_xasprintf("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                         "\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\",\"version\":2},"
                         "\"contentChanges\":[{\"range\":{\"start\":{\"line\":5,\"character\":0},"
                         "\"end\":{\"line\":5,\"character\":0}},\"text\":\"%.*s\\n\"}]}}",
                         (int)strlen(text) - 1, text);
        send_json(&s, change);
        free(change);
        json_decref(m);
        char *d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "core/unjustified-suppression@5:0-5:110");
        free(d);
        finish(&s);

        start(&s);
        initialize(&s, "{\"workspace\":{\"workspaceEdit\":{\"snippetEditSupport\":true}}}");
        open_post(&s, "file:///nonexistent/post.md");
        free(diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0)));
        send_json(&s, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\","
                      "\"params\":{\"textDocument\":{\"uri\":\"file:///nonexistent/post.md\"},"
                      "\"range\":{\"start\":{\"line\":5,\"character\":25},\"end\":{\"line\":5,"
                      "\"character\":25}},\"context\":{\"diagnostics\":[]}}}");
        m = wait_for(&s, NULL, 3);
        json_t *doc = json_array_get(
            json_object_get(
                json_object_get(json_array_get(json_object_get(m, "result"), 1), "edit"),
                "documentChanges"),
            0);
        assert_int_equal(
            json_integer_value(json_object_get(json_object_get(doc, "textDocument"), "version")),
            1);
        json_t *snippet =
            json_object_get(json_array_get(json_object_get(doc, "edits"), 0), "snippet");
        assert_string_equal(json_string_value(json_object_get(snippet, "kind")), "snippet");
        assert_string_equal(json_string_value(json_object_get(snippet, "value")),
                            "<!-- twohats-disable-next-line social-media/hybrid-untagged -- "
                            "${1:REASON: why this may go out, and who agreed} -->\n");
        json_decref(m);
        finish(&s);
}

/* The hybrid-account finding goes once .twohats.yml turns its rule off and the server
 * hears of it: from the client's file watching when it watches (and the server has asked
 * it to), else at the next save of a document. */
static void reload_after_change(int watching)
{
        char *dir = tmp_dir();
        char *cfg = tmp_write(dir, ".twohats.yml", "rules: {}\n");
        struct server s;
        start(&s);
        if (watching) {
                initialize(&s, "{\"workspace\":{\"didChangeWatchedFiles\":{"
                               "\"dynamicRegistration\":true}}}");
                json_t *reg = wait_for(&s, "client/registerCapability", 0);
                json_t *r0 = json_array_get(
                    json_object_get(json_object_get(reg, "params"), "registrations"), 0);
                assert_string_equal(json_string_value(json_object_get(r0, "method")),
                                    "workspace/didChangeWatchedFiles");
                json_t *w0 = json_array_get(
                    json_object_get(json_object_get(r0, "registerOptions"), "watchers"), 0);
                assert_string_equal(json_string_value(json_object_get(w0, "globPattern")),
                                    "**/.twohats.yml");
                json_decref(reg);
        } else {
                initialize(&s, "{}");
        }
        char uri[512], body[1024];
        snprintf(uri, sizeof(uri), "file://%s/post.md", dir);
        open_post(&s, uri);
        char *d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "social-media/hybrid-untagged@5:20-5:46");
        free(d);
        FILE *f = fopen(cfg, "w");
        fputs("rules:\n  social-media/hybrid-untagged: off\n", f);
        fclose(f);
        if (watching)
                snprintf(body, sizeof(body),
                         "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWatchedFiles\","
                         "\"params\":{\"changes\":[{\"uri\":\"file://%s\",\"type\":2}]}}",
                         cfg);
        else
                snprintf(body, sizeof(body),
                         "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didSave\",\"params\":"
                         "{\"textDocument\":{\"uri\":\"%s\"}}}",
                         uri);
        send_json(&s, body);
        d = diagnostics(wait_for(&s, "textDocument/publishDiagnostics", 0));
        assert_string_equal(d, "");
        free(d);
        finish(&s);
        free(cfg);
        tmp_remove(dir);
        free(dir);
}

static void configuration_reload(void **state)
{
        (void)state;
        reload_after_change(1);
}

/* Neovim 0.7 watches no files. */
static void configuration_reload_on_save(void **state)
{
        (void)state;
        reload_after_change(0);
}

int main(void)
{
        signal(SIGPIPE, SIG_IGN);
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(protocol_errors),
            cmocka_unit_test(positions_in_utf16_and_utf8),
            cmocka_unit_test(incremental_edits_actions_hover),
            cmocka_unit_test(suppression_needs_a_reason),
            cmocka_unit_test(configuration_reload),
            cmocka_unit_test(configuration_reload_on_save),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
