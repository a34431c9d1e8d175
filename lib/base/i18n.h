/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * i18n.h: messages in the user's language (gettext).  The core's messages are in the text
 * domain "twohats"; a plugin names its own (struct th_plugin.textdomain), and the host
 * translates its rule texts and the formats it reports with through that domain.
 */
#ifndef TH_I18N_H
#define TH_I18N_H

#include <libintl.h>

#define TH_TEXTDOMAIN "twohats"

/* A message of the core, translated; N_ marks one for xgettext where it is only named. */
#define _(s) dgettext(TH_TEXTDOMAIN, s)
#define N_(s) s

/* `s` in `domain` (NULL: not translated). */
static inline const char *th_translate(const char *domain, const char *s)
{
        return domain && s && *s ? dgettext(domain, s) : s;
}

#endif
