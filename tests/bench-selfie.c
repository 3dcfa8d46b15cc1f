/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the selfie checks take per frame on one core, at the camera
 * sizes a selfie step sees (640×360 and 1280×720), on scenes built from
 * the test portrait: face detection on the 320-pixel grey copy plus the
 * light and sharpness checks. The live checklist wants at least 10
 * updates a second. Wall-clock and thread CPU time are both printed: on a
 * busy machine the CPU time still tells what the checks cost.
 *
 * A benchmark prints figures; it asserts nothing about speed.
 *
 *   bench-selfie [--iterations N]
 */

#include <stdio.h>
#include <time.h>

#include "pf-selfie.h"
#include "selfie-scenes.h"

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int
main (int    argc,
      char **argv)
{
  static const int sizes[][2] = { { 640, 360 }, { 1280, 720 } };
  static const char * const kinds[] = { "good", "dark", "backlight", "blurred", "no-face" };
  int iterations = 20;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfFaceDetector) detector = NULL;
  GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Frames timed per scene", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the selfie checks");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!pf_scene_available (&reason))
    {
      printf ("skipped: %s\n", reason);
      return 0;
    }

  /* Loading the cascade is a one-off per process: timed apart. */
  {
    double t0 = g_get_monotonic_time ();

    detector = pf_face_detector_get_default (&error);
    if (detector == NULL)
      {
        printf ("skipped: %s\n", error->message);
        return 0;
      }
    printf ("cascade loaded in %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  }

  printf ("%-10s %-10s %9s %9s %9s %6s\n", "frame", "scene", "wall ms", "cpu ms", "updates/s",
          "faces");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double all_cpu = 0;
      guint all_n = 0;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          PfSelfieOptions options = { 30, sizes[s][0], sizes[s][1], detector };
          PfRect face;
          g_autoptr(PfImage) image = NULL;
          double wall = 0, cpu = 0;
          guint faces = 0;

          if (g_str_equal (kinds[k], "no-face"))
            image = pf_scene_no_face (sizes[s][0], sizes[s][1]);
          else
            image = pf_scene_portrait (sizes[s][0], sizes[s][1], 0.33, 0.5, 0.5, &face);
          if (g_str_equal (kinds[k], "dark"))
            pf_scene_gain (image, 0.25);
          else if (g_str_equal (kinds[k], "backlight"))
            pf_scene_backlight (image, &face, 245, 0.5);
          else if (g_str_equal (kinds[k], "blurred"))
            pf_scene_gaussian (image, 0.03 * face.width);

          for (int i = 0; i < iterations; i++)
            {
              /* A fresh frame each time, as from a camera: its grey view is
               * made inside the timed call. */
              g_autoptr(PfImage) frame = pf_image_copy (image);
              gint64 t0 = g_get_monotonic_time ();
              double c0 = cpu_seconds ();
              g_autoptr(PfSelfieReport) report = pf_selfie_check (frame, &options);

              cpu += cpu_seconds () - c0;
              wall += (g_get_monotonic_time () - t0) / 1e6;
              faces = pf_selfie_report_get_n_faces (report);
            }
          all_cpu += cpu;
          all_n += iterations;
          printf ("%4dx%-5d %-10s %9.1f %9.1f %9.1f %6u\n", sizes[s][0], sizes[s][1], kinds[k],
                  1000 * wall / iterations, 1000 * cpu / iterations, iterations / cpu, faces);
        }
      printf ("%4dx%-5d %-10s %9s %9.1f %9.1f\n", sizes[s][0], sizes[s][1], "mean", "",
              1000 * all_cpu / all_n, all_n / all_cpu);

      /* The detector alone, on the 320-pixel grey copy the checks give it,
       * with the same parameters: the rest is the light and sharpness
       * checks and the grey conversion. */
      {
        g_autoptr(PfImage) image = pf_scene_portrait (sizes[s][0], sizes[s][1], 0.33, 0.5, 0.5,
                                                      NULL);
        g_autoptr(PfImage) small = pf_scene_resize (image, 320);
        int sw = pf_image_get_width (small), sh = pf_image_get_height (small);
        PfFaceDetectParams params = { (int) (0.1 * MIN (sw, sh)), 0, 8 };
        double cpu = 0;

        for (int i = 0; i < iterations; i++)
          {
            double c0 = cpu_seconds ();
            g_autoptr(GArray) faces = pf_face_detector_detect (detector, pf_image_get_grey (small),
                                                               sw, sh, sw, &params);

            cpu += cpu_seconds () - c0;
          }
        printf ("%4dx%-5d %-10s %9s %9.1f   (face detection on %dx%d)\n", sizes[s][0],
                sizes[s][1], "detect", "", 1000 * cpu / iterations, sw, sh);
      }
    }

  return 0;
}
