/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_document.c: a libFuzzer target for everything a document goes through
 * before the plugins: UTF-8 checks, front matter, Markdown, sentences, quotes,
 * suppressions, the word index and the party-political judgement.
 * Build and run with tests/fuzz/run.sh (clang, -fsanitize=fuzzer,address,undefined).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document/document.h"
#include "match/lexicon.h"
#include "nl/partisan.h"
#include "document/suppress.h"
#include "base/util.h"
#include "match/wordindex.h"

static struct th_lexicons *lexicons;
static struct th_partisan_model *model;
static struct th_word_table *words;
static struct th_scratch *scratch;
static struct th_conventions conventions;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (!lexicons) {
                const char *rules = getenv("TWOHATS_RULES_DIR");
                struct th_error err = {0};
                lexicons = th_lexicons_new(rules ? rules : "rules");
                th_lexicons_leave(lexicons, th_nl_data_keys);
                char *dir = th_lexicons_locate(lexicons, "nl", "parties.yml");
                model = th_partisan_model_load(lexicons, dir, "nl", &err);
                char *language = th_xasprintf("%s/language.yml", dir);
                th_conventions_read(&conventions, "nl", language, &err);
                free(language);
                free(dir);
                const char *names[] = {"nl/premises",        "nl/campaign-activities",
                                       "nl/negations",       "nl/place-prepositions",
                                       "nl/minister-titles", NULL};
                for (size_t i = 0; names[i]; i++)
                        th_lexicons_get(lexicons, names[i], &err);
                th_error_release(&err);
                words = th_word_table_new(lexicons, NULL, 0);
                scratch = th_scratch_new();
        }
        for (int markup = 0; markup < 2; markup++) {
                struct th_doc doc;
                struct th_error err = {0};
                struct th_doc_options opt = {markup ? TH_MARKUP_PLAIN : TH_MARKUP_MARKDOWN,
                                             size & 1, NULL, NULL, &conventions};
                if (th_doc_build(&doc, "fuzz", th_xstrndup((const char *)data, size), size, &opt,
                                 &err) == 0) {
                        struct th_suppressions sup = {0};
                        th_suppressions_find(&doc, &sup);
                        th_suppressions_release(&sup);
                        struct th_word_index *x =
                            th_word_index_build(words, scratch, doc.prose, doc.len);
                        struct th_partisan_list l = {0};
                        if (x && model)
                                th_partisan_judge(model, scratch, &doc, x, &l, &err);
                        free(l.v);
                        th_word_index_free(x);
                        for (size_t i = 0; i < doc.sentences.nr; i++)
                                if (doc.sentences.v[i].start > doc.sentences.v[i].end ||
                                    doc.sentences.v[i].end > doc.len)
                                        abort();
                }
                th_error_release(&err);
                th_doc_release(&doc);
        }
        return 0;
}
