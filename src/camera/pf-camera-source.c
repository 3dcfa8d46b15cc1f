/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which source PfCamera runs: a test description when one is set,
 * otherwise the chosen device (or the first), found by a monitor that
 * follows hot-plug; inside the sandbox the devices come through the camera
 * portal once the person allowed it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-camera-portal.h"
#include "pf-camera-private.h"

static void
start_description (PfCamera *self)
{
  g_autoptr(GstParseContext) context = gst_parse_context_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  GstElement *bin;

  /* In gst-launch syntax caps only stand between two elements, yet a
   * description naturally ends in caps ("videotestsrc ! video/x-raw,..."):
   * a pass-through element closes it. */
  pf_camera_set_current_device (self, NULL);

  full = g_strdup_printf ("%s ! identity silent=true", self->pipeline_description);
  bin = gst_parse_bin_from_description_full (full, TRUE, context,
                                             GST_PARSE_FLAG_FATAL_ERRORS, &error);
  if (bin == NULL)
    {
      g_auto(GStrv) missing = gst_parse_context_get_missing_elements (context);

      g_debug ("Cannot parse the camera pipeline: %s", error->message);
      if (missing != NULL && missing[0] != NULL)
        {
          pf_camera_set_missing_error (self, (const char * const *) missing);
        }
      else
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("The camera pipeline cannot be built: %s"), error->message);
          pf_camera_set_state (self, PF_CAMERA_STATE_ERROR, message);
        }
      return;
    }

  pf_camera_run_source (self, bin);
}

static void
start_device (PfCamera *self)
{
  PfCameraDevice *device = NULL;
  GstElement *source;

  if (self->monitor != NULL)
    device = pf_camera_monitor_find (self->monitor, self->device_name);
  pf_camera_set_current_device (self, device);

  if (device != NULL)
    {
      source = gst_device_create_element (pf_camera_device_get_device (device), NULL);
    }
  else if (self->monitor == NULL && self->pipewire_fd >= 0)
    {
      /* No PipeWire device provider that takes a remote: the portal's
       * default camera, through the element itself. */
      source = gst_element_factory_make ("pipewiresrc", NULL);
      if (source != NULL)
        g_object_set (source, "fd", self->pipewire_fd, NULL);
    }
  else
    {
      pf_camera_set_state (self, PF_CAMERA_STATE_NO_CAMERA, NULL);
      return;
    }

  if (source == NULL)
    {
      g_debug ("The device made no element");
      pf_camera_set_state (self, PF_CAMERA_STATE_ERROR, NULL);
      return;
    }

  pf_camera_run_source (self, source);
}

/* Starts whatever source applies now. */
void
pf_camera_start_source (PfCamera *self)
{
  pf_camera_teardown (self);
  pf_camera_set_state (self, PF_CAMERA_STATE_STARTING, NULL);

  if (self->pipeline_description != NULL)
    start_description (self);
  else
    start_device (self);
}

/* Hot-plug: the monitor's list changed. */
static void
monitor_items_changed_cb (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          gpointer    user_data)
{
  PfCamera *self = user_data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, position + i));
  g_list_store_splice (self->devices, position, removed, items->pdata, added);

  if (!self->wanted || self->pipeline_description != NULL)
    return;

  if (self->current_device != NULL &&
      !pf_camera_monitor_contains (self->monitor, self->current_device))
    {
      /* The camera in use was pulled out: on to another, if any. */
      g_debug ("The camera in use went away");
      pf_camera_start_source (self);
    }
  else if (self->state == PF_CAMERA_STATE_NO_CAMERA && added > 0)
    {
      pf_camera_start_source (self);
    }
  else if (self->device_name != NULL && added > 0 && self->current_device != NULL &&
           g_strcmp0 (pf_camera_device_get_name (self->current_device), self->device_name) != 0)
    {
      PfCameraDevice *chosen = pf_camera_monitor_find (self->monitor, self->device_name);

      /* The remembered camera came back. */
      if (chosen != NULL && g_strcmp0 (pf_camera_device_get_name (chosen), self->device_name) == 0)
        pf_camera_start_source (self);
    }
}

void
pf_camera_set_monitor (PfCamera        *self,
                       PfCameraMonitor *monitor)
{
  GListModel *model;

  g_assert (self->monitor == NULL);

  self->monitor = monitor;
  model = pf_camera_monitor_get_devices (monitor);
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (monitor_items_changed_cb), self, 0);
  pf_camera_monitor_start (monitor);
}

static void
portal_open_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PfCamera) self = user_data;
  g_autoptr(GError) error = NULL;
  int fd;

  self->portal_pending = FALSE;
  g_clear_object (&self->portal_cancellable);

  fd = pf_camera_portal_open_finish (result, &error);
  if (fd >= 0)
    {
      /* Kept even if the camera was stopped meanwhile: access is granted
       * for the app's lifetime, so the next start needs no question. */
      PfCameraMonitor *monitor = pf_camera_monitor_new_for_pipewire (fd);

      self->pipewire_fd = fd;
      if (monitor != NULL)
        pf_camera_set_monitor (self, monitor);
    }

  if (!self->wanted)
    return;

  if (fd >= 0)
    pf_camera_start_source (self);
  else if (g_error_matches (error, PF_CAMERA_ERROR, PF_CAMERA_ERROR_NO_CAMERA))
    pf_camera_set_state (self, PF_CAMERA_STATE_NO_CAMERA, NULL);
  else if (g_error_matches (error, PF_CAMERA_ERROR, PF_CAMERA_ERROR_PERMISSION_DENIED))
    pf_camera_set_state (self, PF_CAMERA_STATE_PERMISSION_DENIED, NULL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped, then started again before the withdrawn question closed:
       * ask anew. (A refusal comes as PERMISSION_DENIED.) */
      pf_camera_request_portal (self);
    }
  else
    pf_camera_set_state (self, PF_CAMERA_STATE_ERROR,
                         _("The camera could not be reached through the system’s camera access. "
                           "Try again, or use a photo file instead."));
}

/* Asks the portal for the camera, unless a question is already open. */
void
pf_camera_request_portal (PfCamera *self)
{
  if (self->portal_pending)
    return;

  self->portal_pending = TRUE;
  self->portal_cancellable = g_cancellable_new ();
  pf_camera_portal_open_async (self->portal_parent, self->portal_cancellable,
                               portal_open_cb, g_object_ref (self));
}
