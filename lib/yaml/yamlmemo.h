/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * yamlmemo.h: parsed YAML documents in the memo (cache/memo.h), under their text.
 *
 * libyaml parses at about 300 instructions a byte: the 155 KB of rule data took 50
 * million instructions, half of a short run's start-up once patterns and lemmas came
 * from the memo.  A document rebuilt from the memo is the one libyaml made: the same
 * nodes, values, styles, tags and positions, read in place.  Private to yamldoc.c.
 */
#ifndef TH_YAMLMEMO_H
#define TH_YAMLMEMO_H

#include <stddef.h>
#include <yaml.h>

/* Texts shorter than this (front matter, small configurations) or longer (not rule data:
 * a case file of a test run, a hostile configuration) are parsed each time: their
 * entries would only fill the memo, which every run then reads. */
#define TH_YAML_MEMO_MIN 1024
#define TH_YAML_MEMO_MAX (256u << 10)

/* Keep `doc`, loaded from text[0, len), in the memo (unless it has directives or
 * aliases: a document read back must be a tree, so that no walk of it is without end). */
void th_yaml_memo_put(const char *text, size_t len, const yaml_document_t *doc);
/* Rebuild into *doc the document an earlier run loaded from text[0, len).  Returns 0, or
 * -1 (and *doc is untouched) when the memo does not hold it.  Only doc->nodes.start is
 * allocated (free it, not yaml_document_delete): texts and items are the memo's. */
int th_yaml_memo_get(const char *text, size_t len, yaml_document_t *doc);

#endif
