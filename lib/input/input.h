/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * input.h: what twohats reads: files, folders (recursively), standard input
 * and JSON Lines, turned into units of text with a name and metadata.
 *
 * A JSON Lines file holds one record per line: an object with a "text"
 * field; its other fields are metadata (an object under "meta" is merged
 * too).  A record is named "path:ID" after its "id" field, or "path:LINE".
 */
#ifndef TH_INPUT_H
#define TH_INPUT_H

#include <stddef.h>
#include <sys/types.h>

#include "document/document.h"
#include "base/error.h"
#include "document/meta.h"

struct th_unit {
        const char *name;        /* name in reports */
        const char *source_path; /* file the text came from, for configuration lookup */
        unsigned line;           /* a JSON Lines record's line in that file; else 0 */
        char *text;              /* owned by the callee once handed over */
        size_t len;
        enum th_markup markup;
        const struct th_meta *fields; /* metadata from a JSON Lines record, or NULL */
        int from_stdin;
        /* A JSON Lines record that cannot be read: no text, and why; the callee reports it
         * and the records after it are read on. */
        const struct th_error *error;
        /* What the text was read out of ("a Word file", "a JSON Lines record"; untranslated,
         * N_), or NULL when it is the file's own text: only that can be fixed in place. */
        const char *extracted;
};

/* Called for every unit; returns 0 to go on, -1 to stop. */
typedef int (*th_unit_fn)(struct th_unit *u, void *data);

/* Does `name` look like JSON Lines, plain text, HTML or Markdown? */
int th_input_is_jsonl(const char *name);
enum th_markup th_input_markup(const char *name);

/* The extensions twohats reads, for messages: ".md, .markdown, ...". */
extern const char th_input_extensions[];

/*
 * Read `path` ("-" for standard input, shown as `display`) and hand each
 * unit to `fn`; JSON Lines fields are read as metadata with `conv` (may be
 * NULL), and a record that cannot be read is handed over with its `error`.
 * Returns 0, or -1 with `err` (TH_ERR_USAGE) for a file that cannot be read
 * (or when `fn` asked to stop).
 */
int th_input_read(const char *path, const char *display, const struct th_conventions *conv,
                  th_unit_fn fn, void *data, struct th_error *err);

/* The same for the contents `buf` (malloc'd, taken over) of a file named `display`, read
 * from `path` or, with `is_stdin`, from standard input or a client. */
int th_input_read_buffer(const char *path, const char *display, int is_stdin, char *buf, size_t len,
                         const struct th_conventions *conv, th_unit_fn fn, void *data,
                         struct th_error *err);

/* Split a JSON Lines buffer into units (exposed for the tests). */
int th_input_jsonl(const char *name, const char *source, const char *buf, size_t len,
                   const struct th_conventions *conv, th_unit_fn fn, void *data);

/* A folder's files, and what the walk left out and why. */
struct th_walk_problem {
        char *path;
        int error; /* errno: a folder that cannot be listed, an entry that cannot be read */
};
struct th_walk {
        char **files; /* regular files, sorted per folder */
        size_t nfiles, afiles;
        size_t links;  /* symbolic links not followed */
        char **others; /* entries that are neither files nor folders (FIFOs, sockets) */
        size_t nothers, aothers;
        struct th_walk_problem *problems;
        size_t nproblems, aproblems;
};

/* Every regular file under `dir`, recursively, sorted, without hidden entries.  Symbolic
 * links are not followed (as git ls-files and ripgrep do), or with `follow` only to what
 * lies below `dir` and never round a loop.  -1 when a folder could not be listed (the
 * rest is walked; the problems say where). */
int th_input_walk(const char *dir, int follow, struct th_walk *w);
void th_walk_release(struct th_walk *w);

#endif
