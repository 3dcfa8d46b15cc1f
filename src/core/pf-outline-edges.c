/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outline finder's edge map: a copy about 320 pixels across, its
 * gradients in brightness and colour, thinned to one pixel wide. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-outline-private.h"

/* Colour differences are sampled from a few pixels rather than averaged
 * over the whole cell like the brightness, so they are noisier: their
 * gradients count a little less. In sixteenths. */
#define CHROMA_WEIGHT_16 11

void
pf_outline_work_clear (Work *work)
{
  gsize n = (gsize) work->w * work->h;

  if (work->img != NULL)
    pf_secure_zero (work->img, n);
  if (work->u != NULL)
    pf_secure_zero (work->u, n * sizeof (gint16));
  if (work->v != NULL)
    pf_secure_zero (work->v, n * sizeof (gint16));
  g_free (work->img);
  g_free (work->u);
  g_free (work->v);
  g_free (work->dir);
  g_free (work->strength);
  g_free (work->edge_xy);
  g_free (work->edge_theta);
  g_free (work->profile_mem);
}

/* Box-averaged brightness with a long side of about @work_size; the colour
 * differences from four pixels of each cell of @colour. */
void
pf_outline_make_work (Work         *work,
                      const guint8 *grey,
                      int           width,
                      int           height,
                      PfImage      *colour,
                      int           work_size)
{
  int f = MAX (1, (MAX (width, height) + work_size / 2) / work_size);
  int w = MAX (1, width / f), h = MAX (1, height / f);
  int area = f * f;

  work->factor = f;
  work->w = w;
  work->h = h;
  work->img = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    {
      guint8 *out = work->img + (gsize) y * w;

      if (f == 2)
        {
          const guint8 *r0 = grey + (gsize) 2 * y * width, *r1 = r0 + width;

          for (int x = 0; x < w; x++)
            out[x] = (guint8) ((r0[2 * x] + r0[2 * x + 1] + r1[2 * x] + r1[2 * x + 1] + 2) >> 2);
          continue;
        }
      for (int x = 0; x < w; x++)
        {
          const guint8 *src = grey + (gsize) y * f * width + (gsize) x * f;
          int sum = 0;

          for (int j = 0; j < f; j++, src += width)
            for (int i = 0; i < f; i++)
              sum += src[i];
          out[x] = (guint8) ((sum + area / 2) / area);
        }
    }

  if (colour != NULL)
    {
      const guint8 *rgba = pf_image_get_data (colour);
      gsize stride = pf_image_get_stride (colour);
      int cw = pf_image_get_width (colour), ch = pf_image_get_height (colour);
      double sx = (double) cw / width * f, sy = (double) ch / height * f;

      g_autofree int *columns = g_new (int, 2 * (gsize) w);

      work->u = g_new (gint16, (gsize) w * h);
      work->v = g_new (gint16, (gsize) w * h);
      for (int x = 0; x < w; x++)
        {
          columns[2 * x] = 4 * MIN (cw - 1, (int) ((x + 0.25) * sx));
          columns[2 * x + 1] = 4 * MIN (cw - 1, (int) ((x + 0.75) * sx));
        }
      for (int y = 0; y < h; y++)
        {
          const guint8 *row0 = rgba + (gsize) MIN (ch - 1, (int) ((y + 0.25) * sy)) * stride;
          const guint8 *row1 = rgba + (gsize) MIN (ch - 1, (int) ((y + 0.75) * sy)) * stride;
          gint16 *u = work->u + (gsize) y * w, *v = work->v + (gsize) y * w;

          for (int x = 0; x < w; x++)
            {
              const guint8 *p00 = row0 + columns[2 * x], *p01 = row0 + columns[2 * x + 1];
              const guint8 *p10 = row1 + columns[2 * x], *p11 = row1 + columns[2 * x + 1];
              int r = p00[0] + p01[0] + p10[0] + p11[0];
              int g = p00[1] + p01[1] + p10[1] + p11[1];
              int b = p00[2] + p01[2] + p10[2] + p11[2];
              int luma = (77 * r + 150 * g + 29 * b) >> 8;

              u[x] = (gint16) ((b - luma) / 4);
              v[x] = (gint16) ((r - luma) / 4);
            }
        }
    }
}

/* The direction of (x, y) in degrees, 0 to 360, good to a tenth of a
 * degree: a polynomial for the arctangent on the first octant. */
static inline double
fast_angle (int x,
            int y)
{
  int ax = abs (x), ay = abs (y);
  double t, angle;

  if (ax == 0 && ay == 0)
    return 0;
  t = ax >= ay ? (double) ay / ax : (double) ax / ay;
  angle = t * (45.0 - (t - 1) * (14.0 + 3.85 * t));
  if (ay > ax)
    angle = 90 - angle;
  if (x < 0)
    angle = 180 - angle;
  if (y < 0)
    angle = 360 - angle;
  return angle >= 360 ? angle - 360 : angle;
}

/* The threshold for a channel's gradients (|gx| + |gy| summed in @hist):
 * sensor noise, or a texture's print, sets the median gradient of a mostly
 * smooth image, and edges worth keeping stand well above it. The ceiling
 * keeps a busy background from lifting it over a faint document border. */
static int
channel_threshold (const guint *hist,
                   guint        n)
{
  guint seen = 0;

  for (int i = 0; i < 2048; i++)
    {
      seen += hist[i];
      if (seen >= n / 2)
        return CLAMP (i * 5 / 2, 16, 48);
    }
  return 48;
}

/* Sobel gradients of brightness and of the two colour differences, each
 * measured against its own noise: the print of a newspaper makes the
 * brightness busy but leaves the colour flat, so a pink card's border on it
 * shows in colour while its brightness step drowns in the print. Where the
 * larger of the two, relative to its channel's threshold, clears it, the
 * edge is thinned to its ridge (non-maximum suppression). */
void
pf_outline_find_edges (Work *work)
{
  int w = work->w, h = work->h;
  const guint8 *img = work->img;
  gsize n = (gsize) w * h;
  g_autofree int *mag = g_new0 (int, n);
  g_autofree gint16 *gxs = g_new0 (gint16, n);
  g_autofree gint16 *gys = g_new0 (gint16, n);
  g_autofree gint16 *cgx = NULL, *cgy = NULL;
  g_autofree int *cmag = NULL;
  guint hist[2048] = { 0 }, chist[2048] = { 0 };
  guint n_inner;
  int threshold, cthreshold;

  work->dir = g_new0 (guint8, n);
  work->strength = g_new0 (guint8, n);
  work->edge_xy = g_new (int, 2 * n);
  work->edge_theta = g_new (guint8, n);
  work->n_edges = 0;
  if (w < 5 || h < 5)
    return;
  n_inner = (guint) ((w - 2) * (h - 2));

  for (int y = 1; y < h - 1; y++)
    {
      const guint8 *r0 = img + (gsize) (y - 1) * w;
      const guint8 *r1 = r0 + w;
      const guint8 *r2 = r1 + w;
      gsize row = (gsize) y * w;

      for (int x = 1; x < w - 1; x++)
        {
          int gx = (r0[x + 1] + 2 * r1[x + 1] + r2[x + 1]) - (r0[x - 1] + 2 * r1[x - 1] + r2[x - 1]);
          int gy = (r2[x - 1] + 2 * r2[x] + r2[x + 1]) - (r0[x - 1] + 2 * r0[x] + r0[x + 1]);

          gxs[row + x] = (gint16) gx;
          gys[row + x] = (gint16) gy;
          mag[row + x] = gx * gx + gy * gy;
          hist[MIN (2047, abs (gx) + abs (gy))]++;
        }
    }
  threshold = channel_threshold (hist, n_inner);

  /* The larger of the two colour differences' gradients, written as plain
   * selects so that the compiler can vectorise it, and the brightness and
   * the colour each in units of its own threshold, 256 a unit. Only the
   * inner pixels: the frame of mag stays 0 for the thinning. */
  if (work->u != NULL)
    {
      cgx = g_new (gint16, n);
      cgy = g_new (gint16, n);
      cmag = g_new (int, n);
    }
  for (int c = 0; c < 2 && work->u != NULL; c++)
    {
      const gint16 *chroma = c == 0 ? work->u : work->v;

      for (int y = 1; y < h - 1; y++)
        {
          const gint16 *r0 = chroma + (gsize) (y - 1) * w;
          const gint16 *r1 = r0 + w;
          const gint16 *r2 = r1 + w;
          gint16 *gx_row = cgx + (gsize) y * w, *gy_row = cgy + (gsize) y * w;
          int *mag_row = cmag + (gsize) y * w;

          for (int x = 1; x < w - 1; x++)
            {
              /* The chroma channels hold the mean difference of four
               * samples, so a level is a level; weighted by 11/16. */
              int gx = (((r0[x + 1] + 2 * r1[x + 1] + r2[x + 1]) - (r0[x - 1] + 2 * r1[x - 1] + r2[x - 1]))
                        * CHROMA_WEIGHT_16) >> 4;
              int gy = (((r2[x - 1] + 2 * r2[x] + r2[x + 1]) - (r0[x - 1] + 2 * r0[x] + r0[x + 1]))
                        * CHROMA_WEIGHT_16) >> 4;
              int m = gx * gx + gy * gy;
              int larger = c == 0 || m > mag_row[x];

              gx_row[x] = larger ? (gint16) gx : gx_row[x];
              gy_row[x] = larger ? (gint16) gy : gy_row[x];
              mag_row[x] = larger ? m : mag_row[x];
            }
          if (c == 1)
            for (int x = 1; x < w - 1; x++)
              chist[MIN (2047, abs (gx_row[x]) + abs (gy_row[x]))]++;
        }
    }

  {
    /* Thresholds are at least 16, so a scale is at most 1: no overflow. */
    float scale = 256.f / ((float) threshold * threshold), cscale = 0;

    if (cmag != NULL)
      {
        cthreshold = channel_threshold (chist, n_inner);
        cscale = 256.f / ((float) cthreshold * cthreshold);
      }
    for (int y = 1; y < h - 1; y++)
      {
        gsize row = (gsize) y * w;

        if (cmag == NULL)
          {
            for (int x = 1; x < w - 1; x++)
              mag[row + x] = (int) (mag[row + x] * scale);
            continue;
          }
        for (int x = 1; x < w - 1; x++)
          {
            gsize i = row + x;
            int ml = (int) (mag[i] * scale), mc = (int) (cmag[i] * cscale);
            int larger = mc > ml;

            gxs[i] = larger ? cgx[i] : gxs[i];
            gys[i] = larger ? cgy[i] : gys[i];
            mag[i] = larger ? mc : ml;
          }
      }
  }

  for (int y = 2; y < h - 2; y++)
    for (int x = 2; x < w - 2; x++)
      {
        gsize i = (gsize) y * w + x;
        int m = mag[i], ax, ay, gx, gy, n1, n2;
        double angle;

        if (m < 256)
          continue;
        gx = gxs[i];
        gy = gys[i];
        ax = abs (gx);
        ay = abs (gy);
        if (ay * 5 <= ax * 2)
          {
            n1 = mag[i - 1];
            n2 = mag[i + 1];
          }
        else if (ax * 5 <= ay * 2)
          {
            n1 = mag[i - w];
            n2 = mag[i + w];
          }
        else if ((gx > 0) == (gy > 0))
          {
            n1 = mag[i - w - 1];
            n2 = mag[i + w + 1];
          }
        else
          {
            n1 = mag[i - w + 1];
            n2 = mag[i + w - 1];
          }
        if (m < n1 || m <= n2)
          continue;

        angle = fast_angle (gx, gy);
        work->dir[i] = (guint8) (1 + MIN (179, (int) (angle / 2)));
        /* Full strength from a clear step up: a faint grain or a shadow
         * supports a line less than a document's border does. */
        work->strength[i] = (guint8) (255 * MIN (1.f, sqrtf ((float) m / 256.f) / 2.f));
        work->edge_xy[2 * work->n_edges] = x;
        work->edge_xy[2 * work->n_edges + 1] = y;
        work->edge_theta[work->n_edges] = (guint8) ((int) angle % 180);
        work->n_edges++;
      }
}
