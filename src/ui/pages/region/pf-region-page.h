/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_REGION_PAGE (pf_region_page_get_type ())

G_DECLARE_FINAL_TYPE (PfRegionPage, pf_region_page, PF, REGION_PAGE, PfWizardPage)

G_END_DECLS
