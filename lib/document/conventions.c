/* SPDX-License-Identifier: EUPL-1.2 */
/* conventions.c: a language's abbreviations and metadata spellings (see conventions.h). */
#include "document/conventions.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const th_conventions_keys[] = {"abbreviations", "metadata-values", "dictionary",
                                           "common-words", NULL};

void th_conventions_release(struct th_conventions *c)
{
        for (size_t i = 0; i < c->nabbreviations; i++)
                free(c->abbreviations[i]);
        free(c->abbreviations);
        for (size_t i = 0; i < c->nspellings; i++) {
                free(c->spellings[i].key);
                free(c->spellings[i].spelling);
                free(c->spellings[i].value);
        }
        free(c->spellings);
        for (size_t i = 0; i < c->ndictionaries; i++) {
                free(c->dictionaries[i].lang);
                free(c->dictionaries[i].name);
        }
        free(c->dictionaries);
        for (size_t i = 0; i < c->ncommon; i++) {
                free(c->common[i].lang);
                for (size_t k = 0; k < c->common[i].n; k++)
                        free(c->common[i].words[k]);
                free(c->common[i].words);
        }
        free(c->common);
        memset(c, 0, sizeof(*c));
}

static char *lower(const char *s)
{
        char *out = th_xstrdup(s);
        for (char *p = out; *p; p++)
                *p = (char)tolower((unsigned char)*p);
        return out;
}

/* The texts of list `v` under `key` (to free), or -1 with `err` at the place. */
static int list_texts(const struct th_yamldoc *y, const struct th_ynode *v, const char *key,
                      const char ***texts, size_t *n, struct th_error *err)
{
        const struct th_ynode *bad;
        if (th_yamldoc_type(v) != TH_YLIST || th_yamldoc_texts(y, v, texts, n, &bad) < 0)
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err, "'%s': expected a list of texts",
                                        key);
        return 0;
}

static int read_abbreviations(struct th_conventions *c, const struct th_yamldoc *y,
                              const struct th_ynode *v, struct th_error *err)
{
        const char **texts;
        size_t n;
        if (list_texts(y, v, "abbreviations", &texts, &n, err) < 0)
                return -1;
        for (size_t i = 0; i < n; i++) {
                size_t len = strlen(texts[i]);
                if (len && texts[i][len - 1] == '.')
                        len--;
                TH_GROW(c->abbreviations, c->nabbreviations + 1, c->aabbreviations);
                char *a = th_xstrndup(texts[i], len);
                c->abbreviations[c->nabbreviations++] = lower(a);
                free(a);
                if (len > c->longest)
                        c->longest = len;
        }
        free(texts);
        return 0;
}

/* metadata-values: {KEY: {SPELLING: VALUE, ...}, ...} */
static int read_spellings(struct th_conventions *c, const struct th_yamldoc *y,
                          const struct th_ynode *v, struct th_error *err)
{
        if (th_yamldoc_type(v) != TH_YMAP)
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err,
                                        "'metadata-values': expected a mapping of metadata keys");
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *map = th_yamldoc_pair(y, v, i, &k);
                const char *key = th_yamldoc_scalar(k);
                if (!key || th_yamldoc_type(map) != TH_YMAP)
                        return th_yamldoc_error(y, map, TH_ERR_PLUGIN, err,
                                                "'metadata-values': expected KEY: {spelling: "
                                                "value, ...}");
                for (size_t j = 0; j < th_yamldoc_count(map); j++) {
                        const struct th_ynode *sk, *sv = th_yamldoc_pair(y, map, j, &sk);
                        const char *spelling = th_yamldoc_scalar(sk),
                                   *value = th_yamldoc_scalar(sv);
                        if (!spelling || !value)
                                return th_yamldoc_error(y, sv, TH_ERR_PLUGIN, err,
                                                        "'metadata-values': '%s' expected "
                                                        "spelling: value",
                                                        key);
                        TH_GROW(c->spellings, c->nspellings + 1, c->aspellings);
                        struct th_value_spelling *s = &c->spellings[c->nspellings++];
                        s->key = th_xstrdup(key);
                        s->spelling = lower(spelling);
                        s->value = th_xstrdup(value);
                }
        }
        return 0;
}

/* dictionary: NAME (a Hunspell dictionary, see morphology.h) */
static int read_dictionary(struct th_conventions *c, const char *lang, const struct th_yamldoc *y,
                           const struct th_ynode *v, struct th_error *err)
{
        const char *name = th_yamldoc_scalar(v);
        if (!name || !*name || strchr(name, '/'))
                return th_yamldoc_error(y, v, TH_ERR_PLUGIN, err,
                                        "'dictionary': expected the name of a Hunspell "
                                        "dictionary, such as nl");
        for (size_t i = 0; i < c->ndictionaries; i++)
                if (!strcmp(c->dictionaries[i].lang, lang)) {
                        free(c->dictionaries[i].name);
                        c->dictionaries[i].name = th_xstrdup(name);
                        return 0;
                }
        TH_GROW(c->dictionaries, c->ndictionaries + 1, c->adictionaries);
        c->dictionaries[c->ndictionaries].lang = th_xstrdup(lang);
        c->dictionaries[c->ndictionaries++].name = th_xstrdup(name);
        return 0;
}

/* common-words: [WORD, ...] (of language `lang`; a later file adds to an earlier one's) */
static int read_common(struct th_conventions *c, const char *lang, const struct th_yamldoc *y,
                       const struct th_ynode *v, struct th_error *err)
{
        const char **texts;
        size_t n;
        if (list_texts(y, v, "common-words", &texts, &n, err) < 0)
                return -1;
        struct th_common_words *w = NULL;
        for (size_t i = 0; i < c->ncommon && !w; i++)
                if (!strcmp(c->common[i].lang, lang))
                        w = &c->common[i];
        if (!w) {
                TH_GROW(c->common, c->ncommon + 1, c->acommon);
                w = &c->common[c->ncommon++];
                memset(w, 0, sizeof(*w));
                w->lang = th_xstrdup(lang);
        }
        w->words = th_xrealloc(w->words, (w->n + n) * sizeof(char *));
        for (size_t i = 0; i < n; i++)
                w->words[w->n++] = lower(texts[i]);
        free(texts);
        return 0;
}

int th_conventions_read(struct th_conventions *c, const char *lang, const char *path,
                        struct th_error *err)
{
        struct th_yamldoc y;
        if (th_yamldoc_load_file(&y, path, "rule data", TH_ERR_PLUGIN, err) < 0)
                return -1;
        const struct th_ynode *root = th_yamldoc_root(&y);
        const struct th_ynode *abbreviations = th_yamldoc_get(&y, root, "abbreviations");
        const struct th_ynode *spellings = th_yamldoc_get(&y, root, "metadata-values");
        const struct th_ynode *dictionary = th_yamldoc_get(&y, root, "dictionary");
        const struct th_ynode *common = th_yamldoc_get(&y, root, "common-words");
        int rc = 0;
        if (abbreviations)
                rc = read_abbreviations(c, &y, abbreviations, err);
        if (rc == 0 && spellings)
                rc = read_spellings(c, &y, spellings, err);
        if (rc == 0 && dictionary)
                rc = read_dictionary(c, lang, &y, dictionary, err);
        if (rc == 0 && common)
                rc = read_common(c, lang, &y, common, err);
        th_yamldoc_release(&y);
        return rc;
}

int th_conventions_abbreviation(const struct th_conventions *c, const char *tok, size_t n)
{
        if (!c || n == 0 || n > c->longest)
                return 0;
        int first = tolower((unsigned char)tok[0]);
        for (size_t i = 0; i < c->nabbreviations; i++) {
                const char *a = c->abbreviations[i];
                /* the length first: a NUL in the text would end strncasecmp early */
                if (a[0] == first && strlen(a) == n && strncasecmp(a, tok, n) == 0)
                        return 1;
        }
        return 0;
}

const char *th_conventions_value(const struct th_conventions *c, const char *key,
                                 const char *spelling)
{
        for (size_t i = 0; c && i < c->nspellings; i++)
                if (!strcmp(c->spellings[i].key, key) &&
                    !strcmp(c->spellings[i].spelling, spelling))
                        return c->spellings[i].value;
        return NULL;
}

const char *th_conventions_dictionary(const struct th_conventions *c, const char *lang)
{
        for (size_t i = 0; c && i < c->ndictionaries; i++)
                if (!strcmp(c->dictionaries[i].lang, lang))
                        return c->dictionaries[i].name;
        return NULL;
}
