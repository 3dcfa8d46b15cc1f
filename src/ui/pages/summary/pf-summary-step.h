/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_SUMMARY_STEP (pf_summary_step_get_type ())

/**
 * PfSummaryGroup:
 * @PF_SUMMARY_GROUP_BLOCKERS: the findings a service will refuse
 * @PF_SUMMARY_GROUP_CAUTIONS: the findings worth changing
 * @PF_SUMMARY_GROUP_PASSED: the checks that passed
 * @PF_SUMMARY_GROUP_UNCHECKED: the steps not checked yet
 *
 * The summary's groups, in the order they are shown.
 */
typedef enum
{
  PF_SUMMARY_GROUP_BLOCKERS,
  PF_SUMMARY_GROUP_CAUTIONS,
  PF_SUMMARY_GROUP_PASSED,
  PF_SUMMARY_GROUP_UNCHECKED,
} PfSummaryGroup;

#define PF_N_SUMMARY_GROUPS (PF_SUMMARY_GROUP_UNCHECKED + 1)

G_DECLARE_FINAL_TYPE (PfSummaryStep, pf_summary_step, PF, SUMMARY_STEP, AdwBin)

GtkWidget      *pf_summary_step_new       (PfStep          step,
                                           PfSummaryGroup  group);
PfStep          pf_summary_step_get_step  (PfSummaryStep  *self);
PfSummaryGroup  pf_summary_step_get_group (PfSummaryStep  *self);
gboolean        pf_summary_step_update    (PfSummaryStep  *self,
                                           PfSession      *session);

G_END_DECLS
