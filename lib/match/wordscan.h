/* SPDX-License-Identifier: EUPL-1.2 */
/* wordscan.h: the fast path of the word index: where a word ends, and a word's identity
 * as written, both a few instructions a word rather than a few a byte. */
#ifndef TH_WORDSCAN_H
#define TH_WORDSCAN_H

#include "base/utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Is the ASCII byte c a word character ([0-9A-Za-z], as th_utf8_is_word)? */
static inline int th_ascii_word(unsigned char c)
{
        return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* Where the run of word characters from u[i] ends (u[0, len) is valid UTF-8). */
static inline size_t th_word_scan_end(const unsigned char *u, size_t len, size_t i)
{
        for (;;) {
#if defined(__SSE2__)
                /* sixteen bytes at a time: a letter is (c | 0x20) - 'a' below 26, a digit
                 * c - '0' below 10, compared as signed bytes after a bias of 0x80 */
                while (i + 16 <= len) {
                        __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
                        __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
                        __m128i letter =
                            _mm_cmplt_epi8(_mm_add_epi8(low, _mm_set1_epi8((char)(0x80 - 'a'))),
                                           _mm_set1_epi8((char)(-128 + 26)));
                        __m128i digit =
                            _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))),
                                           _mm_set1_epi8((char)(-128 + 10)));
                        unsigned other =
                            ~(unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit)) & 0xFFFF;
                        if (other) {
                                i += (size_t)__builtin_ctz(other);
                                goto stop;
                        }
                        i += 16;
                }
#endif
                while (i < len && u[i] < 0x80 && th_ascii_word(u[i]))
                        i++;
#if defined(__SSE2__)
        stop:
#endif
                if (i >= len || u[i] < 0x80)
                        return i;
                size_t cl;
                if (!th_utf8_is_word(th_utf8_decode(u + i, len - i, &cl)))
                        return i;
                i += cl;
        }
}

/* A word as written: its first sixteen bytes, zero-padded, and its length; two words
 * of up to sixteen bytes are the same when their ids are. */
struct th_word_id {
        uint64_t lo, hi;
        size_t len;
};

static inline struct th_word_id th_word_id_of(const unsigned char *u, size_t len, size_t ws,
                                              size_t we)
{
        struct th_word_id id = {0, 0, we - ws};
        size_t n = id.len < 16 ? id.len : 16;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (ws + 16 <= len) { /* two loads, masked to the word */
                memcpy(&id.lo, u + ws, 8);
                memcpy(&id.hi, u + ws + 8, 8);
                if (n < 8) {
                        id.lo &= (UINT64_C(1) << (8 * n)) - 1;
                        id.hi = 0;
                } else if (n < 16) {
                        id.hi &= n == 8 ? 0 : (UINT64_C(1) << (8 * (n - 8))) - 1;
                }
                return id;
        }
#else
        (void)len;
#endif
        unsigned char b[16] = {0};
        memcpy(b, u + ws, n);
        memcpy(&id.lo, b, 8);
        memcpy(&id.hi, b + 8, 8);
        return id;
}

/* A hash of the word w with id `id`: its bytes after the sixteenth mixed in. */
static inline uint64_t th_word_id_hash(struct th_word_id id, const unsigned char *w)
{
        uint64_t h = (id.lo ^ (id.hi * UINT64_C(0x9E3779B97F4A7C15)) ^ id.len) *
                     UINT64_C(0xBF58476D1CE4E5B9);
        for (size_t i = 16; i < id.len; i++)
                h = (h ^ w[i]) * UINT64_C(0x100000001B3);
        return h ^ (h >> 31);
}

#endif
