/* SPDX-License-Identifier: EUPL-1.2 */
/* meta.c: document metadata with validation of the known keys (see meta.h). */
#include "document/meta.h"
#include "base/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const channel_values[] = {
    "speech", "press-release", "web",       "newsletter", "social",
    "agenda", "letter",        "interview", "party",      NULL};
static const char *const account_values[] = {"corporate", "hybrid", "personal", NULL};
static const char *const prepared_by_values[] = {"civil-service", "minister", "political-assistant",
                                                 "party", NULL};
static const char *const event_values[] = {"official", "party", "campaign", "private", NULL};

enum key_kind { KEY_ENUM, KEY_DATE, KEY_TEXT, KEY_LIST };

/* The keys of GUIDELINES' "Document metadata"; other spellings of the values come from a
 * language's conventions. */
static const struct known_key {
        const char *key;
        enum key_kind kind;
        const char *const *values; /* KEY_ENUM: the canonical values */
        const char *allowed;       /* otherwise: for the error message */
} known_keys[] = {
    {"date", KEY_DATE, NULL, "an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS])"},
    {"channel", KEY_ENUM, channel_values, NULL},
    {"account", KEY_ENUM, account_values, NULL},
    {"prepared-by", KEY_ENUM, prepared_by_values, NULL},
    {"event", KEY_ENUM, event_values, NULL},
    {"minister", KEY_LIST, NULL, "one or more names"},
    {"party", KEY_TEXT, NULL, "a party name or abbreviation"},
    {"location", KEY_TEXT, NULL, "a venue"},
    {NULL, KEY_TEXT, NULL, NULL}};

/* What `k` allows, for a message: "corporate, hybrid (hybride), personal (persoonlijk)". */
static char *allowed(const struct known_key *k, const struct th_conventions *conv)
{
        if (k->kind != KEY_ENUM)
                return th_xstrdup(k->allowed);
        struct th_buf b = {0};
        for (size_t i = 0; k->values[i]; i++) {
                th_buf_addf(&b, "%s%s", i ? ", " : "", k->values[i]);
                for (size_t j = 0; conv && j < conv->nspellings; j++)
                        if (!strcmp(conv->spellings[j].key, k->key) &&
                            !strcmp(conv->spellings[j].value, k->values[i]))
                                th_buf_addf(&b, " (%s)", conv->spellings[j].spelling);
        }
        return th_buf_detach(&b);
}

/* The canonical value `v` (lower case) stands for under `k`, or NULL. */
static const char *canonical(const struct known_key *k, const struct th_conventions *conv,
                             const char *v)
{
        for (size_t i = 0; k->values[i]; i++)
                if (!strcmp(k->values[i], v))
                        return k->values[i];
        const char *value = th_conventions_value(conv, k->key, v);
        for (size_t i = 0; value && k->values[i]; i++)
                if (!strcmp(k->values[i], value))
                        return k->values[i];
        return NULL;
}

static const struct known_key *find_known(const char *key)
{
        for (const struct known_key *k = known_keys; k->key; k++)
                if (strcmp(k->key, key) == 0)
                        return k;
        return NULL;
}

static int digits(const char *s, int n)
{
        for (int i = 0; i < n; i++)
                if (!isdigit((unsigned char)s[i]))
                        return 0;
        return 1;
}

/* The value of the `n` decimal digits at `s` (already checked by digits()). */
static int number(const char *s, int n)
{
        int v = 0;
        for (int i = 0; i < n; i++)
                v = v * 10 + (s[i] - '0');
        return v;
}

/* YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]][Z|+HH:MM]. */
static int valid_date(const char *s)
{
        if (strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
            !digits(s + 8, 2))
                return 0;
        int month = number(s + 5, 2), day = number(s + 8, 2), year = number(s, 4);
        static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (month < 1 || month > 12 || day < 1 || day > mdays[month - 1])
                return 0;
        int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (month == 2 && day == 29 && !leap)
                return 0;
        const char *t = s + 10;
        if (*t == '\0')
                return 1;
        if ((*t != 'T' && *t != ' ') || !digits(t + 1, 2) || t[3] != ':' || !digits(t + 4, 2))
                return 0;
        t += 6;
        if (*t == ':') {
                if (!digits(t + 1, 2))
                        return 0;
                t += 3;
                if (*t == '.') {
                        t++;
                        while (isdigit((unsigned char)*t))
                                t++;
                }
        }
        if (*t == 'Z')
                t++;
        else if (*t == '+' || *t == '-') {
                if (!digits(t + 1, 2) || t[3] != ':' || !digits(t + 4, 2))
                        return 0;
                t += 6;
        }
        return *t == '\0';
}

static void lower_trim(char *s)
{
        size_t n = strlen(s);
        while (n && isspace((unsigned char)s[n - 1]))
                s[--n] = '\0';
        size_t i = 0;
        while (s[i] && isspace((unsigned char)s[i]))
                i++;
        memmove(s, s + i, n - i + 1);
        for (char *p = s; *p; p++)
                *p = (char)tolower((unsigned char)*p);
}

void th_meta_init(struct th_meta *m)
{
        memset(m, 0, sizeof(*m));
}

static void entry_release(struct th_meta_entry *e)
{
        for (size_t i = 0; i < e->nr; i++)
                free(e->values[i]);
        free(e->values);
        free(e->key);
}

void th_meta_release(struct th_meta *m)
{
        for (size_t i = 0; i < m->nr; i++)
                entry_release(&m->entries[i]);
        free(m->entries);
        th_meta_init(m);
}

static struct th_meta_entry *slot(struct th_meta *m, const char *key)
{
        for (size_t i = 0; i < m->nr; i++)
                if (strcmp(m->entries[i].key, key) == 0) {
                        entry_release(&m->entries[i]);
                        memset(&m->entries[i], 0, sizeof(m->entries[i]));
                        m->entries[i].key = th_xstrdup(key);
                        return &m->entries[i];
                }
        TH_GROW(m->entries, m->nr + 1, m->alloc);
        struct th_meta_entry *e = &m->entries[m->nr++];
        memset(e, 0, sizeof(*e));
        e->key = th_xstrdup(key);
        return e;
}

void th_meta_copy(struct th_meta *dst, const struct th_meta *src)
{
        for (size_t i = 0; i < src->nr; i++) {
                const struct th_meta_entry *s = &src->entries[i];
                struct th_meta_entry *e = slot(dst, s->key);
                e->values = th_xcalloc(s->nr ? s->nr : 1, sizeof(char *));
                for (size_t j = 0; j < s->nr; j++)
                        e->values[j] = th_xstrdup(s->values[j]);
                e->nr = s->nr;
                e->has_span = s->has_span;
                e->start = s->start;
                e->end = s->end;
        }
}

int th_meta_set(struct th_meta *m, const char *key, const char *const *values, size_t nr,
                const size_t *span, const struct th_conventions *conv, const char *where,
                unsigned line, unsigned col, struct th_error *err)
{
        const struct known_key *k = find_known(key);
        char **vals = th_xcalloc(nr ? nr : 1, sizeof(char *));
        for (size_t i = 0; i < nr; i++)
                vals[i] = th_xstrdup(values[i]);
        int bad = -1;
        if (k && nr != 1 && k->kind != KEY_LIST)
                bad = 0;
        for (size_t i = 0; k && bad < 0 && i < nr; i++) {
                if (k->kind == KEY_ENUM) {
                        lower_trim(vals[i]);
                        const char *value = canonical(k, conv, vals[i]);
                        if (!value) {
                                bad = (int)i;
                                break;
                        }
                        free(vals[i]);
                        vals[i] = th_xstrdup(value);
                } else if (k->kind == KEY_DATE && !valid_date(vals[i])) {
                        bad = (int)i;
                } else if (vals[i][0] == '\0') {
                        bad = (int)i;
                }
        }
        if (bad >= 0) {
                const char *shown = nr ? values[bad] : "";
                char *expected = allowed(k, conv);
                if (k->kind != KEY_LIST && nr != 1)
                        th_error_set(err, TH_ERR_USAGE, where, line, col,
                                     "metadata '%s' takes one value, not a list; expected %s", key,
                                     expected);
                else
                        th_error_set(err, TH_ERR_USAGE, where, line, col,
                                     "invalid value '%s' for metadata '%s'; expected %s", shown,
                                     key, expected);
                free(expected);
                for (size_t i = 0; i < nr; i++)
                        free(vals[i]);
                free(vals);
                return -1;
        }
        struct th_meta_entry *e = slot(m, key);
        e->values = vals;
        e->nr = nr;
        if (span) {
                e->has_span = 1;
                e->start = span[0];
                e->end = span[1];
        }
        return 0;
}

const struct th_meta_entry *th_meta_get(const struct th_meta *m, const char *key)
{
        for (size_t i = 0; i < m->nr; i++)
                if (strcmp(m->entries[i].key, key) == 0)
                        return &m->entries[i];
        return NULL;
}

const char *th_meta_value(const struct th_meta *m, const char *key, size_t i)
{
        const struct th_meta_entry *e = th_meta_get(m, key);
        return e && i < e->nr ? e->values[i] : NULL;
}

int th_meta_set_arg(struct th_meta *m, const char *arg, const struct th_conventions *conv,
                    struct th_error *err)
{
        const char *eq = strchr(arg, '=');
        if (!eq || eq == arg)
                return th_error_set(err, TH_ERR_USAGE, "--meta", 0, 0,
                                    "expected KEY=VALUE, got '%s'", arg);
        char *key = th_xstrndup(arg, (size_t)(eq - arg));
        const char *value = eq + 1;
        int rc;
        if (strcmp(key, "minister") == 0 && strchr(value, ',')) {
                char *copy = th_xstrdup(value);
                const char *parts[64];
                size_t nr = 0;
                for (char *tok = copy, *next; tok && nr < 64; tok = next) {
                        next = strchr(tok, ',');
                        if (next)
                                *next++ = '\0';
                        while (*tok == ' ')
                                tok++;
                        parts[nr++] = tok;
                }
                rc = th_meta_set(m, key, parts, nr, NULL, conv, "--meta", 0, 0, err);
                free(copy);
        } else {
                rc = th_meta_set(m, key, &value, 1, NULL, conv, "--meta", 0, 0, err);
        }
        free(key);
        return rc;
}
