/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list of cameras, kept up to date while cameras are plugged in and
 * pulled out. Outside the sandbox a GstDeviceMonitor watches every video
 * source provider (V4L2, PipeWire, ...). Inside it, the camera portal
 * gives a PipeWire remote that shows only cameras, and the PipeWire
 * provider is pointed at it. Either way the changes arrive as bus messages,
 * handled on the main context. */

#include "config.h"

#include "pf-camera-monitor.h"

#define VIDEO_SOURCE_CLASSES "Video/Source"

struct _PfCameraMonitor
{
  GObject            parent_instance;

  /* Owned: exactly one of monitor and provider is set. */
  GstDeviceMonitor  *monitor;
  GstDeviceProvider *provider;
  GstBus            *bus;
  GSource           *watch;
  GListStore        *devices;
  gboolean           started;
};

G_DEFINE_FINAL_TYPE (PfCameraMonitor, pf_camera_monitor, G_TYPE_OBJECT)

static gboolean
find_device (PfCameraMonitor *self,
             GstDevice       *device,
             guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PfCameraDevice) item = g_list_model_get_item (G_LIST_MODEL (self->devices), i);

      if (pf_camera_device_get_device (item) == device)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_device (PfCameraMonitor *self,
            GstDevice       *device)
{
  g_autoptr(PfCameraDevice) item = NULL;
  guint position;

  /* The provider path sees every PipeWire node the remote shows. */
  if (!gst_device_has_classes (device, VIDEO_SOURCE_CLASSES))
    return;
  /* Devices found at start may also be announced on the bus. */
  if (find_device (self, device, &position))
    return;

  item = pf_camera_device_new (device);
  g_debug ("Camera added: %s", pf_camera_device_get_name (item));
  g_list_store_append (self->devices, item);
}

static void
remove_device (PfCameraMonitor *self,
               GstDevice       *device)
{
  guint position;

  if (find_device (self, device, &position))
    {
      g_debug ("Camera removed");
      g_list_store_remove (self->devices, position);
    }
}

static gboolean
bus_message_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  PfCameraMonitor *self = user_data;
  g_autoptr(GstDevice) device = NULL;
  g_autoptr(GstDevice) old_device = NULL;
  guint position;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_DEVICE_ADDED:
      gst_message_parse_device_added (message, &device);
      add_device (self, device);
      break;

    case GST_MESSAGE_DEVICE_REMOVED:
      gst_message_parse_device_removed (message, &device);
      remove_device (self, device);
      break;

    case GST_MESSAGE_DEVICE_CHANGED:
      gst_message_parse_device_changed (message, &device, &old_device);
      if (find_device (self, old_device, &position) && gst_device_has_classes (device, VIDEO_SOURCE_CLASSES))
        {
          g_autoptr(PfCameraDevice) item = pf_camera_device_new (device);

          g_list_store_splice (self->devices, position, 1, (gpointer *) &item, 1);
        }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static void
pf_camera_monitor_dispose (GObject *object)
{
  PfCameraMonitor *self = PF_CAMERA_MONITOR (object);

  if (self->watch != NULL)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }
  if (self->started && self->monitor != NULL)
    gst_device_monitor_stop (self->monitor);
  if (self->started && self->provider != NULL)
    gst_device_provider_stop (self->provider);
  self->started = FALSE;

  g_clear_object (&self->monitor);
  g_clear_object (&self->provider);
  g_clear_object (&self->bus);
  g_clear_object (&self->devices);

  G_OBJECT_CLASS (pf_camera_monitor_parent_class)->dispose (object);
}

static void
pf_camera_monitor_class_init (PfCameraMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_camera_monitor_dispose;
}

static void
pf_camera_monitor_init (PfCameraMonitor *self)
{
  self->devices = g_list_store_new (PF_TYPE_CAMERA_DEVICE);
}

/**
 * pf_camera_monitor_new:
 *
 * Watches every video source that GStreamer's device providers know.
 *
 * Returns: (transfer full): a new monitor, not yet started
 */
PfCameraMonitor *
pf_camera_monitor_new (void)
{
  PfCameraMonitor *self = g_object_new (PF_TYPE_CAMERA_MONITOR, NULL);

  self->monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (self->monitor, VIDEO_SOURCE_CLASSES, NULL);
  self->bus = gst_device_monitor_get_bus (self->monitor);

  return self;
}

/**
 * pf_camera_monitor_new_for_pipewire:
 * @fd: a PipeWire remote from the camera portal; borrowed, it must stay
 *   open while the monitor and its devices' elements live
 *
 * Returns: (transfer full) (nullable): a new monitor, not yet started, or
 *   %NULL when the PipeWire device provider is not installed or too old to
 *   take a remote
 */
PfCameraMonitor *
pf_camera_monitor_new_for_pipewire (int fd)
{
  g_autoptr(GstDeviceProvider) provider = NULL;
  PfCameraMonitor *self;

  g_return_val_if_fail (fd >= 0, NULL);

  provider = gst_device_provider_factory_get_by_name ("pipewiredeviceprovider");
  if (provider == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (provider), "fd") == NULL)
    return NULL;

  g_object_set (provider, "fd", fd, NULL);

  self = g_object_new (PF_TYPE_CAMERA_MONITOR, NULL);
  self->provider = g_steal_pointer (&provider);
  self->bus = gst_device_provider_get_bus (self->provider);

  return self;
}

/**
 * pf_camera_monitor_start:
 *
 * Lists the cameras there are now and starts following changes, which are
 * handled on the thread-default main context. Starting twice does nothing.
 */
void
pf_camera_monitor_start (PfCameraMonitor *self)
{
  GList *devices = NULL;

  g_return_if_fail (PF_IS_CAMERA_MONITOR (self));

  if (self->started)
    return;
  self->started = TRUE;

  /* Watch first, so that no change between the listing and the watch is
   * lost; duplicates are ignored. */
  self->watch = gst_bus_create_watch (self->bus);
  g_source_set_callback (self->watch, (GSourceFunc) bus_message_cb, self, NULL);
  g_source_set_static_name (self->watch, "[pf] camera monitor");
  g_source_attach (self->watch, g_main_context_get_thread_default ());

  if (self->monitor != NULL)
    {
      /* FALSE means no provider could start: there simply are no
       * cameras to list. */
      if (!gst_device_monitor_start (self->monitor))
        g_debug ("No video source provider could start");
      devices = gst_device_monitor_get_devices (self->monitor);
    }
  else
    {
      if (!gst_device_provider_start (self->provider))
        g_debug ("The PipeWire device provider could not start");
      devices = gst_device_provider_get_devices (self->provider);
    }

  for (GList *l = devices; l != NULL; l = l->next)
    add_device (self, l->data);
  g_list_free_full (devices, gst_object_unref);
}

/**
 * pf_camera_monitor_get_devices:
 *
 * Returns: (transfer none): the cameras, as #PfCameraDevice, in the order
 *   they were found
 */
GListModel *
pf_camera_monitor_get_devices (PfCameraMonitor *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_MONITOR (self), NULL);
  return G_LIST_MODEL (self->devices);
}

/**
 * pf_camera_monitor_find:
 * @name: (nullable): a device name
 *
 * Returns: (transfer none) (nullable): the camera with that name, or the
 *   first camera when @name is %NULL or not found; %NULL when there is none
 */
PfCameraDevice *
pf_camera_monitor_find (PfCameraMonitor *self,
                        const char      *name)
{
  guint n;
  PfCameraDevice *first = NULL;

  g_return_val_if_fail (PF_IS_CAMERA_MONITOR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PfCameraDevice) item = g_list_model_get_item (G_LIST_MODEL (self->devices), i);

      if (first == NULL)
        first = item;
      if (name != NULL && g_strcmp0 (pf_camera_device_get_name (item), name) == 0)
        return item;
    }

  /* The store keeps the item alive. */
  return first;
}

/**
 * pf_camera_monitor_contains:
 *
 * Returns: %TRUE while @device is in the list, %FALSE once it was pulled
 *   out (or replaced by a changed device)
 */
gboolean
pf_camera_monitor_contains (PfCameraMonitor *self,
                            PfCameraDevice  *device)
{
  g_return_val_if_fail (PF_IS_CAMERA_MONITOR (self), FALSE);
  g_return_val_if_fail (PF_IS_CAMERA_DEVICE (device), FALSE);

  return g_list_store_find (self->devices, device, NULL);
}
