/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * office.h: the text of Word (.docx) and OpenDocument (.odt) files, one paragraph a line
 * (see office.c), and their properties as metadata.
 */
#ifndef TH_OFFICE_H
#define TH_OFFICE_H

#include <stddef.h>

#include "base/error.h"
#include "document/meta.h"

/* An XML member of an archive larger than this is refused (a ZIP bomb stays a ZIP). */
#define TH_OFFICE_MAX_XML (64u << 20)

/* Read the Word (`odf` 0) or OpenDocument file `path`, whose bytes are buf[0, size): its
 * paragraphs, each a line, into *text (owned by the caller), and date (created), title
 * and author into `props`.  -1 with `err` naming the file and the reason. */
int th_office_read(const char *path, const char *buf, size_t size, int odf, char **text,
                   size_t *len, struct th_meta *props, struct th_error *err);

#endif
