/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-reading-vote.h"

G_BEGIN_DECLS

char  *pf_detail_doubt_describe (PfReadingDoubt      doubt,
                                 const char * const *readings,
                                 gboolean            markup);

G_END_DECLS
