/* elections.c: the election calendar (see elections.h). */
#include "elections.h"
#include "meta.h"
#include "util.h"
#include "yamldoc.h"

#include <stdlib.h>
#include <string.h>

static const char *const types[] = {"tweede-kamer",
                                    "eerste-kamer",
                                    "gemeenteraad",
                                    "provinciale-staten",
                                    "waterschappen",
                                    "europees-parlement",
                                    NULL};

void th_elections_release(struct th_elections *e)
{
        for (size_t i = 0; i < e->nr; i++) {
                free(e->v[i].type);
                free(e->v[i].date);
        }
        free(e->v);
        memset(e, 0, sizeof(*e));
}

int th_election_type_known(const char *t)
{
        for (size_t i = 0; types[i]; i++)
                if (strcmp(types[i], t) == 0)
                        return 1;
        return 0;
}

static int read_one(struct th_elections *out, struct th_yamldoc *y, yaml_node_t *n,
                    struct th_error *err)
{
        const char *type = NULL, *date = NULL;
        int official = 1;
        for (yaml_node_pair_t *p = n->type == YAML_MAPPING_NODE ? n->data.mapping.pairs.start
                                                                : NULL;
             p && p < n->data.mapping.pairs.top; p++) {
                yaml_node_t *kn = th_yamldoc_node(y, p->key), *vn = th_yamldoc_node(y, p->value);
                const char *k = th_yamldoc_scalar(kn), *v = th_yamldoc_scalar(vn);
                if (k && v && strcmp(k, "type") == 0 && th_election_type_known(v))
                        type = v;
                else if (k && v && strcmp(k, "date") == 0 && strlen(v) == 10)
                        date = v;
                else if (!k || !v || strcmp(k, "official") != 0 ||
                         th_yamldoc_bool(v, &official) < 0)
                        return th_yamldoc_error(y, vn, TH_ERR_PLUGIN, err,
                                                "expected type (tweede-kamer, eerste-kamer, "
                                                "gemeenteraad, provinciale-staten, waterschappen, "
                                                "europees-parlement), date (YYYY-MM-DD) and "
                                                "official (true or false)");
        }
        struct th_meta check;
        th_meta_init(&check);
        int bad = !date || th_meta_set(&check, "date", &date, 1, NULL, y->file, 0, 0, err) < 0;
        th_meta_release(&check);
        if (!type || bad)
                return th_yamldoc_error(y, n, TH_ERR_PLUGIN, err,
                                        "an election needs a type and a date (YYYY-MM-DD)");
        TH_GROW(out->v, out->nr + 1, out->alloc);
        out->v[out->nr].type = th_xstrdup(type);
        out->v[out->nr].date = th_xstrdup(date);
        out->v[out->nr++].official = official;
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
        yaml_node_t *list = th_yamldoc_get(&y, th_yamldoc_root(&y), "elections");
        if (!list || list->type != YAML_SEQUENCE_NODE)
                rc = th_error_set(err, TH_ERR_PLUGIN, path, 1, 1,
                                  "expected 'elections': a list of elections");
        for (yaml_node_item_t *it = rc == 0 ? list->data.sequence.items.start : NULL;
             rc == 0 && it < list->data.sequence.items.top; it++)
                rc = read_one(out, &y, th_yamldoc_node(&y, *it), err);
        th_yamldoc_release(&y);
        if (rc < 0)
                th_elections_release(out);
        else if (out->nr > 1)
                qsort(out->v, out->nr, sizeof(out->v[0]), by_date);
        return rc;
}
