/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_SAFETY_PAGE (pf_safety_page_get_type ())

G_DECLARE_FINAL_TYPE (PfSafetyPage, pf_safety_page, PF, SAFETY_PAGE, PfWizardPage)

G_END_DECLS
