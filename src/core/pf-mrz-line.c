/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One line of an MRZ, measured: cut out of the image along its own
 * direction, its ink separated from the paper, its baseline, glyph size,
 * blur and character pitch found, then its cells classified. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-image.h"
#include "pf-mrz-glyphs.h"
#include "pf-mrz-reader-private.h"

/* The height of capitals and digits in font units, as the row profile of
 * a mixed line measures it. */
#define TYPICAL_HEIGHT 740.0

void
pf_mrz_line_clear (PfMrzLine *self)
{
  if (self->strip.ink != NULL)
    pf_secure_zero (self->strip.ink, sizeof (float) * self->strip.width * self->strip.height);
  g_clear_pointer (&self->strip.ink, g_free);
}

void
pf_mrz_line_to_image (const PfMrzLine *self,
                      double           u,
                      double           v,
                      PfPoint         *point)
{
  point->x = self->origin_x + u * self->cos_a - v * self->sin_a;
  point->y = self->origin_y + u * self->sin_a + v * self->cos_a;
}

static inline double
grey_at (const guint8 *grey,
         int           width,
         int           height,
         gsize         stride,
         double        x,
         double        y)
{
  int x0, y0;
  double fx, fy;
  const guint8 *p;

  x = CLAMP (x, 0, width - 1.001);
  y = CLAMP (y, 0, height - 1.001);
  x0 = (int) x;
  y0 = (int) y;
  fx = x - x0;
  fy = y - y0;
  p = grey + (gsize) y0 * stride + x0;
  if (width == 1 || height == 1)
    return p[0];
  return (p[0] * (1 - fx) + p[1] * fx) * (1 - fy) +
         (p[stride] * (1 - fx) + p[stride + 1] * fx) * fy;
}

/* The grey level below which @fraction of @n values lie, from their
 * histogram. */
static float
percentile (const guint *histogram,
            gsize        n,
            double       fraction)
{
  gsize target = (gsize) (n * fraction), seen = 0;

  for (int v = 0; v < 256; v++)
    {
      seen += histogram[v];
      if (seen > target)
        return v;
    }
  return 255;
}

/* Turns the strip's grey levels into ink, 0 for paper to 1 for the
 * darkest print, against the paper's brightness measured block by block
 * along the line, so that uneven light does not matter. */
static void
normalise_ink (PfMrzStrip *strip,
               double      block_width)
{
  int n_blocks = MAX (1, (int) (strip->width / block_width));
  g_autofree float *paper = g_new (float, n_blocks);
  guint histogram[256] = { 0 };
  float ink_level;

  for (gsize k = 0; k < (gsize) strip->width * strip->height; k++)
    histogram[CLAMP ((int) strip->ink[k], 0, 255)]++;
  ink_level = percentile (histogram, (gsize) strip->width * strip->height, 0.02);

  for (int b = 0; b < n_blocks; b++)
    {
      int x0 = b * strip->width / n_blocks, x1 = (b + 1) * strip->width / n_blocks;

      memset (histogram, 0, sizeof histogram);
      for (int y = 0; y < strip->height; y++)
        for (int x = x0; x < x1; x++)
          histogram[CLAMP ((int) strip->ink[(gsize) y * strip->width + x], 0, 255)]++;
      paper[b] = percentile (histogram, (gsize) (x1 - x0) * strip->height, 0.85);
    }

  for (int x = 0; x < strip->width; x++)
    {
      double pos = (x + 0.5) * n_blocks / strip->width - 0.5;
      int b = CLAMP ((int) floor (pos), 0, n_blocks - 1);
      int b1 = MIN (b + 1, n_blocks - 1);
      double t = CLAMP (pos - b, 0, 1);
      double bright = paper[b] * (1 - t) + paper[b1] * t;
      double range = MAX (bright - ink_level, 8.0);

      for (int y = 0; y < strip->height; y++)
        {
          float *v = &strip->ink[(gsize) y * strip->width + x];

          *v = CLAMP ((bright - *v) / range, 0, 1);
        }
    }

  pf_secure_zero (histogram, sizeof histogram);
}

/* Where the line's ink starts and ends, going up and down from its
 * densest row: the rows where the profile falls below a fraction of its
 * peak. */
static void
measure_rows (const PfMrzStrip *strip,
              double            u0,
              double            u1,
              double            middle,
              double            height,
              double           *top,
              double           *bottom)
{
  g_autofree double *profile = g_new0 (double, strip->height);
  double peak = 0, threshold, floor_level = G_MAXDOUBLE;
  int peak_row = 0, y;

  for (y = 0; y < strip->height; y++)
    {
      for (int x = MAX (0, (int) u0); x < MIN (strip->width, (int) u1); x++)
        profile[y] += strip->ink[(gsize) y * strip->width + x];
      /* The densest row of this line, not of a neighbouring one. */
      if (profile[y] > peak && fabs (y - middle) < 0.4 * height)
        {
          peak = profile[y];
          peak_row = y;
        }
    }

  /* Noise puts some "ink" in every row: measure above the emptiest
   * row's level. */
  for (y = 0; y < strip->height; y++)
    floor_level = MIN (floor_level, profile[y]);
  threshold = floor_level + 0.3 * (peak - floor_level);
  for (y = peak_row; y + 1 < strip->height && profile[y + 1] >= threshold; y++)
    ;
  *bottom = y + 1 < strip->height
              ? y + 0.5 + (profile[y] - threshold) / MAX (profile[y] - profile[y + 1], 1e-6)
              : strip->height;
  for (y = peak_row; y > 0 && profile[y - 1] >= threshold; y--)
    ;
  *top = y > 0 ? y - 0.5 - (profile[y] - threshold) / MAX (profile[y] - profile[y - 1], 1e-6) + 1
               : 0;
}

/* The mean of @sums' underlying profile over [a, b), from its prefix
 * sums, interpolated between pixels. */
static double
window_mean (const double *sums,
             int           n,
             double        a,
             double        b)
{
  double sa, sb;

  a = CLAMP (a, 0, n);
  b = CLAMP (b, 0, n);
  if (b - a < 1e-6)
    return 0;
  sa = sums[(int) a] + (a - (int) a) * (sums[MIN ((int) a + 1, n)] - sums[(int) a]);
  sb = sums[(int) b] + (b - (int) b) * (sums[MIN ((int) b + 1, n)] - sums[(int) b]);
  return (sb - sa) / (b - a);
}

/* Fits the cell grid to the column profile: ink near each cell's centre,
 * none between cells. */
static void
fit_pitch (const PfMrzStrip *strip,
           double            top,
           double            bottom,
           double            first,
           double            last,
           guint             n_cells,
           PfMrzGrid        *grid)
{
  g_autofree double *sums = g_new0 (double, strip->width + 1);
  double advance = PF_MRZ_GLYPH_ADVANCE * grid->scale;
  double pitch0 = MAX ((last - first - 0.62 * advance) / (n_cells - 1), 1.0);
  double best = -G_MAXDOUBLE;
  double x_start = first + 0.31 * advance;
  double x_step = MAX (0.25, pitch0 / 60);

  for (int x = 0; x < strip->width; x++)
    {
      double column = 0;

      for (int y = MAX (0, (int) top); y < MIN (strip->height, (int) ceil (bottom)); y++)
        column += strip->ink[(gsize) y * strip->width + x];
      sums[x + 1] = sums[x] + column;
    }

  for (double f = 0.96; f <= 1.04 + 1e-9; f += 0.0025)
    {
      double pitch = pitch0 * f;

      for (double x0 = x_start - 1.2 * pitch; x0 <= x_start + 1.2 * pitch; x0 += x_step)
        {
          double score = 0;

          for (guint i = 0; i < n_cells; i++)
            {
              double c = x0 + i * pitch;

              score += window_mean (sums, strip->width, c - 0.22 * advance, c + 0.22 * advance);
              score -= window_mean (sums, strip->width, c - pitch / 2 - 0.08 * advance,
                                    c - pitch / 2 + 0.08 * advance);
            }
          score -= window_mean (sums, strip->width, x0 + (n_cells - 0.5) * pitch - 0.08 * advance,
                                x0 + (n_cells - 0.5) * pitch + 0.08 * advance);
          if (score > best)
            {
              best = score;
              grid->x0 = x0;
              grid->pitch = pitch;
            }
        }
    }
}

/* Fits the cells' horizontal or vertical shifts, over the cells that
 * matched well, with @n_terms of: a constant, a steady drift, and a drift
 * that grows along the line (i (i - n + 1), zero at both ends). Returns
 * FALSE when too few cells matched well. */
static gboolean
fit_drift (const PfMrzScores scores,
           const PfMrzShift *shifts,
           gboolean          vertical,
           guint             n_cells,
           int               n_terms,
           double            terms[3])
{
  double m[3][4] = { { 0 } };
  guint n = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      float best = -1;
      double basis[3] = { 1, i, (double) i * ((double) i - n_cells + 1) };
      double v = vertical ? shifts[i].dy : shifts[i].dx;

      for (int c = 0; c < PF_MRZ_N_CLASSES; c++)
        best = MAX (best, scores[i][c]);
      if (best < 0.5)
        continue;
      for (int r = 0; r < n_terms; r++)
        {
          for (int k = 0; k < n_terms; k++)
            m[r][k] += basis[r] * basis[k];
          m[r][3] += basis[r] * v;
        }
      n++;
    }
  if (n < n_cells / 3.0)
    return FALSE;

  /* Gaussian elimination on the normal equations. */
  for (int r = 0; r < n_terms; r++)
    {
      if (fabs (m[r][r]) < 1e-9)
        return FALSE;
      for (int k = r + 1; k < n_terms; k++)
        {
          double f = m[k][r] / m[r][r];

          for (int c = r; c < n_terms; c++)
            m[k][c] -= f * m[r][c];
          m[k][3] -= f * m[r][3];
        }
    }
  for (int r = n_terms - 1; r >= 0; r--)
    {
      double v = m[r][3];

      for (int k = r + 1; k < n_terms; k++)
        v -= m[r][k] * terms[k];
      terms[r] = v / m[r][r];
    }
  return TRUE;
}

/* Refines the grid from where each cell's best match sat: a steady drift
 * means the pitch or the baseline's slant was a little off; a drift that
 * grows along the line, a pitch that changes, as in a photo taken at an
 * angle. */
static void
refine_grid (PfMrzGrid        *grid,
             const PfMrzScores scores,
             const PfMrzShift *shifts,
             guint             n_cells)
{
  double terms[3] = { 0, 0, 0 };

  if (fit_drift (scores, shifts, FALSE, n_cells, 3, terms))
    {
      grid->x0 += terms[0];
      grid->pitch += terms[1];
      grid->curve += terms[2];
    }
  if (fit_drift (scores, shifts, TRUE, n_cells, 2, terms))
    {
      grid->baseline += terms[0];
      grid->tilt += terms[1];
    }
}

/* Cuts a line out of the image along its baseline, and measures its
 * baseline, a first glyph size and its pitch. */
gboolean
pf_mrz_line_cut (PfMrzLine            *self,
                 const guint8         *grey,
                 int                   width,
                 int                   height,
                 gsize                 stride,
                 const PfMrzFoundLine *found,
                 guint                 n_cells)
{
  double h = found->height;
  double length = hypot (found->x1 - found->x0, found->y1 - found->y0);
  double margin = 1.0 * h, above = 1.6 * h, below = 1.3 * h;
  double top, bottom;

  if (length < 4 * h || h < 4)
    return FALSE;

  self->cos_a = (found->x1 - found->x0) / length;
  self->sin_a = (found->y1 - found->y0) / length;
  self->origin_x = found->x0 - margin * self->cos_a + above * self->sin_a;
  self->origin_y = found->y0 - margin * self->sin_a - above * self->cos_a;
  self->strip.width = (int) ceil (length + 2 * margin);
  self->strip.height = (int) ceil (above + below);
  self->strip.ink = g_new (float, (gsize) self->strip.width * self->strip.height);

  for (int v = 0; v < self->strip.height; v++)
    for (int u = 0; u < self->strip.width; u++)
      {
        PfPoint p;

        pf_mrz_line_to_image (self, u, v, &p);
        self->strip.ink[(gsize) v * self->strip.width + u] =
          grey_at (grey, width, height, stride, p.x, p.y);
      }
  normalise_ink (&self->strip, 2.5 * h);

  measure_rows (&self->strip, margin, margin + length, above, h, &top, &bottom);
  /* The blobs' height is a cruder measure, but one noise does not
   * inflate: trust the profile only when they agree. */
  if (bottom - top > 1.3 * h || bottom - top < 0.7 * h)
    {
      bottom = above + h / 2;
      top = bottom - h;
    }

  self->height = bottom - top;
  self->grid.baseline = bottom;
  self->grid.scale = self->height / TYPICAL_HEIGHT;
  self->grid.tilt = 0;
  self->grid.curve = 0;
  self->grid.blur = 0;
  fit_pitch (&self->strip, top, bottom, margin, margin + length, n_cells, &self->grid);
  return TRUE;
}

/* The mean score of a sample of cells of every line, with the glyphs
 * drawn at @scale and blurred as references @blur. */
static double
score_size (PfMrzLine   *lines,
            guint        n_lines,
            guint        n_cells,
            PfMrzScores *scores,
            double       scale,
            int          blur)
{
  double total = 0;

  for (guint l = 0; l < n_lines; l++)
    {
      PfMrzGrid trial = lines[l].grid;

      trial.scale = scale;
      trial.blur = blur;
      total += pf_mrz_classify_line (&lines[l].strip, &trial, n_cells, 4, TRUE, scores[l], NULL);
    }
  return total / n_lines;
}

/* The glyph size and blur are the same on every line of an MRZ, and the
 * profile measures the size only roughly: search them on a sample of
 * cells of all lines together. A smaller glyph more blurred looks much
 * like a larger one: deciding on all lines at once keeps one line from
 * going astray. */
void
pf_mrz_lines_settle_size (PfMrzLine   *lines,
                          guint        n_lines,
                          guint        n_cells,
                          PfMrzScores *scores)
{
  double scale = 0, best = -2, score;
  int blur = 0;

  for (guint l = 0; l < n_lines; l++)
    scale += lines[l].grid.scale / n_lines;

  for (int pass = 0; pass < 2; pass++)
    {
      double centre = scale;

      for (int b = 0; b < PF_MRZ_GLYPH_N_BLURS; b++)
        if ((score = score_size (lines, n_lines, n_cells, scores, scale, b)) > best)
          {
            best = score;
            blur = b;
          }
      if (pass == 1)
        break;
      for (int k = -2; k <= 2; k++)
        {
          double trial = centre * (1 + 0.06 * k);

          if (k != 0 && (score = score_size (lines, n_lines, n_cells, scores, trial, blur)) > best)
            {
              best = score;
              scale = trial;
            }
        }
    }

  /* Capitals and digits differ by 7% in height in OCR-B (O and 0): the
   * size must be found closer than the first search steps. */
  for (double step = 0.03; step > 0.01; step /= 2)
    {
      double centre = scale;

      for (int k = -1; k <= 1; k += 2)
        {
          double trial = centre * (1 + k * step);

          if ((score = score_size (lines, n_lines, n_cells, scores, trial, blur)) > best)
            {
              best = score;
              scale = trial;
            }
        }
    }

  for (guint l = 0; l < n_lines; l++)
    {
      lines[l].grid.scale = scale;
      lines[l].grid.blur = blur;
    }
}

static float
best_score (const float *scores)
{
  float best = -1;

  for (int c = 0; c < PF_MRZ_N_CLASSES; c++)
    best = MAX (best, scores[c]);
  return best;
}

/* The grid may have started a cell early or late, when a mark beside the
 * MRZ made its line look longer. Then the cell just past one end holds a
 * character and the cell at the other end does not: move the grid along
 * by a cell. Returns whether it moved. */
static gboolean
shift_by_a_cell (PfMrzLine   *self,
                 guint        n_cells,
                 PfMrzScores  scores)
{
  PfMrzScores *outside = g_new (PfMrzScores, 1);
  PfMrzGrid before = self->grid, after = self->grid;
  float score_before, score_after;
  gboolean moved = FALSE;

  before.x0 -= self->grid.pitch;
  after.x0 += n_cells * (self->grid.pitch + self->grid.curve);
  pf_mrz_classify_line (&self->strip, &before, 1, 1, FALSE, *outside, NULL);
  score_before = best_score ((*outside)[0]);
  pf_mrz_classify_line (&self->strip, &after, 1, 1, FALSE, *outside, NULL);
  score_after = best_score ((*outside)[0]);

  if (score_after > 0.8 && score_after > best_score (scores[0]) + 0.1)
    {
      self->grid.x0 += self->grid.pitch;
      moved = TRUE;
    }
  else if (score_before > 0.8 && score_before > best_score (scores[n_cells - 1]) + 0.1)
    {
      self->grid.x0 -= self->grid.pitch;
      moved = TRUE;
    }

  pf_secure_zero (outside, sizeof *outside);
  g_free (outside);
  return moved;
}

/* Settles a line's baseline, then classifies its cells, fits the grid to
 * where they matched best, and classifies again on the settled grid. */
void
pf_mrz_line_settle (PfMrzLine   *self,
                    guint        n_cells,
                    PfMrzScores  scores)
{
  PfMrzShift shifts[PF_MRZ_MAX_CHARS];
  double best = pf_mrz_classify_line (&self->strip, &self->grid, n_cells, 4, TRUE, scores, NULL);

  for (double step = 0.06; step > 0.02; step /= 2)
    {
      double centre = self->grid.baseline;

      for (int k = -1; k <= 1; k += 2)
        {
          PfMrzGrid trial = self->grid;
          double score;

          trial.baseline = centre + k * step * self->height;
          score = pf_mrz_classify_line (&self->strip, &trial, n_cells, 4, TRUE, scores, NULL);
          if (score > best)
            {
              best = score;
              self->grid = trial;
            }
        }
    }

  pf_mrz_classify_line (&self->strip, &self->grid, n_cells, 1, TRUE, scores, shifts);
  refine_grid (&self->grid, scores, shifts, n_cells);

  /* A pitch that changes along the line (a photo at an angle) is only
   * partly seen in one round: the shifts tried are small. */
  if (fabs (self->grid.curve) * n_cells * n_cells / 4 > 0.1 * self->grid.pitch)
    {
      pf_mrz_classify_line (&self->strip, &self->grid, n_cells, 1, TRUE, scores, shifts);
      refine_grid (&self->grid, scores, shifts, n_cells);
    }
  self->score = pf_mrz_classify_line (&self->strip, &self->grid, n_cells, 1, FALSE, scores, NULL);

  if (shift_by_a_cell (self, n_cells, scores))
    self->score = pf_mrz_classify_line (&self->strip, &self->grid, n_cells, 1, FALSE, scores,
                                        NULL);
}

