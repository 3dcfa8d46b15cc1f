/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pf-selfie.h"

G_BEGIN_DECLS

#define PF_TYPE_SELFIE_GUIDE (pf_selfie_guide_get_type ())

G_DECLARE_FINAL_TYPE (PfSelfieGuide, pf_selfie_guide, PF, SELFIE_GUIDE, GtkWidget)

void      pf_selfie_guide_set_frame_size (PfSelfieGuide  *self,
                                          int             width,
                                          int             height);
void      pf_selfie_guide_set_mirrored   (PfSelfieGuide  *self,
                                          gboolean        mirrored);
void      pf_selfie_guide_set_report     (PfSelfieGuide  *self,
                                          PfSelfieReport *report);
void      pf_selfie_guide_set_ready      (PfSelfieGuide  *self,
                                          gboolean        ready);
gboolean  pf_selfie_guide_get_ready      (PfSelfieGuide  *self);

G_END_DECLS
