/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Soak: 10,000 frames (PF_SOAK_FRAMES) through the live pipeline, as the
 * photo page runs it: a fake camera delivering frames to the main context,
 * each handed to the photo-check worker. The camera plays generated
 * document photos in a loop, so that every check runs on every frame it
 * analyses (PF_SOAK_SOURCE=ball: GStreamer's moving test ball instead). Prints
 * how much the resident memory grew between the end of a warm-up (the
 * first 500 frames: caches, pools, the worker's thread) and the end, and
 * the time taken. A leak of even a few hundred bytes a frame shows as
 * megabytes here. Prints figures; asserts nothing. */

#include "config.h"

#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "pf-camera.h"
#include "pf-frame-worker.h"
#include "pf-specimen.h"

#define WARM_UP_FRAMES 500

#define N_DOCUMENTS 8

/* Not live, so that frames come as fast as the pipeline makes them; a
 * moving ball, so that no two frames are the same. */
#define BALL \
  "videotestsrc pattern=ball ! video/x-raw,width=1280,height=720,framerate=120/1"

/* Writes N_DOCUMENTS generated photos of documents (random kinds, poses
 * and backgrounds) as PNG files into @dir; returns a pipeline that plays
 * them in a loop. */
static char *
write_documents (const char *dir)
{
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      PfSpecimenParams params;
      g_autoptr(PfSpecimen) specimen = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("frame-%02u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      PfImage *image;

      pf_specimen_params_init (&params);
      params.frame_width = 1280;
      params.frame_height = 720;
      pf_specimen_params_random (&params, 700 + i, PF_SPECIMEN_RANDOM_LAYOUT);
      specimen = pf_specimen_new (&params);
      image = specimen->image;
      pixbuf = gdk_pixbuf_new_from_data (pf_image_get_data (image), GDK_COLORSPACE_RGB, TRUE, 8,
                                         pf_image_get_width (image), pf_image_get_height (image),
                                         pf_image_get_stride (image), NULL, NULL);
      if (!gdk_pixbuf_save (pixbuf, path, "png", &error, NULL))
        g_error ("%s", error->message);
    }

  return g_strdup_printf ("multifilesrc location=%s/frame-%%02d.png index=0 loop=true "
                          "caps=image/png,framerate=120/1 ! pngdec ! videoconvert", dir);
}

static void
remove_documents (const char *dir)
{
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("frame-%02u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

typedef struct
{
  GMainLoop     *loop;
  PfFrameWorker *worker;
  guint          frames;
  guint          target;
  gint64         warm_rss;
  gint64         warm_rss_trimmed;
  gint64         end_rss;
  gint64         end_rss_trimmed;
} Soak;

/* Resident memory in bytes, from /proc/self/statm. */
static gint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return -1;
  fields = g_strsplit (statm, " ", 0);
  return g_ascii_strtoll (fields[1], NULL, 10) * sysconf (_SC_PAGESIZE);
}

/* Resident memory once glibc has returned its free pages: what is left is
 * memory in use, not memory the allocator keeps for later. */
static gint64
resident_trimmed (void)
{
  malloc_trim (0);
  return resident_bytes ();
}

static void
frame_cb (PfCamera *camera,
          PfImage  *image,
          Soak     *soak)
{
  pf_frame_worker_submit (soak->worker, image);
  soak->frames++;

  if (soak->frames == WARM_UP_FRAMES)
    {
      soak->warm_rss = resident_bytes ();
      soak->warm_rss_trimmed = resident_trimmed ();
    }
  /* Measured with the pipeline still running, as at the warm-up. */
  if (soak->frames == soak->target)
    {
      soak->end_rss = resident_bytes ();
      soak->end_rss_trimmed = resident_trimmed ();
      g_main_loop_quit (soak->loop);
    }
}

static void
state_cb (PfCamera   *camera,
          GParamSpec *pspec,
          Soak       *soak)
{
  if (pf_camera_get_state (camera) == PF_CAMERA_STATE_ERROR)
    g_main_loop_quit (soak->loop);
}

int
main (int   argc,
      char *argv[])
{
  const char *frames_env = g_getenv ("PF_SOAK_FRAMES");
  gboolean ball = g_strcmp0 (g_getenv ("PF_SOAK_SOURCE"), "ball") == 0;
  g_autofree char *dir = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PfCamera) camera = NULL;
  g_autoptr(PfFrameWorker) worker = NULL;
  Soak soak = { 0 };
  PfFrameWorkerCounts counts;
  gint64 start, end_time;
  double seconds;

  gst_init (&argc, &argv);

  soak.loop = loop;
  soak.target = frames_env != NULL ? (guint) atoi (frames_env) : 10000;
  soak.target = MAX (soak.target, WARM_UP_FRAMES + 1);

  if (ball)
    {
      description = g_strdup (BALL);
    }
  else
    {
      dir = g_dir_make_tmp ("pf-soak-XXXXXX", NULL);
      g_assert (dir != NULL);
      description = write_documents (dir);
    }

  camera = g_object_new (PF_TYPE_CAMERA,
                         "pipeline-description", description,
                         "use-portal", FALSE,
                         NULL);
  worker = pf_frame_worker_new_photo_check (NULL);
  soak.worker = worker;
  g_signal_connect (camera, "frame", G_CALLBACK (frame_cb), &soak);
  g_signal_connect (camera, "notify::state", G_CALLBACK (state_cb), &soak);

  start = g_get_monotonic_time ();
  pf_camera_start (camera);
  g_main_loop_run (loop);
  end_time = g_get_monotonic_time ();

  pf_camera_stop (camera);
  pf_frame_worker_stop (worker);
  pf_frame_worker_get_counts (worker, &counts);
  if (dir != NULL)
    remove_documents (dir);

  if (soak.frames < soak.target)
    {
      g_printerr ("the camera stopped after %u frames: %s\n", soak.frames,
                  pf_camera_get_message (camera));
      return 1;
    }

  seconds = (end_time - start) / 1e6;
  g_print ("soak: %s\n", ball ? "a moving ball (videotestsrc)" :
           "8 generated document photos in a loop (multifilesrc, pngdec)");
  g_print ("soak: %u frames of 1280x720 in %.1f s (%.1f frames/s), %" G_GUINT64_FORMAT
           " photo checks (%.1f ms on average), %" G_GUINT64_FORMAT " frames skipped by the worker\n",
           soak.frames, seconds, soak.frames / seconds, counts.analysed,
           counts.busy_us / 1000.0 / MAX (counts.analysed, 1), counts.dropped);
  g_print ("soak: resident memory after %d frames %.1f MB, at the end %.1f MB: grew %.2f MB "
           "over %u frames (%.2f MB once the allocator's free pages are returned: %.1f -> %.1f MB)\n",
           WARM_UP_FRAMES, soak.warm_rss / 1048576.0, soak.end_rss / 1048576.0,
           (soak.end_rss - soak.warm_rss) / 1048576.0, soak.frames - WARM_UP_FRAMES,
           (soak.end_rss_trimmed - soak.warm_rss_trimmed) / 1048576.0,
           soak.warm_rss_trimmed / 1048576.0, soak.end_rss_trimmed / 1048576.0);
  g_print ("soak: goal: growth under 5 MB\n");

  return 0;
}
