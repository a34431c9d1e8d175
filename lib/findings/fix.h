/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fix.h: applying the fixes of findings, safely.  The new text is written
 * beside the file and renamed over it (so a crash leaves either the old or
 * the new file, never a mix), with the file's mode, and only if the file
 * still holds the text that was linted.
 */
#ifndef TH_FIX_H
#define TH_FIX_H

#include <stddef.h>

#include "base/error.h"
#include "findings/findings.h"

/*
 * The text with the fixes of `f` applied, in order of position; a fix that
 * overlaps an earlier one is left out (run twohats again).  applied[i] is
 * set for each finding whose fix was applied (may be NULL).
 */
char *th_fix_apply(const char *text, size_t len, const struct th_findings *f, size_t *out_len,
                   unsigned char *applied);

/*
 * Replace the contents of file `path` by data[0, n), atomically, keeping its
 * mode; refuse (TH_ERR_USAGE) when the file no longer holds expect[0, m).
 */
int th_fix_write(const char *path, const char *data, size_t n, const char *expect, size_t m,
                 struct th_error *err);

/* A unified diff (3 lines of context) from old to new, labelled with `path`; "" when equal. */
char *th_fix_diff(const char *path, const char *old, size_t old_len, const char *new_text,
                  size_t new_len);

#endif
