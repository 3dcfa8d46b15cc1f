/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_SUMMARY_STEP (pf_summary_step_get_type ())

G_DECLARE_FINAL_TYPE (PfSummaryStep, pf_summary_step, PF, SUMMARY_STEP, AdwBin)

GtkWidget *pf_summary_step_new      (PfStep         step);
PfStep     pf_summary_step_get_step (PfSummaryStep *self);
void       pf_summary_step_update   (PfSummaryStep *self,
                                     PfSession     *session);

G_END_DECLS
