/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pf-image.h"
#include "pf-photo-overlay.h"
#include "pf-photo.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 frames_drawn;       /* distinct frames that reached a snapshot */
  guint64 snapshots;
  gint64  snapshot_total_us;  /* building the render nodes, main thread */
  gint64  snapshot_max_us;
  guint64 frames_scaled;      /* live frames shown from a scaled-down copy */
  int     texture_width;      /* the size of the texture last drawn */
  int     texture_height;
} PfCameraViewStats;

#define PF_TYPE_CAMERA_VIEW (pf_camera_view_get_type ())

G_DECLARE_FINAL_TYPE (PfCameraView, pf_camera_view, PF, CAMERA_VIEW, GtkWidget)

GtkWidget            *pf_camera_view_new              (void);

PfImage              *pf_camera_view_get_image        (PfCameraView  *self);
void                  pf_camera_view_set_image        (PfCameraView  *self,
                                                       PfImage       *image,
                                                       gboolean       opaque);
PfPhotoReport        *pf_camera_view_get_report       (PfCameraView  *self);
void                  pf_camera_view_set_report       (PfCameraView  *self,
                                                       PfPhotoReport *report);
const PfPhotoOverlay *pf_camera_view_get_overlay      (PfCameraView  *self);
const char           *pf_camera_view_get_instruction  (PfCameraView  *self);

void                  pf_camera_view_set_mirrored     (PfCameraView  *self,
                                                       gboolean       mirrored);
void                  pf_camera_view_set_downscale    (PfCameraView  *self,
                                                       gboolean       downscale);
void                  pf_camera_view_set_live         (PfCameraView  *self,
                                                       gboolean       live);
void                  pf_camera_view_set_countdown    (PfCameraView  *self,
                                                       double         progress);
void                  pf_camera_view_flash            (PfCameraView  *self);
void                  pf_camera_view_clear            (PfCameraView  *self);

void                  pf_camera_view_get_stats        (PfCameraView      *self,
                                                       PfCameraViewStats *stats);

G_END_DECLS
