/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_text.c: findings for people: the place, the message, the source
 * line and a marker under the span; colour only when asked (a terminal
 * without NO_COLOR).
 */
#include "report/report.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static const char *severity_color(enum th_severity s)
{
        return s == TH_SEV_ERROR ? "\033[1;31m" : s == TH_SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

/* The start of the code point that holds byte `at` of `text`. */
static size_t char_start(const char *text, size_t at)
{
        while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
                at--;
        return at;
}

/* Print the source line of the finding and a marker under its first line.  A long line
 * is shown from a little before the finding to a little after it, "…" marking what is
 * left out: a line of 1 MB under each of its findings would make gigabytes. */
static void show_source(FILE *out, const struct th_doc *doc, const struct th_finding *x, int color)
{
        enum { BEFORE = 60, AFTER = 120 };
        size_t l = x->line - 1;
        size_t start = doc->lines[l];
        size_t end = l + 1 < doc->nlines ? doc->lines[l + 1] : doc->len;
        while (end > start && (doc->text[end - 1] == '\n' || doc->text[end - 1] == '\r'))
                end--;
        size_t from = start, to = end;
        if (end - start > BEFORE + AFTER) {
                if (x->start > start + BEFORE)
                        from = char_start(doc->text, x->start - BEFORE);
                if (end > x->start + AFTER && x->start + AFTER > from)
                        to = char_start(doc->text, x->start + AFTER);
        }
        char *line = th_utf8_printable(doc->text + from, to - from, 1);
        fprintf(out, "%5u | %s%s%s\n      | %s", x->line, from > start ? "\u2026" : "", line,
                to < end ? "\u2026" : "", from > start ? " " : "");
        free(line);
        size_t mark_end = x->end < to ? x->end : to;
        if (color)
                fputs(severity_color(x->severity), out);
        for (size_t i = from; i < mark_end || i == x->start;) {
                size_t n;
                th_utf8_decode((const unsigned char *)doc->text + i, doc->len - i, &n);
                if (i >= x->start)
                        fputc(i == x->start ? '^' : '~', out);
                else
                        fputc(doc->text[i] == '\t' ? '\t' : ' ', out);
                if (i >= doc->len)
                        break;
                i += n;
        }
        fputs(color ? "\033[0m\n" : "\n", out);
}

void th_report_text_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        /* the text quoted may hold escape sequences, the path a newline: neither reaches
         * the terminal as it is */
        char *path = th_utf8_printable(doc->path, strlen(doc->path), 1);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                char *message = th_utf8_printable(x->message, strlen(x->message), 1);
                char *rule = th_utf8_printable(x->rule, strlen(x->rule), 1);
                if (r->color)
                        fprintf(r->out, "\033[1m%s:%u:%u:\033[0m %s%s:\033[0m %s [%s]\n", path,
                                x->line, th_report_column(r, doc, x), severity_color(x->severity),
                                _(th_severity_name(x->severity)), message, rule);
                else
                        fprintf(r->out, "%s:%u:%u: %s: %s [%s]\n", path, x->line,
                                th_report_column(r, doc, x), _(th_severity_name(x->severity)),
                                message, rule);
                free(message);
                free(rule);
                show_source(r->out, doc, x, r->color);
        }
        free(path);
}

/* A counted phrase ("3 findings"), kept until free_counted(): four at most at a time. */
static char *phrases[4];
static size_t nphrases;

static const char *counted(const char *fmt, size_t n)
{
        char *p = th_xasprintf(fmt, n);
        if (nphrases < 4)
                phrases[nphrases++] = p;
        return p;
}

static void free_counted(void)
{
        while (nphrases)
                free(phrases[--nphrases]);
}

void th_report_text_end(struct th_report *r)
{
        if (r->nfindings) {
                /* TRANSLATORS: "3 findings (1 error, 2 warnings, 0 info) in 2 documents",
                 * built from four counted phrases */
                fprintf(
                    r->out, _("\n%s (%s, %s, %zu info) in %s\n"),
                    counted(ngettext("%zu finding", "%zu findings", r->nfindings), r->nfindings),
                    counted(ngettext("%zu error", "%zu errors", r->counts[TH_SEV_ERROR]),
                            r->counts[TH_SEV_ERROR]),
                    counted(ngettext("%zu warning", "%zu warnings", r->counts[TH_SEV_WARNING]),
                            r->counts[TH_SEV_WARNING]),
                    r->counts[TH_SEV_INFO],
                    counted(ngettext("%zu document", "%zu documents", r->ndocs), r->ndocs));
                free_counted();
        }
        /* what folders held and twohats did not read, so that a pass is never silent */
        if (r->skipped_files) {
                fprintf(r->out,
                        ngettext("%zu file in folders skipped:", "%zu files in folders skipped:",
                                 r->skipped_files),
                        r->skipped_files);
                for (size_t i = 0; i < r->nskipped; i++)
                        fprintf(r->out, "%s %s (%zu)", i ? "," : "",
                                *r->skipped[i].type ? r->skipped[i].type : _("no extension"),
                                r->skipped[i].n);
                fputc('\n', r->out);
        }
        if (r->skipped_links)
                fprintf(r->out,
                        ngettext("%zu symbolic link in folders not followed (--follow-symlinks)\n",
                                 "%zu symbolic links in folders not followed (--follow-symlinks)\n",
                                 r->skipped_links),
                        r->skipped_links);
}
