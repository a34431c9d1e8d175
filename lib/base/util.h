/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * util.h: memory helpers and growable arrays shared by the core.
 *
 * Allocation failure aborts: a linter that runs out of memory has nothing
 * useful left to say, and checking every small allocation would bury the
 * logic (git's xmalloc makes the same choice).
 */
#ifndef TH_UTIL_H
#define TH_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *th_xmalloc(size_t n);
void *th_xcalloc(size_t nmemb, size_t size);
void *th_xrealloc(void *p, size_t n);
/* Say "out of memory" and end with status 3, what the th_x* allocators do when the
 * system refuses. */
_Noreturn void th_out_of_memory(void);
char *th_xstrdup(const char *s);
char *th_xstrndup(const char *s, size_t n);
char *th_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *th_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A hash of p[0, n) taken 8 bytes at a time (long keys: patterns, rule files), from
 * `seed`; the last word is padded with zeros, so a piece and the same piece padded hash
 * alike, and a hash can go on from where the last piece left it. */
unsigned long long th_hash_words(unsigned long long seed, const void *p, size_t n);

/* qsort comparator for an array of strings. */
int th_compare_strings(const void *a, const void *b);

/* Grow array `x` (with `alloc` slots) so that it holds at least `nr` items. */
#define TH_GROW(x, nr, alloc)                                                                      \
        do {                                                                                       \
                if ((nr) > (alloc)) {                                                              \
                        size_t th_new_ = (alloc) ? (alloc)*2 : 8;                                  \
                        while (th_new_ < (nr))                                                     \
                                th_new_ *= 2;                                                      \
                        (x) = th_xrealloc((x), th_new_ * sizeof(*(x)));                            \
                        (alloc) = th_new_;                                                         \
                }                                                                                  \
        } while (0)

/* Read a whole file.  Returns 0, or -1 with errno set. */
int th_read_file(const char *path, char **out, size_t *len);

/* True when `s` ends with `suffix`. */
int th_ends_with(const char *s, const char *suffix);

/* A growable NUL-terminated byte buffer. */
struct th_buf {
        char *s;
        size_t len, alloc;
};

void th_buf_add(struct th_buf *b, const char *s, size_t n);
void th_buf_adds(struct th_buf *b, const char *s);
void th_buf_addf(struct th_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void th_buf_release(struct th_buf *b);
/* Hand the string over to the caller (never NULL); the buffer is emptied. */
char *th_buf_detach(struct th_buf *b);

#endif
