/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One camera in the list the person chooses from. Its name must stay the
 * same across runs and replugging, because the choice is remembered in
 * GSettings; the GstDevice's own object name ("device3") does not. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-camera-device.h"

struct _PfCameraDevice
{
  GObject    parent_instance;

  GstDevice *device;
  char      *name;
  char      *display_name;
};

G_DEFINE_FINAL_TYPE (PfCameraDevice, pf_camera_device, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_DEVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The most stable identity each kind of device offers: a PipeWire node
 * name, else the USB port and model of a V4L2 device, else its path. */
static char *
stable_name (GstDevice  *device,
             const char *display_name)
{
  g_autoptr(GstStructure) props = gst_device_get_properties (device);
  const char *value;

  if (props != NULL)
    {
      if ((value = gst_structure_get_string (props, "node.name")) != NULL)
        return g_strdup (value);
      if ((value = gst_structure_get_string (props, "v4l2.device.bus_info")) != NULL)
        return g_strdup_printf ("%s@%s", display_name, value);
      if ((value = gst_structure_get_string (props, "device.path")) != NULL)
        return g_strdup (value);
    }

  return g_strdup (display_name);
}

static void
pf_camera_device_finalize (GObject *object)
{
  PfCameraDevice *self = PF_CAMERA_DEVICE (object);

  g_clear_object (&self->device);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (pf_camera_device_parent_class)->finalize (object);
}

static void
pf_camera_device_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfCameraDevice *self = PF_CAMERA_DEVICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_camera_device_class_init (PfCameraDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pf_camera_device_finalize;
  object_class->get_property = pf_camera_device_get_property;

  /**
   * PfCameraDevice:name:
   *
   * A name that stays the same across runs, to remember the choice by.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PfCameraDevice:display-name:
   *
   * The name to show, as the driver gives it ("HD Webcam").
   */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL,
                         GST_TYPE_DEVICE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_camera_device_init (PfCameraDevice *self)
{
}

/**
 * pf_camera_device_new:
 * @device: a video source device
 *
 * Returns: (transfer full): a new list item for @device
 */
PfCameraDevice *
pf_camera_device_new (GstDevice *device)
{
  PfCameraDevice *self;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (GST_IS_DEVICE (device), NULL);

  display_name = gst_device_get_display_name (device);
  if (display_name == NULL || *display_name == '\0')
    {
      g_free (display_name);
      display_name = g_strdup (_("Camera"));
    }

  self = g_object_new (PF_TYPE_CAMERA_DEVICE, NULL);
  self->device = g_object_ref (device);
  self->name = stable_name (device, display_name);
  self->display_name = g_steal_pointer (&display_name);

  return self;
}

const char *
pf_camera_device_get_name (PfCameraDevice *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_DEVICE (self), NULL);
  return self->name;
}

const char *
pf_camera_device_get_display_name (PfCameraDevice *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_DEVICE (self), NULL);
  return self->display_name;
}

/**
 * pf_camera_device_get_device:
 *
 * Returns: (transfer none): the GStreamer device
 */
GstDevice *
pf_camera_device_get_device (PfCameraDevice *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_DEVICE (self), NULL);
  return self->device;
}
