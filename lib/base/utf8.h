/* SPDX-License-Identifier: EUPL-1.2 */
/* utf8.h: UTF-8 validation and decoding, the only place that knows the encoding rules. */
#ifndef TH_UTF8_H
#define TH_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when it is invalid
 * (overlong, surrogate, beyond U+10FFFF, truncated or a stray byte). */
size_t th_utf8_seq_len(const unsigned char *s, size_t n);

/* Decode the code point at s[0..n); stores its length in *len (1 for an
 * invalid byte, which decodes as U+FFFD). */
uint32_t th_utf8_decode(const unsigned char *s, size_t n, size_t *len);

/* Offset of the first invalid byte of s[0..n), or n when all is valid. */
size_t th_utf8_first_invalid(const char *s, size_t n);

/* Lower case, with the diacritics of Latin-1 letters left out (é -> e, Ä -> a);
 * other code points as they are.  Matching folds both sides with this. */
uint32_t th_utf8_fold(uint32_t cp);

/* Is `cp` part of a word (a letter or digit; not punctuation, space or symbol)? */
int th_utf8_is_word(uint32_t cp);

/* Number of code points in s[0..n); an invalid byte counts as one. */
size_t th_utf8_count(const char *s, size_t n);

/* Number of UTF-16 code units in s[0..n); an invalid byte counts as one. */
size_t th_utf8_count_utf16(const char *s, size_t n);

/* A copy of s[0..n) that every output format can carry (free it): each invalid byte
 * becomes U+FFFD, and with `controls` also each control character but tab (an escape
 * sequence, a newline in a file name), so that a finding is never dropped from JSON
 * nor a terminal driven or a line forged by the text it quotes.  U+FFFD is one column
 * wide, like what it stands for. */
char *th_utf8_printable(const char *s, size_t n, int controls);

#endif
