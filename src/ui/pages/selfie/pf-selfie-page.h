/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-camera.h"
#include "pf-camera-view.h"
#include "pf-frame-worker.h"
#include "pf-selfie.h"
#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_SELFIE_PAGE (pf_selfie_page_get_type ())

G_DECLARE_FINAL_TYPE (PfSelfiePage, pf_selfie_page, PF, SELFIE_PAGE, PfWizardPage)

PfCameraView   *pf_selfie_page_get_camera_view (PfSelfiePage *self);
PfCamera       *pf_selfie_page_get_camera      (PfSelfiePage *self);
PfSelfieReport *pf_selfie_page_get_report      (PfSelfiePage *self);
const char     *pf_selfie_page_get_mode        (PfSelfiePage *self);
gboolean        pf_selfie_page_is_ready        (PfSelfiePage *self);
PfFinding      *pf_selfie_page_get_item        (PfSelfiePage *self,
                                                const char   *id);

G_END_DECLS
