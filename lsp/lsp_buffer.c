/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_buffer.c: open documents, edits and positions (see lsp_buffer.h). */
#include "lsp_buffer.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static size_t line_start(const char *text, size_t len, long line)
{
        size_t at = 0;
        for (long l = 0; l < line; l++) {
                const char *nl = memchr(text + at, '\n', len - at);
                if (!nl)
                        return len; /* past the last line: its end */
                at = (size_t)(nl - text) + 1;
        }
        return at;
}

size_t lsp_offset(const char *text, size_t len, long line, long character, int utf8)
{
        if (line < 0)
                return 0;
        size_t at = line_start(text, len, line);
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end > at && text[end - 1] == '\r')
                end--;
        for (long units = 0; at < end && units < character;) {
                size_t n;
                th_utf8_decode((const unsigned char *)text + at, end - at, &n);
                long width = utf8 ? (long)n : n == 4 ? 2 : 1;
                if (units + width > character)
                        break; /* inside a character: stay before it */
                units += width;
                at += n;
        }
        return at;
}

void lsp_position(const char *text, size_t len, size_t offset, int utf8, struct lsp_at *at,
                  long *line, long *character)
{
        if (offset > len)
                offset = len;
        int on = at && at->valid && at->offset <= offset;
        size_t from = on ? at->offset : 0, start = on ? at->line_start : 0;
        long l = on ? at->line : 0;
        for (const char *p = text + from; (p = memchr(p, '\n', (size_t)(text + offset - p)));) {
                l++;
                start = (size_t)(++p - text);
        }
        size_t counted = on && start == at->line_start ? from : start; /* still on that line */
        long base = counted == from && on ? at->character : 0;
        *line = l;
        *character = base + (utf8 ? (long)(offset - counted)
                                  : (long)th_utf8_count_utf16(text + counted, offset - counted));
        if (at)
                *at = (struct lsp_at){offset, start, l, *character, 1};
}

void lsp_buffer_edit(struct lsp_buffer *b, size_t start, size_t end, const char *insert, size_t n)
{
        if (end < start)
                end = start;
        size_t len = b->len - (end - start) + n;
        char *t = th_xmalloc(len + 1);
        memcpy(t, b->text, start);
        memcpy(t + start, insert, n);
        memcpy(t + start + n, b->text + end, b->len - end);
        t[len] = '\0';
        free(b->text);
        b->text = t;
        b->at.valid = 0;
        b->len = len;
}

static int hex(char c)
{
        return c >= '0' && c <= '9'   ? c - '0'
               : c >= 'a' && c <= 'f' ? c - 'a' + 10
               : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                      : -1;
}

char *lsp_uri_path(const char *uri)
{
        if (strncmp(uri, "file://", 7) != 0)
                return NULL;
        const char *p = uri + 7;
        while (*p && *p != '/')
                p++; /* skip an authority such as "localhost" */
        struct th_buf b = {0};
        for (; *p; p++) {
                if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
                        char c = (char)(hex(p[1]) * 16 + hex(p[2]));
                        th_buf_add(&b, &c, 1);
                        p += 2;
                } else {
                        th_buf_add(&b, p, 1);
                }
        }
        return th_buf_detach(&b);
}

void lsp_buffer_free(struct lsp_buffer *b)
{
        free(b->uri);
        free(b->path);
        free(b->text);
        th_findings_release(&b->findings);
        free(b);
}
