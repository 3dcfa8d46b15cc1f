/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pixel-quality checks' speed: milliseconds of processor time per
 * frame for each check, as a live camera frame and as a chosen photo, on
 * generated 1280 × 720 and 1920 × 1080 frames (good photos and photos
 * with glare, blur, a screen...), on one core. Beside them, the whole
 * photo check (pf_photo_check(), every registered check and the shared
 * views it makes) for live frames. Prints a table; asserts nothing about
 * time.
 *
 *   bench-quality [--frames N] [--repeat N] */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "pf-specimen.h"
#include "quality-support.h"

typedef struct
{
  const char       *name;
  PfPhotoCheckFunc  check;
} Check;

static const Check checks[] = {
  { "photo.blur", pf_photo_check_blur },
  { "photo.glare", pf_photo_check_glare },
  { "photo.exposure", pf_photo_check_exposure },
  { "photo.copy", pf_photo_check_copy },
};

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A varied set of frames: good photos, and photos with the faults these
 * checks look for. */
static PfSpecimen *
make_frame (int   width,
            int   height,
            guint i)
{
  static const PfSpecimenDefects defects[] = {
    0, PF_SPECIMEN_DEFECT_GLARE_TEXT, PF_SPECIMEN_DEFECT_BLUR, 0, PF_SPECIMEN_DEFECT_MOTION,
    PF_SPECIMEN_DEFECT_SCREEN, PF_SPECIMEN_DEFECT_DARK, PF_SPECIMEN_DEFECT_GLARE_BLANK,
  };
  PfSpecimenParams p;

  pf_specimen_params_init (&p);
  p.frame_width = width;
  p.frame_height = height;
  pf_specimen_params_random (&p, 900 + i, PF_SPECIMEN_RANDOM_LAYOUT);
  if (defects[i % G_N_ELEMENTS (defects)] != 0)
    pf_specimen_params_add_defect (&p, defects[i % G_N_ELEMENTS (defects)], i);

  return pf_specimen_new (&p);
}

static void
bench_size (int   width,
            int   height,
            guint n_frames,
            guint repeat)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_specimen_free);
  double per_check[2][G_N_ELEMENTS (checks)] = { { 0 } };
  double whole = 0, views = 0;

  for (guint i = 0; i < n_frames; i++)
    g_ptr_array_add (frames, make_frame (width, height, i));

  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < frames->len; i++)
      {
        PfSpecimen *specimen = g_ptr_array_index (frames, i);
        PfPhotoOptions options = { PF_DOCUMENT_KIND_ID_CARD, TRUE, 1 };
        g_autoptr(PfImage) fresh = pf_image_copy (specimen->image);
        double t;

        /* Live first, on a fresh copy: the views are timed as a new camera
         * frame needs them made, the grey one included. */
        for (int live = 1; live >= 0; live--)
          {
            QualityFrame frame;

            options.live = live;
            t = cpu_ms ();
            quality_frame_init (&frame, fresh, specimen->corners, &options);
            views += live ? cpu_ms () - t : 0;
            for (guint c = 0; c < G_N_ELEMENTS (checks); c++)
              {
                PfPhotoReport *report;

                t = cpu_ms ();
                report = quality_frame_run (&frame, checks[c].check);
                per_check[live][c] += cpu_ms () - t;
                pf_photo_report_unref (report);
              }
            quality_frame_clear (&frame);
          }

        /* The whole check on a fresh image, so that its grey view is made
         * again as it would be for a new camera frame. */
        {
          g_autoptr(PfImage) copy = pf_image_copy (specimen->image);
          PfPhotoReport *report;

          options.live = TRUE;
          t = cpu_ms ();
          report = pf_photo_check (copy, &options);
          whole += cpu_ms () - t;
          pf_photo_report_unref (report);
        }
      }

  {
    double n = (double) repeat * frames->len, sum[2] = { 0 };

    printf ("%d × %d, %u frames × %u\n", width, height, frames->len, repeat);
    printf ("  %-16s %10s %10s\n", "check", "live ms", "photo ms");
    for (guint c = 0; c < G_N_ELEMENTS (checks); c++)
      {
        printf ("  %-16s %10.3f %10.3f\n", checks[c].name, per_check[1][c] / n,
                per_check[0][c] / n);
        sum[0] += per_check[0][c];
        sum[1] += per_check[1][c];
      }
    printf ("  %-16s %10.3f %10.3f\n", "these four", sum[1] / n, sum[0] / n);
    printf ("  %-16s %10.3f   (the driver's grey view and small copy of a new frame)\n",
            "views", views / n);
    printf ("  %-16s %10.3f   (pf_photo_check, every registered check)\n", "whole, live",
            whole / n);
  }
}

int
main (int   argc,
      char *argv[])
{
  int n_frames = 8, repeat = 5;
  GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &n_frames, "Frames per size", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs over the frames", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the pixel-quality checks");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  printf ("Pixel-quality checks, processor time per frame on one core\n");
  bench_size (1280, 720, MAX (n_frames, 1), MAX (repeat, 1));
  bench_size (1920, 1080, MAX (n_frames, 1), MAX (repeat, 1));
  return 0;
}
