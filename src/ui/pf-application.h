/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PF_TYPE_APPLICATION (pf_application_get_type ())

G_DECLARE_FINAL_TYPE (PfApplication, pf_application, PF, APPLICATION, AdwApplication)

PfApplication *pf_application_new                 (void);
gboolean       pf_application_get_demo            (PfApplication *self);
const char    *pf_application_get_camera_pipeline (PfApplication *self);

G_END_DECLS
