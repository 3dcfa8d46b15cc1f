/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-photo-page: the photo page in its window, shown, with a camera
 * that sends 1920 × 1080 frames at 30 a second (a generated ID card, still,
 * through pngdec ! imagefreeze; or videotestsrc with --videotestsrc) for
 * ten seconds while every frame the worker can take is analysed. Prints
 * the camera's and the preview's frame rates, the analysis rate, and how
 * long the main thread was ever kept from running: the longest gap between
 * ticks of a 1 ms timer, the longest frame hand-over from the streaming
 * thread, and the longest paint. Figures, not assertions.
 *
 *   bench-photo-page [--seconds N] [--videotestsrc] [--full-size]
 *
 * A benchmark: its messages are for developers and are not translated. */

#include "config.h"

#include <time.h>

#include <gst/gst.h>

#include "test-ui-photo-util.h"

typedef struct
{
  PfPhotoPage   *page;
  gint64         last_tick;
  gint64         worst_gap;
  guint64        ticks;
  gint64         frame_start;
  gint64         frame_worst;
  gint64         frame_total;
  guint64        frames;
  gint64         paint_start;
  gint64         paint_cpu_start;
  gint64         paint_cpu_worst;
  gint64         paint_cpu_total;
  gint64         paint_worst;
  gint64         paint_total;
  guint64        paints;
  gboolean       measuring;
} Bench;

static gboolean
tick_cb (gpointer data)
{
  Bench *b = data;
  gint64 now = g_get_monotonic_time ();

  if (b->measuring && b->last_tick != 0)
    {
      b->worst_gap = MAX (b->worst_gap, now - b->last_tick);
      b->ticks++;
    }
  b->last_tick = now;

  return G_SOURCE_CONTINUE;
}

/* The page's own work for a frame: an emission hook runs before the
 * "frame" handlers, a handler connected last runs after the page's. */
static gboolean
frame_begin_cb (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               data)
{
  ((Bench *) data)->frame_start = g_get_monotonic_time ();
  return TRUE;
}

static void
frame_end_cb (PfCamera *camera,
              PfImage  *image,
              Bench    *b)
{
  gint64 elapsed = g_get_monotonic_time () - b->frame_start;

  if (!b->measuring)
    return;

  b->frame_worst = MAX (b->frame_worst, elapsed);
  b->frame_total += elapsed;
  b->frames++;
}

/* The main thread's own processor time, in µs: on a loaded machine the
 * wall-clock figures include time the thread waited for a core. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *b)
{
  b->paint_start = g_get_monotonic_time ();
  b->paint_cpu_start = thread_cpu_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 elapsed = g_get_monotonic_time () - b->paint_start;
  gint64 cpu = thread_cpu_us () - b->paint_cpu_start;

  if (!b->measuring || b->paint_start == 0)
    return;

  b->paint_cpu_worst = MAX (b->paint_cpu_worst, cpu);
  b->paint_cpu_total += cpu;
  b->paint_worst = MAX (b->paint_worst, elapsed);
  b->paint_total += elapsed;
  b->paints++;
}

static gboolean
is_live_cb (gpointer page)
{
  return g_strcmp0 (pf_photo_page_get_mode (page), "live") == 0;
}

static void
run (PfApplication *application,
     const char    *pipeline,
     int            seconds,
     gboolean       full_size)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PfWindow *window;
  PfCameraView *view;
  PfCameraStats before, after;
  PfCameraViewStats view_before, view_after;
  PfFrameWorkerCounts work_before, work_after;
  GdkFrameClock *clock;
  guint signal_id;
  gulong hook;
  guint timer;
  Bench b = { 0 };

  /* Measure the steady state: no photo taken. */
  g_settings_set_boolean (settings, "auto-capture", FALSE);
  g_setenv ("PF_CAMERA_PIPELINE", pipeline, TRUE);

  window = pf_test_window_new (ADW_APPLICATION (application), 1280, 800);
  b.page = pf_test_photo_open (window, PF_DOCUMENT_KIND_ID_CARD);
  view = pf_photo_page_get_camera_view (b.page);
  pf_camera_view_set_downscale (view, !full_size);
  pf_test_photo_wait (is_live_cb, b.page, 20000, "the camera");
  pf_test_ui_wait (1000);

  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  timer = g_timeout_add (1, tick_cb, &b);
  signal_id = g_signal_lookup ("frame", PF_TYPE_CAMERA);
  hook = g_signal_add_emission_hook (signal_id, 0, frame_begin_cb, &b, NULL);
  g_signal_connect (pf_photo_page_get_camera (b.page), "frame", G_CALLBACK (frame_end_cb), &b);

  pf_camera_get_stats (pf_photo_page_get_camera (b.page), &before);
  pf_camera_view_get_stats (view, &view_before);
  pf_frame_worker_get_counts (pf_photo_page_get_worker (b.page), &work_before);
  b.measuring = TRUE;
  pf_test_ui_wait (seconds * 1000);
  b.measuring = FALSE;
  pf_camera_get_stats (pf_photo_page_get_camera (b.page), &after);
  pf_camera_view_get_stats (view, &view_after);
  pf_frame_worker_get_counts (pf_photo_page_get_worker (b.page), &work_after);

  g_source_remove (timer);
  g_signal_remove_emission_hook (signal_id, hook);
  g_signal_handlers_disconnect_by_data (pf_photo_page_get_camera (b.page), &b);
  g_signal_handlers_disconnect_by_data (clock, &b);

  g_print ("source: %s\n", pipeline);
  g_print ("preview: view %dx%d, texture %dx%d, %" G_GUINT64_FORMAT " frames from a scaled-down copy\n",
           gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)),
           view_after.texture_width, view_after.texture_height,
           view_after.frames_scaled - view_before.frames_scaled);
  g_print ("camera: %.1f frames/s received, %.1f/s handed to the main thread, %.1f/s dropped\n",
           (double) (after.frames_received - before.frames_received) / seconds,
           (double) (after.frames_delivered - before.frames_delivered) / seconds,
           (double) (after.frames_dropped - before.frames_dropped) / seconds);
  g_print ("preview: %.1f frames/s drawn\n",
           (double) (view_after.frames_drawn - view_before.frames_drawn) / seconds);
  g_print ("analysis: %.1f frames/s analysed, %.1f ms mean, %.1f ms longest, "
           "%.1f/s dropped for newer ones\n",
           (double) (work_after.analysed - work_before.analysed) / seconds,
           work_after.analysed > work_before.analysed
           ? (work_after.busy_us - work_before.busy_us) / 1000.0 /
             (work_after.analysed - work_before.analysed) : 0.0,
           work_after.longest_us / 1000.0,
           (double) (work_after.dropped - work_before.dropped) / seconds);
  g_print ("main thread: the page's frame handler (texture, hand to the worker) "
           "%.3f ms longest, %.3f ms mean\n",
           b.frame_worst / 1000.0, b.frames ? b.frame_total / 1000.0 / b.frames : 0.0);
  g_print ("main thread: the view's snapshot (render nodes of frame and overlays) "
           "%.3f ms longest, %.3f ms mean\n",
           view_after.snapshot_max_us / 1000.0,
           view_after.snapshots > view_before.snapshots
           ? (view_after.snapshot_total_us - view_before.snapshot_total_us) / 1000.0 /
             (view_after.snapshots - view_before.snapshots) : 0.0);
  g_print ("main thread: longest gap between 1 ms ticks %.2f ms (%" G_GUINT64_FORMAT " ticks)\n",
           b.worst_gap / 1000.0, b.ticks);
  g_print ("main thread: longest frame hand-over %.2f ms (all frames so far, start included)\n",
           after.latency_max_us / 1000.0);
  g_print ("main thread: GTK's whole paint (layout, snapshot, rendering by the renderer below) "
           "%.2f ms longest, %.2f ms mean, %.1f/s\n",
           b.paint_worst / 1000.0, b.paints ? b.paint_total / 1000.0 / b.paints : 0.0,
           (double) b.paints / seconds);
  g_print ("main thread: the paint's processor time %.2f ms longest, %.2f ms mean\n",
           b.paint_cpu_worst / 1000.0, b.paints ? b.paint_cpu_total / 1000.0 / b.paints : 0.0);
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  pf_test_window_free (window);
  g_unsetenv ("PF_CAMERA_PIPELINE");
}

int
main (int   argc,
      char *argv[])
{
  int seconds = 10;
  gboolean videotestsrc = FALSE;
  gboolean full_size = FALSE;
  const GOptionEntry entries[] = {
    { "full-size", 0, 0, G_OPTION_ARG_NONE, &full_size,
      "Draw every frame at full size (no scaled-down preview), to compare", NULL },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "How long to measure", "N" },
    { "videotestsrc", 0, 0, G_OPTION_ARG_NONE, &videotestsrc, "A test pattern, no document", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the photo page at 1080p30");
  g_autoptr(GError) error = NULL;
  g_autoptr(PfApplication) application = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pipeline = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  pf_test_ui_init (&argc, &argv);
  gst_init (&argc, &argv);
  application = pf_test_application_new ();

  if (videotestsrc)
    {
      pipeline = g_strdup ("videotestsrc is-live=true pattern=ball "
                           "! video/x-raw,width=1920,height=1080,framerate=30/1");
    }
  else
    {
      PfSpecimenParams params;

      dir = g_dir_make_tmp ("pf-bench-XXXXXX", NULL);
      pf_test_photo_params (&params, 0.5, 0.5);
      params.frame_width = 1920;
      params.frame_height = 1080;
      png = pf_test_photo_write (&params, dir, "card.png");
      pipeline = g_strdup_printf ("multifilesrc location=%s index=0 stop-index=0 "
                                  "caps=image/png,framerate=1/1 ! pngdec "
                                  "! imagefreeze is-live=true ! videoconvert "
                                  "! video/x-raw,framerate=30/1", png);
    }

  run (application, pipeline, seconds, full_size);

  if (dir != NULL)
    pf_test_photo_remove_dir (dir);
  return 0;
}
