/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lsp_buffer.h: the open documents of the language server: their text as the
 * editor has it (not the file on disk), edits to it, and the conversion
 * between byte offsets and LSP positions (line, character) in the
 * negotiated encoding (UTF-16 code units by default, or UTF-8 bytes).
 */
#ifndef TH_LSP_BUFFER_H
#define TH_LSP_BUFFER_H

#include <stddef.h>

#include "findings/findings.h"

/* A position counted, to count the next one on from it (diagnostics come in order: from
 * the start each time, a line of 1 MB with a thousand findings took seconds).  `valid`
 * is 0 for a text not counted in yet; editing the text resets it. */
struct lsp_at {
        size_t offset, line_start;
        long line, character;
        int valid;
};

struct lsp_buffer {
        char *uri;
        char *path; /* the file path of a file: URI, or NULL */
        char *text;
        size_t len;
        long version;
        struct th_findings findings; /* of the last lint, for code actions and hover */
        struct lsp_at at;            /* the last position counted in this text */
};

/* The byte offset of LSP position (line, character) in text[0, len), clamped to the line. */
size_t lsp_offset(const char *text, size_t len, long line, long character, int utf8);

/* The LSP position of byte `offset`, counted on from `at` when it lies before (may be
 * NULL), which is then moved to `offset`. */
void lsp_position(const char *text, size_t len, size_t offset, int utf8, struct lsp_at *at,
                  long *line, long *character);

/* Replace text[start, end) by `insert`. */
void lsp_buffer_edit(struct lsp_buffer *b, size_t start, size_t end, const char *insert, size_t n);

/* The path of a file: URI (percent-decoded), or NULL for other schemes. */
char *lsp_uri_path(const char *uri);

void lsp_buffer_free(struct lsp_buffer *b);

#endif
