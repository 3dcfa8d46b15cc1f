/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo page's live side: the camera (or the demo document) runs
 * while the page is seen and a photo is wanted; each frame goes to the
 * preview and to the analysis worker, which keeps only the newest; each
 * report goes to the overlays. When a report finds nothing to change for a
 * second, the photo takes itself. Every camera state that is not "ready"
 * shows as a status page with a way on. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include "pf-photo-page-private.h"

#define AUTO_CAPTURE_USEC (G_USEC_PER_SEC)
#define COUNTDOWN_MSEC    33
#define DEMO_RESOURCES    "/io/github/idpreflight/IdPreflight/demo/"
#define DEMO_FRAME_RATE   15.0
#define DEMO_SCENE_MSEC   1600 /* each frame of the story but the last */

static gboolean
wanted (PfPhotoPage *self)
{
  return self->shown && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         (self->phase == PF_PHOTO_PHASE_TAKING || self->phase == PF_PHOTO_PHASE_CHECKING);
}

gboolean
pf_photo_page_is_live (PfPhotoPage *self)
{
  if (self->live == NULL ||
      (self->phase != PF_PHOTO_PHASE_TAKING && self->phase != PF_PHOTO_PHASE_CHECKING))
    return FALSE;

  return pf_live_camera_is_live (self->live);
}

static void
update_instruction (PfPhotoPage *self)
{
  const char *text;

  if (self->ready_since != 0)
    text = _("Hold still: taking the photo…");
  else if (pf_camera_view_get_report (self->camera_view) == NULL)
    text = _("Hold the document in front of the camera");
  else
    text = pf_camera_view_get_instruction (self->camera_view);

  if (g_strcmp0 (gtk_label_get_label (self->instruction_label), text) != 0)
    gtk_label_set_label (self->instruction_label, text);
}

void
pf_photo_page_stop_countdown (PfPhotoPage *self)
{
  g_clear_handle_id (&self->countdown_tick, g_source_remove);
  self->ready_since = 0;
  pf_camera_view_set_countdown (self->camera_view, -1);
}

static gboolean
countdown_tick_cb (gpointer user_data)
{
  PfPhotoPage *self = user_data;
  double progress = (double) (g_get_monotonic_time () - self->ready_since) / AUTO_CAPTURE_USEC;

  if (progress < 1)
    {
      pf_camera_view_set_countdown (self->camera_view, progress);
      return G_SOURCE_CONTINUE;
    }

  self->countdown_tick = 0;
  pf_photo_page_capture (self);
  return G_SOURCE_REMOVE;
}

/* Counts down while every report is good, and starts over as soon as one
 * is not. */
static void
update_countdown (PfPhotoPage *self)
{
  gboolean ready = g_settings_get_boolean (self->settings, "auto-capture") &&
                   self->phase == PF_PHOTO_PHASE_TAKING &&
                   pf_photo_page_is_live (self) &&
                   pf_camera_view_get_overlay (self->camera_view) != NULL &&
                   pf_camera_view_get_overlay (self->camera_view)->ready;

  if (!ready)
    pf_photo_page_stop_countdown (self);
  else if (self->ready_since == 0)
    {
      self->ready_since = g_get_monotonic_time ();
      self->countdown_tick = g_timeout_add (COUNTDOWN_MSEC, countdown_tick_cb, self);
      pf_camera_view_set_countdown (self->camera_view, 0);
    }

  update_instruction (self);
}

/* A camera or demo frame, on the main thread: shown at once, analysed by
 * the worker when it is free. */
static void
frame_cb (PfPhotoPage *self,
          PfImage     *image)
{
  gboolean first = pf_camera_view_get_image (self->camera_view) == NULL;

  if (self->phase != PF_PHOTO_PHASE_TAKING)
    return;

  pf_camera_view_set_image (self->camera_view, image, TRUE);
  pf_live_camera_submit (self->live, image);
  if (first)
    pf_photo_page_update (self);
}

static void
result_cb (PfPhotoPage   *self,
           PfPhotoReport *report)
{
  if (self->phase != PF_PHOTO_PHASE_TAKING)
    return;

  pf_camera_view_set_report (self->camera_view, report);
  update_countdown (self);
}

static void
auto_capture_changed_cb (PfPhotoPage *self)
{
  update_countdown (self);
}

/* Made by the live camera whenever the worker is wanted: it checks with
 * the options pf_photo_page_camera_update() saw last. */
static PfFrameWorker *
new_worker_cb (gpointer user_data)
{
  PfPhotoPage *self = user_data;
  PfFrameWorker *worker = pf_frame_worker_new_photo_check (&self->worker_options);

  pf_photo_page_frames_watch (self, worker);
  return worker;
}

/* The worker checks with the options of the moment: a new one when the
 * document kind or the glare setting changed. */
static void
check_worker_options (PfPhotoPage *self)
{
  PfPhotoOptions options;

  pf_photo_page_get_options (self, &options);
  options.live = TRUE;
  if (memcmp (&options, &self->worker_options, sizeof options) != 0)
    pf_live_camera_drop_worker (self->live);
  self->worker_options = options;
}

/* The demo's story: a passport page for a passport (or before the person
 * chose), a card for every kind of card. */
static void
choose_demo (PfPhotoPage *self)
{
  PfPhotoOptions options;

  pf_photo_page_get_options (self, &options);
  pf_live_camera_set_demo_name (self->live,
                                options.kind == PF_DOCUMENT_KIND_PASSPORT ||
                                options.kind == PF_DOCUMENT_KIND_NONE ? "passport" : "card");
}

/* Runs the camera, the demo and the worker exactly while a photo is
 * wanted and the page is seen. */
void
pf_photo_page_camera_update (PfPhotoPage *self)
{
  check_worker_options (self);
  choose_demo (self);
  pf_live_camera_update (self->live, wanted (self));
  if (self->phase != PF_PHOTO_PHASE_TAKING || !pf_photo_page_is_live (self))
    pf_photo_page_stop_countdown (self);

  update_instruction (self);
}

/* "Try again": the camera starts over (a test pipeline too). */
void
pf_photo_page_camera_retry (PfPhotoPage *self)
{
  pf_live_camera_retry (self->live, wanted (self));
  pf_photo_page_update (self);
}

static void
demo_failed_cb (PfPhotoPage *self,
                const char  *message)
{
  pf_photo_page_show_message (self, message);
  pf_photo_page_update (self);
}

/* Plays the demo document's story from its start, in place of the camera. */
void
pf_photo_page_start_demo (PfPhotoPage *self)
{
  if (!wanted (self))
    return;

  choose_demo (self);
  pf_live_camera_start_demo (self->live);
}

/* Takes the newest frame as the photo of the current side: the capture
 * button, its shortcut and the countdown all come here. */
void
pf_photo_page_capture (PfPhotoPage *self)
{
  PfImage *image = pf_camera_view_get_image (self->camera_view);

  if (self->phase != PF_PHOTO_PHASE_TAKING || image == NULL || !pf_photo_page_is_live (self))
    return;

  pf_photo_page_stop_countdown (self);
  pf_camera_view_flash (self->camera_view);
  pf_photo_page_announce (self, _("Photo taken. Checking it…"));
  pf_photo_page_frames_capture (self, image);
  pf_photo_page_check_image (self, image);
}

void
pf_photo_page_camera_init (PfPhotoPage *self)
{
  PfLiveCameraWidgets *widgets = &self->live_widgets;
  PfDemoSource *demo = pf_demo_source_new (DEMO_RESOURCES, DEMO_FRAME_RATE, DEMO_SCENE_MSEC,
                                           _("The demo document is missing from this copy of the app."));

  widgets->page = GTK_WIDGET (self);
  widgets->settings = self->settings;
  widgets->view = self->camera_view;
  widgets->gst_failed_message = _("The camera cannot be used: GStreamer does not start. "
                                  "Open a photo file instead.");
  self->live = pf_live_camera_new (widgets, demo, new_worker_cb, self);
  g_signal_connect_object (self->live, "frame", G_CALLBACK (frame_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "result", G_CALLBACK (result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "changed", G_CALLBACK (pf_photo_page_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "demo-failed", G_CALLBACK (demo_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera_view, "notify::instruction",
                           G_CALLBACK (update_instruction), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-capture",
                           G_CALLBACK (auto_capture_changed_cb), self, G_CONNECT_SWAPPED);
}

void
pf_photo_page_camera_dispose (PfPhotoPage *self)
{
  pf_photo_page_stop_countdown (self);
  if (self->live != NULL)
    pf_live_camera_shutdown (self->live);
  g_clear_object (&self->live);
  pf_photo_page_frames_free (self);
}
