/* SPDX-License-Identifier: EUPL-1.2 */
/* elections.c: the election calendar (see elections.h). */
#include "elections.h"
#include "base/util.h"
#include "document/meta.h"
#include "yaml/yamldoc.h"

#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of "YYYY-MM-DD" (Howard Hinnant's days_from_civil). */
static long days(const char *date)
{
        long y = strtol(date, NULL, 10), m = strtol(date + 5, NULL, 10),
             d = strtol(date + 8, NULL, 10);
        y -= m <= 2;
        long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void th_elections_release(struct th_elections *e)
{
        for (size_t i = 0; i < e->nr; i++) {
                free(e->v[i].type);
                free(e->v[i].date);
        }
        for (size_t i = 0; i < e->ntypes; i++)
                free(e->types[i]);
        free(e->types);
        free(e->type_list);
        free(e->v);
        memset(e, 0, sizeof(*e));
}

int th_elections_type_known(const struct th_elections *e, const char *t)
{
        for (size_t i = 0; i < e->ntypes; i++)
                if (strcmp(e->types[i], t) == 0)
                        return 1;
        return 0;
}

const struct th_election_entry *th_elections_window(const struct th_elections *e, const char *date,
                                                    th_nl_window_fn window, void *arg)
{
        long today = days(date);
        for (size_t i = 0; i < e->nr; i++) {
                long before = e->v[i].day - today;
                if (before >= 0 && before < window(arg, e->v[i].type))
                        return &e->v[i];
        }
        return NULL;
}

/* `types:` a list of names. */
static int read_types(struct th_elections *out, const struct th_yamldoc *y,
                      const struct th_ynode *list, struct th_error *err)
{
        const char **names;
        size_t n;
        const struct th_ynode *bad;
        if (th_yamldoc_type(list) != TH_YLIST || th_yamldoc_texts(y, list, &names, &n, &bad) < 0 ||
            n == 0)
                return th_yamldoc_error(y, list ? list : th_yamldoc_root(y), TH_ERR_PLUGIN, err,
                                        "expected 'types': a list of election types");
        struct th_buf list_text = {0};
        for (size_t i = 0; i < n; i++) {
                TH_GROW(out->types, out->ntypes + 1, out->atypes);
                out->types[out->ntypes++] = th_xstrdup(names[i]);
                th_buf_addf(&list_text, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
        }
        free(names);
        out->type_list = th_buf_detach(&list_text);
        return 0;
}

/* One election being read. */
struct election {
        const struct th_elections *calendar;
        const char *type, *date;
        int official;
};

static int bad_election(const struct th_ywalk *w, const struct th_ynode *v)
{
        const struct election *e = w->ctx;
        return th_yamldoc_error(w->y, v, TH_ERR_PLUGIN, w->err,
                                "expected type (%s), date (YYYY-MM-DD) and official (true or "
                                "false)",
                                e->calendar->type_list);
}

static int read_type(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct election *e = w->ctx;
        const char *s = th_yamldoc_scalar(v);
        if (!s || !th_elections_type_known(e->calendar, s))
                return bad_election(w, v);
        e->type = s;
        return 0;
}

static int read_date(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct election *e = w->ctx;
        const char *s = th_yamldoc_scalar(v);
        if (!s || strlen(s) != 10)
                return bad_election(w, v);
        e->date = s;
        return 0;
}

static int read_official(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct election *e = w->ctx;
        const char *s = th_yamldoc_scalar(v);
        if (!s || th_yamldoc_bool(s, &e->official) < 0)
                return bad_election(w, v);
        return 0;
}

static int read_one(struct th_elections *out, const struct th_yamldoc *y, const struct th_ynode *n,
                    struct th_error *err)
{
        static const struct th_ykey keys[] = {{"type", TH_YANY, read_type},
                                              {"date", TH_YANY, read_date},
                                              {"official", TH_YANY, read_official},
                                              {NULL, 0, NULL}};
        struct election e = {out, NULL, NULL, 1};
        if (th_yamldoc_walk(y, n, keys, &e, "election", TH_ERR_PLUGIN, err) < 0)
                return -1;
        struct th_meta check;
        th_meta_init(&check);
        int bad =
            !e.date || th_meta_set(&check, "date", &e.date, 1, NULL, NULL, y->file, 0, 0, err) < 0;
        th_meta_release(&check);
        if (!e.type || bad)
                return th_yamldoc_error(y, n, TH_ERR_PLUGIN, err,
                                        "an election needs a type and a date (YYYY-MM-DD)");
        TH_GROW(out->v, out->nr + 1, out->alloc);
        out->v[out->nr].type = th_xstrdup(e.type);
        out->v[out->nr].date = th_xstrdup(e.date);
        out->v[out->nr].day = days(e.date);
        out->v[out->nr++].official = e.official;
        return 0;
}

static int by_date(const void *a, const void *b)
{
        return strcmp(((const struct th_election_entry *)a)->date,
                      ((const struct th_election_entry *)b)->date);
}

int th_elections_load(struct th_elections *out, const char *path, struct th_error *err)
{
        memset(out, 0, sizeof(*out));
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "the calendar", TH_ERR_PLUGIN, err);
        if (rc < 0)
                return -1;
        rc = read_types(out, &y, th_yamldoc_get(&y, th_yamldoc_root(&y), "types"), err);
        const struct th_ynode *list = th_yamldoc_get(&y, th_yamldoc_root(&y), "elections");
        if (rc == 0 && th_yamldoc_type(list) != TH_YLIST)
                rc = th_error_set(err, TH_ERR_PLUGIN, path, 1, 1,
                                  "expected 'elections': a list of elections");
        for (size_t i = 0; rc == 0 && i < th_yamldoc_count(list); i++)
                rc = read_one(out, &y, th_yamldoc_item(&y, list, i), err);
        th_yamldoc_release(&y);
        if (rc < 0)
                th_elections_release(out);
        else if (out->nr > 1)
                qsort(out->v, out->nr, sizeof(out->v[0]), by_date);
        return rc;
}
