/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selfie page's live side: the camera (or the demo face) runs while
 * the page is seen; each frame goes to the mirrored preview and to the
 * worker, which checks only the newest and drops the rest; nothing is
 * kept once it is checked and shown. Every camera state that is not
 * "ready" shows as a status page with ways on: try again, choose another
 * camera, the demo face, or skip the step. The camera, the demo, the
 * worker and the status page are run by the shared PfLiveCamera. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-selfie-page-private.h"

#define DEMO_RESOURCES  "/io/github/idpreflight/IdPreflight/selfie-demo/"
#define DEMO_FRAME_RATE 30.0
#define DEMO_SCENE_MSEC 2500 /* each frame of the story but the last */

static gboolean
wanted (PfSelfiePage *self)
{
  return self->shown && gtk_widget_get_mapped (GTK_WIDGET (self));
}

gboolean
pf_selfie_page_is_live (PfSelfiePage *self)
{
  return self->live != NULL && pf_live_camera_is_live (self->live);
}

/* On the worker's thread: the camera's own size and the rate the page
 * measured go into the camera check. */
static gpointer
check_frame (PfImage  *image,
             gpointer  user_data)
{
  PfSelfieOptions options = { 0 };

  options.frame_rate = g_atomic_int_get ((gint *) user_data) / 1000.0;
  options.camera_width = pf_image_get_width (image);
  options.camera_height = pf_image_get_height (image);
  return pf_selfie_check (image, &options);
}

/* Made by the live camera whenever the worker is wanted; the frame rate it
 * reads is freed with it. */
static PfFrameWorker *
new_worker_cb (gpointer user_data)
{
  PfSelfiePage *self = user_data;

  self->frame_rate_millis = g_new0 (gint, 1);
  return pf_frame_worker_new (check_frame, self->frame_rate_millis, g_free,
                              (GDestroyNotify) pf_selfie_report_unref);
}

/* A camera or demo frame, on the main thread: shown at once, checked by
 * the worker when it is free. */
static void
frame_cb (PfSelfiePage *self,
          PfImage      *image)
{
  double rate = pf_live_camera_get_frame_rate (self->live);
  gboolean first = pf_camera_view_get_image (self->camera_view) == NULL;

  pf_camera_view_set_image (self->camera_view, image, TRUE);
  pf_selfie_guide_set_frame_size (self->guide, pf_image_get_width (image),
                                  pf_image_get_height (image));
  if (pf_live_camera_get_worker (self->live) != NULL)
    {
      g_atomic_int_set (self->frame_rate_millis, (gint) (rate * 1000));
      pf_live_camera_submit (self->live, image);
    }
  if (first)
    pf_selfie_page_update (self);
}

static void
result_cb (PfSelfiePage   *self,
           PfSelfieReport *report)
{
  if (pf_selfie_page_is_live (self))
    pf_selfie_page_show_report (self, report);
}

/* The camera or the demo starts over: the last checks no longer hold. */
static void
restarted_cb (PfSelfiePage *self)
{
  pf_selfie_page_show_report (self, NULL);
}

/* Runs the camera, the demo and the worker exactly while the page is
 * seen: no camera light on any other step. */
void
pf_selfie_page_camera_update (PfSelfiePage *self)
{
  gboolean want = wanted (self);

  pf_live_camera_update (self->live, want);
  if (!want)
    pf_selfie_page_show_report (self, NULL);
}

/* "Try again": the camera starts over. */
void
pf_selfie_page_camera_retry (PfSelfiePage *self)
{
  pf_live_camera_retry (self->live, wanted (self));
  pf_selfie_page_update (self);
}

static void
demo_failed_cb (PfSelfiePage *self,
                const char   *message)
{
  adw_status_page_set_description (self->live_widgets.status_page, message);
  pf_selfie_page_update (self);
}

/* Plays the demo face's story from its start, in place of the camera. */
void
pf_selfie_page_start_demo (PfSelfiePage *self)
{
  if (wanted (self))
    pf_live_camera_start_demo (self->live);
}

void
pf_selfie_page_camera_init (PfSelfiePage *self)
{
  PfLiveCameraWidgets *widgets = &self->live_widgets;
  PfDemoSource *demo = pf_demo_source_new (DEMO_RESOURCES, DEMO_FRAME_RATE, DEMO_SCENE_MSEC,
                                           _("The demo face is missing from this copy of the app."));

  widgets->page = GTK_WIDGET (self);
  widgets->settings = self->settings;
  widgets->view = self->camera_view;
  widgets->gst_failed_message = _("The camera cannot be used: GStreamer does not start.");
  self->live = pf_live_camera_new (widgets, demo, new_worker_cb, self);
  pf_live_camera_set_demo_name (self->live, "selfie");
  g_signal_connect_object (self->live, "frame", G_CALLBACK (frame_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "result", G_CALLBACK (result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "restarted", G_CALLBACK (restarted_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "changed", G_CALLBACK (pf_selfie_page_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "demo-failed", G_CALLBACK (demo_failed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
pf_selfie_page_camera_dispose (PfSelfiePage *self)
{
  if (self->live != NULL)
    pf_live_camera_shutdown (self->live);
  g_clear_object (&self->live);
  /* Freed with the worker. */
  self->frame_rate_millis = NULL;
}
