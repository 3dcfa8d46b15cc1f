/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libportal/portal.h>

#include "pf-camera-device.h"
#include "pf-image.h"

G_BEGIN_DECLS

/**
 * PfCameraState:
 * @PF_CAMERA_STATE_STOPPED: not started yet, or stopped by pf_camera_stop()
 * @PF_CAMERA_STATE_STARTING: asking for access or waiting for the first frame
 * @PF_CAMERA_STATE_READY: frames are arriving
 * @PF_CAMERA_STATE_NO_CAMERA: there is no camera (none plugged in, the one in
 *   use was pulled out, or the portal says there is none)
 * @PF_CAMERA_STATE_PERMISSION_DENIED: the person (or a policy) refused the
 *   camera to the app
 * @PF_CAMERA_STATE_BUSY: another app holds the camera
 * @PF_CAMERA_STATE_ENDED: the source stopped sending frames (end of stream)
 * @PF_CAMERA_STATE_ERROR: anything else went wrong, including missing
 *   GStreamer elements; the message says what
 *
 * What the photo page shows: a live preview when ready, otherwise a status
 * page with #PfCamera:message and a way on.
 */
typedef enum
{
  PF_CAMERA_STATE_STOPPED,
  PF_CAMERA_STATE_STARTING,
  PF_CAMERA_STATE_READY,
  PF_CAMERA_STATE_NO_CAMERA,
  PF_CAMERA_STATE_PERMISSION_DENIED,
  PF_CAMERA_STATE_BUSY,
  PF_CAMERA_STATE_ENDED,
  PF_CAMERA_STATE_ERROR,
} PfCameraState;

/**
 * PfCameraError:
 * @PF_CAMERA_ERROR_NO_CAMERA: there is no camera
 * @PF_CAMERA_ERROR_PERMISSION_DENIED: access to the camera was refused
 * @PF_CAMERA_ERROR_FAILED: the camera could not be reached
 */
typedef enum
{
  PF_CAMERA_ERROR_NO_CAMERA,
  PF_CAMERA_ERROR_PERMISSION_DENIED,
  PF_CAMERA_ERROR_FAILED,
} PfCameraError;

#define PF_CAMERA_ERROR (pf_camera_error_quark ())
GQuark pf_camera_error_quark (void);

/**
 * PfCameraStats:
 * @frames_received: frames the pipeline handed over
 * @frames_delivered: frames emitted by #PfCamera::frame
 * @frames_dropped: frames replaced by a newer one before the main context
 *   took them
 * @latency_total_us: the sum over delivered frames of the time from the
 *   streaming thread to the main context
 * @latency_max_us: the longest such time
 *
 * Counts since the camera was made, for tests and benchmarks.
 */
typedef struct
{
  guint64 frames_received;
  guint64 frames_delivered;
  guint64 frames_dropped;
  gint64  latency_total_us;
  gint64  latency_max_us;
} PfCameraStats;

#define PF_TYPE_CAMERA (pf_camera_get_type ())

G_DECLARE_FINAL_TYPE (PfCamera, pf_camera, PF, CAMERA, GObject)

PfCamera       *pf_camera_new                      (void);

void            pf_camera_start                    (PfCamera      *self);
void            pf_camera_stop                     (PfCamera      *self);

PfCameraState   pf_camera_get_state                (PfCamera      *self);
const char     *pf_camera_get_message              (PfCamera      *self);

GListModel     *pf_camera_get_devices              (PfCamera      *self);
PfCameraDevice *pf_camera_get_current_device       (PfCamera      *self);
const char     *pf_camera_get_device_name          (PfCamera      *self);
void            pf_camera_set_device_name          (PfCamera      *self,
                                                    const char    *name);

const char     *pf_camera_get_pipeline_description (PfCamera      *self);
void            pf_camera_set_pipeline_description (PfCamera      *self,
                                                    const char    *description);

void            pf_camera_set_portal_parent        (PfCamera      *self,
                                                    XdpParent     *parent);

double          pf_camera_get_frame_rate           (PfCamera      *self);
gboolean        pf_camera_get_frame_size           (PfCamera      *self,
                                                    int           *width,
                                                    int           *height);
void            pf_camera_get_stats                (PfCamera      *self,
                                                    PfCameraStats *stats);

G_END_DECLS
