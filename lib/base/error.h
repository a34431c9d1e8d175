/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * error.h: an error as a value, with the place it concerns.
 *
 * Library functions fill a `struct th_error` and return -1; the program
 * prints it in one place as "file:line:column: message".  The library never
 * prints and never exits.
 */
#ifndef TH_ERROR_H
#define TH_ERROR_H

/* What kind of failure, which decides the exit status. */
enum th_error_kind {
        TH_ERR_NONE = 0,
        TH_ERR_USAGE,  /* bad command line, configuration or input: exit 2 */
        TH_ERR_PLUGIN, /* a plugin or internal failure: exit 3 */
};

struct th_error {
        enum th_error_kind kind;
        char *file;    /* may be NULL */
        unsigned line; /* 1-based, 0 when unknown */
        unsigned col;  /* 1-based, 0 when unknown */
        char *message;
};

/* Set `err` (releasing what it held); always returns -1. */
int th_error_set(struct th_error *err, enum th_error_kind kind, const char *file, unsigned line,
                 unsigned col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void th_error_release(struct th_error *err);
/* "file:line:col: message", newly allocated. */
char *th_error_format(const struct th_error *err);

#endif
