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
 * gradients count a little less. In tenths. */
#define CHROMA_WEIGHT 7

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

/* Box-averaged brightness with a long side of about PF_OUTLINE_WORK_SIZE;
 * the colour differences from four pixels of each cell of @colour. */
void
pf_outline_make_work (Work         *work,
                      const guint8 *grey,
                      int           width,
                      int           height,
                      PfImage      *colour)
{
  int f = MAX (1, (MAX (width, height) + PF_OUTLINE_WORK_SIZE / 2) / PF_OUTLINE_WORK_SIZE);
  int w = MAX (1, width / f), h = MAX (1, height / f);
  int area = f * f;

  work->factor = f;
  work->w = w;
  work->h = h;
  work->img = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *src = grey + (gsize) y * f * width + (gsize) x * f;
        int sum = 0;

        for (int j = 0; j < f; j++, src += width)
          for (int i = 0; i < f; i++)
            sum += src[i];
        work->img[(gsize) y * w + x] = (guint8) ((sum + area / 2) / area);
      }

  if (colour != NULL)
    {
      const guint8 *rgba = pf_image_get_data (colour);
      gsize stride = pf_image_get_stride (colour);
      int cw = pf_image_get_width (colour), ch = pf_image_get_height (colour);
      double sx = (double) cw / width * f, sy = (double) ch / height * f;

      work->u = g_new (gint16, (gsize) w * h);
      work->v = g_new (gint16, (gsize) w * h);
      for (int y = 0; y < h; y++)
        {
          int ys[2] = { MIN (ch - 1, (int) ((y + 0.25) * sy)), MIN (ch - 1, (int) ((y + 0.75) * sy)) };

          for (int x = 0; x < w; x++)
            {
              int xs[2] = { MIN (cw - 1, (int) ((x + 0.25) * sx)), MIN (cw - 1, (int) ((x + 0.75) * sx)) };
              int r = 0, g = 0, b = 0, luma;

              for (int j = 0; j < 2; j++)
                for (int i = 0; i < 2; i++)
                  {
                    const guint8 *p = rgba + (gsize) ys[j] * stride + (gsize) xs[i] * 4;

                    r += p[0];
                    g += p[1];
                    b += p[2];
                  }
              luma = (77 * r + 150 * g + 29 * b) >> 8;
              work->u[(gsize) y * w + x] = (gint16) ((b - luma) / 4);
              work->v[(gsize) y * w + x] = (gint16) ((r - luma) / 4);
            }
        }
    }
}

static inline void
sobel16 (const gint16 *img,
         int           w,
         gsize         i,
         int          *gx,
         int          *gy)
{
  const gint16 *r0 = img + i - w, *r1 = img + i, *r2 = img + i + w;

  *gx = (r0[1] + 2 * r1[1] + r2[1]) - (r0[-1] + 2 * r1[-1] + r2[-1]);
  *gy = (r2[-1] + 2 * r2[0] + r2[1]) - (r0[-1] + 2 * r0[0] + r0[1]);
}

/* Sobel gradients of whichever channel changes most, thinned to their
 * ridges (non-maximum suppression), above a threshold that rises with the
 * noise. */
void
pf_outline_find_edges (Work *work)
{
  int w = work->w, h = work->h;
  const guint8 *img = work->img;
  gsize n = (gsize) w * h;
  g_autofree int *mag = g_new0 (int, n);
  g_autofree gint16 *gxs = g_new0 (gint16, n);
  g_autofree gint16 *gys = g_new0 (gint16, n);
  guint hist[2048] = { 0 };
  guint half, seen = 0;
  int median = 0, threshold;
  gint64 threshold2;

  work->dir = g_new0 (guint8, n);
  work->strength = g_new0 (guint8, n);
  work->edge_xy = g_new (int, 2 * n);
  work->edge_theta = g_new (guint8, n);
  work->n_edges = 0;
  if (w < 5 || h < 5)
    return;

  for (int y = 1; y < h - 1; y++)
    {
      const guint8 *r0 = img + (gsize) (y - 1) * w;
      const guint8 *r1 = r0 + w;
      const guint8 *r2 = r1 + w;

      for (int x = 1; x < w - 1; x++)
        {
          int gx = (r0[x + 1] + 2 * r1[x + 1] + r2[x + 1]) - (r0[x - 1] + 2 * r1[x - 1] + r2[x - 1]);
          int gy = (r2[x - 1] + 2 * r2[x] + r2[x + 1]) - (r0[x - 1] + 2 * r0[x] + r0[x + 1]);
          gsize i = (gsize) y * w + x;
          int m = gx * gx + gy * gy;

          if (work->u != NULL)
            {
              const gint16 *chroma[2] = { work->u, work->v };

              for (int c = 0; c < 2; c++)
                {
                  int cx, cy, cm;

                  /* The chroma channels hold a quarter of the difference
                   * summed over four samples, so a level is a level. */
                  sobel16 (chroma[c], w, i, &cx, &cy);
                  cx = cx * CHROMA_WEIGHT / 10;
                  cy = cy * CHROMA_WEIGHT / 10;
                  cm = cx * cx + cy * cy;
                  if (cm > m)
                    {
                      gx = cx;
                      gy = cy;
                      m = cm;
                    }
                }
            }

          gxs[i] = (gint16) gx;
          gys[i] = (gint16) gy;
          mag[i] = m;
          hist[MIN (2047, abs (gx) + abs (gy))]++;
        }
    }

  /* Sensor noise sets the median gradient of a mostly smooth image; edges
   * worth keeping stand well above it. The ceiling keeps a busy background
   * from lifting the threshold over a faint document border. */
  half = (guint) ((w - 2) * (h - 2) / 2);
  for (int i = 0; i < 2048; i++)
    {
      seen += hist[i];
      if (seen >= half)
        {
          median = i;
          break;
        }
    }
  threshold = CLAMP (median * 5 / 2, 16, 48);
  threshold2 = (gint64) threshold * threshold;

  for (int y = 2; y < h - 2; y++)
    for (int x = 2; x < w - 2; x++)
      {
        gsize i = (gsize) y * w + x;
        int m = mag[i], ax, ay, gx, gy, n1, n2;
        double angle;

        if (m < threshold2)
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

        angle = atan2 (gy, gx) * (180 / G_PI);
        if (angle < 0)
          angle += 360;
        work->dir[i] = (guint8) (1 + MIN (179, (int) (angle / 2)));
        /* Full strength from a clear step up: a faint grain or a shadow
         * supports a line less than a document's border does. */
        work->strength[i] = (guint8) (255 * MIN (1.0, sqrt ((double) m) / (2.0 * threshold)));
        work->edge_xy[2 * work->n_edges] = x;
        work->edge_xy[2 * work->n_edges + 1] = y;
        work->edge_theta[work->n_edges] = (guint8) ((int) angle % 180);
        work->n_edges++;
      }
}
