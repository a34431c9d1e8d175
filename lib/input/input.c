/* SPDX-License-Identifier: EUPL-1.2 */
/* input.c: files, folders, standard input and JSON Lines (see input.h). */
#include "input/input.h"
#include "base/i18n.h"
#include "base/util.h"
#include "input/office.h"
#include "input/pdf.h"
#include "input/record.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int has_ext(const char *name, const char *ext)
{
        const char *dot = strrchr(name, '.');
        return dot && strcasecmp(dot + 1, ext) == 0;
}

int th_input_is_jsonl(const char *name)
{
        return has_ext(name, "jsonl");
}

enum th_markup th_input_markup(const char *name)
{
        if (has_ext(name, "html") || has_ext(name, "htm"))
                return TH_MARKUP_HTML;
        return has_ext(name, "txt") ? TH_MARKUP_PLAIN : TH_MARKUP_MARKDOWN;
}

static int read_stdin(char **out, size_t *len)
{
        size_t cap = 65536, n = 0;
        char *buf = th_xmalloc(cap + 1);
        size_t got;
        while ((got = fread(buf + n, 1, cap - n, stdin)) > 0) {
                n += got;
                if (n == cap) {
                        cap *= 2;
                        buf = th_xrealloc(buf, cap + 1);
                }
        }
        if (ferror(stdin)) {
                free(buf);
                return -1;
        }
        buf[n] = '\0';
        *out = buf;
        *len = n;
        return 0;
}

/* Metadata value of a JSON field: a text, number, boolean or list of texts. */
static int field_values(json_t *v, char ***vals, size_t *nr)
{
        *nr = 0;
        *vals = NULL;
        if (json_is_array(v)) {
                size_t n = json_array_size(v);
                *vals = th_xcalloc(n ? n : 1, sizeof(char *));
                for (size_t i = 0; i < n; i++) {
                        json_t *item = json_array_get(v, i);
                        if (!json_is_string(item))
                                return -1;
                        (*vals)[(*nr)++] = th_xstrdup(json_string_value(item));
                }
                return 0;
        }
        *vals = th_xcalloc(1, sizeof(char *));
        if (json_is_string(v))
                (*vals)[0] = th_xstrdup(json_string_value(v));
        else if (json_is_integer(v))
                (*vals)[0] = th_xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
        else if (json_is_real(v))
                (*vals)[0] = th_xasprintf("%g", json_real_value(v));
        else if (json_is_boolean(v))
                (*vals)[0] = th_xstrdup(json_is_true(v) ? "true" : "false");
        else
                return -1;
        *nr = 1;
        return 0;
}

static int add_fields(struct th_meta *m, json_t *obj, const struct th_conventions *conv,
                      const char *file, unsigned line, struct th_error *err)
{
        const char *key;
        json_t *v;
        json_object_foreach(obj, key, v)
        {
                if (strcmp(key, "text") == 0 || strcmp(key, "id") == 0)
                        continue;
                if (strcmp(key, "meta") == 0 && json_is_object(v)) {
                        if (add_fields(m, v, conv, file, line, err) < 0)
                                return -1;
                        continue;
                }
                char **vals;
                size_t nr;
                int bad = field_values(v, &vals, &nr) < 0;
                int rc = bad ? th_error_set(err, TH_ERR_USAGE, file, line, 0,
                                            "record field '%s': expected a text, a number, true, "
                                            "false or a list of texts",
                                            key)
                             : th_meta_set(m, key, (const char *const *)vals, nr, NULL, conv, file,
                                           line, 0, err);
                for (size_t i = 0; i < nr; i++)
                        free(vals[i]);
                free(vals);
                if (rc < 0)
                        return -1;
        }
        return 0;
}

/* Hand a record's text (taken over) and fields to `fn`, the unit named by its id or line. */
static int hand_over(const char *name, const char *source, unsigned lineno, const char *id,
                     char *text, size_t len, const struct th_meta *fields, th_unit_fn fn,
                     void *data)
{
        char *unit_name =
            id ? th_xasprintf("%s:%s", name, id) : th_xasprintf("%s:%u", name, lineno);
        struct th_unit u = {
            .name = unit_name,
            .source_path = source,
            .line = lineno,
            .text = text,
            .len = len,
            .markup = TH_MARKUP_MARKDOWN,
            .fields = fields,
            .extracted = N_("a JSON Lines record"),
        };
        int rc = fn(&u, data);
        free(unit_name);
        return rc;
}

/* A record read by the fast path (record.h), its fields set in its order. */
static int fast_record(const char *name, const char *source, struct th_record *rec, unsigned lineno,
                       const struct th_conventions *conv, th_unit_fn fn, void *data,
                       struct th_error *err)
{
        struct th_meta fields;
        th_meta_init(&fields);
        int rc = 0;
        for (size_t i = 0; rc == 0 && i < rec->nfields; i++) {
                const struct th_record_field *f = &rec->fields[i];
                rc = th_meta_set(&fields, f->key, (const char *const *)f->vals, f->nr, NULL, conv,
                                 name, lineno, 0, err);
        }
        if (rc == 0) {
                rc = hand_over(name, source, lineno, rec->id, rec->text, rec->len, &fields, fn,
                               data);
                rec->text = NULL; /* handed over */
        }
        th_meta_release(&fields);
        th_record_release(rec);
        return rc;
}

static int one_record(const char *name, const char *source, const char *line, size_t n,
                      unsigned lineno, const struct th_conventions *conv, th_unit_fn fn, void *data,
                      struct th_error *err)
{
        struct th_record fast;
        if (th_record_parse(line, n, &fast))
                return fast_record(name, source, &fast, lineno, conv, fn, data, err);
        json_error_t jerr;
        json_t *rec = json_loadb(line, n, 0, &jerr);
        if (!rec)
                return th_error_set(err, TH_ERR_USAGE, name, lineno,
                                    jerr.column > 0 ? (unsigned)jerr.column : 1,
                                    "invalid JSON Lines record: %s", jerr.text);
        json_t *text = json_object_get(rec, "text");
        if (!json_is_object(rec) || !json_is_string(text)) {
                json_decref(rec);
                return th_error_set(err, TH_ERR_USAGE, name, lineno, 1,
                                    "expected a JSON object with a \"text\" field (a string)");
        }
        struct th_meta fields;
        th_meta_init(&fields);
        int rc = add_fields(&fields, rec, conv, name, lineno, err);
        if (rc == 0) {
                json_t *id = json_object_get(rec, "id");
                size_t len = json_string_length(text);
                rc = hand_over(name, source, lineno,
                               json_is_string(id) ? json_string_value(id) : NULL,
                               th_xstrndup(json_string_value(text), len), len, &fields, fn, data);
        }
        th_meta_release(&fields);
        json_decref(rec);
        return rc;
}

/* Line `lineno` of a JSON Lines file, without its newline: a record, a blank line, or a
 * bad record handed over to be reported (one stops nothing). */
static int jsonl_line(const char *name, const char *source, const char *line, size_t n,
                      unsigned lineno, const struct th_conventions *conv, th_unit_fn fn, void *data)
{
        if (lineno == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) { /* a byte-order mark */
                line += 3;
                n -= 3;
        }
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
                k++;
        if (k == n)
                return 0;
        struct th_error bad = {0};
        int rc = one_record(name, source, line, n, lineno, conv, fn, data, &bad);
        if (rc < 0 && bad.message) {
                char *unit_name = th_xasprintf("%s:%u", name, lineno);
                struct th_unit u = {.name = unit_name,
                                    .source_path = source,
                                    .markup = TH_MARKUP_PLAIN,
                                    .error = &bad};
                rc = fn(&u, data);
                free(unit_name);
        }
        th_error_release(&bad);
        return rc;
}

int th_input_jsonl(const char *name, const char *source, const char *buf, size_t len,
                   const struct th_conventions *conv, th_unit_fn fn, void *data)
{
        unsigned lineno = 0;
        for (size_t at = 0; at < len;) {
                const char *nl = memchr(buf + at, '\n', len - at);
                size_t end = nl ? (size_t)(nl - buf) : len;
                if (jsonl_line(name, source, buf + at, end - at, ++lineno, conv, fn, data) < 0)
                        return -1;
                at = end + 1;
        }
        return 0;
}

const char th_input_extensions[] = ".md, .markdown, .txt, .jsonl, .html, .htm, .docx, .odt, .pdf";

/* What binary content is, when a file of another extension holds it, or NULL: such a file
 * is refused by name rather than read as text full of invalid bytes. */
static const char *binary_kind(const char *buf, size_t len)
{
        if (len >= 4 && !memcmp(buf, "PK\x03\x04", 4))
                return "a ZIP archive (an Excel, PowerPoint or other Office file?)";
        if (len >= 5 && !memcmp(buf, "%PDF-", 5))
                return "a PDF file (name it .pdf)";
        if (len >= 4 && !memcmp(buf, "\xD0\xCF\x11\xE0", 4))
                return "an old Office file (.doc, .xls: save it as .docx or .odt)";
        return memchr(buf, '\0', len < 4096 ? len : 4096) ? "binary data" : NULL;
}

/* -1 with `err` when buf[0..len) is binary content: refused by name. */
static int refuse_binary(const char *display, const char *buf, size_t len, struct th_error *err)
{
        const char *binary = binary_kind(buf, len);
        return binary ? th_error_set(err, TH_ERR_USAGE, display, 0, 0,
                                     "cannot read this file: it is %s, not text; twohats reads %s",
                                     binary, th_input_extensions)
                      : 0;
}

/* A Word or OpenDocument file: its paragraphs as one unit, its properties as metadata. */
static int read_office(const char *path, const char *display, int is_stdin, char *buf, size_t len,
                       int odf, th_unit_fn fn, void *data, struct th_error *err)
{
        struct th_meta props;
        th_meta_init(&props);
        char *text;
        size_t n;
        int rc = th_office_read(display, buf, len, odf, &text, &n, &props, err);
        free(buf);
        if (rc == 0) {
                struct th_unit u = {.name = display,
                                    .source_path = is_stdin ? display : path,
                                    .text = text,
                                    .len = n,
                                    .markup = TH_MARKUP_LINES,
                                    .fields = &props,
                                    .from_stdin = is_stdin,
                                    .extracted =
                                        odf ? N_("an OpenDocument file") : N_("a Word file")};
                rc = fn(&u, data);
        }
        th_meta_release(&props);
        return rc;
}

/* A PDF file: one unit a page, named "FILE:PAGE". */
static int read_pdf(const char *path, const char *display, int is_stdin, char *buf, size_t len,
                    th_unit_fn fn, void *data, struct th_error *err)
{
        struct th_pdf pdf;
        int rc = th_pdf_read(display, buf, len, &pdf, err);
        free(buf);
        struct th_meta props;
        th_meta_init(&props);
        if (pdf.date) {
                const char *v = pdf.date;
                struct th_error ignored = {0};
                th_meta_set(&props, "date", &v, 1, NULL, NULL, "", 0, 0, &ignored);
                th_error_release(&ignored);
        }
        for (size_t i = 0; rc == 0 && i < pdf.npages; i++) {
                char *name = th_xasprintf("%s:%zu", display, i + 1);
                struct th_unit u = {.name = name,
                                    .source_path = is_stdin ? display : path,
                                    .text = pdf.pages[i],
                                    .len = strlen(pdf.pages[i]),
                                    .markup = TH_MARKUP_PLAIN,
                                    .fields = &props,
                                    .from_stdin = is_stdin,
                                    .extracted = N_("a PDF file")};
                pdf.pages[i] = NULL; /* the unit's now */
                rc = fn(&u, data);
                free(name);
        }
        th_meta_release(&props);
        th_pdf_release(&pdf);
        return rc;
}

/* A JSON Lines file or standard input, a record at a time: memory holds the longest
 * record, not the file, and the records of a pipe are linted as they arrive. */
static int read_jsonl_stream(const char *path, const char *display, int is_stdin,
                             const struct th_conventions *conv, th_unit_fn fn, void *data,
                             struct th_error *err)
{
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f)
                return th_error_set(err, TH_ERR_USAGE, display, 0, 0, "cannot read: %s",
                                    strerror(errno));
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        unsigned lineno = 0;
        int rc = 0;
        while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
                if (++lineno == 1 && (rc = refuse_binary(display, line, (size_t)n, err)) < 0)
                        break;
                size_t len = (size_t)n - (n > 0 && line[n - 1] == '\n');
                rc = jsonl_line(display, is_stdin ? display : path, line, len, lineno, conv, fn,
                                data);
        }
        if (rc == 0 && ferror(f))
                rc = th_error_set(err, TH_ERR_USAGE, display, 0, 0, "cannot read: %s",
                                  strerror(errno));
        free(line);
        if (!is_stdin)
                fclose(f);
        return rc;
}

int th_input_read(const char *path, const char *display, const struct th_conventions *conv,
                  th_unit_fn fn, void *data, struct th_error *err)
{
        char *buf;
        size_t len;
        int is_stdin = strcmp(path, "-") == 0;
        if (th_input_is_jsonl(display))
                return read_jsonl_stream(path, display, is_stdin, conv, fn, data, err);
        if (is_stdin ? read_stdin(&buf, &len) : th_read_file(path, &buf, &len))
                return th_error_set(err, TH_ERR_USAGE, display, 0, 0, "cannot read: %s",
                                    strerror(errno));
        return th_input_read_buffer(path, display, is_stdin, buf, len, conv, fn, data, err);
}

int th_input_read_buffer(const char *path, const char *display, int is_stdin, char *buf, size_t len,
                         const struct th_conventions *conv, th_unit_fn fn, void *data,
                         struct th_error *err)
{
        if (has_ext(display, "docx") || has_ext(display, "odt"))
                return read_office(path, display, is_stdin, buf, len, has_ext(display, "odt"), fn,
                                   data, err);
        if (has_ext(display, "pdf"))
                return read_pdf(path, display, is_stdin, buf, len, fn, data, err);
        if (refuse_binary(display, buf, len, err) < 0) {
                free(buf);
                return -1;
        }
        if (th_input_is_jsonl(display)) {
                int rc =
                    th_input_jsonl(display, is_stdin ? display : path, buf, len, conv, fn, data);
                free(buf);
                return rc;
        }
        struct th_unit u = {.name = display,
                            .source_path = is_stdin ? display : path,
                            .text = buf,
                            .len = len,
                            .markup = th_input_markup(display),
                            .from_stdin = is_stdin};
        return fn(&u, data);
}

/* The folders walked, when links are followed: each is walked once, so that links can
 * neither loop nor multiply the walk (a/x and a/y -> b, b/x and b/y -> c, ...). */
struct seen {
        struct seen_dir {
                dev_t dev;
                ino_t ino;
                int used;
        } * v;
        size_t cap, nr;
};

/* Has (dev, ino) been walked?  Marks it walked. */
static int seen_before(struct seen *s, dev_t dev, ino_t ino)
{
        if (2 * (s->nr + 1) > s->cap) {
                struct seen bigger = {th_xcalloc(s->cap ? 2 * s->cap : 64, sizeof(*s->v)),
                                      s->cap ? 2 * s->cap : 64, 0};
                for (size_t i = 0; i < s->cap; i++)
                        if (s->v[i].used)
                                seen_before(&bigger, s->v[i].dev, s->v[i].ino);
                free(s->v);
                *s = bigger;
        }
        size_t i = ((size_t)ino * 2654435761u ^ (size_t)dev) & (s->cap - 1);
        for (; s->v[i].used; i = (i + 1) & (s->cap - 1))
                if (s->v[i].dev == dev && s->v[i].ino == ino)
                        return 1;
        s->v[i] = (struct seen_dir){dev, ino, 1};
        s->nr++;
        return 0;
}

static void walk_problem(struct th_walk *w, const char *path, int error)
{
        TH_GROW(w->problems, w->nproblems + 1, w->aproblems);
        w->problems[w->nproblems++] = (struct th_walk_problem){th_xstrdup(path), error};
}

static void walk_dir(const char *dir, const char *root, struct seen *seen, int follow,
                     struct th_walk *w)
{
        DIR *d = opendir(dir);
        if (!d) {
                walk_problem(w, dir, errno);
                return;
        }
        char **names = NULL;
        size_t n = 0, an = 0;
        errno = 0;
        for (struct dirent *e; (e = readdir(d)); errno = 0) {
                if (e->d_name[0] == '.')
                        continue;
                TH_GROW(names, n + 1, an);
                names[n++] = th_xstrdup(e->d_name);
        }
        if (errno)
                walk_problem(w, dir, errno);
        closedir(d);
        if (n > 1)
                qsort(names, n, sizeof(char *), th_compare_strings);
        for (size_t i = 0; i < n; i++) {
                char *p = th_xasprintf("%s%s%s", dir, th_ends_with(dir, "/") ? "" : "/", names[i]);
                free(names[i]);
                struct stat st;
                if (lstat(p, &st) < 0) {
                        walk_problem(w, p, errno);
                        free(p);
                        continue;
                }
                if (S_ISLNK(st.st_mode)) {
                        /* Followed only when asked, and only to what lies below the root: a
                         * folder's link may point anywhere ("README.md -> ~/.bashrc"). */
                        char *real = follow ? realpath(p, NULL) : NULL;
                        size_t rl = strlen(root);
                        int inside = real && !strncmp(real, root, rl) &&
                                     (real[rl] == '/' || real[rl] == '\0' || !strcmp(root, "/"));
                        free(real);
                        if (!inside || stat(p, &st) < 0) {
                                w->links++;
                                free(p);
                                continue;
                        }
                }
                if (S_ISDIR(st.st_mode)) {
                        if (follow && seen_before(seen, st.st_dev, st.st_ino))
                                w->links++; /* a link to a folder walked already */
                        else
                                walk_dir(p, root, seen, follow, w);
                        free(p);
                } else if (S_ISREG(st.st_mode)) {
                        TH_GROW(w->files, w->nfiles + 1, w->afiles);
                        w->files[w->nfiles++] = p;
                } else {
                        TH_GROW(w->others, w->nothers + 1, w->aothers);
                        w->others[w->nothers++] = p;
                }
        }
        free(names);
}

int th_input_walk(const char *dir, int follow, struct th_walk *w)
{
        memset(w, 0, sizeof(*w));
        struct stat st;
        char *root = realpath(dir, NULL);
        if (!root || stat(dir, &st) < 0) {
                walk_problem(w, dir, errno);
                free(root);
                return -1;
        }
        struct seen seen = {NULL, 0, 0};
        seen_before(&seen, st.st_dev, st.st_ino);
        walk_dir(dir, root, &seen, follow, w);
        free(seen.v);
        free(root);
        return w->nproblems ? -1 : 0;
}

void th_walk_release(struct th_walk *w)
{
        for (size_t i = 0; i < w->nfiles; i++)
                free(w->files[i]);
        free(w->files);
        for (size_t i = 0; i < w->nothers; i++)
                free(w->others[i]);
        free(w->others);
        for (size_t i = 0; i < w->nproblems; i++)
                free(w->problems[i].path);
        free(w->problems);
        memset(w, 0, sizeof(*w));
}
