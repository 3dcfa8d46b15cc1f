/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_SUMMARY_PAGE (pf_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (PfSummaryPage, pf_summary_page, PF, SUMMARY_PAGE, PfWizardPage)

void      pf_summary_page_set_steps     (PfSummaryPage        *self,
                                         const PfStep         *steps,
                                         guint                 n_steps);
char     *pf_summary_page_get_ticket    (PfSummaryPage        *self);
void      pf_summary_page_export_async  (PfSummaryPage        *self,
                                         GFile                *file,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  pf_summary_page_export_finish (PfSummaryPage        *self,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
