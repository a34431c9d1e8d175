/* SPDX-License-Identifier: EUPL-1.2 */
/* fields.c: the fields of query strings and forms (see http.h). */
#include "http.h"

#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static int hex(char c)
{
        return c >= '0' && c <= '9'   ? c - '0'
               : c >= 'a' && c <= 'f' ? c - 'a' + 10
               : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                      : -1;
}

/* Decode %XX and + of `s` (n bytes); the length in *len. */
static char *decode(const char *s, size_t n, size_t *len)
{
        char *out = th_xmalloc(n + 1), *o = out;
        for (size_t i = 0; i < n; i++) {
                if (s[i] == '+')
                        *o++ = ' ';
                else if (s[i] == '%' && i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
                        *o++ = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
                        i += 2;
                } else
                        *o++ = s[i];
        }
        *o = '\0';
        *len = (size_t)(o - out);
        return out;
}

void serve_form_parse(const char *s, size_t len, struct serve_field **fields, size_t *n)
{
        for (const char *p = s, *end = s + len; p < end;) {
                const char *amp = memchr(p, '&', (size_t)(end - p));
                const char *stop = amp ? amp : end;
                const char *eq = memchr(p, '=', (size_t)(stop - p));
                if (stop > p) {
                        size_t nlen, vlen;
                        *fields = th_xrealloc(*fields, (*n + 1) * sizeof(**fields));
                        struct serve_field *f = &(*fields)[(*n)++];
                        f->name = decode(p, (size_t)((eq ? eq : stop) - p), &nlen);
                        f->value =
                            eq ? decode(eq + 1, (size_t)(stop - eq - 1), &vlen) : th_xstrdup("");
                        f->len = eq ? vlen : 0;
                }
                p = stop + 1;
        }
}

void serve_fields_free(struct serve_field *fields, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                free(fields[i].name);
                free(fields[i].value);
        }
        free(fields);
}
