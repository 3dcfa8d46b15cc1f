/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed zone without an MRZ to go by (most driving licences), or
 * where a field's MRZ value matched nothing printed: a field is the value
 * just below or beside its label ("Surname/Nom", "Date of birth"), the
 * labels known in the languages most European documents print. Part of
 * the printed zone's reading (pf-reading-printed.c). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-ocr.h"
#include "pf-reading-private.h"
#include "pf-translit.h"

/* The words each field's label may hold, folded, in the languages the
 * specimen and most European documents print. */
static const char *const *
label_words (PfField field)
{
  static const char *const surname[] = { "SURNAME", "NOM", "NAME", "APELLIDOS", NULL };
  static const char *const given[] = { "GIVEN", "PRENOMS", "FORENAMES", "VORNAMEN", NULL };
  static const char *const birth[] = { "BIRTH", "NAISSANCE", "GEBURTSTAG", NULL };
  static const char *const nationality[] = { "NATIONALITY", "NATIONALITE", NULL };
  static const char *const number[] = { "NO", "NUMBER", "N°", "NUMERO", NULL };
  static const char *const expiry[] = { "EXPIRY", "EXPIRES", "EXPIRATION", "VALID", NULL };

  switch (field)
    {
    case PF_FIELD_SURNAME:
      return surname;
    case PF_FIELD_GIVEN_NAMES:
      return given;
    case PF_FIELD_BIRTH_DATE:
      return birth;
    case PF_FIELD_NATIONALITY:
      return nationality;
    case PF_FIELD_DOCUMENT_NUMBER:
      return number;
    case PF_FIELD_EXPIRY_DATE:
    default:
      return expiry;
    }
}

static gboolean
is_label_of (const PfOcrWord *word,
             PfField          field)
{
  g_autofree char *folded = pf_translit_fold (word->text);
  const char *const *keys = label_words (field);
  gsize len;

  if (folded == NULL)
    return FALSE;
  /* "Surname/Nom", "No.": the word up to its punctuation. Labels are
   * small print, which Tesseract misreads more ("Sumame"): a long key
   * may be a character or two off. */
  len = strcspn (folded, "/.:,");
  folded[len] = '\0';
  for (guint k = 0; keys[k] != NULL; k++)
    {
      gsize key_len = strlen (keys[k]);

      if (g_str_equal (folded, keys[k]) ||
          (key_len >= 5 && pf_reading_edit_distance (folded, keys[k]) <= (key_len >= 7 ? 2u : 1u)))
        return TRUE;
    }
  return FALSE;
}

/* Whether a label word belongs to another field's label too ("Place of
 * birth" is no birth date; "Surname" is not the given names' NAME). */
static gboolean
label_line_mentions (GPtrArray  *words,
                     guint       index,
                     const char *other)
{
  const PfOcrWord *word = g_ptr_array_index (words, index);

  for (guint i = index > 3 ? index - 3 : 0; i < index; i++)
    {
      const PfOcrWord *before = g_ptr_array_index (words, i);
      g_autofree char *folded = NULL;

      if (before->line != word->line)
        continue;
      folded = pf_translit_fold (before->text);
      if (folded != NULL && g_str_has_prefix (folded, other))
        return TRUE;
    }
  return FALSE;
}

/* The value under (or else beside) a label: the words of the first row
 * below it that starts near the label's left edge, or those right of it
 * on its own line when nothing is below. */
gboolean
pf_reading_find_by_label (GPtrArray      *words,
                          GArray         *candidates,
                          PfField         field,
                          PfPrintedField *out)
{
  for (guint i = 0; i < words->len; i++)
    {
      const PfOcrWord *label = g_ptr_array_index (words, i);
      double h = MAX (label->box.height, 4);
      double label_left = label->box.x;
      int best = -1;
      double best_gap = G_MAXDOUBLE;

      if (!is_label_of (label, field))
        continue;
      if (field == PF_FIELD_BIRTH_DATE && label_line_mentions (words, i, "PLACE"))
        continue;
      if (field == PF_FIELD_SURNAME && label_line_mentions (words, i, "GIVEN"))
        continue;

      /* The label's first word: the value lines up with it. */
      for (guint j = i; j-- > 0;)
        {
          const PfOcrWord *before = g_ptr_array_index (words, j);

          if (before->line != label->line ||
              label_left - (before->box.x + before->box.width) > 1.5 * h)
            break;
          label_left = before->box.x;
        }

      for (guint k = 0; k < candidates->len; k++)
        {
          const PfPrintedCandidate *c = &g_array_index (candidates, PfPrintedCandidate, k);
          const PfOcrWord *first = g_ptr_array_index (words, c->first);
          double gap = c->box.y - (label->box.y + label->box.height);
          g_autofree char *date = NULL;

          if (first->line == label->line || gap < -0.3 * h || gap > 3 * h)
            continue;
          if (fabs (c->box.x - label_left) > 2 * h)
            continue;
          if (field == PF_FIELD_BIRTH_DATE || field == PF_FIELD_EXPIRY_DATE)
            {
              date = pf_printed_candidate_date (c);
              if (date == NULL)
                continue;
            }
          /* The nearest row, and on it the longest run. */
          if (best < 0 || gap < best_gap - 0.5 * h ||
              (fabs (gap - best_gap) <= 0.5 * h &&
               c->n_words > g_array_index (candidates, PfPrintedCandidate, best).n_words))
            {
              best = k;
              best_gap = MIN (gap, best_gap);
            }
        }

      if (best >= 0)
        {
          const PfPrintedCandidate *c = &g_array_index (candidates, PfPrintedCandidate, best);
          g_autofree char *date = NULL;

          if (field == PF_FIELD_BIRTH_DATE || field == PF_FIELD_EXPIRY_DATE)
            date = pf_printed_candidate_date (c);
          pf_printed_field_set (out, c, date, c->confidence);
          return TRUE;
        }
    }

  return FALSE;
}
