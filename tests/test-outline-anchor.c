/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The MRZ as the outline's anchor (src/core/pf-outline-anchor.c) on
 * generated documents: the MRZ read where the document is, an outline
 * with a side on an inner line repaired, right outlines left alone over
 * a grid, with the outline before and after the step counted and the
 * step's processor time per still printed. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "pf-outline-anchor.h"
#include "pf-outline.h"
#include "pf-photo-private.h"
#include "pf-specimen.h"

/* As tests/test-photo-geometry.c judges an outline (see
 * pf_specimen_outline_matches()): corners within 3% of the diagonal. */
#define MAX_CORNER_ERROR 0.03

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The MRZ read on a level document says where it is: the scale, and the
 * true outline agrees with it on every side. */
static void
test_band (void)
{
  static const PfSpecimenLayout layouts[] = { PF_SPECIMEN_TD1, PF_SPECIMEN_TD2, PF_SPECIMEN_TD3 };
  static const PfMrzFormat formats[] = { PF_MRZ_FORMAT_TD1, PF_MRZ_FORMAT_TD2, PF_MRZ_FORMAT_TD3 };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    for (int turn = 0; turn < 3; turn++)
      {
        PfSpecimenParams p;
        PfSpecimen *s;
        PfAnchorBand band;

        pf_specimen_params_init (&p);
        p.layout = layouts[i];
        p.seed = 40 + i;
        p.frame_width = 1280;
        p.frame_height = 960;
        p.doc_width_fraction = 0.6;
        /* Level, turned beyond what the reader allows itself, upside down. */
        p.rotation_deg = turn == 0 ? 2 : turn == 1 ? -27 : 183;
        s = pf_specimen_new (&p);

        g_assert_true (pf_outline_anchor_find_band (pf_image_get_grey (s->image), 1280, 960,
                                                    s->corners, &band));
        g_assert_cmpint (band.format, ==, formats[i]);
        g_assert_cmpfloat (fabs (band.px_per_mm / s->px_per_mm - 1), <, 0.05);
        g_assert_cmpint (pf_outline_anchor_judge (&band, s->corners, 1280, 960), ==,
                         PF_ANCHOR_SIDE_ALL);
        pf_specimen_free (s);
      }
}

/* Photographed steeply, the glyphs shrink along the MRZ's lines by more
 * than the reader's grid follows in the photo as it is: with the outline
 * as a hint, the MRZ is read seen square on, every check digit right.
 * And the right outline agrees on every side, its top too: the
 * proportions under a steep view are less sure, and are allowed more. */
static void
test_steep (void)
{
  static const PfSpecimenLayout layouts[] = { PF_SPECIMEN_TD1, PF_SPECIMEN_TD2, PF_SPECIMEN_TD3 };
  int n_valid = 0, n_agree = 0, n = 0;

  for (guint i = 0; i < 12; i++)
    {
      PfSpecimenParams p;
      PfSpecimen *s;
      PfAnchorBand band;

      pf_specimen_params_init (&p);
      p.layout = layouts[i % G_N_ELEMENTS (layouts)];
      p.seed = 500 + i;
      p.frame_width = 1280;
      p.frame_height = 960;
      p.doc_width_fraction = 0.6;
      p.rotation_deg = -8 + 1.5 * i;
      p.tilt_x_deg = (i % 2 ? 1 : -1) * (36.0 + i);
      p.tilt_y_deg = (i / 2) % 2 ? 5 : 0;
      /* Phones' cameras, wide to narrow. */
      p.fov_deg = 52 + 2 * i;
      p.background = PF_SPECIMEN_BG_DARK_PLAIN;
      s = pf_specimen_new (&p);

      if (pf_outline_anchor_find_band (pf_image_get_grey (s->image), 1280, 960, s->corners,
                                       &band) &&
          band.valid)
        {
          n_valid++;
          if (pf_outline_anchor_judge (&band, s->corners, 1280, 960) == PF_ANCHOR_SIDE_ALL)
            n_agree++;
        }
      n++;
      pf_specimen_free (s);
    }

  g_test_message ("steep views: MRZ read whole on %d of %d, the right outline agreed on %d",
                  n_valid, n, n_agree);
  g_assert_cmpint (n_valid, >=, n - 1);
  g_assert_cmpint (n_agree, >=, n_valid - 1);
}

/* Runs the outline check and then the anchor step on @s, as the driver
 * does; @forced, when given, replaces what the outline check found. */
static int
run_steps (PfSpecimen    *s,
           const PfPoint *forced,
           gboolean       live,
           gboolean      *before_right,
           gboolean      *after_right,
           gboolean      *found_before,
           double        *seconds)
{
  PfPhotoOptions options = { 0 };
  PfPhotoContext ctx;
  PfPhotoReport *report;
  double anchor = -2, t0;

  options.kind = pf_specimen_layout_get_kind (s->params.layout);
  options.live = live;
  pf_photo_context_init (&ctx, s->image, &options);
  pf_photo_check_outline (&ctx);
  if (forced != NULL)
    {
      memcpy (ctx.outline, forced, sizeof ctx.outline);
      ctx.has_outline = TRUE;
    }
  *found_before = ctx.has_outline;
  *before_right = ctx.has_outline &&
                  pf_specimen_outline_matches (s, ctx.outline, MAX_CORNER_ERROR, NULL);

  t0 = cpu_seconds ();
  pf_outline_anchor_check (&ctx);
  if (seconds != NULL)
    *seconds = cpu_seconds () - t0;

  *after_right = ctx.has_outline &&
                  pf_specimen_outline_matches (s, ctx.outline, MAX_CORNER_ERROR, NULL);
  report = pf_photo_context_finish (&ctx);
  pf_photo_report_get_metric (report, "outline.anchor", &anchor);
  pf_photo_report_unref (report);
  return (int) anchor;
}

/* One side of the true outline moved onto an inner line (a header band,
 * the edge of the photo area, the MRZ's own top): the MRZ disagrees with
 * it and puts the side back on the document's edge. */
static void
test_repair (void)
{
  int repaired = 0, total = 0;

  for (int layout = PF_SPECIMEN_TD1; layout <= PF_SPECIMEN_TD2; layout++)
    for (int side = 0; side < 4; side++)
      {
        PfSpecimenParams p;
        PfSpecimen *s;
        PfPoint wrong[4];
        gboolean before, after, found;
        int a = side, b = (side + 1) % 4, c = (side + 2) % 4, d = (side + 3) % 4;
        /* A header band is 10-15% of a card's height in from its top. */
        double share = side == 0 ? 0.14 : 0.09;

        pf_specimen_params_init (&p);
        p.layout = layout;
        p.seed = 70 + 4 * layout + side;
        p.frame_width = 1280;
        p.frame_height = 960;
        p.doc_width_fraction = 0.62;
        p.rotation_deg = -6 + 3 * side;
        p.tilt_x_deg = 8;
        p.background = PF_SPECIMEN_BG_WOOD;
        s = pf_specimen_new (&p);

        /* Side k runs from corner k to k + 1, the truth's own order: 0 is
         * the document's top. */
        memcpy (wrong, s->corners, sizeof wrong);
        wrong[a].x += share * (s->corners[d].x - s->corners[a].x);
        wrong[a].y += share * (s->corners[d].y - s->corners[a].y);
        wrong[b].x += share * (s->corners[c].x - s->corners[b].x);
        wrong[b].y += share * (s->corners[c].y - s->corners[b].y);
        pf_quad_order (wrong);

        g_assert_cmpint (run_steps (s, wrong, FALSE, &before, &after, &found, NULL), ==, 1);
        g_assert_false (before);
        if (after)
          repaired++;
        total++;

        /* A camera frame is left to the edges alone. */
        run_steps (s, wrong, TRUE, &before, &after, &found, NULL);
        g_assert_false (after);
        pf_specimen_free (s);
      }

  g_test_message ("one side moved inwards: repaired %d of %d", repaired, total);
  /* Every side of every layout put back, but one allowed. */
  g_assert_cmpint (repaired, >=, total - 1);
}

/* A grid of photos as people take them, every background, turned, tilted,
 * held, open passports: the step never turns a right outline wrong, and
 * the outline is right at least as often after it as before. */
static void
test_grid (void)
{
  static const char *const poses[] = {
    "square-on", "turned", "tilted", "fills", "thumb", "booklet", "upside-down", "on-its-side",
  };
  int n = g_test_thorough () ? 192 : 96;
  int right_before = 0, right_after = 0, replaced = 0, replaced_right = 0, spoiled = 0;
  int found_new = 0, found_new_right = 0, disagreed = 0;
  double seconds = 0;
  int timed = 0;

  for (int i = 0; i < n; i++)
    {
      g_autoptr (GRand) rng = g_rand_new_with_seed (104729 * i + 7);
      PfSpecimenParams p;
      PfSpecimen *s;
      gboolean before, after, found;
      double t;
      int anchor, pose = (i / PF_SPECIMEN_N_LAYOUTS) % G_N_ELEMENTS (poses);

      pf_specimen_params_init (&p);
      p.layout = i % PF_SPECIMEN_N_LAYOUTS;
      p.frame_width = i % 3 == 0 ? 960 : 1280;
      p.frame_height = i % 3 == 0 ? 1280 : i % 3 == 1 ? 960 : 720;
      pf_specimen_params_random (&p, 5000 + i, 0);
      p.background = (i * 7) % PF_SPECIMEN_BG_SAME_AS_CARD;
      p.doc_width_fraction = p.frame_width > p.frame_height ? 0.55 : 0.75;
      p.center_x = p.center_y = 0.5;
      switch (pose)
        {
        case 1:
          p.rotation_deg = g_rand_double_range (rng, 15, 40) * (g_rand_boolean (rng) ? 1 : -1);
          p.doc_width_fraction *= 0.8;
          break;
        case 2:
          p.tilt_x_deg = g_rand_double_range (rng, -22, 22);
          p.tilt_y_deg = g_rand_double_range (rng, -15, 15);
          break;
        case 3:
          p.doc_width_fraction = p.frame_width > p.frame_height ? 0.95 : 1.0;
          p.rotation_deg = g_rand_double_range (rng, -3, 3);
          break;
        case 4:
          pf_specimen_params_add_defect (&p, PF_SPECIMEN_DEFECT_OCCLUDED, i);
          break;
        case 5:
          p.booklet = p.layout == PF_SPECIMEN_TD3;
          p.doc_width_fraction *= 0.7;
          break;
        case 6:
          p.rotation_deg = 180 + g_rand_double_range (rng, -8, 8);
          break;
        case 7:
          p.rotation_deg = 90 + g_rand_double_range (rng, -8, 8);
          p.doc_width_fraction = MIN (p.doc_width_fraction,
                                      0.8 * p.frame_height / (double) p.frame_width);
          break;
        default:
          break;
        }
      s = pf_specimen_new (&p);

      anchor = run_steps (s, NULL, FALSE, &before, &after, &found, &t);
      seconds += t;
      timed++;
      right_before += before;
      right_after += after;
      if (anchor == 1)
        {
          replaced++;
          replaced_right += after;
          if (before && !after)
            {
              spoiled++;
              g_test_message ("spoiled: #%d %s %s", i, pf_specimen_layout_to_string (p.layout),
                              poses[pose]);
            }
        }
      else if (anchor == 2)
        {
          found_new++;
          found_new_right += after;
        }
      else if (anchor == -1)
        disagreed++;
      if (!after)
        g_test_message ("outline wrong after: #%d %s %s on %s (anchor %d, before %s)", i,
                        pf_specimen_layout_to_string (p.layout), poses[pose],
                        pf_specimen_background_to_string (p.background), anchor,
                        before ? "right" : "wrong");
      pf_specimen_free (s);
    }

  g_test_message ("grid of %d: outline right before %d (%.1f%%), after %d (%.1f%%); "
                  "replaced %d (right %d), found where the edges found none %d (right %d), "
                  "disagreed but kept %d; anchor step %.1f ms CPU per still",
                  n, right_before, 100.0 * right_before / n, right_after, 100.0 * right_after / n,
                  replaced, replaced_right, found_new, found_new_right, disagreed,
                  1000 * seconds / timed);
  g_assert_cmpint (spoiled, ==, 0);
  g_assert_cmpint (right_after, >=, right_before);
}

/* The step's processor time on stills from 1 to 12 megapixels: printed,
 * not asserted. */
static void
test_time (void)
{
  static const int sizes[][2] = { { 1280, 960 }, { 2048, 1536 }, { 4032, 3024 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      PfSpecimenParams p;
      PfSpecimen *s;
      gboolean before, after, found;
      double t;

      pf_specimen_params_init (&p);
      p.layout = PF_SPECIMEN_TD1;
      p.frame_width = sizes[i][0];
      p.frame_height = sizes[i][1];
      p.doc_width_fraction = 0.6;
      p.rotation_deg = i == 1 ? 24 : 1;
      s = pf_specimen_new (&p);
      run_steps (s, NULL, FALSE, &before, &after, &found, &t);
      g_test_message ("%dx%d (%.1f MP%s): anchor step %.0f ms CPU", sizes[i][0], sizes[i][1],
                      sizes[i][0] * sizes[i][1] / 1e6, i == 1 ? ", turned" : "", 1000 * t);
      g_assert_true (after);
      pf_specimen_free (s);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/outline-anchor/band", test_band);
  g_test_add_func ("/pf/outline-anchor/repair", test_repair);
  g_test_add_func ("/pf/outline-anchor/steep", test_steep);
  g_test_add_func ("/pf/outline-anchor/grid", test_grid);
  g_test_add_func ("/pf/outline-anchor/time", test_time);

  return g_test_run ();
}
