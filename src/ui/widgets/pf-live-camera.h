/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-camera.h"
#include "pf-camera-view.h"
#include "pf-demo-source.h"
#include "pf-frame-worker.h"

G_BEGIN_DECLS

/* The page's widgets the live camera drives; all borrowed, and all live
 * at least as long as the live camera. A page keeps this struct in its
 * instance: pf_live_camera_bind_template() fills the template children,
 * named alike in every camera page's .ui file; the page sets the rest. */
typedef struct
{
  /* Template children */
  GtkDropDown   *camera_dropdown;
  AdwStatusPage *status_page;
  GtkWidget     *status_spinner;
  GtkWidget     *retry_button;
  GtkDropDown   *status_camera_dropdown;
  GtkWidget     *demo_button;

  /* Set by the page */
  GtkWidget     *page;                    /* for its window and whether it is seen */
  GSettings     *settings;                /* "camera": the chosen device */
  PfCameraView  *view;
  const char    *gst_failed_message;      /* static, translated */
} PfLiveCameraWidgets;

/* Makes the analysis worker, on the main thread, whenever one is needed. */
typedef PfFrameWorker *(*PfLiveCameraWorkerNew) (gpointer user_data);

#define PF_TYPE_LIVE_CAMERA (pf_live_camera_get_type ())

G_DECLARE_FINAL_TYPE (PfLiveCamera, pf_live_camera, PF, LIVE_CAMERA, GObject)

void           pf_live_camera_bind_template (GtkWidgetClass            *widget_class,
                                             gsize                      offset);
PfLiveCamera  *pf_live_camera_new           (const PfLiveCameraWidgets *widgets,
                                             PfDemoSource              *demo,
                                             PfLiveCameraWorkerNew      worker_new,
                                             gpointer                   user_data);
void           pf_live_camera_update        (PfLiveCamera              *self,
                                             gboolean                   want);
void           pf_live_camera_retry         (PfLiveCamera              *self,
                                             gboolean                   want);
void           pf_live_camera_start_demo    (PfLiveCamera              *self);
void           pf_live_camera_set_demo_name (PfLiveCamera              *self,
                                             const char                *name);
gboolean       pf_live_camera_get_demo_mode (PfLiveCamera              *self);
void           pf_live_camera_set_demo_mode (PfLiveCamera              *self,
                                             gboolean                   demo_mode);
gboolean       pf_live_camera_is_live       (PfLiveCamera              *self);
double         pf_live_camera_get_frame_rate (PfLiveCamera             *self);
void           pf_live_camera_submit        (PfLiveCamera              *self,
                                             PfImage                   *image);
void           pf_live_camera_drop_worker   (PfLiveCamera              *self);
void           pf_live_camera_shutdown      (PfLiveCamera              *self);
PfCamera      *pf_live_camera_get_camera    (PfLiveCamera              *self);
PfFrameWorker *pf_live_camera_get_worker    (PfLiveCamera              *self);

G_END_DECLS
