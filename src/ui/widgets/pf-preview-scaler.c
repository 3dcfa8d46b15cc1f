/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scales camera frames down for the preview, off the main thread.
 *
 * A software renderer (Xvfb, a virtual machine, no GPU driver) spends
 * 45-150 ms of the main thread painting one 1080p texture into a preview
 * a third of its size. A box-filtered copy at about the preview's size
 * costs a few milliseconds on a thread of its own and makes the paint
 * cheap. Like the analysis worker, the scaler always takes the newest
 * frame: a frame that arrives while one is being scaled replaces the one
 * waiting, never queues behind it. */

#include "config.h"

#include "pf-preview-scaler.h"

struct _PfPreviewScaler
{
  gatomicrefcount      ref_count;
  GMainContext        *context;
  PfPreviewScaledFunc  func;
  GWeakRef             owner;

  GMutex               lock;
  PfImage             *pending;   /* the newest frame not yet taken */
  int                  factor;
  guint64              serial;
  gboolean             running;   /* a job is queued or running */
};

typedef struct
{
  PfPreviewScaler *scaler;
  PfImage         *small;
  guint64          serial;
} Scaled;

static PfPreviewScaler *
scaler_ref (PfPreviewScaler *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
scaler_unref (PfPreviewScaler *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->pending, pf_image_unref);
  g_weak_ref_clear (&self->owner);
  g_mutex_clear (&self->lock);
  g_main_context_unref (self->context);
  g_free (self);
}

static void
scaled_free (gpointer data)
{
  Scaled *scaled = data;

  g_clear_pointer (&scaled->small, pf_image_unref);
  scaler_unref (scaled->scaler);
  g_free (scaled);
}

static gboolean
deliver_cb (gpointer data)
{
  Scaled *scaled = data;
  g_autoptr(GObject) owner = g_weak_ref_get (&scaled->scaler->owner);

  if (owner != NULL)
    scaled->scaler->func (owner, scaled->small, scaled->serial);

  return G_SOURCE_REMOVE;
}

/* On the pool's thread: scales the newest frame until none waits. */
static void
scale_func (gpointer data,
            gpointer user_data)
{
  PfPreviewScaler *self = data;

  for (;;)
    {
      PfImage *image;
      Scaled *scaled;
      guint64 serial;
      int factor;

      g_mutex_lock (&self->lock);
      image = g_steal_pointer (&self->pending);
      factor = self->factor;
      serial = self->serial;
      if (image == NULL)
        self->running = FALSE;
      g_mutex_unlock (&self->lock);
      if (image == NULL)
        break;

      scaled = g_new0 (Scaled, 1);
      scaled->scaler = scaler_ref (self);
      scaled->serial = serial;
      scaled->small = pf_image_new_scaled_down (image, factor);
      /* The frame's last reference may go here: zeroed off the main
       * thread. */
      pf_image_unref (image);

      g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_cb, scaled, scaled_free);
    }

  scaler_unref (self);
}

static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (scale_func, NULL, 1, FALSE, NULL));

  return pool;
}

/**
 * pf_preview_scaler_new:
 * @owner: the object @func is called for, as long as it lives
 *
 * Returns: (transfer full): a new scaler, to be freed with
 *   pf_preview_scaler_free()
 */
PfPreviewScaler *
pf_preview_scaler_new (GObject             *owner,
                       PfPreviewScaledFunc  func)
{
  PfPreviewScaler *self = g_new0 (PfPreviewScaler, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  g_weak_ref_init (&self->owner, owner);
  g_mutex_init (&self->lock);

  return self;
}

/**
 * pf_preview_scaler_submit:
 * @factor: how many times smaller each way, 2 to 16
 * @serial: handed back with the result, to tell old from new
 *
 * Scales @image down on a worker thread; the result comes to the func on
 * the main context. Replaces a frame still waiting.
 */
void
pf_preview_scaler_submit (PfPreviewScaler *self,
                          PfImage         *image,
                          int              factor,
                          guint64          serial)
{
  PfImage *dropped;
  gboolean start;

  g_return_if_fail (self != NULL);
  g_return_if_fail (image != NULL);

  g_mutex_lock (&self->lock);
  dropped = self->pending;
  self->pending = pf_image_ref (image);
  self->factor = CLAMP (factor, 2, 16);
  self->serial = serial;
  start = !self->running;
  self->running = TRUE;
  g_mutex_unlock (&self->lock);

  /* The view still holds the frame, so this is never the last reference. */
  if (dropped != NULL)
    pf_image_unref (dropped);
  if (start)
    g_thread_pool_push (get_pool (), scaler_ref (self), NULL);
}

/**
 * pf_preview_scaler_free:
 *
 * Drops the waiting frame; a frame being scaled finishes, its result is
 * not delivered.
 */
void
pf_preview_scaler_free (PfPreviewScaler *self)
{
  PfImage *dropped;

  if (self == NULL)
    return;

  g_weak_ref_set (&self->owner, NULL);
  g_mutex_lock (&self->lock);
  dropped = g_steal_pointer (&self->pending);
  g_mutex_unlock (&self->lock);
  if (dropped != NULL)
    pf_image_unref (dropped);

  scaler_unref (self);
}
