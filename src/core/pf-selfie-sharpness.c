/* SPDX-License-Identifier: GPL-3.0-or-later */
/* selfie.sharpness: is the face sharp, or blurred by movement or focus?
 *
 * A fixed threshold on the variance of the Laplacian does not work for
 * faces: it depends on how much edge a face has (beard, glasses, hair) and
 * on its size in the frame. As in the document blur check, the blur itself
 * is measured instead: at a strong edge, the step in brightness over the
 * steepest slope is the width the edge is smeared over. The face is first
 * brought to at most CROP_WIDTH pixels across, so the width comes out as a
 * share of the face's width, whatever the camera's resolution and the
 * distance; the median over the face's strong edges (eyes, brows, nostrils,
 * lips) is the verdict. Motion smears along one direction only, so widths
 * are also kept per edge orientation: one much wider than another means
 * movement. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "pf-photo-util.h"
#include "pf-selfie-private.h"

#define CROP_WIDTH 128
/* Blur width as a share of the face's width: at CAUTION the eyelids and
 * the iris lose their outline, at BLOCKER the eyes are smudges. */
#define WIDTH_CAUTION 0.040
#define WIDTH_BLOCKER 0.075
#define MOTION_RATIO  1.8
#define MIN_SITES     12
#define MIN_PER_ORIENTATION 6

typedef struct
{
  float  width;
  float  slope;
  guint8 orientation;
} Site;

static const int along[4][2] = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { 1, -1 } };
static const int across[4][2] = { { 0, 1 }, { 1, 0 }, { 1, -1 }, { 1, 1 } };

typedef struct
{
  const guint8 *pixels;
  int           width;
  int           height;
} Crop;

static inline int
at (const Crop *c,
    int         x,
    int         y)
{
  return c->pixels[(gsize) CLAMP (y, 0, c->height - 1) * c->width + CLAMP (x, 0, c->width - 1)];
}

/* Three pixels across the gradient at step k along it, summed: averaging
 * along the edge lowers the noise without widening the edge. */
static inline int
profile (const Crop *c,
         int         x,
         int         y,
         int         o,
         int         k)
{
  int px = x + k * along[o][0], py = y + k * along[o][1];

  return at (c, px - across[o][0], py - across[o][1]) + at (c, px, py)
         + at (c, px + across[o][0], py + across[o][1]);
}

static inline int
gradient (const Crop *c,
          int         x,
          int         y)
{
  return abs (at (c, x + 1, y) - at (c, x - 1, y)) + abs (at (c, x, y + 1) - at (c, x, y - 1));
}

/* The edge's width: its contrast over its steepest slope, the contrast
 * taken between the points where the slope has fallen to a fifth of the
 * steepest (for a gaussian blur, 2.3 σ). Stopping there rather than where
 * the brightness stops rising keeps the slow shading of skin out. */
static gboolean
measure (const Crop *c,
         int         x,
         int         y,
         int         o,
         int         max_steps,
         Site       *site)
{
  double length = o >= 2 ? G_SQRT2 : 1.0;
  int sign, hi, lo, slope, k;
  double width;

  slope = abs (profile (c, x, y, o, 1) - profile (c, x, y, o, -1));
  if (slope == 0)
    return FALSE;
  sign = profile (c, x, y, o, 1) > profile (c, x, y, o, -1) ? 1 : -1;
  /* Steps of one pixel: the slope there is about half the central
   * difference. */
  for (k = 1; k < max_steps; k++)
    if ((profile (c, x, y, o, sign * (k + 1)) - profile (c, x, y, o, sign * k)) * 10 < slope)
      break;
  hi = profile (c, x, y, o, sign * k);
  for (k = 1; k < max_steps; k++)
    if ((profile (c, x, y, o, -sign * k) - profile (c, x, y, o, -sign * (k + 1))) * 10 < slope)
      break;
  lo = profile (c, x, y, o, -sign * k);
  if (hi <= lo)
    return FALSE;

  /* The central difference spreads even a perfect step over two steps, a
   * width that adds in quadrature to the blur's. */
  width = (hi - lo) / (slope / (2 * length));
  site->width = (float) sqrt (MAX (0, width * width - 4 * length * length));
  site->slope = (float) (slope / (6 * length));
  site->orientation = o;
  return TRUE;
}

/* The value of rank @fraction (0..1) among @n values, which it sorts. */
static double
rank (float  *values,
      guint   n,
      double  fraction)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (float), pf_compare_floats);
  return values[MIN ((guint) (fraction * n), n - 1)];
}

static GArray *
find_sites (const Crop *c)
{
  GArray *sites = g_array_new (FALSE, FALSE, sizeof (Site));
  int max_steps = MAX (6, c->width / 8);

  for (int y = 2; y < c->height - 2; y++)
    for (int x = 2; x < c->width - 2; x++)
      {
        int gx = at (c, x + 1, y) - at (c, x - 1, y), gy = at (c, x, y + 1) - at (c, x, y - 1);
        int mag = abs (gx) + abs (gy), ax = abs (gx), ay = abs (gy), o;
        Site site;

        if (mag < 8)
          continue;
        /* tan 22.5° ≈ 53 / 128 */
        if (ay * 128 < ax * 53)
          o = 0;
        else if (ax * 128 < ay * 53)
          o = 1;
        else
          o = (gx > 0) == (gy > 0) ? 2 : 3;
        /* Only the steepest point across the edge. */
        if (gradient (c, x + along[o][0], y + along[o][1]) > mag
            || gradient (c, x - along[o][0], y - along[o][1]) >= mag)
          continue;
        if (measure (c, x, y, o, max_steps, &site))
          g_array_append_val (sites, site);
      }

  return sites;
}

void
pf_selfie_check_sharpness (PfSelfieContext *ctx)
{
  const PfRect *f = &ctx->face;
  int x0 = CLAMP ((int) f->x, 0, ctx->width - 1), y0 = CLAMP ((int) f->y, 0, ctx->height - 1);
  int x1 = CLAMP ((int) (f->x + f->width + 0.5), x0 + 1, ctx->width);
  int y1 = CLAMP ((int) (f->y + f->height + 0.5), y0 + 1, ctx->height);
  int cw = MIN (x1 - x0, CROP_WIDTH), ch = MAX (1, (int) lround ((double) (y1 - y0) * cw / (x1 - x0)));
  g_autofree guint8 *pixels = NULL;
  g_autoptr(GArray) sites = NULL;
  g_autofree float *values = NULL;
  g_autofree float *per = NULL;
  guint n = 0, n_per[4] = { 0 };
  double width, widest = 0, narrowest = G_MAXDOUBLE, motion = 1, share, min_slope;
  Crop crop;

  if (cw < 24 || ch < 24)
    return;
  pixels = pf_selfie_downscale (ctx->grey, ctx->width, x0, y0, x1 - x0, y1 - y0, cw, ch);
  crop = (Crop) { pixels, cw, ch };
  sites = find_sites (&crop);
  pf_secure_zero (pixels, (gsize) cw * ch);
  if (sites->len < MIN_SITES)
    return;

  /* Keep the steepest edges: features of the face rather than the slow
   * shading of skin, whose width says nothing about focus. Ranks, not
   * levels, so that a dim face is judged like a bright one. */
  values = g_new (float, sites->len);
  per = g_new (float, 4 * sites->len);
  for (guint i = 0; i < sites->len; i++)
    values[i] = g_array_index (sites, Site, i).slope;
  min_slope = MAX (2.0, rank (values, sites->len, 0.75));
  for (guint i = 0; i < sites->len; i++)
    {
      Site *site = &g_array_index (sites, Site, i);

      if (site->slope < min_slope)
        continue;
      values[n++] = site->width;
      per[site->orientation * sites->len + n_per[site->orientation]++] = site->width;
    }
  if (n < MIN_SITES)
    return;

  width = rank (values, n, 0.5);
  for (int o = 0; o < 4; o++)
    {
      double m;

      if (n_per[o] < MIN_PER_ORIENTATION)
        continue;
      m = rank (per + o * sites->len, n_per[o], 0.5);
      widest = MAX (widest, m);
      narrowest = MIN (narrowest, m);
    }
  if (widest > 0 && narrowest < G_MAXDOUBLE)
    motion = (widest + 1) / (narrowest + 1);
  if (motion >= MOTION_RATIO)
    width = MAX (width, widest);

  share = width / cw;
  pf_selfie_set_metric (ctx, "sharpness.width", share);
  pf_selfie_set_metric (ctx, "sharpness.motion", motion);
  pf_selfie_set_metric (ctx, "sharpness.sites", n);

  if (share < WIDTH_CAUTION)
    pf_selfie_context_add_ok (ctx, "selfie.sharpness", _("Your face is sharp"));
  else if (motion >= MOTION_RATIO)
    pf_selfie_context_add (ctx, "selfie.sharpness",
                           share >= WIDTH_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                           _("The picture is blurred by movement"),
                           _("Hold still, and rest the phone or laptop on something steady."),
                           f);
  else
    pf_selfie_context_add (ctx, "selfie.sharpness",
                           share >= WIDTH_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                           _("Your face is out of focus"),
                           _("Wipe the camera lens and hold it at arm's length, so that it can "
                             "focus on your face."),
                           f);
}
