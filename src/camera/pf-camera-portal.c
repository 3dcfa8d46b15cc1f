/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inside the Flatpak sandbox the app sees no camera devices; it asks the
 * camera portal, which asks the person, and gets back a PipeWire remote
 * that shows only the cameras. */

#include "config.h"

#include "pf-camera.h"
#include "pf-camera-portal.h"

/**
 * pf_camera_portal_is_sandboxed:
 *
 * Returns: %TRUE inside a Flatpak sandbox, where the camera must come
 *   through the portal
 */
gboolean
pf_camera_portal_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static void
access_camera_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  XdpPortal *portal = XDP_PORTAL (source);
  int fd;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The portal answers a refusal with G_IO_ERROR_CANCELLED too; our own
   * cancellation was handled just above. */
  if (!xdp_portal_access_camera_finish (portal, result, &error))
    {
      g_debug ("Camera access refused: %s", error->message);
      g_task_return_new_error (task, PF_CAMERA_ERROR, PF_CAMERA_ERROR_PERMISSION_DENIED,
                               "Camera access refused");
      return;
    }

  fd = xdp_portal_open_pipewire_remote_for_camera (portal);
  if (fd < 0)
    {
      g_task_return_new_error (task, PF_CAMERA_ERROR, PF_CAMERA_ERROR_FAILED,
                               "The camera portal gave no PipeWire remote");
      return;
    }

  g_task_return_int (task, fd);
}

/**
 * pf_camera_portal_open_async:
 * @parent: (nullable): the window to put the portal's question over
 *
 * Asks the camera portal for access, then for the PipeWire remote.
 */
void
pf_camera_portal_open_async (XdpParent           *parent,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, pf_camera_portal_open_async);
  /* A remote handed over after cancellation must still be closed by the
   * receiver, so the result is not replaced by a cancellation error. */
  g_task_set_check_cancellable (task, FALSE);

  /* libportal takes the session bus for granted; without one there is no
   * portal to ask. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, &error);
  if (bus == NULL)
    {
      g_debug ("No session bus: %s", error->message);
      g_task_return_new_error (task, PF_CAMERA_ERROR, PF_CAMERA_ERROR_FAILED,
                               "No session bus to reach the camera portal");
      return;
    }

  portal = xdp_portal_new ();
  g_task_set_task_data (task, g_object_ref (portal), g_object_unref);

  if (!xdp_portal_is_camera_present (portal))
    {
      g_task_return_new_error (task, PF_CAMERA_ERROR, PF_CAMERA_ERROR_NO_CAMERA,
                               "The camera portal knows no camera");
      return;
    }

  xdp_portal_access_camera (portal, parent, XDP_CAMERA_FLAG_NONE, cancellable,
                            access_camera_cb, g_steal_pointer (&task));
}

/**
 * pf_camera_portal_open_finish:
 *
 * Returns: a PipeWire remote that the caller owns, or -1 with @error set
 *   in the #PF_CAMERA_ERROR domain (or G_IO_ERROR_CANCELLED)
 */
int
pf_camera_portal_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
}
