/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_STEP_ROW (pf_step_row_get_type ())

G_DECLARE_FINAL_TYPE (PfStepRow, pf_step_row, PF, STEP_ROW, GtkListBoxRow)

GtkWidget    *pf_step_row_new        (PfStep        step,
                                      gboolean      has_status);
PfStep        pf_step_row_get_step   (PfStepRow    *self);
PfStepStatus  pf_step_row_get_status (PfStepRow    *self);
void          pf_step_row_set_status (PfStepRow    *self,
                                      PfStepStatus  status);

G_END_DECLS
