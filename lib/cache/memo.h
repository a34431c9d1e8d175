/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * memo.h: what the last run already worked out from the rule data, kept on disk.
 *
 * Loading the rules is most of a short run: for a 2 KB post, 300 million
 * instructions, of which pcre2_compile took 118 million and Hunspell 84
 * million, to arrive at the same compiled patterns and the same lemmas as
 * the run before.  The memo keeps those answers (a compiled pattern, the
 * lemmas of a word, a parsed YAML file) under a key that holds everything they depend on (the
 * pattern and PCRE2's version; the dictionary files and the words loaded
 * from them), so a changed rule or library misses and is worked out anew.
 *
 * One file, memo.bin, in a folder the caller names; read once, on the first
 * get or put after th_memo_open (a run that loads no rules reads none of
 * it), and written back by th_memo_save, whole, to a temporary file
 * renamed over it, when the run added entries.  A file that is not a
 * regular file of the user's, is writable by others, is damaged or of
 * another version is passed over (and replaced at the save).  The memo is
 * bounded (TH_MEMO_MAX_BYTES): once full it keeps no new entries, and a
 * save of a full memo keeps only the entries this run used.  Values stay
 * valid, and 8-byte aligned, until th_memo_close.  Thread-safe.  Until
 * th_memo_open, nothing is found and nothing kept.
 */
#ifndef TH_MEMO_H
#define TH_MEMO_H

#include <stddef.h>

/* Kinds of entry: the same key means different things under each. */
enum th_memo_kind {
        TH_MEMO_PATTERN = 1,
        TH_MEMO_LEMMAS = 2,
        TH_MEMO_YAML = 3,
        TH_MEMO_PATTERN_FACTS = 4 /* the last: a file holding another kind is not read */
};

/* The memo's bound, in bytes of its file. */
#define TH_MEMO_MAX_BYTES (8u << 20)

/* Use the memo in folder `dir`, made (mode 0700, with its parents) when missing.
 * Returns 0, or -1 (and the memo stays off) when the folder cannot be made. */
int th_memo_open(const char *dir);
/* Whether a memo is open: callers skip the work of making an entry otherwise. */
int th_memo_on(void);
/* The value kept under (kind, key[0, klen)), with its length; NULL when none. */
const void *th_memo_get(enum th_memo_kind kind, const void *key, size_t klen, size_t *vlen);
/* Keep a copy of val[0, vlen) under (kind, key[0, klen)), unless full or kept already. */
void th_memo_put(enum th_memo_kind kind, const void *key, size_t klen, const void *val,
                 size_t vlen);
/* Write the memo back when it gained entries.  Returns 0, or -1 when it could not be
 * written (nothing is lost but the memo). */
int th_memo_save(void);
/* Save, then forget everything (values found before are no longer valid). */
void th_memo_close(void);

#endif
