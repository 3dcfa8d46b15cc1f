/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live side shared by the photo and the selfie pages: the camera (or
 * the demo) runs exactly while the page wants it; the person's choice of
 * camera is offered in two drop-downs and kept in the settings; hot-plug
 * refreshes them; every camera state that is not "ready" shows on the
 * page's status page with the ways on that apply; one worker checks the
 * newest frame and its results come back as a signal.
 *
 * What a frame and a result mean stays with the page: the live camera
 * hands on each frame ("frame"), the page shows it and gives it to
 * pf_live_camera_submit() when it wants it checked. */

#include "config.h"

#include <libportal-gtk4/portal-gtk4.h>

#include "pf-application.h"
#include "pf-live-camera-private.h"

G_DEFINE_FINAL_TYPE (PfLiveCamera, pf_live_camera, G_TYPE_OBJECT)

enum {
  FRAME,
  RESULT,
  CHANGED,
  RESTARTED,
  DEMO_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A camera or demo frame, on the main thread. */
static void
frame_cb (PfLiveCamera *self,
          PfImage      *image)
{
  g_signal_emit (self, signals[FRAME], 0, image);
}

static void
result_cb (PfLiveCamera *self,
           PfImage      *image,
           gpointer      result)
{
  g_signal_emit (self, signals[RESULT], 0, result);
}

static void
changed_cb (PfLiveCamera *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ensure_worker (PfLiveCamera *self,
               gboolean      needed)
{
  if (!needed && self->worker != NULL)
    pf_live_camera_drop_worker (self);
  if (!needed || self->worker != NULL)
    return;

  self->worker = self->worker_new (self->worker_data);
  g_signal_connect_object (self->worker, "result", G_CALLBACK (result_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The application, for the command line's --demo and --camera-pipeline;
 * %NULL for a page outside the app's window (in a test). */
static PfApplication *
get_application (PfLiveCamera *self)
{
  GtkRoot *root = gtk_widget_get_root (self->widgets.page);
  GtkApplication *application;

  if (!GTK_IS_WINDOW (root))
    return NULL;

  application = gtk_window_get_application (GTK_WINDOW (root));
  return PF_IS_APPLICATION (application) ? PF_APPLICATION (application) : NULL;
}

static gboolean
ensure_camera (PfLiveCamera *self)
{
  g_autoptr(GError) error = NULL;
  PfApplication *application;

  if (self->camera != NULL)
    return TRUE;
  if (self->gst_failed)
    return FALSE;

  if (!gst_is_initialized () && !gst_init_check (NULL, NULL, &error))
    {
      g_warning ("GStreamer cannot start: %s", error->message);
      self->gst_failed = TRUE;
      return FALSE;
    }

  self->camera = pf_camera_new ();
  g_signal_connect_object (self->camera, "frame", G_CALLBACK (frame_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera, "notify::state", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera, "notify::message", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->widgets.settings, "camera", self->camera, "device-name",
                   G_SETTINGS_BIND_GET);
  application = get_application (self);
  if (application != NULL && pf_application_get_camera_pipeline (application) != NULL)
    pf_camera_set_pipeline_description (self->camera,
                                        pf_application_get_camera_pipeline (application));

  /* A test or demo pipeline stands in for every camera: no list then. */
  if (pf_camera_get_pipeline_description (self->camera) == NULL)
    pf_live_camera_list_devices (self);

  return TRUE;
}

static void
start_camera (PfLiveCamera *self)
{
  GtkRoot *root = gtk_widget_get_root (self->widgets.page);
  gboolean use_portal = FALSE;

  /* The portal's question belongs to our window. The parent holds the
   * window, so it is set only when the portal will be asked, and let go
   * with the camera. */
  g_object_get (self->camera, "use-portal", &use_portal, NULL);
  if (use_portal && GTK_IS_WINDOW (root))
    {
      XdpParent *parent = xdp_parent_new_gtk (GTK_WINDOW (root));

      pf_camera_set_portal_parent (self->camera, parent);
      xdp_parent_free (parent);
    }

  pf_camera_view_set_report (self->widgets.view, NULL);
  g_signal_emit (self, signals[RESTARTED], 0);
  pf_camera_start (self->camera);
}

static gboolean
camera_running (PfLiveCamera *self)
{
  return self->camera != NULL && pf_camera_get_state (self->camera) != PF_CAMERA_STATE_STOPPED;
}

static gboolean
demo_running (PfLiveCamera *self)
{
  return self->demo != NULL && pf_demo_source_is_running (self->demo);
}

static void
demo_failed_cb (PfLiveCamera *self,
                const char   *message)
{
  self->demo_mode = FALSE;
  g_signal_emit (self, signals[DEMO_FAILED], 0, message);
}

static void
pf_live_camera_dispose (GObject *object)
{
  PfLiveCamera *self = PF_LIVE_CAMERA (object);

  pf_live_camera_shutdown (self);

  G_OBJECT_CLASS (pf_live_camera_parent_class)->dispose (object);
}

static void
pf_live_camera_finalize (GObject *object)
{
  PfLiveCamera *self = PF_LIVE_CAMERA (object);

  g_free (self->demo_name);

  G_OBJECT_CLASS (pf_live_camera_parent_class)->finalize (object);
}

static void
pf_live_camera_class_init (PfLiveCameraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_live_camera_dispose;
  object_class->finalize = pf_live_camera_finalize;

  /**
   * PfLiveCamera::frame:
   * @image: the newest camera or demo frame
   */
  signals[FRAME] =
    g_signal_new ("frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  PF_TYPE_IMAGE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * PfLiveCamera::result:
   * @result: what the worker made of a submitted frame; the worker owns it
   */
  signals[RESULT] =
    g_signal_new ("result",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_POINTER);

  /**
   * PfLiveCamera::changed:
   *
   * The camera's state or message changed: the page shows what fits.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PfLiveCamera::restarted:
   *
   * The camera or the demo starts over: what the page showed of the last
   * frames no longer holds.
   */
  signals[RESTARTED] =
    g_signal_new ("restarted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PfLiveCamera::demo-failed:
   * @message: what to tell the person
   *
   * The demo cannot play; the live camera is out of demo mode.
   */
  signals[DEMO_FAILED] =
    g_signal_new ("demo-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING);
}

static void
pf_live_camera_init (PfLiveCamera *self)
{
}

/**
 * pf_live_camera_bind_template:
 * @offset: where the page's #PfLiveCameraWidgets is in its instance
 *
 * Binds the template children the live camera drives, for a page class
 * whose template names them as PfLiveCameraWidgets does.
 */
void
pf_live_camera_bind_template (GtkWidgetClass *widget_class,
                              gsize           offset)
{
  static const struct {
    const char *name;
    gsize       offset;
  } children[] = {
    { "camera_dropdown", G_STRUCT_OFFSET (PfLiveCameraWidgets, camera_dropdown) },
    { "status_page", G_STRUCT_OFFSET (PfLiveCameraWidgets, status_page) },
    { "status_spinner", G_STRUCT_OFFSET (PfLiveCameraWidgets, status_spinner) },
    { "retry_button", G_STRUCT_OFFSET (PfLiveCameraWidgets, retry_button) },
    { "status_camera_dropdown", G_STRUCT_OFFSET (PfLiveCameraWidgets, status_camera_dropdown) },
    { "demo_button", G_STRUCT_OFFSET (PfLiveCameraWidgets, demo_button) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].name, FALSE,
                                               offset + children[i].offset);
}

/**
 * pf_live_camera_new:
 * @widgets: the page's widgets, copied (the widgets are borrowed)
 * @demo: (transfer full): the demo that stands in for the camera
 * @worker_new: makes the analysis worker when one is needed
 * @user_data: for @worker_new
 */
PfLiveCamera *
pf_live_camera_new (const PfLiveCameraWidgets *widgets,
                    PfDemoSource              *demo,
                    PfLiveCameraWorkerNew      worker_new,
                    gpointer                   user_data)
{
  PfLiveCamera *self;

  g_return_val_if_fail (widgets != NULL, NULL);
  g_return_val_if_fail (PF_IS_DEMO_SOURCE (demo), NULL);
  g_return_val_if_fail (worker_new != NULL, NULL);

  self = g_object_new (PF_TYPE_LIVE_CAMERA, NULL);
  self->widgets = *widgets;
  self->demo = demo;
  self->worker_new = worker_new;
  self->worker_data = user_data;
  g_signal_connect_object (self->demo, "frame", G_CALLBACK (frame_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->demo, "failed", G_CALLBACK (demo_failed_cb), self,
                           G_CONNECT_SWAPPED);
  pf_live_camera_watch_choice (self);
  return self;
}

/**
 * pf_live_camera_update:
 * @want: whether the page wants frames now (it is seen, and wants a photo)
 *
 * Runs the camera, the demo and the worker exactly while @want holds: no
 * camera light on any other step. Then brings the status page up to date.
 */
void
pf_live_camera_update (PfLiveCamera *self,
                       gboolean      want)
{
  PfApplication *application;

  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  /* --demo: the demo from the start, once. */
  application = want && !self->launch_options_read ? get_application (self) : NULL;
  if (application != NULL)
    {
      self->launch_options_read = TRUE;
      if (pf_application_get_demo (application))
        self->demo_mode = TRUE;
    }

  if (want && !self->demo_mode)
    {
      if (!camera_running (self) && ensure_camera (self))
        start_camera (self);
    }
  else if (camera_running (self))
    {
      pf_camera_stop (self->camera);
    }

  if (demo_running (self) && !(want && self->demo_mode))
    pf_demo_source_stop (self->demo);
  else if (want && self->demo_mode && !demo_running (self))
    pf_live_camera_start_demo (self);

  ensure_worker (self, want);
  pf_live_camera_update_status (self);
}

/**
 * pf_live_camera_retry:
 * @want: as for pf_live_camera_update()
 *
 * "Try again": out of demo mode, and the camera starts over (a test
 * pipeline too).
 */
void
pf_live_camera_retry (PfLiveCamera *self,
                      gboolean      want)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  self->demo_mode = FALSE;
  if (self->demo != NULL)
    pf_demo_source_stop (self->demo);
  if (want && ensure_camera (self))
    start_camera (self);
}

/**
 * pf_live_camera_start_demo:
 *
 * Plays the demo's story (the one pf_live_camera_set_demo_name() named)
 * from its start, in place of the camera. The page calls it only while it
 * wants frames.
 */
void
pf_live_camera_start_demo (PfLiveCamera *self)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));
  g_return_if_fail (self->demo_name != NULL);

  /* Gone with the page. */
  if (self->demo == NULL)
    return;

  if (camera_running (self))
    pf_camera_stop (self->camera);

  pf_camera_view_clear (self->widgets.view);
  g_signal_emit (self, signals[RESTARTED], 0);
  pf_demo_source_start (self->demo, self->demo_name);
}

void
pf_live_camera_set_demo_name (PfLiveCamera *self,
                              const char   *name)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  if (g_strcmp0 (self->demo_name, name) == 0)
    return;
  g_free (self->demo_name);
  self->demo_name = g_strdup (name);
}

gboolean
pf_live_camera_get_demo_mode (PfLiveCamera *self)
{
  g_return_val_if_fail (PF_IS_LIVE_CAMERA (self), FALSE);

  return self->demo_mode;
}

void
pf_live_camera_set_demo_mode (PfLiveCamera *self,
                              gboolean      demo_mode)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  self->demo_mode = !!demo_mode;
}

/* Whether frames are coming: the demo playing, or the camera ready. */
gboolean
pf_live_camera_is_live (PfLiveCamera *self)
{
  g_return_val_if_fail (PF_IS_LIVE_CAMERA (self), FALSE);

  if (self->demo_mode)
    return demo_running (self);

  return self->camera != NULL && pf_camera_get_state (self->camera) == PF_CAMERA_STATE_READY;
}

/* Frames a second: the demo's pace, or the one the camera measured. */
double
pf_live_camera_get_frame_rate (PfLiveCamera *self)
{
  g_return_val_if_fail (PF_IS_LIVE_CAMERA (self), 0);

  if (self->demo_mode && self->demo != NULL)
    return pf_demo_source_get_frame_rate (self->demo);

  return self->camera != NULL ? pf_camera_get_frame_rate (self->camera) : 0;
}

/* Hands @image to the worker, which checks the newest frame it was given
 * once it is free; nothing while no worker runs. */
void
pf_live_camera_submit (PfLiveCamera *self,
                       PfImage      *image)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  if (self->worker != NULL)
    pf_frame_worker_submit (self->worker, image);
}

/* Stops the worker; the next update makes a new one if it is wanted
 * (with the options of that moment). */
void
pf_live_camera_drop_worker (PfLiveCamera *self)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  if (self->worker != NULL)
    pf_frame_worker_stop (self->worker);
  g_clear_object (&self->worker);
}

/* Stops everything for good, as the page goes: the worker's thread is
 * joined, and the camera lets go of the device and the window. */
void
pf_live_camera_shutdown (PfLiveCamera *self)
{
  g_return_if_fail (PF_IS_LIVE_CAMERA (self));

  pf_live_camera_drop_worker (self);
  if (self->camera != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->camera, self);
      pf_camera_stop (self->camera);
      pf_camera_set_portal_parent (self->camera, NULL);
    }
  g_clear_object (&self->camera);
  if (self->demo != NULL)
    g_signal_handlers_disconnect_by_data (self->demo, self);
  g_clear_object (&self->demo);
}

/* Returns: (transfer none) (nullable): the camera, once it was wanted */
PfCamera *
pf_live_camera_get_camera (PfLiveCamera *self)
{
  g_return_val_if_fail (PF_IS_LIVE_CAMERA (self), NULL);

  return self->camera;
}

/* Returns: (transfer none) (nullable): the worker, while frames are wanted */
PfFrameWorker *
pf_live_camera_get_worker (PfLiveCamera *self)
{
  g_return_val_if_fail (PF_IS_LIVE_CAMERA (self), NULL);

  return self->worker;
}
