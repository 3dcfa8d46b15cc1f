/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One field's comparison as the details page and the CLI see it: a
 * ref-counted, immutable record of what was typed, what the document
 * shows, the verdict and its reason, the alignment of the two for
 * highlighting, and the "details.<field>" finding, worded here when the
 * comparator gave no title of its own. The comparator (pf-compare.c) makes
 * it; every string in it is zeroed when it is freed. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-compare-private.h"
#include "pf-image.h"

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

/* A comparison of @typed from what the comparator found; @result keeps
 * its strings (the caller clears it). */
PfComparison *
pf_comparison_new (PfField          field,
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
