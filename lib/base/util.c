/* SPDX-License-Identifier: EUPL-1.2 */
/* util.c: memory helpers and whole-file reading for the core. */
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void th_out_of_memory(void)
{
        /* no allocation here: there is no memory left to format with */
        static const char msg[] = "twohats: out of memory\n";
        ssize_t w = write(2, msg, sizeof(msg) - 1);
        (void)w;
        _exit(3); /* the documented status of an internal error */
}

void *th_xmalloc(size_t n)
{
        void *p = malloc(n ? n : 1);
        if (!p)
                th_out_of_memory();
        return p;
}

void *th_xcalloc(size_t nmemb, size_t size)
{
        void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
        if (!p)
                th_out_of_memory();
        return p;
}

void *th_xrealloc(void *p, size_t n)
{
        p = realloc(p, n ? n : 1);
        if (!p)
                th_out_of_memory();
        return p;
}

char *th_xstrdup(const char *s)
{
        return th_xstrndup(s, strlen(s));
}

char *th_xstrndup(const char *s, size_t n)
{
        char *p = th_xmalloc(n + 1);
        if (n) /* s may be NULL when n is 0 (md4c's empty link destination) */
                memcpy(p, s, n);
        p[n] = '\0';
        return p;
}

char *th_xvasprintf(const char *fmt, va_list ap)
{
        va_list copy;
        va_copy(copy, ap);
        int n = vsnprintf(NULL, 0, fmt, copy);
        va_end(copy);
        if (n < 0)
                th_out_of_memory(); /* vsnprintf fails only on a size beyond int */
        char *p = th_xmalloc((size_t)n + 1);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
        return p;
}

char *th_xasprintf(const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *p = th_xvasprintf(fmt, ap);
        va_end(ap);
        return p;
}

static inline uint64_t hash_step(uint64_t h, uint64_t w)
{
        h = (h ^ w) * 0x9e3779b97f4a7c15ull;
        return h ^ h >> 29;
}

unsigned long long th_hash_words(unsigned long long seed, const void *p, size_t n)
{
        const unsigned char *b = p;
        uint64_t h = seed, w[4];
        if (n >= 32) { /* four lanes that do not wait on each other: memo sums run to MBs */
                uint64_t l1 = seed ^ 0x243f6a8885a308d3ull, l2 = seed ^ 0x13198a2e03707344ull,
                         l3 = seed ^ 0xa4093822299f31d0ull;
                for (; n >= 32; b += 32, n -= 32) {
                        memcpy(w, b, 32);
                        h = hash_step(h, w[0]);
                        l1 = hash_step(l1, w[1]);
                        l2 = hash_step(l2, w[2]);
                        l3 = hash_step(l3, w[3]);
                }
                h = hash_step(hash_step(hash_step(h, l1), l2), l3);
        }
        for (; n >= 8; b += 8, n -= 8) {
                memcpy(&w[0], b, 8); /* a constant size: one load */
                h = hash_step(h, w[0]);
        }
        if (n) {
                w[0] = 0;
                memcpy(&w[0], b, n);
                h = hash_step(h, w[0]);
        }
        return h;
}

int th_compare_strings(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

int th_read_file(const char *path, char **out, size_t *len)
{
        /* open, fstat, one read and close: a folder of small files costs four system
         * calls a file (stdio took six) */
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -1;
        /* Size the buffer from the file where that is known: no growth, no copies. */
        struct stat st;
        int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        size_t cap = regular && st.st_size > 0 ? (size_t)st.st_size + 1 : 8192, n = 0;
        char *buf = th_xmalloc(cap + 1);
        for (;;) {
                if (n == cap) {
                        cap *= 2;
                        buf = th_xrealloc(buf, cap + 1);
                }
                ssize_t got = read(fd, buf + n, cap - n);
                if (got < 0 && errno == EINTR)
                        continue;
                if (got < 0) {
                        int saved = errno;
                        close(fd);
                        free(buf);
                        errno = saved;
                        return -1;
                }
                n += (size_t)got;
                /* the end: nothing more, or a short read of a regular file */
                if (got == 0 || (regular && n < cap))
                        break;
        }
        close(fd);
        buf[n] = '\0';
        *out = buf;
        *len = n;
        return 0;
}

int th_ends_with(const char *s, const char *suffix)
{
        size_t a = strlen(s), b = strlen(suffix);
        return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

void th_buf_add(struct th_buf *b, const char *s, size_t n)
{
        TH_GROW(b->s, b->len + n + 1, b->alloc);
        memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = '\0';
}

void th_buf_adds(struct th_buf *b, const char *s)
{
        th_buf_add(b, s, strlen(s));
}

void th_buf_addf(struct th_buf *b, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n <= 0)
                return;
        TH_GROW(b->s, b->len + (size_t)n + 1, b->alloc);
        va_start(ap, fmt);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
        b->len += (size_t)n;
}

void th_buf_release(struct th_buf *b)
{
        free(b->s);
        b->s = NULL;
        b->len = b->alloc = 0;
}

char *th_buf_detach(struct th_buf *b)
{
        char *s = b->s ? b->s : th_xstrdup("");
        b->s = NULL;
        b->len = b->alloc = 0;
        return s;
}
