/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live camera: a source (a test pipeline, the camera portal, or a
 * device) run through a fixed pipeline that ends in RGBA frames, and
 * everything that can go wrong turned into a state the photo page shows.
 * This file holds the object, its state and its API; the pipeline and its
 * frames are in pf-camera-pipeline.c, the choice of source (devices,
 * hot-plug, the portal) in pf-camera-source.c.
 *
 * Everything but the streaming thread's hand-over happens on the main
 * context (the thread-default context where the camera was made): state
 * changes, bus messages, hot-plug, and the "frame" signal. */

#include "config.h"

#include <math.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "pf-camera-enums.h"
#include "pf-camera-plugins.h"
#include "pf-camera-portal.h"
#include "pf-camera-private.h"

#define DEFAULT_START_TIMEOUT 10

G_DEFINE_FINAL_TYPE (PfCamera, pf_camera, G_TYPE_OBJECT)
G_DEFINE_QUARK (pf-camera-error-quark, pf_camera_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_DEVICES,
  PROP_CURRENT_DEVICE,
  PROP_DEVICE_NAME,
  PROP_PIPELINE_DESCRIPTION,
  PROP_USE_PORTAL,
  PROP_START_TIMEOUT,
  PROP_FRAME_RATE,
  PROP_FRAME_WIDTH,
  PROP_FRAME_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
default_message (PfCameraState state)
{
  switch (state)
    {
    case PF_CAMERA_STATE_STARTING:
      return _("Starting the camera…");
    case PF_CAMERA_STATE_NO_CAMERA:
      return _("No camera was found. Plug one in, or use a photo file instead.");
    case PF_CAMERA_STATE_PERMISSION_DENIED:
      return _("ID Preflight may not use the camera. You can allow it in the system settings, "
               "under Apps, or use a photo file instead.");
    case PF_CAMERA_STATE_BUSY:
      return _("Another app is using the camera. Close it and try again, "
               "or use a photo file instead.");
    case PF_CAMERA_STATE_ENDED:
      return _("The camera stopped. Try again, or use a photo file instead.");
    case PF_CAMERA_STATE_ERROR:
      return _("The camera stopped working. Try again, choose another camera, "
               "or use a photo file instead.");
    case PF_CAMERA_STATE_STOPPED:
    case PF_CAMERA_STATE_READY:
    default:
      return "";
    }
}

void
pf_camera_set_state (PfCamera      *self,
                     PfCameraState  state,
                     const char    *message)
{
  if (message == NULL)
    message = default_message (state);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
pf_camera_set_missing_error (PfCamera           *self,
                             const char * const *missing)
{
  g_autofree char *names = g_strjoinv (", ", (char **) missing);
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Parts of GStreamer that the camera needs are not installed: %s. "
                               "Install them, or use a photo file instead."),
                             names);
  pf_camera_set_state (self, PF_CAMERA_STATE_ERROR, message);
}

void
pf_camera_set_current_device (PfCamera       *self,
                              PfCameraDevice *device)
{
  if (g_set_object (&self->current_device, device))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_DEVICE]);
}

/* On the main context, with the newest frame. */
static void
deliver_frame (gpointer item,
               gint64   posted_at,
               gpointer user_data)
{
  g_autoptr(PfCamera) self = g_object_ref (user_data);
  gint64 latency = g_get_monotonic_time () - posted_at;
  double rate;
  int width, height;

  g_mutex_lock (&self->lock);
  self->stats.frames_delivered++;
  self->stats.latency_total_us += latency;
  self->stats.latency_max_us = MAX (self->stats.latency_max_us, latency);
  rate = pf_camera_frame_rate_locked (self);
  width = self->width;
  height = self->height;
  g_mutex_unlock (&self->lock);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->state == PF_CAMERA_STATE_STARTING)
    {
      if (self->start_timer != NULL)
        {
          g_source_destroy (self->start_timer);
          g_clear_pointer (&self->start_timer, g_source_unref);
        }
      pf_camera_set_state (self, PF_CAMERA_STATE_READY, NULL);
    }
  if (width != self->notified_width || height != self->notified_height)
    {
      self->notified_width = width;
      self->notified_height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_WIDTH]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_HEIGHT]);
    }
  /* Small jitter is not news. */
  if (fabs (rate - self->notified_rate) >= 0.5)
    {
      self->notified_rate = rate;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_RATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[FRAME], 0, item);
}

static void
pf_camera_dispose (GObject *object)
{
  PfCamera *self = PF_CAMERA (object);

  self->wanted = FALSE;
  g_cancellable_cancel (self->portal_cancellable);
  pf_camera_teardown (self);

  g_clear_object (&self->monitor);
  g_clear_object (&self->current_device);
  g_clear_object (&self->portal_cancellable);

  G_OBJECT_CLASS (pf_camera_parent_class)->dispose (object);
}

static void
pf_camera_finalize (GObject *object)
{
  PfCamera *self = PF_CAMERA (object);

  g_clear_pointer (&self->frames, pf_mailbox_free);
  g_clear_object (&self->devices);
  g_clear_pointer (&self->portal_parent, xdp_parent_free);
  if (self->pipewire_fd >= 0)
    close (self->pipewire_fd);
  g_free (self->pipeline_description);
  g_free (self->device_name);
  g_free (self->message);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (pf_camera_parent_class)->finalize (object);
}

static void
pf_camera_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PfCamera *self = PF_CAMERA (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_DEVICES:
      g_value_set_object (value, pf_camera_get_devices (self));
      break;

    case PROP_CURRENT_DEVICE:
      g_value_set_object (value, self->current_device);
      break;

    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;

    case PROP_PIPELINE_DESCRIPTION:
      g_value_set_string (value, self->pipeline_description);
      break;

    case PROP_USE_PORTAL:
      g_value_set_boolean (value, self->use_portal);
      break;

    case PROP_START_TIMEOUT:
      g_value_set_uint (value, self->start_timeout);
      break;

    case PROP_FRAME_RATE:
      g_value_set_double (value, pf_camera_get_frame_rate (self));
      break;

    case PROP_FRAME_WIDTH:
      g_value_set_int (value, self->notified_width);
      break;

    case PROP_FRAME_HEIGHT:
      g_value_set_int (value, self->notified_height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_camera_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PfCamera *self = PF_CAMERA (object);

  switch (prop_id)
    {
    case PROP_DEVICE_NAME:
      pf_camera_set_device_name (self, g_value_get_string (value));
      break;

    case PROP_PIPELINE_DESCRIPTION:
      pf_camera_set_pipeline_description (self, g_value_get_string (value));
      break;

    case PROP_USE_PORTAL:
      self->use_portal = g_value_get_boolean (value);
      break;

    case PROP_START_TIMEOUT:
      if (self->start_timeout != g_value_get_uint (value))
        {
          self->start_timeout = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_camera_class_init (PfCameraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_camera_dispose;
  object_class->finalize = pf_camera_finalize;
  object_class->get_property = pf_camera_get_property;
  object_class->set_property = pf_camera_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PF_TYPE_CAMERA_STATE,
                       PF_CAMERA_STATE_STOPPED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PfCamera:message:
   *
   * What the status page says in the current state: plain words and a way
   * on. Empty when stopped or ready.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PfCamera:devices:
   *
   * The cameras to choose from, as #PfCameraDevice, following hot-plug.
   * Inside the sandbox the list fills once the portal granted access.
   */
  properties[PROP_DEVICES] =
    g_param_spec_object ("devices", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENT_DEVICE] =
    g_param_spec_object ("current-device", NULL, NULL,
                         PF_TYPE_CAMERA_DEVICE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PfCamera:device-name:
   *
   * The #PfCameraDevice:name of the camera the person chose (the UI keeps
   * it in GSettings). When it is not plugged in, the first camera is used;
   * when it comes back, it is switched to.
   */
  properties[PROP_DEVICE_NAME] =
    g_param_spec_string ("device-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PfCamera:pipeline-description:
   *
   * A gst-launch style description ending in raw video that replaces the
   * camera, for tests and demos. Set from `PF_CAMERA_PIPELINE` when the
   * camera is made.
   */
  properties[PROP_PIPELINE_DESCRIPTION] =
    g_param_spec_string ("pipeline-description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PfCamera:use-portal:
   *
   * Whether to ask the camera portal. By default, exactly when running in
   * the Flatpak sandbox.
   */
  properties[PROP_USE_PORTAL] =
    g_param_spec_boolean ("use-portal", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PfCamera:start-timeout:
   *
   * Seconds to wait for the first frame before giving up with an error;
   * 0 waits for ever.
   */
  properties[PROP_START_TIMEOUT] =
    g_param_spec_uint ("start-timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_START_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PfCamera:frame-rate:
   *
   * Frames a second arriving from the source, measured over the last
   * second or so; 0 before two frames came. Notified when it changed by
   * half a frame a second or more.
   */
  properties[PROP_FRAME_RATE] =
    g_param_spec_double ("frame-rate", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FRAME_WIDTH] =
    g_param_spec_int ("frame-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FRAME_HEIGHT] =
    g_param_spec_int ("frame-height", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PfCamera::frame:
   * @image: the newest frame, RGBA
   *
   * Emitted on the main context (the thread-default context where the
   * camera was made) for the newest frame. When the main context is busy,
   * frames in between are skipped, never queued. Take a reference to keep
   * the frame; keep frames only briefly, or copy them (pf_image_copy()),
   * because they may hold a buffer of the pipeline.
   */
  signals[FRAME] =
    g_signal_new ("frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  PF_TYPE_IMAGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pf_camera_init (PfCamera *self)
{
  const char *description = g_getenv ("PF_CAMERA_PIPELINE");

  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->frames = pf_mailbox_new (self->context, deliver_frame, self,
                                 (GDestroyNotify) pf_image_unref);
  self->devices = g_list_store_new (PF_TYPE_CAMERA_DEVICE);
  self->pipewire_fd = -1;
  self->start_timeout = DEFAULT_START_TIMEOUT;
  self->use_portal = pf_camera_portal_is_sandboxed ();
  self->message = g_strdup ("");

  if (description != NULL && *description != '\0')
    self->pipeline_description = g_strdup (description);
}

/**
 * pf_camera_new:
 *
 * GStreamer must be initialised. The camera belongs to the thread-default
 * main context of the caller: signals and notifications come there.
 *
 * Returns: (transfer full): a new, stopped camera
 */
PfCamera *
pf_camera_new (void)
{
  g_return_val_if_fail (gst_is_initialized (), NULL);

  return g_object_new (PF_TYPE_CAMERA, NULL);
}

/**
 * pf_camera_start:
 *
 * Starts the camera, or starts it again after a failure ("Try again").
 * The state goes to %PF_CAMERA_STATE_STARTING, then to
 * %PF_CAMERA_STATE_READY with the first frame, or to one of the failure
 * states.
 */
void
pf_camera_start (PfCamera *self)
{
  g_auto(GStrv) missing = NULL;

  g_return_if_fail (PF_IS_CAMERA (self));

  self->wanted = TRUE;
  pf_camera_teardown (self);
  pf_camera_set_state (self, PF_CAMERA_STATE_STARTING, NULL);

  missing = pf_camera_find_missing_required ();
  if (missing[0] != NULL)
    {
      pf_camera_set_missing_error (self, (const char * const *) missing);
      return;
    }

  if (self->pipeline_description == NULL && self->use_portal && self->pipewire_fd < 0)
    {
      static const char * const portal_elements[] = { "pipewiresrc", NULL };

      g_strfreev (missing);
      missing = pf_camera_find_missing_elements (portal_elements);
      if (missing[0] != NULL)
        {
          pf_camera_set_missing_error (self, (const char * const *) missing);
          return;
        }

      pf_camera_request_portal (self);
      return;
    }

  if (self->pipeline_description == NULL && self->monitor == NULL && !self->use_portal)
    pf_camera_set_monitor (self, pf_camera_monitor_new ());

  pf_camera_start_source (self);
}

/**
 * pf_camera_stop:
 *
 * Stops the pipeline (waiting for its threads), withdraws a pending
 * portal question, and goes to %PF_CAMERA_STATE_STOPPED.
 */
void
pf_camera_stop (PfCamera *self)
{
  g_return_if_fail (PF_IS_CAMERA (self));

  self->wanted = FALSE;
  g_cancellable_cancel (self->portal_cancellable);
  pf_camera_teardown (self);
  pf_camera_set_state (self, PF_CAMERA_STATE_STOPPED, NULL);
}

PfCameraState
pf_camera_get_state (PfCamera *self)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), PF_CAMERA_STATE_ERROR);
  return self->state;
}

/**
 * pf_camera_get_message:
 *
 * Returns: what to tell the person in the current state (translated);
 *   empty when there is nothing to say
 */
const char *
pf_camera_get_message (PfCamera *self)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), NULL);
  return self->message;
}

/**
 * pf_camera_get_devices:
 *
 * Outside the sandbox, the first call starts watching for cameras.
 *
 * Returns: (transfer none): the cameras, as #PfCameraDevice
 */
GListModel *
pf_camera_get_devices (PfCamera *self)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), NULL);

  if (self->monitor == NULL && !self->use_portal)
    pf_camera_set_monitor (self, pf_camera_monitor_new ());

  return G_LIST_MODEL (self->devices);
}

/**
 * pf_camera_get_current_device:
 *
 * Returns: (transfer none) (nullable): the camera in use (or last tried)
 */
PfCameraDevice *
pf_camera_get_current_device (PfCamera *self)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), NULL);
  return self->current_device;
}

const char *
pf_camera_get_device_name (PfCamera *self)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), NULL);
  return self->device_name;
}

/**
 * pf_camera_set_device_name:
 * @name: (nullable): a #PfCameraDevice:name, or %NULL for the first camera
 *
 * Chooses the camera; a running camera switches to it.
 */
void
pf_camera_set_device_name (PfCamera   *self,
                           const char *name)
{
  g_return_if_fail (PF_IS_CAMERA (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (self->device_name, name) == 0)
    return;

  g_free (self->device_name);
  self->device_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_NAME]);

  if (self->wanted && self->pipeline_description == NULL && self->monitor != NULL)
    {
      PfCameraDevice *chosen = pf_camera_monitor_find (self->monitor, name);

      if (chosen != self->current_device)
        pf_camera_start_source (self);
    }
}

const char *
pf_camera_get_pipeline_description (PfCamera *self)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), NULL);
  return self->pipeline_description;
}

/**
 * pf_camera_set_pipeline_description:
 * @description: (nullable): a gst-launch style description ending in raw
 *   video, or %NULL for the real camera
 *
 * A running camera restarts with the new source.
 */
void
pf_camera_set_pipeline_description (PfCamera   *self,
                                    const char *description)
{
  g_return_if_fail (PF_IS_CAMERA (self));

  if (description != NULL && *description == '\0')
    description = NULL;
  if (g_strcmp0 (self->pipeline_description, description) == 0)
    return;

  g_free (self->pipeline_description);
  self->pipeline_description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE_DESCRIPTION]);

  if (self->wanted)
    pf_camera_start (self);
}

/**
 * pf_camera_set_portal_parent:
 * @parent: (nullable): the window the portal's question belongs to, from
 *   xdp_parent_new_gtk(); copied
 */
void
pf_camera_set_portal_parent (PfCamera  *self,
                             XdpParent *parent)
{
  g_return_if_fail (PF_IS_CAMERA (self));

  g_clear_pointer (&self->portal_parent, xdp_parent_free);
  if (parent != NULL)
    self->portal_parent = xdp_parent_copy (parent);
}

/**
 * pf_camera_get_frame_rate:
 *
 * Returns: the measured frames a second from the source; 0 when unknown
 */
double
pf_camera_get_frame_rate (PfCamera *self)
{
  double rate;

  g_return_val_if_fail (PF_IS_CAMERA (self), 0.0);

  g_mutex_lock (&self->lock);
  rate = pf_camera_frame_rate_locked (self);
  g_mutex_unlock (&self->lock);

  return rate;
}

/**
 * pf_camera_get_frame_size:
 * @width: (out) (optional): the negotiated width
 * @height: (out) (optional): the negotiated height
 *
 * Returns: %TRUE once a frame was delivered
 */
gboolean
pf_camera_get_frame_size (PfCamera *self,
                          int      *width,
                          int      *height)
{
  g_return_val_if_fail (PF_IS_CAMERA (self), FALSE);

  if (width != NULL)
    *width = self->notified_width;
  if (height != NULL)
    *height = self->notified_height;

  return self->notified_width > 0;
}

/**
 * pf_camera_get_stats:
 * @stats: (out caller-allocates): filled with the counts so far
 */
void
pf_camera_get_stats (PfCamera      *self,
                     PfCameraStats *stats)
{
  g_return_if_fail (PF_IS_CAMERA (self));
  g_return_if_fail (stats != NULL);

  g_mutex_lock (&self->lock);
  *stats = self->stats;
  g_mutex_unlock (&self->lock);
}
