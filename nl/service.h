/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * service.h: the Dutch model as a host service (the table of
 * <twohats/nl.h>), for a front-end to register with an engine:
 *
 *     th_engine_add_service(engine, &th_nl_provider, &err);
 */
#ifndef TH_NL_SERVICE_H
#define TH_NL_SERVICE_H

#include "engine/service.h"

extern const struct th_service_provider th_nl_provider;

#endif
