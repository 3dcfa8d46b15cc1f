/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-finding.h"

G_BEGIN_DECLS

#define PF_TYPE_FINDING_ROW (pf_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (PfFindingRow, pf_finding_row, PF, FINDING_ROW, AdwActionRow)

GtkWidget *pf_finding_row_new         (PfFinding    *finding);
PfFinding *pf_finding_row_get_finding (PfFindingRow *self);
void       pf_finding_row_set_finding (PfFindingRow *self,
                                       PfFinding    *finding);

G_END_DECLS
