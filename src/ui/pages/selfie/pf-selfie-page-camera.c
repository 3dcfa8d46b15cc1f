/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selfie page's live side: the camera (or the demo face) runs while
 * the page is seen; each frame goes to the mirrored preview and to the
 * worker, which checks only the newest and drops the rest; nothing is
 * kept once it is checked and shown. Every camera state that is not
 * "ready" shows as a status page with ways on: try again, choose another
 * camera, the demo face, or skip the step. */

#include "config.h"

#include <glib/gi18n.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "pf-application.h"
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
  if (self->demo_mode)
    return self->demo != NULL && pf_demo_source_is_running (self->demo);

  return self->camera != NULL && pf_camera_get_state (self->camera) == PF_CAMERA_STATE_READY;
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

/* A camera or demo frame, on the main thread: shown at once, checked by
 * the worker when it is free. */
static void
frame_cb (PfSelfiePage *self,
          PfImage      *image)
{
  double rate = self->demo_mode ? DEMO_FRAME_RATE
                                : pf_camera_get_frame_rate (self->camera);
  gboolean first = pf_camera_view_get_image (self->camera_view) == NULL;

  pf_camera_view_set_image (self->camera_view, image, TRUE);
  pf_selfie_guide_set_frame_size (self->guide, pf_image_get_width (image),
                                  pf_image_get_height (image));
  if (self->worker != NULL)
    {
      g_atomic_int_set (self->frame_rate_millis, (gint) (rate * 1000));
      pf_frame_worker_submit (self->worker, image);
    }
  if (first)
    pf_selfie_page_update (self);
}

static void
result_cb (PfSelfiePage   *self,
           PfImage        *image,
           PfSelfieReport *report)
{
  if (pf_selfie_page_is_live (self))
    pf_selfie_page_show_report (self, report);
}

static void
ensure_worker (PfSelfiePage *self,
               gboolean      needed)
{
  if (!needed && self->worker != NULL)
    {
      pf_frame_worker_stop (self->worker);
      g_clear_object (&self->worker);
      /* Freed with the worker. */
      self->frame_rate_millis = NULL;
    }
  if (!needed || self->worker != NULL)
    return;

  self->frame_rate_millis = g_new0 (gint, 1);
  self->worker = pf_frame_worker_new (check_frame, self->frame_rate_millis, g_free,
                                      (GDestroyNotify) pf_selfie_report_unref);
  g_signal_connect_object (self->worker, "result", G_CALLBACK (result_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The application, for the command line's --demo and --camera-pipeline;
 * %NULL for a page outside the app's window (in a test). */
static PfApplication *
get_application (PfSelfiePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application;

  if (!GTK_IS_WINDOW (root))
    return NULL;

  application = gtk_window_get_application (GTK_WINDOW (root));
  return PF_IS_APPLICATION (application) ? PF_APPLICATION (application) : NULL;
}

static void
sync_dropdown (PfSelfiePage *self,
               GtkDropDown  *dropdown)
{
  GListModel *devices = gtk_drop_down_get_model (dropdown);
  g_autofree char *chosen = g_settings_get_string (self->settings, "camera");
  guint n = devices != NULL ? g_list_model_get_n_items (devices) : 0;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PfCameraDevice) device = g_list_model_get_item (devices, i);

      if (g_strcmp0 (pf_camera_device_get_name (device), chosen) == 0)
        selected = i;
    }

  self->syncing_cameras = TRUE;
  if (n > 0)
    gtk_drop_down_set_selected (dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (dropdown), n > 1);
  self->syncing_cameras = FALSE;
}

static void
devices_changed_cb (PfSelfiePage *self)
{
  sync_dropdown (self, self->camera_dropdown);
  sync_dropdown (self, self->status_camera_dropdown);
}

/* The person chose a camera: remembered (the document step uses it too),
 * and the camera follows the setting. */
static void
camera_chosen_cb (PfSelfiePage *self,
                  GParamSpec   *pspec,
                  GtkDropDown  *dropdown)
{
  PfCameraDevice *device = gtk_drop_down_get_selected_item (dropdown);

  if (self->syncing_cameras || device == NULL)
    return;

  g_settings_set_string (self->settings, "camera", pf_camera_device_get_name (device));
  devices_changed_cb (self);
}

static gboolean
ensure_camera (PfSelfiePage *self)
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
  g_signal_connect_object (self->camera, "notify::state", G_CALLBACK (pf_selfie_page_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera, "notify::message", G_CALLBACK (pf_selfie_page_update),
                           self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "camera", self->camera, "device-name", G_SETTINGS_BIND_GET);
  application = get_application (self);
  if (application != NULL && pf_application_get_camera_pipeline (application) != NULL)
    pf_camera_set_pipeline_description (self->camera,
                                        pf_application_get_camera_pipeline (application));

  /* A test or demo pipeline stands in for every camera: no list then. */
  if (pf_camera_get_pipeline_description (self->camera) == NULL)
    {
      GListModel *devices = pf_camera_get_devices (self->camera);
      GtkExpression *expression;

      expression = gtk_property_expression_new (PF_TYPE_CAMERA_DEVICE, NULL, "display-name");
      gtk_drop_down_set_expression (self->camera_dropdown, expression);
      gtk_drop_down_set_expression (self->status_camera_dropdown, expression);
      gtk_expression_unref (expression);
      gtk_drop_down_set_model (self->camera_dropdown, devices);
      gtk_drop_down_set_model (self->status_camera_dropdown, devices);
      g_signal_connect_object (devices, "items-changed", G_CALLBACK (devices_changed_cb), self,
                               G_CONNECT_SWAPPED);
      devices_changed_cb (self);
    }

  return TRUE;
}

static void
start_camera (PfSelfiePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean use_portal = FALSE;

  /* The portal's question belongs to our window; the parent is let go
   * with the camera. */
  g_object_get (self->camera, "use-portal", &use_portal, NULL);
  if (use_portal && GTK_IS_WINDOW (root))
    {
      XdpParent *parent = xdp_parent_new_gtk (GTK_WINDOW (root));

      pf_camera_set_portal_parent (self->camera, parent);
      xdp_parent_free (parent);
    }

  pf_selfie_page_show_report (self, NULL);
  pf_camera_start (self->camera);
}

/* The status page for a camera that is not ready: what happened, and the
 * ways on that apply. The demo face and skipping are always among them. */
static void
update_status_page (PfSelfiePage *self)
{
  PfCameraState state = self->camera != NULL ? pf_camera_get_state (self->camera)
                                             : PF_CAMERA_STATE_STOPPED;
  const char *title;
  const char *icon = "camera-disabled-symbolic";
  const char *message = self->camera != NULL ? pf_camera_get_message (self->camera) : "";
  GListModel *devices = gtk_drop_down_get_model (self->status_camera_dropdown);
  gboolean starting = FALSE;

  if (self->gst_failed)
    {
      state = PF_CAMERA_STATE_ERROR;
      message = _("The camera cannot be used: GStreamer does not start.");
    }

  switch (state)
    {
    case PF_CAMERA_STATE_NO_CAMERA:
      title = _("No Camera Found");
      break;
    case PF_CAMERA_STATE_PERMISSION_DENIED:
      title = _("The Camera Is Not Allowed");
      icon = "action-unavailable-symbolic";
      break;
    case PF_CAMERA_STATE_BUSY:
      title = _("The Camera Is Busy");
      break;
    case PF_CAMERA_STATE_ENDED:
      title = _("The Camera Stopped");
      break;
    case PF_CAMERA_STATE_ERROR:
      title = _("The Camera Does Not Work");
      icon = "dialog-warning-symbolic";
      break;
    case PF_CAMERA_STATE_STOPPED:
    case PF_CAMERA_STATE_STARTING:
    case PF_CAMERA_STATE_READY:
    default:
      title = self->demo_mode ? _("Starting the Demo…") : _("Starting the Camera…");
      icon = "camera-web-symbolic";
      message = "";
      starting = TRUE;
      break;
    }

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, message);
  adw_status_page_set_icon_name (self->status_page, icon);
  gtk_widget_set_visible (self->status_spinner, starting);
  gtk_spinner_set_spinning (GTK_SPINNER (self->status_spinner), starting);
  gtk_widget_set_visible (self->retry_button, !starting && !self->gst_failed);
  gtk_widget_set_visible (GTK_WIDGET (self->status_camera_dropdown),
                          !starting && devices != NULL && g_list_model_get_n_items (devices) > 1);
  gtk_widget_set_visible (self->demo_button, !starting);
}

/* Runs the camera, the demo and the worker exactly while the page is
 * seen: no camera light on any other step. */
void
pf_selfie_page_camera_update (PfSelfiePage *self)
{
  gboolean want = wanted (self);
  gboolean camera_running = self->camera != NULL &&
                            pf_camera_get_state (self->camera) != PF_CAMERA_STATE_STOPPED;
  PfApplication *application = get_application (self);

  /* --demo: the demo face from the start, once. */
  if (want && !self->launch_options_read && application != NULL)
    {
      self->launch_options_read = TRUE;
      self->demo_mode = pf_application_get_demo (application);
    }

  if (want && !self->demo_mode)
    {
      if (!camera_running && ensure_camera (self))
        start_camera (self);
    }
  else if (camera_running)
    {
      pf_camera_stop (self->camera);
    }

  if (self->demo != NULL && pf_demo_source_is_running (self->demo) && !(want && self->demo_mode))
    pf_demo_source_stop (self->demo);
  else if (want && self->demo_mode &&
           (self->demo == NULL || !pf_demo_source_is_running (self->demo)))
    pf_selfie_page_start_demo (self);

  ensure_worker (self, want);
  if (!want)
    pf_selfie_page_show_report (self, NULL);
  update_status_page (self);
}

/* "Try again": the camera starts over. */
void
pf_selfie_page_camera_retry (PfSelfiePage *self)
{
  self->demo_mode = FALSE;
  if (self->demo != NULL)
    pf_demo_source_stop (self->demo);
  if (wanted (self) && ensure_camera (self))
    start_camera (self);
  pf_selfie_page_update (self);
}

static void
demo_failed_cb (PfSelfiePage *self,
                const char   *message)
{
  self->demo_mode = FALSE;
  adw_status_page_set_description (self->status_page, message);
  pf_selfie_page_update (self);
}

/* Plays the demo face's story from its start, in place of the camera. */
void
pf_selfie_page_start_demo (PfSelfiePage *self)
{
  if (!wanted (self))
    return;

  if (self->demo == NULL)
    {
      self->demo = pf_demo_source_new (DEMO_RESOURCES, DEMO_FRAME_RATE, DEMO_SCENE_MSEC,
                                       _("The demo face is missing from this copy of the app."));
      g_signal_connect_object (self->demo, "frame", G_CALLBACK (frame_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->demo, "failed", G_CALLBACK (demo_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->camera != NULL && pf_camera_get_state (self->camera) != PF_CAMERA_STATE_STOPPED)
    pf_camera_stop (self->camera);

  pf_camera_view_clear (self->camera_view);
  pf_selfie_page_show_report (self, NULL);
  pf_demo_source_start (self->demo, "selfie");
}

void
pf_selfie_page_camera_init (PfSelfiePage *self)
{
  g_signal_connect_object (self->camera_dropdown, "notify::selected",
                           G_CALLBACK (camera_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_camera_dropdown, "notify::selected",
                           G_CALLBACK (camera_chosen_cb), self, G_CONNECT_SWAPPED);
}

void
pf_selfie_page_camera_dispose (PfSelfiePage *self)
{
  if (self->worker != NULL)
    pf_frame_worker_stop (self->worker);
  g_clear_object (&self->worker);
  self->frame_rate_millis = NULL;
  if (self->camera != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->camera, self);
      pf_camera_stop (self->camera);
      pf_camera_set_portal_parent (self->camera, NULL);
    }
  g_clear_object (&self->camera);
  g_clear_object (&self->demo);
}
