/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo document as a camera: frames drawn at build time by the
 * project's specimen generator (pf-make-demo.c) and kept in the app's
 * resources, played as a short story at a camera's pace. The photo page
 * takes its frames exactly as it takes the camera's, so the demo shows the
 * real overlays, the real checks and the real auto-capture.
 *
 * Resources are not files, so no GStreamer source can read them; a
 * timeout on the main context hands out the decoded frames instead. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-image-loader.h"
#include "pf-photo-demo.h"

#define RESOURCE_DIR  "/io/github/idpreflight/IdPreflight/demo/"
#define N_FRAMES      3
#define FRAME_MSEC    66   /* about 15 frames a second */
#define SCENE_MSEC    1600 /* each frame of the story but the last */

struct _PfPhotoDemo
{
  GObject         parent_instance;

  /* Owned references */
  PfImage        *frames[N_FRAMES];
  GCancellable   *cancellable;

  PfDocumentKind  kind;
  PfDocumentKind  loaded_kind;
  guint           timer;
  gint64          started_at;
};

G_DEFINE_FINAL_TYPE (PfPhotoDemo, pf_photo_demo, G_TYPE_OBJECT)

enum {
  FRAME,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
name_for (PfDocumentKind kind)
{
  /* A passport page for a passport (or before the person chose), a card
   * for every kind of card. */
  return kind == PF_DOCUMENT_KIND_PASSPORT || kind == PF_DOCUMENT_KIND_NONE ? "passport" : "card";
}

static void
clear_frames (PfPhotoDemo *self)
{
  for (guint i = 0; i < N_FRAMES; i++)
    g_clear_pointer (&self->frames[i], pf_image_unref);
}

static void
free_frames (gpointer data)
{
  PfImage **frames = data;

  for (guint i = 0; i < N_FRAMES; i++)
    g_clear_pointer (&frames[i], pf_image_unref);
  g_free (frames);
}

/* In a worker thread: a PNG takes tens of milliseconds to decode. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *name = task_data;
  PfImage **frames = g_new0 (PfImage *, N_FRAMES);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_DIR "%s-%u.png", name, i + 1);
      g_autoptr(GBytes) bytes = NULL;
      GError *error = NULL;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        frames[i] = pf_image_load_bytes (bytes, &error);
      if (frames[i] == NULL)
        {
          free_frames (frames);
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_pointer (task, frames, free_frames);
}

static gboolean
tick_cb (gpointer user_data)
{
  PfPhotoDemo *self = user_data;
  gint64 elapsed = (g_get_monotonic_time () - self->started_at) / 1000;
  guint index = MIN (elapsed / SCENE_MSEC, N_FRAMES - 1);

  g_signal_emit (self, signals[FRAME], 0, self->frames[index]);

  return G_SOURCE_CONTINUE;
}

static void
play (PfPhotoDemo *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  self->started_at = g_get_monotonic_time ();
  self->timer = g_timeout_add (FRAME_MSEC, tick_cb, self);
  tick_cb (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  PfImage **frames = g_task_propagate_pointer (G_TASK (result), &error);
  PfPhotoDemo *self;

  if (frames == NULL)
    {
      /* Stopped meanwhile: nothing to tell. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self = PF_PHOTO_DEMO (object);
      g_clear_object (&self->cancellable);
      g_warning ("The demo document cannot be loaded: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0,
                     _("The demo document is missing from this copy of the app."));
      return;
    }

  self = PF_PHOTO_DEMO (object);
  g_clear_object (&self->cancellable);
  clear_frames (self);
  for (guint i = 0; i < N_FRAMES; i++)
    self->frames[i] = g_steal_pointer (&frames[i]);
  g_free (frames);
  self->loaded_kind = self->kind;

  play (self);
}

static void
pf_photo_demo_dispose (GObject *object)
{
  PfPhotoDemo *self = PF_PHOTO_DEMO (object);

  pf_photo_demo_stop (self);
  clear_frames (self);

  G_OBJECT_CLASS (pf_photo_demo_parent_class)->dispose (object);
}

static void
pf_photo_demo_class_init (PfPhotoDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_photo_demo_dispose;

  /**
   * PfPhotoDemo::frame:
   * @image: the frame; opaque RGBA
   *
   * Emitted on the main context about 15 times a second while playing.
   */
  signals[FRAME] =
    g_signal_new ("frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  PF_TYPE_IMAGE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * PfPhotoDemo::failed:
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
pf_photo_demo_init (PfPhotoDemo *self)
{
  self->loaded_kind = (PfDocumentKind) -1;
}

PfPhotoDemo *
pf_photo_demo_new (void)
{
  return g_object_new (PF_TYPE_PHOTO_DEMO, NULL);
}

/**
 * pf_photo_demo_start:
 * @kind: the document the person said they photograph
 *
 * Plays the demo story for @kind from its start, loading its frames the
 * first time.
 */
void
pf_photo_demo_start (PfPhotoDemo    *self,
                     PfDocumentKind  kind)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PF_IS_PHOTO_DEMO (self));

  pf_photo_demo_stop (self);
  self->kind = kind;

  if (self->loaded_kind != (PfDocumentKind) -1 &&
      g_str_equal (name_for (self->loaded_kind), name_for (kind)))
    {
      play (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, pf_photo_demo_start);
  g_task_set_task_data (task, (gpointer) name_for (kind), NULL);
  g_task_run_in_thread (task, load_thread);
}

void
pf_photo_demo_stop (PfPhotoDemo *self)
{
  g_return_if_fail (PF_IS_PHOTO_DEMO (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
}

/* Whether frames are coming, or about to. */
gboolean
pf_photo_demo_is_running (PfPhotoDemo *self)
{
  g_return_val_if_fail (PF_IS_PHOTO_DEMO (self), FALSE);

  return self->timer != 0 || self->cancellable != NULL;
}
