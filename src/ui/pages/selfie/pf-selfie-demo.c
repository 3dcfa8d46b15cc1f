/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo face as a camera, for `id-preflight --demo` and for a
 * computer without a camera: frames drawn at build time by
 * pf-make-selfie-demo and kept in the app's resources, played as a short
 * story (too far away, then a window behind, then fine) at a camera's
 * pace. The selfie page takes them exactly as it takes the camera's, so
 * the demo shows the real checks. Resources are not files, so no
 * GStreamer source can read them: a timeout hands the decoded frames out. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-image-loader.h"
#include "pf-selfie-demo.h"

#define RESOURCE_DIR "/io/github/idpreflight/IdPreflight/selfie-demo/"
#define N_FRAMES     3
#define SCENE_MSEC   2500 /* each frame of the story but the last */

struct _PfSelfieDemo
{
  GObject       parent_instance;

  /* Owned references */
  GPtrArray    *frames;       /* PfImage, once loaded */
  GCancellable *cancellable;

  guint         timer;
  gint64        started_at;
};

G_DEFINE_FINAL_TYPE (PfSelfieDemo, pf_selfie_demo, G_TYPE_OBJECT)

enum {
  FRAME,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In a worker thread: a PNG takes tens of milliseconds to decode. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_image_unref);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_DIR "selfie-%u.png", i + 1);
      g_autoptr(GBytes) bytes = NULL;
      GError *error = NULL;
      PfImage *image = NULL;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        image = pf_image_load_bytes (bytes, &error);
      if (image == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (frames, image);
    }

  g_task_return_pointer (task, g_steal_pointer (&frames), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
tick_cb (gpointer user_data)
{
  PfSelfieDemo *self = user_data;
  gint64 elapsed = (g_get_monotonic_time () - self->started_at) / 1000;
  guint index = MIN (elapsed / SCENE_MSEC, self->frames->len - 1);

  g_signal_emit (self, signals[FRAME], 0, g_ptr_array_index (self->frames, index));
  return G_SOURCE_CONTINUE;
}

static void
play (PfSelfieDemo *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  self->started_at = g_get_monotonic_time ();
  self->timer = g_timeout_add ((guint) (1000 / PF_SELFIE_DEMO_FRAME_RATE), tick_cb, self);
  tick_cb (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *frames = g_task_propagate_pointer (G_TASK (result), &error);
  PfSelfieDemo *self = PF_SELFIE_DEMO (object);

  if (frames == NULL)
    {
      /* Stopped meanwhile: nothing to tell. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->cancellable);
      g_warning ("The demo face cannot be loaded: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0,
                     _("The demo face is missing from this copy of the app."));
      return;
    }

  g_clear_object (&self->cancellable);
  self->frames = frames;
  play (self);
}

static void
pf_selfie_demo_dispose (GObject *object)
{
  PfSelfieDemo *self = PF_SELFIE_DEMO (object);

  pf_selfie_demo_stop (self);
  g_clear_pointer (&self->frames, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_selfie_demo_parent_class)->dispose (object);
}

static void
pf_selfie_demo_class_init (PfSelfieDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_selfie_demo_dispose;

  /**
   * PfSelfieDemo::frame:
   * @image: the frame; opaque RGBA
   *
   * Emitted on the main context PF_SELFIE_DEMO_FRAME_RATE times a second
   * while playing.
   */
  signals[FRAME] =
    g_signal_new ("frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  PF_TYPE_IMAGE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * PfSelfieDemo::failed:
   * @message: what to tell the person
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING);
}

static void
pf_selfie_demo_init (PfSelfieDemo *self)
{
}

PfSelfieDemo *
pf_selfie_demo_new (void)
{
  return g_object_new (PF_TYPE_SELFIE_DEMO, NULL);
}

/* Plays the story from its start, loading the frames the first time. */
void
pf_selfie_demo_start (PfSelfieDemo *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PF_IS_SELFIE_DEMO (self));

  pf_selfie_demo_stop (self);
  if (self->frames != NULL)
    {
      play (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, pf_selfie_demo_start);
  g_task_run_in_thread (task, load_thread);
}

void
pf_selfie_demo_stop (PfSelfieDemo *self)
{
  g_return_if_fail (PF_IS_SELFIE_DEMO (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
}

/* Whether frames are coming, or about to. */
gboolean
pf_selfie_demo_is_running (PfSelfieDemo *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_DEMO (self), FALSE);
  return self->timer != 0 || self->cancellable != NULL;
}
