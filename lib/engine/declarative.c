/* SPDX-License-Identifier: EUPL-1.2 */
/* declarative.c: rules in YAML alone (see declarative.h). */
#include "engine/declarative.h"
#include "match/lexicon.h"
#include "base/i18n.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum kind { EXISTENCE, SUBSTITUTION, COOCCURRENCE };

struct condition {
        char *key;
        char **values; /* any of them */
        size_t nvalues;
};

struct example {
        char *text;
        struct th_meta meta;
        int flag;
        unsigned line;
};

struct th_decl_rule {
        char *id, *message, *source, *summary, *explanation, *file;
        unsigned line;
        enum th_severity severity;
        enum kind kind;
        struct condition *conds;
        size_t nconds;
        long before_election; /* days, or -1 */
        char *election_type;  /* or NULL: any */
        struct th_lexicon *terms, *second, *unless;
        struct th_regex **patterns;
        size_t npatterns;
        struct example *examples;
        size_t nexamples;
};

static void rule_free(struct th_decl_rule *r)
{
        free(r->id);
        free(r->message);
        free(r->source);
        free(r->summary);
        free(r->explanation);
        free(r->file);
        for (size_t i = 0; i < r->nconds; i++) {
                free(r->conds[i].key);
                for (size_t k = 0; k < r->conds[i].nvalues; k++)
                        free(r->conds[i].values[k]);
                free(r->conds[i].values);
        }
        free(r->conds);
        free(r->election_type);
        th_lexicon_destroy(r->terms);
        th_lexicon_destroy(r->second);
        th_lexicon_destroy(r->unless);
        for (size_t i = 0; i < r->npatterns; i++)
                th_regex_free(r->patterns[i]);
        free(r->patterns);
        for (size_t i = 0; i < r->nexamples; i++) {
                free(r->examples[i].text);
                th_meta_release(&r->examples[i].meta);
        }
        free(r->examples);
        free(r);
}

void th_rule_file_free(struct th_rule_file *f)
{
        if (!f)
                return;
        for (size_t i = 0; i < f->nrules; i++)
                rule_free(f->rules[i]);
        free(f->rules);
        free(f->path);
        free(f);
}

/* Parsing ------------------------------------------------------------------- */

struct parse {
        struct th_yamldoc *y;
        struct th_error *err;
        struct th_decl_rule *r;             /* the rule being read, for messages */
        const struct th_calendar *calendar; /* for `when: date: type`, or NULL */
        const struct th_conventions *conv;  /* other spellings of metadata values, or NULL */
        /* Keys read once the rule's kind is known, or NULL. */
        const struct th_ynode *first, *second, *unless, *terms, *patterns, *swap, *when, *examples,
            *kind, *rules;
        struct example *example; /* the example being read */
        struct th_meta *meta;    /* the example's metadata */
};

static int fail_at(struct parse *p, const struct th_ynode *n, const char *what)
{
        if (p->r && p->r->id)
                return th_yamldoc_error(p->y, n, TH_ERR_USAGE, p->err, "rule '%s': %s", p->r->id,
                                        what);
        return th_yamldoc_error(p->y, n, TH_ERR_USAGE, p->err, "%s", what);
}

/* "rule 'ID'" once the rule's id is known, for the walker's messages. */
static char *rule_what(struct parse *p)
{
        return p->r && p->r->id ? th_xasprintf("rule '%s'", p->r->id) : NULL;
}

static int walk(struct parse *p, const struct th_ynode *map, const struct th_ykey *keys)
{
        char *what = rule_what(p);
        int rc = th_yamldoc_walk(p->y, map, keys, p, what, TH_ERR_USAGE, p->err);
        free(what);
        return rc;
}

/* The texts of a list node (or of one scalar); -1 when it holds something else. */
static int texts(struct parse *p, const struct th_ynode *n, const char ***out, size_t *nr)
{
        const struct th_ynode *bad;
        if (th_yamldoc_texts(p->y, n, out, nr, &bad) < 0)
                return fail_at(p, bad,
                               bad == n ? "expected a text or a list of texts" : "expected a text");
        return 0;
}

static struct th_lexicon *term_list(struct parse *p, const struct th_ynode *n, const char *part)
{
        const char **forms;
        size_t nr;
        if (texts(p, n, &forms, &nr) < 0)
                return NULL;
        if (nr == 0) {
                free(forms);
                fail_at(p, n, "expected at least one term");
                return NULL;
        }
        size_t *idx = th_xcalloc(nr, sizeof(size_t));
        for (size_t i = 0; i < nr; i++)
                idx[i] = i;
        char *name = th_xasprintf("%s/%s", p->r->id, part);
        struct th_lexicon *l = th_lexicon_create(name, p->y->file, forms, nr, forms, idx, NULL, nr);
        free(name);
        free(idx);
        free(forms);
        return l;
}

static int read_patterns(struct parse *p, const struct th_ynode *n)
{
        const char **src;
        size_t nr;
        if (texts(p, n, &src, &nr) < 0)
                return -1;
        p->r->patterns = th_xcalloc(nr ? nr : 1, sizeof(struct th_regex *));
        for (size_t i = 0; i < nr; i++) {
                char why[256], msg[512];
                size_t at = 0;
                p->r->patterns[i] = th_regex_compile(src[i], why, sizeof(why), &at);
                if (!p->r->patterns[i]) {
                        snprintf(msg, sizeof(msg),
                                 "pattern '%s' does not compile at offset %zu: %s", src[i], at,
                                 why);
                        free(src);
                        return fail_at(p, n, msg);
                }
                p->r->npatterns++;
        }
        free(src);
        return 0;
}

/* The wrong forms are data: each key is one. */
static int read_swap(struct parse *p, const struct th_ynode *n)
{
        if (th_yamldoc_type(n) != TH_YMAP)
                return fail_at(p, n, "'swap': expected a mapping {wrong: right}");
        size_t count = th_yamldoc_count(n), k = 0;
        const char **forms = th_xcalloc(count ? count : 1, sizeof(char *));
        const char **repl = th_xcalloc(count ? count : 1, sizeof(char *));
        size_t *idx = th_xcalloc(count ? count : 1, sizeof(size_t));
        for (size_t i = 0; i < count; i++) {
                const struct th_ynode *key, *v = th_yamldoc_pair(p->y, n, i, &key);
                forms[k] = th_yamldoc_scalar(key);
                repl[k] = th_yamldoc_scalar(v);
                if (!forms[k] || !repl[k]) {
                        free(forms);
                        free(repl);
                        free(idx);
                        return fail_at(p, key, "'swap': expected text: text");
                }
                idx[k] = k;
                k++;
        }
        char *name = th_xasprintf("%s/swap", p->r->id);
        p->r->terms = th_lexicon_create(name, p->y->file, repl, k, forms, idx, NULL, k);
        free(name);
        free(forms);
        free(repl);
        free(idx);
        return k ? 0 : fail_at(p, n, "'swap': expected at least one pair");
}

/* Metadata keys are data: each key is one. */
static int read_meta(struct parse *p, const struct th_ynode *n, struct th_meta *m)
{
        if (th_yamldoc_type(n) != TH_YMAP)
                return fail_at(p, n, "'meta': expected a mapping of metadata");
        for (size_t i = 0; i < th_yamldoc_count(n); i++) {
                const struct th_ynode *k, *v = th_yamldoc_pair(p->y, n, i, &k);
                const char **vals;
                size_t nr;
                if (!th_yamldoc_scalar(k))
                        return fail_at(p, k, "'meta': expected a metadata key");
                if (texts(p, v, &vals, &nr) < 0)
                        return -1;
                int rc = th_meta_set(m, th_yamldoc_scalar(k), vals, nr, NULL, p->conv, p->y->file,
                                     th_yamldoc_line(p->y, v), th_yamldoc_col(p->y, v), p->err);
                free(vals);
                if (rc < 0)
                        return -1;
        }
        return 0;
}

/* "'when: date': expected ...", at the key `at`. */
static int bad_date(struct parse *p, const struct th_ynode *at)
{
        char *what = th_xasprintf("'when: date': expected before-election (days, at least 1) and "
                                  "optionally type (%s)",
                                  p->calendar ? p->calendar->type_list(p->calendar->state)
                                              : "none: no election calendar is installed");
        int rc = fail_at(p, at, what);
        free(what);
        return rc;
}

static int read_before_election(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct parse *p = w->ctx;
        const char *dv = th_yamldoc_scalar(v);
        char *end;
        long days = dv ? strtol(dv, &end, 10) : 0;
        if (!dv || *end || days < 1)
                return bad_date(p, w->key);
        p->r->before_election = days;
        return 0;
}

static int read_election_type(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct parse *p = w->ctx;
        const char *dv = th_yamldoc_scalar(v);
        if (!dv || !p->calendar || !p->calendar->type_known(p->calendar->state, dv))
                return bad_date(p, w->key);
        free(p->r->election_type);
        p->r->election_type = th_xstrdup(dv);
        return 0;
}

/* `when: date: {before-election: DAYS, type: TYPE}`; a repeated key: the last wins. */
static int read_when_date(struct parse *p, const struct th_ynode *n)
{
        static const struct th_ykey keys[] = {{"before-election", TH_YANY, read_before_election},
                                              {"type", TH_YANY, read_election_type},
                                              {NULL, 0, NULL}};
        if (walk(p, n, keys) < 0)
                return -1;
        if (p->r->before_election < 0)
                return fail_at(p, n, "'when: date': expected before-election");
        return 0;
}

/* Metadata keys are data: each key is a condition, but for `date`. */
static int read_when(struct parse *p, const struct th_ynode *n)
{
        if (th_yamldoc_type(n) != TH_YMAP)
                return fail_at(p, n, "'when': expected a mapping of metadata conditions");
        struct th_decl_rule *r = p->r;
        for (size_t i = 0; i < th_yamldoc_count(n); i++) {
                const struct th_ynode *k, *v = th_yamldoc_pair(p->y, n, i, &k);
                const char *key = th_yamldoc_scalar(k);
                if (key && strcmp(key, "date") == 0 && th_yamldoc_type(v) == TH_YMAP) {
                        if (read_when_date(p, v) < 0)
                                return -1;
                        continue;
                }
                const char **vals;
                size_t nr;
                if (!key)
                        return fail_at(p, k, "'when': expected a metadata key");
                if (texts(p, v, &vals, &nr) < 0)
                        return -1;
                /* Each value is validated and made canonical as metadata would be. */
                struct condition c = {th_xstrdup(key), th_xcalloc(nr ? nr : 1, sizeof(char *)), 0};
                int rc = 0;
                for (size_t j = 0; rc == 0 && j < nr; j++) {
                        struct th_meta check;
                        th_meta_init(&check);
                        rc = th_meta_set(&check, key, &vals[j], 1, NULL, p->conv, p->y->file,
                                         th_yamldoc_line(p->y, v), th_yamldoc_col(p->y, v), p->err);
                        if (rc == 0)
                                c.values[c.nvalues++] = th_xstrdup(th_meta_value(&check, key, 0));
                        th_meta_release(&check);
                }
                free(vals);
                r->conds = th_xrealloc(r->conds, (r->nconds + 1) * sizeof(*r->conds));
                r->conds[r->nconds++] = c;
                if (rc < 0)
                        return -1;
        }
        return 0;
}

static int read_example_text(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct parse *p = w->ctx;
        if (!th_yamldoc_scalar(v))
                return fail_at(p, v, "an example is a text or {text, meta}");
        free(p->example->text);
        p->example->text = th_xstrdup(th_yamldoc_scalar(v));
        return 0;
}

static int read_example_meta(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct parse *p = w->ctx;
        return read_meta(p, v, &p->example->meta);
}

/* `flag:` or `pass:`: a list of examples, each a text or {text, meta}. */
static int read_examples_of(const struct th_ywalk *w, const struct th_ynode *v, int flag)
{
        static const struct th_ykey keys[] = {{"text", TH_YANY, read_example_text},
                                              {"meta", TH_YANY, read_example_meta},
                                              {NULL, 0, NULL}};
        struct parse *p = w->ctx;
        struct th_decl_rule *r = p->r;
        if (th_yamldoc_type(v) != TH_YLIST)
                return fail_at(p, w->key, "'examples': expected flag and pass lists");
        for (size_t i = 0; i < th_yamldoc_count(v); i++) {
                const struct th_ynode *e = th_yamldoc_item(p->y, v, i);
                r->examples = th_xrealloc(r->examples, (r->nexamples + 1) * sizeof(*r->examples));
                struct example *x = p->example = &r->examples[r->nexamples++];
                memset(x, 0, sizeof(*x));
                th_meta_init(&x->meta);
                x->flag = flag;
                x->line = th_yamldoc_line(p->y, e);
                if (th_yamldoc_scalar(e))
                        x->text = th_xstrdup(th_yamldoc_scalar(e));
                else if (walk(p, e, keys) < 0)
                        return -1;
                if (!x->text)
                        return fail_at(p, e, "an example is a text or {text, meta}");
        }
        return 0;
}

static int read_flag(const struct th_ywalk *w, const struct th_ynode *v)
{
        return read_examples_of(w, v, 1);
}

static int read_pass(const struct th_ywalk *w, const struct th_ynode *v)
{
        return read_examples_of(w, v, 0);
}

static int read_examples(struct parse *p, const struct th_ynode *n)
{
        static const struct th_ykey keys[] = {
            {"flag", TH_YANY, read_flag}, {"pass", TH_YANY, read_pass}, {NULL, 0, NULL}};
        if (th_yamldoc_type(n) != TH_YMAP)
                return fail_at(p, n, "'examples': expected flag and pass lists");
        return walk(p, n, keys);
}

/* A text key of a rule: `id`, `message`, `source` or `summary`. */
static int read_text(const struct th_ywalk *w, const struct th_ynode *v, char **slot)
{
        const char *s = th_yamldoc_scalar(v);
        if (!s || !*s)
                return fail_at(w->ctx, v, "expected a text");
        free(*slot);
        *slot = th_xstrdup(s);
        return 0;
}

#define RULE_TEXT(field)                                                                           \
        static int read_##field(const struct th_ywalk *w, const struct th_ynode *v)                \
        {                                                                                          \
                return read_text(w, v, &((struct parse *)w->ctx)->r->field);                       \
        }
RULE_TEXT(id)
RULE_TEXT(message)
RULE_TEXT(source)
RULE_TEXT(summary)

static int read_severity(const struct th_ywalk *w, const struct th_ynode *v)
{
        struct parse *p = w->ctx;
        const char *s = th_yamldoc_scalar(v);
        int sev = s ? th_severity_parse(s, 0) : -1;
        if (sev < 0)
                return fail_at(p, v, "'severity': expected error, warning or info");
        p->r->severity = (enum th_severity)sev;
        return 0;
}

/* Keys whose reading waits for the rule's kind: only remember the node. */
#define RULE_LATER(field)                                                                          \
        static int keep_##field(const struct th_ywalk *w, const struct th_ynode *v)                \
        {                                                                                          \
                ((struct parse *)w->ctx)->field = v;                                               \
                return 0;                                                                          \
        }
RULE_LATER(kind)
RULE_LATER(when)
RULE_LATER(terms)
RULE_LATER(patterns)
RULE_LATER(swap)
RULE_LATER(first)
RULE_LATER(second)
RULE_LATER(unless)
RULE_LATER(examples)
RULE_LATER(rules)

static const struct th_ykey rule_keys[] = {{"id", TH_YANY, read_id},
                                           {"kind", TH_YANY, keep_kind},
                                           {"severity", TH_YANY, read_severity},
                                           {"message", TH_YANY, read_message},
                                           {"source", TH_YANY, read_source},
                                           {"summary", TH_YANY, read_summary},
                                           {"when", TH_YANY, keep_when},
                                           {"terms", TH_YANY, keep_terms},
                                           {"patterns", TH_YANY, keep_patterns},
                                           {"swap", TH_YANY, keep_swap},
                                           {"first", TH_YANY, keep_first},
                                           {"second", TH_YANY, keep_second},
                                           {"unless", TH_YANY, keep_unless},
                                           {"examples", TH_YANY, keep_examples},
                                           {NULL, 0, NULL}};

static int read_rule(struct parse *p, const struct th_ynode *n, struct th_decl_rule *r)
{
        if (th_yamldoc_type(n) != TH_YMAP)
                return fail_at(p, n, "expected a rule: a mapping with id, kind, message, ...");
        r->before_election = -1;
        r->severity = TH_SEV_WARNING;
        p->first = p->second = p->unless = p->terms = p->patterns = p->swap = p->when =
            p->examples = p->kind = NULL;
        /* An unknown key names the rule even when it comes before the id. */
        const char *id = th_yamldoc_scalar(th_yamldoc_get(p->y, n, "id"));
        char *what = id ? th_xasprintf("rule '%s'", id) : NULL;
        int rc = th_yamldoc_walk(p->y, n, rule_keys, p, what, TH_ERR_USAGE, p->err);
        free(what);
        if (rc < 0)
                return -1;
        if (!r->id || !strchr(r->id, '/') || r->id[0] == '/')
                return fail_at(p, n, "a rule needs an 'id' of the form NAMESPACE/NAME");
        if (!r->message)
                return fail_at(p, n, "a rule needs a 'message'");
        const char *k = th_yamldoc_scalar(p->kind);
        if (!k ||
            (strcmp(k, "existence") && strcmp(k, "substitution") && strcmp(k, "co-occurrence")))
                return fail_at(p, p->kind ? p->kind : n,
                               "'kind': expected existence, substitution or co-occurrence");
        r->kind = !strcmp(k, "existence")      ? EXISTENCE
                  : !strcmp(k, "substitution") ? SUBSTITUTION
                                               : COOCCURRENCE;
        if (r->kind == EXISTENCE && !p->terms && !p->patterns)
                return fail_at(p, n, "an existence rule needs terms or patterns");
        if (r->kind == SUBSTITUTION && !p->swap)
                return fail_at(p, n, "a substitution rule needs 'swap'");
        if (r->kind == COOCCURRENCE && (!p->first || !p->second))
                return fail_at(p, n, "a co-occurrence rule needs 'first' and 'second'");
        if ((p->terms && r->kind != EXISTENCE) || (p->swap && r->kind != SUBSTITUTION) ||
            ((p->first || p->second) && r->kind != COOCCURRENCE) ||
            (p->patterns && r->kind != EXISTENCE))
                return fail_at(p, n, "these keys do not go with this kind of rule");
        if ((p->terms && !(r->terms = term_list(p, p->terms, "terms"))) ||
            (p->patterns && read_patterns(p, p->patterns) < 0) ||
            (p->swap && read_swap(p, p->swap) < 0) ||
            (p->first && !(r->terms = term_list(p, p->first, "first"))) ||
            (p->second && !(r->second = term_list(p, p->second, "second"))) ||
            (p->unless && !(r->unless = term_list(p, p->unless, "unless"))) ||
            (p->when && read_when(p, p->when) < 0) ||
            (p->examples && read_examples(p, p->examples) < 0))
                return -1;
        if (!p->examples)
                return fail_at(p, n, "a rule needs examples that flag and that pass");
        return 0;
}

static void explain(struct th_decl_rule *r)
{
        struct th_buf b = {0};
        th_buf_addf(&b, "%s\n\n", r->message);
        if (r->source)
                th_buf_addf(&b, "Source: %s\n\n", r->source);
        /* the file's name, not its path: the text reaches SARIF and other machines */
        const char *name = strrchr(r->file, '/');
        th_buf_addf(&b, "A declarative rule (%s) from %s, line %u.\n",
                    r->kind == EXISTENCE      ? "existence"
                    : r->kind == SUBSTITUTION ? "substitution, with a fix"
                                              : "co-occurrence",
                    name ? name + 1 : r->file, r->line);
        for (int flag = 1; flag >= 0; flag--)
                for (size_t i = 0; i < r->nexamples; i++)
                        if (r->examples[i].flag == flag) {
                                th_buf_addf(&b, "\n%s  %s",
                                            flag ? "Flags:" : "Clean:", r->examples[i].text);
                                break;
                        }
        th_buf_addf(&b,
                    "\n\nSuppress with a reason:\n  <!-- twohats-disable-next-line %s -- "
                    "reason -->",
                    r->id);
        r->explanation = th_buf_detach(&b);
        if (!r->summary)
                r->summary = th_xstrdup(r->message);
}

struct th_rule_file *th_rule_file_load(const char *path, const struct th_calendar *calendar,
                                       const struct th_conventions *conv, struct th_error *err)
{
        struct th_yamldoc y;
        int rc = th_yamldoc_load_file(&y, path, "rule file", TH_ERR_USAGE, err);
        if (rc < 0)
                return NULL;
        struct th_rule_file *f = th_xcalloc(1, sizeof(*f));
        f->path = th_xstrdup(path);
        struct parse p = {.y = &y, .err = err, .calendar = calendar, .conv = conv};
        static const struct th_ykey file_keys[] = {{"rules", TH_YANY, keep_rules}, {NULL, 0, NULL}};
        const struct th_ynode *root = th_yamldoc_root(&y);
        rc = th_yamldoc_walk(&y, root, file_keys, &p, NULL, TH_ERR_USAGE, err);
        const struct th_ynode *list = p.rules;
        if (rc == 0 && th_yamldoc_type(list) != TH_YLIST)
                rc = fail_at(&p, root, "expected 'rules': a list of rules");
        for (size_t i = 0; rc == 0 && i < th_yamldoc_count(list); i++) {
                struct th_decl_rule *r = th_xcalloc(1, sizeof(*r));
                const struct th_ynode *n = th_yamldoc_item(&y, list, i);
                r->file = th_xstrdup(path);
                r->line = th_yamldoc_line(&y, n);
                f->rules = th_xrealloc(f->rules, (f->nrules + 1) * sizeof(*f->rules));
                f->rules[f->nrules++] = r;
                p.r = r;
                rc = read_rule(&p, n, r);
                for (size_t j = 0; rc == 0 && j + 1 < f->nrules; j++)
                        if (!strcmp(f->rules[j]->id, r->id))
                                rc = fail_at(&p, n, "this id is already used in this file");
                if (rc == 0)
                        explain(r);
        }
        th_yamldoc_release(&y);
        if (rc < 0) {
                th_rule_file_free(f);
                return NULL;
        }
        return f;
}

/* Matching ------------------------------------------------------------------ */

const char *th_decl_rule_id(const struct th_decl_rule *r)
{
        return r->id;
}

enum th_severity th_decl_rule_severity(const struct th_decl_rule *r)
{
        return r->severity;
}

const char *th_decl_rule_summary(const struct th_decl_rule *r)
{
        return r->summary;
}

const char *th_decl_rule_explanation(const struct th_decl_rule *r)
{
        return r->explanation;
}

static int applies(const struct th_decl_rule *r, const struct th_doc *doc,
                   const struct th_calendar *calendar)
{
        for (size_t i = 0; i < r->nconds; i++) {
                const char *v = th_meta_value(&doc->meta, r->conds[i].key, 0);
                int any = 0;
                for (size_t k = 0; v && k < r->conds[i].nvalues; k++)
                        any |= !strcmp(v, r->conds[i].values[k]);
                if (!any)
                        return 0;
        }
        if (r->before_election < 0)
                return 1;
        const char *date = th_meta_value(&doc->meta, "date", 0);
        return date && calendar &&
               calendar->within(calendar->state, date, r->election_type, r->before_election);
}

static int has_term(const struct th_lexicon *l, struct th_scratch *s, const char *text,
                    struct th_span in)
{
        size_t a, b;
        const char *t;
        return l && th_lexicon_find(l, s, text, in.end, in.start, &a, &b, &t) == 1;
}

static int limit(const struct th_decl_rule *r, const struct th_doc *doc, struct th_scratch *s,
                 struct th_error *err)
{
        return th_error_set(err, TH_ERR_PLUGIN, r->file, r->line, 0,
                            "rule '%s' stopped on %s: %s; its other findings there are lost", r->id,
                            doc->path, th_scratch_error(s));
}

int th_decl_rule_check(const struct th_decl_rule *r, enum th_severity sev, const struct th_doc *doc,
                       const struct th_calendar *calendar, struct th_scratch *s,
                       struct th_findings *out, struct th_error *err)
{
        if (sev == TH_SEV_OFF || !applies(r, doc, calendar))
                return 0;
        const char *text = doc->prose;
        size_t a, b;
        const char *term;
        int rc = 0;
        if (r->kind == COOCCURRENCE) {
                for (size_t i = 0; i < doc->sentences.nr; i++) {
                        struct th_span in = {doc->sentences.v[i].start, doc->sentences.v[i].end};
                        if (has_term(r->terms, s, text, in) && has_term(r->second, s, text, in) &&
                            !has_term(r->unless, s, text, in))
                                th_findings_add(out, doc, r->id, sev, in.start, in.end, r->message,
                                                NULL);
                }
                return 0;
        }
        for (size_t at = 0; r->terms && (rc = th_lexicon_find(r->terms, s, text, doc->len, at, &a,
                                                              &b, &term)) == 1;
             at = b) {
                if (r->unless && has_term(r->unless, s, text, th_doc_sentence_at(doc, a)))
                        continue;
                struct th_fix fix = {{a, b}, term};
                char *msg = r->kind == SUBSTITUTION
                                ? th_xasprintf("%s (\"%.*s\" -> \"%s\")", r->message, (int)(b - a),
                                               doc->text + a, term)
                                : th_xstrdup(r->message);
                th_findings_add(out, doc, r->id, sev, a, b, msg,
                                r->kind == SUBSTITUTION ? &fix : NULL);
                free(msg);
        }
        if (r->terms && rc < 0)
                return limit(r, doc, s, err);
        /* A pattern matches within a sentence, in pieces of TH_DECL_WINDOW bytes of a long
         * one.  The match limit bounds one call, but not a lookahead that scans to the end
         * from every word ("\\b\\w+(?=.*x)"): from each start a call may look at the rest
         * of what it sees, so it is charged (starts tried) x (bytes it sees), and the
         * charges are budgeted per document (4 MB of such a pattern would otherwise run
         * for hours; the pieces alone bound it to the text's size times the piece's). */
        uint64_t spent = 0;
        for (size_t i = 0; i < r->npatterns; i++) {
                size_t ov[2];
                for (size_t k = 0; k < doc->sentences.nr; k++) {
                        size_t end = doc->sentences.v[k].end;
                        for (size_t at = doc->sentences.v[k].start; at < end;) {
                                size_t stop = end - at > TH_DECL_WINDOW ? at + TH_DECL_WINDOW : end;
                                rc = th_regex_find(r->patterns[i], s, text, stop, at, ov, 1);
                                if (rc < 0)
                                        return limit(r, doc, s, err);
                                spent += (uint64_t)((rc ? ov[0] : stop) - at + 1) * (stop - at);
                                if (spent > TH_DECL_BUDGET) {
                                        th_scratch_fail(s, "its patterns ran past the time a "
                                                           "document may take (see "
                                                           "twohats-rules(5))");
                                        return limit(r, doc, s, err);
                                }
                                if (rc == 0) {
                                        at = stop; /* the next piece */
                                        continue;
                                }
                                if (!r->unless ||
                                    !has_term(r->unless, s, text, th_doc_sentence_at(doc, ov[0])))
                                        th_findings_add(out, doc, r->id, sev, ov[0], ov[1],
                                                        r->message, NULL);
                                at = ov[1] > at ? ov[1] : at + 1;
                        }
                }
        }
        return 0;
}

size_t th_decl_rule_examples(const struct th_decl_rule *r)
{
        return r->nexamples;
}

int th_decl_rule_example(const struct th_decl_rule *r, size_t i, const char **text,
                         const struct th_meta **meta, unsigned *line)
{
        *text = r->examples[i].text;
        *meta = &r->examples[i].meta;
        *line = r->examples[i].line;
        return r->examples[i].flag;
}

int th_rule_file_verify(const struct th_rule_file *f, const struct th_calendar *calendar,
                        const struct th_conventions *conv, struct th_scratch *s,
                        struct th_error *err)
{
        for (size_t i = 0; i < f->nrules; i++) {
                const struct th_decl_rule *r = f->rules[i];
                int flags = 0, passes = 0;
                for (size_t k = 0; k < r->nexamples; k++) {
                        const struct example *x = &r->examples[k];
                        struct th_doc doc;
                        struct th_doc_options opt = {TH_MARKUP_MARKDOWN, 0, NULL, &x->meta, conv};
                        struct th_findings found = {0};
                        if (th_doc_build(&doc, "example", th_xstrdup(x->text), strlen(x->text),
                                         &opt, err) < 0 ||
                            th_decl_rule_check(r, r->severity, &doc, calendar, s, &found, err) <
                                0) {
                                th_doc_release(&doc);
                                th_findings_release(&found);
                                return -1;
                        }
                        int ok = x->flag ? found.nr > 0 : found.nr == 0;
                        th_findings_release(&found);
                        th_doc_release(&doc);
                        if (!ok)
                                return th_error_set(err, TH_ERR_USAGE, f->path, x->line, 0,
                                                    "rule '%s' refused: its example \"%s\" %s",
                                                    r->id, x->text,
                                                    x->flag ? _("must flag but gives no finding")
                                                            : _("must pass but gives a finding"));
                        flags += x->flag;
                        passes += !x->flag;
                }
                if (!flags || !passes)
                        return th_error_set(err, TH_ERR_USAGE, f->path, r->line, 0,
                                            "rule '%s' refused: it needs at least one example "
                                            "that flags and one that passes",
                                            r->id);
        }
        return 0;
}
