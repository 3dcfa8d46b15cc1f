/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-camera-view.h"
#include "pf-image.h"
#include "pf-photo.h"

G_BEGIN_DECLS

#define PF_TYPE_PHOTO_RESULT (pf_photo_result_get_type ())

G_DECLARE_FINAL_TYPE (PfPhotoResult, pf_photo_result, PF, PHOTO_RESULT, AdwBin)

GtkWidget    *pf_photo_result_new      (void);
void          pf_photo_result_show     (PfPhotoResult        *self,
                                        guint                 n_sides,
                                        PfImage       * const *images,
                                        PfPhotoReport * const *reports);
void          pf_photo_result_clear    (PfPhotoResult        *self);
PfCameraView *pf_photo_result_get_view (PfPhotoResult        *self,
                                        guint                 side);

G_END_DECLS
