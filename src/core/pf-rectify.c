/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Perspective rectification of the document. The homography from the
 * document's unit square to the outline is the one the photo checks use
 * (pf-doc-region.c); every output pixel is sampled from the photo with
 * bilinear interpolation. Sampling point by point is enough: at the
 * densities we ask for (about 10 pixels a millimetre) the photo is rarely
 * much finer than the output, so there is little to average away. */

#include "config.h"

#include <math.h>

#include "pf-photo-util.h"
#include "pf-rectify.h"

/* The largest side we make: 60 cm at 10 px/mm. Anything bigger is a
 * mistake in the caller's numbers, not a document. */
#define MAX_SIDE 6000

static double
distance (PfPoint a,
          PfPoint b)
{
  return hypot (a.x - b.x, a.y - b.y);
}

/**
 * pf_rectify_orient_landscape:
 *
 * Turns the corner order by a quarter when the outline's first side is
 * its short one, so that the rectified document comes out landscape
 * (every document we read is). Which quarter is a guess; the MRZ reader
 * copes with a document upside down.
 */
void
pf_rectify_orient_landscape (PfPoint corners[4])
{
  double top = distance (corners[0], corners[1]) + distance (corners[3], corners[2]);
  double side = distance (corners[1], corners[2]) + distance (corners[0], corners[3]);
  PfPoint first;

  if (top >= side)
    return;

  first = corners[0];
  corners[0] = corners[3];
  corners[3] = corners[2];
  corners[2] = corners[1];
  corners[1] = first;
}

/**
 * pf_rectify_grey:
 * @grey: the photo, grey, @stride bytes a row
 * @corners: the document's top-left, top-right, bottom-right and
 *   bottom-left corners in the photo (they may lie outside it; what falls
 *   outside comes out white)
 * @width_mm: the document's width (the side from corner 0 to corner 1)
 * @height_mm: its height
 * @px_per_mm: the density of the result
 *
 * Returns: (transfer full) (nullable): the document seen square on, or
 *   %NULL when the sizes make no sense
 */
PfRectified *
pf_rectify_grey (const guint8   *grey,
                 int             width,
                 int             height,
                 gsize           stride,
                 const PfPoint   corners[4],
                 double          width_mm,
                 double          height_mm,
                 double          px_per_mm)
{
  PfRectified *self;
  PfDocRegion region = { 0 };
  int out_w = (int) lround (width_mm * px_per_mm);
  int out_h = (int) lround (height_mm * px_per_mm);
  const double *h;

  g_return_val_if_fail (grey != NULL, NULL);
  g_return_val_if_fail (corners != NULL, NULL);

  if (width < 2 || height < 2 || out_w < 2 || out_h < 2 || out_w > MAX_SIDE || out_h > MAX_SIDE)
    return NULL;

  pf_doc_region_set_quad (&region, corners, width_mm, height_mm);
  h = region.h;

  self = g_new0 (PfRectified, 1);
  self->width = out_w;
  self->height = out_h;
  self->px_per_mm = px_per_mm;
  self->grey = g_malloc ((gsize) out_w * out_h);

  for (int y = 0; y < out_h; y++)
    {
      double v = (y + 0.5) / out_h;
      guint8 *row = self->grey + (gsize) y * out_w;

      for (int x = 0; x < out_w; x++)
        {
          double u = (x + 0.5) / out_w;
          double w = h[6] * u + h[7] * v + h[8];
          double sx, sy, fx, fy;
          int ix, iy;
          const guint8 *p;

          if (fabs (w) < 1e-12)
            {
              row[x] = 255;
              continue;
            }
          /* Pixel centres sit at integer coordinates in the photo. */
          sx = (h[0] * u + h[1] * v + h[2]) / w;
          sy = (h[3] * u + h[4] * v + h[5]) / w;
          if (!(sx >= 0 && sy >= 0 && sx <= width - 1 && sy <= height - 1))
            {
              row[x] = 255;
              continue;
            }
          ix = MIN ((int) sx, width - 2);
          iy = MIN ((int) sy, height - 2);
          fx = sx - ix;
          fy = sy - iy;
          p = grey + (gsize) iy * stride + ix;
          row[x] = (guint8) lround ((p[0] * (1 - fx) + p[1] * fx) * (1 - fy) +
                                    (p[stride] * (1 - fx) + p[stride + 1] * fx) * fy);
        }
    }

  return self;
}

void
pf_rectified_free (PfRectified *self)
{
  if (self == NULL)
    return;

  if (self->grey != NULL)
    pf_secure_zero (self->grey, (gsize) self->width * self->height);
  g_free (self->grey);
  g_free (self);
}
