/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details step's comparator: one typed detail against what the
 * document shows, with the likely reason for a difference and advice that
 * says exactly what to type. The details page and the CLI both use it, so
 * it takes plain strings: what was typed, what the printed (visual) zone
 * shows, and the MRZ's field.
 *
 * Where both document values are there, the printed zone says what to
 * type (it has the diacritics and the full name) and the MRZ confirms:
 * the MRZ legitimately differs (transliteration, truncation), and where
 * the typed value agrees with the MRZ but not with our reading of the
 * printed zone, the reading is the likelier culprit.
 *
 * Everything here is personal data: nothing is logged, and every copy is
 * zeroed before it is freed. This file sends each field to its comparison
 * and looks across the two name fields; names live in
 * pf-compare-names.c, dates in pf-compare-dates.c, document numbers and
 * nationality in pf-compare-codes.c, the character alignment in
 * pf-compare-align.c, and the resulting PfComparison in pf-comparison.c. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-image.h"

G_DEFINE_QUARK (pf-compare-error-quark, pf_compare_error)

static const struct
{
  const char *id;
  const char *label;
} fields[PF_N_FIELDS] = {
  [PF_FIELD_SURNAME] = { "surname", N_("Surname") },
  [PF_FIELD_GIVEN_NAMES] = { "given_names", N_("Given names") },
  [PF_FIELD_BIRTH_DATE] = { "birth_date", N_("Date of birth") },
  [PF_FIELD_NATIONALITY] = { "nationality", N_("Nationality") },
  [PF_FIELD_DOCUMENT_NUMBER] = { "document_number", N_("Document number") },
  [PF_FIELD_EXPIRY_DATE] = { "expiry_date", N_("Expiry date") },
};

/**
 * pf_field_get_id:
 *
 * Returns: the field's stable id, as the CLI's JSON writes it
 *   ("surname", "given_names", "birth_date", "nationality",
 *   "document_number", "expiry_date")
 */
const char *
pf_field_get_id (PfField field)
{
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);
  return fields[field].id;
}

/**
 * pf_field_get_label:
 *
 * Returns: the field's name for people, translated
 */
const char *
pf_field_get_label (PfField field)
{
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);
  return _(fields[field].label);
}

/**
 * pf_verdict_to_string:
 *
 * Returns: "match", "mismatch", "unreadable" or "not-compared"
 */
const char *
pf_verdict_to_string (PfVerdict verdict)
{
  static const char *const ids[] = { "match", "mismatch", "unreadable", "not-compared" };

  g_return_val_if_fail (verdict < G_N_ELEMENTS (ids), NULL);
  return ids[verdict];
}

/**
 * pf_reason_to_string:
 *
 * Returns: (nullable): the reason's stable id ("typo", "lookalike",
 *   "order", "missing-name", "extra-name", "transliteration", "truncated",
 *   "date-order", "two-digit-year", "different"), or %NULL for
 *   %PF_REASON_NONE
 */
const char *
pf_reason_to_string (PfReason reason)
{
  static const char *const ids[] = {
    NULL, "typo", "lookalike", "order", "missing-name", "extra-name", "transliteration",
    "truncated", "date-order", "two-digit-year", "different",
  };

  g_return_val_if_fail (reason < G_N_ELEMENTS (ids), NULL);
  return ids[reason];
}

void
pf_compare_free_zeroed (char *text)
{
  if (text != NULL)
    pf_secure_zero (text, strlen (text));
  g_free (text);
}

gboolean
pf_compare_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

void
pf_compare_result_clear (PfCompareResult *result)
{
  g_clear_pointer (&result->document, pf_compare_free_zeroed);
  g_clear_pointer (&result->title, pf_compare_free_zeroed);
  g_clear_pointer (&result->advice, pf_compare_free_zeroed);
}

/* @title (nullable, transfer full): NULL for the usual title of @reason;
 * @advice (transfer full). */
void
pf_compare_result_set (PfCompareResult *result,
                       PfVerdict        verdict,
                       PfReason         reason,
                       PfSeverity       severity,
                       char            *title,
                       char            *advice)
{
  result->verdict = verdict;
  result->reason = reason;
  result->severity = severity;
  g_clear_pointer (&result->title, pf_compare_free_zeroed);
  g_clear_pointer (&result->advice, pf_compare_free_zeroed);
  result->title = title;
  result->advice = advice;
}

/* What was typed agrees with the MRZ but not with our reading of the
 * printed zone, which the MRZ does not explain either: the reading is the
 * likelier culprit (the MRZ is read in OCR-B, its numbers and dates under
 * check digits), so a match, with a word to check the reading. */
void
pf_compare_result_set_misread (PfCompareResult *result,
                               PfField          field,
                               PfReason         reason,
                               const char      *mrz_value,
                               const char      *printed_value)
{
  pf_compare_result_set (result, PF_VERDICT_MATCH, reason, PF_SEVERITY_CAUTION,
                         g_strdup_printf (_("%s matches the machine-readable lines"),
                                          pf_field_get_label (field)),
                         g_strdup_printf (_("What you typed agrees with the machine-readable lines "
                                            "(“%s”) but not with what we read in the printed zone "
                                            "(“%s”). Check the document, and correct our reading "
                                            "if it is wrong."), mrz_value, printed_value));
}

static gboolean
validate (const char  *text,
          GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error_literal (error, PF_COMPARE_ERROR, PF_COMPARE_ERROR_INVALID_TEXT,
                       _("The text is not valid UTF-8. Type it again."));
  return FALSE;
}

/* A document value that is missing or blank counts as not read. */
static const char *
document_value (const char *value)
{
  return pf_compare_is_blank (value) ? NULL : value;
}

/**
 * pf_compare_field:
 * @field: which detail
 * @typed: (nullable): what the person typed; %NULL or blank is not
 *   compared
 * @document_printed: (nullable): the value as the printed zone shows it,
 *   or %NULL if it was not read
 * @document_mrz: (nullable): the MRZ's field as it stands ("MUELLER",
 *   "JEAN<LUC", "740812") or as parsed ("JEAN LUC", "1974-08-12"), or
 *   %NULL
 * @flags: the form's date order, and whether the MRZ's names are cut short
 * @error: set when a value is not valid UTF-8
 *
 * Compares @typed with the document. Dates may be typed in any form
 * pf_date_parse() reads; the document's dates are ISO 8601, anything
 * pf_date_parse() reads day first, or the MRZ's YYMMDD (birth dates in the
 * past, expiry dates within 70 years before and 30 after today).
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with
 *   @error set
 */
PfComparison *
pf_compare_field (PfField          field,
                  const char      *typed,
                  const char      *document_printed,
                  const char      *document_mrz,
                  PfCompareFlags   flags,
                  GError         **error)
{
  PfCompareResult result = { 0 };
  PfComparison *self;
  const char *printed = document_value (document_printed);
  const char *mrz = document_value (document_mrz);

  g_return_val_if_fail (field < PF_N_FIELDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate (typed, error) || !validate (document_printed, error) ||
      !validate (document_mrz, error))
    return NULL;

  if (printed == NULL && mrz == NULL)
    {
      pf_compare_result_set (&result, PF_VERDICT_UNREADABLE, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                             g_strdup (_("We couldn't read this on the photo; compare it yourself "
                                         "with the document.")));
    }
  else
    {
      switch (field)
        {
        case PF_FIELD_SURNAME:
        case PF_FIELD_GIVEN_NAMES:
          pf_compare_names (field, pf_compare_is_blank (typed) ? "" : typed, printed, mrz, flags,
                            &result);
          break;
        case PF_FIELD_BIRTH_DATE:
        case PF_FIELD_EXPIRY_DATE:
          pf_compare_dates (field, pf_compare_is_blank (typed) ? "" : typed, printed, mrz, flags,
                            &result);
          break;
        case PF_FIELD_NATIONALITY:
        case PF_FIELD_DOCUMENT_NUMBER:
        default:
          pf_compare_codes (field, pf_compare_is_blank (typed) ? "" : typed, printed, mrz, &result);
          break;
        }
    }

  /* Nothing typed: the page shows the reading and asks for the value. */
  if (pf_compare_is_blank (typed))
    pf_compare_result_set (&result, PF_VERDICT_NOT_COMPARED, PF_REASON_NONE, PF_SEVERITY_OK, NULL, NULL);

  self = pf_comparison_new (field, typed, &result);
  pf_compare_result_clear (&result);
  return self;
}

static gboolean
names_swapped (const char     **typed,
               const char     **printed,
               const char     **mrz,
               PfCompareFlags   flags)
{
  for (guint k = 0; k < 2; k++)
    {
      PfField as = k == 0 ? PF_FIELD_SURNAME : PF_FIELD_GIVEN_NAMES;
      PfField other = k == 0 ? PF_FIELD_GIVEN_NAMES : PF_FIELD_SURNAME;
      g_autoptr(PfComparison) cross = pf_compare_field (as, typed[as], printed[other], mrz[other],
                                                        flags, NULL);

      if (cross == NULL || pf_comparison_get_verdict (cross) != PF_VERDICT_MATCH)
        return FALSE;
    }
  return TRUE;
}

static PfComparison *
swapped_comparison (PfField          field,
                    const char      *typed,
                    PfComparison    *own,
                    const char      *surname,
                    const char      *given)
{
  PfCompareResult result = { 0 };
  PfComparison *self;

  result.document = g_strdup (pf_comparison_get_document (own));
  pf_compare_result_set (&result, PF_VERDICT_MISMATCH, PF_REASON_ORDER, PF_SEVERITY_BLOCKER,
                         g_strdup (_("Surname and given names are swapped")),
                         /* Translators: the surname, then the given names. */
                         g_strdup_printf (_("You typed the given names where the surname goes, and "
                                            "the other way round. Type “%s” as the surname and "
                                            "“%s” as the given names."), surname, given));
  self = pf_comparison_new (field, typed, &result);
  pf_compare_result_clear (&result);
  return self;
}

/**
 * pf_compare_details:
 * @typed: (array fixed-size=6) (nullable): what was typed, indexed by
 *   #PfField; entries may be %NULL
 * @document_printed: (array fixed-size=6) (nullable): the printed zone's
 *   values, indexed by #PfField
 * @document_mrz: (array fixed-size=6) (nullable): the MRZ's values
 * @flags: as for pf_compare_field()
 * @error: set when a value is not valid UTF-8
 *
 * Compares every field, and then the names across fields: a surname typed
 * in the given names' box and given names in the surname's is
 * %PF_REASON_ORDER on both.
 *
 * Returns: (transfer container) (element-type PfComparison) (nullable):
 *   %PF_N_FIELDS comparisons in #PfField order, or %NULL with @error set
 */
GPtrArray *
pf_compare_details (const char     **typed,
                    const char     **document_printed,
                    const char     **document_mrz,
                    PfCompareFlags   flags,
                    GError         **error)
{
  const char *none[PF_N_FIELDS] = { NULL };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_comparison_unref);
  PfComparison *surname, *given;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  typed = typed != NULL ? typed : none;
  document_printed = document_printed != NULL ? document_printed : none;
  document_mrz = document_mrz != NULL ? document_mrz : none;

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      PfComparison *one = pf_compare_field (f, typed[f], document_printed[f], document_mrz[f], flags,
                                            error);

      if (one == NULL)
        return NULL;
      g_ptr_array_add (all, one);
    }

  surname = g_ptr_array_index (all, PF_FIELD_SURNAME);
  given = g_ptr_array_index (all, PF_FIELD_GIVEN_NAMES);
  if (pf_comparison_get_verdict (surname) == PF_VERDICT_MISMATCH &&
      pf_comparison_get_verdict (given) == PF_VERDICT_MISMATCH &&
      names_swapped (typed, document_printed, document_mrz, flags))
    {
      const char *doc_surname = pf_comparison_get_document (surname);
      const char *doc_given = pf_comparison_get_document (given);
      PfComparison *new_surname = swapped_comparison (PF_FIELD_SURNAME, typed[PF_FIELD_SURNAME],
                                                      surname, doc_surname, doc_given);
      PfComparison *new_given = swapped_comparison (PF_FIELD_GIVEN_NAMES, typed[PF_FIELD_GIVEN_NAMES],
                                                    given, doc_surname, doc_given);

      g_ptr_array_index (all, PF_FIELD_SURNAME) = new_surname;
      g_ptr_array_index (all, PF_FIELD_GIVEN_NAMES) = new_given;
      pf_comparison_unref (surname);
      pf_comparison_unref (given);
    }

  return g_steal_pointer (&all);
}
