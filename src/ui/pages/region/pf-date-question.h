/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-date.h"

G_BEGIN_DECLS

#define PF_TYPE_DATE_QUESTION (pf_date_question_get_type ())

G_DECLARE_FINAL_TYPE (PfDateQuestion, pf_date_question, PF, DATE_QUESTION, AdwBin)

void         pf_date_question_ask       (PfDateQuestion *self,
                                         const GDate    *day_first,
                                         const GDate    *month_first);
PfDateOrder  pf_date_question_get_order (PfDateQuestion *self);
void         pf_date_question_set_order (PfDateQuestion *self,
                                         PfDateOrder     order);

G_END_DECLS
