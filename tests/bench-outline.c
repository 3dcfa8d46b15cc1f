/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speed of the geometry photo checks on one core: the outline alone,
 * and the outline with corners, size, angle, background and obstruction,
 * on generated 1280×720 and 1920×1080 frames. The driver's shared work
 * (the grey view and its downscaled copy) is timed apart, since every
 * check shares it. Prints milliseconds per frame; asserts nothing. */

#include "config.h"

#include <stdio.h>

#include "pf-specimen.h"
#include "quality-support.h"

#define N_FRAMES 24
#define N_ROUNDS 20

static const PfPhotoCheckFunc geometry_checks[] = {
  pf_photo_check_corners,
  pf_photo_check_size,
  pf_photo_check_angle,
  pf_photo_check_background,
  pf_photo_check_obstruction,
};

static void
bench_size (int width,
            int height)
{
  double t_shared = 0, t_outline = 0, t_all = 0;
  int n_found = 0;

  for (int i = 0; i < N_FRAMES; i++)
    {
      g_autoptr (PfSpecimen) specimen = NULL;
      g_autoptr (PfImage) pixel = pf_image_new (1, 1);
      PfSpecimenParams params;
      QualityFrame frame;
      gint64 start;

      /* Good photos on every background, with a few hard ones: turned,
       * tilted, a thumb over the edge. */
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
      specimen = pf_specimen_new (&params);

      for (int round = 0; round < N_ROUNDS; round++)
        {
          /* A fresh image each round, so that the grey view is made again
           * as it is for every camera frame. */
          g_autoptr (PfImage) image = pf_image_copy (specimen->image);

          start = g_get_monotonic_time ();
          quality_frame_init (&frame, image, NULL, NULL);
          t_shared += g_get_monotonic_time () - start;

          frame.ctx.report = pf_photo_check (pixel, NULL);
          start = g_get_monotonic_time ();
          pf_photo_check_outline (&frame.ctx);
          t_outline += g_get_monotonic_time () - start;
          for (guint c = 0; c < G_N_ELEMENTS (geometry_checks); c++)
            geometry_checks[c] (&frame.ctx);
          t_all += g_get_monotonic_time () - start;

          if (round == 0)
            n_found += frame.ctx.has_outline;
          pf_photo_report_unref (frame.ctx.report);
          quality_frame_clear (&frame);
        }
    }

  printf ("%4dx%-4d  grey view and 640 px copy (test helper) %6.2f ms   outline %6.2f ms   "
          "outline + corners, size, angle, background, obstruction %6.2f ms   "
          "(found %d of %d)\n",
          width, height, t_shared / 1000.0 / (N_FRAMES * N_ROUNDS),
          t_outline / 1000.0 / (N_FRAMES * N_ROUNDS), t_all / 1000.0 / (N_FRAMES * N_ROUNDS),
          n_found, N_FRAMES);
}

int
main (int   argc,
      char *argv[])
{
  printf ("Geometry photo checks, one core, mean over %d frames × %d rounds:\n", N_FRAMES,
          N_ROUNDS);
  bench_size (1280, 720);
  bench_size (1920, 1080);
  return 0;
}
