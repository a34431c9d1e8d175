/* SPDX-License-Identifier: EUPL-1.2 */
/* findings.c: the list of findings of one document (see findings.h). */
#include "findings/findings.h"
#include "base/i18n.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void th_findings_tally_reset(struct th_findings *f)
{
        for (size_t i = 0; i < f->ntally; i++)
                free(f->tally[i].rule);
        f->ntally = 0;
}

/* The tally of `rule` (a document has findings of a few dozen rules at most). */
static struct th_rule_tally *tally_of(struct th_findings *f, const char *rule)
{
        for (size_t i = 0; i < f->ntally; i++)
                if (!strcmp(f->tally[i].rule, rule))
                        return &f->tally[i];
        TH_GROW(f->tally, f->ntally + 1, f->atally);
        f->tally[f->ntally] = (struct th_rule_tally){th_xstrdup(rule), 0, 0};
        return &f->tally[f->ntally++];
}

void th_findings_add(struct th_findings *f, const struct th_doc *doc, const char *rule,
                     enum th_severity severity, size_t start, size_t end, const char *message,
                     const struct th_fix *fix)
{
        struct th_rule_tally *t = tally_of(f, rule);
        if (t->kept >= TH_FINDINGS_PER_RULE) {
                t->over++;
                return;
        }
        t->kept++;
        TH_GROW(f->v, f->nr + 1, f->alloc);
        struct th_finding *x = &f->v[f->nr++];
        memset(x, 0, sizeof(*x));
        x->rule = th_xstrdup(rule);
        x->severity = severity;
        x->start = start;
        x->end = end;
        th_doc_position(doc, start, &x->line, &x->col);
        th_doc_position(doc, end, &x->end_line, &x->end_col);
        x->message = th_xstrdup(message);
        if (fix) {
                x->has_fix = 1;
                x->fix_start = fix->span.start;
                x->fix_end = fix->span.end;
                x->fix_text = th_xstrdup(fix->replacement ? fix->replacement : "");
        }
}

static int compare(const void *a, const void *b)
{
        const struct th_finding *x = a, *y = b;
        if (x->start != y->start)
                return x->start < y->start ? -1 : 1;
        if (x->end != y->end)
                return x->end < y->end ? -1 : 1;
        int c = strcmp(x->rule, y->rule);
        return c ? c : strcmp(x->message, y->message);
}

static void finding_release(struct th_finding *x)
{
        free(x->rule);
        free(x->message);
        free(x->fix_text);
}

void th_findings_remove(struct th_findings *f, size_t i)
{
        finding_release(&f->v[i]);
        memmove(&f->v[i], &f->v[i + 1], (f->nr - i - 1) * sizeof(f->v[0]));
        f->nr--;
}

void th_findings_sort(struct th_findings *f)
{
        if (f->nr > 1)
                qsort(f->v, f->nr, sizeof(f->v[0]), compare);
        for (size_t i = 1; i < f->nr;)
                if (compare(&f->v[i - 1], &f->v[i]) == 0)
                        th_findings_remove(f, i);
                else
                        i++;
}

void th_findings_release(struct th_findings *f)
{
        for (size_t i = 0; i < f->nr; i++)
                finding_release(&f->v[i]);
        free(f->v);
        th_findings_tally_reset(f);
        free(f->tally);
        memset(f, 0, sizeof(*f));
}

/* The name configuration and the machine-readable reports write; N_ because the text
 * report, --list-rules and the language server's hover show it translated. */
const char *th_severity_name(enum th_severity s)
{
        switch (s) {
        case TH_SEV_ERROR:
                return N_("error");
        case TH_SEV_WARNING:
                return N_("warning");
        case TH_SEV_INFO:
                return N_("info");
        default:
                return "off";
        }
}

int th_severity_parse(const char *s, int allow_off)
{
        for (int i = allow_off ? 0 : 1; i <= 3; i++)
                if (strcasecmp(s, th_severity_name((enum th_severity)i)) == 0)
                        return i;
        return -1;
}
