/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-image.h"
#include "pf-photo.h"

G_BEGIN_DECLS

/**
 * PfFrameWorkerFunc:
 * @image: the frame to analyse; the worker keeps it alive during the call
 * @user_data: the data given to pf_frame_worker_new()
 *
 * Runs on the worker thread.
 *
 * Returns: (transfer full) (nullable): the result, handed to the main
 *   context; %NULL for none
 */
typedef gpointer (*PfFrameWorkerFunc) (PfImage  *image,
                                       gpointer  user_data);

/**
 * PfFrameWorkerCounts:
 * @submitted: frames given to pf_frame_worker_submit()
 * @analysed: frames the function ran on
 * @dropped: frames replaced by a newer one before the worker took them
 * @delivered: results handed to the main context by the "result" signal
 * @superseded: results replaced by a newer one before the main context
 *   took them
 * @busy_us: time spent in the analysis function, in microseconds
 * @longest_us: the longest single analysis, in microseconds
 */
typedef struct
{
  guint64 submitted;
  guint64 analysed;
  guint64 dropped;
  guint64 delivered;
  guint64 superseded;
  gint64  busy_us;
  gint64  longest_us;
} PfFrameWorkerCounts;

#define PF_TYPE_FRAME_WORKER (pf_frame_worker_get_type ())

G_DECLARE_FINAL_TYPE (PfFrameWorker, pf_frame_worker, PF, FRAME_WORKER, GObject)

PfFrameWorker *pf_frame_worker_new             (PfFrameWorkerFunc     func,
                                                gpointer              user_data,
                                                GDestroyNotify        user_data_free,
                                                GDestroyNotify        result_free);
PfFrameWorker *pf_frame_worker_new_photo_check (const PfPhotoOptions *options);
void           pf_frame_worker_submit          (PfFrameWorker        *self,
                                                PfImage              *image);
void           pf_frame_worker_stop            (PfFrameWorker        *self);
void           pf_frame_worker_get_counts      (PfFrameWorker        *self,
                                                PfFrameWorkerCounts  *counts);

G_END_DECLS
