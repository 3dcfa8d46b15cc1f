/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the files of PfLiveCamera: pf-live-camera.c (the camera, the
 * demo and the worker) and pf-live-camera-status.c (what the page shows of
 * them: the status page and the lists of cameras). */
#pragma once

#include "pf-live-camera.h"

G_BEGIN_DECLS

struct _PfLiveCamera
{
  GObject               parent_instance;

  /* Borrowed references */
  PfLiveCameraWidgets   widgets;

  /* Owned references */
  PfCamera             *camera;
  PfFrameWorker        *worker;
  PfDemoSource         *demo;
  char                 *demo_name;

  PfLiveCameraWorkerNew worker_new;
  gpointer              worker_data;
  gboolean              demo_mode;
  gboolean              launch_options_read;
  gboolean              syncing_cameras;
  gboolean              gst_failed;
};

/* pf-live-camera-status.c */
void pf_live_camera_watch_choice   (PfLiveCamera *self);
void pf_live_camera_list_devices   (PfLiveCamera *self);
void pf_live_camera_update_status  (PfLiveCamera *self);

G_END_DECLS
