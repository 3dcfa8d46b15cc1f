/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The camera layer without a camera: test pipelines, a fake device
 * provider whose cameras can be plugged in and pulled out at will, a fake
 * busy camera, and the frame worker with a gated analysis so that every
 * count is known by construction. Nothing here asserts how long anything
 * took. */

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>
#include <gst/base/gstbasesrc.h>
#include <gst/gst.h>

#include "pf-camera.h"
#include "pf-camera-plugins.h"
#include "pf-camera-private.h"
#include "pf-frame-worker.h"
#include "pf-mailbox.h"

/* Generous: only a hang should ever reach it. */
#define WAIT_LIMIT_US (30 * G_USEC_PER_SEC)

/* --- A camera that is always busy, like a V4L2 device another app holds */

typedef struct { GstBaseSrc parent; } FakeBusySrc;
typedef struct { GstBaseSrcClass parent_class; } FakeBusySrcClass;

static GType fake_busy_src_get_type (void);
G_DEFINE_TYPE (FakeBusySrc, fake_busy_src, GST_TYPE_BASE_SRC)

static GstStaticPadTemplate any_src_template =
  GST_STATIC_PAD_TEMPLATE ("src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);

static gboolean
fake_busy_src_start (GstBaseSrc *src)
{
  GST_ELEMENT_ERROR (src, RESOURCE, BUSY, ("Device is busy."), ("a test camera that is always busy"));
  return FALSE;
}

static void
fake_busy_src_class_init (FakeBusySrcClass *klass)
{
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);

  GST_BASE_SRC_CLASS (klass)->start = fake_busy_src_start;
  gst_element_class_add_static_pad_template (element_class, &any_src_template);
  gst_element_class_set_static_metadata (element_class, "Busy camera", "Source/Video",
                                         "Always busy", "ID Preflight tests");
}

static void
fake_busy_src_init (FakeBusySrc *self)
{
}

/* --- Fake cameras ------------------------------------------------------ */

typedef struct
{
  GstDevice  parent;
  gboolean   busy;
  int        pattern;
} FakeDevice;
typedef struct { GstDeviceClass parent_class; } FakeDeviceClass;

static GType fake_device_get_type (void);
G_DEFINE_TYPE (FakeDevice, fake_device, GST_TYPE_DEVICE)

/* The element the last fake camera made, to post errors from. */
static GstElement *last_source;

static GstElement *
fake_device_create_element (GstDevice  *device,
                            const char *name)
{
  FakeDevice *self = (FakeDevice *) device;
  GstElement *element;

  if (self->busy)
    return gst_element_factory_make ("pffakebusysrc", name);

  element = gst_element_factory_make ("videotestsrc", name);
  g_object_set (element, "is-live", TRUE, "pattern", self->pattern, NULL);
  g_set_weak_pointer (&last_source, element);

  return element;
}

static void
fake_device_class_init (FakeDeviceClass *klass)
{
  GST_DEVICE_CLASS (klass)->create_element = fake_device_create_element;
}

static void
fake_device_init (FakeDevice *self)
{
}

static GstDevice *
fake_device_new (const char *display_name,
                 const char *path,
                 int         pattern,
                 gboolean    busy)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string ("video/x-raw");
  g_autoptr(GstStructure) props = gst_structure_new ("props", "device.path", G_TYPE_STRING, path, NULL);
  FakeDevice *device;

  device = g_object_new (fake_device_get_type (),
                         "display-name", display_name,
                         "device-class", "Video/Source",
                         "caps", caps,
                         "properties", props,
                         NULL);
  device->pattern = pattern;
  device->busy = busy;

  return gst_object_ref_sink (device);
}

typedef struct { GstDeviceProvider parent; } FakeProvider;
typedef struct { GstDeviceProviderClass parent_class; } FakeProviderClass;

static GType fake_provider_get_type (void);
G_DEFINE_TYPE (FakeProvider, fake_provider, GST_TYPE_DEVICE_PROVIDER)

static GList *
fake_provider_probe (GstDeviceProvider *provider)
{
  return NULL;
}

static gboolean
fake_provider_start (GstDeviceProvider *provider)
{
  return TRUE;
}

static void
fake_provider_stop (GstDeviceProvider *provider)
{
}

static void
fake_provider_class_init (FakeProviderClass *klass)
{
  GstDeviceProviderClass *provider_class = GST_DEVICE_PROVIDER_CLASS (klass);

  provider_class->probe = fake_provider_probe;
  provider_class->start = fake_provider_start;
  provider_class->stop = fake_provider_stop;
  gst_device_provider_class_set_static_metadata (provider_class, "Fake cameras", "Source/Video",
                                                 "Cameras for tests", "ID Preflight tests");
}

static void
fake_provider_init (FakeProvider *self)
{
}

static gboolean
fake_plugin_init (GstPlugin *plugin)
{
  return gst_device_provider_register (plugin, "pffakeprovider", GST_RANK_PRIMARY,
                                       fake_provider_get_type ()) &&
         gst_element_register (plugin, "pffakebusysrc", GST_RANK_NONE,
                               fake_busy_src_get_type ());
}

static GType fake_pipewire_src_get_type (void);

/* Only where the real one is missing (as on the test machines). */
static gboolean
fake_pipewire_plugin_init (GstPlugin *plugin)
{
  return gst_element_register (plugin, "pipewiresrc", GST_RANK_NONE,
                               fake_pipewire_src_get_type ());
}

/* Device providers are singletons, so this is the one the camera's
 * monitor uses. */
static GstDeviceProvider *
fake_provider (void)
{
  static GstDeviceProvider *provider;

  if (provider == NULL)
    provider = gst_device_provider_factory_get_by_name ("pffakeprovider");
  g_assert_nonnull (provider);

  return provider;
}

/* --- Waiting on the main context -------------------------------------- */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @done says so; fails on a hang. */
static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 limit = g_get_monotonic_time () + WAIT_LIMIT_US;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, limit);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

typedef struct
{
  PfCamera      *camera;
  PfCameraState  state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;

  return pf_camera_get_state (wait->camera) == wait->state;
}

static void
wait_for_state (PfCamera      *camera,
                PfCameraState  state)
{
  StateWait wait = { camera, state };

  iterate_until (state_reached, &wait);
}

/* Lets pending hot-plug messages and frames through. */
static void
drain (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Records every state the camera passes through, and the frames. */
typedef struct
{
  GArray   *states;
  guint     frames;
  guint     frames_off_main;
  int       width;
  int       height;
  guint8    pixel[4];
  double    rate;
} Recorder;

static void
state_notify_cb (PfCamera   *camera,
                 GParamSpec *pspec,
                 Recorder   *rec)
{
  PfCameraState state = pf_camera_get_state (camera);

  g_array_append_val (rec->states, state);
}

static void
frame_cb (PfCamera *camera,
          PfImage  *image,
          Recorder *rec)
{
  const guint8 *data = pf_image_get_data (image);
  gsize middle = (gsize) pf_image_get_height (image) / 2 * pf_image_get_stride (image) +
                 (gsize) pf_image_get_width (image) / 2 * 4;

  if (!g_main_context_is_owner (g_main_context_default ()))
    rec->frames_off_main++;
  rec->frames++;
  rec->width = pf_image_get_width (image);
  rec->height = pf_image_get_height (image);
  memcpy (rec->pixel, data + middle, 4);
  rec->rate = pf_camera_get_frame_rate (camera);
}

static void
recorder_attach (Recorder *rec,
                 PfCamera *camera)
{
  memset (rec, 0, sizeof *rec);
  rec->states = g_array_new (FALSE, FALSE, sizeof (PfCameraState));
  g_signal_connect (camera, "notify::state", G_CALLBACK (state_notify_cb), rec);
  g_signal_connect (camera, "frame", G_CALLBACK (frame_cb), rec);
}

static void
recorder_clear (Recorder *rec)
{
  g_array_unref (rec->states);
}

static gboolean
recorder_saw (Recorder      *rec,
              PfCameraState  state)
{
  for (guint i = 0; i < rec->states->len; i++)
    if (g_array_index (rec->states, PfCameraState, i) == state)
      return TRUE;
  return FALSE;
}

static PfCamera *
camera_for (const char *description)
{
  return g_object_new (PF_TYPE_CAMERA,
                       "pipeline-description", description,
                       "use-portal", FALSE,
                       NULL);
}

/* --- Camera tests ------------------------------------------------------ */

static void
test_find_missing (void)
{
  const char * const names[] = { "videoconvert", "pf-no-such-element", "appsink", NULL };
  g_auto(GStrv) missing = pf_camera_find_missing_elements (names);
  g_auto(GStrv) required = pf_camera_find_missing_required ();

  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "pf-no-such-element");
  /* This machine has the plugins the tests need. */
  g_assert_cmpuint (g_strv_length (required), ==, 0);
}

static void
test_unknown_element (void)
{
  g_autoptr(PfCamera) camera = camera_for ("pfnosuchcamerasrc ! videoconvert");

  pf_camera_start (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_ERROR);
  g_assert_nonnull (strstr (pf_camera_get_message (camera), "pfnosuchcamerasrc"));
}

static void
test_test_pipeline (void)
{
  g_autoptr(PfCamera) camera =
    camera_for ("videotestsrc num-buffers=60 pattern=red ! video/x-raw,width=1280,height=720,framerate=30/1");
  PfCameraStats stats;
  Recorder rec;
  int width, height;

  recorder_attach (&rec, camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_STOPPED);

  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_true (pf_camera_get_frame_size (camera, &width, &height));
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 720);
  g_assert_cmpstr (pf_camera_get_message (camera), ==, "");

  /* 60 buffers, then the end of the stream. */
  wait_for_state (camera, PF_CAMERA_STATE_ENDED);
  g_assert_cmpstr (pf_camera_get_message (camera), !=, "");

  g_assert_cmpuint (rec.states->len, ==, 3);
  g_assert_cmpint (g_array_index (rec.states, PfCameraState, 0), ==, PF_CAMERA_STATE_STARTING);
  g_assert_cmpint (g_array_index (rec.states, PfCameraState, 1), ==, PF_CAMERA_STATE_READY);
  g_assert_cmpint (g_array_index (rec.states, PfCameraState, 2), ==, PF_CAMERA_STATE_ENDED);

  /* Every buffer reached the sink; each was delivered or replaced by a
   * newer one, never queued. */
  pf_camera_get_stats (camera, &stats);
  g_assert_cmpuint (stats.frames_received, ==, 60);
  g_assert_cmpuint (stats.frames_delivered + stats.frames_dropped, <=, 60);
  g_assert_cmpuint (stats.frames_delivered, >=, 1);
  g_assert_cmpuint (rec.frames, ==, stats.frames_delivered);
  g_assert_cmpuint (rec.frames_off_main, ==, 0);

  g_assert_cmpint (rec.width, ==, 1280);
  g_assert_cmpint (rec.height, ==, 720);
  /* Red, opaque, RGBA order. */
  g_assert_cmpint (rec.pixel[0], >=, 250);
  g_assert_cmpint (rec.pixel[1], <=, 5);
  g_assert_cmpint (rec.pixel[2], <=, 5);
  g_assert_cmpint (rec.pixel[3], ==, 255);

  /* Measured over the last frames, paced by the clock at 30/1: a loose bound, only to catch a rate that
   * is off by a factor (unpaced, or counted wrong). */
  g_assert_cmpfloat (rec.rate, >, 10.0);
  g_assert_cmpfloat (rec.rate, <, 90.0);

  recorder_clear (&rec);
}

/* The mode chooser: MJPEG when it gives more pixels at a live rate than
 * raw video does, raw video otherwise. */
static void
test_mode_choice (void)
{
  static const struct
  {
    const char *caps;
    gboolean    jpeg;
    int         width;
    int         height;
  } cases[] = {
    /* The usual USB 2 webcam: raw 1080p at 5/s, MJPEG 1080p at 30/s. */
    { "video/x-raw,format=YUY2,width=640,height=480,framerate=30/1; "
      "video/x-raw,format=YUY2,width=1920,height=1080,framerate=5/1; "
      "image/jpeg,width=1280,height=720,framerate=30/1; "
      "image/jpeg,width=1920,height=1080,framerate={ 30/1, 15/1 }", TRUE, 1920, 1080 },
    /* Raw 720p at 30: as good as MJPEG 720p, and needs no decoding. */
    { "image/jpeg,width=1280,height=720,framerate=30/1; "
      "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1", FALSE, 0, 0 },
    /* 4K MJPEG is more than wanted: raw 1080p. */
    { "image/jpeg,width=3840,height=2160,framerate=30/1; "
      "video/x-raw,format=NV12,width=1920,height=1080,framerate=30/1", FALSE, 0, 0 },
    /* Only MJPEG, sizes left open (an encoder's pad). */
    { "image/jpeg,width=[16,4096],height=[16,4096]", TRUE, 0, 0 },
    /* No MJPEG at all. */
    { "video/x-raw,format=RGBA,width=1280,height=720", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GstCaps) caps = gst_caps_from_string (cases[i].caps);
      int width = -1, height = -1;

      g_assert_nonnull (caps);
      g_assert_cmpint (pf_camera_caps_prefer_jpeg (caps, &width, &height), ==, cases[i].jpeg);
      g_assert_cmpint (width, ==, cases[i].width);
      g_assert_cmpint (height, ==, cases[i].height);
    }
}

/* A source that gives only MJPEG (as many webcams do at 720p and 1080p)
 * is decoded: frames of its size, in its colour. */
static void
test_mjpeg_pipeline (void)
{
  g_autoptr(PfCamera) camera =
    camera_for ("videotestsrc num-buffers=30 pattern=red "
                "! video/x-raw,width=1280,height=720,framerate=30/1 ! jpegenc");
  int width, height;
  Recorder rec;

  recorder_attach (&rec, camera);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_true (pf_camera_get_frame_size (camera, &width, &height));
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 720);

  wait_for_state (camera, PF_CAMERA_STATE_ENDED);
  g_assert_cmpuint (rec.frames, >=, 1);
  g_assert_cmpint (rec.width, ==, 1280);
  g_assert_cmpint (rec.height, ==, 720);
  /* Red after JPEG's 4:2:0 and video-range YUV: close, not exact. */
  g_assert_cmpint (rec.pixel[0], >=, 200);
  g_assert_cmpint (rec.pixel[1], <=, 40);
  g_assert_cmpint (rec.pixel[2], <=, 40);
  g_assert_cmpint (rec.pixel[3], ==, 255);

  recorder_clear (&rec);
}

static guint released_images;
static gboolean released_dirty;

static void
observe_release (const guint8 *data,
                 gsize         len)
{
  released_images++;
  for (gsize i = 0; i < len; i += 97)
    if (data[i] != 0)
      released_dirty = TRUE;
}

static void
keep_frame_cb (PfCamera  *camera,
               PfImage   *image,
               PfImage  **kept)
{
  g_clear_pointer (kept, pf_image_unref);
  *kept = pf_image_ref (image);
}

static void
test_frames_zeroed (void)
{
  g_autoptr(PfCamera) camera =
    camera_for ("videotestsrc num-buffers=10 pattern=white ! video/x-raw,width=640,height=360,framerate=30/1");
  PfImage *kept = NULL;
  PfCameraStats stats;

  released_images = 0;
  released_dirty = FALSE;
  pf_image_set_release_observer (observe_release);
  g_signal_connect (camera, "frame", G_CALLBACK (keep_frame_cb), &kept);

  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_ENDED);
  g_assert_nonnull (kept);
  g_assert_cmpint (pf_image_get_data (kept)[0], ==, 255);

  /* A frame outlives the pipeline that made it. */
  g_clear_object (&camera);
  g_clear_pointer (&kept, pf_image_unref);
  pf_image_set_release_observer (NULL);

  g_assert_cmpuint (released_images, ==, 10);
  g_assert_false (released_dirty);
  (void) stats;
}

static void
test_error_then_restart (void)
{
  /* identity fails the stream after 10 buffers: a pipeline that errors
   * mid-stream. */
  g_autoptr(PfCamera) camera =
    camera_for ("videotestsrc ! video/x-raw,width=640,height=360,framerate=30/1 ! identity error-after=10");
  Recorder rec;

  recorder_attach (&rec, camera);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_ERROR);
  g_assert_true (recorder_saw (&rec, PF_CAMERA_STATE_READY));
  g_assert_cmpuint (rec.frames, >=, 1);
  g_assert_cmpstr (pf_camera_get_message (camera), !=, "");
  g_assert_cmpfloat (pf_camera_get_frame_rate (camera), ==, 0.0);

  /* An error before any frame. */
  pf_camera_set_pipeline_description (camera, "filesrc location=/nonexistent/pf-camera-test ! decodebin");
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_ERROR);

  /* "Try again" with a working source. */
  rec.frames = 0;
  pf_camera_set_pipeline_description (camera, "videotestsrc num-buffers=5 ! video/x-raw,width=640,height=360");
  wait_for_state (camera, PF_CAMERA_STATE_ENDED);
  g_assert_cmpuint (rec.frames, >=, 1);

  recorder_clear (&rec);
}

static void
test_not_raw_video (void)
{
  g_autoptr(PfCamera) camera = camera_for ("audiotestsrc num-buffers=5");

  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_ERROR);
  g_assert_cmpstr (pf_camera_get_message (camera), !=, "");
}

static void
test_start_timeout (void)
{
  /* A live source that never sends a frame. */
  g_autoptr(PfCamera) camera =
    camera_for ("appsrc is-live=true caps=video/x-raw,format=RGBA,width=640,height=360,framerate=30/1");

  g_object_set (camera, "start-timeout", 1, NULL);
  pf_camera_start (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_STARTING);
  wait_for_state (camera, PF_CAMERA_STATE_ERROR);
  g_assert_nonnull (strstr (pf_camera_get_message (camera), "no pictures"));
}

static void
test_env_description (void)
{
  g_autoptr(PfCamera) camera = NULL;

  g_setenv ("PF_CAMERA_PIPELINE", "videotestsrc num-buffers=3 ! video/x-raw,width=640,height=360", TRUE);
  camera = g_object_new (PF_TYPE_CAMERA, "use-portal", FALSE, NULL);
  g_unsetenv ("PF_CAMERA_PIPELINE");

  g_assert_cmpstr (pf_camera_get_pipeline_description (camera), ==,
                   "videotestsrc num-buffers=3 ! video/x-raw,width=640,height=360");
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_ENDED);
}

static PfCamera *
device_camera (void)
{
  return g_object_new (PF_TYPE_CAMERA, "use-portal", FALSE, NULL);
}

static void
test_no_camera (void)
{
  g_autoptr(PfCamera) camera = device_camera ();

  g_assert_null (pf_camera_get_pipeline_description (camera));
  pf_camera_start (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_NO_CAMERA);
  g_assert_nonnull (strstr (pf_camera_get_message (camera), "No camera"));
  g_assert_cmpuint (g_list_model_get_n_items (pf_camera_get_devices (camera)), ==, 0);
  g_assert_null (pf_camera_get_current_device (camera));

  pf_camera_stop (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_STOPPED);
}

static const char *
current_name (PfCamera *camera)
{
  PfCameraDevice *device = pf_camera_get_current_device (camera);

  return device != NULL ? pf_camera_device_get_name (device) : NULL;
}

static void
test_hotplug (void)
{
  g_autoptr(PfCamera) camera = device_camera ();
  g_autoptr(GstDevice) a = fake_device_new ("Fake Camera A", "/fake/a", 4 /* red */, FALSE);
  g_autoptr(GstDevice) b = fake_device_new ("Fake Camera B", "/fake/b", 5 /* green */, FALSE);
  GListModel *devices = pf_camera_get_devices (camera);
  Recorder rec;

  recorder_attach (&rec, camera);

  /* Nothing plugged in, then a camera arrives while the page is open. */
  pf_camera_start (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_NO_CAMERA);
  gst_device_provider_device_add (fake_provider (), a);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 1);
  g_assert_cmpstr (current_name (camera), ==, "/fake/a");
  g_assert_cmpint (rec.pixel[0], >=, 250);

  /* A second camera is listed, and chosen by its name. */
  gst_device_provider_device_add (fake_provider (), b);
  drain (100);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 2);
  g_assert_cmpstr (current_name (camera), ==, "/fake/a");
  pf_camera_set_device_name (camera, "/fake/b");
  g_assert_cmpstr (current_name (camera), ==, "/fake/b");
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  rec.frames = 0;
  drain (200);
  g_assert_cmpuint (rec.frames, >=, 1);
  g_assert_cmpint (rec.pixel[1], >=, 250);
  g_assert_cmpint (rec.pixel[0], <=, 5);

  /* B is pulled out mid-stream: on to A. */
  gst_device_provider_device_remove (fake_provider (), b);
  drain (100);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 1);
  g_assert_cmpstr (current_name (camera), ==, "/fake/a");
  wait_for_state (camera, PF_CAMERA_STATE_READY);

  /* B comes back: the remembered choice wins again. */
  gst_device_provider_device_add (fake_provider (), b);
  drain (100);
  g_assert_cmpstr (current_name (camera), ==, "/fake/b");
  wait_for_state (camera, PF_CAMERA_STATE_READY);

  /* Both pulled out: no camera, nothing running. */
  gst_device_provider_device_remove (fake_provider (), b);
  gst_device_provider_device_remove (fake_provider (), a);
  wait_for_state (camera, PF_CAMERA_STATE_NO_CAMERA);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 0);
  g_assert_null (pf_camera_get_current_device (camera));

  pf_camera_stop (camera);
  recorder_clear (&rec);
}

static void
test_pulled_out (void)
{
  g_autoptr(PfCamera) camera = device_camera ();
  g_autoptr(GstDevice) a = fake_device_new ("Fake Camera A", "/fake/a", 4, FALSE);

  gst_device_provider_device_add (fake_provider (), a);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_nonnull (last_source);

  /* What a V4L2 source does when its device vanishes: a read error from
   * the streaming thread, then the device list catches up. */
  GST_ELEMENT_ERROR (last_source, RESOURCE, READ, ("Could not read from resource."), ("test: unplugged"));
  wait_for_state (camera, PF_CAMERA_STATE_ERROR);
  gst_device_provider_device_remove (fake_provider (), a);
  wait_for_state (camera, PF_CAMERA_STATE_NO_CAMERA);

  /* The other order: the list first, while streaming. */
  gst_device_provider_device_add (fake_provider (), a);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  gst_device_provider_device_remove (fake_provider (), a);
  wait_for_state (camera, PF_CAMERA_STATE_NO_CAMERA);

  /* The device node gone before the list knows: also "no camera". */
  gst_device_provider_device_add (fake_provider (), a);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  GST_ELEMENT_ERROR (last_source, RESOURCE, NOT_FOUND, ("No such device."), ("test: gone"));
  wait_for_state (camera, PF_CAMERA_STATE_NO_CAMERA);
  gst_device_provider_device_remove (fake_provider (), a);
  drain (50);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_NO_CAMERA);
}

static void
test_busy (void)
{
  g_autoptr(PfCamera) camera = device_camera ();
  g_autoptr(GstDevice) busy = fake_device_new ("Busy Camera", "/fake/busy", 0, TRUE);

  gst_device_provider_device_add (fake_provider (), busy);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_BUSY);
  g_assert_nonnull (strstr (pf_camera_get_message (camera), "Another app"));

  /* Trying again is allowed and ends the same way. */
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_BUSY);

  gst_device_provider_device_remove (fake_provider (), busy);
  wait_for_state (camera, PF_CAMERA_STATE_NO_CAMERA);
}

static void
test_dispose_while_streaming (void)
{
  PfCamera *camera = camera_for ("videotestsrc is-live=true ! video/x-raw,width=1280,height=720,framerate=30/1");

  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_finalize_object (camera);
}

/* --- A fake camera portal --------------------------------------------- */

/* The camera portal's D-Bus side, as libportal uses it, served from a
 * thread of its own on a private test bus: libportal's synchronous calls
 * on the main thread must be answered elsewhere. */

typedef enum
{
  PORTAL_GRANT,
  PORTAL_REFUSE,
  PORTAL_HOLD,    /* the person has not answered yet */
} PortalAnswer;

static struct
{
  GMainContext    *context;
  GMainLoop       *loop;
  GThread         *thread;
  GDBusConnection *connection;
  /* Set by the test between cases; read by the portal thread. */
  gint             present;
  gint             answer;
  gint             access_calls;
  gint             remote_calls;
} portal;

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Camera'>"
  "    <method name='AccessCamera'>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <method name='OpenPipeWireRemote'>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='h' name='fd' direction='out'/>"
  "    </method>"
  "    <property name='IsCameraPresent' type='b' access='read'/>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  if (g_str_equal (method_name, "AccessCamera"))
    {
      g_autoptr(GVariant) options = g_variant_get_child_value (parameters, 0);
      g_autofree char *unique = g_strdup (sender + 1);
      g_autofree char *path = NULL;
      const char *token = "t";
      PortalAnswer answer = g_atomic_int_get (&portal.answer);

      g_variant_lookup (options, "handle_token", "&s", &token);
      g_strdelimit (unique, ".", '_');
      path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", unique, token);
      g_atomic_int_inc (&portal.access_calls);

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));
      /* The real portal answers later, after asking; unicast to the
       * caller, as the real one does. */
      if (answer != PORTAL_HOLD)
        g_dbus_connection_emit_signal (connection, sender, path,
                                       "org.freedesktop.portal.Request", "Response",
                                       g_variant_new ("(u@a{sv})", answer == PORTAL_GRANT ? 0 : 1,
                                                      g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                       NULL);
    }
  else if (g_str_equal (method_name, "OpenPipeWireRemote"))
    {
      g_autoptr(GUnixFDList) fds = g_unix_fd_list_new ();
      int fd = open ("/dev/null", O_RDWR | O_CLOEXEC);

      g_atomic_int_inc (&portal.remote_calls);
      g_assert_cmpint (g_unix_fd_list_append (fds, fd, NULL), ==, 0);
      close (fd);
      g_dbus_method_invocation_return_value_with_unix_fd_list (invocation,
                                                               g_variant_new ("(h)", 0), fds);
    }
  else
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.DBus.Error.UnknownMethod",
                                                  method_name);
    }
}

static GVariant *
portal_property_cb (GDBusConnection  *connection,
                    const char       *sender,
                    const char       *object_path,
                    const char       *interface_name,
                    const char       *property_name,
                    GError          **error,
                    gpointer          user_data)
{
  if (g_str_equal (property_name, "IsCameraPresent"))
    return g_variant_new_boolean (g_atomic_int_get (&portal.present));
  return g_variant_new_uint32 (1);
}

static gpointer
portal_thread (gpointer data)
{
  static const GDBusInterfaceVTable vtable = { portal_method_cb, portal_property_cb, NULL };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GAsyncQueue *ready = data;

  g_main_context_push_thread_default (portal.context);

  portal.connection = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (portal.connection, "/org/freedesktop/portal/desktop",
                                     info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (portal.connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  g_async_queue_push (ready, GINT_TO_POINTER (1));
  g_main_loop_run (portal.loop);

  g_dbus_connection_close_sync (portal.connection, NULL, NULL);
  g_clear_object (&portal.connection);
  g_main_context_pop_thread_default (portal.context);

  return NULL;
}

static void
portal_start (void)
{
  g_autoptr(GAsyncQueue) ready = g_async_queue_new ();

  portal.context = g_main_context_new ();
  portal.loop = g_main_loop_new (portal.context, FALSE);
  portal.thread = g_thread_new ("fake-portal", portal_thread, ready);
  g_async_queue_pop (ready);
}

static gboolean
portal_quit_cb (gpointer data)
{
  g_main_loop_quit (portal.loop);
  return G_SOURCE_REMOVE;
}

static void
portal_stop (void)
{
  g_main_context_invoke (portal.context, portal_quit_cb, NULL);
  g_thread_join (portal.thread);
  g_main_loop_unref (portal.loop);
  g_main_context_unref (portal.context);
}

/* pipewiresrc stand-in: a live test source with the real one's "fd"
 * property, so that the camera's portal path runs to the first frame. */
static int last_pipewire_fd = -1;

static void
fake_pipewire_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  last_pipewire_fd = g_value_get_int (value);
}

static void
fake_pipewire_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  g_value_set_int (value, last_pipewire_fd);
}

static void
fake_pipewire_class_init (gpointer klass,
                          gpointer data)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = fake_pipewire_set_property;
  object_class->get_property = fake_pipewire_get_property;
  g_object_class_install_property (object_class, 1000,
                                   g_param_spec_int ("fd", NULL, NULL, -1, G_MAXINT, -1,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
fake_pipewire_init (GTypeInstance *instance,
                    gpointer       klass)
{
  g_object_set (instance, "is-live", TRUE, "pattern", 6 /* blue */, NULL);
}

static GType
fake_pipewire_src_get_type (void)
{
  static GType type;

  if (type == 0)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find ("videotestsrc");
      GstPluginFeature *loaded = gst_plugin_feature_load (GST_PLUGIN_FEATURE (factory));
      GType parent = gst_element_factory_get_element_type (GST_ELEMENT_FACTORY (loaded));
      GTypeQuery query;

      g_type_query (parent, &query);
      type = g_type_register_static_simple (parent, "PfFakePipeWireSrc",
                                            query.class_size, fake_pipewire_class_init,
                                            query.instance_size, fake_pipewire_init, 0);
      gst_object_unref (loaded);
    }

  return type;
}

static void
test_portal (void)
{
  g_autoptr(PfCamera) camera = g_object_new (PF_TYPE_CAMERA, "use-portal", TRUE, NULL);
  Recorder rec;

  /* The real provider would try to talk PipeWire over the fake remote. */
  if (gst_device_provider_factory_find ("pipewiredeviceprovider") != NULL)
    {
      g_test_skip ("the PipeWire device provider is installed; the fake portal's remote is not PipeWire");
      return;
    }

  recorder_attach (&rec, camera);

  /* The portal knows no camera: nothing is asked. */
  g_atomic_int_set (&portal.present, FALSE);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_NO_CAMERA);
  g_assert_cmpint (g_atomic_int_get (&portal.access_calls), ==, 0);

  /* Asked, and refused. */
  g_atomic_int_set (&portal.present, TRUE);
  g_atomic_int_set (&portal.answer, PORTAL_REFUSE);
  pf_camera_start (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_STARTING);
  wait_for_state (camera, PF_CAMERA_STATE_PERMISSION_DENIED);
  g_assert_cmpint (g_atomic_int_get (&portal.access_calls), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&portal.remote_calls), ==, 0);
  g_assert_nonnull (strstr (pf_camera_get_message (camera), "may not use the camera"));

  /* "Try again", and allowed: the PipeWire remote goes to the source. */
  g_atomic_int_set (&portal.answer, PORTAL_GRANT);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_cmpint (g_atomic_int_get (&portal.access_calls), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&portal.remote_calls), ==, 1);
  g_assert_cmpint (last_pipewire_fd, >=, 0);
  g_assert_cmpint (fcntl (last_pipewire_fd, F_GETFD), !=, -1);
  rec.frames = 0;
  drain (100);
  g_assert_cmpuint (rec.frames, >=, 1);
  g_assert_cmpint (rec.pixel[2], >=, 250);

  /* Access lasts: a restart asks nothing. */
  pf_camera_stop (camera);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_cmpint (g_atomic_int_get (&portal.access_calls), ==, 2);

  recorder_clear (&rec);
}

static gboolean
portal_asked_3_times (gpointer data)
{
  return g_atomic_int_get (&portal.access_calls) >= 3;
}

static void
test_portal_restart_while_asking (void)
{
  g_autoptr(PfCamera) camera = g_object_new (PF_TYPE_CAMERA, "use-portal", TRUE, NULL);

  if (gst_device_provider_factory_find ("pipewiredeviceprovider") != NULL)
    {
      g_test_skip ("the PipeWire device provider is installed; the fake portal's remote is not PipeWire");
      return;
    }

  /* The question stays open; the page is left and opened again. */
  g_atomic_int_set (&portal.present, TRUE);
  g_atomic_int_set (&portal.access_calls, 2);
  g_atomic_int_set (&portal.answer, PORTAL_HOLD);
  pf_camera_start (camera);
  iterate_until (portal_asked_3_times, NULL);
  pf_camera_stop (camera);
  g_assert_cmpint (pf_camera_get_state (camera), ==, PF_CAMERA_STATE_STOPPED);

  /* The withdrawn question must not leave the camera waiting for ever:
   * it asks again, and this time the answer is yes. */
  g_atomic_int_set (&portal.answer, PORTAL_GRANT);
  pf_camera_start (camera);
  wait_for_state (camera, PF_CAMERA_STATE_READY);
  g_assert_cmpint (g_atomic_int_get (&portal.access_calls), ==, 4);
}

/* --- Mailbox ---------------------------------------------------------- */

typedef struct
{
  guint delivered;
  guint last;
  guint freed;
} MailboxCounts;

static MailboxCounts mailbox_counts;

static void
count_free (gpointer item)
{
  mailbox_counts.freed++;
  g_free (item);
}

static void
count_deliver (gpointer item,
               gint64   posted_at,
               gpointer user_data)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  mailbox_counts.delivered++;
  mailbox_counts.last = *(guint *) item;
}

static gpointer
post_many_thread (gpointer data)
{
  for (guint i = 1; i <= 1000; i++)
    pf_mailbox_post (data, g_memdup2 (&i, sizeof i));
  return NULL;
}

static gboolean
mailbox_done (gpointer data)
{
  return mailbox_counts.delivered >= 1;
}

static void
test_mailbox (void)
{
  PfMailbox *mailbox = pf_mailbox_new (NULL, count_deliver, NULL, count_free);
  GThread *thread;

  memset (&mailbox_counts, 0, sizeof mailbox_counts);
  thread = g_thread_new ("poster", post_many_thread, mailbox);
  g_thread_join (thread);

  /* 1000 posts while the main context was not looking: one delivery, of
   * the newest; the rest freed right away. */
  g_assert_cmpuint (mailbox_counts.freed, ==, 999);
  iterate_until (mailbox_done, NULL);
  g_assert_cmpuint (mailbox_counts.delivered, ==, 1);
  g_assert_cmpuint (mailbox_counts.last, ==, 1000);
  g_assert_cmpuint (mailbox_counts.freed, ==, 1000);

  /* A cleared item is never delivered. */
  pf_mailbox_post (mailbox, g_new0 (guint, 1));
  pf_mailbox_clear (mailbox);
  drain (20);
  g_assert_cmpuint (mailbox_counts.delivered, ==, 1);
  g_assert_cmpuint (mailbox_counts.freed, ==, 1001);

  pf_mailbox_post (mailbox, g_new0 (guint, 1));
  pf_mailbox_free (mailbox);
  g_assert_cmpuint (mailbox_counts.freed, ==, 1002);
}

/* --- Frame worker ----------------------------------------------------- */

/* The analysis waits at a gate the test opens, so the test knows exactly
 * which frames arrive while it is busy. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean open;
  guint    entered;
  gboolean freed;
} Gate;

static guint
frame_index (PfImage *image)
{
  const guint8 *p = pf_image_get_data (image);

  return p[0] | p[1] << 8;
}

static PfImage *
indexed_frame (guint index)
{
  PfImage *image = pf_image_new (8, 8);
  guint8 *p = pf_image_get_data_mutable (image);

  p[0] = index & 0xff;
  p[1] = index >> 8;
  return image;
}

static gpointer
gated_analysis (PfImage  *image,
                gpointer  user_data)
{
  Gate *gate = user_data;

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));

  g_mutex_lock (&gate->lock);
  gate->entered++;
  g_cond_broadcast (&gate->cond);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);

  return g_memdup2 ((guint[]) { frame_index (image) }, sizeof (guint));
}

static void
gate_free (gpointer data)
{
  ((Gate *) data)->freed = TRUE;
}

static void
gate_wait_entered (Gate  *gate,
                   guint  n)
{
  g_mutex_lock (&gate->lock);
  while (gate->entered < n)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

typedef struct
{
  GArray *indices;
  guint   off_main;
} Results;

static void
result_cb (PfFrameWorker *worker,
           PfImage       *image,
           gpointer       result,
           Results       *results)
{
  guint index = *(guint *) result;

  if (!g_main_context_is_owner (g_main_context_default ()))
    results->off_main++;
  g_assert_cmpuint (frame_index (image), ==, index);
  g_array_append_val (results->indices, index);
}

static gboolean
last_result_is_99 (gpointer data)
{
  Results *results = data;

  return results->indices->len > 0 &&
         g_array_index (results->indices, guint, results->indices->len - 1) == 99;
}

/* A gated worker, its results and the release count, set up the same way
 * for each worker test. */
typedef struct
{
  Gate           gate;
  PfFrameWorker *worker;
  Results        results;
} WorkerFixture;

static void
worker_fixture_init (WorkerFixture *f)
{
  memset (f, 0, sizeof *f);
  f->worker = pf_frame_worker_new (gated_analysis, &f->gate, gate_free, g_free);
  f->results.indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (f->worker, "result", G_CALLBACK (result_cb), &f->results);

  released_images = 0;
  pf_image_set_release_observer (observe_release);
}

/* Submits frames 0..n-1; frame 0 is taken at once and held at the gate,
 * so the others all arrive while the worker is busy. */
static void
worker_fixture_submit (WorkerFixture *f,
                       guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PfImage) frame = indexed_frame (i);

      pf_frame_worker_submit (f->worker, frame);
      if (i == 0)
        gate_wait_entered (&f->gate, 1);
    }
}

static void
worker_fixture_clear (WorkerFixture *f)
{
  pf_image_set_release_observer (NULL);
  g_array_unref (f->results.indices);
  g_mutex_clear (&f->gate.lock);
  g_cond_clear (&f->gate.cond);
}

static void
test_worker_newest (void)
{
  WorkerFixture f;
  PfFrameWorkerCounts counts;

  worker_fixture_init (&f);
  worker_fixture_submit (&f, 100);

  /* Only the newest waits; the 98 in between were freed, not queued. */
  pf_frame_worker_get_counts (f.worker, &counts);
  g_assert_cmpuint (counts.submitted, ==, 100);
  g_assert_cmpuint (counts.dropped, ==, 98);
  g_assert_cmpuint (released_images, ==, 98);

  gate_open (&f.gate);
  iterate_until (last_result_is_99, &f.results);

  pf_frame_worker_get_counts (f.worker, &counts);
  g_assert_cmpuint (counts.analysed, ==, 2);
  g_assert_cmpuint (counts.delivered, ==, f.results.indices->len);
  g_assert_cmpuint (counts.delivered + counts.superseded, ==, 2);
  g_assert_cmpuint (f.results.off_main, ==, 0);
  /* In the order of the frames. */
  for (guint i = 1; i < f.results.indices->len; i++)
    g_assert_cmpuint (g_array_index (f.results.indices, guint, i - 1), <,
                      g_array_index (f.results.indices, guint, i));

  g_assert_finalize_object (f.worker);
  g_assert_true (f.gate.freed);
  /* Every frame went, none stayed behind in the worker. */
  g_assert_cmpuint (released_images, ==, 100);

  worker_fixture_clear (&f);
}

static gpointer
open_gate_later (gpointer data)
{
  g_usleep (50 * 1000);
  gate_open (data);
  return NULL;
}

static void
test_worker_dispose_busy (void)
{
  WorkerFixture f;
  GThread *opener;

  worker_fixture_init (&f);
  worker_fixture_submit (&f, 3);

  /* Dropped while frame 0 is being analysed: dispose waits for that
   * analysis, never starts frame 2, and delivers nothing afterwards. */
  opener = g_thread_new ("opener", open_gate_later, &f.gate);
  g_assert_finalize_object (f.worker);
  g_thread_join (opener);

  g_assert_true (f.gate.freed);
  g_assert_cmpuint (f.gate.entered, ==, 1);
  drain (20);
  g_assert_cmpuint (f.results.indices->len, ==, 0);
  g_assert_cmpuint (released_images, ==, 3);

  worker_fixture_clear (&f);
}

static void
report_cb (PfFrameWorker  *worker,
           PfImage        *image,
           PfPhotoReport  *report,
           PfPhotoReport **out)
{
  *out = pf_photo_report_ref (report);
}

static gboolean
have_report (gpointer data)
{
  return *(PfPhotoReport **) data != NULL;
}

static void
test_worker_photo_check (void)
{
  g_autoptr(PfFrameWorker) worker = pf_frame_worker_new_photo_check (NULL);
  g_autoptr(PfImage) frame = pf_image_new (320, 200);
  g_autoptr(PfPhotoReport) report = NULL;

  g_signal_connect (worker, "result", G_CALLBACK (report_cb), &report);
  pf_frame_worker_submit (worker, frame);
  iterate_until (have_report, &report);
  g_assert_cmpint (pf_photo_report_get_width (report), ==, 320);
  g_assert_cmpint (pf_photo_report_get_height (report), ==, 200);

  /* Stopped: frames are refused quietly. */
  pf_frame_worker_stop (worker);
  pf_frame_worker_submit (worker, frame);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GstElementFactory) pipewiresrc = NULL;
  int status;

  /* Only the fake cameras: a real webcam on a developer's machine must
   * not change the results. */
  g_setenv ("GST_PLUGIN_FEATURE_RANK",
            "v4l2deviceprovider:NONE,pipewiredeviceprovider:NONE,libcameraprovider:NONE", TRUE);

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  /* A private session bus for the fake portal, before anything connects
   * to the real one. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  portal_start ();

  pipewiresrc = gst_element_factory_find ("pipewiresrc");
  if (pipewiresrc == NULL)
    g_assert_true (gst_plugin_register_static (GST_VERSION_MAJOR, GST_VERSION_MINOR, "pffakepipewire",
                                               "A stand-in for pipewiresrc", fake_pipewire_plugin_init,
                                               "0.1", "GPL", "id-preflight", "id-preflight",
                                               "https://example.invalid"));
  g_assert_true (gst_plugin_register_static (GST_VERSION_MAJOR, GST_VERSION_MINOR, "pffake",
                                             "Fake cameras for tests", fake_plugin_init, "0.1",
                                             "GPL", "id-preflight", "id-preflight",
                                             "https://example.invalid"));

  g_test_add_func ("/pf/camera/find-missing", test_find_missing);
  g_test_add_func ("/pf/camera/unknown-element", test_unknown_element);
  g_test_add_func ("/pf/camera/test-pipeline", test_test_pipeline);
  g_test_add_func ("/pf/camera/mode-choice", test_mode_choice);
  g_test_add_func ("/pf/camera/mjpeg-pipeline", test_mjpeg_pipeline);
  g_test_add_func ("/pf/camera/frames-zeroed", test_frames_zeroed);
  g_test_add_func ("/pf/camera/error-then-restart", test_error_then_restart);
  g_test_add_func ("/pf/camera/not-raw-video", test_not_raw_video);
  g_test_add_func ("/pf/camera/start-timeout", test_start_timeout);
  g_test_add_func ("/pf/camera/env-description", test_env_description);
  g_test_add_func ("/pf/camera/no-camera", test_no_camera);
  g_test_add_func ("/pf/camera/hotplug", test_hotplug);
  g_test_add_func ("/pf/camera/pulled-out", test_pulled_out);
  g_test_add_func ("/pf/camera/busy", test_busy);
  g_test_add_func ("/pf/camera/dispose-while-streaming", test_dispose_while_streaming);
  g_test_add_func ("/pf/camera/portal", test_portal);
  g_test_add_func ("/pf/camera/portal-restart-while-asking", test_portal_restart_while_asking);
  g_test_add_func ("/pf/camera/mailbox", test_mailbox);
  g_test_add_func ("/pf/frame-worker/newest", test_worker_newest);
  g_test_add_func ("/pf/frame-worker/dispose-busy", test_worker_dispose_busy);
  g_test_add_func ("/pf/frame-worker/photo-check", test_worker_photo_check);

  status = g_test_run ();

  portal_stop ();
  g_test_dbus_down (bus);

  return status;
}
