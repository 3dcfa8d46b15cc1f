/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The measurements the pixel-quality checks share: histograms and the
 * paper level inside the document region, a test for text-like detail,
 * and small helpers for medians. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-photo-util.h"

/* A histogram of the small grey copy inside @region (in full-resolution
 * pixels); live frames count every other row, which is plenty for a
 * histogram. Returns the number of pixels counted. */
guint32
pf_photo_histogram (const PfPhotoContext *ctx,
                    const PfDocRegion    *region,
                    guint32               hist[256])
{
  guint32 total = 0;

  memset (hist, 0, 256 * sizeof (guint32));
  for (int y = 0; y < ctx->small_height; y += ctx->options.live ? 2 : 1)
    {
      const guint8 *row = ctx->small + (gsize) y * ctx->small_width;
      int x0, x1;

      if (!pf_doc_region_row_span (region, ctx->small_scale, y, ctx->small_width, &x0, &x1))
        continue;
      for (int x = x0; x < x1; x++)
        hist[row[x]]++;
      total += x1 - x0;
    }

  return total;
}

/* The smallest level at or below which @fraction of the pixels lie. */
int
pf_histogram_percentile (const guint32 hist[256],
                         guint32       total,
                         double        fraction)
{
  guint64 want = (guint64) ceil (CLAMP (fraction, 0, 1) * total);
  guint64 sum = 0;

  for (int i = 0; i < 256; i++)
    {
      sum += hist[i];
      if (sum >= want && sum > 0)
        return i;
    }

  return 255;
}

/* The share of pixels with levels lo..hi inclusive. */
double
pf_histogram_fraction (const guint32 hist[256],
                       guint32       total,
                       int           lo,
                       int           hi)
{
  guint64 sum = 0;

  for (int i = MAX (lo, 0); i <= MIN (hi, 255); i++)
    sum += hist[i];

  return total > 0 ? (double) sum / total : 0;
}

/**
 * pf_select_float:
 * @values: (inout): @n values, reordered
 * @k: a rank, below @n
 *
 * The value of rank @k (0 the smallest) in linear time, by Hoare's
 * selection, for medians of large arrays.
 */
float
pf_select_float (float *values,
                 guint  n,
                 guint  k)
{
  guint lo = 0, hi = n - 1;

  g_return_val_if_fail (k < n, 0);

  while (lo < hi)
    {
      float pivot = values[lo + (hi - lo) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              float t = values[i];

              values[i] = values[j];
              values[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }

  return values[k];
}

int
pf_compare_floats (gconstpointer a,
                   gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return (x > y) - (x < y);
}

/* The value of rank @k (0 the smallest) among @n bytes, as sorting them
 * would give it, by counting: cheaper than a sort for the few dozen values
 * the measurements below rank, many times per frame. */
static guint8
select_byte (const guint8 *values,
             guint         n,
             guint         k)
{
  guint16 counts[256] = { 0 };
  guint seen = 0;

  g_assert (n <= G_MAXUINT16);
  for (guint i = 0; i < n; i++)
    counts[values[i]]++;
  for (int v = 0; v < 256; v++)
    {
      seen += counts[v];
      if (seen > k)
        return (guint8) v;
    }

  return 255;
}

/**
 * pf_photo_paper_level:
 *
 * The brightness of the document's paper: in each cell of a 6 × 4 grid over
 * the document, the level three quarters of its pixels stay below; then
 * the median cell. Ink, a dark portrait or a glare spot move a few cells,
 * not the median.
 */
double
pf_photo_paper_level (const PfPhotoContext *ctx,
                      const PfDocRegion    *region)
{
  enum { COLS = 6, ROWS = 4, SAMPLES = 8 };
  guint8 cells[COLS * ROWS];
  guint8 samples[SAMPLES * SAMPLES];

  for (int cy = 0; cy < ROWS; cy++)
    for (int cx = 0; cx < COLS; cx++)
      {
        for (int sy = 0; sy < SAMPLES; sy++)
          for (int sx = 0; sx < SAMPLES; sx++)
            {
              PfPoint p;
              int x, y;

              pf_doc_region_to_image (region,
                                      (cx + (sx + 0.5) / SAMPLES) / COLS,
                                      (cy + (sy + 0.5) / SAMPLES) / ROWS,
                                      &p);
              x = CLAMP ((int) (p.x * ctx->small_scale), 0, ctx->small_width - 1);
              y = CLAMP ((int) (p.y * ctx->small_scale), 0, ctx->small_height - 1);
              samples[sy * SAMPLES + sx] = ctx->small[(gsize) y * ctx->small_width + x];
            }
        cells[cy * COLS + cx] = select_byte (samples, G_N_ELEMENTS (samples),
                                             G_N_ELEMENTS (samples) * 3 / 4);
      }

  return (select_byte (cells, G_N_ELEMENTS (cells), G_N_ELEMENTS (cells) / 2 - 1)
          + select_byte (cells, G_N_ELEMENTS (cells), G_N_ELEMENTS (cells) / 2)) / 2.0;
}

/* Counts the crossings between ink (below @mid - @hysteresis) and paper
 * (above @mid + @hysteresis) along a line of @n samples @pitch bytes
 * apart. */
static int
count_crossings (const guint8 *line,
                 gssize        pitch,
                 int           n,
                 int           mid,
                 int           hysteresis)
{
  int state = 0, crossings = 0; /* state: -1 in ink, 1 on paper */

  for (int i = 0; i < n; i++)
    {
      int v = line[i * pitch];

      if (v < mid - hysteresis && state >= 0)
        {
          crossings += state > 0;
          state = -1;
        }
      else if (v > mid + hysteresis && state <= 0)
        {
          crossings += state < 0;
          state = 1;
        }
    }

  return crossings;
}

/**
 * pf_photo_text_cell:
 * @min_contrast: the least difference between ink and paper that counts
 *
 * Measures a rectangle of the full-resolution grey image (x1, y1
 * exclusive) on an even grid of at most 24 × 24 samples. Text is ink on
 * paper: a clear contrast, a minority of dark samples, and many crossings
 * between ink and paper both along the rows and down the columns (the
 * strokes of the letters). A blank or evenly tinted area has no contrast;
 * a portrait or a coloured band has contrast but few crossings, its dark
 * and light parts being large; a straight edge crosses once, one way.
 */
void
pf_photo_text_cell (const PfPhotoContext *ctx,
                    int                   x0,
                    int                   y0,
                    int                   x1,
                    int                   y1,
                    double                min_contrast,
                    PfTextCell           *cell)
{
  guint32 hist[256] = { 0 };
  guint32 total = 0, ink = 0, along = 0, down = 0;
  int step, lo, hi, mid, hysteresis, nx, ny;

  memset (cell, 0, sizeof *cell);
  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, ctx->width);
  y1 = MIN (y1, ctx->height);
  if (x1 - x0 < 2 || y1 - y0 < 2)
    return;

  step = MAX (1, MIN (x1 - x0, y1 - y0) / 24);
  nx = (x1 - x0 + step - 1) / step;
  ny = (y1 - y0 + step - 1) / step;
  for (int y = y0; y < y1; y += step)
    for (int x = x0; x < x1; x += step)
      {
        hist[ctx->grey[(gsize) y * ctx->width + x]]++;
        total++;
      }
  lo = pf_histogram_percentile (hist, total, 0.05);
  hi = pf_histogram_percentile (hist, total, 0.95);
  mid = (lo + hi) / 2;
  hysteresis = (hi - lo) / 6;
  for (int i = 0; i < mid; i++)
    ink += hist[i];

  /* The upper quartile of the lines: a cell a text height tall spends
   * some of its rows in the gap between two lines of text. */
  {
    guint8 counts[64];
    int n = 0;

    for (int y = y0; y < y1 && n < 64; y += step)
      counts[n++] = MIN (255, count_crossings (ctx->grey + (gsize) y * ctx->width + x0, step, nx,
                                               mid, hysteresis));
    along = select_byte (counts, n, n * 3 / 4);
    n = 0;
    for (int x = x0; x < x1 && n < 64; x += step)
      counts[n++] = MIN (255, count_crossings (ctx->grey + (gsize) y0 * ctx->width + x,
                                               (gssize) step * ctx->width, ny, mid, hysteresis));
    down = select_byte (counts, n, n * 3 / 4);
  }

  cell->contrast = hi - lo;
  cell->paper = hi;
  cell->ink_fraction = (double) ink / total;
  cell->crossings_along = along;
  cell->crossings_down = down;
  cell->is_text = cell->contrast >= min_contrast
                  && cell->ink_fraction >= 0.04 && cell->ink_fraction <= 0.6
                  && along + down >= 3 && MIN (along, down) >= 1;
}
