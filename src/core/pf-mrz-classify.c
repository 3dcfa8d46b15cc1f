/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scoring MRZ character cells against the OCR-B references: each cell is
 * resampled into the references' geometry (one font advance wide, the
 * baseline on a fixed row) and compared by normalised cross-correlation,
 * which ignores contrast and brightness. Small shifts are tried, because
 * print and the grid fit are never exact, and variants of weight and blur,
 * because print and focus differ. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-image.h"
#include "pf-mrz-glyphs.h"
#include "pf-mrz-reader-private.h"

G_STATIC_ASSERT (PF_MRZ_GLYPH_N_CLASSES == PF_MRZ_N_CLASSES);

/* Shifts tried around each cell's place, in cell pixels. */
#define SHIFT_X 2
#define SHIFT_Y 1
#define WINDOW_WIDTH (PF_MRZ_GLYPH_WIDTH + 2 * SHIFT_X)
#define WINDOW_HEIGHT (PF_MRZ_GLYPH_HEIGHT + 2 * SHIFT_Y)

/* The references, each with its mean removed and scaled to unit length,
 * so that a dot product with a centred cell is the correlation. Aligned
 * for vector loads. */
static float references[PF_MRZ_N_CLASSES][PF_MRZ_GLYPH_N_VARIANTS][PF_MRZ_GLYPH_SIZE]
  __attribute__ ((aligned (32)));

/* Room for one cell's work, reused from cell to cell and zeroed when the
 * line is done: it holds pieces of the document. */
typedef struct
{
  float window[WINDOW_HEIGHT][WINDOW_WIDTH];
  float cells[2 * SHIFT_Y + 1][2 * SHIFT_X + 1][PF_MRZ_GLYPH_SIZE] __attribute__ ((aligned (32)));
  float norms[2 * SHIFT_Y + 1][2 * SHIFT_X + 1];
} Scratch;

static void
prepare_references (void)
{
  for (guint c = 0; c < PF_MRZ_N_CLASSES; c++)
    for (guint v = 0; v < PF_MRZ_GLYPH_N_VARIANTS; v++)
      {
        const guint8 *glyph = pf_mrz_glyphs[c][v];
        float *ref = references[c][v];
        double mean = 0, norm = 0;

        for (guint k = 0; k < PF_MRZ_GLYPH_SIZE; k++)
          mean += glyph[k];
        mean /= PF_MRZ_GLYPH_SIZE;
        for (guint k = 0; k < PF_MRZ_GLYPH_SIZE; k++)
          {
            ref[k] = glyph[k] - mean;
            norm += ref[k] * ref[k];
          }
        norm = sqrt (norm);
        for (guint k = 0; k < PF_MRZ_GLYPH_SIZE; k++)
          ref[k] /= norm;
      }
}

static inline float
sample (const PfMrzStrip *strip,
        double            x,
        double            y)
{
  int x0, y0;
  float fx, fy;
  const float *row;

  if (x < 0 || y < 0 || x > strip->width - 1 || y > strip->height - 1)
    return 0;

  x0 = MIN ((int) x, strip->width - 2);
  y0 = MIN ((int) y, strip->height - 2);
  fx = x - x0;
  fy = y - y0;
  row = strip->ink + (gsize) y0 * strip->width + x0;
  return (row[0] * (1 - fx) + row[1] * fx) * (1 - fy) +
         (row[strip->width] * (1 - fx) + row[strip->width + 1] * fx) * fy;
}

/* The cell's surroundings resampled into the references' geometry, with
 * room for the shifts. Each window pixel averages the strip pixels it
 * covers, so that large print is not aliased. */
static void
sample_window (const PfMrzStrip *strip,
               double            centre_x,
               double            baseline,
               double            scale,
               float             window[WINDOW_HEIGHT][WINDOW_WIDTH])
{
  double step = PF_MRZ_GLYPH_UNITS * scale;
  int n = CLAMP ((int) ceil (step), 1, 6);

  for (int v = 0; v < WINDOW_HEIGHT; v++)
    for (int u = 0; u < WINDOW_WIDTH; u++)
      {
        double cx = centre_x + (u - SHIFT_X + 0.5 - PF_MRZ_GLYPH_WIDTH / 2.0) * step;
        double cy = baseline - (PF_MRZ_GLYPH_BASELINE - (v - SHIFT_Y + 0.5)) * step;
        float sum = 0;

        for (int j = 0; j < n; j++)
          for (int i = 0; i < n; i++)
            sum += sample (strip, cx + ((i + 0.5) / n - 0.5) * step,
                           cy + ((j + 0.5) / n - 0.5) * step);
        window[v][u] = sum / (n * n);
      }
}

/* Copies the shifted cell out of the window, centred; returns its length,
 * 0 for a blank cell. */
static float
extract_cell (float        window[WINDOW_HEIGHT][WINDOW_WIDTH],
              int          dx,
              int          dy,
              float       *cell)
{
  float mean = 0, norm = 0;

  for (int y = 0; y < PF_MRZ_GLYPH_HEIGHT; y++)
    memcpy (cell + y * PF_MRZ_GLYPH_WIDTH, &window[y + SHIFT_Y + dy][SHIFT_X + dx],
            sizeof (float) * PF_MRZ_GLYPH_WIDTH);
  for (int k = 0; k < PF_MRZ_GLYPH_SIZE; k++)
    mean += cell[k];
  mean /= PF_MRZ_GLYPH_SIZE;
  for (int k = 0; k < PF_MRZ_GLYPH_SIZE; k++)
    {
      cell[k] -= mean;
      norm += cell[k] * cell[k];
    }
  return sqrtf (norm);
}

/* Most of the reader's time is spent here: four independent sums that
 * the compiler keeps in vector registers. A processor with AVX2 holds two
 * of them in one register (dot_wide): the same sums, lane by lane, added
 * up in the same order, so that every processor reads a photo alike. Both
 * vectors are aligned to 32 bytes (references, Scratch.cells). */
typedef float Vector4 __attribute__ ((vector_size (16)));
typedef float Vector8 __attribute__ ((vector_size (32)));

G_STATIC_ASSERT (PF_MRZ_GLYPH_SIZE % 16 == 0);

static inline __attribute__ ((always_inline)) float
sum_lanes (Vector4 low,
           Vector4 high)
{
  Vector4 s = low + high;

  return (s[0] + s[2]) + (s[1] + s[3]);
}

static inline __attribute__ ((always_inline)) float
dot (const float *a,
     const float *b)
{
  const Vector4 *va = __builtin_assume_aligned (a, 32), *vb = __builtin_assume_aligned (b, 32);
  Vector4 s0 = { 0 }, s1 = { 0 }, s2 = { 0 }, s3 = { 0 };

  for (int k = 0; k < PF_MRZ_GLYPH_SIZE / 4; k += 4)
    {
      s0 += va[k] * vb[k];
      s1 += va[k + 1] * vb[k + 1];
      s2 += va[k + 2] * vb[k + 2];
      s3 += va[k + 3] * vb[k + 3];
    }
  return sum_lanes (s0 + s2, s1 + s3);
}

static inline __attribute__ ((always_inline)) float
dot_wide (const float *a,
          const float *b)
{
  const Vector8 *va = __builtin_assume_aligned (a, 32), *vb = __builtin_assume_aligned (b, 32);
  Vector8 s01 = { 0 }, s23 = { 0 }, t;

  for (int k = 0; k < PF_MRZ_GLYPH_SIZE / 8; k += 2)
    {
      s01 += va[k] * vb[k];
      s23 += va[k + 1] * vb[k + 1];
    }
  t = s01 + s23;
  return sum_lanes ((Vector4) { t[0], t[1], t[2], t[3] }, (Vector4) { t[4], t[5], t[6], t[7] });
}

/* Scores one cell: for each class, the best shift against its nominal
 * reference, then every variant at that shift. Returns the best score and
 * sets @best_shift to the shift of the best class, in cell pixels. */
static inline __attribute__ ((always_inline)) float
score_cell (const PfMrzStrip *strip,
            double            centre_x,
            double            baseline,
            double            scale,
            int               blur,
            int               max_dy,
            gboolean          all_variants,
            gboolean          wide,
            Scratch          *scratch,
            float            *scores,
            int               best_shift[2])
{
  float (*cells)[2 * SHIFT_X + 1][PF_MRZ_GLYPH_SIZE] = scratch->cells;
  float (*norms)[2 * SHIFT_X + 1] = scratch->norms;
  int shift_of[PF_MRZ_N_CLASSES][2];
  float best = -1;

  sample_window (strip, centre_x, baseline, scale, scratch->window);
  for (int dy = -SHIFT_Y; dy <= SHIFT_Y; dy++)
    for (int dx = -SHIFT_X; dx <= SHIFT_X; dx++)
      norms[dy + SHIFT_Y][dx + SHIFT_X] = extract_cell (scratch->window, dx, dy,
                                                        cells[dy + SHIFT_Y][dx + SHIFT_X]);

  for (int c = 0; c < PF_MRZ_N_CLASSES; c++)
    {
      scores[c] = -1;
      shift_of[c][0] = shift_of[c][1] = 0;
      for (int dy = -max_dy; dy <= max_dy; dy++)
        for (int dx = -SHIFT_X; dx <= SHIFT_X; dx++)
          {
            float norm = norms[dy + SHIFT_Y][dx + SHIFT_X];
            float score;

            if (norm < 1e-3f)
              continue;
            score = (wide ? dot_wide : dot) (references[c][blur],
                                             cells[dy + SHIFT_Y][dx + SHIFT_X]) / norm;
            if (score > scores[c])
              {
                scores[c] = score;
                shift_of[c][0] = dx;
                shift_of[c][1] = dy;
              }
          }

      if (all_variants)
        {
          int sx = shift_of[c][0] + SHIFT_X, sy = shift_of[c][1] + SHIFT_Y;

          /* The other weights at the line's blur and its neighbours. */
          for (int w = 0; w < PF_MRZ_GLYPH_N_WEIGHTS && norms[sy][sx] >= 1e-3f; w++)
            for (int b = MAX (0, blur - 1); b <= MIN (PF_MRZ_GLYPH_N_BLURS - 1, blur + 1); b++)
              {
                const float *reference = references[c][w * PF_MRZ_GLYPH_N_BLURS + b];

                scores[c] = MAX (scores[c], (wide ? dot_wide : dot) (reference, cells[sy][sx])
                                            / norms[sy][sx]);
              }
        }

      if (scores[c] > best)
        {
          best = scores[c];
          best_shift[0] = shift_of[c][0];
          best_shift[1] = shift_of[c][1];
        }
    }

  return best;
}

#define CLASSIFY_CELL_ARGS const PfMrzStrip *strip, double centre_x, double baseline, \
  double scale, int blur, int max_dy, gboolean all_variants, Scratch *scratch, float *scores, \
  int best_shift[2]
#define SCORE_CELL(wide) score_cell (strip, centre_x, baseline, scale, blur, max_dy, \
  all_variants, wide, scratch, scores, best_shift)

static float
classify_cell_narrow (CLASSIFY_CELL_ARGS)
{
  return SCORE_CELL (FALSE);
}

/* On x86-64, the same work with AVX2 where the processor has it (about
 * two thirds of the time on photos without an MRZ, where nearly all of
 * it is correlation; a tenth less on a whole reading). No FMA: products
 * and sums round as in classify_cell_narrow(). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_WIDE 1

__attribute__ ((target ("avx2"))) static float
classify_cell_wide (CLASSIFY_CELL_ARGS)
{
  return SCORE_CELL (TRUE);
}
#endif

typedef float (*ClassifyCell) (CLASSIFY_CELL_ARGS);

static gboolean
have_wide (void)
{
#ifdef HAVE_WIDE
  __builtin_cpu_init ();
  return __builtin_cpu_supports ("avx2");
#else
  return FALSE;
#endif
}

static ClassifyCell
choose_classify_cell (gboolean wide)
{
#ifdef HAVE_WIDE
  if (wide)
    return classify_cell_wide;
#endif
  return classify_cell_narrow;
}

/* The references and the cell scorer for this processor, prepared once. */
static ClassifyCell classify_cell;

static void
ensure_references (void)
{
  static gsize prepared = 0;

  if (g_once_init_enter (&prepared))
    {
      prepare_references ();
      classify_cell = choose_classify_cell (have_wide ());
      g_once_init_leave (&prepared, 1);
    }
}

/*
 * pf_mrz_classify_use_wide:
 * @wide: whether to use the AVX2 correlation
 *
 * For tests: chooses the correlation path, so that both can be compared
 * on one processor. Not thread-safe: call it while nothing is reading.
 *
 * Returns: %FALSE when @wide was asked for and this processor (or this
 *   build) has no AVX2 path; the narrow path is then used
 */
gboolean
pf_mrz_classify_use_wide (gboolean wide)
{
  ensure_references ();
  wide = wide && have_wide ();
  classify_cell = choose_classify_cell (wide);
  return wide;
}

/**
 * pf_mrz_classify_line:
 * @step: classify every @step-th cell only (1 for all), with the nominal
 *   references at the grid's blur only when more than 1: a quick look for
 *   fitting the grid
 * @shift_vertically: whether to try cells a little higher and lower too;
 *   once the baseline is known closely, that only blurs the difference
 *   between letters and the taller digits (O and 0)
 * @shifts: (out caller-allocates) (optional): for each classified cell,
 *   the shift of its best class, in strip pixels
 *
 * Returns: the mean of the classified cells' best scores
 */
double
pf_mrz_classify_line (const PfMrzStrip *strip,
                      const PfMrzGrid  *grid,
                      guint             n_cells,
                      guint             step,
                      gboolean          shift_vertically,
                      PfMrzScores       scores,
                      PfMrzShift       *shifts)
{
  Scratch *scratch = g_aligned_alloc (1, sizeof (Scratch), 32);
  double total = 0;
  guint n = 0;

  g_assert (n_cells <= PF_MRZ_MAX_CHARS);
  g_assert (step >= 1);

  ensure_references ();

  for (guint i = 0; i < n_cells; i += step)
    {
      int shift[2] = { 0, 0 };

      double bend = grid->curve * ((double) i - n_cells + 1);
      double centre = grid->x0 + i * (grid->pitch + bend);
      double scale = grid->scale * (1 + (2 * i - (double) n_cells + 1) * grid->curve / grid->pitch);

      total += classify_cell (strip, centre, grid->baseline + i * grid->tilt, scale, grid->blur,
                              shift_vertically ? SHIFT_Y : 0, step == 1, scratch, scores[i],
                              shift);
      if (shifts != NULL)
        {
          shifts[i].dx = shift[0] * PF_MRZ_GLYPH_UNITS * scale;
          shifts[i].dy = shift[1] * PF_MRZ_GLYPH_UNITS * scale;
        }
      n++;
    }

  pf_secure_zero (scratch, sizeof *scratch);
  g_aligned_free (scratch);
  return n > 0 ? total / n : -1;
}
