/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * languagetool.c: LanguageTool's HTTP protocol, so that its clients (browser
 * add-ons, the LibreOffice extension, editor plugins) can use twohats:
 * POST or GET /v2/check with the form fields `text` or `data` (annotated
 * text, whose markup is not prose) and `language`; GET /v2/languages.
 * Offsets count UTF-16 code units of the text as sent, markup included, as
 * LanguageTool (Java strings) counts them.  Errors are LanguageTool's plain
 * "Error: ..." (server.c turns the JSON ones into that for /v2).  The
 * clients' needs are in LanguageTool's RuleMatchesAsJsonSerializer: every
 * key present, or LibreOffice and the office extension fail.
 */
#include <config.h>

#include "http.h"

#include "base/i18n.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Characters of context either side of a match, as LanguageTool's API gives. */
#define CONTEXT_CHARS 40

/* The prose of annotated text, with where each piece stands in the original. */
struct piece {
        size_t plain, orig; /* byte offsets in the prose and in the original */
        size_t plain_len, orig_len;
        int markup;
};

struct annotated {
        struct th_buf plain, orig;
        struct piece *v;
        size_t n, alloc;
};

static void add_piece(struct annotated *a, const char *orig, size_t orig_len, const char *plain,
                      size_t plain_len, int markup)
{
        TH_GROW(a->v, a->n + 1, a->alloc);
        a->v[a->n++] = (struct piece){a->plain.len, a->orig.len, plain_len, orig_len, markup};
        th_buf_add(&a->plain, plain, plain_len);
        th_buf_add(&a->orig, orig, orig_len);
}

/* Read `data` ({"annotation": [{"text"} or {"markup", "interpretAs"}]}, or {"text"});
 * NULL after an error in `rs`. */
static int read_data(const char *data, size_t len, struct annotated *a, struct serve_response *rs)
{
        json_error_t je;
        json_t *root = json_loadb(data, len, 0, &je), *parts, *part;
        if (!root) {
                serve_error(rs, 400, json_pack("{s:i, s:i}", "line", je.line, "column", je.column),
                            "bad JSON in \"data\" at line %d, column %d: %s", je.line, je.column,
                            je.text);
                return -1;
        }
        json_t *text = json_object_get(root, "text");
        parts = json_object_get(root, "annotation");
        int ok = json_is_string(text) || json_is_array(parts);
        if (json_is_string(text))
                add_piece(a, json_string_value(text), json_string_length(text),
                          json_string_value(text), json_string_length(text), 0);
        size_t i;
        json_array_foreach(parts, i, part)
        {
                json_t *t = json_object_get(part, "text"), *m = json_object_get(part, "markup");
                json_t *as = json_object_get(part, "interpretAs");
                if (json_is_string(t))
                        add_piece(a, json_string_value(t), json_string_length(t),
                                  json_string_value(t), json_string_length(t), 0);
                else if (json_is_string(m) && (!as || json_is_string(as)))
                        add_piece(a, json_string_value(m), json_string_length(m),
                                  as ? json_string_value(as) : "", as ? json_string_length(as) : 0,
                                  1);
                else
                        ok = 0;
        }
        json_decref(root);
        if (!ok)
                serve_error(rs, 400, json_pack("{s:s}", "field", "data"),
                            "\"data\" must be {\"annotation\": [{\"text\": ...}, {\"markup\": "
                            "..., \"interpretAs\": ...}]}");
        return ok ? 0 : -1;
}

/* The original byte offset of prose offset `at` (an end: a match ending at a piece's
 * start ends before it). */
static size_t original_offset(const struct annotated *a, size_t at, int end)
{
        for (size_t i = 0; i < a->n; i++) {
                const struct piece *p = &a->v[i];
                if (at < p->plain || at > p->plain + p->plain_len ||
                    (at == p->plain + p->plain_len && !end && i + 1 < a->n))
                        continue;
                if (end && at == p->plain && i > 0 && p->plain_len)
                        return p->orig;
                if (p->markup) /* inside what markup stands for: the markup's edge */
                        return at == p->plain && !end ? p->orig : p->orig + p->orig_len;
                return p->orig + (at - p->plain);
        }
        return a->orig.len;
}

static size_t utf16(const char *s, size_t from, size_t to)
{
        return th_utf8_count_utf16(s + from, to - from);
}

/* Step back or forward `n` characters from byte `at` of s[0..len). */
static size_t chars_back(const char *s, size_t at, size_t n)
{
        while (at > 0 && n) {
                at--;
                if (((unsigned char)s[at] & 0xC0) != 0x80)
                        n--;
        }
        return at;
}

static size_t chars_forward(const char *s, size_t len, size_t at, size_t n)
{
        while (at < len && n) {
                at++;
                while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
                        at++;
                n--;
        }
        return at;
}

/* LanguageTool's context (ContextTools): CONTEXT_CHARS characters either side, "..."
 * before when the match is that far in and after when the text goes on that far, line
 * breaks as spaces; offset and length in UTF-16 units. */
static json_t *context(const char *s, size_t len, size_t start, size_t end)
{
        size_t from = chars_back(s, start, CONTEXT_CHARS);
        size_t to = chars_forward(s, len, end, CONTEXT_CHARS);
        struct th_buf b = {0};
        if (th_utf8_count(s, start) >= CONTEXT_CHARS)
                th_buf_adds(&b, "...");
        size_t lead = th_utf8_count_utf16(b.s ? b.s : "", b.len);
        th_buf_add(&b, s + from, to - from);
        if (th_utf8_count(s + end, len - end) >= CONTEXT_CHARS)
                th_buf_adds(&b, "...");
        for (size_t i = 0; i < b.len; i++)
                if (b.s[i] == '\n')
                        b.s[i] = ' ';
        json_t *j = json_pack("{s:s%, s:I, s:I}", "text", b.s ? b.s : "", b.len, "offset",
                              (json_int_t)(lead + utf16(s, from, start)), "length",
                              (json_int_t)utf16(s, start, end));
        th_buf_release(&b);
        return j;
}

/* The replacements LanguageTool shows for the span of finding x: its fix, applied to
 * that span (a fix elsewhere has none to offer). */
static json_t *replacements(const struct th_doc *doc, const struct th_finding *x)
{
        json_t *list = json_array();
        if (x->has_fix && x->fix_start >= x->start && x->fix_end <= x->end) {
                struct th_buf b = {0};
                th_buf_add(&b, doc->text + x->start, x->fix_start - x->start);
                th_buf_adds(&b, x->fix_text);
                th_buf_add(&b, doc->text + x->fix_end, x->end - x->fix_end);
                json_array_append_new(list, json_pack("{s:s%}", "value", b.s ? b.s : "", b.len));
                th_buf_release(&b);
        }
        return list;
}

/* The category of a rule, as LanguageTool writes them: its plugin, "PARTY_POLITICS". */
static char *category_id(const struct th_rule_info *r)
{
        char *category = th_xstrdup(r ? r->plugin : "core");
        for (char *c = category; *c; c++)
                *c = *c == '-' ? '_' : (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
        return category;
}

/* LanguageTool's issue types (the W3C ITS 2.0 quality issue types): twohats' findings are
 * about what a text may say, not its language: "non-conformance" to the rules, or "style"
 * for a hint. */
static const char *issue_type(enum th_severity s)
{
        return s == TH_SEV_INFO ? "style" : "non-conformance";
}

static json_t *software(void)
{
        return json_pack("{s:s, s:s, s:s, s:i, s:b, s:s}", "name", "twohats", "version",
                         PACKAGE_VERSION, "buildDate", "", "apiVersion", 1, "premium", 0, "status",
                         "");
}

/* What the LanguageTool office extension asks at start-up: the rules and the longest
 * text (it splits longer ones); every value a string, as LanguageTool sends them. */
static void configinfo(struct serve_worker *w, struct serve_response *rs)
{
        struct th_engine *e = th_session_engine(w->session);
        json_t *rules = json_array();
        for (size_t i = 0; i < th_engine_rule_count(e); i++) {
                const struct th_rule_info *r = th_engine_rule(e, i);
                char *category = category_id(r);
                json_array_append_new(
                    rules, json_pack("{s:s, s:s, s:s, s:s, s:s}", "ruleId", r->id, "description",
                                     th_rule_summary(r), "categoryId", category, "categoryName",
                                     r->plugin, "locQualityIssueType", issue_type(r->severity)));
                free(category);
        }
        serve_json(rs, 200,
                   json_pack("{s:o, s:{s:I}, s:o}", "software", software(), "parameter",
                             "maxTextLength", (json_int_t)w->opt->max_body, "rules", rules));
}

static json_t *match(const struct annotated *a, const struct th_doc *doc,
                     const struct th_finding *x, const struct th_rule_info *r, const char *category)
{
        const char *orig = a->orig.s ? a->orig.s : "";
        size_t start = original_offset(a, x->start, 0), end = original_offset(a, x->end, 1);
        if (end <= start) /* LanguageTool's clients cannot mark an empty match */
                end = chars_forward(orig, a->orig.len, start, 1);
        struct th_span sentence = th_doc_sentence_at(doc, x->start);
        const char *summary = r ? th_rule_summary(r) : x->rule;
        json_t *m = json_pack(
            "{s:s, s:s, s:o, s:I, s:I, s:o, s:s%, s:{s:s}, s:{s:s, s:s, s:s, s:{s:s, s:s}}, "
            "s:b, s:i}",
            "message", x->message, "shortMessage", summary, "replacements", replacements(doc, x),
            "offset", (json_int_t)utf16(orig, 0, start), "length",
            (json_int_t)utf16(orig, start, end), "context", context(orig, a->orig.len, start, end),
            "sentence", doc->text + sentence.start, sentence.end - sentence.start, "type",
            "typeName", "Other", "rule", "id", x->rule, "description", summary, "issueType",
            issue_type(x->severity), "category", "id", category, "name", r ? r->plugin : "core",
            "ignoreForIncompleteSentence", 0, "contextForSureMatch", 0);
        return m;
}

/* Dutch, as LanguageTool names it and its variants; twohats checks no other language.
 * LibreOffice offers a checker only for the exact locales listed. */
static json_t *languages(void)
{
        return json_pack("[{s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}]", "name", "Dutch",
                         "code", "nl", "longCode", "nl", "name", "Dutch (Belgium)", "code", "nl",
                         "longCode", "nl-BE", "name", "Dutch (Netherlands)", "code", "nl",
                         "longCode", "nl-NL");
}

/* "nl", "nl-NL", "en-US", "auto": a language code, which need not be Dutch (a text in
 * another language gets no findings, rather than an error that turns clients off). */
static int well_formed(const char *code)
{
        size_t n = strspn(code, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        if (n < 2 || n > 4)
                return 0;
        for (const char *p = code + n; *p; p++)
                if (*p != '-' && !(*p >= '0' && *p <= '9') &&
                    !((*p | 32) >= 'a' && (*p | 32) <= 'z'))
                        return 0;
        return 1;
}

static int is_dutch(const char *code)
{
        return !strcasecmp(code, "auto") || !strcasecmp(code, "nl") || !strncasecmp(code, "nl-", 3);
}

/* A field of the request: the last of that name (the query string's come after the
 * form body's, and win, as in LanguageTool). */
static const char *field(const struct serve_field *f, size_t n, const char *name, size_t *len)
{
        for (size_t i = n; i > 0; i--)
                if (!strcmp(f[i - 1].name, name)) {
                        if (len)
                                *len = f[i - 1].len;
                        return f[i - 1].value;
                }
        return NULL;
}

/* Is rule `id` of category `category` off by the client's enabledRules, disabledRules,
 * enabledCategories, disabledCategories and enabledOnly? */
static int listed(const char *list, const char *id)
{
        size_t n = strlen(id);
        for (const char *p = list; p && *p; p += strcspn(p, ","), p += *p == ',')
                if (strcspn(p, ",") == n && !strncmp(p, id, n))
                        return 1;
        return 0;
}

static int wanted(const struct serve_field *f, size_t n, const char *id, const char *category)
{
        const char *only = field(f, n, "enabledOnly", NULL);
        if (only && (!strcmp(only, "true") || !strcmp(only, "yes")))
                return listed(field(f, n, "enabledRules", NULL), id) ||
                       listed(field(f, n, "enabledCategories", NULL), category);
        return !listed(field(f, n, "disabledRules", NULL), id) &&
               !listed(field(f, n, "disabledCategories", NULL), category);
}

static void check(struct serve_worker *w, const struct serve_field *f, size_t n,
                  struct serve_response *rs)
{
        size_t text_len = 0, data_len = 0;
        const char *text = field(f, n, "text", &text_len), *data = field(f, n, "data", &data_len);
        const char *language = field(f, n, "language", NULL);
        const char *mode = field(f, n, "mode", NULL);
        if (!text == !data) {
                serve_error(rs, 400, NULL, "give either 'text' or 'data'");
                return;
        }
        if (!language || !well_formed(language)) {
                serve_error(rs, 400, NULL, "missing or malformed 'language' (nl, nl-NL or auto)");
                return;
        }
        struct annotated a = {0};
        if (text)
                add_piece(&a, text, text_len, text, text_len, 0);
        else if (read_data(data, data_len, &a, rs) < 0)
                goto out;
        if (th_utf8_first_invalid(a.orig.s ? a.orig.s : "", a.orig.len) < a.orig.len) {
                serve_error(rs, 400, json_pack("{s:s}", "field", text ? "text" : "data"),
                            "the text is not valid UTF-8");
                goto out;
        }
        /* metadata: the server's --meta, under form fields of our own, meta.KEY=VALUE */
        struct th_meta meta;
        th_meta_init(&meta);
        json_t *fields = json_object();
        for (size_t i = 0; i < n; i++)
                if (!strncmp(f[i].name, "meta.", 5))
                        json_object_set_new(fields, f[i].name + 5, json_string(f[i].value));
        if (serve_meta(w, fields, &meta, rs) == 0) {
                json_t *matches = json_array();
                /* the add-on asks twice: for the rules that judge the whole text, then for
                 * the others; every twohats rule counts among the others */
                if (is_dutch(language) && !(mode && !strcmp(mode, "textLevelOnly"))) {
                        struct th_doc doc;
                        struct th_findings found = {0};
                        struct th_error err = {0};
                        size_t len = a.plain.len;
                        char *prose = th_xstrndup(a.plain.s ? a.plain.s : "", len);
                        enum th_lint_result rc = serve_lint(w, "text", prose, len, TH_MARKUP_PLAIN,
                                                            &meta, &doc, &found, &err);
                        for (size_t i = 0; rc != TH_LINT_REFUSED && i < found.nr; i++) {
                                const struct th_rule_info *r = th_engine_find_rule(
                                    th_session_engine(w->session), found.v[i].rule);
                                char *category = category_id(r);
                                if (wanted(f, n, found.v[i].rule, category))
                                        json_array_append_new(
                                            matches, match(&a, &doc, &found.v[i], r, category));
                                free(category);
                        }
                        if (rc != TH_LINT_REFUSED)
                                th_doc_release(&doc);
                        th_findings_release(&found);
                        th_error_release(&err);
                }
                const char *code = !strcasecmp(language, "auto") ? "nl" : language;
                json_t *lang = json_pack("{s:s, s:s, s:{s:s, s:s, s:f}}", "name",
                                         is_dutch(language) ? "Dutch" : language, "code", code,
                                         "detectedLanguage", "name", "Dutch", "code", "nl",
                                         "confidence", is_dutch(language) ? 1.0 : 0.0);
                serve_json(rs, 200,
                           json_pack("{s:o, s:{s:b}, s:o, s:o}", "software", software(), "warnings",
                                     "incompleteResults", 0, "language", lang, "matches", matches));
        }
        json_decref(fields);
        th_meta_release(&meta);
out:
        th_buf_release(&a.plain);
        th_buf_release(&a.orig);
        free(a.v);
}

void serve_languagetool_error(struct serve_response *rs)
{
        json_t *j = json_loadb(rs->body ? rs->body : "", rs->len, 0, NULL);
        const char *msg =
            json_string_value(json_object_get(json_object_get(j, "error"), "message"));
        if (msg) {
                char *text = th_xasprintf("Error: %s", msg);
                free(rs->body);
                rs->body = text;
                rs->len = strlen(text);
                rs->content_type = "text/plain; charset=utf-8";
        }
        json_decref(j);
}

int serve_languagetool(struct serve_worker *w, const struct serve_request *rq,
                       struct serve_response *rs)
{
        if (strncmp(rq->path, "/v2/", 4))
                return -1;
        if (!strcmp(rq->path, "/v2/languages")) {
                serve_json(rs, 200, languages());
                return 0;
        }
        if (strcmp(rq->path, "/v2/check") && strcmp(rq->path, "/v2/configinfo"))
                return -1;
        if (strcmp(rq->method, "POST") && strcmp(rq->method, "GET")) {
                serve_error(rs, 405, NULL, "%s takes POST or GET", rq->path);
                rs->allow = "POST, GET";
                return 0;
        }
        if (!strcmp(rq->path, "/v2/configinfo")) {
                configinfo(w, rs);
                return 0;
        }
        struct serve_field *f = NULL;
        size_t n = 0;
        serve_form_parse(rq->body, rq->len, &f, &n);
        for (size_t i = 0; i < rq->nquery; i++) {
                f = th_xrealloc(f, (n + 1) * sizeof(*f));
                f[n++] = (struct serve_field){th_xstrdup(rq->query[i].name),
                                              th_xstrndup(rq->query[i].value, rq->query[i].len),
                                              rq->query[i].len};
        }
        check(w, f, n, rs);
        serve_fields_free(f, n);
        return 0;
}
