/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the machine-readable zone of a document photo. The MRZ is two
 * or three long lines of evenly spaced OCR-B characters near the bottom of
 * the document, so we look for exactly that: dark blobs of character size
 * (pf-mrz-find.c) that chain into long, parallel lines of equal extent.
 * Each line is then cut out along its own direction, its glyph size,
 * baseline and character pitch are measured (pf-mrz-line.c), every cell
 * is scored against the OCR-B references (pf-mrz-classify.c), and the
 * text is chosen with the check digits' help (pf-mrz-decode.c). */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-mrz-reader-private.h"

/* Below this mean correlation, a line is not OCR-B text or was not cut
 * into characters right. */
#define MIN_LINE_SCORE 0.75

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
  gboolean        upside_down;
};

G_DEFINE_BOXED_TYPE (PfMrzReading, pf_mrz_reading, pf_mrz_reading_ref, pf_mrz_reading_unref)

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
  PfMrzLine lines[PF_MRZ_MAX_LINES] = { { { 0 } } };
  g_autofree PfMrzScores *scores = g_new0 (PfMrzScores, PF_MRZ_MAX_LINES);
  g_autoptr(GString) text = g_string_new (NULL);
  PfMrzDecoded decoded;
  PfMrzReading *reading = NULL;
  PfMrzLayout layout;
  const PfMrzLayoutSpec *spec;
  double total = 0, worst = 1, height_sum = 0;

  *score = -1;
  for (guint l = 0; l < group->n_lines; l++)
    if (!pf_mrz_line_cut (&lines[l], grey, width, height, stride, &group->lines[l], group->n_cells))
      goto out;
  pf_mrz_lines_settle_size (lines, group->n_lines, group->n_cells, scores);
  for (guint l = 0; l < group->n_lines; l++)
    {
      pf_mrz_line_settle (&lines[l], group->n_cells, scores[l]);
      total += lines[l].score;
      worst = MIN (worst, lines[l].score);
      height_sum += lines[l].grid.scale;
      /* One line that is not OCR-B is enough to refuse the group: the
       * others need not be settled (most groups found in a photo without
       * an MRZ end here, after their first line). */
      if (worst < MIN_LINE_SCORE)
        goto out;
    }
  *score = total / group->n_lines;

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
  /* OCR-B's capitals are about 713 font units tall. */
  reading->char_height = height_sum / group->n_lines * 713.0;

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
    const PfMrzLine *first = &lines[0], *last = &lines[group->n_lines - 1];
    double half = first->grid.pitch / 2;
    double rise = 900 * first->grid.scale, drop = 200 * last->grid.scale;
    double end_first = first->grid.x0 + (group->n_cells - 1) * first->grid.pitch + half;
    double end_last = last->grid.x0 + (group->n_cells - 1) * last->grid.pitch + half;

    double top = first->grid.baseline - rise, bottom = last->grid.baseline + drop;

    pf_mrz_line_to_image (first, first->grid.x0 - half, top, &reading->band[0]);
    pf_mrz_line_to_image (first, end_first, top, &reading->band[1]);
    pf_mrz_line_to_image (last, end_last, bottom, &reading->band[2]);
    pf_mrz_line_to_image (last, last->grid.x0 - half, bottom, &reading->band[3]);
  }

  pf_secure_zero (&decoded, sizeof decoded);
  pf_secure_zero (text->str, text->len);

out:
  for (guint l = 0; l < PF_MRZ_MAX_LINES; l++)
    pf_mrz_line_clear (&lines[l]);
  pf_secure_zero (scores, sizeof (PfMrzScores) * PF_MRZ_MAX_LINES);
  return reading;
}

/* Reads the lowest group of lines in the image that reads well. */
static PfMrzReading *
read_region (const guint8           *grey,
             int                     width,
             int                     height,
             gsize                   stride,
             const PfMrzReadOptions *options,
             double                 *best_score)
{
  PfMrzReading *best = NULL;

  *best_score = -2;

  /* Finding works on a reduced image, about 1000 pixels across; when that
   * finds nothing (small print in a large photo), on more detail. */
  for (int factor = MAX (1, (int) lround (MAX (width, height) / 1000.0)); best == NULL;
       factor /= 2)
    {
      g_autoptr(GPtrArray) groups = pf_mrz_find_groups (grey, width, height, stride,
                                                        options->format, factor);

      for (guint i = 0; i < groups->len; i++)
        {
          PfMrzFoundGroup *group = g_ptr_array_index (groups, i);
          PfMrzReading *reading;
          double score;

          reading = read_group (grey, width, height, stride, group, options, &score);
          if (reading != NULL && score > *best_score)
            {
              g_clear_pointer (&best, pf_mrz_reading_unref);
              best = reading;
              *best_score = score;
            }
          else if (reading != NULL)
            pf_mrz_reading_unref (reading);

          if (best != NULL && pf_mrz_reading_get_valid (best))
            break;
        }

      if (factor == 1)
        break;
    }

  return best;
}

/* Whether @candidate is a better reading than @reading: a valid one beats
 * an invalid one, else the one that matches OCR-B better. */
static gboolean
reads_better (PfMrzReading *candidate,
              double        candidate_score,
              PfMrzReading *reading,
              double        score)
{
  if (candidate == NULL)
    return FALSE;
  if (reading == NULL)
    return TRUE;
  if (pf_mrz_reading_get_valid (candidate) != pf_mrz_reading_get_valid (reading))
    return pf_mrz_reading_get_valid (candidate);
  return candidate_score > score;
}

/**
 * pf_mrz_read_grey:
 * @grey: 8-bit grey pixels, @stride bytes a row
 * @options: (nullable): how to read; %NULL for the defaults
 *
 * Finds and reads the machine-readable zone in a photo of a document,
 * best rectified (filling the image), though a slight tilt and
 * surroundings are fine. A document upside down is read too (see
 * pf_mrz_reading_get_upside_down()): the outline of a document does not
 * tell which way up it is, its MRZ does.
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
  PfMrzReading *best;
  double best_score;
  int rx = 0, ry = 0, rw = width, rh = height;
  const guint8 *region;

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

  region = grey + (gsize) ry * stride + rx;
  best = read_region (region, rw, rh, stride, options, &best_score);

  if (best == NULL || !pf_mrz_reading_get_valid (best))
    {
      gsize size = (gsize) rw * rh;
      g_autofree guint8 *turned = g_new (guint8, size);
      PfMrzReading *reading;
      double score;

      for (int y = 0; y < rh; y++)
        for (int x = 0; x < rw; x++)
          turned[(gsize) (rh - 1 - y) * rw + (rw - 1 - x)] = region[(gsize) y * stride + x];
      reading = read_region (turned, rw, rh, rw, options, &score);
      pf_secure_zero (turned, size);

      if (reads_better (reading, score, best, best_score))
        {
          g_clear_pointer (&best, pf_mrz_reading_unref);
          best = reading;
          best->upside_down = TRUE;
          for (guint k = 0; k < 4; k++)
            {
              best->band[k].x = rw - 1 - best->band[k].x;
              best->band[k].y = rh - 1 - best->band[k].y;
            }
        }
      else if (reading != NULL)
        pf_mrz_reading_unref (reading);
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
 *   bottom left of the MRZ as it reads, in image pixels (turned half a
 *   turn in the image when the document is upside down)
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

/**
 * pf_mrz_reading_get_upside_down:
 *
 * Returns: %TRUE when the document was upside down in the image, and the
 *   MRZ was read turned half a turn
 */
gboolean
pf_mrz_reading_get_upside_down (PfMrzReading *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->upside_down;
}
