/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-compare.h"

G_BEGIN_DECLS

/* One step of an alignment of a typed value with the document's. SUBST,
 * INSERT (a typed character the document does not have), DELETE (a
 * document character missing from what was typed) and SWAP (two adjacent
 * characters the other way round) are edits; BLOCK stands for a middle
 * too long to align, of any lengths. Positions count characters. */
typedef enum
{
  PF_EDIT_EQUAL,
  PF_EDIT_SUBST,
  PF_EDIT_INSERT,
  PF_EDIT_DELETE,
  PF_EDIT_SWAP,
  PF_EDIT_BLOCK,
} PfEditKind;

typedef struct
{
  PfEditKind kind;
  guint      typed_pos;
  guint      typed_len;
  guint      doc_pos;
  guint      doc_len;
} PfEdit;

typedef gboolean (*PfCharEqualFunc) (gunichar a,
                                     gunichar b);

/* What one field's comparison found, before it becomes a PfComparison.
 * The strings are owned and zeroed by pf_compare_result_clear(). */
typedef struct
{
  PfVerdict   verdict;
  PfReason    reason;
  PfSeverity  severity;
  char       *document;
  char       *title;
  char       *advice;
} PfCompareResult;

/* pf-compare-align.c */
gunichar  *pf_compare_chars          (const char       *text,
                                      guint            *n_chars);
void       pf_compare_free_chars     (gunichar         *chars,
                                      guint             n_chars);
guint      pf_compare_align          (const gunichar   *typed,
                                      guint             n_typed,
                                      const gunichar   *doc,
                                      guint             n_doc,
                                      PfCharEqualFunc   equal,
                                      GArray           *edits);
GArray    *pf_compare_spans          (const char       *typed,
                                      const char       *document);
PfReason   pf_compare_classify_chars (const char       *typed,
                                      const char       *document,
                                      PfCharEqualFunc   equal,
                                      char            **details);
gboolean   pf_compare_is_lookalike   (gunichar          a,
                                      gunichar          b);

/* pf-compare.c */
void       pf_compare_result_clear   (PfCompareResult  *result);
void       pf_compare_result_set     (PfCompareResult  *result,
                                      PfVerdict         verdict,
                                      PfReason          reason,
                                      PfSeverity        severity,
                                      char             *title,
                                      char             *advice);
void       pf_compare_result_set_misread (PfCompareResult *result,
                                          PfField          field,
                                          PfReason         reason,
                                          const char      *mrz_value,
                                          const char      *printed_value);
void       pf_compare_free_zeroed    (char             *text);
gboolean   pf_compare_is_blank       (const char       *text);

/* pf-compare-codes.c */
void       pf_compare_codes          (PfField           field,
                                      const char       *typed,
                                      const char       *printed,
                                      const char       *mrz,
                                      PfCompareResult  *result);

/* pf-comparison.c */
PfComparison *pf_comparison_new      (PfField           field,
                                      const char       *typed,
                                      PfCompareResult  *result);

/* pf-compare-names.c */
void       pf_compare_names          (PfField           field,
                                      const char       *typed,
                                      const char       *printed,
                                      const char       *mrz,
                                      PfCompareFlags    flags,
                                      PfCompareResult  *result);

/* pf-compare-dates.c */
void       pf_compare_dates          (PfField           field,
                                      const char       *typed,
                                      const char       *printed,
                                      const char       *mrz,
                                      PfCompareFlags    flags,
                                      PfCompareResult  *result);

G_END_DECLS
