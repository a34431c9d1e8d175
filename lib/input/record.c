/* SPDX-License-Identifier: EUPL-1.2 */
/* record.c: JSON Lines records of the usual shape without a tree (see record.h). */
#include "input/record.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cursor {
        const char *s, *end;
};

static void skip_space(struct cursor *c)
{
        while (c->s < c->end && (*c->s == ' ' || *c->s == '\t' || *c->s == '\n' || *c->s == '\r'))
                c->s++;
}

static int take(struct cursor *c, char ch)
{
        skip_space(c);
        if (c->s < c->end && *c->s == ch) {
                c->s++;
                return 1;
        }
        return 0;
}

static int hex4(const char *s, const char *end, uint32_t *v)
{
        if (end - s < 4)
                return 0;
        *v = 0;
        for (int i = 0; i < 4; i++) {
                char h = s[i];
                int d = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
                if (d < 0)
                        return 0;
                *v = *v << 4 | (uint32_t)d;
        }
        return 1;
}

static void put_utf8(struct th_buf *b, uint32_t cp)
{
        char u[4];
        size_t n = 0;
        if (cp < 0x80) {
                u[n++] = (char)cp;
        } else if (cp < 0x800) {
                u[n++] = (char)(0xC0 | cp >> 6);
                u[n++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
                u[n++] = (char)(0xE0 | cp >> 12);
                u[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
                u[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
                u[n++] = (char)(0xF0 | cp >> 18);
                u[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
                u[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
                u[n++] = (char)(0x80 | (cp & 0x3F));
        }
        th_buf_add(b, u, n);
}

/* The bytes that end a run of a JSON string's plain text: a control character, a quote,
 * a backslash.  By table: the texts of a JSON Lines corpus are most of its bytes. */
/* clang-format off */
static const unsigned char ends_run[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 to 0x0F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 to 0x1F */
    ['"'] = 1, ['\\'] = 1,
};
/* clang-format on */

/* A JSON string at the cursor, decoded (malloc'd, its length in *len), or NULL for one
 * that is not valid or holds \u0000. */
static char *string(struct cursor *c, size_t *len)
{
        if (!take(c, '"'))
                return NULL;
        struct th_buf b = {0};
        th_buf_add(&b, "", 0);
        for (;;) {
                const char *run = c->s;
                while (c->s < c->end && !ends_run[(unsigned char)*c->s])
                        c->s++;
                size_t n = (size_t)(c->s - run);
                if (th_utf8_first_invalid(run, n) != n)
                        break;
                th_buf_add(&b, run, n);
                if (c->s == c->end || (unsigned char)*c->s < 0x20)
                        break;
                if (*c->s++ == '"') {
                        *len = b.len;
                        return th_buf_detach(&b);
                }
                if (c->s == c->end)
                        break;
                static const char escapes[] = "\"\\/bfnrt", meanings[] = "\"\\/\b\f\n\r\t";
                char e = *c->s++;
                const char *simple = e ? strchr(escapes, e) : NULL;
                if (simple) {
                        th_buf_add(&b, &meanings[simple - escapes], 1);
                        continue;
                }
                uint32_t cp, low;
                if (e != 'u' || !hex4(c->s, c->end, &cp))
                        break;
                c->s += 4;
                if (cp >= 0xD800 && cp < 0xDC00) { /* a pair of surrogates */
                        if (c->end - c->s < 6 || c->s[0] != '\\' || c->s[1] != 'u' ||
                            !hex4(c->s + 2, c->end, &low) || low < 0xDC00 || low > 0xDFFF)
                                break;
                        c->s += 6;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if ((cp >= 0xDC00 && cp < 0xE000) || cp == 0) {
                        break;
                }
                put_utf8(&b, cp);
        }
        th_buf_release(&b);
        return NULL;
}

static int seen(const struct th_record *r, size_t from, const char *key)
{
        for (size_t i = from; i < r->nfields; i++)
                if (!strcmp(r->fields[i].key, key))
                        return 1;
        return 0;
}

/* A field's value: a text, a list of texts, true or false; 0 for anything else. */
static int value(struct cursor *c, struct th_record_field *f)
{
        skip_space(c);
        size_t len;
        if (c->s < c->end && *c->s == '[') {
                c->s++;
                f->vals = th_xcalloc(1, sizeof(char *));
                if (take(c, ']'))
                        return 1;
                do {
                        char *v = string(c, &len);
                        if (!v)
                                return 0;
                        f->vals = th_xrealloc(f->vals, (f->nr + 1) * sizeof(char *));
                        f->vals[f->nr++] = v;
                } while (take(c, ','));
                return take(c, ']');
        }
        const char *word = c->end - c->s >= 4 && !memcmp(c->s, "true", 4)    ? "true"
                           : c->end - c->s >= 5 && !memcmp(c->s, "false", 5) ? "false"
                                                                             : NULL;
        char *v = word ? th_xstrdup(word) : string(c, &len);
        if (!v)
                return 0;
        if (word)
                c->s += strlen(word);
        f->vals = th_xcalloc(1, sizeof(char *));
        f->vals[f->nr++] = v;
        return 1;
}

/* The members of an object after its '{': at the top (`top`) "text", "id" and "meta" are
 * the record's own; within "meta", "text" and "id" are read and left out, as jansson's
 * path leaves them out. */
static int members(struct cursor *c, struct th_record *r, int top)
{
        size_t first = r->nfields;
        int had_text = 0, had_id = 0, had_meta = 0;
        if (take(c, '}'))
                return 1;
        do {
                size_t len;
                char *key = string(c, &len);
                int ok = key && strlen(key) == len && take(c, ':');
                struct th_record_field f = {key, NULL, 0};
                int *once = !ok                    ? NULL
                            : !strcmp(key, "text") ? &had_text
                            : !strcmp(key, "id")   ? &had_id
                            : !strcmp(key, "meta") ? &had_meta
                                                   : NULL;
                if (ok && once && (*once)++)
                        ok = 0; /* a key twice: jansson keeps the last, in the first's place */
                if (ok && !once && seen(r, first, key))
                        ok = 0;
                if (ok && top && once == &had_text) {
                        ok = (r->text = string(c, &r->len)) != NULL;
                } else if (ok && top && once == &had_id) {
                        ok = (r->id = string(c, &len)) != NULL && strlen(r->id) == len;
                } else if (ok && once == &had_meta) {
                        ok = top && take(c, '{') && members(c, r, 0);
                } else if (ok) {
                        ok = value(c, &f);
                        if (ok && once) { /* "text" or "id" within "meta" */
                                for (size_t i = 0; i < f.nr; i++)
                                        free(f.vals[i]);
                                free(f.vals);
                                free(key);
                                continue;
                        }
                        TH_GROW(r->fields, r->nfields + 1, r->afields);
                        r->fields[r->nfields++] = f;
                        continue;
                }
                free(key);
                if (!ok) {
                        for (size_t i = 0; i < f.nr; i++)
                                free(f.vals[i]);
                        free(f.vals);
                        return 0;
                }
        } while (take(c, ','));
        return take(c, '}');
}

int th_record_parse(const char *s, size_t n, struct th_record *r)
{
        memset(r, 0, sizeof(*r));
        struct cursor c = {s, s + n};
        int ok = take(&c, '{') && members(&c, r, 1) && r->text;
        skip_space(&c);
        if (ok && c.s == c.end)
                return 1;
        th_record_release(r);
        return 0;
}

void th_record_release(struct th_record *r)
{
        for (size_t i = 0; i < r->nfields; i++) {
                for (size_t k = 0; k < r->fields[i].nr; k++)
                        free(r->fields[i].vals[k]);
                free(r->fields[i].vals);
                free(r->fields[i].key);
        }
        free(r->fields);
        free(r->text);
        free(r->id);
        memset(r, 0, sizeof(*r));
}
