/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-finding.h"

G_BEGIN_DECLS

#define PF_COMPARE_ERROR (pf_compare_error_quark ())

/**
 * PfCompareError:
 * @PF_COMPARE_ERROR_INVALID_TEXT: a value is not valid UTF-8
 */
typedef enum
{
  PF_COMPARE_ERROR_INVALID_TEXT,
} PfCompareError;

/**
 * PfField:
 *
 * The personal details a service asks for and a document shows.
 */
typedef enum
{
  PF_FIELD_SURNAME,
  PF_FIELD_GIVEN_NAMES,
  PF_FIELD_BIRTH_DATE,
  PF_FIELD_NATIONALITY,
  PF_FIELD_DOCUMENT_NUMBER,
  PF_FIELD_EXPIRY_DATE,
} PfField;

#define PF_N_FIELDS (PF_FIELD_EXPIRY_DATE + 1)

/**
 * PfVerdict:
 * @PF_VERDICT_MATCH: what was typed agrees with the document (allowing
 *   for the ways the MRZ legitimately writes a value differently)
 * @PF_VERDICT_MISMATCH: it does not
 * @PF_VERDICT_UNREADABLE: the document's value could not be read
 * @PF_VERDICT_NOT_COMPARED: nothing was typed, so nothing was compared
 */
typedef enum
{
  PF_VERDICT_MATCH,
  PF_VERDICT_MISMATCH,
  PF_VERDICT_UNREADABLE,
  PF_VERDICT_NOT_COMPARED,
} PfVerdict;

/**
 * PfReason:
 * @PF_REASON_NONE: no reason to give: a plain match, or nothing compared
 * @PF_REASON_TYPO: one or two characters differ, are missing, extra or
 *   swapped
 * @PF_REASON_LOOKALIKE: characters that look alike are mixed up (letter O
 *   and digit 0, I and 1...)
 * @PF_REASON_ORDER: the names are in another order, or surname and given
 *   names are swapped
 * @PF_REASON_MISSING_NAME: a name on the document was left out
 * @PF_REASON_EXTRA_NAME: a name the document does not show was added
 * @PF_REASON_TRANSLITERATION: the same name spelled as Doc 9303 writes it
 *   in the MRZ (Müller, MUELLER), or without its diacritics
 * @PF_REASON_TRUNCATED: one side is the other cut short, as the MRZ cuts
 *   a name that does not fit
 * @PF_REASON_DATE_ORDER: day and month swapped
 * @PF_REASON_TWO_DIGIT_YEAR: the year typed with two digits
 * @PF_REASON_DIFFERENT: different, for no reason we can name
 */
typedef enum
{
  PF_REASON_NONE,
  PF_REASON_TYPO,
  PF_REASON_LOOKALIKE,
  PF_REASON_ORDER,
  PF_REASON_MISSING_NAME,
  PF_REASON_EXTRA_NAME,
  PF_REASON_TRANSLITERATION,
  PF_REASON_TRUNCATED,
  PF_REASON_DATE_ORDER,
  PF_REASON_TWO_DIGIT_YEAR,
  PF_REASON_DIFFERENT,
} PfReason;

/**
 * PfCompareFlags:
 * @PF_COMPARE_DATES_DAY_FIRST: the service's form wants dates day first
 *   (12/08/1974 is 12 August)
 * @PF_COMPARE_DATES_MONTH_FIRST: the service's form wants dates month
 *   first (08/12/1974 is 12 August)
 * @PF_COMPARE_MRZ_NAMES_TRUNCATED: the MRZ's name field is full, so its
 *   names may be cut short (pf_mrz_get_names_truncated()). Without it,
 *   only a name of 27 letters or more cut mid-word counts as cut short.
 *
 * With neither date flag the form's order is unknown: a date that reads
 * both ways matches when either reading does, with a caution.
 */
typedef enum /*< flags >*/
{
  PF_COMPARE_NONE                = 0,
  PF_COMPARE_DATES_DAY_FIRST     = 1 << 0,
  PF_COMPARE_DATES_MONTH_FIRST   = 1 << 1,
  PF_COMPARE_MRZ_NAMES_TRUNCATED = 1 << 2,
} PfCompareFlags;

/**
 * PfDiffKind:
 * @PF_DIFF_EQUAL: the same characters (ignoring case and diacritics)
 * @PF_DIFF_CHANGED: typed characters in place of the document's
 * @PF_DIFF_INSERTED: typed characters the document does not have
 * @PF_DIFF_DELETED: document characters missing from what was typed
 */
typedef enum
{
  PF_DIFF_EQUAL,
  PF_DIFF_CHANGED,
  PF_DIFF_INSERTED,
  PF_DIFF_DELETED,
} PfDiffKind;

/**
 * PfDiffSpan:
 *
 * A run of the alignment between the typed value and the document value
 * (pf_comparison_get_document()), in characters (not bytes) of each.
 * Spans cover both strings from start to end, in order.
 */
typedef struct
{
  PfDiffKind kind;
  guint      typed_start;
  guint      typed_len;
  guint      document_start;
  guint      document_len;
} PfDiffSpan;

/**
 * PF_COMPARE_MAX_ALIGNMENT:
 *
 * The most cells of the alignment table; beyond it (thousands of
 * characters on both sides, which no real detail has) the middle of the
 * two values is reported as one changed span and the values as different.
 */
#define PF_COMPARE_MAX_ALIGNMENT (512 * 512)

/**
 * PfComparison:
 *
 * One typed detail compared with the document. Immutable and ref-counted;
 * its copies of the values are zeroed when it is freed.
 */
typedef struct _PfComparison PfComparison;

#define PF_TYPE_COMPARISON (pf_comparison_get_type ())

GQuark            pf_compare_error_quark    (void);
GType             pf_comparison_get_type    (void) G_GNUC_CONST;

const char       *pf_field_get_id           (PfField          field);
const char       *pf_field_get_label        (PfField          field);
const char       *pf_verdict_to_string      (PfVerdict        verdict);
const char       *pf_reason_to_string       (PfReason         reason);

PfComparison     *pf_compare_field          (PfField          field,
                                             const char      *typed,
                                             const char      *document_printed,
                                             const char      *document_mrz,
                                             PfCompareFlags   flags,
                                             GError         **error);
GPtrArray        *pf_compare_details        (const char     **typed,
                                             const char     **document_printed,
                                             const char     **document_mrz,
                                             PfCompareFlags   flags,
                                             GError         **error);

PfComparison     *pf_comparison_ref         (PfComparison    *self);
void              pf_comparison_unref       (PfComparison    *self);

PfField           pf_comparison_get_field   (const PfComparison *self);
const char       *pf_comparison_get_typed   (const PfComparison *self);
const char       *pf_comparison_get_document (const PfComparison *self);
PfVerdict         pf_comparison_get_verdict (const PfComparison *self);
PfReason          pf_comparison_get_reason  (const PfComparison *self);
const PfDiffSpan *pf_comparison_get_spans   (const PfComparison *self,
                                             guint              *n_spans);
PfFinding        *pf_comparison_get_finding (const PfComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfComparison, pf_comparison_unref)

G_END_DECLS
