/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a camera page shows of its live camera when there is no picture:
 * the status page for each camera state with the ways on that apply, and
 * the two lists of cameras (over the picture and on the status page),
 * which follow hot-plug and keep the person's choice in the settings. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-live-camera-private.h"

static void
sync_dropdown (PfLiveCamera *self,
               GtkDropDown  *dropdown)
{
  GListModel *devices = gtk_drop_down_get_model (dropdown);
  g_autofree char *chosen = g_settings_get_string (self->widgets.settings, "camera");
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
devices_changed_cb (PfLiveCamera *self)
{
  sync_dropdown (self, self->widgets.camera_dropdown);
  sync_dropdown (self, self->widgets.status_camera_dropdown);
}

/* The person chose a camera: remembered (both steps use it), and the
 * camera follows the setting. */
static void
camera_chosen_cb (PfLiveCamera *self,
                  GParamSpec   *pspec,
                  GtkDropDown  *dropdown)
{
  PfCameraDevice *device = gtk_drop_down_get_selected_item (dropdown);

  if (self->syncing_cameras || device == NULL)
    return;

  g_settings_set_string (self->widgets.settings, "camera", pf_camera_device_get_name (device));
  devices_changed_cb (self);
}

/* Fills both lists with the cameras found, and keeps them up to date. */
void
pf_live_camera_list_devices (PfLiveCamera *self)
{
  GListModel *devices = pf_camera_get_devices (self->camera);
  GtkExpression *expression;

  expression = gtk_property_expression_new (PF_TYPE_CAMERA_DEVICE, NULL, "display-name");
  gtk_drop_down_set_expression (self->widgets.camera_dropdown, expression);
  gtk_drop_down_set_expression (self->widgets.status_camera_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->widgets.camera_dropdown, devices);
  gtk_drop_down_set_model (self->widgets.status_camera_dropdown, devices);
  g_signal_connect_object (devices, "items-changed", G_CALLBACK (devices_changed_cb), self,
                           G_CONNECT_SWAPPED);
  devices_changed_cb (self);
}

void
pf_live_camera_watch_choice (PfLiveCamera *self)
{
  g_signal_connect_object (self->widgets.camera_dropdown, "notify::selected",
                           G_CALLBACK (camera_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->widgets.status_camera_dropdown, "notify::selected",
                           G_CALLBACK (camera_chosen_cb), self, G_CONNECT_SWAPPED);
}

/* The status page for a camera that is not ready: what happened, and the
 * ways on that apply. The demo is always one of them. */
void
pf_live_camera_update_status (PfLiveCamera *self)
{
  PfLiveCameraWidgets *w = &self->widgets;
  PfCameraState state = self->camera != NULL ? pf_camera_get_state (self->camera)
                                             : PF_CAMERA_STATE_STOPPED;
  const char *title;
  const char *icon = "camera-disabled-symbolic";
  const char *message = self->camera != NULL ? pf_camera_get_message (self->camera) : "";
  GListModel *devices = gtk_drop_down_get_model (w->status_camera_dropdown);
  gboolean starting = FALSE;

  if (self->gst_failed)
    {
      state = PF_CAMERA_STATE_ERROR;
      message = w->gst_failed_message;
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

  adw_status_page_set_title (w->status_page, title);
  adw_status_page_set_description (w->status_page, message);
  adw_status_page_set_icon_name (w->status_page, icon);
  gtk_widget_set_visible (w->status_spinner, starting);
  gtk_spinner_set_spinning (GTK_SPINNER (w->status_spinner), starting);
  gtk_widget_set_visible (w->retry_button, !starting && !self->gst_failed);
  gtk_widget_set_visible (GTK_WIDGET (w->status_camera_dropdown),
                          !starting && devices != NULL && g_list_model_get_n_items (devices) > 1);
  gtk_widget_set_visible (w->demo_button, !starting);
}
