/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A demo as a camera, for `id-preflight --demo` and for a computer without
 * a camera: frames drawn at build time (pf-make-demo for the document,
 * pf-make-selfie-demo for the face) and kept in the app's resources,
 * played as a short story at a camera's pace. The pages take these frames
 * exactly as they take the camera's, so the demo shows the real overlays,
 * the real checks and the real auto-capture.
 *
 * Resources are not files, so no GStreamer source can read them; a
 * timeout on the main context hands out the decoded frames instead. */

#include "config.h"

#include "pf-image-loader.h"
#include "pf-demo-source.h"

#define N_FRAMES 3

struct _PfDemoSource
{
  GObject       parent_instance;

  /* Owned references */
  char         *resource_dir;
  char         *missing_message;
  char         *name;         /* the story asked for */
  char         *loaded_name;  /* the story in frames; %NULL before */
  GPtrArray    *frames;       /* PfImage, once loaded */
  GCancellable *cancellable;

  double        frame_rate;
  guint         scene_msec;
  guint         timer;
  gint64        started_at;
};

G_DEFINE_FINAL_TYPE (PfDemoSource, pf_demo_source, G_TYPE_OBJECT)

enum {
  FRAME,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In a worker thread: a PNG takes tens of milliseconds to decode. The task
 * data is the resource path of the story's frames, without the number. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *prefix = task_data;
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_image_unref);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s-%u.png", prefix, i + 1);
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
  PfDemoSource *self = user_data;
  gint64 elapsed = (g_get_monotonic_time () - self->started_at) / 1000;
  guint index = MIN (elapsed / self->scene_msec, self->frames->len - 1);

  g_signal_emit (self, signals[FRAME], 0, g_ptr_array_index (self->frames, index));

  return G_SOURCE_CONTINUE;
}

static void
play (PfDemoSource *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  self->started_at = g_get_monotonic_time ();
  self->timer = g_timeout_add ((guint) (1000 / self->frame_rate), tick_cb, self);
  tick_cb (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *frames = g_task_propagate_pointer (G_TASK (result), &error);
  PfDemoSource *self = PF_DEMO_SOURCE (object);

  if (frames == NULL)
    {
      /* Stopped meanwhile: nothing to tell. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->cancellable);
      g_warning ("The demo frames cannot be loaded: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, self->missing_message);
      return;
    }

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  self->frames = frames;
  g_free (self->loaded_name);
  self->loaded_name = g_strdup (self->name);

  play (self);
}

static void
pf_demo_source_dispose (GObject *object)
{
  PfDemoSource *self = PF_DEMO_SOURCE (object);

  pf_demo_source_stop (self);
  g_clear_pointer (&self->frames, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_demo_source_parent_class)->dispose (object);
}

static void
pf_demo_source_finalize (GObject *object)
{
  PfDemoSource *self = PF_DEMO_SOURCE (object);

  g_free (self->resource_dir);
  g_free (self->missing_message);
  g_free (self->name);
  g_free (self->loaded_name);

  G_OBJECT_CLASS (pf_demo_source_parent_class)->finalize (object);
}

static void
pf_demo_source_class_init (PfDemoSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_demo_source_dispose;
  object_class->finalize = pf_demo_source_finalize;

  /**
   * PfDemoSource::frame:
   * @image: the frame; opaque RGBA
   *
   * Emitted on the main context at the source's frame rate while playing.
   */
  signals[FRAME] =
    g_signal_new ("frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  PF_TYPE_IMAGE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * PfDemoSource::failed:
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
pf_demo_source_init (PfDemoSource *self)
{
}

/**
 * pf_demo_source_new:
 * @resource_dir: the resource folder of the frames, ending in a slash
 * @frame_rate: frames a second while playing
 * @scene_msec: how long each frame of the story but the last is shown
 * @missing_message: what to tell the person when the frames are missing
 */
PfDemoSource *
pf_demo_source_new (const char *resource_dir,
                    double      frame_rate,
                    guint       scene_msec,
                    const char *missing_message)
{
  PfDemoSource *self;

  g_return_val_if_fail (resource_dir != NULL, NULL);
  g_return_val_if_fail (frame_rate > 0, NULL);
  g_return_val_if_fail (scene_msec > 0, NULL);

  self = g_object_new (PF_TYPE_DEMO_SOURCE, NULL);
  self->resource_dir = g_strdup (resource_dir);
  self->frame_rate = frame_rate;
  self->scene_msec = scene_msec;
  self->missing_message = g_strdup (missing_message);
  return self;
}

/**
 * pf_demo_source_start:
 * @name: the story: its frames are @name-1.png to @name-3.png in the
 *   resource folder
 *
 * Plays the story from its start, loading its frames when they are not
 * the ones loaded last.
 */
void
pf_demo_source_start (PfDemoSource *self,
                      const char   *name)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PF_IS_DEMO_SOURCE (self));
  g_return_if_fail (name != NULL);

  pf_demo_source_stop (self);
  g_free (self->name);
  self->name = g_strdup (name);

  if (self->frames != NULL && g_strcmp0 (self->loaded_name, name) == 0)
    {
      play (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, pf_demo_source_start);
  g_task_set_task_data (task, g_strconcat (self->resource_dir, name, NULL), g_free);
  g_task_run_in_thread (task, load_thread);
}

void
pf_demo_source_stop (PfDemoSource *self)
{
  g_return_if_fail (PF_IS_DEMO_SOURCE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
}

/* Whether frames are coming, or about to. */
gboolean
pf_demo_source_is_running (PfDemoSource *self)
{
  g_return_val_if_fail (PF_IS_DEMO_SOURCE (self), FALSE);

  return self->timer != 0 || self->cancellable != NULL;
}

double
pf_demo_source_get_frame_rate (PfDemoSource *self)
{
  g_return_val_if_fail (PF_IS_DEMO_SOURCE (self), 0);

  return self->frame_rate;
}
