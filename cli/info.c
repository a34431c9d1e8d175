/* SPDX-License-Identifier: EUPL-1.2 */
/* cli_info.c: --list-rules, --explain and --print-config (see cli.h). */
#include "cli.h"
#include "base/i18n.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int th_cli_list_rules(struct th_cli *cli)
{
        size_t n = th_engine_rule_count(cli->engine), width = 4;
        for (size_t i = 0; i < n; i++)
                if (strlen(th_engine_rule(cli->engine, i)->id) > width)
                        width = strlen(th_engine_rule(cli->engine, i)->id);
        int sev = (int)strlen(_("SEVERITY")); /* the names are translated: "waarschuwing" */
        for (int s = TH_SEV_INFO; s <= TH_SEV_ERROR; s++)
                if ((int)strlen(_(th_severity_name((enum th_severity)s))) > sev)
                        sev = (int)strlen(_(th_severity_name((enum th_severity)s)));
        printf("%-*s  %-*s  %-16s  %s\n", (int)width, _("RULE"), sev, _("SEVERITY"), _("PLUGIN"),
               _("SUMMARY"));
        for (size_t i = 0; i < n; i++) {
                const struct th_rule_info *r = th_engine_rule(cli->engine, i);
                printf("%-*s  %-*s  %-16s  %s\n", (int)width, r->id, sev,
                       _(th_severity_name(r->severity)), r->plugin, th_rule_summary(r));
        }
        return TH_EXIT_OK;
}

int th_cli_explain(struct th_cli *cli, const char *rule)
{
        const struct th_rule_info *r = th_engine_find_rule(cli->engine, rule);
        if (!r) {
                fprintf(stderr, _("twohats: unknown rule '%s' (twohats --list-rules shows them)\n"),
                        rule);
                return TH_EXIT_USAGE;
        }
        printf(_("%s (%s, plugin %s)\n%s\n\n%s\n"), r->id, _(th_severity_name(r->severity)),
               r->plugin, th_rule_summary(r), th_rule_explanation(r));
        return TH_EXIT_OK;
}

static void print_meta(const struct th_meta *m, const char *indent)
{
        for (size_t i = 0; i < m->nr; i++) {
                const struct th_meta_entry *e = &m->entries[i];
                printf("%s%s: ", indent, e->key);
                if (e->nr == 1) {
                        printf("\"%s\"\n", e->values[0]);
                        continue;
                }
                printf("[");
                for (size_t k = 0; k < e->nr; k++)
                        printf("%s\"%s\"", k ? ", " : "", e->values[k]);
                printf("]\n");
        }
}

int th_cli_print_config(struct th_cli *cli, const char *path)
{
        struct th_error err = {0};
        const struct th_config *c = th_session_config_for(cli->session, path, &err);
        if (!c) {
                int status = th_cli_error(&err);
                th_error_release(&err);
                return status;
        }
        printf("# configuration for %s: %s\n", path, c->path ? c->path : "built-in defaults");
        printf("extensions: [");
        for (size_t i = 0; i < c->nextensions; i++)
                printf("%s%s", i ? ", " : "", c->extensions[i]);
        printf("]\nrules:\n");
        for (size_t i = 0; i < th_engine_rule_count(cli->engine); i++) {
                const struct th_rule_info *r = th_engine_rule(cli->engine, i);
                enum th_severity s = th_engine_severity(cli->engine, c, r->id);
                printf("  %s: %s%s\n", r->id, th_severity_name(s),
                       s != r->severity ? "  # configured" : "");
        }
        printf("plugins:\n");
        for (size_t i = 0; i < th_engine_plugin_count(cli->engine); i++) {
                const struct th_plugin_info *p = th_engine_plugin(cli->engine, i);
                const struct th_plugin_setting *ps = th_config_plugin(c, p->name);
                printf("  %s:  # %s %s\n    enabled: %s\n", p->name, p->path, p->version,
                       ps && !ps->enabled ? "false" : "true");
                if (!p->options || !p->options->name)
                        continue;
                printf("    options:\n");
                for (const struct th_option *o = p->options; o->name; o++) {
                        const char *v = o->default_value;
                        for (size_t k = 0; ps && k < ps->noptions; k++)
                                if (strcmp(ps->options[k].name, o->name) == 0)
                                        v = ps->options[k].value;
                        printf("      %s: %s\n", o->name, v);
                }
        }
        struct th_meta m;
        th_meta_init(&m);
        th_config_meta_for(c, path, &m);
        th_meta_copy(&m, &cli->meta);
        printf("metadata:%s\n", m.nr ? "" : " {}");
        print_meta(&m, "  ");
        th_meta_release(&m);
        return TH_EXIT_OK;
}
