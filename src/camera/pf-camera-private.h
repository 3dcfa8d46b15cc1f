/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the files of PfCamera; not for use outside them. */
#pragma once

#include <gst/gst.h>

#include "pf-camera.h"
#include "pf-camera-monitor.h"
#include "pf-mailbox.h"

G_BEGIN_DECLS

/* Frames over which the rate is measured: about a second at 30 fps. */
#define PF_CAMERA_RATE_WINDOW 30

struct _PfCamera
{
  GObject           parent_instance;

  GMainContext     *context;

  /* Settings */
  char             *pipeline_description;
  char             *device_name;
  gboolean          use_portal;
  guint             start_timeout;
  XdpParent        *portal_parent;

  /* State, on the main context */
  PfCameraState     state;
  char             *message;
  gboolean          wanted;
  double            notified_rate;
  int               notified_width;
  int               notified_height;

  /* Devices */
  PfCameraMonitor  *monitor;
  GListStore       *devices;
  PfCameraDevice   *current_device;

  /* The portal */
  GCancellable     *portal_cancellable;
  gboolean          portal_pending;
  int               pipewire_fd;

  /* The running pipeline */
  GstElement       *pipeline;
  GstElement       *source;
  GSource          *bus_watch;
  GSource          *start_timer;
  PfMailbox        *frames;

  /* Shared with the streaming thread */
  GMutex            lock;
  int               width;
  int               height;
  gint64            arrivals[PF_CAMERA_RATE_WINDOW];
  guint             n_arrivals;
  PfCameraStats     stats;
};

/* pf-camera.c: the object's state */
void    pf_camera_set_state          (PfCamera           *self,
                                      PfCameraState       state,
                                      const char         *message);
void    pf_camera_set_missing_error  (PfCamera           *self,
                                      const char * const *missing);
void    pf_camera_set_current_device (PfCamera           *self,
                                      PfCameraDevice     *device);

/* pf-camera-pipeline.c: the running pipeline and its frames */
void    pf_camera_run_source         (PfCamera           *self,
                                      GstElement         *source);
void    pf_camera_teardown           (PfCamera           *self);
double  pf_camera_frame_rate_locked  (PfCamera           *self);

/* pf-camera-mode.c: raw video or MJPEG */
gboolean pf_camera_caps_prefer_jpeg  (const GstCaps      *caps,
                                      int                *width,
                                      int                *height);

/* pf-camera-source.c: which source to run */
void    pf_camera_start_source       (PfCamera           *self);
void    pf_camera_set_monitor        (PfCamera           *self,
                                      PfCameraMonitor    *monitor);
void    pf_camera_request_portal     (PfCamera           *self);

G_END_DECLS
