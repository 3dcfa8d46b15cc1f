/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-session.h"

G_BEGIN_DECLS

/* How many days before expiry the validity step starts to warn. */
#define PF_VALIDITY_SOON_DAYS 30

gboolean   pf_validity_get_expiry (PfSession   *session,
                                   GDate       *expiry);
GPtrArray *pf_validity_check      (PfSession   *session,
                                   const GDate *today);

G_END_DECLS
