/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed zone: the personal details as the document prints them,
 * found among the words Tesseract reads on the rectified document
 * (pf-ocr.c). Where there is an MRZ its values are the anchors: we look
 * for the printed words that come nearest to them, so that the printed
 * zone can confirm the MRZ or show where the two differ. Where there is
 * none (most driving licences), each field is the text just below or
 * beside its label (pf-reading-labels.c). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-date.h"
#include "pf-ocr.h"
#include "pf-reading-private.h"
#include "pf-translit.h"

/* The most words one value may span ("ANNA MARIA LUISA VON"). */
#define MAX_RUN 5

/* How alike a printed candidate must be to the MRZ's value to be taken as
 * that field's printed form: one minus the edit distance over the longer
 * length, after folding case and diacritics. Names cope with the MRZ's
 * transliterations (MÜLLER, MUELLER: 0.86). */
#define MIN_NAME_LIKENESS   0.6
#define MIN_NUMBER_LIKENESS 0.7

static void
candidate_clear (gpointer data)
{
  PfPrintedCandidate *c = data;

  g_clear_pointer (&c->text, pf_reading_secure_free);
  g_clear_pointer (&c->folded, pf_reading_secure_free);
  g_clear_pointer (&c->compact, pf_reading_secure_free);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static PfRect
rect_union (PfRect a,
            PfRect b)
{
  double x0 = MIN (a.x, b.x), y0 = MIN (a.y, b.y);
  double x1 = MAX (a.x + a.width, b.x + b.width), y1 = MAX (a.y + a.height, b.y + b.height);

  return (PfRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* Every run of up to MAX_RUN words on one line, MRZ lines left out (the
 * OCR-B reader has read them better). */
static GArray *
make_candidates (GPtrArray *words)
{
  GArray *candidates = g_array_new (FALSE, TRUE, sizeof (PfPrintedCandidate));

  g_array_set_clear_func (candidates, candidate_clear);

  for (guint i = 0; i < words->len; i++)
    {
      const PfOcrWord *first = g_ptr_array_index (words, i);
      g_autoptr(GString) text = g_string_new (NULL);
      PfRect box = first->box;
      double confidence = 1;

      for (guint n = 0; n < MAX_RUN && i + n < words->len; n++)
        {
          const PfOcrWord *word = g_ptr_array_index (words, i + n);
          PfPrintedCandidate c = { 0 };

          if (word->line != first->line || strchr (word->text, '<') != NULL)
            break;
          /* Words far apart on one line belong to different fields. */
          if (n > 0 && word->box.x - (box.x + box.width) > 1.5 * MAX (word->box.height, 1))
            break;
          if (n > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, word->text);
          box = rect_union (box, word->box);
          confidence = MIN (confidence, word->confidence);

          c.folded = pf_translit_fold (text->str);
          if (c.folded == NULL || c.folded[0] == '\0')
            {
              g_free (c.folded);
              continue;
            }
          c.text = g_strdup (text->str);
          c.compact = without_spaces (c.folded);
          c.box = box;
          c.confidence = confidence;
          c.first = i;
          c.n_words = n + 1;
          g_array_append_val (candidates, c);
        }
      pf_secure_zero (text->str, text->len);
    }

  return candidates;
}

/**
 * pf_reading_edit_distance:
 *
 * Returns: the Levenshtein distance between two byte strings
 */
guint
pf_reading_edit_distance (const char *a,
                          const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = g_new (guint, m + 1);

  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[m];
}

static double
likeness (const char *a,
          const char *b)
{
  gsize longer = MAX (strlen (a), strlen (b));

  if (longer == 0)
    return 0;
  return 1.0 - (double) pf_reading_edit_distance (a, b) / longer;
}

void
pf_printed_field_set (PfPrintedField           *field,
                      const PfPrintedCandidate *c,
                      const char               *text,
                      double                    confidence)
{
  pf_printed_field_clear (field);
  field->text = g_strdup (text != NULL ? text : c->text);
  field->confidence = CLAMP (confidence, 0, 1);
}

typedef enum
{
  LIKE_WORDS,    /* word by word */
  LIKE_COMPACT,  /* without spaces (numbers printed in groups) */
  LIKE_PREFIX,   /* the anchor is the start of the value (a name the MRZ
                  * cut short): the longest run that starts like it */
} LikeMode;

/* The candidate most like @anchor (folded as the candidates are), or -1. */
static int
best_like (GArray     *candidates,
           const char *anchor,
           LikeMode    mode,
           double      minimum,
           double     *score)
{
  g_autofree char *folded = pf_translit_fold (anchor);
  g_autofree char *squeezed = NULL;
  int best = -1;
  double best_score = minimum;

  if (folded == NULL || folded[0] == '\0')
    return -1;
  squeezed = without_spaces (folded);

  for (guint i = 0; i < candidates->len; i++)
    {
      const PfPrintedCandidate *c = &g_array_index (candidates, PfPrintedCandidate, i);
      const PfPrintedCandidate *b =
        best >= 0 ? &g_array_index (candidates, PfPrintedCandidate, best) : NULL;
      double s;
      gboolean better;

      switch (mode)
        {
        case LIKE_COMPACT:
          s = likeness (c->compact, squeezed);
          break;
        case LIKE_PREFIX:
          {
            gsize n = strlen (folded);
            g_autofree char *start = g_strndup (c->folded, n);

            s = strlen (c->folded) + 1 >= n ? likeness (start, folded) : 0;
            pf_secure_zero (start, strlen (start));
          }
          break;
        case LIKE_WORDS:
        default:
          /* Tesseract sometimes splits a word: compare without spaces
           * too. */
          s = MAX (likeness (c->folded, folded), likeness (c->compact, squeezed));
          break;
        }

      /* Between equals, the longer run when the MRZ cut the value short,
       * else the surer reading. */
      if (b == NULL)
        better = s >= best_score;
      else if (s != best_score)
        better = s > best_score;
      else if (mode == LIKE_PREFIX && c->n_words != b->n_words)
        better = c->n_words > b->n_words;
      else
        better = c->confidence > b->confidence;
      if (better)
        {
          best = i;
          best_score = s;
        }
    }

  pf_secure_zero (folded, strlen (folded));
  pf_secure_zero (squeezed, strlen (squeezed));
  *score = best_score;
  return best;
}

/* Joins the folded words of @c, with a space after word w where
 * @spaced[w]. */
static char *
join_folded (char     **folded,
             guint      n,
             gboolean  *spaced)
{
  GString *out = g_string_new (NULL);

  for (guint w = 0; w < n; w++)
    {
      if (w > 0 && spaced[w - 1])
        g_string_append_c (out, ' ');
      g_string_append (out, folded[w]);
    }
  return g_string_free (out, FALSE);
}

/* A name as printed, with the spaces Tesseract put inside words taken out
 * where the MRZ's form of the name has none ("SCHAF ER" for SCHAEFER):
 * each space goes when the name without it is more like the anchor. */
static char *
respace_like (GPtrArray                *words,
              const PfPrintedCandidate *c,
              const char               *anchor)
{
  g_autofree char *target = pf_translit_fold (anchor);
  char *folded[MAX_RUN] = { NULL };
  gboolean spaced[MAX_RUN] = { FALSE };
  GString *out;

  if (target == NULL)
    return g_strdup (c->text);

  for (guint w = 0; w < c->n_words; w++)
    {
      const PfOcrWord *word = g_ptr_array_index (words, c->first + w);

      folded[w] = pf_translit_fold (word->text);
      if (folded[w] == NULL)
        folded[w] = g_strdup ("");
      spaced[w] = TRUE;
    }

  for (guint w = 0; w + 1 < c->n_words; w++)
    {
      g_autofree char *with = join_folded (folded, c->n_words, spaced);
      g_autofree char *without = NULL;

      spaced[w] = FALSE;
      without = join_folded (folded, c->n_words, spaced);
      spaced[w] = likeness (without, target) > likeness (with, target) ? FALSE : TRUE;
      pf_secure_zero (with, strlen (with));
      pf_secure_zero (without, strlen (without));
    }

  out = g_string_new (NULL);
  for (guint w = 0; w < c->n_words; w++)
    {
      const PfOcrWord *word = g_ptr_array_index (words, c->first + w);

      if (w > 0 && spaced[w - 1])
        g_string_append_c (out, ' ');
      g_string_append (out, word->text);
      pf_secure_zero (folded[w], strlen (folded[w]));
      g_free (folded[w]);
    }

  pf_secure_zero (target, strlen (target));
  return g_string_free (out, FALSE);
}

/* A candidate that reads as a whole date, as ISO 8601. */
char *
pf_printed_candidate_date (const PfPrintedCandidate *c)
{
  GDate date;

  /* A date is one to three words ("12.08.1974", "12 AUG 1974"). */
  if (c->n_words > 3 || !g_ascii_isdigit (c->text[0]))
    return NULL;
  g_date_clear (&date, 1);
  if (!pf_date_parse (c->text, PF_DATE_ORDER_DAY_FIRST, &date, NULL))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The printed date equal to the MRZ's, or failing that the one with the
 * fewest digits different (a misread digit in print or in the MRZ). */
static gboolean
find_date (GArray         *candidates,
           const char     *anchor,
           PfPrintedField *field)
{
  int best = -1;
  guint best_distance = 3;
  g_autofree char *best_iso = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const PfPrintedCandidate *c = &g_array_index (candidates, PfPrintedCandidate, i);
      g_autofree char *iso = pf_printed_candidate_date (c);
      guint d;

      if (iso == NULL)
        continue;
      d = pf_reading_edit_distance (iso, anchor);
      if (d < best_distance ||
          (d == best_distance && best >= 0 &&
           c->confidence > g_array_index (candidates, PfPrintedCandidate, best).confidence))
        {
          best = i;
          best_distance = d;
          g_free (best_iso);
          best_iso = g_steal_pointer (&iso);
        }
    }

  if (best < 0)
    return FALSE;
  pf_printed_field_set (field, &g_array_index (candidates, PfPrintedCandidate, best), best_iso,
                        g_array_index (candidates, PfPrintedCandidate, best).confidence);
  return TRUE;
}


/**
 * pf_reading_read_printed:
 * @document: the document, rectified at %PF_READING_PRINTED_PX_PER_MM
 * @mrz: (nullable): the MRZ read from it, whose values anchor the search
 * @fields: (out caller-allocates): one value a #PfField; those not found
 *   stay %NULL
 * @error: set when the printed zone cannot be read at all (no recognition
 *   data, cancelled)
 *
 * Returns: whether the printed zone was read
 */
gboolean
pf_reading_read_printed (const PfRectified *document,
                         PfMrz             *mrz,
                         PfPrintedField     fields[PF_N_FIELDS],
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GArray) candidates = NULL;
  const char *anchors[PF_N_FIELDS] = { NULL };
  g_autofree char *birth = NULL;
  g_autofree char *expiry = NULL;
  gboolean truncated = mrz != NULL && pf_mrz_get_names_truncated (mrz);

  words = pf_ocr_read_words (document->grey, document->width, document->height,
                             document->width, cancellable, error);
  if (words == NULL)
    return FALSE;
  candidates = make_candidates (words);

  if (mrz != NULL)
    {
      GDate date;

      anchors[PF_FIELD_SURNAME] = pf_mrz_get_field (mrz, PF_MRZ_FIELD_SURNAME);
      anchors[PF_FIELD_GIVEN_NAMES] = pf_mrz_get_field (mrz, PF_MRZ_FIELD_GIVEN_NAMES);
      anchors[PF_FIELD_NATIONALITY] = pf_mrz_get_field (mrz, PF_MRZ_FIELD_NATIONALITY);
      anchors[PF_FIELD_DOCUMENT_NUMBER] = pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_NUMBER);
      g_date_clear (&date, 1);
      if (pf_mrz_get_birth_date (mrz, &date))
        anchors[PF_FIELD_BIRTH_DATE] = birth =
          g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
      if (pf_mrz_get_expiry_date (mrz, &date))
        anchors[PF_FIELD_EXPIRY_DATE] = expiry =
          g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
    }

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *anchor = anchors[f];
      gboolean found = FALSE;
      double score = 0;
      LikeMode mode;
      int best;

      if (anchor != NULL && anchor[0] != '\0')
        {
          switch (f)
            {
            case PF_FIELD_BIRTH_DATE:
            case PF_FIELD_EXPIRY_DATE:
              found = find_date (candidates, anchor, &fields[f]);
              break;
            case PF_FIELD_DOCUMENT_NUMBER:
            case PF_FIELD_NATIONALITY:
              best = best_like (candidates, anchor, LIKE_COMPACT, MIN_NUMBER_LIKENESS, &score);
              if (best >= 0)
                {
                  const PfPrintedCandidate *c =
                    &g_array_index (candidates, PfPrintedCandidate, best);

                  pf_printed_field_set (&fields[f], c, NULL, c->confidence * score);
                  found = TRUE;
                }
              break;
            case PF_FIELD_SURNAME:
            case PF_FIELD_GIVEN_NAMES:
            default:
              /* The MRZ cuts the given names short first. */
              mode = f == PF_FIELD_GIVEN_NAMES && truncated ? LIKE_PREFIX : LIKE_WORDS;
              best = best_like (candidates, anchor, mode, MIN_NAME_LIKENESS, &score);
              if (best >= 0)
                {
                  const PfPrintedCandidate *c =
                    &g_array_index (candidates, PfPrintedCandidate, best);
                  /* A name cut short says nothing of the spaces after
                   * the cut. */
                  g_autofree char *name = mode == LIKE_PREFIX ? g_strdup (c->text)
                                                              : respace_like (words, c, anchor);

                  pf_printed_field_set (&fields[f], c, name, c->confidence * score);
                  pf_secure_zero (name, strlen (name));
                  found = TRUE;
                }
              break;
            }
        }

      if (!found)
        pf_reading_find_by_label (words, candidates, f, &fields[f]);
    }

  if (birth != NULL)
    pf_secure_zero (birth, strlen (birth));
  if (expiry != NULL)
    pf_secure_zero (expiry, strlen (expiry));
  return TRUE;
}
