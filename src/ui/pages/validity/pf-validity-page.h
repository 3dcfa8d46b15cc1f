/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_VALIDITY_PAGE (pf_validity_page_get_type ())

G_DECLARE_FINAL_TYPE (PfValidityPage, pf_validity_page, PF, VALIDITY_PAGE, PfWizardPage)

void pf_validity_page_set_today (PfValidityPage *self,
                                 const GDate    *today);

G_END_DECLS
