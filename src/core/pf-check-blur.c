/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.blur: is the document sharp enough to read?
 *
 * The variance of the Laplacian, the usual focus measure, counts edges as
 * much as it measures their sharpness: a sharp card with little text scores
 * like a blurred one with much text, and sensor noise adds a floor. This
 * check measures the blur itself instead. At a strong edge, the step in
 * brightness divided by the steepest slope is the width over which the
 * edge is smeared, in pixels (2.5 σ for a gaussian blur, the length of the
 * path for a moving camera), whatever the edge's contrast. The median over
 * many edges inside the document is compared with the height of its text
 * in pixels: blur half as wide as a letter is tall makes text unreadable.
 *
 * Edges are found on the small grey copy, where noise is averaged away and
 * even a badly blurred edge is still steep, and measured on the full
 * resolution grey image. Motion blur smears only along the motion, so the
 * widths are also kept per edge orientation: one orientation much wider
 * than the one across it means the camera moved. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-photo-util.h"
#include "pf-vector-private.h"

/* Sites measured per frame: live frames need speed, a photo precision. */
#define LIVE_SITES  500
#define PHOTO_SITES 1600
/* Fewer usable edges than this and the width is not worth reporting. */
#define MIN_SITES   16
#define MIN_PER_ORIENTATION 10

/* Blur width over text height: above CAUTION text looks soft, above
 * BLOCKER the strokes of a letter run into each other. */
#define RATIO_SHARP   0.12
#define RATIO_CAUTION 0.25
#define RATIO_BLOCKER 0.50
/* The widest orientation's width over the narrowest's for motion blur. */
#define MOTION_RATIO  1.8

typedef struct
{
  float  width;     /* pixels */
  float  contrast;  /* grey levels */
  guint8 orientation;
} EdgeSite;

typedef struct
{
  guint16 x;
  guint16 y;
  guint8  orientation;
} Candidate;

/* The four orientations of the gradient, as steps along it and across it. */
static const int along[4][2] = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { 1, -1 } };
static const int across[4][2] = { { 0, 1 }, { 1, 0 }, { 1, -1 }, { 1, 1 } };

static int
orientation_of (int gx,
                int gy)
{
  int ax = abs (gx), ay = abs (gy);

  /* tan 22.5° ≈ 0.414 = 53 / 128 */
  if (ay * 128 < ax * 53)
    return 0;
  if (ax * 128 < ay * 53)
    return 1;
  return (gx > 0) == (gy > 0) ? 2 : 3;
}

/* The gradient magnitude |gx| + |gy| (central differences) of row @y of
 * the small copy, columns 1..@w - 2, into @mag; 16 columns at a time
 * where generic vectors exist. */
static PF_ROW_LOOPS void
gradient_row (const guint8 *s,
              int           w,
              int           y,
              guint16      *mag)
{
  const guint8 *row = s + (gsize) y * w;
  int x = 1;

#ifdef PF_HAVE_GENERIC_VECTORS
  for (; x + 16 <= w - 1; x += 16)
    {
      PfU8x16 left, right, up, down;
      PfI16x16 gx, gy;
      PfU16x16 m;

      memcpy (&left, row + x - 1, sizeof left);
      memcpy (&right, row + x + 1, sizeof right);
      memcpy (&up, row + x - w, sizeof up);
      memcpy (&down, row + x + w, sizeof down);
      gx = __builtin_convertvector (right, PfI16x16) - __builtin_convertvector (left, PfI16x16);
      gy = __builtin_convertvector (down, PfI16x16) - __builtin_convertvector (up, PfI16x16);
      /* |g| = (g ^ sign) - sign */
      gx = (gx ^ (gx >> 15)) - (gx >> 15);
      gy = (gy ^ (gy >> 15)) - (gy >> 15);
      m = (PfU16x16) (gx + gy);
      memcpy (mag + x, &m, sizeof m);
    }
#endif
  for (; x < w - 1; x++)
    mag[x] = (guint16) (abs (row[x + 1] - row[x - 1]) + abs (row[x + w] - row[x - w]));
}

/* The gradient rows find_candidates() looks at: three at a time (a row
 * and its neighbours), each made once. */
typedef struct
{
  guint16 *rows[3];
  int      y[3];
} GradientRows;

static const guint16 *
gradient_rows_get (GradientRows         *g,
                   const PfPhotoContext *ctx,
                   int                   y)
{
  int slot = ((y % 3) + 3) % 3;

  if (g->y[slot] != y)
    {
      gradient_row (ctx->small, ctx->small_width, y, g->rows[slot]);
      g->y[slot] = y;
    }
  return g->rows[slot];
}

/* Edge pixels of the small copy inside the region: the gradient is steep
 * and steepest across the edge (a local maximum along its own direction).
 * The magnitudes come from whole rows made with vectors; only the pixels
 * steep enough are looked at one by one. */
static GArray *
find_candidates (const PfPhotoContext *ctx,
                 const PfDocRegion    *region,
                 int                   row_step)
{
  const guint8 *s = ctx->small;
  int w = ctx->small_width, h = ctx->small_height;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree guint16 *buffer = g_new0 (guint16, (gsize) 3 * w);
  GradientRows rows = { { buffer, buffer + w, buffer + 2 * w }, { -1, -1, -1 } };
  const int threshold = 12;

  for (int y = 2; y < h - 2; y += row_step)
    {
      const guint16 *around[3];
      int x0, x1;

      if (!pf_doc_region_row_span (region, ctx->small_scale, y, w, &x0, &x1))
        continue;
      for (int k = 0; k < 3; k++)
        around[k] = gradient_rows_get (&rows, ctx, y - 1 + k);
      for (int x = MAX (x0, 2); x < MIN (x1, w - 2); x++)
        {
          const guint8 *p;
          int mag = around[1][x], gx, gy, o, dx, dy;
          Candidate c;

          if (mag < threshold)
            continue;
          p = s + (gsize) y * w + x;
          gx = p[1] - p[-1];
          gy = p[w] - p[-w];
          o = orientation_of (gx, gy);
          dx = along[o][0];
          dy = along[o][1];
          if (around[1 + dy][x + dx] > mag || around[1 - dy][x - dx] >= mag)
            continue;
          c.x = x;
          c.y = y;
          c.orientation = o;
          g_array_append_val (candidates, c);
        }
    }

  return candidates;
}

/* The sum of three full-resolution pixels across the gradient at step k
 * along it: averaging along the edge lowers the noise without widening it. */
static inline int
profile (const guint8 *centre,
         gssize        along_step,
         gssize        across_step,
         int           k)
{
  const guint8 *p = centre + k * along_step;

  return p[-across_step] + p[0] + p[across_step];
}

/* Measures the edge nearest a candidate at full resolution: find the
 * steepest point within @reach pixels along the gradient, then walk both
 * ways until the brightness stops rising (falling), which gives the step's
 * contrast; contrast over slope is the width. */
static gboolean
measure_edge (const PfPhotoContext *ctx,
              double                fx,
              double                fy,
              int                   o,
              int                   reach,
              int                   max_steps,
              EdgeSite             *site)
{
  const int tolerance = 18; /* three pixels' worth of noise */
  int dx = along[o][0], dy = along[o][1];
  gssize step = (gssize) dy * ctx->width + dx;
  gssize side = (gssize) across[o][1] * ctx->width + across[o][0];
  double length = (dx != 0 && dy != 0) ? G_SQRT2 : 1.0;
  int cx = (int) fx, cy = (int) fy, margin = reach + max_steps + 2;
  const guint8 *c;
  int best = 0, best_j = 0, sign, hi, lo, v;
  double width;

  if (cx < margin || cy < margin || cx >= ctx->width - margin || cy >= ctx->height - margin)
    return FALSE;
  c = ctx->grey + (gsize) cy * ctx->width + cx;

  for (int j = -reach; j <= reach; j++)
    {
      int g = abs (profile (c, step, side, j + 1) - profile (c, step, side, j - 1));

      if (g > best)
        {
          best = g;
          best_j = j;
        }
    }
  if (best == 0)
    return FALSE;
  c += best_j * step;
  sign = profile (c, step, side, 1) > profile (c, step, side, -1) ? 1 : -1;

  hi = lo = profile (c, step, side, 0);
  for (int k = 1; k <= max_steps; k++)
    {
      v = profile (c, step, side, sign * k);
      if (v < hi - tolerance)
        break;
      hi = MAX (hi, v);
    }
  for (int k = 1; k <= max_steps; k++)
    {
      v = profile (c, step, side, -sign * k);
      if (v > lo + tolerance)
        break;
      lo = MIN (lo, v);
    }

  /* Slope in summed levels per pixel; the step in the same units. The
   * central difference spreads even a perfect step over two steps, a
   * width that adds in quadrature to the blur's. */
  width = (hi - lo) / (best / (2 * length));
  site->width = (float) sqrt (MAX (0, width * width - 4 * length * length));
  site->contrast = (float) ((hi - lo) / 3.0);
  site->orientation = o;
  return TRUE;
}

/* The median, by selection rather than a sort (@values are reordered):
 * the middle value, or the mean of the two middle ones. Selection leaves
 * the values below rank n / 2 in front, so the lower middle one is the
 * largest of them. */
static double
median (float *values,
        guint  n)
{
  float upper, lower;

  if (n == 0)
    return 0;
  upper = pf_select_float (values, n, n / 2);
  if (n % 2)
    return upper;
  lower = values[0];
  for (guint i = 1; i < n / 2; i++)
    lower = MAX (lower, values[i]);
  return (lower + upper) / 2.0;
}

void
pf_photo_check_blur (PfPhotoContext *ctx)
{
  PfDocRegion whole, region;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (EdgeSite));
  g_autofree float *values = NULL;
  guint budget = ctx->options.live ? LIVE_SITES : PHOTO_SITES;
  g_autofree float *per_orientation = NULL;
  guint n_per[4] = { 0 };
  double text_px, reach_px, width, widest = 0, narrowest = G_MAXDOUBLE, motion = 1, ratio, focus;
  double min_contrast;
  int max_steps, reach;
  guint n = 0, stride;
  PfRect rect;

  pf_doc_region_init (&whole, ctx);
  pf_doc_region_inset (&whole, 0.04, &region);
  text_px = pf_doc_region_text_px (&whole);

  /* Live frames look at every fourth row of the small copy: a document
   * that fills a tenth of the frame still gives thousands of edges, of
   * which a few hundred are measured. */
  candidates = find_candidates (ctx, &region, ctx->options.live ? 4 : 1);
  if (candidates->len == 0)
    goto too_few;

  /* Walk far enough to cross an edge blurred past the blocker level. */
  reach = (int) ceil (1 / ctx->small_scale);
  reach_px = 0.6 * text_px + 4;
  stride = MAX (1, candidates->len / budget);
  for (guint i = 0; i < candidates->len; i += stride)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      double length = c->orientation >= 2 ? G_SQRT2 : 1.0;
      EdgeSite site;

      max_steps = CLAMP ((int) ceil (reach_px / length), 6, 64);
      if (measure_edge (ctx,
                        (c->x + 0.5) / ctx->small_scale,
                        (c->y + 0.5) / ctx->small_scale,
                        c->orientation, reach, max_steps, &site))
        g_array_append_val (sites, site);
    }
  if (sites->len < MIN_SITES)
    goto too_few;

  /* Keep the strong edges: weak ones are shading, guilloche or noise,
   * whose slope says little about focus. */
  values = g_new (float, sites->len);
  per_orientation = g_new (float, 4 * sites->len);
  for (guint i = 0; i < sites->len; i++)
    values[i] = g_array_index (sites, EdgeSite, i).contrast;
  min_contrast = MAX (20.0, 0.4 * pf_select_float (values, sites->len, sites->len * 3 / 4));

  for (guint i = 0; i < sites->len; i++)
    {
      EdgeSite *site = &g_array_index (sites, EdgeSite, i);

      if (site->contrast < min_contrast)
        continue;
      values[n++] = site->width;
      per_orientation[site->orientation * sites->len + n_per[site->orientation]++] = site->width;
    }
  if (n < MIN_SITES)
    goto too_few;

  width = median (values, n);
  for (int o = 0; o < 4; o++)
    {
      double m;

      if (n_per[o] < MIN_PER_ORIENTATION)
        continue;
      m = median (per_orientation + o * sites->len, n_per[o]);
      widest = MAX (widest, m);
      narrowest = MIN (narrowest, m);
    }
  /* A pixel added to both keeps sharp photos, whose widths are near zero,
   * from reading as motion. */
  if (widest > 0 && narrowest < G_MAXDOUBLE)
    motion = (widest + 1) / (narrowest + 1);

  /* Motion smears along one direction only: the text is as unreadable as
   * the widest smear makes it. */
  width = MAX (width, widest);

  ratio = width / text_px;
  focus = CLAMP ((RATIO_BLOCKER - ratio) / (RATIO_BLOCKER - RATIO_SHARP), 0, 1);
  pf_photo_report_set_metric (ctx->report, "blur.width_px", width);
  pf_photo_report_set_metric (ctx->report, "blur.text_px", text_px);
  pf_photo_report_set_metric (ctx->report, "blur.focus", focus);
  pf_photo_report_set_metric (ctx->report, "blur.motion", motion);
  pf_photo_report_set_metric (ctx->report, "blur.sites", n);

  pf_doc_region_get_rect (&whole, ctx, &rect);

  if (ratio < RATIO_CAUTION)
    pf_photo_context_add_ok (ctx, "photo.blur", _("The document is sharp"));
  else if (motion >= MOTION_RATIO)
    pf_photo_context_add (ctx, "photo.blur",
                          ratio >= RATIO_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                          _("The camera moved"),
                          _("Hold the camera and the document still, or rest your elbows on the "
                            "table, until the photo is taken."),
                          &rect);
  else if (ratio >= RATIO_BLOCKER)
    pf_photo_context_add (ctx, "photo.blur", PF_SEVERITY_BLOCKER,
                          _("The document is out of focus"),
                          _("Move the document a little further from the camera and hold it "
                            "still until the text looks crisp."),
                          &rect);
  else
    pf_photo_context_add (ctx, "photo.blur", PF_SEVERITY_CAUTION,
                          _("The document is slightly blurred"),
                          _("Hold steady and let the camera focus on the text before you take "
                            "the photo."),
                          &rect);
  return;

too_few:
  /* A document shows print and a portrait: with no strong edge at all it
   * is blurred beyond reading. Without an outline there may simply be no
   * document in view, which the outline check already says. */
  if (!ctx->has_outline)
    return;
  pf_photo_report_set_metric (ctx->report, "blur.focus", 0);
  pf_photo_report_set_metric (ctx->report, "blur.text_px", text_px);
  pf_photo_context_add (ctx, "photo.blur", PF_SEVERITY_BLOCKER,
                        _("The document is out of focus"),
                        _("Move the document a little further from the camera and hold it "
                          "still until the text looks crisp."),
                        NULL);
}
