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
 * zeroed before it is freed. Names live in pf-compare-names.c, dates in
 * pf-compare-dates.c, the character alignment in pf-compare-align.c;
 * document numbers and nationality are here. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-image.h"
#include "pf-translit.h"

G_DEFINE_QUARK (pf-compare-error-quark, pf_compare_error)

struct _PfComparison
{
  gatomicrefcount  ref_count;
  PfField          field;
  PfVerdict        verdict;
  PfReason         reason;
  char            *typed;
  char            *document;
  GArray          *spans;
  PfFinding       *finding;
};

G_DEFINE_BOXED_TYPE (PfComparison, pf_comparison, pf_comparison_ref, pf_comparison_unref)

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

static char *
default_title (PfField    field,
               PfVerdict  verdict,
               PfReason   reason,
               PfSeverity severity)
{
  const char *label = pf_field_get_label (field);

  if (verdict == PF_VERDICT_UNREADABLE)
    /* Translators: %s is a field such as "Surname". */
    return g_strdup_printf (_("%s: not read on the photo"), label);

  if (verdict == PF_VERDICT_MATCH)
    {
      if (severity == PF_SEVERITY_OK)
        return g_strdup_printf (_("%s matches the document"), label);
      if (reason == PF_REASON_TRANSLITERATION)
        return g_strdup_printf (_("%s: accents or special letters differ"), label);
      return g_strdup_printf (_("%s matches, but check how it is written"), label);
    }

  switch (reason)
    {
    case PF_REASON_TYPO:
      return g_strdup_printf (_("%s: a typing mistake"), label);
    case PF_REASON_LOOKALIKE:
      return g_strdup_printf (_("%s: look-alike characters are mixed up"), label);
    case PF_REASON_ORDER:
      return g_strdup_printf (_("%s: the names are in another order"), label);
    case PF_REASON_MISSING_NAME:
      return g_strdup_printf (_("%s: a name is missing"), label);
    case PF_REASON_EXTRA_NAME:
      return g_strdup_printf (_("%s: a name the document does not show"), label);
    case PF_REASON_TRUNCATED:
      return g_strdup_printf (_("%s is cut short"), label);
    case PF_REASON_DATE_ORDER:
      return g_strdup_printf (_("%s: day and month are swapped"), label);
    case PF_REASON_TWO_DIGIT_YEAR:
      return g_strdup_printf (_("%s: the year has only two digits"), label);
    case PF_REASON_NONE:
    case PF_REASON_TRANSLITERATION:
    case PF_REASON_DIFFERENT:
    default:
      return g_strdup_printf (_("%s differs from the document"), label);
    }
}

/* A document number or code without spaces, dashes, dots, slashes or MRZ
 * fillers, in capitals: services differ in whether they keep them, and
 * none treats them as part of the number. */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (pf_translit_is_separator (c) || c == '.' || c == '/')
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_inner_separator (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean found = FALSE;

  for (const char *p = stripped; *p != '\0' && !found; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      found = pf_translit_is_separator (c) || c == '.' || c == '/';
    }
  pf_secure_zero (stripped, strlen (stripped));
  return found;
}

static gboolean
same_code (PfField     field,
           const char *a,
           const char *b)
{
  if (g_str_equal (a, b))
    return TRUE;
  /* Germany's MRZ code is D, where ISO 3166 has DEU. */
  return field == PF_FIELD_NATIONALITY &&
         ((g_str_equal (a, "D") && g_str_equal (b, "DEU")) ||
          (g_str_equal (a, "DEU") && g_str_equal (b, "D")));
}

/* Document numbers and nationality codes: every character counts, so a
 * look-alike or a typo is named by position. */
static void
compare_code (PfField          field,
              const char      *typed,
              const char      *printed,
              const char      *mrz,
              PfCompareResult *result)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_compare_free_zeroed);
  const char *reference = printed != NULL ? printed : mrz;
  char *t = compact (typed);
  char *doc = compact (reference);
  char *mrz_compact = mrz != NULL ? compact (mrz) : NULL;
  g_autofree char *details = NULL;
  PfReason reason;

  g_ptr_array_add (owned, t);
  g_ptr_array_add (owned, doc);
  g_ptr_array_add (owned, mrz_compact);
  result->document = g_strdup (doc);

  if (same_code (field, t, doc))
    {
      if (has_inner_separator (typed) && !has_inner_separator (reference))
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_CAUTION, NULL,
                               g_strdup_printf (_("The document shows it without spaces or dashes: "
                                                  "type “%s”."), doc));
      else
        pf_compare_result_set (result, PF_VERDICT_MATCH, PF_REASON_NONE, PF_SEVERITY_OK, NULL,
                               g_strdup (_("It is the same as on the document.")));
      return;
    }

  if (printed != NULL && mrz_compact != NULL && same_code (field, t, mrz_compact))
    {
      g_clear_pointer (&result->document, pf_compare_free_zeroed);
      result->document = g_strdup (mrz_compact);
      pf_compare_result_set_misread (result, field, PF_REASON_NONE, mrz_compact, doc);
      return;
    }

  reason = pf_compare_classify_chars (t, doc, NULL, &details);
  if (reason == PF_REASON_LOOKALIKE || reason == PF_REASON_TYPO)
    /* Translators: "Type it as “AB0123456”: character 3 is the digit
     * zero (0), not the letter O." */
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, reason, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("Type it as “%s”: %s."), doc, details));
  else if (field == PF_FIELD_NATIONALITY && g_utf8_strlen (t, -1) > 3)
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("The document shows the nationality code “%s”. If the "
                                              "form asks for a code, type “%s”; if it asks for a "
                                              "country, choose the one this code stands for."),
                                            doc, doc));
  else
    pf_compare_result_set (result, PF_VERDICT_MISMATCH, PF_REASON_DIFFERENT, PF_SEVERITY_BLOCKER, NULL,
                           g_strdup_printf (_("The document shows “%s”. Type it exactly like that, "
                                              "character by character."), doc));
  if (details != NULL)
    pf_secure_zero (details, strlen (details));
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

static PfComparison *
comparison_new (PfField          field,
                const char      *typed,
                PfCompareResult *result)
{
  PfComparison *self = g_new0 (PfComparison, 1);
  g_autofree char *title = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->field = field;
  self->verdict = result->verdict;
  self->reason = result->reason;
  self->typed = g_strdup (typed != NULL ? typed : "");
  self->document = g_strdup (result->document);

  if (self->document != NULL && !pf_compare_is_blank (self->typed))
    self->spans = pf_compare_spans (self->typed, self->document);
  else
    self->spans = g_array_new (FALSE, FALSE, sizeof (PfDiffSpan));

  if (result->verdict != PF_VERDICT_NOT_COMPARED)
    {
      g_autofree char *id = g_strconcat ("details.", pf_field_get_id (field), NULL);

      if (result->title == NULL)
        result->title = default_title (field, result->verdict, result->reason, result->severity);
      self->finding = pf_finding_new (id, result->severity, result->title, result->advice);
    }

  return self;
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
          compare_code (field, pf_compare_is_blank (typed) ? "" : typed, printed, mrz, &result);
          break;
        }
    }

  /* Nothing typed: the page shows the reading and asks for the value. */
  if (pf_compare_is_blank (typed))
    pf_compare_result_set (&result, PF_VERDICT_NOT_COMPARED, PF_REASON_NONE, PF_SEVERITY_OK, NULL, NULL);

  self = comparison_new (field, typed, &result);
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

      if (cross == NULL || cross->verdict != PF_VERDICT_MATCH)
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

  result.document = g_strdup (own->document);
  pf_compare_result_set (&result, PF_VERDICT_MISMATCH, PF_REASON_ORDER, PF_SEVERITY_BLOCKER,
                         g_strdup (_("Surname and given names are swapped")),
                         /* Translators: the surname, then the given names. */
                         g_strdup_printf (_("You typed the given names where the surname goes, and "
                                            "the other way round. Type “%s” as the surname and "
                                            "“%s” as the given names."), surname, given));
  self = comparison_new (field, typed, &result);
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
  if (surname->verdict == PF_VERDICT_MISMATCH && given->verdict == PF_VERDICT_MISMATCH &&
      names_swapped (typed, document_printed, document_mrz, flags))
    {
      const char *doc_surname = surname->document;
      const char *doc_given = given->document;
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

PfComparison *
pf_comparison_ref (PfComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_comparison_unref (PfComparison *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  pf_compare_free_zeroed (self->typed);
  pf_compare_free_zeroed (self->document);
  pf_secure_zero (self->spans->data, self->spans->len * sizeof (PfDiffSpan));
  g_array_unref (self->spans);
  g_clear_object (&self->finding);
  g_free (self);
}

PfField
pf_comparison_get_field (const PfComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->field;
}

/**
 * pf_comparison_get_typed:
 *
 * Returns: what was typed, as typed ("" when nothing was)
 */
const char *
pf_comparison_get_typed (const PfComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->typed;
}

/**
 * pf_comparison_get_document:
 *
 * Returns: (nullable): what the document shows, in the form to type it
 *   (the printed name, a number without spaces, a date in the form's
 *   order), or %NULL when it was not read
 */
const char *
pf_comparison_get_document (const PfComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

PfVerdict
pf_comparison_get_verdict (const PfComparison *self)
{
  g_return_val_if_fail (self != NULL, PF_VERDICT_NOT_COMPARED);
  return self->verdict;
}

PfReason
pf_comparison_get_reason (const PfComparison *self)
{
  g_return_val_if_fail (self != NULL, PF_REASON_NONE);
  return self->reason;
}

/**
 * pf_comparison_get_spans:
 * @n_spans: (out): the number of spans
 *
 * Returns: (array length=n_spans): the alignment of the typed value with
 *   pf_comparison_get_document(), for highlighting; empty when either is
 *   missing
 */
const PfDiffSpan *
pf_comparison_get_spans (const PfComparison *self,
                         guint              *n_spans)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  *n_spans = self->spans->len;
  return (const PfDiffSpan *) (gpointer) self->spans->data;
}

/**
 * pf_comparison_get_finding:
 *
 * Returns: (transfer none) (nullable): the "details.<field>" finding, or
 *   %NULL when nothing was typed
 */
PfFinding *
pf_comparison_get_finding (const PfComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->finding;
}
