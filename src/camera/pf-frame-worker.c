/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One long-lived thread that analyses camera frames. It always takes the
 * newest frame: a frame submitted while another waits replaces it, so the
 * analysis follows the camera with at most one frame of lag and memory
 * never grows. Results come back on the main context through a mailbox
 * that likewise keeps only the newest.
 *
 * It lives in src/camera, not src/core, although it needs no GStreamer:
 * it exists for the live camera flow, and keeping it next to the camera
 * keeps the core free of threads. */

#include "config.h"

#include "pf-frame-worker.h"
#include "pf-mailbox.h"

struct _PfFrameWorker
{
  GObject              parent_instance;

  PfFrameWorkerFunc    func;
  gpointer             func_data;
  GDestroyNotify       func_data_free;
  GDestroyNotify       result_free;

  GMainContext        *context;
  PfMailbox           *results;
  GThread             *thread;

  /* Shared with the worker thread. */
  GMutex               lock;
  GCond                cond;
  PfImage             *pending;
  gboolean             stopping;
  PfFrameWorkerCounts  counts;
};

G_DEFINE_FINAL_TYPE (PfFrameWorker, pf_frame_worker, G_TYPE_OBJECT)

enum {
  RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PfImage        *image;
  gpointer        result;
  GDestroyNotify  result_free;
} Result;

static void
free_result (gpointer data)
{
  Result *r = data;

  if (r->result_free != NULL)
    r->result_free (r->result);
  pf_image_unref (r->image);
  g_free (r);
}

static void
deliver_result (gpointer item,
                gint64   posted_at,
                gpointer user_data)
{
  g_autoptr(PfFrameWorker) self = g_object_ref (user_data);
  Result *r = item;

  g_mutex_lock (&self->lock);
  self->counts.delivered++;
  g_mutex_unlock (&self->lock);

  g_signal_emit (self, signals[RESULT], 0, r->image, r->result);
}

static gpointer
worker_thread (gpointer data)
{
  PfFrameWorker *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      PfImage *image;
      gpointer result;
      gint64 start, elapsed;

      while (self->pending == NULL && !self->stopping)
        g_cond_wait (&self->cond, &self->lock);
      if (self->stopping)
        break;

      image = g_steal_pointer (&self->pending);
      g_mutex_unlock (&self->lock);

      start = g_get_monotonic_time ();
      result = self->func (image, self->func_data);
      elapsed = g_get_monotonic_time () - start;

      /* The counts are brought up to date before the result can reach
       * the main thread (the post is made with the lock held, and
       * delivery takes it too), so whoever has a result sees it counted. */
      if (result == NULL)
        pf_image_unref (image);
      g_mutex_lock (&self->lock);
      if (result != NULL)
        {
          Result *r = g_new0 (Result, 1);

          r->image = image;
          r->result = result;
          r->result_free = self->result_free;
          if (pf_mailbox_post (self->results, r))
            self->counts.superseded++;
        }

      self->counts.analysed++;
      self->counts.busy_us += elapsed;
      self->counts.longest_us = MAX (self->counts.longest_us, elapsed);
    }
  g_mutex_unlock (&self->lock);

  return NULL;
}

static void
pf_frame_worker_dispose (GObject *object)
{
  PfFrameWorker *self = PF_FRAME_WORKER (object);

  pf_frame_worker_stop (self);

  G_OBJECT_CLASS (pf_frame_worker_parent_class)->dispose (object);
}

static void
pf_frame_worker_finalize (GObject *object)
{
  PfFrameWorker *self = PF_FRAME_WORKER (object);

  g_clear_pointer (&self->results, pf_mailbox_free);
  if (self->func_data_free != NULL)
    g_clear_pointer (&self->func_data, self->func_data_free);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pf_frame_worker_parent_class)->finalize (object);
}

static void
pf_frame_worker_class_init (PfFrameWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_frame_worker_dispose;
  object_class->finalize = pf_frame_worker_finalize;

  /**
   * PfFrameWorker::result:
   * @image: the frame that was analysed
   * @result: what the function returned; freed after the emission
   *
   * Emitted on the main context (the thread-default context where the
   * worker was made) with the newest result. Results come in the order
   * of their frames; one not taken before a newer one came is skipped.
   */
  signals[RESULT] =
    g_signal_new ("result",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  PF_TYPE_IMAGE | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_POINTER);
}

static void
pf_frame_worker_init (PfFrameWorker *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_ref_thread_default ();
  self->results = pf_mailbox_new (self->context, deliver_result, self, free_result);
}

/**
 * pf_frame_worker_new:
 * @func: the analysis, run on the worker thread
 * @user_data: passed to @func; read from the worker thread
 * @user_data_free: (nullable): frees @user_data with the worker
 * @result_free: (nullable): frees what @func returns
 *
 * Results are delivered on the thread-default main context of the caller.
 *
 * Returns: (transfer full): a new worker; its thread starts with the first
 *   frame
 */
PfFrameWorker *
pf_frame_worker_new (PfFrameWorkerFunc func,
                     gpointer          user_data,
                     GDestroyNotify    user_data_free,
                     GDestroyNotify    result_free)
{
  PfFrameWorker *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (PF_TYPE_FRAME_WORKER, NULL);
  self->func = func;
  self->func_data = user_data;
  self->func_data_free = user_data_free;
  self->result_free = result_free;

  return self;
}

static gpointer
photo_check_func (PfImage  *image,
                  gpointer  user_data)
{
  return pf_photo_check (image, user_data);
}

/**
 * pf_frame_worker_new_photo_check:
 * @options: (nullable): passed to pf_photo_check(); copied, with
 *   #PfPhotoOptions.live set, since the frames come from a camera
 *
 * A worker whose results are #PfPhotoReport.
 *
 * Returns: (transfer full): a new worker
 */
PfFrameWorker *
pf_frame_worker_new_photo_check (const PfPhotoOptions *options)
{
  PfPhotoOptions *copy = g_new0 (PfPhotoOptions, 1);

  if (options != NULL)
    *copy = *options;
  copy->live = TRUE;

  return pf_frame_worker_new (photo_check_func, copy, g_free,
                              (GDestroyNotify) pf_photo_report_unref);
}

/**
 * pf_frame_worker_submit:
 * @image: a frame; the worker takes a reference
 *
 * Hands @image to the worker. If a frame still waits for the worker, it is
 * dropped in favour of @image. Does nothing once the worker was stopped.
 */
void
pf_frame_worker_submit (PfFrameWorker *self,
                        PfImage       *image)
{
  PfImage *dropped;

  g_return_if_fail (PF_IS_FRAME_WORKER (self));
  g_return_if_fail (image != NULL);

  g_mutex_lock (&self->lock);
  if (self->stopping)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  if (self->thread == NULL)
    self->thread = g_thread_new ("pf-frame-worker", worker_thread, self);

  dropped = g_steal_pointer (&self->pending);
  self->pending = pf_image_ref (image);
  self->counts.submitted++;
  if (dropped != NULL)
    self->counts.dropped++;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (dropped != NULL)
    pf_image_unref (dropped);
}

/**
 * pf_frame_worker_stop:
 *
 * Drops the waiting frame and any undelivered result, and joins the
 * thread; an analysis already running is waited for. The worker takes no
 * frames afterwards. Called by dispose.
 */
void
pf_frame_worker_stop (PfFrameWorker *self)
{
  GThread *thread;
  PfImage *dropped;

  g_return_if_fail (PF_IS_FRAME_WORKER (self));

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  thread = g_steal_pointer (&self->thread);
  dropped = g_steal_pointer (&self->pending);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (dropped != NULL)
    pf_image_unref (dropped);
  if (thread != NULL)
    g_thread_join (thread);

  pf_mailbox_clear (self->results);
}

/**
 * pf_frame_worker_get_counts:
 * @counts: (out caller-allocates): filled with the counts so far
 */
void
pf_frame_worker_get_counts (PfFrameWorker       *self,
                            PfFrameWorkerCounts *counts)
{
  g_return_if_fail (PF_IS_FRAME_WORKER (self));
  g_return_if_fail (counts != NULL);

  g_mutex_lock (&self->lock);
  *counts = self->counts;
  g_mutex_unlock (&self->lock);
}
