/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-camera-device.h"

G_BEGIN_DECLS

#define PF_TYPE_CAMERA_MONITOR (pf_camera_monitor_get_type ())

G_DECLARE_FINAL_TYPE (PfCameraMonitor, pf_camera_monitor, PF, CAMERA_MONITOR, GObject)

PfCameraMonitor *pf_camera_monitor_new              (void);
PfCameraMonitor *pf_camera_monitor_new_for_pipewire (int              fd);
void             pf_camera_monitor_start            (PfCameraMonitor *self);
GListModel      *pf_camera_monitor_get_devices      (PfCameraMonitor *self);
PfCameraDevice  *pf_camera_monitor_find             (PfCameraMonitor *self,
                                                     const char      *name);
gboolean         pf_camera_monitor_contains         (PfCameraMonitor *self,
                                                     PfCameraDevice  *device);

G_END_DECLS
