/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-compare.h"

G_BEGIN_DECLS

void   pf_detail_free_zeroed (char               *text);
char  *pf_detail_diff_markup (const PfComparison *comparison,
                              gboolean            typed_side);
char  *pf_detail_diff_words  (const PfComparison *comparison);

G_END_DECLS
