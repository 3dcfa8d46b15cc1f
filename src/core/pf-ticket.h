/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pf-session.h"

G_BEGIN_DECLS

/**
 * PfTicketTried:
 * @PF_TICKET_TRIED_NONE: nothing ticked
 * @PF_TICKET_TRIED_WAITED: the person waited a while before trying again
 * @PF_TICKET_TRIED_STABLE_CONNECTION: they used a stable connection
 * @PF_TICKET_TRIED_PHONE_APP: they tried the service's phone app
 *
 * What the person says they tried, from the summary's "If you still can't
 * find it" list. Fixed sentences only, so nothing personal can slip in.
 */
typedef enum
{
  PF_TICKET_TRIED_NONE = 0,
  PF_TICKET_TRIED_WAITED = 1 << 0,
  PF_TICKET_TRIED_STABLE_CONNECTION = 1 << 1,
  PF_TICKET_TRIED_PHONE_APP = 1 << 2,
} PfTicketTried;

char     *pf_ticket_build                (PfSession     *session,
                                          PfTicketTried  tried);
gboolean  pf_step_may_quote_details      (PfStep         step);
guint     pf_findings_count_severity     (GPtrArray     *findings,
                                          PfSeverity     severity);

G_END_DECLS
