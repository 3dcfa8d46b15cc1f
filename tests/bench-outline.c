/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the outline finder and of the whole photo check, on one
 * core, on generated 1280×720 and 1920×1080 frames: good photos on every
 * background, with some turned, tilted, or with a thumb over the edge.
 * The outline finder runs on the 640-pixel grey copy the driver makes,
 * as for a camera frame (one quick look) and as for a chosen photo (a
 * second, detailed look when it helps); the whole check (every check in
 * the driver's table, the grey view and that copy included) runs as for a
 * camera frame, on a fresh image each time. Prints milliseconds of
 * processor time per frame; asserts nothing. */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "pf-outline.h"
#include "pf-photo-private.h"
#include "pf-specimen.h"

#define N_FRAMES 24
#define N_ROUNDS 10

/* Time on this thread's clock: the benchmark measures work on one core,
 * not how busy the machine is. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The driver's copy: a long side of PF_PHOTO_SMALL_SIZE, area-averaged. */
static guint8 *
small_copy (PfImage *image,
            int     *small_width,
            int     *small_height)
{
  int width = pf_image_get_width (image), height = pf_image_get_height (image);
  double scale = MIN (1.0, (double) PF_PHOTO_SMALL_SIZE / MAX (width, height));
  int sw = MAX (1, (int) (width * scale + 0.5)), sh = MAX (1, (int) (height * scale + 0.5));
  const guint8 *grey = pf_image_get_grey (image);
  guint8 *small = g_malloc ((gsize) sw * sh);

  for (int sy = 0; sy < sh; sy++)
    for (int sx = 0; sx < sw; sx++)
      {
        int x0 = sx * width / sw, x1 = MAX (x0 + 1, (sx + 1) * width / sw);
        int y0 = sy * height / sh, y1 = MAX (y0 + 1, (sy + 1) * height / sh);
        guint32 sum = 0;

        for (int y = y0; y < y1; y++)
          for (int x = x0; x < x1; x++)
            sum += grey[(gsize) y * width + x];
        small[(gsize) sy * sw + sx] = (guint8) (sum / ((x1 - x0) * (y1 - y0)));
      }

  *small_width = sw;
  *small_height = sh;
  return small;
}

static void
bench_size (int width,
            int height)
{
  const double aspects[] = { 85.60 / 53.98, 125.0 / 88.0 };
  double t_outline = 0, t_still = 0, t_check = 0;
  int n_found = 0, n_found_still = 0;
  PfPhotoOptions live = { .live = TRUE };

  for (int i = 0; i < N_FRAMES; i++)
    {
      g_autoptr (PfSpecimen) specimen = NULL;
      g_autofree guint8 *small = NULL;
      PfSpecimenParams params;
      int sw, sh;
      gint64 start;

      pf_specimen_params_init (&params);
      params.layout = i % PF_SPECIMEN_N_LAYOUTS;
      params.frame_width = width;
      params.frame_height = height;
      pf_specimen_params_random (&params, 900 + i, 0);
      params.background = i % PF_SPECIMEN_BG_SAME_AS_CARD;
      if (i % 4 == 1)
        params.rotation_deg += 30;
      else if (i % 4 == 2)
        pf_specimen_params_add_defect (&params, PF_SPECIMEN_DEFECT_OCCLUDED, i);
      else if (i % 4 == 3)
        params.tilt_x_deg = 20;
      specimen = pf_specimen_new (&params);
      small = small_copy (specimen->image, &sw, &sh);

      for (int round = 0; round < N_ROUNDS; round++)
        {
          g_autoptr (PfImage) image = pf_image_copy (specimen->image);
          g_autoptr (PfPhotoReport) report = NULL;
          PfQuad quad;
          gboolean found;

          start = cpu_time_us ();
          found = pf_outline_find (small, sw, sh, specimen->image, aspects, G_N_ELEMENTS (aspects),
                                   TRUE, &quad);
          t_outline += cpu_time_us () - start;
          if (round == 0)
            n_found += found;

          start = cpu_time_us ();
          found = pf_outline_find (small, sw, sh, specimen->image, aspects, G_N_ELEMENTS (aspects),
                                   FALSE, &quad);
          t_still += cpu_time_us () - start;
          if (round == 0)
            n_found_still += found;

          start = cpu_time_us ();
          report = pf_photo_check (image, &live);
          t_check += cpu_time_us () - start;
        }
      pf_secure_zero (small, (gsize) sw * sh);
    }

  printf ("%4dx%-4d  outline, live %6.2f ms, still %6.2f ms (on the 640 px copy)   "
          "whole live photo check %6.2f ms   (outline found on %d, still %d, of %d)\n",
          width, height, t_outline / 1000.0 / (N_FRAMES * N_ROUNDS),
          t_still / 1000.0 / (N_FRAMES * N_ROUNDS), t_check / 1000.0 / (N_FRAMES * N_ROUNDS),
          n_found, n_found_still, N_FRAMES);
}

int
main (int   argc,
      char *argv[])
{
  printf ("Photo checks, processor time on one core, mean over %d frames × %d rounds:\n",
          N_FRAMES, N_ROUNDS);
  bench_size (1280, 720);
  bench_size (1920, 1080);
  return 0;
}
