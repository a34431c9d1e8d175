/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_sarif.c: SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run,
 * the tool's rules with their descriptions, help and default levels, and results
 * located in files relative to a base folder, with regions (lines, columns in code
 * points, character and byte offsets), fixes and fingerprints.
 *
 * No absolute path is written.  Every artifactLocation is a relative reference with
 * "uriBaseId": "SRCROOT", and run.originalUriBaseIds describes SRCROOT without its
 * "uri": SARIF 2.1.0 section 3.14.14 lets a producer omit an absolute uri there, for
 * privacy and for output that is the same on every machine.  GitHub code scanning
 * reads the relative uri against the repository root and ignores originalUriBaseIds,
 * so --sarif-base should be that root (by default, the working folder).
 */
#include <config.h>

#include "report/report.h"
#include "base/utf8.h"
#include "base/util.h"

#include <jansson.h>
#include <string.h>

#define BASE_ID "SRCROOT"
#define HASH_KEY "twohatsFindingHash/v1"
#define GITHUB_HASH_KEY "primaryLocationLineHash"
#define DESCRIPTION_MAX 1024 /* GitHub's limit for rule descriptions */

static const char *level(enum th_severity s)
{
        return s == TH_SEV_ERROR ? "error" : s == TH_SEV_WARNING ? "warning" : "note";
}

/* A relative URI reference for a path: unreserved characters and '/' as they are, the
 * rest percent-encoded (so "posts.jsonl:pp-01" cannot read as a scheme). */
static char *path_uri(const char *path)
{
        struct th_buf b = {0};
        for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
                if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
                        th_buf_add(&b, (const char *)p, 1);
                else
                        th_buf_addf(&b, "%%%02X", *p);
        }
        return th_buf_detach(&b);
}

static json_t *artifact(const char *uri)
{
        return json_pack("{s:s, s:s}", "uri", uri, "uriBaseId", BASE_ID);
}

/* Rules ------------------------------------------------------------------------ */

static int is_word_byte(unsigned char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c >= 0x80;
}

/* A rule's readable name, its whole id in CamelCase ("social-media/hybrid-untagged":
 * "SocialMediaHybridUntagged"): the whole id, for two plugins may share a last part. */
static char *camel_name(const char *id)
{
        struct th_buf b = {0};
        int start = 1;
        for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
                if (!is_word_byte(*p)) {
                        start = 1;
                        continue;
                }
                char c = (char)(start && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
                th_buf_add(&b, &c, 1);
                start = 0;
        }
        return th_buf_detach(&b);
}

/* The first paragraph of an explanation, its lines joined, within GitHub's limit (cut
 * at a space, with an ellipsis); it says what the rule checks. */
static char *first_paragraph(const char *text)
{
        const char *end = strstr(text, "\n\n");
        size_t n = end ? (size_t)(end - text) : strlen(text);
        struct th_buf b = {0};
        for (size_t i = 0; i < n; i++) {
                if (text[i] == '\n') {
                        th_buf_add(&b, " ", 1);
                        while (i + 1 < n && text[i + 1] == ' ')
                                i++;
                } else {
                        th_buf_add(&b, text + i, 1);
                }
        }
        char *s = th_buf_detach(&b);
        if (strlen(s) > DESCRIPTION_MAX) {
                size_t cut = DESCRIPTION_MAX - strlen("…");
                while (cut > 0 && s[cut] != ' ')
                        cut--;
                strcpy(s + cut, "…");
        }
        return s;
}

/* Is this paragraph laid out (examples, aligned columns, an indented directive)?  Then
 * Markdown shows it as code, as written. */
static int laid_out(const char *p, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if ((p[i] == ' ' && (i == 0 || p[i - 1] == '\n')) ||
                    (p[i] == ' ' && i + 1 < n && p[i + 1] == ' '))
                        return 1;
        return 0;
}

static void add_code(struct th_buf *b, const char *p, size_t n)
{
        th_buf_adds(b, "    ");
        for (size_t i = 0; i < n; i++) {
                th_buf_add(b, p + i, 1);
                if (p[i] == '\n')
                        th_buf_adds(b, "    ");
        }
}

/* Prose as Markdown: lines joined (so that no line can start a list), characters that
 * Markdown reads escaped, `code spans` kept as they are. */
static void add_prose(struct th_buf *b, const char *p, size_t n)
{
        if (n && strchr("-+", p[0]))
                th_buf_add(b, "\\", 1);
        int code = 0;
        for (size_t i = 0; i < n; i++) {
                char c = p[i] == '\n' ? ' ' : p[i];
                if (c == '`' && (code || memchr(p + i + 1, '`', n - i - 1)))
                        code = !code;
                else if (!code && strchr("\\`*_[]<>#|~&", c))
                        th_buf_add(b, "\\", 1);
                else if (!code && strchr(".)", c) && i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9' &&
                         strspn(p, "0123456789") == i)
                        th_buf_add(b, "\\", 1); /* "12." opening a paragraph: no list */
                th_buf_add(b, &c, 1);
        }
}

/* An explanation as Markdown for GitHub's rule help: without this, its examples of
 * suppression comments (<!-- ... -->) would vanish as HTML comments. */
static char *markdown(const char *text)
{
        struct th_buf b = {0};
        for (const char *p = text; *p;) {
                const char *end = strstr(p, "\n\n");
                size_t n = end ? (size_t)(end - p) : strlen(p);
                while (n && p[n - 1] == '\n')
                        n--;
                if (n) {
                        if (b.len)
                                th_buf_adds(&b, "\n\n");
                        (laid_out(p, n) ? add_code : add_prose)(&b, p, n);
                }
                p += n;
                while (*p == '\n')
                        p++;
        }
        return th_buf_detach(&b);
}

/* An http(s) address in line[0..n), without the punctuation of the sentence around it,
 * or NULL. */
static char *address_in(const char *line, size_t n)
{
        for (const char *p = line; p < line + n; p++) {
                if (strncmp(p, "https://", 8) != 0 && strncmp(p, "http://", 7) != 0)
                        continue;
                size_t len = 0;
                while (p + len < line + n && p[len] > ' ' && p[len] < 0x7f &&
                       !strchr("\"<>\\^`{|}", p[len]))
                        len++;
                while (len > 0 && strchr(".,;:)]", p[len - 1]))
                        len--;
                return th_xstrndup(p, len);
        }
        return NULL;
}

/* The rule's documentation on the web: the address its "Source:" line gives (a
 * declarative rule's source), or NULL; no other rule names one. */
static char *help_uri(const char *text)
{
        for (const char *line = text; *line;) {
                size_t n = strcspn(line, "\n");
                if (strncmp(line, "Source: ", 8) == 0)
                        return address_in(line + 8, n - 8);
                line += n + (line[n] == '\n');
        }
        return NULL;
}

static json_t *rule_descriptor(const struct th_rule_info *ri)
{
        const char *summary = th_rule_summary(ri), *explanation = th_rule_explanation(ri);
        if (!explanation)
                explanation = summary;
        char *name = camel_name(ri->id);
        char *full = first_paragraph(explanation);
        char *md = markdown(explanation);
        json_t *rule =
            json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s, s:s}}", "id", ri->id, "name", name,
                      "shortDescription", "text", summary, "fullDescription", "text",
                      *full ? full : summary, "help", "text", explanation, "markdown", md);
        char *uri = help_uri(explanation);
        if (uri)
                json_object_set_new(rule, "helpUri", json_string(uri));
        json_object_set_new(rule, "defaultConfiguration",
                            json_pack("{s:s}", "level", level(ri->severity)));
        json_object_set_new(rule, "properties", json_pack("{s:[s]}", "tags", ri->plugin));
        free(uri);
        free(md);
        free(full);
        free(name);
        return rule;
}

/* Results ---------------------------------------------------------------------- */

void th_report_sarif_begin(struct th_report *r)
{
        r->json = json_array();
}

/* Where a document's text lies in its file. */
enum place {
        TEXT,   /* the file's own text: lines, columns and offsets are the file's */
        RECORD, /* a JSON Lines record: its line, for its text is a JSON string */
        WHOLE   /* read out of Word, OpenDocument or PDF: the file, no region */
};

static enum place place_of(const struct th_report *r)
{
        if (r->src && r->src->line)
                return RECORD;
        return r->src && r->src->extracted ? WHOLE : TEXT;
}

static json_t *region(const struct th_doc *doc, size_t start, size_t end)
{
        unsigned line, col, end_line, end_col;
        th_doc_position(doc, start, &line, &col);
        th_doc_position(doc, end, &end_line, &end_col);
        size_t chars = th_doc_chars(doc, start);
        return json_pack("{s:i, s:i, s:i, s:i, s:I, s:I, s:I, s:I}", "startLine", line,
                         "startColumn", col, "endLine", end_line, "endColumn", end_col,
                         "charOffset", (json_int_t)chars, "charLength",
                         (json_int_t)th_utf8_count(doc->text + start, end - start), "byteOffset",
                         (json_int_t)start, "byteLength", (json_int_t)(end - start));
}

/* The record or page, by name, for readers: GitHub shows the region; the id is here. */
static json_t *logical(const struct th_report *r, const struct th_doc *doc, const char *rel)
{
        const char *unit = th_report_unit(r, doc);
        if (!unit)
                return NULL;
        char *name = th_utf8_printable(unit, strlen(unit), 0);
        char *qualified = th_xasprintf("%s:%s", rel, name);
        json_t *l = json_pack("[{s:s, s:s, s:s}]", "name", name, "fullyQualifiedName", qualified,
                              "kind", place_of(r) == RECORD ? "object" : "page");
        free(qualified);
        free(name);
        return l;
}

static json_t *location(const struct th_report *r, const struct th_doc *doc,
                        const struct th_finding *x, const char *uri, const char *rel)
{
        json_t *physical = json_pack("{s:o}", "artifactLocation", artifact(uri));
        enum place p = place_of(r);
        if (p == TEXT)
                json_object_set_new(physical, "region", region(doc, x->start, x->end));
        else if (p == RECORD) /* startLine alone: the whole line, the whole record */
                json_object_set_new(physical, "region",
                                    json_pack("{s:i}", "startLine", (int)r->src->line));
        json_t *loc = json_pack("{s:o}", "physicalLocation", physical);
        json_t *names = logical(r, doc, rel);
        if (names)
                json_object_set_new(loc, "logicalLocations", names);
        return loc;
}

/* GitHub matches alerts across runs by primaryLocationLineHash only, and its upload
 * action computes one from the line of the region; a result without a region (Word,
 * PDF) would have none, so ours stands in there. */
static json_t *fingerprints(const struct th_report *r, const struct th_doc *doc,
                            const struct th_findings *f, size_t i, const char *rel)
{
        char *hash = th_report_fingerprint(r, doc, f, i, rel);
        json_t *fp = json_pack("{s:s}", HASH_KEY, hash);
        if (place_of(r) == WHOLE)
                json_object_set_new(fp, GITHUB_HASH_KEY, json_string(hash));
        free(hash);
        return fp;
}

static json_t *fix(const struct th_doc *doc, const struct th_finding *x, const char *uri)
{
        char *text = th_utf8_printable(x->fix_text, strlen(x->fix_text), 0);
        json_t *deleted = region(doc, x->fix_start, x->fix_end);
        json_t *change = json_pack("{s:{s:s}, s:[{s:o, s:[{s:o, s:{s:s}}]}]}", "description",
                                   "text", "apply the fix of the rule", "artifactChanges",
                                   "artifactLocation", artifact(uri), "replacements",
                                   "deletedRegion", deleted, "insertedContent", "text", text);
        free(text);
        return json_pack("[o]", change);
}

void th_report_sarif_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        if (f->nr == 0)
                return;
        char *rel = th_report_relative(r, doc);
        char *uri = path_uri(rel);
        char *printable_rel = th_utf8_printable(rel, strlen(rel), 0);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                /* valid UTF-8 only, or jansson refuses the result and it is lost */
                char *rule = th_utf8_printable(x->rule, strlen(x->rule), 0);
                char *message = th_utf8_printable(x->message, strlen(x->message), 0);
                json_t *res = json_pack("{s:s, s:s, s:{s:s}, s:[o], s:o}", "ruleId", rule, "level",
                                        level(x->severity), "message", "text", message, "locations",
                                        location(r, doc, x, uri, printable_rel),
                                        "partialFingerprints", fingerprints(r, doc, f, i, rel));
                /* a fix's offsets are the file's only when the text is the file's */
                if (x->has_fix && place_of(r) == TEXT)
                        json_object_set_new(res, "fixes", fix(doc, x, uri));
                json_array_append_new(r->json, res);
                free(rule);
                free(message);
        }
        free(printable_rel);
        free(uri);
        free(rel);
}

/* The run ----------------------------------------------------------------------- */

/* An input that could not be read, as a notification: where (relative, as results
 * are) and why. */
static json_t *notification(const struct th_report *r, const struct th_error *e)
{
        char *msg = th_utf8_printable(e->message, strlen(e->message), 0);
        json_t *note = json_pack("{s:s, s:{s:s}}", "level", "error", "message", "text", msg);
        free(msg);
        if (!e->file || !*e->file)
                return note;
        char *rel = th_report_relative(r, &(struct th_doc){.path = e->file});
        char *uri = path_uri(rel);
        json_t *physical = json_pack("{s:o}", "artifactLocation", artifact(uri));
        if (e->line > 0)
                json_object_set_new(physical, "region",
                                    json_pack("{s:i}", "startLine", (int)e->line));
        json_object_set_new(note, "locations", json_pack("[{s:o}]", "physicalLocation", physical));
        free(uri);
        free(rel);
        return note;
}

static void add_notifications(const struct th_report *r, json_t *run)
{
        json_t *notes = json_array();
        for (size_t i = 0; i < r->nerrors; i++)
                json_array_append_new(notes, notification(r, &r->errors[i]));
        json_object_set_new(run, "invocations",
                            json_pack("[{s:b, s:o}]", "executionSuccessful", 0,
                                      "toolExecutionNotifications", notes));
}

void th_report_sarif_end(struct th_report *r)
{
        json_t *rules = json_array();
        for (size_t i = 0; r->engine && i < th_engine_rule_count(r->engine); i++)
                json_array_append_new(rules, rule_descriptor(th_engine_rule(r->engine, i)));
        json_t *run =
            json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:{s:{s:{s:s}}}, s:s, s:o}", "tool", "driver",
                      "name", "twohats", "version", PACKAGE_VERSION, "informationUri",
                      "https://github.com/twohats/twohats", "rules", rules, "originalUriBaseIds",
                      BASE_ID, "description", "text",
                      "The folder given with --sarif-base (by default the working folder), where "
                      "twohats ran; its absolute path is left out of the report.",
                      "columnKind", "unicodeCodePoints", "results", r->json);
        if (r->nerrors) /* inputs that could not be read */
                add_notifications(r, run);
        json_t *root = json_pack("{s:s, s:s, s:[o]}", "$schema",
                                 "https://json.schemastore.org/sarif-2.1.0.json", "version",
                                 "2.1.0", "runs", run);
        json_dumpf(root, r->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', r->out);
        json_decref(root);
        r->json = NULL;
}
