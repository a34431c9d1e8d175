/*
 * ministers.c: the roster of bewindspersonen and the minister's mentions in a text.
 */
#include "ministers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "match/wordindex.h"
#include "yaml/yamldoc.h"

struct person {
        char *first, *last;
        char **also; /* other forms of the surname ("Yeşilgöz" for "Yeşilgöz-Zegerius") */
        size_t nalso;
};

struct th_roster {
        struct person *v;
        size_t nr, alloc;
};

void th_roster_free(struct th_roster *r)
{
        if (!r)
                return;
        for (size_t i = 0; i < r->nr; i++) {
                free(r->v[i].first);
                free(r->v[i].last);
                for (size_t k = 0; k < r->v[i].nalso; k++)
                        free(r->v[i].also[k]);
                free(r->v[i].also);
        }
        free(r->v);
        free(r);
}

#define FAIL(w, n, ...) th_yamldoc_error((w)->y, (n), (w)->kind, (w)->err, __VA_ARGS__)

static struct person *current(const struct th_ywalk *w)
{
        struct th_roster *r = w->ctx;
        return &r->v[r->nr - 1];
}

static int person_first(const struct th_ywalk *w, const struct th_ynode *v)
{
        free(current(w)->first);
        current(w)->first = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int person_last(const struct th_ywalk *w, const struct th_ynode *v)
{
        free(current(w)->last);
        current(w)->last = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int person_also(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct person *p = current(w);
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const char *s = th_yamldoc_scalar(th_yamldoc_item(w->y, v, i));
                if (!s)
                        return FAIL(w, th_yamldoc_item(w->y, v, i), "expected a surname");
                p->also = th_xrealloc(p->also, (p->nalso + 1) * sizeof(*p->also));
                p->also[p->nalso++] = th_xstrdup(s);
        }
        return 0;
}

static int read_people(const struct th_ywalk *w, const struct th_ynode *v)
{
        static const struct th_ykey keys[] = {{"first", TH_YSCALAR, person_first},
                                              {"last", TH_YSCALAR, person_last},
                                              {"also", TH_YLIST, person_also},
                                              {NULL, TH_YANY, NULL}};
        struct th_roster *r = w->ctx;
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *item = th_yamldoc_item(w->y, v, i);
                if (th_yamldoc_type(item) != TH_YMAP)
                        return FAIL(w, item, "expected a bewindspersoon: {first, last}");
                TH_GROW(r->v, r->nr + 1, r->alloc);
                memset(&r->v[r->nr++], 0, sizeof(r->v[0]));
                if (th_yamldoc_walk(w->y, item, keys, r, "a bewindspersoon", w->kind, w->err) < 0)
                        return -1;
                if (!current(w)->first || !current(w)->last)
                        return FAIL(w, item, "a bewindspersoon needs a first and a last name");
        }
        return 0;
}

struct th_roster *th_roster_load(const char *dir, struct th_error *err)
{
        static const struct th_ykey keys[] = {{"ministers", TH_YLIST, read_people},
                                              {NULL, TH_YANY, NULL}};
        char *path = th_xasprintf("%s/ministers.yml", dir);
        struct th_roster *r = th_xcalloc(1, sizeof(*r));
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "rule data", TH_ERR_PLUGIN, err);
        if (rc == 0)
                rc = th_yamldoc_walk(&y, th_yamldoc_root(&y), keys, r, "ministers.yml",
                                     TH_ERR_PLUGIN, err);
        th_yamldoc_release(&y);
        free(path);
        if (rc < 0) {
                th_roster_free(r);
                return NULL;
        }
        return r;
}

/* Matching ------------------------------------------------------------------ */

static int is_word_byte(unsigned char c)
{
        return isalnum(c) || c >= 0x80 || c == '_';
}

/* The words of `name` folded (lower case, diacritics left out), NUL-separated in `out`;
 * the number of words, 0 when it does not fit. */
static size_t fold_words(const char *name, char *out, size_t cap, size_t *lens, size_t max)
{
        size_t n = 0, at = 0;
        for (const char *p = name; *p && n < max;) {
                while (*p && !is_word_byte((unsigned char)*p))
                        p++;
                const char *w = p;
                while (*p && is_word_byte((unsigned char)*p))
                        p++;
                if (p == w)
                        break;
                size_t k = th_word_fold(w, (size_t)(p - w), out + at, cap - at);
                if (!k)
                        return 0;
                lens[n++] = k;
                at += k;
        }
        return n;
}

/* Does the text word at [i, j) fold to `key`? */
static int word_is(const char *text, size_t i, size_t j, const char *key, size_t klen)
{
        char buf[64];
        size_t k = j - i < sizeof(buf) ? th_word_fold(text + i, j - i, buf, sizeof(buf)) : 0;
        return k == klen && !memcmp(buf, key, k);
}

/* Do the names fold to the same words? */
static int same_name(const char *a, const char *b)
{
        char ka[256], kb[256];
        size_t la[8], lb[8];
        size_t na = fold_words(a, ka, sizeof(ka), la, 8), nb = fold_words(b, kb, sizeof(kb), lb, 8);
        size_t total = 0;
        for (size_t i = 0; i < na; i++)
                total += la[i];
        return na && na == nb && !memcmp(la, lb, na * sizeof(la[0])) && !memcmp(ka, kb, total);
}

/* How a name may be written: as given, and when `first`, only capitalised (a first name
 * is often also a word: "Rob", "Mark"); `handle`: its last word inside an @handle. */
struct form {
        const char *name;
        int first, handle;
};

/* Each mention of `f` in the prose: its words as written or without diacritics
 * ("Yesilgöz" for "Yeşilgöz"), the last in the genitive ("Ruttes"), or its last word
 * inside an @handle ("@markrutte"). */
static void form_mentions(const struct th_doc *doc, struct form f,
                          void (*found)(void *, size_t, size_t), void *arg)
{
        char keys[256];
        size_t lens[8], nwords = fold_words(f.name, keys, sizeof(keys), lens, 8);
        const char *last = keys, *text = doc->prose;
        size_t len = doc->len;
        for (size_t w = 0; w + 1 < nwords; w++)
                last += lens[w];
        for (size_t i = 0; nwords && i < len;) {
                while (i < len && !is_word_byte((unsigned char)text[i]))
                        i++;
                size_t j = i;
                while (j < len && is_word_byte((unsigned char)text[j]))
                        j++;
                if (j == i)
                        break;
                /* the whole name, word by word; the last may take a genitive s */
                size_t a = i, b = j, w = 0;
                const char *key = keys;
                while (w < nwords) {
                        int final = w + 1 == nwords;
                        if (!word_is(text, a, b, key, lens[w]) &&
                            !(final && b - a > 1 && (text[b - 1] == 's') &&
                              word_is(text, a, b - 1, key, lens[w])))
                                break;
                        key += lens[w++];
                        if (w == nwords)
                                break;
                        for (a = b; a < len && text[a] == ' '; a++)
                                ;
                        for (b = a; b < len && is_word_byte((unsigned char)text[b]); b++)
                                ;
                }
                if (w == nwords) {
                        if (!f.first || isupper((unsigned char)text[i]) ||
                            (unsigned char)text[i] >= 0x80)
                                found(arg, i, b);
                } else if (f.handle && i > 0 && text[i - 1] == '@') {
                        char buf[64];
                        size_t n = j - i < sizeof(buf)
                                       ? th_word_fold(text + i, j - i, buf, sizeof(buf))
                                       : 0;
                        size_t ln = lens[nwords - 1];
                        for (size_t s = 0; n >= ln && s + ln <= n; s++)
                                if (!memcmp(buf + s, last, ln)) {
                                        found(arg, i - 1, j);
                                        break;
                                }
                }
                i = j;
        }
}

/* Is `p` the person `name` stands for: the surname, another form of it, or the full name? */
static int is_person(const struct person *p, const char *name)
{
        if (same_name(p->last, name))
                return 1;
        for (size_t k = 0; k < p->nalso; k++)
                if (same_name(p->also[k], name))
                        return 1;
        char full[256];
        int n = snprintf(full, sizeof(full), "%s %s", p->first, p->last);
        return n > 0 && (size_t)n < sizeof(full) && same_name(full, name);
}

/* Does the minister speak in the first person: a post on the minister's own account
 * (personal or hybrid) or an interview? */
static int own_voice(const struct th_doc *doc)
{
        const char *account = th_meta_value(&doc->meta, "account", 0);
        const char *channel = th_meta_value(&doc->meta, "channel", 0);
        return (account && (!strcmp(account, "personal") || !strcmp(account, "hybrid"))) ||
               (channel && !strcmp(channel, "interview"));
}

void th_roster_mentions(const struct th_roster *r, const struct th_doc *doc,
                        void (*found)(void *arg, size_t start, size_t end), void *arg)
{
        static const char *const first_person[] = {"ik", "mij", "mijn", NULL};
        for (size_t i = 0; own_voice(doc) && first_person[i]; i++)
                form_mentions(doc, (struct form){first_person[i], 0, 0}, found, arg);
        const char *name;
        for (size_t k = 0; (name = th_meta_value(&doc->meta, "minister", k)); k++) {
                form_mentions(doc, (struct form){name, 0, 1}, found, arg);
                for (size_t i = 0; r && i < r->nr; i++) {
                        const struct person *p = &r->v[i];
                        if (!is_person(p, name))
                                continue;
                        form_mentions(doc, (struct form){p->last, 0, 1}, found, arg);
                        form_mentions(doc, (struct form){p->first, 1, 0}, found, arg);
                        for (size_t a = 0; a < p->nalso; a++)
                                form_mentions(doc, (struct form){p->also[a], 0, 1}, found, arg);
                }
        }
}
