/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-camera.h"
#include "pf-camera-view.h"
#include "pf-frame-worker.h"
#include "pf-photo-result.h"
#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_PHOTO_PAGE (pf_photo_page_get_type ())

G_DECLARE_FINAL_TYPE (PfPhotoPage, pf_photo_page, PF, PHOTO_PAGE, PfWizardPage)

PfCameraView  *pf_photo_page_get_camera_view (PfPhotoPage *self);
PfPhotoResult *pf_photo_page_get_result      (PfPhotoPage *self);
const char    *pf_photo_page_get_mode        (PfPhotoPage *self);
guint          pf_photo_page_get_side        (PfPhotoPage *self);
PfCamera      *pf_photo_page_get_camera      (PfPhotoPage *self);
PfFrameWorker *pf_photo_page_get_worker      (PfPhotoPage *self);
void           pf_photo_page_check_file      (PfPhotoPage *self,
                                              GFile       *file);
void           pf_photo_page_check_bytes     (PfPhotoPage *self,
                                              GBytes      *bytes);

G_END_DECLS
