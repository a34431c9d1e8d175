/* SPDX-License-Identifier: EUPL-1.2 */
/* suppress.c: suppression comments (see suppress.h). */
#include "document/suppress.h"
#include "base/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
        const char *word;
        enum th_suppress_kind kind;
} directives[] = {{"twohats-disable-next-line", TH_SUP_NEXT_LINE},
                  {"twohats-disable", TH_SUP_DISABLE},
                  {"twohats-enable", TH_SUP_ENABLE},
                  {NULL, TH_SUP_UNKNOWN}};

const char *th_suppress_kind_name(enum th_suppress_kind k)
{
        for (size_t i = 0; directives[i].word; i++)
                if (directives[i].kind == k)
                        return directives[i].word;
        return "unknown";
}

/* A template where a reason belongs: the editor's quick fix leaves "REASON: ..." for
 * the author to replace, and "TODO", "<why>" or "..." say no more.  A one-click
 * suppression must not pass for a decision. */
static int placeholder(const char *reason)
{
        static const char *const markers[] = {"REASON", "TODO", "FIXME", "XXX", "TBD", NULL};
        static const char *const whole[] = {
            "reason", "why", "because", "n/a", "none", "why this may go out", NULL};
        for (size_t i = 0; markers[i]; i++)
                for (const char *p = reason; (p = strstr(p, markers[i])); p++)
                        if ((p == reason || !isalnum((unsigned char)p[-1])) &&
                            !isalnum((unsigned char)p[strlen(markers[i])]))
                                return 1; /* the marker as a word of its own, in capitals */
        size_t n = strlen(reason);
        if (n && ((reason[0] == '<' && reason[n - 1] == '>') ||
                  (reason[0] == '[' && reason[n - 1] == ']')))
                return 1;
        while (n && ispunct((unsigned char)reason[n - 1]))
                n--; /* "why this may go out." */
        int letters = 0;
        for (size_t i = 0; i < n; i++)
                letters += isalpha((unsigned char)reason[i]) || (unsigned char)reason[i] >= 0x80;
        if (!letters)
                return 1; /* "...", "-", "?" */
        for (size_t i = 0; whole[i]; i++)
                if (strlen(whole[i]) == n && !strncasecmp(reason, whole[i], n))
                        return 1;
        return 0;
}

static char *trimmed(const char *s, size_t n)
{
        while (n && isspace((unsigned char)*s))
                s++, n--;
        while (n && isspace((unsigned char)s[n - 1]))
                n--;
        return th_xstrndup(s, n);
}

/* Parse the body of one comment (between "<!--" and "-->"). */
static int parse(const char *body, size_t n, struct th_suppression *s)
{
        char *text = trimmed(body, n);
        if (strncmp(text, "twohats-", 8) != 0) {
                free(text);
                return 0;
        }
        size_t wlen = strcspn(text, " \t\r\n");
        s->directive = th_xstrndup(text, wlen);
        s->kind = TH_SUP_UNKNOWN;
        for (size_t i = 0; directives[i].word; i++)
                if (strcmp(s->directive, directives[i].word) == 0)
                        s->kind = directives[i].kind;
        char *rest = text + wlen;
        char *sep = NULL;
        for (char *p = rest; (p = strstr(p, "--")); p += 2)
                if (p == rest || isspace((unsigned char)p[-1])) {
                        sep = p;
                        break;
                }
        if (sep) {
                char *reason = trimmed(sep + 2, strlen(sep + 2));
                if (*reason) {
                        s->reason = reason;
                        s->placeholder = placeholder(reason);
                } else {
                        free(reason);
                }
                *sep = '\0';
        }
        size_t alloc = 0;
        for (char *tok = strtok_r(rest, " \t\r\n,", &sep); tok;
             tok = strtok_r(NULL, " \t\r\n,", &sep)) {
                TH_GROW(s->rules, s->nrules + 1, alloc);
                s->rules[s->nrules++] = th_xstrdup(tok);
        }
        free(text);
        return 1;
}

void th_suppressions_find(const struct th_doc *doc, struct th_suppressions *out)
{
        for (size_t h = 0; h < doc->html.nr; h++) {
                size_t at = doc->html.v[h].start, end = doc->html.v[h].end;
                while (at + 4 <= end) {
                        if (memcmp(doc->text + at, "<!--", 4) != 0) {
                                at++;
                                continue;
                        }
                        size_t close = at + 4;
                        while (close + 3 <= end && memcmp(doc->text + close, "-->", 3) != 0)
                                close++;
                        if (close + 3 > end)
                                break;
                        struct th_suppression s;
                        memset(&s, 0, sizeof(s));
                        if (parse(doc->text + at + 4, close - at - 4, &s)) {
                                s.start = at;
                                s.end = close + 3;
                                unsigned col;
                                th_doc_position(doc, s.start, &s.line, &col);
                                th_doc_position(doc, s.end, &s.end_line, &col);
                                TH_GROW(out->v, out->nr + 1, out->alloc);
                                out->v[out->nr++] = s;
                        }
                        at = close + 3;
                }
        }
}

void th_suppressions_release(struct th_suppressions *s)
{
        for (size_t i = 0; i < s->nr; i++) {
                for (size_t k = 0; k < s->v[i].nrules; k++)
                        free(s->v[i].rules[k]);
                free(s->v[i].rules);
                free(s->v[i].reason);
                free(s->v[i].directive);
        }
        free(s->v);
        memset(s, 0, sizeof(*s));
}

int th_rule_pattern_covers(const char *pattern, const char *rule)
{
        size_t n = strlen(pattern);
        return strcmp(pattern, rule) == 0 || (strncmp(pattern, rule, n) == 0 && rule[n] == '/');
}

static int covers(const struct th_suppression *s, const char *rule)
{
        if (s->nrules == 0)
                return 1;
        for (size_t i = 0; i < s->nrules; i++)
                if (th_rule_pattern_covers(s->rules[i], rule))
                        return 1;
        return 0;
}

int th_suppressed(const struct th_suppressions *s, const char *rule, size_t offset, unsigned line)
{
        int disabled = 0;
        for (size_t i = 0; i < s->nr; i++) {
                const struct th_suppression *x = &s->v[i];
                if (x->kind == TH_SUP_NEXT_LINE && x->end_line + 1 == line && covers(x, rule))
                        return 1;
                if (x->end > offset)
                        continue;
                /* Comments are in document order: the last one before the offset decides. */
                if (x->kind == TH_SUP_DISABLE && covers(x, rule))
                        disabled = 1;
                else if (x->kind == TH_SUP_ENABLE && covers(x, rule))
                        disabled = 0;
        }
        return disabled;
}
