/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_START_PAGE (pf_start_page_get_type ())

G_DECLARE_FINAL_TYPE (PfStartPage, pf_start_page, PF, START_PAGE, PfWizardPage)

G_END_DECLS
