/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dark blobs of an image, as candidates for characters: a threshold
 * against the local brightness, then connected components. Work is done
 * on a reduced copy of large images (by the caller's factor): finding
 * needs less detail than reading. */

#include "config.h"

#include <string.h>

#include "pf-image.h"
#include "pf-mrz-find.h"

typedef struct
{
  guint8 *pixels;
  int     width;
  int     height;
} Grey;

static void
grey_clear (Grey *grey)
{
  if (grey->pixels != NULL)
    pf_secure_zero (grey->pixels, (gsize) grey->width * grey->height);
  g_clear_pointer (&grey->pixels, g_free);
}

/* Each pixel of @out the mean of its @factor x @factor block of @grey.
 * Inlined for the common factors, so that the division is by a constant
 * (the finder runs on every still photo, up to four times). */
static inline __attribute__ ((always_inline)) void
reduce_blocks (const guint8 *grey,
               gsize         stride,
               int           factor,
               int           width,
               int           height,
               guint8       *out)
{
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *block = grey + (gsize) y * factor * stride + (gsize) x * factor;
        guint sum = 0;

        for (int j = 0; j < factor; j++)
          for (int i = 0; i < factor; i++)
            sum += block[(gsize) j * stride + i];
        out[(gsize) y * width + x] = sum / (guint) (factor * factor);
      }
}

/* A reduced copy by @factor, each pixel the mean of its block, then
 * smoothed over 3 x 3 (the pixels of it inside the image) so that sensor
 * noise does not make speckles. */
static void
reduce (const guint8 *grey,
        int           width,
        int           height,
        gsize         stride,
        int           factor,
        Grey         *out)
{
  g_autofree guint8 *tmp = NULL;
  g_autofree guint16 *columns = NULL;
  int w, h;

  w = out->width = MAX (1, width / factor);
  h = out->height = MAX (1, height / factor);
  tmp = g_new (guint8, (gsize) w * h);
  out->pixels = g_new (guint8, (gsize) w * h);
  columns = g_new (guint16, w);

  if (width < factor || height < factor)
    {
      /* A side shorter than a block (a long thin strip): the one block
       * across it takes what there is. */
      int bw = MIN (factor, width), bh = MIN (factor, height);

      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint sum = 0;

            for (int j = 0; j < bh; j++)
              for (int i = 0; i < bw; i++)
                sum += grey[((gsize) y * bh + j) * stride + (gsize) x * bw + i];
            tmp[(gsize) y * w + x] = sum / (guint) (bw * bh);
          }
    }
  else
    {
      switch (factor)
        {
        case 1:
          for (int y = 0; y < h; y++)
            memcpy (tmp + (gsize) y * w, grey + (gsize) y * stride, w);
          break;
        case 2:
          reduce_blocks (grey, stride, 2, w, h, tmp);
          break;
        case 4:
          reduce_blocks (grey, stride, 4, w, h, tmp);
          break;
        default:
          reduce_blocks (grey, stride, factor, w, h, tmp);
          break;
        }
    }

  /* The 3 x 3 sums as column sums of up to three rows, then sums of up
   * to three columns. */
  for (int y = 0; y < h; y++)
    {
      int j0 = MAX (0, y - 1), j1 = MIN (h - 1, y + 1);
      guint rows = j1 - j0 + 1;
      guint8 *row = out->pixels + (gsize) y * w;
      gboolean inside = rows == 3 && w >= 3;

      for (int i = 0; i < w; i++)
        {
          guint sum = 0;

          for (int j = j0; j <= j1; j++)
            sum += tmp[(gsize) j * w + i];
          columns[i] = sum;
        }

      /* Inside the image, nine pixels: a division by a constant. */
      if (inside)
        for (int x = 1; x < w - 1; x++)
          row[x] = (guint) (columns[x - 1] + columns[x] + columns[x + 1]) / 9u;

      for (int x = 0; x < w; x++)
        {
          int i0 = MAX (0, x - 1), i1 = MIN (w - 1, x + 1);
          guint sum = 0;

          if (inside && x > 0 && x < w - 1)
            continue;
          for (int i = i0; i <= i1; i++)
            sum += columns[i];
          row[x] = sum / (rows * (i1 - i0 + 1));
        }
    }

  pf_secure_zero (tmp, (gsize) w * h);
  pf_secure_zero (columns, sizeof (guint16) * w);
}

/* Ink: pixels clearly darker than the mean around them. */
static guint8 *
threshold (const Grey *grey,
           int         radius)
{
  int w = grey->width, h = grey->height;
  g_autofree guint32 *integral = g_new0 (guint32, (gsize) (w + 1) * (h + 1));
  guint8 *dark = g_new0 (guint8, (gsize) w * h);

  for (int y = 0; y < h; y++)
    {
      guint32 row = 0;

      for (int x = 0; x < w; x++)
        {
          row += grey->pixels[y * w + x];
          integral[(gsize) (y + 1) * (w + 1) + x + 1] = integral[(gsize) y * (w + 1) + x + 1] + row;
        }
    }

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int x0 = MAX (0, x - radius), x1 = MIN (w, x + radius + 1);
        int y0 = MAX (0, y - radius), y1 = MIN (h, y + radius + 1);
        /* In 32 bits, wrapping: the integral wraps past 16.8 megapixels,
         * but a window's sum fits, and so comes out right. */
        guint32 sum = integral[(gsize) y1 * (w + 1) + x1] -
                      integral[(gsize) y0 * (w + 1) + x1] -
                      integral[(gsize) y1 * (w + 1) + x0] +
                      integral[(gsize) y0 * (w + 1) + x0];
        gint64 area = (gint64) (x1 - x0) * (y1 - y0);
        guint8 pixel = grey->pixels[y * w + x];
        double mean;

        /* Most pixels are no darker than 7 below the mean: no ink, since
         * ink is at least 8 below it. Decided in integers, without the
         * division. */
        if ((pixel + 7) * area >= (gint64) sum)
          continue;
        mean = (double) sum / area;
        dark[y * w + x] = pixel < mean - MAX (8.0, 0.12 * mean);
      }

  return dark;
}

static int
find_root (int *parent,
           int  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

typedef struct
{
  int y, x0, x1;
} Run;

/* Connected blobs of ink (8-connected), from runs of ink pixels. */
static GArray *
find_blobs (const guint8 *dark,
            int           width,
            int           height)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autofree int *parent = NULL;
  g_autofree int *blob_of = NULL;
  GArray *blobs = g_array_new (FALSE, FALSE, sizeof (PfMrzBlob));
  guint prev_start = 0, prev_end = 0, row_start = 0;
  int row_y = -2;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (dark[y * width + x] && (x == 0 || !dark[y * width + x - 1]))
        {
          Run run = { y, x, x };

          while (run.x1 + 1 < width && dark[y * width + run.x1 + 1])
            run.x1++;
          g_array_append_val (runs, run);
        }

  parent = g_new (int, MAX (runs->len, 1));
  for (guint i = 0; i < runs->len; i++)
    parent[i] = i;

  /* Join each run with the runs of the row above that touch it. */
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);

      if (run->y != row_y)
        {
          if (run->y == row_y + 1)
            {
              prev_start = row_start;
              prev_end = i;
            }
          else
            prev_start = prev_end = i;
          row_start = i;
          row_y = run->y;
        }

      for (guint k = prev_start; k < prev_end; k++)
        {
          Run *above = &g_array_index (runs, Run, k);

          if (above->x1 < run->x0 - 1)
            continue;
          if (above->x0 > run->x1 + 1)
            break;
          parent[find_root (parent, i)] = find_root (parent, k);
        }
    }

  blob_of = g_new (int, MAX (runs->len, 1));
  for (guint i = 0; i < runs->len; i++)
    blob_of[i] = -1;
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      int root = find_root (parent, i);
      PfMrzBlob *blob;

      if (blob_of[root] < 0)
        {
          PfMrzBlob fresh = { run->x0, run->y, run->x1, run->y, 0, 0, 0, 0, 0, 0, 0, -1, -1 };

          blob_of[root] = blobs->len;
          g_array_append_val (blobs, fresh);
        }
      blob = &g_array_index (blobs, PfMrzBlob, blob_of[root]);
      blob->x0 = MIN (blob->x0, run->x0);
      blob->x1 = MAX (blob->x1, run->x1);
      blob->y0 = MIN (blob->y0, run->y);
      blob->y1 = MAX (blob->y1, run->y);
      blob->area += run->x1 - run->x0 + 1;
    }

  return blobs;
}

/**
 * pf_mrz_find_blobs:
 * @factor: how much to reduce the image first, 1 or more
 *
 * Returns: (transfer full) (element-type PfMrzBlob): the blobs of the size
 *   of characters, in reduced pixels
 */
GArray *
pf_mrz_find_blobs (const guint8 *grey,
                   int           width,
                   int           height,
                   gsize         stride,
                   int           factor)
{
  g_autofree guint8 *dark = NULL;
  Grey small = { NULL, 0, 0 };
  GArray *blobs;
  guint n_blobs = 0;

  reduce (grey, width, height, stride, factor, &small);
  dark = threshold (&small, MAX (8, MAX (small.width, small.height) / 25));
  blobs = find_blobs (dark, small.width, small.height);
  pf_secure_zero (dark, (gsize) small.width * small.height);

  for (guint i = 0; i < blobs->len; i++)
    {
      PfMrzBlob *b = &g_array_index (blobs, PfMrzBlob, i);
      int w = b->x1 - b->x0 + 1, h = b->y1 - b->y0 + 1;

      if (h < 5 || h > small.height / 4 || b->area < 0.08 * w * h || b->area < 8)
        continue;
      g_array_index (blobs, PfMrzBlob, n_blobs++) = *b;
    }
  g_array_set_size (blobs, n_blobs);

  grey_clear (&small);
  return blobs;
}
