/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define PF_TYPE_CAMERA_DEVICE (pf_camera_device_get_type ())

G_DECLARE_FINAL_TYPE (PfCameraDevice, pf_camera_device, PF, CAMERA_DEVICE, GObject)

PfCameraDevice *pf_camera_device_new              (GstDevice      *device);
const char     *pf_camera_device_get_name         (PfCameraDevice *self);
const char     *pf_camera_device_get_display_name (PfCameraDevice *self);
GstDevice      *pf_camera_device_get_device       (PfCameraDevice *self);

G_END_DECLS
