/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the selfie page's files: pf-selfie-page.c (the object, the
 * checklist and the ready state) and pf-selfie-page-camera.c (the camera,
 * the demo face, the worker and the status pages). */
#pragma once

#include <adwaita.h>

#include "pf-finding-row.h"
#include "pf-live-camera.h"
#include "pf-selfie-guide.h"
#include "pf-selfie-page.h"

G_BEGIN_DECLS

struct _PfSelfiePage
{
  PfWizardPage    parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  PfCameraView   *camera_view;
  PfSelfieGuide  *guide;
  GtkLabel       *demo_label;
  GtkLabel       *ready_label;
  GtkLevelBar    *hold_bar;
  GtkLabel       *detection_label;
  PfFindingRow   *face_row;
  PfFindingRow   *light_row;
  PfFindingRow   *sharpness_row;
  PfFindingRow   *camera_row;
  PfLiveCameraWidgets live_widgets;  /* the status page, the camera lists */

  /* Owned references */
  GSettings      *settings;
  PfLiveCamera   *live;               /* the camera, the demo and the worker */
  gint           *frame_rate_millis;  /* shared with the worker's thread */
  PfSelfieReport *report;             /* the newest */
  PfSelfieReport *ready_report;       /* the one that made the page ready */

  gboolean        shown;
  gint64          good_since;         /* monotonic; 0 while something is off */
};

/* pf-selfie-page.c */
void      pf_selfie_page_update        (PfSelfiePage   *self);
void      pf_selfie_page_show_report   (PfSelfiePage   *self,
                                        PfSelfieReport *report);

/* pf-selfie-page-camera.c */
void      pf_selfie_page_camera_init    (PfSelfiePage  *self);
void      pf_selfie_page_camera_dispose (PfSelfiePage  *self);
void      pf_selfie_page_camera_update  (PfSelfiePage  *self);
void      pf_selfie_page_camera_retry   (PfSelfiePage  *self);
void      pf_selfie_page_start_demo     (PfSelfiePage  *self);
gboolean  pf_selfie_page_is_live        (PfSelfiePage  *self);

G_END_DECLS
