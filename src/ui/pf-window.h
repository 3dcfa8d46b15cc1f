/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-session.h"
#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_WINDOW (pf_window_get_type ())

G_DECLARE_FINAL_TYPE (PfWindow, pf_window, PF, WINDOW, AdwApplicationWindow)

PfWindow     *pf_window_new              (AdwApplication *application);
PfSession    *pf_window_get_session      (PfWindow       *self);
PfWizardPage *pf_window_get_page         (PfWindow       *self,
                                          PfStep          step);
PfWizardPage *pf_window_get_visible_page (PfWindow       *self);

G_END_DECLS
