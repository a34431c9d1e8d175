/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ministers.c: the roster of bewindspersonen and the minister's mentions in a text.
 */
#include "ministers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "match/wordindex.h"
#include "yaml/yamldoc.h"

struct person {
        char *first, *last;
        char **also; /* other forms of the surname ("Yeşilgöz" for "Yeşilgöz-Zegerius") */
        size_t nalso;
        struct key {     /* the folded names the metadata may give: the surname, each */
                char *s; /* other form and the full name (see fold_name) */
                size_t n;
        } keys[8];
        size_t nkeys;
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
                for (size_t k = 0; k < r->v[i].nkeys; k++)
                        free(r->v[i].keys[k].s);
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

static size_t fold_name(const char *name, char *out, size_t cap);

/* The folded names by which the metadata may give `p` (see struct person). */
static void fold_keys(struct person *p)
{
        char key[256], *full = th_xasprintf("%s %s", p->first, p->last);
        const char *names[] = {p->last, full};
        for (size_t i = 0; i < 2 + p->nalso && p->nkeys < sizeof(p->keys) / sizeof(p->keys[0]);
             i++) {
                size_t n = fold_name(i < 2 ? names[i] : p->also[i - 2], key, sizeof(key));
                if (n)
                        p->keys[p->nkeys++] = (struct key){th_xstrdup(key), n};
        }
        free(full);
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
                fold_keys(current(w));
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

/* The words of `name` folded (lower case, diacritics left out) into `out`, one space
 * between them, NUL-terminated: "yesilgoz-zegerius" -> "yesilgoz zegerius"; the length,
 * 0 when there is no word or it does not fit. */
static size_t fold_name(const char *name, char *out, size_t cap)
{
        size_t at = 0;
        for (const char *p = name; *p;) {
                while (*p && !is_word_byte((unsigned char)*p))
                        p++;
                const char *w = p;
                while (*p && is_word_byte((unsigned char)*p))
                        p++;
                if (p == w)
                        break;
                if (at && at + 1 < cap)
                        out[at++] = ' ';
                size_t k =
                    at + 1 < cap ? th_word_fold(w, (size_t)(p - w), out + at, cap - at - 1) : 0;
                if (!k)
                        return 0;
                at += k;
        }
        if (at < cap)
                out[at] = '\0';
        return at < cap ? at : 0;
}

/* A name to find in the text: its folded words; `first`: a first name, which counts
 * only capitalised (it is often also a word: "Rob", "Mark"); `handle`: its last word
 * may stand inside an @handle ("@markrutte"). */
struct form {
        char key[128];
        size_t len;
        int first, handle;
};

struct forms {
        struct form v[16];
        size_t nr;
};

static void add_form(struct forms *f, const char *name, int first, int handle)
{
        if (f->nr == sizeof(f->v) / sizeof(f->v[0]))
                return;
        struct form *x = &f->v[f->nr];
        x->len = fold_name(name, x->key, sizeof(x->key));
        for (size_t i = 0; x->len && i < f->nr; i++)
                if (f->v[i].len == x->len && !memcmp(f->v[i].key, x->key, x->len))
                        return; /* the surname is often also the name given */
        x->first = first;
        x->handle = handle;
        f->nr += x->len > 0;
}

/* Does the form match the text from the word at [i, j), folded as `w` (n bytes)?  Its
 * words one by one, separated by spaces in the text, the last with a genitive s
 * ("Ruttes"); the end of the match in *end. */
static int form_at(const struct form *f, const char *text, size_t len, size_t i, size_t j,
                   const char *w, size_t n, size_t *end)
{
        const char *key = f->key, *stop = f->key + f->len;
        size_t a = i, b = j;
        char buf[64];
        for (;;) {
                const char *sp = memchr(key, ' ', (size_t)(stop - key));
                size_t kl = (size_t)((sp ? sp : stop) - key);
                if (a != i) {
                        n = b - a < sizeof(buf) ? th_word_fold(text + a, b - a, buf, sizeof(buf))
                                                : 0;
                        w = buf;
                }
                int same = n == kl && !memcmp(w, key, kl);
                if (!same && !(!sp && n == kl + 1 && w[kl] == 's' && !memcmp(w, key, kl)))
                        return 0;
                if (!sp) {
                        *end = b;
                        return 1;
                }
                key = sp + 1;
                for (a = b; a < len && text[a] == ' '; a++)
                        ;
                for (b = a; b < len && is_word_byte((unsigned char)text[b]); b++)
                        ;
                if (a == b)
                        return 0;
        }
}

/* Is the last word of the form inside the @handle folded as `w` (n bytes)? */
static int in_handle(const struct form *f, const char *w, size_t n)
{
        const char *last = f->key;
        for (const char *c = f->key; c < f->key + f->len; c++)
                if (*c == ' ')
                        last = c + 1;
        size_t ln = (size_t)(f->key + f->len - last);
        for (size_t s = 0; n >= ln && s + ln <= n; s++)
                if (!memcmp(w + s, last, ln))
                        return 1;
        return 0;
}

/* Is text[s, e) a question put to someone: ending in '?' with "u", "uw", "je", "jij" or
 * "jouw" ("Wat is uw mooiste vakantieherinnering?")? */
static int question_to_you(const char *text, size_t s, size_t e)
{
        static const char *const you[] = {"u", "uw", "je", "jij", "jouw", NULL};
        if (e == s || text[e - 1] != '?')
                return 0;
        for (size_t i = s; i < e;) {
                while (i < e && !isalpha((unsigned char)text[i]))
                        i++;
                size_t w = i;
                while (i < e && isalpha((unsigned char)text[i]))
                        i++;
                /* whole: no letter beyond ASCII on either side ("menu", "Zoëu") */
                int whole = (w == s || (unsigned char)text[w - 1] < 0x80) &&
                            (i == e || (unsigned char)text[i] < 0x80);
                for (size_t k = 0; whole && you[k]; k++)
                        if (strlen(you[k]) == i - w && !strncasecmp(text + w, you[k], i - w))
                                return 1;
        }
        return 0;
}

/* Does the minister speak in the first person: a post on the minister's own account
 * (personal or hybrid), an interview, a speech with `minister` metadata (the minister
 * speaks it), or a text about the minister that puts questions
 * to someone (an interview printed on a web page or in a newsletter)? */
static int own_voice(const struct th_doc *doc)
{
        const char *account = th_meta_value(&doc->meta, "account", 0);
        const char *channel = th_meta_value(&doc->meta, "channel", 0);
        if ((account && (!strcmp(account, "personal") || !strcmp(account, "hybrid"))) ||
            (channel && (!strcmp(channel, "interview") ||
                         (!strcmp(channel, "speech") && th_meta_value(&doc->meta, "minister", 0)))))
                return 1;
        /* A letter's questions to "u" are an MP's (Kamervragen answered in it), and so
         * may its "mijn" be: no interview. */
        if (!th_meta_value(&doc->meta, "minister", 0) || (channel && !strcmp(channel, "letter")))
                return 0;
        for (size_t i = 0; i < doc->sentences.nr; i++)
                if (question_to_you(doc->prose, doc->sentences.v[i].start, doc->sentences.v[i].end))
                        return 1;
        return 0;
}

/* Is the folded `name` one by which the metadata gives `p`? */
static int is_person(const struct person *p, const char *name, size_t n)
{
        for (size_t k = 0; k < p->nkeys; k++)
                if (p->keys[k].n == n && !memcmp(p->keys[k].s, name, n))
                        return 1;
        return 0;
}

/* The names to find: each of the `minister` metadata, with the roster's surname, full
 * name, first name and other forms, and the first person where the minister speaks. */
static void forms_of(const struct th_roster *r, const struct th_doc *doc, struct forms *f)
{
        static const char *const first_person[] = {"ik", "mij", "mijn", NULL};
        for (size_t i = 0; own_voice(doc) && first_person[i]; i++)
                add_form(f, first_person[i], 0, 0);
        const char *name;
        for (size_t k = 0; (name = th_meta_value(&doc->meta, "minister", k)); k++) {
                char key[256];
                size_t n = fold_name(name, key, sizeof(key));
                add_form(f, name, 0, 1);
                for (size_t i = 0; r && n && i < r->nr; i++) {
                        const struct person *p = &r->v[i];
                        if (!is_person(p, key, n))
                                continue;
                        add_form(f, p->last, 0, 1);
                        for (size_t a = 0; a < p->nalso; a++)
                                add_form(f, p->also[a], 0, 1);
                        add_form(f, p->first, 1, 0);
                }
        }
}

void th_roster_mentions(const struct th_roster *r, const struct th_doc *doc,
                        void (*found)(void *arg, size_t start, size_t end), void *arg)
{
        struct forms f = {.nr = 0};
        forms_of(r, doc, &f);
        const char *text = doc->prose;
        size_t len = doc->len;
        /* the first letters of the forms: a word starting otherwise is not folded */
        unsigned char starts[256] = {0};
        for (size_t k = 0; k < f.nr; k++)
                starts[(unsigned char)f.v[k].key[0]] = 1;
        /* one pass over the words, each folded once */
        for (size_t i = 0; f.nr && i < len;) {
                while (i < len && !is_word_byte((unsigned char)text[i]))
                        i++;
                size_t j = i;
                while (j < len && is_word_byte((unsigned char)text[j]))
                        j++;
                if (j == i)
                        break;
                int handle = i > 0 && text[i - 1] == '@';
                unsigned char c = (unsigned char)text[i];
                if (!handle && c < 0x80 && !starts[tolower(c)]) {
                        i = j;
                        continue;
                }
                char w[64];
                size_t n = j - i < sizeof(w) ? th_word_fold(text + i, j - i, w, sizeof(w)) : 0;
                for (size_t k = 0; n && k < f.nr; k++) {
                        const struct form *x = &f.v[k];
                        size_t end;
                        if (form_at(x, text, len, i, j, w, n, &end)) {
                                if (!x->first || isupper((unsigned char)text[i]) ||
                                    (unsigned char)text[i] >= 0x80)
                                        found(arg, handle ? i - 1 : i, end);
                                break;
                        }
                        if (handle && x->handle && in_handle(x, w, n)) {
                                found(arg, i - 1, j);
                                break;
                        }
                }
                i = j;
        }
}
