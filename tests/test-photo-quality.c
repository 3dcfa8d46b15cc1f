/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pixel-quality checks (photo.blur, photo.glare, photo.exposure,
 * photo.copy) on generated photos whose faults are known by construction.
 * Each check runs over a grid of parameters; its verdicts are counted in a
 * confusion table (printed with the test's messages) and must be right on
 * at least 95% of the photos the generator decides, and never "fine" on a
 * photo with a blocker-level fault. Photos in the gap between a fault and
 * a clean photo are counted apart and not judged.
 *
 * The checks are called directly with the generator's outline, so that
 * their accuracy is measured on their own; the last test runs them
 * through pf_photo_check() with the outline check's own outline.
 * PF_QUALITY_SEED=N draws every grid's photos from other seeds. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-fft.h"
#include "pf-photo-util.h"
#include "pf-specimen.h"
#include "quality-support.h"

typedef enum
{
  TRUTH_CLEAN,
  TRUTH_DEFECT,
  TRUTH_UNSURE,
  N_TRUTHS,
} Truth;

typedef struct
{
  const char *name;
  guint       counts[N_TRUTHS][3]; /* truth × verdict (ok, caution, blocker) */
  guint       judged;
  guint       right;
  guint       fine_on_defect;      /* blocker-level faults called fine */
} Confusion;

static void
confusion_add (Confusion  *c,
               Truth       truth,
               PfSeverity  verdict,
               gboolean    right,
               gboolean    blocker_level)
{
  c->counts[truth][verdict]++;
  if (truth == TRUTH_UNSURE)
    return;
  c->judged++;
  c->right += right;
  if (truth == TRUTH_DEFECT && blocker_level && verdict == PF_SEVERITY_OK)
    c->fine_on_defect++;
}

static void
confusion_check_at (const Confusion *c,
                    guint            percent)
{
  static const char *const truths[] = { "clean", "defect", "marginal" };

  g_test_message ("%s: %u of %u right (%.1f%%), %u blocker-level faults called fine",
                  c->name, c->right, c->judged, c->judged ? 100.0 * c->right / c->judged : 0,
                  c->fine_on_defect);
  g_test_message ("%-10s %8s %8s %8s", "truth", "ok", "caution", "blocker");
  for (int t = 0; t < N_TRUTHS; t++)
    g_test_message ("%-10s %8u %8u %8u", truths[t], c->counts[t][0], c->counts[t][1],
                    c->counts[t][2]);

  g_assert_cmpuint (c->judged, >, 0);
  g_assert_cmpuint (c->right * 100, >=, c->judged * percent);
  g_assert_cmpuint (c->fine_on_defect, ==, 0);
}

/* The goal: 95% right, and no blocker-level fault called fine. */
static void
confusion_check (const Confusion *c)
{
  confusion_check_at (c, 95);
}

/* The grids' seeds; PF_QUALITY_SEED=N runs them all on other photos, to see
 * that the figures hold beyond the photos the checks were tuned on. */
static guint
seed_base (void)
{
  const char *seed = g_getenv ("PF_QUALITY_SEED");

  return seed != NULL ? (guint) g_ascii_strtoull (seed, NULL, 10) : 0;
}

static Truth
truth_of (PfSpecimen *specimen,
          const char *check)
{
  switch (pf_specimen_expect (specimen, check))
    {
    case PF_SPECIMEN_EXPECT_CLEAN:
      return TRUTH_CLEAN;
    case PF_SPECIMEN_EXPECT_DEFECT:
      return TRUTH_DEFECT;
    case PF_SPECIMEN_EXPECT_UNSURE:
    default:
      return TRUTH_UNSURE;
    }
}

/* A random good photo of @layout in a @width × @height frame. */
static void
good_params (PfSpecimenParams *p,
             PfSpecimenLayout  layout,
             guint32           seed,
             int               width,
             int               height)
{
  pf_specimen_params_init (p);
  p->layout = layout;
  p->frame_width = width;
  p->frame_height = height;
  pf_specimen_params_random (p, seed, PF_SPECIMEN_RANDOM_DEFAULT);
}

/* The text height in pixels a pose gives, near enough to aim a grid. */
static double
aimed_text_px (const PfSpecimenParams *p)
{
  double width_mm;

  pf_specimen_layout_get_size_mm (p->layout, &width_mm, NULL);
  return PF_SPECIMEN_TEXT_HEIGHT_MM * p->doc_width_fraction * p->frame_width / width_mm;
}

static PfPhotoReport *
run_check (PfSpecimen       *specimen,
           PfPhotoCheckFunc  check,
           gboolean          live,
           int               strictness)
{
  PfPhotoOptions options = { pf_specimen_layout_get_kind (specimen->params.layout), live, strictness };
  QualityFrame frame;
  PfPhotoReport *report;

  quality_frame_init (&frame, specimen->image, specimen->corners, &options);
  report = quality_frame_run (&frame, check);
  quality_frame_clear (&frame);
  return report;
}

static gboolean
has_title (PfPhotoReport *report,
           const char    *id,
           const char    *title)
{
  GPtrArray *findings = pf_photo_report_get_findings (report);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (pf_finding_get_id (findings->pdata[i]), id)
        && g_str_equal (pf_finding_get_title (findings->pdata[i]), title))
      return TRUE;
  return FALSE;
}

static double
metric (PfPhotoReport *report,
        const char    *name)
{
  double value = NAN;

  pf_photo_report_get_metric (report, name, &value);
  return value;
}

/* The FFT against a direct DFT, and a sinusoid's peak where it belongs. */
static void
test_fft (void)
{
  enum { N = 16 };
  float data[N * N], power[N * N];
  double worst = 0;

  for (int i = 0; i < N * N; i++)
    data[i] = (float) (sin (i * 0.7) * 10 + (i % 5) - (i % 7) * 0.5);
  pf_fft_power_2d (data, N, power);
  for (int v = 0; v < N; v++)
    for (int u = 0; u < N; u++)
      {
        double re = 0, im = 0, p;

        for (int y = 0; y < N; y++)
          for (int x = 0; x < N; x++)
            {
              double a = -2 * G_PI * (u * x + v * y) / N;

              re += data[y * N + x] * cos (a);
              im += data[y * N + x] * sin (a);
            }
        p = re * re + im * im;
        worst = MAX (worst, fabs (p - power[v * N + u]) / (1 + p));
      }
  g_assert_cmpfloat (worst, <, 1e-3);

  /* Three cycles across, one down: peaks at (3, 1) and (-3, -1). */
  for (int y = 0; y < N; y++)
    for (int x = 0; x < N; x++)
      data[y * N + x] = (float) cos (2 * G_PI * (3 * x + y) / N);
  pf_fft_power_2d (data, N, power);
  for (int i = 0; i < N * N; i++)
    if (i != 1 * N + 3 && i != (N - 1) * N + (N - 3))
      g_assert_cmpfloat (power[i], <, 1e-3 * power[1 * N + 3]);

  g_assert_true (pf_fft_is_power_of_two (256));
  g_assert_false (pf_fft_is_power_of_two (96));
}

static void
test_select (void)
{
  float values[101], sorted[101];

  for (int i = 0; i < 101; i++)
    sorted[i] = values[i] = (float) ((i * 37) % 101) - 50.5f * (i % 3 == 0);
  qsort (sorted, 101, sizeof (float), pf_compare_floats);
  for (guint k = 0; k < 101; k += 10)
    {
      float copy[101];

      memcpy (copy, values, sizeof copy);
      g_assert_cmpfloat (pf_select_float (copy, 101, k), ==, sorted[k]);
    }
}

/* The region's mapping: corners, a round trip, a row's span, an inset. */
static void
test_region (void)
{
  const PfPoint corners[4] = { { 110, 80 }, { 520, 120 }, { 500, 400 }, { 90, 350 } };
  PfDocRegion region, inset;
  PfPoint p;
  double u, v;
  int x0, x1;

  pf_doc_region_set_quad (&region, corners, 85.6, 53.98);
  for (int i = 0; i < 4; i++)
    {
      pf_doc_region_to_image (&region, i == 1 || i == 2, i >= 2, &p);
      g_assert_cmpfloat_with_epsilon (p.x, corners[i].x, 1e-6);
      g_assert_cmpfloat_with_epsilon (p.y, corners[i].y, 1e-6);
    }
  pf_doc_region_to_image (&region, 0.3, 0.7, &p);
  pf_doc_region_to_unit (&region, p.x, p.y, &u, &v);
  g_assert_cmpfloat_with_epsilon (u, 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (v, 0.7, 1e-9);

  g_assert_true (pf_doc_region_row_span (&region, 1.0, 240, 640, &x0, &x1));
  g_assert_cmpint (x0, >, 90);
  g_assert_cmpint (x0, <, 110);
  g_assert_cmpint (x1, >, 500);
  g_assert_cmpint (x1, <, 520);
  g_assert_false (pf_doc_region_row_span (&region, 1.0, 30, 640, &x0, &x1));
  g_assert_false (pf_doc_region_is_portrait (&region));

  pf_doc_region_inset (&region, 0.1, &inset);
  g_assert_cmpfloat (inset.area, <, region.area * 0.7);
  g_assert_cmpfloat (inset.area, >, region.area * 0.6);
  g_assert_cmpfloat (inset.px_per_mm, ==, region.px_per_mm);
  g_assert_cmpfloat_with_epsilon (region.px_per_mm, sqrt (region.area / (85.6 * 53.98)), 1e-9);
}

/* The driver's views against the plain definition: the grey view is the
 * 16.16 luma of each pixel, and each small pixel is the rounded mean of the
 * grey pixels mapped onto it (column x * small_width / width, the same for
 * rows), whether the sizes are a whole multiple of each other (camera
 * frames: the fast path) or not. */
static void
test_views (void)
{
  static const int sizes[][2] = {
    { 1920, 1080 }, { 1280, 720 }, { 2560, 1440 }, { 1000, 700 }, { 641, 359 }, { 640, 20 }, { 3, 2 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0], height = sizes[s][1];
      g_autoptr(PfImage) image = pf_image_new (width, height);
      guint8 *data = pf_image_get_data_mutable (image);
      guint32 state = 12345 + s;
      g_autofree guint32 *sums = NULL;
      g_autofree guint32 *counts = NULL;
      QualityFrame frame;
      PfPhotoContext *ctx = &frame.ctx;

      /* Noise over a gradient: every level, and sums that round both ways. */
      for (gsize i = 0; i < (gsize) width * height * 4; i++)
        {
          state = state * 1664525 + 1013904223;
          data[i] = (guint8) ((state >> 24) / 2 + (i / 4 % width) * 127 / width);
        }
      quality_frame_init (&frame, image, NULL, NULL);
      g_assert_cmpint (ctx->small_width, ==, MAX (1, (int) (width * MIN (1.0, 640.0 / MAX (width, height)) + 0.5)));

      for (gsize i = 0; i < (gsize) width * height; i++)
        {
          const guint8 *px = data + i * 4;
          guint want = (19595 * px[0] + 38470 * px[1] + 7471 * px[2] + 32768) >> 16;

          if (ctx->grey[i] != want)
            g_assert_cmpint (ctx->grey[i], ==, want);
        }
      sums = g_new0 (guint32, (gsize) ctx->small_width * ctx->small_height);
      counts = g_new0 (guint32, (gsize) ctx->small_width * ctx->small_height);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            int sy = MIN ((int) ((gint64) y * ctx->small_height / height), ctx->small_height - 1);
            int sx = MIN ((int) ((gint64) x * ctx->small_width / width), ctx->small_width - 1);

            sums[(gsize) sy * ctx->small_width + sx] += ctx->grey[(gsize) y * width + x];
            counts[(gsize) sy * ctx->small_width + sx]++;
          }
      for (gsize i = 0; i < (gsize) ctx->small_width * ctx->small_height; i++)
        {
          guint32 want = (sums[i] + counts[i] / 2) / counts[i];

          if (ctx->small[i] != want)
            g_assert_cmpint (ctx->small[i], ==, want);
        }
      quality_frame_clear (&frame);
    }
}

/* Tiny images and outlines that make no sense: every check still gives a
 * clear answer or none, and never crashes or warns. */
static void
test_odd_input (void)
{
  static const PfPhotoCheckFunc checks[] = {
    pf_photo_check_blur, pf_photo_check_glare, pf_photo_check_exposure, pf_photo_check_copy,
  };
  static const int sizes[][2] = { { 1, 1 }, { 2, 3 }, { 17, 9 }, { 300, 7 }, { 64, 64 } };
  const PfPoint outlines[][4] = {
    { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } },
    { { -500, -500 }, { 900, -400 }, { 800, 900 }, { -600, 700 } },
    { { 5, 5 }, { 4, 5 }, { 5, 4 }, { 6, 6 } },
    { { 1e6, 1e6 }, { 2e6, 1e6 }, { 2e6, 2e6 }, { 1e6, 2e6 } },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int o = -1; o < (int) G_N_ELEMENTS (outlines); o++)
      for (guint c = 0; c < G_N_ELEMENTS (checks); c++)
        for (int live = 0; live <= 1; live++)
          {
            g_autoptr(PfImage) image = pf_image_new (sizes[s][0], sizes[s][1]);
            PfPhotoOptions options = { PF_DOCUMENT_KIND_PASSPORT, live, 2 };
            guint8 *data = pf_image_get_data_mutable (image);
            QualityFrame frame;
            PfPhotoReport *report;

            for (gsize i = 0; i < pf_image_get_stride (image) * sizes[s][1]; i++)
              data[i] = (guint8) (i * 7919 % 256);
            quality_frame_init (&frame, image, o >= 0 ? outlines[o] : NULL, &options);
            report = quality_frame_run (&frame, checks[c]);
            for (guint i = 0; i < pf_photo_report_get_findings (report)->len; i++)
              {
                PfFinding *f = pf_photo_report_get_findings (report)->pdata[i];

                g_assert_true (g_str_has_prefix (pf_finding_get_id (f), "photo."));
                g_assert_cmpstr (pf_finding_get_title (f), !=, "");
              }
            pf_photo_report_unref (report);
            quality_frame_clear (&frame);
          }
}

/* Blur: gaussian blur over a grid of blur/text-height ratios, layouts and
 * frame sizes, and motion blur over lengths and directions. A motion fault
 * must also say the camera moved; a defocus must not. Each photo is judged
 * as a file and as a live frame. The grid probes both edges of the gap
 * (0.08 and 0.2 text heights of blur); blur of a quarter of the text
 * height or more, where strokes start to merge, is blocker-level and must
 * never pass. */
static void
test_blur_grid (void)
{
  static const PfSpecimenLayout layouts[] = {
    PF_SPECIMEN_TD1, PF_SPECIMEN_TD3, PF_SPECIMEN_LICENCE, PF_SPECIMEN_TD2,
  };
  static const double ratios[] = { 0.03, 0.06, 0.075, 0.12, 0.16, 0.21, 0.25, 0.32, 0.45 };
  static const double motions[] = { 0.05, 0.075, 0.21, 0.3, 0.45 };
  static const int frames[][2] = { { 640, 480 }, { 1280, 720 }, { 1920, 1080 } };
  Confusion photo = { "photo.blur (files)" }, live = { "photo.blur (live)" };
  guint seed = seed_base () + 100;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint r = 0; r < G_N_ELEMENTS (ratios) + G_N_ELEMENTS (motions) * 2; r++)
      {
        gboolean motion = r >= G_N_ELEMENTS (ratios);
        PfSpecimenParams p;
        g_autoptr(PfSpecimen) specimen = NULL;
        PfSpecimenDefects defects, marginal;
        Truth truth;
        double blur;

        seed++;
        good_params (&p, layouts[l], seed, frames[seed % 3][0], frames[seed % 3][1]);
        if (motion)
          {
            guint m = r - G_N_ELEMENTS (ratios);

            p.motion_length = motions[m / 2] * aimed_text_px (&p) * sqrt (12);
            p.motion_angle_deg = m % 2 ? 20 + seed % 50 : 95 + seed % 60;
            p.blur_sigma = MIN (p.blur_sigma, 0.3);
          }
        else
          {
            p.blur_sigma = ratios[r] * aimed_text_px (&p);
          }
        specimen = pf_specimen_new (&p);
        truth = truth_of (specimen, "photo.blur");
        defects = pf_specimen_get_defects (specimen, &marginal);
        blur = sqrt (p.blur_sigma * p.blur_sigma + p.motion_length * p.motion_length / 12)
               / specimen->text_height_px;

        for (int mode = 0; mode <= 1; mode++)
          {
            g_autoptr(PfPhotoReport) report = run_check (specimen, pf_photo_check_blur, mode, 1);
            PfSeverity verdict = quality_report_worst (report, "photo.blur", NULL);
            gboolean moved = has_title (report, "photo.blur", "The camera moved");
            gboolean right = truth == TRUTH_CLEAN ? verdict == PF_SEVERITY_OK
                                                  : verdict != PF_SEVERITY_OK;

            if (truth == TRUTH_DEFECT && (defects & PF_SPECIMEN_DEFECT_MOTION))
              right = right && moved;
            else if (truth == TRUTH_DEFECT && !(marginal & PF_SPECIMEN_DEFECT_MOTION))
              right = right && !moved;
            if (!right && truth != TRUTH_UNSURE)
              g_test_message ("blur %s %s seed %u sigma %.2f motion %.1f text %.1f: width %.2f "
                              "(%s), motion %.2f",
                              mode ? "live" : "file", pf_specimen_layout_to_string (p.layout),
                              seed, p.blur_sigma, p.motion_length, specimen->text_height_px,
                              metric (report, "blur.width_px"), pf_severity_to_string (verdict),
                              metric (report, "blur.motion"));
            confusion_add (mode ? &live : &photo, truth, verdict, right, blur >= 0.25);
          }
      }

  confusion_check (&photo);
  confusion_check (&live);
}

/* How far from its centre a glare spot of @strength clips, in core radii:
 * the generator's profile (1 in the core, a soft edge, a faint haze) times
 * the strength reaches 1 there. */
static double
saturated_reach (double strength)
{
  double d = 1;

  while (d < 3 && strength * (exp (-((d - 1) / 0.45) * ((d - 1) / 0.45))
                              + 0.12 * exp (-(d / 2.5) * (d / 2.5))) >= 1)
    d += 0.01;
  return d;
}

/* The generator calls a spot "over text" when its core (one radius)
 * touches text, but a spot stronger than 1 clips further out and hides
 * the text there too. A spot whose clipped area (give or take the edge's
 * wobble, up to 19%) touches text while its core does not is in the gap
 * between the two, and not judged. */
static gboolean
clipping_touches_text (const PfSpecimen *specimen,
                       int               g)
{
  const PfSpecimenGlare *glare = &specimen->params.glare[g];
  double w = specimen->width_mm, h = specimen->height_mm;
  double r = glare->radius * w, aspect = MAX (glare->aspect, 1);
  double a = glare->angle_deg * G_PI / 180;
  double reach = saturated_reach (glare->strength) * 1.19;

  for (int t = 0; t < specimen->n_texts; t++)
    {
      const PfRect *b = &specimen->texts[t].doc_box;

      for (double y = b->y * h; y <= (b->y + b->height) * h; y += 0.2)
        for (double x = b->x * w; x <= (b->x + b->width) * w; x += 0.2)
          {
            double dx = x - glare->x * w, dy = y - glare->y * h;
            double along = (dx * cos (a) + dy * sin (a)) / (r * aspect);
            double across = (-dx * sin (a) + dy * cos (a)) / r;

            if (along * along + across * across <= reach * reach)
              return TRUE;
          }
    }
  return FALSE;
}

/* The truth for photo.glare, with spots whose clipped area but not their
 * core touches text left undecided. */
static Truth
glare_truth (PfSpecimen *specimen)
{
  Truth truth = truth_of (specimen, "photo.glare");

  if (truth == TRUTH_UNSURE
      || (pf_specimen_get_defects (specimen, NULL) & PF_SPECIMEN_DEFECT_GLARE_TEXT))
    return truth;
  for (int g = 0; g < specimen->params.n_glare; g++)
    if (specimen->params.glare[g].strength >= 1 && clipping_touches_text (specimen, g))
      return TRUTH_UNSURE;
  return truth;
}

/* Glare: spots of several sizes and strengths over the text, the MRZ, a
 * blank area and the portrait of each layout, judged at each strictness.
 * Over text a clipped spot is a blocker at every strictness; over a blank
 * area it is a caution at most; a sheen that clips nothing passes, except
 * that the strict setting may call it a caution. Each finding must lie on
 * the spot the generator drew. Random good photos (with faint sheens) are
 * judged too. */
static void
test_glare_grid (void)
{
  static const PfSpecimenLayout layouts[] = {
    PF_SPECIMEN_TD1, PF_SPECIMEN_TD3, PF_SPECIMEN_LICENCE, PF_SPECIMEN_TD2,
  };
  static const PfSpecimenRegion places[] = {
    PF_SPECIMEN_REGION_TEXT, PF_SPECIMEN_REGION_MRZ, PF_SPECIMEN_REGION_BLANK,
    PF_SPECIMEN_REGION_PHOTO,
  };
  static const double spots[][2] = {
    { 0.045, 1.8 }, { 0.028, 1.3 }, { 0.06, 2.4 }, { 0.012, 1.5 }, { 0.05, 0.3 }, { 0.05, 0.7 },
  };
  Confusion confusion[3] = {
    { "photo.glare (lenient)" }, { "photo.glare (default)" }, { "photo.glare (strict)" },
  };
  guint seed = seed_base () + 300, placed = 0, on_spot = 0;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint i = 0; i < G_N_ELEMENTS (places) * G_N_ELEMENTS (spots) + 5; i++)
      {
        gboolean random = i >= G_N_ELEMENTS (places) * G_N_ELEMENTS (spots);
        PfSpecimenParams p;
        g_autoptr(PfSpecimen) specimen = NULL;
        PfSpecimenDefects defects;
        Truth truth;

        seed++;
        good_params (&p, layouts[l], seed, seed % 2 ? 1280 : 960, seed % 2 ? 720 : 540);
        if (!random)
          {
            const double *spot = spots[i % G_N_ELEMENTS (spots)];

            /* No faint sheen under the spot: it would muddle the truth. */
            p.n_glare = 0;
            if (!pf_specimen_params_add_glare (&p, places[i / G_N_ELEMENTS (spots)],
                                               spot[0], spot[1], seed))
              continue;
          }
        specimen = pf_specimen_new (&p);
        truth = glare_truth (specimen);
        defects = pf_specimen_get_defects (specimen, NULL);

        for (int strictness = 0; strictness <= 2; strictness++)
          {
            g_autoptr(PfPhotoReport) report = run_check (specimen, pf_photo_check_glare, FALSE,
                                                         strictness);
            PfSeverity verdict = quality_report_worst (report, "photo.glare", NULL);
            gboolean right;

            if (truth == TRUTH_DEFECT && (defects & PF_SPECIMEN_DEFECT_GLARE_TEXT))
              right = verdict == PF_SEVERITY_BLOCKER;
            else if (truth == TRUTH_DEFECT)
              right = verdict != PF_SEVERITY_BLOCKER;
            else
              right = verdict == PF_SEVERITY_OK
                      || (strictness == 2 && verdict == PF_SEVERITY_CAUTION);
            if (!right && truth != TRUTH_UNSURE)
              g_test_message ("glare %s seed %u place %u spot %u strictness %d: %s",
                              pf_specimen_layout_to_string (p.layout), seed,
                              i / (guint) G_N_ELEMENTS (spots), i % (guint) G_N_ELEMENTS (spots),
                              strictness, pf_severity_to_string (verdict));
            confusion_add (&confusion[strictness], truth, verdict, right,
                           (defects & PF_SPECIMEN_DEFECT_GLARE_TEXT) != 0);

            /* The blocker points at the spot that was drawn. */
            if (strictness == 1 && truth == TRUTH_DEFECT && verdict == PF_SEVERITY_BLOCKER)
              {
                GPtrArray *findings = pf_photo_report_get_findings (report);
                const PfRect *box = &specimen->glare_boxes[p.n_glare - 1];

                placed++;
                for (guint f = 0; f < findings->len; f++)
                  {
                    PfRect r;

                    if (pf_finding_get_severity (findings->pdata[f]) == PF_SEVERITY_BLOCKER
                        && pf_finding_get_region (findings->pdata[f], &r)
                        && r.x < box->x + box->width && box->x < r.x + r.width
                        && r.y < box->y + box->height && box->y < r.y + r.height)
                      {
                        on_spot++;
                        break;
                      }
                  }
              }
          }
      }

  for (int strictness = 0; strictness <= 2; strictness++)
    confusion_check (&confusion[strictness]);
  g_test_message ("glare blockers on the drawn spot: %u of %u", on_spot, placed);
  g_assert_cmpuint (on_spot, ==, placed);
}

/* Two spots on one card: each is its own finding, the one over the text a
 * blocker and the one on the blank area not. */
static void
test_glare_regions (void)
{
  PfSpecimenParams p;
  g_autoptr(PfSpecimen) specimen = NULL;
  g_autoptr(PfPhotoReport) report = NULL;
  guint n;

  good_params (&p, PF_SPECIMEN_TD1, 7, 1280, 720);
  p.n_glare = 0;
  g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_MRZ, 0.04, 2.0, 1));
  g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_BLANK, 0.04, 2.0, 2));
  specimen = pf_specimen_new (&p);
  report = run_check (specimen, pf_photo_check_glare, FALSE, 1);

  g_assert_cmpint (quality_report_worst (report, "photo.glare", &n), ==, PF_SEVERITY_BLOCKER);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (has_title (report, "photo.glare", "Glare over the machine-readable zone"));
  g_assert_true (has_title (report, "photo.glare", "A reflection beside the text"));
  g_assert_cmpfloat (metric (report, "glare.fraction"), >, 0.005);
  g_assert_cmpfloat (metric (report, "glare.fraction"), <, 0.05);
}

/* Exposure: the light from far too little to far too much, and haze from
 * none to heavy, on each layout, plus random good photos with uneven
 * light and shadows. */
static void
test_exposure_grid (void)
{
  static const PfSpecimenLayout layouts[] = { PF_SPECIMEN_TD1, PF_SPECIMEN_TD3, PF_SPECIMEN_LICENCE };
  static const double exposures[] = { 0.07, 0.12, 0.17, 0.3, 0.6, 1.0, 1.5, 2.2, 3.0, 4.2 };
  static const double contrasts[] = { 0.18, 0.3, 0.38, 0.55, 0.8 };
  Confusion confusion = { "photo.exposure" };
  guint seed = seed_base () + 500;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint i = 0; i < G_N_ELEMENTS (exposures) + G_N_ELEMENTS (contrasts) + 4; i++)
      {
        PfSpecimenParams p;
        g_autoptr(PfSpecimen) specimen = NULL;
        g_autoptr(PfPhotoReport) report = NULL;
        PfSpecimenDefects defects;
        PfSeverity verdict;
        Truth truth;
        gboolean right;

        seed++;
        good_params (&p, layouts[l], seed, 960, 540);
        if (i < G_N_ELEMENTS (exposures))
          p.exposure = exposures[i];
        else if (i < G_N_ELEMENTS (exposures) + G_N_ELEMENTS (contrasts))
          p.contrast = contrasts[i - G_N_ELEMENTS (exposures)];
        specimen = pf_specimen_new (&p);
        truth = truth_of (specimen, "photo.exposure");
        defects = pf_specimen_get_defects (specimen, NULL);
        report = run_check (specimen, pf_photo_check_exposure, seed % 2, 1);
        verdict = quality_report_worst (report, "photo.exposure", NULL);

        right = truth == TRUTH_CLEAN ? verdict == PF_SEVERITY_OK : verdict != PF_SEVERITY_OK;
        /* And for the right reason. */
        if (truth == TRUTH_DEFECT && (defects & PF_SPECIMEN_DEFECT_DARK))
          right = right && has_title (report, "photo.exposure", "The photo is too dark");
        else if (truth == TRUTH_DEFECT && (defects & PF_SPECIMEN_DEFECT_BRIGHT))
          right = right && has_title (report, "photo.exposure", "The photo is too bright");
        if (!right && truth != TRUTH_UNSURE)
          g_test_message ("exposure %s seed %u exposure %.2f contrast %.2f: paper %.0f "
                          "contrast %.2f clipped %.2f (%s)",
                          pf_specimen_layout_to_string (p.layout), seed, p.exposure, p.contrast,
                          metric (report, "exposure.paper"), metric (report, "exposure.contrast"),
                          metric (report, "exposure.clipped"), pf_severity_to_string (verdict));
        confusion_add (&confusion, truth, verdict, right, TRUE);
      }

  confusion_check (&confusion);
}

/* Copies: colour photos of the original against black-and-white ones and
 * photos of a screen, as files and as live frames (which use a smaller
 * spectrum). */
static void
test_copy_grid (void)
{
  Confusion photo = { "photo.copy (files)" }, live = { "photo.copy (live)" };
  guint colour_right = 0, colour_judged = 0;

  for (guint i = 0; i < 52; i++)
    {
      static const int frames[][2] = { { 640, 480 }, { 1280, 720 }, { 1024, 768 } };
      PfSpecimenParams p;
      g_autoptr(PfSpecimen) specimen = NULL;
      PfSpecimenDefects defects;
      Truth truth;

      good_params (&p, i % PF_SPECIMEN_N_LAYOUTS, seed_base () + 700 + i, frames[i % 3][0],
                   frames[i % 3][1]);
      p.greyscale = i % 4 == 1 || i % 13 == 3;
      p.screen_moire = i % 4 == 2 || i % 13 == 3;
      specimen = pf_specimen_new (&p);
      truth = truth_of (specimen, "photo.copy");
      defects = pf_specimen_get_defects (specimen, NULL);

      for (int mode = 0; mode <= 1; mode++)
        {
          g_autoptr(PfPhotoReport) report = run_check (specimen, pf_photo_check_copy, mode, 1);
          PfSeverity verdict = quality_report_worst (report, "photo.copy", NULL);
          gboolean right = truth == TRUTH_CLEAN ? verdict == PF_SEVERITY_OK
                                                : verdict == PF_SEVERITY_BLOCKER;

          /* The reason shown is the screen when there is one, else the
           * colour. */
          if (truth == TRUTH_DEFECT && (defects & PF_SPECIMEN_DEFECT_SCREEN))
            right = right && has_title (report, "photo.copy", "This looks like a photo of a screen");
          else if (truth == TRUTH_DEFECT)
            right = right && has_title (report, "photo.copy", "The photo is black and white");
          if (!right && truth != TRUTH_UNSURE)
            g_test_message ("copy %s %u: colour %.3f/%.3f moire %.2f (%s)", mode ? "live" : "file",
                            i, metric (report, "copy.colour_document"),
                            metric (report, "copy.colour_frame"), metric (report, "copy.moire"),
                            pf_severity_to_string (verdict));
          confusion_add (mode ? &live : &photo, truth, verdict, right, TRUE);
          if (!p.screen_moire)
            {
              colour_judged++;
              colour_right += (metric (report, "copy.colour_document") > 0.01) == !p.greyscale;
            }
        }
    }

  confusion_check (&photo);
  confusion_check (&live);
  g_assert_cmpuint (colour_right, ==, colour_judged);
}

/* Through pf_photo_check(): the outline comes from the outline check, not
 * from the generator. Photos whose outline was not found within 3% of the
 * document's width are the outline check's business and only counted.
 * About twenty photos per check are judged here, too few for the 95% goal
 * (one mistake is 5%), which the grids above measure: here 90%. */
static void
test_pipeline (void)
{
  static const PfSpecimenDefects defects[] = {
    0, 0, PF_SPECIMEN_DEFECT_BLUR, PF_SPECIMEN_DEFECT_MOTION, PF_SPECIMEN_DEFECT_GLARE_TEXT,
    PF_SPECIMEN_DEFECT_GLARE_BLANK, PF_SPECIMEN_DEFECT_DARK, PF_SPECIMEN_DEFECT_BRIGHT,
    PF_SPECIMEN_DEFECT_FLAT, PF_SPECIMEN_DEFECT_GREYSCALE, PF_SPECIMEN_DEFECT_SCREEN,
  };
  static const char *const ids[] = { "photo.blur", "photo.glare", "photo.exposure", "photo.copy" };
  Confusion confusion[G_N_ELEMENTS (ids)] = {
    { "photo.blur (pipeline)" }, { "photo.glare (pipeline)" }, { "photo.exposure (pipeline)" },
    { "photo.copy (pipeline)" },
  };
  guint found = 0, frames = 0;

  for (guint i = 0; i < 3 * G_N_ELEMENTS (defects); i++)
    {
      PfSpecimenDefects defect = defects[i % G_N_ELEMENTS (defects)];
      PfSpecimenParams p;
      g_autoptr(PfSpecimen) specimen = NULL;
      g_autoptr(PfPhotoReport) report = NULL;
      PfPhotoOptions options = { 0, i % 2, 1 };
      PfPoint corners[4];
      double error = 0;

      pf_specimen_params_init (&p);
      p.frame_width = i % 3 ? 1280 : 960;
      p.frame_height = i % 3 ? 720 : 540;
      pf_specimen_params_random (&p, seed_base () + 800 + i, PF_SPECIMEN_RANDOM_LAYOUT);
      if (defect == PF_SPECIMEN_DEFECT_GREYSCALE)
        p.greyscale = TRUE;
      else if (defect == PF_SPECIMEN_DEFECT_SCREEN)
        p.screen_moire = TRUE;
      else if (defect != 0)
        pf_specimen_params_add_defect (&p, defect, i);
      specimen = pf_specimen_new (&p);
      options.kind = pf_specimen_layout_get_kind (p.layout);
      report = pf_photo_check (specimen->image, &options);

      if (pf_photo_report_find (report, "photo.outline") == NULL)
        {
          g_test_skip ("no outline check is registered in pf_photo_check() yet");
          return;
        }
      frames++;
      if (!pf_photo_report_get_outline (report, corners))
        continue;
      for (int c = 0; c < 4; c++)
        error = MAX (error, hypot (corners[c].x - specimen->corners[c].x,
                                   corners[c].y - specimen->corners[c].y));
      if (error > 0.03 * specimen->doc_width_px)
        continue;
      found++;

      for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
        {
          Truth truth = c == 1 ? glare_truth (specimen) : truth_of (specimen, ids[c]);
          PfSeverity verdict = quality_report_worst (report, ids[c], NULL);
          gboolean blocker_level = c != 1 || (pf_specimen_get_defects (specimen, NULL)
                                              & PF_SPECIMEN_DEFECT_GLARE_TEXT);
          gboolean right;

          if (c == 1 && truth == TRUTH_DEFECT)
            right = blocker_level ? verdict == PF_SEVERITY_BLOCKER : verdict != PF_SEVERITY_BLOCKER;
          else
            right = truth == TRUTH_CLEAN ? verdict == PF_SEVERITY_OK : verdict != PF_SEVERITY_OK;
          if (!right && truth != TRUTH_UNSURE)
            g_test_message ("pipeline %u (%s, %s): %s says %s", i,
                            pf_specimen_layout_to_string (p.layout),
                            defect ? pf_specimen_defect_to_string (defect) : "good", ids[c],
                            pf_severity_to_string (verdict));
          confusion_add (&confusion[c], truth, verdict, right, blocker_level);
        }
    }

  g_test_message ("outline found within 3%% on %u of %u photos", found, frames);
  for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
    confusion_check_at (&confusion[c], 90);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/photo-quality/fft", test_fft);
  g_test_add_func ("/pf/photo-quality/select", test_select);
  g_test_add_func ("/pf/photo-quality/region", test_region);
  g_test_add_func ("/pf/photo-quality/views", test_views);
  g_test_add_func ("/pf/photo-quality/odd-input", test_odd_input);
  g_test_add_func ("/pf/photo-quality/blur-grid", test_blur_grid);
  g_test_add_func ("/pf/photo-quality/glare-grid", test_glare_grid);
  g_test_add_func ("/pf/photo-quality/glare-regions", test_glare_regions);
  g_test_add_func ("/pf/photo-quality/exposure-grid", test_exposure_grid);
  g_test_add_func ("/pf/photo-quality/copy-grid", test_copy_grid);
  g_test_add_func ("/pf/photo-quality/pipeline", test_pipeline);

  return g_test_run ();
}
