/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PfCamera's pipeline:
 *
 *   source ! queue ! videoconvert ! videoscale ! capsfilter(RGBA) ! appsink
 *
 * or, when the source's best mode is MJPEG (see pf-camera-mode.c),
 *
 *   source ! capsfilter(image/jpeg) ! jpegdec ! queue ! ...
 *
 * The streaming thread only copies each frame into a PfImage and posts it
 * to a mailbox that keeps the newest; one bus watch on the main context
 * turns errors and the end of the stream into states. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "pf-camera-private.h"

/* What the pipeline asks of the source: RGBA, at least 640×360 so that
 * the checks have pixels to work with, at most 1080p so that a 4K camera
 * does not cost four times the memory and analysis time. */
#define FRAME_CAPS \
  "video/x-raw,format=RGBA,width=[640,1920],height=[360,1080],pixel-aspect-ratio=1/1"

/* Stops the pipeline and waits for its streaming threads, then drops the
 * frame that may still wait for the main context. */
void
pf_camera_teardown (PfCamera *self)
{
  if (self->start_timer != NULL)
    {
      g_source_destroy (self->start_timer);
      g_clear_pointer (&self->start_timer, g_source_unref);
    }
  if (self->bus_watch != NULL)
    {
      g_source_destroy (self->bus_watch);
      g_clear_pointer (&self->bus_watch, g_source_unref);
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      self->source = NULL;
      g_clear_object (&self->pipeline);
    }
  pf_mailbox_clear (self->frames);

  g_mutex_lock (&self->lock);
  self->n_arrivals = 0;
  g_mutex_unlock (&self->lock);
}

/* Whether @object is the source element or inside it (a parsed
 * description is a bin). */
static gboolean
is_from_source (PfCamera  *self,
                GstObject *object)
{
  if (self->source == NULL || object == NULL)
    return FALSE;

  return object == GST_OBJECT (self->source) ||
         gst_object_has_as_ancestor (object, GST_OBJECT (self->source));
}

static void
handle_error (PfCamera     *self,
              const GError *error,
              const char   *debug,
              GstObject    *origin)
{
  gboolean from_source = is_from_source (self, origin);

  /* GStreamer's own texts name elements, files and devices, never what a
   * camera sees; they stay in the debug log. */
  g_debug ("Pipeline error from %s: %s (%s %d) %s",
           origin != NULL ? GST_OBJECT_NAME (origin) : "?",
           error->message, g_quark_to_string (error->domain), error->code,
           debug != NULL ? debug : "");

  pf_camera_teardown (self);

  if (self->current_device != NULL && self->monitor != NULL &&
      !pf_camera_monitor_contains (self->monitor, self->current_device))
    {
      /* The camera was pulled out and the list already knows it. */
      pf_camera_start_source (self);
    }
  else if (g_error_matches (error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_BUSY))
    {
      pf_camera_set_state (self, PF_CAMERA_STATE_BUSY, NULL);
    }
  else if (from_source && self->current_device != NULL &&
           g_error_matches (error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
    {
      pf_camera_set_state (self, PF_CAMERA_STATE_NO_CAMERA, NULL);
    }
  else if (g_error_matches (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION) ||
           g_error_matches (error, GST_STREAM_ERROR, GST_STREAM_ERROR_FORMAT) ||
           g_error_matches (error, GST_STREAM_ERROR, GST_STREAM_ERROR_WRONG_TYPE))
    {
      pf_camera_set_state (self, PF_CAMERA_STATE_ERROR,
                           _("The camera sends pictures in a form this app cannot read. "
                             "Choose another camera, or use a photo file instead."));
    }
  else if (g_error_matches (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
           g_error_matches (error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    {
      pf_camera_set_state (self, PF_CAMERA_STATE_ERROR,
                           _("A GStreamer plugin that the camera needs is not installed. "
                             "Install the GStreamer plugins, or use a photo file instead."));
    }
  else
    {
      pf_camera_set_state (self, PF_CAMERA_STATE_ERROR, NULL);
    }
}

static void
handle_error_message (PfCamera   *self,
                      GstMessage *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;
  g_autoptr(GstObject) origin = NULL;

  if (message == NULL)
    {
      g_autoptr(GError) unknown = g_error_new_literal (GST_CORE_ERROR, GST_CORE_ERROR_STATE_CHANGE,
                                                       "The pipeline did not start");

      handle_error (self, unknown, NULL, NULL);
      return;
    }

  gst_message_parse_error (message, &error, &debug);
  /* Kept alive: teardown may free the element that posted it. */
  origin = GST_MESSAGE_SRC (message) != NULL ? gst_object_ref (GST_MESSAGE_SRC (message)) : NULL;
  handle_error (self, error, debug, origin);
}

static gboolean
bus_message_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  PfCamera *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      handle_error_message (self, message);
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_EOS:
      g_debug ("End of stream");
      pf_camera_teardown (self);
      pf_camera_set_state (self, PF_CAMERA_STATE_ENDED, NULL);
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) error = NULL;

        gst_message_parse_warning (message, &error, NULL);
        g_debug ("Pipeline warning: %s", error->message);
      }
      break;

    case GST_MESSAGE_LATENCY:
      gst_bin_recalculate_latency (GST_BIN (self->pipeline));
      break;

    case GST_MESSAGE_CLOCK_LOST:
      /* The usual cure: a new clock is chosen when going to PLAYING. */
      gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
      gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
start_timeout_cb (gpointer user_data)
{
  PfCamera *self = user_data;

  g_clear_pointer (&self->start_timer, g_source_unref);
  if (self->state == PF_CAMERA_STATE_STARTING)
    {
      g_debug ("No frame within %u s", self->start_timeout);
      pf_camera_teardown (self);
      pf_camera_set_state (self, PF_CAMERA_STATE_ERROR,
                           _("The camera sends no pictures. Try again, choose another camera, "
                             "or use a photo file instead."));
    }

  return G_SOURCE_REMOVE;
}

/* Runs on the streaming thread: one copy into a new PfImage.
 *
 * Why not share the buffer: PfImage zeroes its pixels when it is freed, so
 * a wrapped buffer would have to be mapped writable, and inside the
 * appsink callback it never is (the sink's own call and its cached sample
 * hold references too, three in all). Writing zeros into a buffer the
 * pipeline still references, or into a read-only mapping (a camera
 * driver's or PipeWire's memory), would be wrong or crash. The copy costs
 * about 0.9 ms for a 1080p frame (tests/bench-camera prints it), under 3%
 * of one core at 30 fps, and it also returns the pipeline's buffer to its
 * pool at once, so a small camera pool never starves. */
static PfImage *
image_from_sample (GstSample *sample)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  PfImage *image;

  if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample)) ||
      GST_VIDEO_INFO_FORMAT (&info) != GST_VIDEO_FORMAT_RGBA)
    return NULL;

  if (!gst_video_frame_map (&frame, &info, gst_sample_get_buffer (sample), GST_MAP_READ))
    return NULL;

  image = pf_image_new_from_data (GST_VIDEO_FRAME_PLANE_DATA (&frame, 0),
                                  GST_VIDEO_FRAME_WIDTH (&frame),
                                  GST_VIDEO_FRAME_HEIGHT (&frame),
                                  GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0));
  gst_video_frame_unmap (&frame);

  return image;
}

static GstFlowReturn
new_sample_cb (GstAppSink *sink,
               gpointer    user_data)
{
  PfCamera *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  PfImage *image;
  int width, height;
  gint64 now;

  if (sample == NULL)
    return GST_FLOW_OK;

  image = image_from_sample (sample);
  if (image == NULL)
    return GST_FLOW_OK;

  width = pf_image_get_width (image);
  height = pf_image_get_height (image);
  now = g_get_monotonic_time ();

  g_mutex_lock (&self->lock);
  self->stats.frames_received++;
  self->width = width;
  self->height = height;
  memmove (self->arrivals, self->arrivals + 1, sizeof self->arrivals - sizeof self->arrivals[0]);
  self->arrivals[PF_CAMERA_RATE_WINDOW - 1] = now;
  self->n_arrivals = MIN (self->n_arrivals + 1, PF_CAMERA_RATE_WINDOW);
  g_mutex_unlock (&self->lock);

  if (pf_mailbox_post (self->frames, image))
    {
      g_mutex_lock (&self->lock);
      self->stats.frames_dropped++;
      g_mutex_unlock (&self->lock);
    }

  return GST_FLOW_OK;
}

double
pf_camera_frame_rate_locked (PfCamera *self)
{
  gint64 span;

  if (self->n_arrivals < 2)
    return 0.0;

  span = self->arrivals[PF_CAMERA_RATE_WINDOW - 1] - self->arrivals[PF_CAMERA_RATE_WINDOW - self->n_arrivals];
  if (span <= 0)
    return 0.0;

  return (self->n_arrivals - 1) * (double) G_USEC_PER_SEC / span;
}

/* What @source offers: the device's modes, or what a description's last
 * element can give. */
static GstCaps *
offered_caps (PfCamera   *self,
              GstElement *source)
{
  g_autoptr(GstPad) pad = NULL;

  if (self->current_device != NULL)
    return gst_device_get_caps (pf_camera_device_get_device (self->current_device));

  pad = gst_element_get_static_pad (source, "src");
  return pad != NULL ? gst_pad_query_caps (pad, NULL) : NULL;
}

/* Adds "capsfilter(image/jpeg) ! jpegdec" after @source when its best mode
 * is MJPEG. Returns: (transfer none): the element to link the queue to,
 * or %NULL (the state then says what is missing). */
static GstElement *
add_decoder (PfCamera   *self,
             GstElement *source)
{
  g_autoptr(GstCaps) offered = offered_caps (self, source);
  g_autoptr(GstCaps) caps = NULL;
  GstElement *filter, *decoder;
  int width, height;

  if (!pf_camera_caps_prefer_jpeg (offered, &width, &height))
    return source;

  decoder = gst_element_factory_make ("jpegdec", NULL);
  if (decoder == NULL)
    {
      const char * const missing[] = { "jpegdec", NULL };

      pf_camera_set_missing_error (self, missing);
      return NULL;
    }
  filter = gst_element_factory_make ("capsfilter", NULL);
  caps = width > 0 ? gst_caps_new_simple ("image/jpeg",
                                          "width", G_TYPE_INT, width,
                                          "height", G_TYPE_INT, height,
                                          NULL)
                   : gst_caps_new_empty_simple ("image/jpeg");
  g_object_set (filter, "caps", caps, NULL);
  g_debug ("MJPEG source, decoded (%dx%d; 0: any size)", width, height);

  gst_bin_add_many (GST_BIN (self->pipeline), filter, decoder, NULL);
  if (!gst_element_link_many (source, filter, decoder, NULL))
    return NULL;

  return decoder;
}

/* Takes @source (floating) into a new pipeline and starts it. */
void
pf_camera_run_source (PfCamera   *self,
                      GstElement *source)
{
  GstElement *queue, *convert, *scale, *filter, *sink, *upstream;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstAppSinkCallbacks callbacks = { .new_sample = new_sample_cb };
  GstStateChangeReturn ret;

  g_assert (self->pipeline == NULL);

  self->pipeline = g_object_ref_sink (gst_pipeline_new ("pf-camera"));
  queue = gst_element_factory_make ("queue", NULL);
  convert = gst_element_factory_make ("videoconvert", NULL);
  scale = gst_element_factory_make ("videoscale", NULL);
  filter = gst_element_factory_make ("capsfilter", NULL);
  sink = gst_element_factory_make ("appsink", NULL);
  /* Checked by pf_camera_start() before. */
  g_assert (queue != NULL && convert != NULL && scale != NULL && filter != NULL && sink != NULL);

  gst_bin_add_many (GST_BIN (self->pipeline), source, queue, convert, scale, filter, sink, NULL);
  self->source = source;

  /* Two frames, so that conversion does not hold up the capture. */
  g_object_set (queue,
                "max-size-buffers", 2,
                "max-size-bytes", 0,
                "max-size-time", (guint64) 0,
                NULL);
  caps = gst_caps_from_string (FRAME_CAPS);
  g_object_set (filter, "caps", caps, NULL);
  /* The mailbox keeps only the newest frame, so the sink needs no queue of
   * its own, nor a last sample that would keep one more frame alive. */
  g_object_set (sink,
                "max-buffers", 1,
                "drop", TRUE,
                "enable-last-sample", FALSE,
                "sync", TRUE,
                NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_watch, (GSourceFunc) bus_message_cb, self, NULL);
  g_source_set_static_name (self->bus_watch, "[pf] camera bus");
  g_source_attach (self->bus_watch, self->context);

  upstream = add_decoder (self, source);
  if (upstream == NULL && self->state == PF_CAMERA_STATE_ERROR)
    {
      pf_camera_teardown (self);
      return;
    }

  if (upstream == NULL ||
      !gst_element_link_many (upstream, queue, convert, scale, filter, sink, NULL))
    {
      g_debug ("The source does not link to the converter");
      pf_camera_teardown (self);
      pf_camera_set_state (self, PF_CAMERA_STATE_ERROR,
                           _("The camera pipeline gives no raw video. Check the description, "
                             "or use a photo file instead."));
      return;
    }

  if (self->start_timeout > 0)
    {
      self->start_timer = g_timeout_source_new_seconds (self->start_timeout);
      g_source_set_callback (self->start_timer, start_timeout_cb, self, NULL);
      g_source_set_static_name (self->start_timer, "[pf] camera start timeout");
      g_source_attach (self->start_timer, self->context);
    }

  ret = gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  if (ret == GST_STATE_CHANGE_NO_PREROLL)
    {
      /* A live source (a real camera) sets its own pace; waiting on the
       * clock would only add a frame of delay, and an old frame is worth
       * less than a new one. A file or test source is paced by the clock
       * instead, so that it plays at its own rate. */
      g_object_set (sink, "sync", FALSE, NULL);
      g_object_set (queue, "leaky", 2 /* downstream: drop the oldest */, NULL);
    }
  if (ret != GST_STATE_CHANGE_FAILURE)
    ret = gst_element_set_state (self->pipeline, GST_STATE_PLAYING);

  if (ret == GST_STATE_CHANGE_FAILURE)
    {
      /* The element that failed has posted why; handle it now rather than
       * leaving the page on "starting". */
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

      handle_error_message (self, message);
    }
}

