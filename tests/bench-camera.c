/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live camera path at 1080p30, with a test source in place of a
 * camera: frames delivered to the main context per second, the time a
 * frame waits for the main context, and the photo checks on the worker
 * thread (analyses per second, frames skipped). Also the price of the one
 * copy a frame costs when it cannot be shared. Prints figures; asserts
 * nothing about speed.
 *
 *   PF_BENCH_SECONDS   how long to run the camera (default 5) */

#include <stdlib.h>
#include <string.h>

#include <gst/gst.h>

#include "pf-camera.h"
#include "pf-frame-worker.h"

#define DESCRIPTION \
  "videotestsrc is-live=true pattern=ball ! video/x-raw,width=1920,height=1080,framerate=30/1"

static void
frame_cb (PfCamera      *camera,
          PfImage       *image,
          PfFrameWorker *worker)
{
  pf_frame_worker_submit (worker, image);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
bench_copy (void)
{
  const int width = 1920, height = 1080, rounds = 30;
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 4);
  PfImage *images[30];
  gint64 start, copy_us, release_us;

  memset (pixels, 0x5a, (gsize) width * height * 4);

  start = g_get_monotonic_time ();
  for (int i = 0; i < rounds; i++)
    images[i] = pf_image_new_from_data (pixels, width, height, (gsize) width * 4);
  copy_us = g_get_monotonic_time () - start;

  /* Paid by every frame, copied or not: PfImage zeroes its pixels. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < rounds; i++)
    pf_image_unref (images[i]);
  release_us = g_get_monotonic_time () - start;

  g_print ("one 1920x1080 RGBA frame: copy into a new PfImage %.2f ms, "
           "release (zeroing) %.2f ms\n",
           copy_us / 1000.0 / rounds, release_us / 1000.0 / rounds);
}

int
main (int   argc,
      char *argv[])
{
  const char *seconds_env = g_getenv ("PF_BENCH_SECONDS");
  int seconds = seconds_env != NULL ? atoi (seconds_env) : 5;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PfCamera) camera = NULL;
  g_autoptr(PfFrameWorker) worker = NULL;
  PfCameraStats stats;
  PfFrameWorkerCounts counts;
  int width = 0, height = 0;
  double rate;

  gst_init (&argc, &argv);
  if (seconds < 1)
    seconds = 5;

  bench_copy ();

  camera = g_object_new (PF_TYPE_CAMERA,
                         "pipeline-description", DESCRIPTION,
                         "use-portal", FALSE,
                         NULL);
  worker = pf_frame_worker_new_photo_check (NULL);
  g_signal_connect (camera, "frame", G_CALLBACK (frame_cb), worker);

  pf_camera_start (camera);
  g_timeout_add_seconds (seconds, quit_cb, loop);
  g_main_loop_run (loop);

  rate = pf_camera_get_frame_rate (camera);
  pf_camera_get_frame_size (camera, &width, &height);
  pf_camera_get_stats (camera, &stats);
  pf_camera_stop (camera);
  pf_frame_worker_stop (worker);
  pf_frame_worker_get_counts (worker, &counts);

  if (pf_camera_get_state (camera) == PF_CAMERA_STATE_ERROR || stats.frames_delivered == 0)
    {
      g_printerr ("the camera did not run: %s\n", pf_camera_get_message (camera));
      return 1;
    }

  g_print ("source: %dx%d, measured %.1f frames/s at the end\n", width, height, rate);
  g_print ("frames: %" G_GUINT64_FORMAT " received, %" G_GUINT64_FORMAT " delivered "
           "(%.1f/s), %" G_GUINT64_FORMAT " skipped\n",
           stats.frames_received, stats.frames_delivered,
           (double) stats.frames_delivered / seconds, stats.frames_dropped);
  g_print ("main-context latency: %.2f ms on average, %.2f ms at worst\n",
           stats.latency_total_us / 1000.0 / MAX (stats.frames_delivered, 1),
           stats.latency_max_us / 1000.0);
  g_print ("photo checks: %" G_GUINT64_FORMAT " analyses (%.1f/s), %.1f ms on average, "
           "%.1f ms at worst; %" G_GUINT64_FORMAT " frames skipped, %" G_GUINT64_FORMAT
           " results superseded\n",
           counts.analysed, (double) counts.analysed / seconds,
           counts.busy_us / 1000.0 / MAX (counts.analysed, 1), counts.longest_us / 1000.0,
           counts.dropped, counts.superseded);

  return 0;
}
