/* SPDX-License-Identifier: EUPL-1.2 */
/* utf8.c: UTF-8 validation and decoding (RFC 3629). */
#include "base/utf8.h"
#include "base/util.h"

#include <string.h>

size_t th_utf8_seq_len(const unsigned char *s, size_t n)
{
        if (n == 0)
                return 0;
        unsigned char c = s[0];
        if (c < 0x80)
                return 1;
        size_t len;
        uint32_t min;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
                len = 2, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
                len = 3, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
                len = 4, min = 0x10000, cp = c & 0x07;
        } else {
                return 0;
        }
        if (n < len)
                return 0;
        for (size_t i = 1; i < len; i++) {
                if ((s[i] & 0xC0) != 0x80)
                        return 0;
                cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return 0;
        return len;
}

uint32_t th_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
        size_t l = th_utf8_seq_len(s, n);
        if (l == 0) {
                *len = 1;
                return 0xFFFD;
        }
        *len = l;
        if (l == 1)
                return s[0];
        uint32_t cp = s[0] & (0xFF >> (l + 1));
        for (size_t i = 1; i < l; i++)
                cp = (cp << 6) | (s[i] & 0x3F);
        return cp;
}

size_t th_utf8_first_invalid(const char *s, size_t n)
{
        const unsigned char *u = (const unsigned char *)s;
        size_t i = 0;
        while (i < n) {
                /* Eight ASCII bytes at a time: most of a Dutch text is ASCII. */
                uint64_t w;
                if (i + 8 <= n && (memcpy(&w, u + i, 8), (w & 0x8080808080808080ull) == 0)) {
                        i += 8;
                        continue;
                }
                if (u[i] < 0x80) {
                        i++;
                        continue;
                }
                size_t l = th_utf8_seq_len(u + i, n - i);
                if (l == 0)
                        return i;
                i += l;
        }
        return n;
}

size_t th_utf8_count(const char *s, size_t n)
{
        const unsigned char *u = (const unsigned char *)s;
        size_t count = 0, i = 0;
        while (i < n) {
                size_t l = u[i] < 0x80 ? 1 : th_utf8_seq_len(u + i, n - i);
                i += l ? l : 1;
                count++;
        }
        return count;
}

size_t th_utf8_count_utf16(const char *s, size_t n)
{
        const unsigned char *u = (const unsigned char *)s;
        size_t count = 0, i = 0;
        while (i < n) {
                size_t l = u[i] < 0x80 ? 1 : th_utf8_seq_len(u + i, n - i);
                count += l == 4 ? 2 : 1;
                i += l ? l : 1;
        }
        return count;
}

uint32_t th_utf8_fold(uint32_t cp)
{
        /* Base letters of U+00C0..U+00FF, lower case; 0 where there is none. */
        static const char latin1[] = "aaaaaaaceeeeiiii"    /* C0-CF */
                                     "dnooooo\0ouuuuy\0s"  /* D0-DF */
                                     "aaaaaaaceeeeiiii"    /* E0-EF */
                                     "dnooooo\0ouuuuy\0y"; /* F0-FF */
        if (cp < 0x80)
                return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
        if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0])
                return (uint32_t)latin1[cp - 0xC0];
        return cp;
}

int th_utf8_is_word(uint32_t cp)
{
        if (cp < 0x80)
                return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                       (cp >= 'A' && cp <= 'Z');
        if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
                return 0; /* Latin-1 punctuation and symbols: « » ° · × ÷ */
        if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
            (cp >= 0xFE00 && cp <= 0xFE6F) || cp == 0xFEFF || cp >= 0x1F000)
                return 0; /* general punctuation, arrows, symbols, emoji */
        return 1;
}

char *th_utf8_printable(const char *s, size_t n, int controls)
{
        static const char replacement[] = "\xEF\xBF\xBD";
        char *out = th_xmalloc(3 * n + 1), *o = out;
        for (size_t i = 0; i < n;) {
                size_t k = th_utf8_seq_len((const unsigned char *)s + i, n - i);
                unsigned char c = (unsigned char)s[i];
                if (!k || (controls && k == 1 && (c < 0x20 || c == 0x7f) && c != '\t')) {
                        memcpy(o, replacement, 3);
                        o += 3;
                        i++;
                } else {
                        memcpy(o, s + i, k);
                        o += k;
                        i += k;
                }
        }
        *o = '\0';
        return out;
}
