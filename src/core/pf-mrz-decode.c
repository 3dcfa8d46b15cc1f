/* SPDX-License-Identifier: GPL-3.0-or-later */
/* From cell scores to MRZ text. Each position may hold only what its field
 * may hold (digits in dates, letters in names), and the check digits tie
 * positions together: we look for the highest-scoring text whose check
 * digits all pass. That is exact and cheap with dynamic programming over
 * check sums modulo 10: per check digit over (own sum, composite sum),
 * then over the composite sum across fields.
 *
 * A document may really carry a wrong check digit (damage, a bad print).
 * Forcing the check digits then rewrites characters the classifier was
 * sure of, so a forced reading is taken only when it costs little score;
 * otherwise we fall back to trusting the field checks alone, or the
 * classifier alone, and the parser reports the failed checks. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-image.h"
#include "pf-mrz-reader-private.h"

/* How much correlation, summed over the characters changed, the check
 * digits may overrule. */
#define MAX_CORRECTION 0.3f

/* Sharpness of the per-character confidence (a softmax over the scores). */
#define CONFIDENCE_SHARPNESS 40.0

#define MAX_UNIT_CELLS 24
#define NO_SCORE (-1e9f)

typedef struct
{
  guint8 line;
  guint8 position;
} Cell;

/* A run of cells decoded together: the data a check digit protects and
 * the digit (last), or a single cell of the composite without its own
 * check digit. */
typedef struct
{
  Cell     cells[MAX_UNIT_CELLS];
  guint    n_cells;
  gboolean has_check;
  gboolean filler_skips_check;
  float    best[10];
  guint8   choice[10][MAX_UNIT_CELLS];
} Unit;

/* The classes a character set holds, in class order, with their values. */
typedef struct
{
  guint  n;
  guint8 classes[PF_MRZ_N_CLASSES];
  int    values[PF_MRZ_N_CLASSES];
} ClassSet;

typedef struct
{
  PfMrzLayout            layout;
  const PfMrzLayoutSpec *spec;
  const PfMrzScores     *scores;
  PfMrzCharset           charsets[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS];
  ClassSet               class_sets[PF_MRZ_CHARSET_SEX + 1];
  int                    composite_weight[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS];
  gboolean               in_unit[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS];
  Unit                   units[PF_MRZ_MAX_LINES * PF_MRZ_MAX_CHARS];
  guint                  n_units;
  int                    composite_line;
  int                    composite_position;
} Decoder;

static const int weights[3] = { 7, 3, 1 };

static inline float
score_of (Decoder *self,
          Cell     cell,
          int      c)
{
  return self->scores[cell.line][cell.position][c];
}

static inline int
value_of (int c)
{
  return pf_mrz_char_value (pf_mrz_classes[c]);
}

static inline int
class_of (char c)
{
  return strchr (pf_mrz_classes, c) - pf_mrz_classes;
}

static inline gboolean
allowed (Decoder *self,
         Cell     cell,
         int      c)
{
  return pf_mrz_charset_contains (self->charsets[cell.line][cell.position], pf_mrz_classes[c]);
}

static void
make_class_sets (Decoder *self)
{
  for (int charset = 0; charset < (int) G_N_ELEMENTS (self->class_sets); charset++)
    {
      ClassSet *set = &self->class_sets[charset];

      set->n = 0;
      for (int c = 0; c < PF_MRZ_N_CLASSES; c++)
        if (pf_mrz_charset_contains (charset, pf_mrz_classes[c]))
          {
            set->classes[set->n] = c;
            set->values[set->n] = value_of (c);
            set->n++;
          }
    }
}

/* The classes a cell may hold, in class order, with their values and
 * scores: gathered once a cell rather than tested once a state of the
 * dynamic programming, where that took most of the time. */
typedef struct
{
  const ClassSet *set;
  float           scores[PF_MRZ_N_CLASSES];
} Choices;

static void
get_choices (Decoder *self,
             Cell     cell,
             Choices *choices)
{
  const float *scores = self->scores[cell.line][cell.position];

  choices->set = &self->class_sets[self->charsets[cell.line][cell.position]];
  for (guint i = 0; i < choices->set->n; i++)
    choices->scores[i] = scores[choices->set->classes[i]];
}

static int
best_class (Decoder *self,
            Cell     cell)
{
  Choices choices;
  guint best = 0;

  get_choices (self, cell, &choices);
  for (guint i = 1; i < choices.set->n; i++)
    if (choices.scores[i] > choices.scores[best])
      best = i;
  return choices.set->n > 0 ? choices.set->classes[best] : -1;
}

static int
composite_weight (Decoder *self,
                  Cell     cell)
{
  return self->composite_weight[cell.line][cell.position];
}

/* Best choices for a unit, by the unit's contribution to the composite
 * sum, among those that pass the unit's own check digit. */
static void
solve_unit (Decoder *self,
            Unit    *unit)
{
  float dp[100], next[100];
  guint8 back[MAX_UNIT_CELLS][100];
  guint n_data = unit->has_check ? unit->n_cells - 1 : unit->n_cells;
  Cell check;
  Choices choices;
  int final_state[10];
  int final_class[10];

  for (int s = 0; s < 100; s++)
    dp[s] = NO_SCORE;
  dp[0] = 0;

  for (guint k = 0; k < n_data; k++)
    {
      Cell cell = unit->cells[k];
      int w = weights[k % 3], cw = MAX (composite_weight (self, cell), 0);

      get_choices (self, cell, &choices);
      for (int s = 0; s < 100; s++)
        next[s] = NO_SCORE;
      for (int s = 0; s < 100; s++)
        {
          if (dp[s] <= NO_SCORE)
            continue;
          for (guint i = 0; i < choices.set->n; i++)
            {
              int v = choices.set->values[i];
              int ns = ((s / 10 + w * v) % 10) * 10 + (s % 10 + cw * v) % 10;
              float score = dp[s] + choices.scores[i];

              if (score > next[ns])
                {
                  next[ns] = score;
                  back[k][ns] = choices.set->classes[i];
                }
            }
        }
      memcpy (dp, next, sizeof dp);
    }

  for (int r = 0; r < 10; r++)
    {
      unit->best[r] = NO_SCORE;
      final_state[r] = -1;
      final_class[r] = -1;
    }

  check = unit->cells[n_data];
  if (unit->has_check)
    get_choices (self, check, &choices);
  for (int s = 0; s < 100; s++)
    {
      if (dp[s] <= NO_SCORE)
        continue;
      if (!unit->has_check)
        {
          if (dp[s] > unit->best[s % 10])
            {
              unit->best[s % 10] = dp[s];
              final_state[s % 10] = s;
            }
          continue;
        }
      for (guint i = 0; i < choices.set->n; i++)
        {
          int c = choices.set->classes[i], v = choices.set->values[i], r;
          float score;

          if (v != s / 10 && !(unit->filler_skips_check && pf_mrz_classes[c] == '<'))
            continue;
          r = (s % 10 + MAX (composite_weight (self, check), 0) * v) % 10;
          score = dp[s] + choices.scores[i];
          if (score > unit->best[r])
            {
              unit->best[r] = score;
              final_state[r] = s;
              final_class[r] = c;
            }
        }
    }

  /* Walk back from each final state to the choices that led to it. */
  for (int r = 0; r < 10; r++)
    {
      int s = final_state[r];

      if (s < 0)
        continue;
      if (unit->has_check)
        unit->choice[r][n_data] = final_class[r];
      for (int k = n_data - 1; k >= 0; k--)
        {
          Cell cell = unit->cells[k];
          int c = back[k][s], v = value_of (c);
          int w = weights[k % 3], cw = MAX (composite_weight (self, cell), 0);
          int own = ((s / 10 - w * v) % 10 + 10) % 10;
          int comp = ((s % 10 - cw * v) % 10 + 10) % 10;

          unit->choice[r][k] = c;
          s = own * 10 + comp;
        }
    }
}

static void
add_cell (Unit  *unit,
          guint8 line,
          guint8 position)
{
  g_assert (unit->n_cells < MAX_UNIT_CELLS);
  unit->cells[unit->n_cells].line = line;
  unit->cells[unit->n_cells].position = position;
  unit->n_cells++;
}

static void
build_units (Decoder *self)
{
  const PfMrzLayoutSpec *spec = self->spec;

  for (int l = 0; l < PF_MRZ_MAX_LINES; l++)
    for (int p = 0; p < PF_MRZ_MAX_CHARS; p++)
      self->composite_weight[l][p] = -1;
  self->composite_line = -1;

  for (guint i = 0; i < spec->n_checks; i++)
    {
      const PfMrzCheckSpec *check = &spec->checks[i];
      guint index = 0;

      if (check->check != PF_MRZ_CHECK_COMPOSITE)
        continue;
      self->composite_line = check->line;
      self->composite_position = check->position;
      for (guint k = 0; k < check->n_spans; k++)
        for (guint p = 0; p < check->spans[k].length; p++)
          self->composite_weight[check->spans[k].line][check->spans[k].start + p] =
            weights[index++ % 3];
    }

  for (guint i = 0; i < spec->n_checks; i++)
    {
      const PfMrzCheckSpec *check = &spec->checks[i];
      Unit *unit;

      if (check->check == PF_MRZ_CHECK_COMPOSITE)
        continue;
      unit = &self->units[self->n_units++];
      memset (unit, 0, sizeof *unit);
      for (guint k = 0; k < check->n_spans; k++)
        for (guint p = 0; p < check->spans[k].length; p++)
          add_cell (unit, check->spans[k].line, check->spans[k].start + p);
      add_cell (unit, check->line, check->position);
      unit->has_check = TRUE;
      unit->filler_skips_check = spec->long_numbers &&
                                 check->check == PF_MRZ_CHECK_DOCUMENT_NUMBER;
      for (guint k = 0; k < unit->n_cells; k++)
        self->in_unit[unit->cells[k].line][unit->cells[k].position] = TRUE;
    }

  /* Composite positions outside every other check: one unit each. */
  for (guint8 l = 0; l < spec->n_lines; l++)
    for (guint8 p = 0; p < spec->line_length; p++)
      if (self->composite_weight[l][p] >= 0 && !self->in_unit[l][p])
        {
          Unit *unit = &self->units[self->n_units++];

          memset (unit, 0, sizeof *unit);
          add_cell (unit, l, p);
          self->in_unit[l][p] = TRUE;
        }

  for (guint u = 0; u < self->n_units; u++)
    solve_unit (self, &self->units[u]);
}

static void
write_unit (Decoder      *self,
            const Unit   *unit,
            int           r,
            PfMrzDecoded *decoded)
{
  for (guint k = 0; k < unit->n_cells; k++)
    decoded->lines[unit->cells[k].line][unit->cells[k].position] =
      pf_mrz_classes[unit->choice[r][k]];
}

/* The best of a unit's choices whatever its composite sum. */
static int
unit_best_residue (const Unit *unit)
{
  int best = -1;

  for (int r = 0; r < 10; r++)
    if (unit->best[r] > NO_SCORE && (best < 0 || unit->best[r] > unit->best[best]))
      best = r;
  return best;
}

/* Every check digit passes, the composite one too. Returns FALSE when no
 * such text exists (a composite check digit cell that cannot be a
 * digit). */
static gboolean
decode_all_checks (Decoder      *self,
                   PfMrzDecoded *decoded)
{
  float table[10], next[10];
  guint8 pick[PF_MRZ_MAX_LINES * PF_MRZ_MAX_CHARS][10];
  Cell check;
  int best_c = -1, r;
  float best = NO_SCORE;

  if (self->composite_line < 0)
    {
      for (guint u = 0; u < self->n_units; u++)
        if (unit_best_residue (&self->units[u]) < 0)
          return FALSE;
        else
          write_unit (self, &self->units[u], unit_best_residue (&self->units[u]), decoded);
      return TRUE;
    }

  for (int s = 0; s < 10; s++)
    table[s] = NO_SCORE;
  table[0] = 0;
  for (guint u = 0; u < self->n_units; u++)
    {
      for (int s = 0; s < 10; s++)
        next[s] = NO_SCORE;
      for (int s = 0; s < 10; s++)
        for (int q = 0; q < 10 && table[s] > NO_SCORE; q++)
          {
            float sum = table[s] + self->units[u].best[q];

            if (self->units[u].best[q] <= NO_SCORE || sum <= next[(s + q) % 10])
              continue;
            next[(s + q) % 10] = sum;
            pick[u][(s + q) % 10] = q;
          }
      memcpy (table, next, sizeof table);
    }

  check.line = self->composite_line;
  check.position = self->composite_position;
  for (int c = 0; c < PF_MRZ_N_CLASSES; c++)
    if (allowed (self, check, c) && table[value_of (c)] > NO_SCORE &&
        table[value_of (c)] + score_of (self, check, c) > best)
      {
        best = table[value_of (c)] + score_of (self, check, c);
        best_c = c;
      }
  if (best_c < 0)
    return FALSE;

  decoded->lines[check.line][check.position] = pf_mrz_classes[best_c];
  r = value_of (best_c);
  for (int u = self->n_units - 1; u >= 0; u--)
    {
      int q = pick[u][r];

      write_unit (self, &self->units[u], q, decoded);
      r = ((r - q) % 10 + 10) % 10;
    }
  return TRUE;
}

/* Only the checks of single fields; the composite digit is read as it
 * looks. */
static void
decode_field_checks (Decoder      *self,
                     PfMrzDecoded *decoded)
{
  for (guint u = 0; u < self->n_units; u++)
    {
      const Unit *unit = &self->units[u];

      if (unit->has_check && unit_best_residue (unit) >= 0)
        write_unit (self, unit, unit_best_residue (unit), decoded);
    }
}

static void
decode_free (Decoder      *self,
             PfMrzDecoded *decoded)
{
  for (guint8 l = 0; l < self->spec->n_lines; l++)
    {
      for (guint8 p = 0; p < self->spec->line_length; p++)
        {
          Cell cell = { l, p };

          decoded->lines[l][p] = pf_mrz_classes[best_class (self, cell)];
        }
      decoded->lines[l][self->spec->line_length] = '\0';
    }
}

static float
total_score (Decoder            *self,
             const PfMrzDecoded *decoded)
{
  float total = 0;

  for (guint8 l = 0; l < self->spec->n_lines; l++)
    for (guint8 p = 0; p < self->spec->line_length; p++)
      {
        Cell cell = { l, p };

        total += score_of (self, cell, class_of (decoded->lines[l][p]));
      }
  return total;
}

static void
set_confidences (Decoder      *self,
                 PfMrzDecoded *decoded)
{
  for (guint8 l = 0; l < self->spec->n_lines; l++)
    for (guint8 p = 0; p < self->spec->line_length; p++)
      {
        Cell cell = { l, p };
        float chosen = score_of (self, cell, class_of (decoded->lines[l][p]));
        Choices choices;
        double sum = 0;

        get_choices (self, cell, &choices);
        for (guint i = 0; i < choices.set->n; i++)
          sum += exp (CONFIDENCE_SHARPNESS * (choices.scores[i] - chosen));
        decoded->confidences[l][p] = 1.0 / sum;
      }
}

/**
 * pf_mrz_decode:
 * @scores: one #PfMrzScores a line of @layout
 *
 * Chooses the text of an MRZ from its cell scores. Sets @decoded's
 * corrected flag when the check digits overruled the classifier's first
 * choice somewhere.
 */
void
pf_mrz_decode (PfMrzLayout        layout,
               const PfMrzScores *scores,
               PfMrzDecoded      *decoded)
{
  g_autofree Decoder *self = g_new0 (Decoder, 1);
  PfMrzDecoded free_reading;
  float free_score;

  self->layout = layout;
  self->spec = pf_mrz_layout_get_spec (layout);
  self->scores = scores;
  pf_mrz_layout_get_charsets (self->spec, self->charsets);
  make_class_sets (self);
  build_units (self);

  memset (decoded, 0, sizeof *decoded);
  decode_free (self, decoded);
  free_reading = *decoded;
  free_score = total_score (self, &free_reading);

  if (!decode_all_checks (self, decoded) ||
      free_score - total_score (self, decoded) > MAX_CORRECTION)
    {
      *decoded = free_reading;
      decode_field_checks (self, decoded);
      if (free_score - total_score (self, decoded) > MAX_CORRECTION)
        *decoded = free_reading;
    }

  decoded->corrected = memcmp (decoded->lines, free_reading.lines, sizeof decoded->lines) != 0;
  set_confidences (self, decoded);

  pf_secure_zero (&free_reading, sizeof free_reading);
  pf_secure_zero (self, sizeof *self);
}
