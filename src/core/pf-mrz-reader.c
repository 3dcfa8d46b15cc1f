/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the machine-readable zone of a document photo. The MRZ is two
 * or three long lines of evenly spaced OCR-B characters near the bottom of
 * the document, so we look for exactly that: dark blobs of character size
 * (pf-mrz-find.c) that chain into long, parallel lines of equal extent.
 * Each line is then cut out along its own direction, its glyph size,
 * baseline and character pitch are measured, every cell is scored against
 * the OCR-B references (pf-mrz-classify.c), and the text is chosen with
 * the check digits' help (pf-mrz-decode.c). */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-mrz-find.h"
#include "pf-mrz-glyphs.h"
#include "pf-mrz-reader-private.h"

/* Below this mean correlation, a line is not OCR-B text or was not cut
 * into characters right. */
#define MIN_LINE_SCORE 0.75

/* The height of capitals and digits in font units, as the row profile of
 * a mixed line measures it. */
#define TYPICAL_HEIGHT 740.0

struct _PfMrzReading
{
  gatomicrefcount ref_count;
  PfMrz          *mrz;
  guint           n_lines;
  guint           line_length;
  char            lines[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS + 1];
  double          confidences[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS];
  gboolean        corrected;
  PfPoint         band[4];
  double          char_height;
};

G_DEFINE_BOXED_TYPE (PfMrzReading, pf_mrz_reading, pf_mrz_reading_ref, pf_mrz_reading_unref)

/* A line measured in its strip, and how to map strip pixels back into
 * the image. */
typedef struct
{
  PfMrzStrip strip;
  PfMrzGrid  grid;
  double     origin_x;
  double     origin_y;
  double     cos_a;
  double     sin_a;
  double     height;
  double     score;
} Line;

static void
line_clear (Line *line)
{
  if (line->strip.ink != NULL)
    pf_secure_zero (line->strip.ink, sizeof (float) * line->strip.width * line->strip.height);
  g_clear_pointer (&line->strip.ink, g_free);
}

static void
strip_to_image (const Line *line,
                double      u,
                double      v,
                PfPoint    *point)
{
  point->x = line->origin_x + u * line->cos_a - v * line->sin_a;
  point->y = line->origin_y + u * line->sin_a + v * line->cos_a;
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
  return (p[0] * (1 - fx) + p[1] * fx) * (1 - fy) + (p[stride] * (1 - fx) + p[stride + 1] * fx) * fy;
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

/* Fits a straight line to the cells' horizontal or vertical shifts, over
 * the cells that matched well.
 * Returns FALSE when too few did. */
static gboolean
fit_drift (const PfMrzScores scores,
           const PfMrzShift *shifts,
           gboolean          vertical,
           guint             n_cells,
           double           *at_start,
           double           *per_cell)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      float best = -1, v = vertical ? shifts[i].dy : shifts[i].dx;

      for (int c = 0; c < PF_MRZ_N_CLASSES; c++)
        best = MAX (best, scores[i][c]);
      if (best < 0.5)
        continue;
      sx += i;
      sy += v;
      sxx += (double) i * i;
      sxy += i * v;
      n++;
    }
  if (n < n_cells / 3.0 || n * sxx - sx * sx <= 0)
    return FALSE;

  *per_cell = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  *at_start = (sy - *per_cell * sx) / n;
  return TRUE;
}

/* Refines the grid from where each cell's best match sat: a steady drift
 * means the pitch or the baseline's slant was a little off. */
static void
refine_grid (PfMrzGrid        *grid,
             const PfMrzScores scores,
             const PfMrzShift *shifts,
             guint             n_cells)
{
  double a, b;

  if (fit_drift (scores, shifts, FALSE, n_cells, &a, &b))
    {
      grid->x0 += a;
      grid->pitch += b;
    }
  if (fit_drift (scores, shifts, TRUE, n_cells, &a, &b))
    {
      grid->baseline += a;
      grid->tilt += b;
    }
}

/* Cuts a line out of the image along its baseline, and measures its
 * baseline, a first glyph size and its pitch. */
static gboolean
cut_line (const guint8         *grey,
          int                   width,
          int                   height,
          gsize                 stride,
          const PfMrzFoundLine *found,
          guint                 n_cells,
          Line                 *line)
{
  double h = found->height;
  double length = hypot (found->x1 - found->x0, found->y1 - found->y0);
  double margin = 1.0 * h, above = 1.6 * h, below = 1.3 * h;
  double top, bottom;

  if (length < 4 * h || h < 4)
    return FALSE;

  line->cos_a = (found->x1 - found->x0) / length;
  line->sin_a = (found->y1 - found->y0) / length;
  line->origin_x = found->x0 - margin * line->cos_a + above * line->sin_a;
  line->origin_y = found->y0 - margin * line->sin_a - above * line->cos_a;
  line->strip.width = (int) ceil (length + 2 * margin);
  line->strip.height = (int) ceil (above + below);
  line->strip.ink = g_new (float, (gsize) line->strip.width * line->strip.height);

  for (int v = 0; v < line->strip.height; v++)
    for (int u = 0; u < line->strip.width; u++)
      {
        PfPoint p;

        strip_to_image (line, u, v, &p);
        line->strip.ink[(gsize) v * line->strip.width + u] =
          grey_at (grey, width, height, stride, p.x, p.y);
      }
  normalise_ink (&line->strip, 2.5 * h);

  measure_rows (&line->strip, margin, margin + length, above, h, &top, &bottom);
  /* The blobs' height is a cruder measure, but one noise does not
   * inflate: trust the profile only when they agree. */
  if (bottom - top > 1.3 * h || bottom - top < 0.7 * h)
    {
      bottom = above + h / 2;
      top = bottom - h;
    }

  line->height = bottom - top;
  line->grid.baseline = bottom;
  line->grid.scale = line->height / TYPICAL_HEIGHT;
  line->grid.tilt = 0;
  line->grid.blur = 0;
  fit_pitch (&line->strip, top, bottom, margin, margin + length, n_cells, &line->grid);
  return TRUE;
}

/* The mean score of a sample of cells of every line, with the glyphs
 * drawn at @scale and blurred as references @blur. */
static double
score_size (Line        *lines,
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
static void
settle_size (Line        *lines,
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
        if (k != 0 &&
            (score = score_size (lines, n_lines, n_cells, scores, centre * (1 + 0.06 * k), blur)) > best)
          {
            best = score;
            scale = centre * (1 + 0.06 * k);
          }
    }

  /* Capitals and digits differ by 7% in height in OCR-B (O and 0): the
   * size must be found closer than the first search steps. */
  for (double step = 0.03; step > 0.01; step /= 2)
    {
      double centre = scale;

      for (int k = -1; k <= 1; k += 2)
        if ((score = score_size (lines, n_lines, n_cells, scores, centre * (1 + k * step), blur)) > best)
          {
            best = score;
            scale = centre * (1 + k * step);
          }
    }

  for (guint l = 0; l < n_lines; l++)
    {
      lines[l].grid.scale = scale;
      lines[l].grid.blur = blur;
    }
}

/* Settles a line's baseline, then classifies its cells, fits the grid to
 * where they matched best, and classifies again on the settled grid. */
static void
settle_line (Line        *line,
             guint        n_cells,
             PfMrzScores  scores)
{
  PfMrzShift shifts[PF_MRZ_MAX_CHARS];
  double best = pf_mrz_classify_line (&line->strip, &line->grid, n_cells, 4, TRUE, scores, NULL);

  for (double step = 0.06; step > 0.02; step /= 2)
    {
      double centre = line->grid.baseline;

      for (int k = -1; k <= 1; k += 2)
        {
          PfMrzGrid trial = line->grid;
          double score;

          trial.baseline = centre + k * step * line->height;
          score = pf_mrz_classify_line (&line->strip, &trial, n_cells, 4, TRUE, scores, NULL);
          if (score > best)
            {
              best = score;
              line->grid = trial;
            }
        }
    }

  pf_mrz_classify_line (&line->strip, &line->grid, n_cells, 1, TRUE, scores, shifts);
  refine_grid (&line->grid, scores, shifts, n_cells);
  line->score = pf_mrz_classify_line (&line->strip, &line->grid, n_cells, 1, FALSE, scores, NULL);
}

static PfMrzLayout
choose_layout (guint              n_lines,
               guint              n_cells,
               const PfMrzScores *scores)
{
  int best = -1;

  if (n_lines == 3)
    return PF_MRZ_LAYOUT_TD1;

  /* Visas are told by their document code: a letter V. */
  for (int c = 10; c < 36; c++)
    if (best < 0 || scores[0][0][c] > scores[0][0][best])
      best = c;
  if (pf_mrz_classes[best] == 'V')
    return n_cells == 44 ? PF_MRZ_LAYOUT_MRV_A : PF_MRZ_LAYOUT_MRV_B;
  return n_cells == 44 ? PF_MRZ_LAYOUT_TD3 : PF_MRZ_LAYOUT_TD2;
}

/* Reads a group of lines found in the image. Returns NULL when they do
 * not look like OCR-B. */
static PfMrzReading *
read_group (const guint8           *grey,
            int                     width,
            int                     height,
            gsize                   stride,
            const PfMrzFoundGroup  *group,
            const PfMrzReadOptions *options,
            double                 *score)
{
  Line lines[PF_MRZ_MAX_LINES] = { { { 0 } } };
  g_autofree PfMrzScores *scores = g_new0 (PfMrzScores, PF_MRZ_MAX_LINES);
  g_autoptr(GString) text = g_string_new (NULL);
  PfMrzDecoded decoded;
  PfMrzReading *reading = NULL;
  PfMrzLayout layout;
  const PfMrzLayoutSpec *spec;
  double total = 0, worst = 1, height_sum = 0;
  PfPoint p;

  *score = -1;
  for (guint l = 0; l < group->n_lines; l++)
    if (!cut_line (grey, width, height, stride, &group->lines[l], group->n_cells, &lines[l]))
      goto out;
  settle_size (lines, group->n_lines, group->n_cells, scores);
  for (guint l = 0; l < group->n_lines; l++)
    {
      settle_line (&lines[l], group->n_cells, scores[l]);
      total += lines[l].score;
      worst = MIN (worst, lines[l].score);
      height_sum += lines[l].grid.scale;
    }
  *score = total / group->n_lines;
  if (worst < MIN_LINE_SCORE)
    goto out;

  layout = choose_layout (group->n_lines, group->n_cells, scores);
  spec = pf_mrz_layout_get_spec (layout);
  pf_mrz_decode (layout, scores, &decoded);

  reading = g_new0 (PfMrzReading, 1);
  g_atomic_ref_count_init (&reading->ref_count);
  reading->n_lines = spec->n_lines;
  reading->line_length = spec->line_length;
  memcpy (reading->lines, decoded.lines, sizeof reading->lines);
  memcpy (reading->confidences, decoded.confidences, sizeof reading->confidences);
  reading->corrected = decoded.corrected;
  reading->char_height = height_sum / group->n_lines * 720.0;

  for (guint l = 0; l < spec->n_lines; l++)
    {
      if (l > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, decoded.lines[l]);
    }
  reading->mrz = pf_mrz_parse (text->str, g_date_valid (&options->today) ? &options->today : NULL,
                               NULL);
  g_assert (reading->mrz != NULL);

  /* The band: from the top of the first line's cells to just under the
   * last line's baseline. */
  {
    const Line *first = &lines[0], *last = &lines[group->n_lines - 1];
    double half = first->grid.pitch / 2;
    double rise = 900 * first->grid.scale, drop = 200 * last->grid.scale;
    double end_first = first->grid.x0 + (group->n_cells - 1) * first->grid.pitch + half;
    double end_last = last->grid.x0 + (group->n_cells - 1) * last->grid.pitch + half;

    strip_to_image (first, first->grid.x0 - half, first->grid.baseline - rise, &p);
    reading->band[0] = p;
    strip_to_image (first, end_first, first->grid.baseline - rise, &p);
    reading->band[1] = p;
    strip_to_image (last, end_last, last->grid.baseline + drop, &p);
    reading->band[2] = p;
    strip_to_image (last, last->grid.x0 - half, last->grid.baseline + drop, &p);
    reading->band[3] = p;
  }

  pf_secure_zero (&decoded, sizeof decoded);
  pf_secure_zero (text->str, text->len);

out:
  for (guint l = 0; l < PF_MRZ_MAX_LINES; l++)
    line_clear (&lines[l]);
  pf_secure_zero (scores, sizeof (PfMrzScores) * PF_MRZ_MAX_LINES);
  return reading;
}

/**
 * pf_mrz_read_grey:
 * @grey: 8-bit grey pixels, @stride bytes a row
 * @options: (nullable): how to read; %NULL for the defaults
 *
 * Finds and reads the machine-readable zone in a photo of a document,
 * best rectified (upright and filling the image), though a slight tilt and
 * surroundings are fine.
 *
 * Returns: (transfer full): the reading, or %NULL with @error set when no
 *   MRZ was found
 */
PfMrzReading *
pf_mrz_read_grey (const guint8           *grey,
                  int                     width,
                  int                     height,
                  gsize                   stride,
                  const PfMrzReadOptions *options,
                  GError                **error)
{
  static const PfMrzReadOptions defaults = { 0 };
  PfMrzReading *best = NULL;
  double best_score = -2;
  int rx = 0, ry = 0, rw = width, rh = height;

  g_return_val_if_fail (grey != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && stride >= (gsize) width, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if (options->region.width > 0 && options->region.height > 0)
    {
      rx = CLAMP ((int) floor (options->region.x), 0, width);
      ry = CLAMP ((int) floor (options->region.y), 0, height);
      rw = CLAMP ((int) ceil (options->region.x + options->region.width), 0, width) - rx;
      rh = CLAMP ((int) ceil (options->region.y + options->region.height), 0, height) - ry;
    }

  if (rw < 60 || rh < 16)
    {
      g_set_error_literal (error, PF_MRZ_ERROR, PF_MRZ_ERROR_IMAGE,
                           _("The image is too small to hold a readable machine-readable zone."));
      return NULL;
    }

  /* Finding works on a reduced image, about 1000 pixels across; when that
   * finds nothing (small print in a large photo), on more detail. */
  for (int factor = MAX (1, (int) lround (MAX (rw, rh) / 1000.0)); best == NULL; factor /= 2)
    {
      g_autoptr(GPtrArray) groups = pf_mrz_find_groups (grey + (gsize) ry * stride + rx, rw, rh,
                                                        stride, options->format, factor);

      for (guint i = 0; i < groups->len; i++)
        {
          PfMrzFoundGroup *group = g_ptr_array_index (groups, i);
          PfMrzReading *reading;
          double score;

          reading = read_group (grey + (gsize) ry * stride + rx, rw, rh, stride, group, options,
                                &score);
          if (reading != NULL && score > best_score)
            {
              g_clear_pointer (&best, pf_mrz_reading_unref);
              best = reading;
              best_score = score;
            }
          else if (reading != NULL)
            pf_mrz_reading_unref (reading);

          /* The lowest group that reads well is the MRZ. */
          if (best != NULL && pf_mrz_reading_get_valid (best))
            break;
        }

      if (factor == 1)
        break;
    }

  if (best == NULL)
    {
      g_set_error_literal (error, PF_MRZ_ERROR, PF_MRZ_ERROR_NOT_FOUND,
                           _("No machine-readable zone was found. The two or three lines of "
                             "characters at the bottom of the document must be sharp and "
                             "wholly in the photo."));
      return NULL;
    }

  for (guint k = 0; k < 4; k++)
    {
      best->band[k].x += rx;
      best->band[k].y += ry;
    }
  return best;
}

/**
 * pf_mrz_read:
 *
 * Like pf_mrz_read_grey(), on the grey view of @image.
 */
PfMrzReading *
pf_mrz_read (PfImage                *image,
             const PfMrzReadOptions *options,
             GError                **error)
{
  g_return_val_if_fail (image != NULL, NULL);

  return pf_mrz_read_grey (pf_image_get_grey (image), pf_image_get_width (image),
                           pf_image_get_height (image), pf_image_get_width (image), options,
                           error);
}

PfMrzReading *
pf_mrz_reading_ref (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_mrz_reading_unref (PfMrzReading *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->mrz, pf_mrz_unref);
  pf_secure_zero (self, sizeof *self);
  g_free (self);
}

/**
 * pf_mrz_reading_get_mrz:
 *
 * The text read, parsed. Its check digits and problems say whether the
 * reading can be trusted; see pf_mrz_reading_get_valid().
 *
 * Returns: (transfer none): the parsed zone
 */
PfMrz *
pf_mrz_reading_get_mrz (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mrz;
}

guint
pf_mrz_reading_get_n_lines (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_lines;
}

const char *
pf_mrz_reading_get_line (PfMrzReading *self,
                         guint         line)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (line < self->n_lines, NULL);
  return self->lines[line];
}

/**
 * pf_mrz_reading_get_confidences:
 *
 * How sure the reader is of each character of @line, 0 to 1: the share
 * of the character among those its position may hold, by how well each
 * matched.
 *
 * Returns: (array) (transfer none): one value a character
 */
const double *
pf_mrz_reading_get_confidences (PfMrzReading *self,
                                guint         line)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (line < self->n_lines, NULL);
  return self->confidences[line];
}

/**
 * pf_mrz_reading_get_field_confidence:
 *
 * Returns: the lowest confidence of the field's characters, or 0 when the
 *   layout has no such field
 */
double
pf_mrz_reading_get_field_confidence (PfMrzReading *self,
                                     PfMrzField    field)
{
  guint line, start, length;
  double lowest = 1;

  g_return_val_if_fail (self != NULL, 0);

  if (!pf_mrz_get_field_span (self->mrz, field, &line, &start, &length))
    return 0;
  for (guint i = start; i < start + length; i++)
    lowest = MIN (lowest, self->confidences[line][i]);
  return lowest;
}

/**
 * pf_mrz_reading_get_valid:
 *
 * Returns: %TRUE when every check digit of the text read passed and its
 *   fields hold what they may (pf_mrz_is_valid())
 */
gboolean
pf_mrz_reading_get_valid (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return pf_mrz_is_valid (self->mrz);
}

/**
 * pf_mrz_reading_get_corrected:
 *
 * Returns: %TRUE when the check digits made the reader change a character
 *   from what it looked most like: the photo was hard to read there
 */
gboolean
pf_mrz_reading_get_corrected (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->corrected;
}

/**
 * pf_mrz_reading_get_band:
 * @corners: (out caller-allocates): top left, top right, bottom right and
 *   bottom left of the MRZ, in image pixels
 */
void
pf_mrz_reading_get_band (PfMrzReading *self,
                         PfPoint       corners[4])
{
  g_return_if_fail (self != NULL);
  memcpy (corners, self->band, sizeof self->band);
}

/**
 * pf_mrz_reading_get_char_height:
 *
 * Returns: the height of the MRZ's capitals, in image pixels
 */
double
pf_mrz_reading_get_char_height (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->char_height;
}
