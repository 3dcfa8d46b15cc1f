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
#include <libportal-gtk4/portal-gtk4.h>

#include "pf-application.h"
#include "pf-photo-page-private.h"

#define AUTO_CAPTURE_USEC (G_USEC_PER_SEC)
#define COUNTDOWN_MSEC    33

static gboolean
wanted (PfPhotoPage *self)
{
  return self->shown && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         (self->phase == PF_PHOTO_PHASE_TAKING || self->phase == PF_PHOTO_PHASE_CHECKING);
}

gboolean
pf_photo_page_is_live (PfPhotoPage *self)
{
  if (self->phase != PF_PHOTO_PHASE_TAKING && self->phase != PF_PHOTO_PHASE_CHECKING)
    return FALSE;
  if (self->demo_mode)
    return self->demo != NULL && pf_photo_demo_is_running (self->demo);

  return self->camera != NULL && pf_camera_get_state (self->camera) == PF_CAMERA_STATE_READY;
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
  if (self->worker != NULL)
    pf_frame_worker_submit (self->worker, image);
  if (first)
    pf_photo_page_update (self);
}

static void
result_cb (PfPhotoPage   *self,
           PfImage       *image,
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

/* The worker checks with the options of the moment: a new one when the
 * document kind or the glare setting changed. */
static void
ensure_worker (PfPhotoPage *self,
               gboolean     needed)
{
  PfPhotoOptions options;

  pf_photo_page_get_options (self, &options);
  options.live = TRUE;
  if (self->worker != NULL && (!needed || memcmp (&options, &self->worker_options, sizeof options) != 0))
    {
      pf_frame_worker_stop (self->worker);
      g_clear_object (&self->worker);
    }
  if (!needed || self->worker != NULL)
    return;

  self->worker_options = options;
  self->worker = pf_frame_worker_new_photo_check (&options);
  g_signal_connect_object (self->worker, "result", G_CALLBACK (result_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The application, for the command line's --demo and --camera-pipeline;
 * %NULL for a page outside the app's window (in a test). */
static PfApplication *
get_application (PfPhotoPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application;

  if (!GTK_IS_WINDOW (root))
    return NULL;

  application = gtk_window_get_application (GTK_WINDOW (root));
  return PF_IS_APPLICATION (application) ? PF_APPLICATION (application) : NULL;
}

/* --demo: the demo document from the start, once. */
static void
read_demo_option (PfPhotoPage *self)
{
  PfApplication *application = get_application (self);

  if (self->launch_options_read || application == NULL)
    return;

  self->launch_options_read = TRUE;
  if (pf_application_get_demo (application))
    self->demo_mode = TRUE;
}

static void
sync_dropdown (PfPhotoPage *self,
               GtkDropDown *dropdown)
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
devices_changed_cb (PfPhotoPage *self)
{
  sync_dropdown (self, self->camera_dropdown);
  sync_dropdown (self, self->status_camera_dropdown);
}

/* The person chose a camera: remembered, and the camera follows the
 * setting. */
static void
camera_chosen_cb (PfPhotoPage *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  PfCameraDevice *device = gtk_drop_down_get_selected_item (dropdown);

  if (self->syncing_cameras || device == NULL)
    return;

  g_settings_set_string (self->settings, "camera", pf_camera_device_get_name (device));
  devices_changed_cb (self);
}

static void
state_changed_cb (PfPhotoPage *self)
{
  pf_photo_page_update (self);
}

static gboolean
ensure_camera (PfPhotoPage *self)
{
  g_autoptr(GError) error = NULL;
  PfApplication *application;
  GtkExpression *expression;

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
  g_signal_connect_object (self->camera, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera, "notify::message", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "camera", self->camera, "device-name", G_SETTINGS_BIND_GET);
  application = get_application (self);
  if (application != NULL && pf_application_get_camera_pipeline (application) != NULL)
    pf_camera_set_pipeline_description (self->camera,
                                        pf_application_get_camera_pipeline (application));

  /* A test or demo pipeline stands in for every camera: no list then. */
  if (pf_camera_get_pipeline_description (self->camera) == NULL)
    {
      GListModel *devices = pf_camera_get_devices (self->camera);

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
start_camera (PfPhotoPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

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

  pf_camera_view_set_report (self->camera_view, NULL);
  pf_camera_start (self->camera);
}

/* The status page for a camera that is not ready: what happened, and the
 * ways on that apply. A demo document is always one of them. */
static void
update_status_page (PfPhotoPage *self)
{
  PfCameraState state = self->camera != NULL ? pf_camera_get_state (self->camera)
                                             : PF_CAMERA_STATE_STOPPED;
  const char *title = NULL;
  const char *icon = "camera-disabled-symbolic";
  const char *message = self->camera != NULL ? pf_camera_get_message (self->camera) : "";
  gboolean starting = FALSE;
  gboolean several;

  if (self->gst_failed)
    {
      state = PF_CAMERA_STATE_ERROR;
      message = _("The camera cannot be used: GStreamer does not start. "
                  "Open a photo file instead.");
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

  several = self->camera != NULL && gtk_drop_down_get_model (self->status_camera_dropdown) != NULL &&
            g_list_model_get_n_items (gtk_drop_down_get_model (self->status_camera_dropdown)) > 1;

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, message);
  adw_status_page_set_icon_name (self->status_page, icon);
  gtk_widget_set_visible (self->status_spinner, starting);
  gtk_spinner_set_spinning (GTK_SPINNER (self->status_spinner), starting);
  gtk_widget_set_visible (self->retry_button, !starting && !self->gst_failed);
  gtk_widget_set_visible (GTK_WIDGET (self->status_camera_dropdown), !starting && several);
  gtk_widget_set_visible (self->demo_button, !starting);
}

/* Runs the camera, the demo and the worker exactly while a photo is
 * wanted and the page is seen. */
void
pf_photo_page_camera_update (PfPhotoPage *self)
{
  gboolean want = wanted (self);
  gboolean camera_running = self->camera != NULL &&
                            pf_camera_get_state (self->camera) != PF_CAMERA_STATE_STOPPED;

  if (want)
    read_demo_option (self);

  if (want && !self->demo_mode)
    {
      if (!camera_running && ensure_camera (self))
        start_camera (self);
    }
  else if (camera_running)
    {
      pf_camera_stop (self->camera);
    }

  if (self->demo != NULL && pf_photo_demo_is_running (self->demo) && !(want && self->demo_mode))
    pf_photo_demo_stop (self->demo);
  else if (want && self->demo_mode && (self->demo == NULL || !pf_photo_demo_is_running (self->demo)))
    pf_photo_page_start_demo (self);

  ensure_worker (self, want);
  if (self->phase != PF_PHOTO_PHASE_TAKING || !pf_photo_page_is_live (self))
    pf_photo_page_stop_countdown (self);

  update_status_page (self);
  update_instruction (self);
}

/* "Try again": the camera starts over (a test pipeline too). */
void
pf_photo_page_camera_retry (PfPhotoPage *self)
{
  self->demo_mode = FALSE;
  if (self->demo != NULL)
    pf_photo_demo_stop (self->demo);
  if (wanted (self) && ensure_camera (self))
    start_camera (self);
  pf_photo_page_update (self);
}

static void
demo_failed_cb (PfPhotoPage *self,
                const char  *message)
{
  self->demo_mode = FALSE;
  pf_photo_page_show_message (self, message);
  pf_photo_page_update (self);
}

/* Plays the demo document's story from its start, in place of the camera. */
void
pf_photo_page_start_demo (PfPhotoPage *self)
{
  PfPhotoOptions options;

  if (!wanted (self))
    return;

  if (self->demo == NULL)
    {
      self->demo = pf_photo_demo_new ();
      g_signal_connect_object (self->demo, "frame", G_CALLBACK (frame_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->demo, "failed", G_CALLBACK (demo_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->camera != NULL && pf_camera_get_state (self->camera) != PF_CAMERA_STATE_STOPPED)
    pf_camera_stop (self->camera);

  pf_camera_view_clear (self->camera_view);
  pf_photo_page_get_options (self, &options);
  pf_photo_demo_start (self->demo, options.kind);
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
  pf_photo_page_check_image (self, image);
}

void
pf_photo_page_camera_init (PfPhotoPage *self)
{
  g_signal_connect_object (self->camera_view, "notify::instruction",
                           G_CALLBACK (update_instruction), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-capture",
                           G_CALLBACK (auto_capture_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera_dropdown, "notify::selected",
                           G_CALLBACK (camera_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_camera_dropdown, "notify::selected",
                           G_CALLBACK (camera_chosen_cb), self, G_CONNECT_SWAPPED);
}

void
pf_photo_page_camera_dispose (PfPhotoPage *self)
{
  pf_photo_page_stop_countdown (self);
  if (self->worker != NULL)
    pf_frame_worker_stop (self->worker);
  g_clear_object (&self->worker);
  if (self->camera != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->camera, self);
      pf_camera_stop (self->camera);
      pf_camera_set_portal_parent (self->camera, NULL);
    }
  g_clear_object (&self->camera);
  g_clear_object (&self->demo);
}
