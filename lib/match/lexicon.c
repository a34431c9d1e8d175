/* SPDX-License-Identifier: EUPL-1.2 */
/* lexicon.c: named term lists compiled to PCRE2 (see lexicon.h). */
#include "match/lexicon.h"
#include "base/utf8.h"
#include "base/util.h"
#include "document/conventions.h"
#include "yaml/yamldoc.h"

#include <dirent.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct th_lexicons {
        char *dir;
        struct th_lexicon **compiled; /* by id */
        size_t ncompiled, acompiled;
        char **langs; /* languages already read */
        size_t nlangs, alangs;
        struct th_lexicon **v;
        size_t nr, alloc;
        const char *const *foreign[8]; /* top-level keys others read (th_lexicons_leave) */
        size_t nforeign;
};

void th_lexicons_leave(struct th_lexicons *l, const char *const *keys)
{
        if (keys && l->nforeign < sizeof(l->foreign) / sizeof(l->foreign[0]))
                l->foreign[l->nforeign++] = keys;
}

struct th_lexicons *th_lexicons_new(const char *rules_dir)
{
        struct th_lexicons *l = th_xcalloc(1, sizeof(*l));
        l->dir = th_xstrdup(rules_dir);
        th_lexicons_leave(l, th_conventions_keys); /* read by the document model */
        return l;
}

static void lexicon_free(struct th_lexicon *x)
{
        for (size_t i = 0; i < x->nterms; i++)
                free(x->terms[i]);
        for (size_t i = 0; i < x->nforms; i++)
                free(x->forms[i]);
        free(x->terms);
        free(x->forms);
        free(x->form_term);
        free(x->form_exact);
        free(x->name);
        free(x->file);
        th_regex_free(x->re);
        free(x);
}

void th_lexicons_free(struct th_lexicons *l)
{
        if (!l)
                return;
        for (size_t i = 0; i < l->nr; i++)
                lexicon_free(l->v[i]);
        for (size_t i = 0; i < l->nlangs; i++)
                free(l->langs[i]);
        free(l->langs);
        free(l->compiled);
        free(l->v);
        free(l->dir);
        free(l);
}

/* The letter a term's code point stands for, lower case, without diacritics. */
static uint32_t base_letter(uint32_t cp)
{
        return th_utf8_fold(cp);
}

/* A character class for a letter with or without diacritics, or NULL. */
static const char *accent_class(uint32_t base)
{
        switch (base) {
        case 'a':
                return "[aàáâãäå]";
        case 'c':
                return "[cç]";
        case 'e':
                return "[eèéêë]";
        case 'i':
                return "[iìíîï]";
        case 'n':
                return "[nñ]";
        case 'o':
                return "[oòóôõö]";
        case 'u':
                return "[uùúûü]";
        case 'y':
                return "[yýÿ]";
        default:
                return NULL;
        }
}

/* The gap of a form: " … " or " ... " at `s`; its length in bytes, or 0. */
static size_t gap_at(const char *s)
{
        if (!strncmp(s, " \xE2\x80\xA6 ", 5))
                return 5;
        if (!strncmp(s, " ... ", 5))
                return 5;
        return 0;
}

int th_lexicon_form_has_gap(const char *form)
{
        for (const char *p = form; *p; p++)
                if (*p == ' ' && gap_at(p))
                        return 1;
        return 0;
}

/* Up to TH_LEXICON_GAP words in between, none ending the clause; as few as possible. */
#define STR_(x) #x
#define STR(x) STR_(x)
#define GAP_REGEX "\\s+(?:[^\\s.!?;:\\x{2026}]+\\s+){0," STR(TH_LEXICON_GAP) "}?"

char *th_lexicon_term_regex(const char *term)
{
        struct th_buf b = {0};
        const unsigned char *s = (const unsigned char *)term;
        size_t n = strlen(term), i = 0;
        if (n && s[0] == '*') {
                th_buf_adds(&b, "[\\p{L}\\p{N}]*");
                i = 1;
        }
        int trailing = n > i && s[n - 1] == '*';
        size_t stop = trailing ? n - 1 : n;
        while (i < stop) {
                size_t len = gap_at(term + i);
                if (len && i + len < stop) {
                        th_buf_adds(&b, GAP_REGEX);
                        i += len;
                        continue;
                }
                uint32_t cp = th_utf8_decode(s + i, stop - i, &len);
                const char *cls = accent_class(base_letter(cp));
                if (cls)
                        th_buf_adds(&b, cls);
                else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0)
                        th_buf_adds(&b, "\\s+");
                else if (cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013)
                        th_buf_adds(&b, "(?:[-\\x{2010}\\x{2011}\\x{2013}]|\\s+)?");
                else if (cp == '\'' || cp == 0x2018 || cp == 0x2019)
                        th_buf_adds(&b, "['\\x{2018}\\x{2019}]");
                else if (cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                                        (cp >= 'A' && cp <= 'Z')))
                        th_buf_addf(&b, "\\%c", (char)cp);
                else
                        th_buf_add(&b, (const char *)s + i, len);
                i += len;
        }
        if (trailing)
                th_buf_adds(&b, "[\\p{L}\\p{N}]*");
        return th_buf_detach(&b);
}

char *th_lexicon_form_regex(const char *form, int exact)
{
        if (!exact)
                return th_lexicon_term_regex(form);
        struct th_buf b = {0};
        th_buf_adds(&b, "(?-i:");
        for (const char *p = form; *p; p++) {
                unsigned char c = (unsigned char)*p;
                size_t gap = gap_at(p);
                if (gap && p[gap]) {
                        th_buf_adds(&b, GAP_REGEX);
                        p += gap - 1;
                        continue;
                }
                if (c < 0x80 &&
                    !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                        th_buf_addf(&b, "\\%c", c);
                else
                        th_buf_add(&b, p, 1);
        }
        th_buf_adds(&b, ")");
        return th_buf_detach(&b);
}

/* The pattern of the whole lexicon, for texts the word index does not cover (metadata
 * values, other strings).  Built on first use: most runs never need it, and compiling
 * every lexicon up front was most of twohats' start-up time. */
static int build_regex(struct th_lexicon *x, char *why, size_t why_len)
{
        struct th_buf b = {0};
        th_buf_adds(&b, "(?<![\\p{L}\\p{N}])(?:");
        /* Longer forms first, so that "ministerie van Financiën" wins over "ministerie". */
        size_t *order = th_xcalloc(x->nforms ? x->nforms : 1, sizeof(size_t));
        for (size_t i = 0; i < x->nforms; i++)
                order[i] = i;
        for (size_t i = 1; i < x->nforms; i++)
                for (size_t j = i;
                     j > 0 && strlen(x->forms[order[j]]) > strlen(x->forms[order[j - 1]]); j--) {
                        size_t t = order[j];
                        order[j] = order[j - 1];
                        order[j - 1] = t;
                }
        for (size_t k = 0; k < x->nforms; k++) {
                char *re = th_lexicon_form_regex(x->forms[order[k]],
                                                 x->form_exact && x->form_exact[order[k]]);
                th_buf_addf(&b, "%s%s(*MARK:%zu)", k ? "|" : "", re, x->form_term[order[k]]);
                free(re);
        }
        free(order);
        th_buf_adds(&b, ")(?![\\p{L}\\p{N}])");
        size_t at = 0;
        x->re = th_regex_compile(b.s, why, why_len, &at);
        th_buf_release(&b);
        return x->re ? 0 : -1;
}

/* Make `x` ready: give it its place among the lexicons the word index covers. */
static int compile(struct th_lexicons *l, struct th_lexicon *x, struct th_error *err)
{
        (void)err;
        x->ready = 1;
        TH_GROW(l->compiled, l->ncompiled + 1, l->acompiled);
        x->id = l->ncompiled;
        l->compiled[l->ncompiled++] = x;
        return 0;
}

static int add_form(struct th_lexicon *x, const char *form, size_t term, size_t *alloc)
{
        TH_GROW(x->forms, x->nforms + 1, *alloc);
        x->form_term = th_xrealloc(x->form_term, *alloc * sizeof(size_t));
        x->forms[x->nforms] = th_xstrdup(form);
        x->form_term[x->nforms++] = term;
        return 0;
}

/* What the handlers of a lexicon's keys fill in. */
struct reading {
        struct th_lexicons *l;
        const char *lang, *path;
        const char *term;               /* of the entry being read */
        const struct th_ynode *terms;   /* of the lexicon being read */
        const struct th_ynode *aliases; /* of the entry being read */
        struct th_lexicon *x;           /* being read */
};

static int keep_term(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct reading *)w->ctx)->term = th_yamldoc_scalar(v);
        return 0;
}

static int keep_aliases(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct reading *)w->ctx)->aliases = v;
        return 0;
}

static int keep_terms(const struct th_ywalk *w, const struct th_ynode *v)
{
        ((struct reading *)w->ctx)->terms = v;
        return 0;
}

static int keep_morphology(const struct th_ywalk *w, const struct th_ynode *v)
{
        int on;
        if (th_yamldoc_bool(th_yamldoc_scalar(v), &on) < 0)
                return th_yamldoc_error(w->y, v, TH_ERR_PLUGIN, w->err,
                                        "'morphology': expected true or false");
        ((struct reading *)w->ctx)->x->no_morphology = !on;
        return 0;
}

/* compounds: head, first, or a list of them. */
static int keep_compounds(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct th_lexicon *x = ((struct reading *)w->ctx)->x;
        size_t n = th_yamldoc_type(v) == TH_YLIST ? th_yamldoc_count(v) : 1;
        for (size_t i = 0; i < n; i++) {
                const struct th_ynode *item =
                    th_yamldoc_type(v) == TH_YLIST ? th_yamldoc_item(w->y, v, i) : v;
                const char *s = th_yamldoc_scalar(item);
                if (s && !strcmp(s, "head"))
                        x->compounds |= TH_COMPOUND_HEAD;
                else if (s && !strcmp(s, "first"))
                        x->compounds |= TH_COMPOUND_FIRST;
                else
                        return th_yamldoc_error(w->y, item, TH_ERR_PLUGIN, w->err,
                                                "'compounds': expected head, first or [head, "
                                                "first]");
        }
        return 0;
}

/* A key read by people or by others, not here. */
static int ignore(const struct th_ywalk *w, const struct th_ynode *v)
{
        (void)w;
        (void)v;
        return 0;
}

static int read_entry(struct reading *rd, const struct th_yamldoc *y, const struct th_ynode *item,
                      struct th_lexicon *x, size_t *aterms, size_t *aforms, struct th_error *err)
{
        static const struct th_ykey keys[] = {{"term", TH_YSCALAR, keep_term},
                                              {"aliases", TH_YLIST, keep_aliases},
                                              {"note", TH_YSCALAR, ignore},
                                              {"source", TH_YSCALAR, ignore},
                                              {NULL, 0, NULL}};
        rd->term = th_yamldoc_scalar(item);
        rd->aliases = NULL;
        if (!rd->term) { /* a mapping; most terms are texts, which need no walk */
                char *what = th_xasprintf("a term of lexicon '%s'", x->name);
                int rc = th_yamldoc_walk(y, item, keys, rd, what, TH_ERR_PLUGIN, err);
                free(what);
                if (rc < 0)
                        return -1;
        }
        const char *term = rd->term;
        if (!term || !*term)
                return th_yamldoc_error(y, item, TH_ERR_PLUGIN, err,
                                        "expected a term: a text or a mapping with 'term'");
        TH_GROW(x->terms, x->nterms + 1, *aterms);
        size_t idx = x->nterms;
        x->terms[x->nterms++] = th_xstrdup(term);
        add_form(x, term, idx, aforms);
        for (size_t i = 0; i < th_yamldoc_count(rd->aliases); i++) {
                const struct th_ynode *a = th_yamldoc_item(y, rd->aliases, i);
                if (!th_yamldoc_scalar(a) || !*th_yamldoc_scalar(a))
                        return th_yamldoc_error(y, a, TH_ERR_PLUGIN, err,
                                                "expected an alias (text), got %s",
                                                th_yamldoc_kind(a));
                add_form(x, th_yamldoc_scalar(a), idx, aforms);
        }
        return 0;
}

static int read_lexicon(struct reading *rd, const struct th_yamldoc *y,
                        const struct th_ynode *knode, const struct th_ynode *body,
                        struct th_error *err)
{
        static const struct th_ykey keys[] = {{"summary", TH_YSCALAR, ignore},
                                              {"terms", TH_YLIST, keep_terms},
                                              {"morphology", TH_YSCALAR, keep_morphology},
                                              {"compounds", TH_YANY, keep_compounds},
                                              {NULL, 0, NULL}};
        struct th_lexicons *l = rd->l;
        const char *name = th_yamldoc_scalar(knode);
        if (!name || th_yamldoc_type(body) != TH_YMAP)
                return th_yamldoc_error(y, body, TH_ERR_PLUGIN, err,
                                        "expected a lexicon: a mapping with 'terms'");
        char *full = th_xasprintf("%s/%s", rd->lang, name);
        for (size_t i = 0; i < l->nr; i++)
                if (strcmp(l->v[i]->name, full) == 0) {
                        th_yamldoc_error(y, knode, TH_ERR_PLUGIN, err,
                                         "lexicon '%s' is already defined at %s:%u:%u", full,
                                         l->v[i]->file, l->v[i]->line, l->v[i]->col);
                        free(full);
                        return -1;
                }
        struct th_lexicon *x = th_xcalloc(1, sizeof(*x));
        x->name = full;
        x->file = th_xstrdup(rd->path);
        x->line = th_yamldoc_line(y, knode);
        x->col = th_yamldoc_col(y, knode);
        size_t aterms = 0, aforms = 0;
        char *what = th_xasprintf("lexicon '%s'", full);
        rd->terms = NULL;
        rd->x = x;
        int rc = th_yamldoc_walk(y, body, keys, rd, what, TH_ERR_PLUGIN, err);
        free(what);
        const struct th_ynode *terms = rd->terms;
        if (rc == 0 && !terms)
                rc = th_yamldoc_error(y, knode, TH_ERR_PLUGIN, err,
                                      "lexicon '%s' has no 'terms' list", full);
        for (size_t i = 0; rc == 0 && i < th_yamldoc_count(terms); i++)
                rc = read_entry(rd, y, th_yamldoc_item(y, terms, i), x, &aterms, &aforms, err);
        if (rc < 0) {
                lexicon_free(x);
                return -1;
        }
        TH_GROW(l->v, l->nr + 1, l->alloc);
        l->v[l->nr++] = x;
        return 0;
}

/* Lexicon names are data: each key is one. */
static int read_lexicons(const struct th_ywalk *w, const struct th_ynode *v)
{
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *k, *body = th_yamldoc_pair(w->y, v, i, &k);
                if (read_lexicon(w->ctx, w->y, k, body, w->err) < 0)
                        return -1;
        }
        return 0;
}

static int read_file(struct th_lexicons *l, const char *lang, const char *path,
                     struct th_error *err)
{
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "rule data", TH_ERR_PLUGIN, err);
        if (rc < 0)
                return -1;
        const struct th_ynode *root = th_yamldoc_root(&y);
        if (root && th_yamldoc_type(root) != TH_YMAP)
                rc = th_yamldoc_error(&y, root, TH_ERR_PLUGIN, err,
                                      "expected a mapping with 'lexicons' and 'cases'");
        /* Top-level keys: lexicons; cases, read by `twohats test`; and the keys of
         * the services that said so (th_lexicons_leave). */
        size_t n = 2;
        for (size_t i = 0; i < l->nforeign; i++)
                for (const char *const *k = l->foreign[i]; *k; k++)
                        n++;
        struct th_ykey *keys = th_xcalloc(n + 1, sizeof(*keys));
        keys[0] = (struct th_ykey){"lexicons", TH_YMAP, read_lexicons};
        keys[1] = (struct th_ykey){"cases", TH_YANY, ignore};
        n = 2;
        for (size_t i = 0; i < l->nforeign; i++)
                for (const char *const *k = l->foreign[i]; *k; k++)
                        keys[n++] = (struct th_ykey){*k, TH_YANY, ignore};
        struct reading rd = {.l = l, .lang = lang, .path = path};
        if (rc == 0)
                rc = th_yamldoc_walk(&y, root, keys, &rd, NULL, TH_ERR_PLUGIN, err);
        free(keys);
        th_yamldoc_release(&y);
        return rc;
}

/* The folders of the rules path ("a:b:c"), in order. */
static size_t rule_dirs(const struct th_lexicons *l, char ***out)
{
        char *copy = th_xstrdup(l->dir), *save = NULL;
        size_t nr = 0, alloc = 0;
        *out = NULL;
        for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
                TH_GROW(*out, nr + 1, alloc);
                (*out)[nr++] = th_xstrdup(d);
        }
        free(copy);
        return nr;
}

char *th_lexicons_locate(const struct th_lexicons *l, const char *lang, const char *file)
{
        char **dirs;
        size_t n = rule_dirs(l, &dirs);
        char *found = NULL;
        for (size_t i = 0; i < n; i++) {
                char *path = th_xasprintf("%s/%s/%s", dirs[i], lang, file);
                if (!found && access(path, R_OK) == 0)
                        found = th_xasprintf("%s/%s", dirs[i], lang);
                free(path);
        }
        if (!found)
                found = th_xasprintf("%s/%s", n ? dirs[0] : ".", lang);
        for (size_t i = 0; i < n; i++)
                free(dirs[i]);
        free(dirs);
        return found;
}

/* Every NAME.yml of `lang` in the rules path; for a name found twice, the first wins. */
static size_t language_files(const struct th_lexicons *l, const char *lang, char ***out)
{
        char **dirs, **names = NULL;
        size_t ndirs = rule_dirs(l, &dirs), nr = 0, alloc = 0;
        for (size_t k = 0; k < ndirs; k++) {
                char *dir = th_xasprintf("%s/%s", dirs[k], lang);
                DIR *d = opendir(dir);
                for (struct dirent *e; d && (e = readdir(d));) {
                        if (e->d_name[0] == '.' || !th_ends_with(e->d_name, ".yml"))
                                continue;
                        int seen = 0;
                        for (size_t i = 0; i < nr && !seen; i++)
                                seen = !strcmp(strrchr(names[i], '/') + 1, e->d_name);
                        if (seen)
                                continue;
                        TH_GROW(names, nr + 1, alloc);
                        names[nr++] = th_xasprintf("%s/%s", dir, e->d_name);
                }
                if (d)
                        closedir(d);
                free(dir);
                free(dirs[k]);
        }
        free(dirs);
        *out = names;
        return nr;
}

static int read_language(struct th_lexicons *l, const char *lang, struct th_error *err)
{
        for (size_t i = 0; i < l->nlangs; i++)
                if (strcmp(l->langs[i], lang) == 0)
                        return 0;
        char **names;
        size_t nr = language_files(l, lang, &names);
        if (nr == 0) {
                char *dir = th_lexicons_locate(l, lang, ".");
                th_error_set(err, TH_ERR_PLUGIN, dir, 0, 0,
                             "cannot open the rule data folder (set --rules-dir)");
                free(dir);
                free(names);
                return -1;
        }
        TH_GROW(l->langs, l->nlangs + 1, l->alangs);
        l->langs[l->nlangs++] = th_xstrdup(lang);
        if (nr > 1)
                qsort(names, nr, sizeof(char *), th_compare_strings);
        int rc = 0;
        for (size_t i = 0; i < nr; i++) {
                if (rc == 0)
                        rc = read_file(l, lang, names[i], err);
                free(names[i]);
        }
        free(names);
        return rc;
}

const struct th_lexicon *th_lexicons_get(struct th_lexicons *l, const char *name,
                                         struct th_error *err)
{
        const char *slash = strchr(name, '/');
        if (!slash || slash == name)
                return th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                                    "lexicon name '%s': expected <lang>/<name>", name),
                       NULL;
        char *lang = th_xstrndup(name, (size_t)(slash - name));
        int rc = read_language(l, lang, err);
        free(lang);
        if (rc < 0)
                return NULL;
        for (size_t i = 0; i < l->nr; i++) {
                struct th_lexicon *x = l->v[i];
                if (strcmp(x->name, name) != 0)
                        continue;
                if (!x->ready && compile(l, x, err) < 0)
                        return NULL;
                return x;
        }
        th_error_set(err, TH_ERR_PLUGIN, l->dir, 0, 0, "no lexicon '%s' in the rule data", name);
        return NULL;
}

struct th_lexicon *th_lexicon_create(const char *name, const char *file, const char *const *terms,
                                     size_t nterms, const char *const *forms,
                                     const size_t *form_term, const unsigned char *exact,
                                     size_t nforms)
{
        struct th_lexicon *x = th_xcalloc(1, sizeof(*x));
        x->name = th_xstrdup(name);
        x->file = th_xstrdup(file);
        x->terms = th_xcalloc(nterms ? nterms : 1, sizeof(char *));
        for (size_t i = 0; i < nterms; i++)
                x->terms[i] = th_xstrdup(terms[i]);
        x->nterms = nterms;
        x->forms = th_xcalloc(nforms ? nforms : 1, sizeof(char *));
        x->form_term = th_xcalloc(nforms ? nforms : 1, sizeof(size_t));
        x->form_exact = th_xcalloc(nforms ? nforms : 1, 1);
        for (size_t i = 0; i < nforms; i++) {
                x->forms[i] = th_xstrdup(forms[i]);
                x->form_term[i] = form_term[i];
                x->form_exact[i] = exact ? exact[i] : 0;
        }
        x->nforms = nforms;
        return x;
}

void th_lexicon_destroy(struct th_lexicon *x)
{
        if (x)
                lexicon_free(x);
}

const struct th_lexicon *th_lexicons_define(struct th_lexicons *l, const char *name,
                                            const char *const *terms, size_t nterms,
                                            const char *const *forms, const size_t *form_term,
                                            const unsigned char *exact, size_t nforms,
                                            struct th_error *err)
{
        for (size_t i = 0; i < l->nr; i++)
                if (strcmp(l->v[i]->name, name) == 0)
                        return th_error_set(err, TH_ERR_PLUGIN, NULL, 0, 0,
                                            "lexicon '%s' is already defined", name),
                               NULL;
        struct th_lexicon *x =
            th_lexicon_create(name, l->dir, terms, nterms, forms, form_term, exact, nforms);
        if (compile(l, x, err) < 0) {
                lexicon_free(x);
                return NULL;
        }
        TH_GROW(l->v, l->nr + 1, l->alloc);
        l->v[l->nr++] = x;
        return x;
}

size_t th_lexicons_compiled(const struct th_lexicons *l)
{
        return l->ncompiled;
}

const struct th_lexicon *th_lexicons_compiled_at(const struct th_lexicons *l, size_t id)
{
        return id < l->ncompiled ? l->compiled[id] : NULL;
}

int th_lexicon_find(const struct th_lexicon *lex, struct th_scratch *s, const char *subject,
                    size_t len, size_t start, size_t *mstart, size_t *mend, const char **term)
{
        size_t ov[2];
        char why[256];
        /* The lexicon is the host's, shared read-only by the plugins; its pattern is a
         * cache filled on first use (documents are linted one at a time). */
        if (!lex->re && build_regex((struct th_lexicon *)lex, why, sizeof(why)) < 0) {
                th_scratch_fail(s, why);
                return -1;
        }
        int rc = th_regex_find(lex->re, s, subject, len, start, ov, 1);
        if (rc != 1)
                return rc;
        *mstart = ov[0];
        *mend = ov[1];
        const char *mark = th_scratch_mark(s);
        size_t idx = mark ? (size_t)strtoul(mark, NULL, 10) : 0;
        *term = lex->nterms ? lex->terms[idx < lex->nterms ? idx : 0] : ""; /* none: empty */
        return 1;
}
