/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between the document reader's parts: the steps of a reading
 * (pf-reading.c), the reading they fill in (pf-reading-result.c), its
 * fields (pf-reading-fields.c), the printed zone (pf-reading-printed.c)
 * and the vote across frames (pf-reading-vote.c). Not for use outside
 * src/core. */
#pragma once

#include "pf-reading.h"
#include "pf-reading-vote.h"
#include "pf-rectify.h"

G_BEGIN_DECLS

/* The rectified document's density for the printed zone: the 2 to 3 mm
 * capitals of the printed fields come out 24 to 36 pixels tall, the size
 * Tesseract's models read best. */
#define PF_READING_PRINTED_PX_PER_MM 12.0

/* One value found in the printed zone. */
typedef struct
{
  char   *text;        /* owned, zeroed when cleared; NULL: not found */
  double  confidence;  /* 0..1 */
} PfPrintedField;

/* A run of consecutive words on one line of the printed zone. */
typedef struct
{
  char   *text;      /* words joined by single spaces */
  char   *folded;    /* capitals, no diacritics, separators as spaces */
  char   *compact;   /* folded, without spaces */
  PfRect  box;
  double  confidence;
  guint   first;     /* index of its first word */
  guint   n_words;
} PfPrintedCandidate;

/* What one reading holds: filled in by pf-reading.c in its worker, read
 * through the getters of pf-reading-result.c; nothing changes it once it
 * is handed on. */
struct _PfReading
{
  gatomicrefcount  ref_count;
  PfDocumentKind   kind;
  gboolean         has_outline;
  PfPoint          outline[4];
  PfMrzReading    *mrz_reading;
  gboolean         printed_read;
  GError          *printed_error;
  char            *mrz_values[PF_N_FIELDS];
  double           mrz_confidences[PF_N_FIELDS];
  PfPrintedField   printed[PF_N_FIELDS];
  const char      *values[PF_N_FIELDS];   /* borrowed from the two above */
  double           confidences[PF_N_FIELDS];
  PfReadingSource  sources[PF_N_FIELDS];
  PfReadingVote   *vote;                  /* NULL: read alone */
};

gboolean  pf_reading_read_printed  (const PfRectified *document,
                                    PfMrz             *mrz,
                                    PfPrintedField     fields[PF_N_FIELDS],
                                    GCancellable      *cancellable,
                                    GError           **error);
void      pf_printed_field_clear   (PfPrintedField    *field);
guint     pf_reading_edit_distance (const char        *a,
                                    const char        *b);
void      pf_reading_secure_free   (char              *text);
void      pf_reading_set_vote      (PfReading         *self,
                                    PfReadingVote     *vote);

/* pf-reading-printed.c */
void      pf_printed_field_set      (PfPrintedField           *field,
                                     const PfPrintedCandidate *c,
                                     const char               *text,
                                     double                    confidence);
char     *pf_printed_candidate_date (const PfPrintedCandidate *c);

/* pf-reading-labels.c */
gboolean  pf_reading_find_by_label  (GPtrArray        *words,
                                     GArray           *candidates,
                                     PfField           field,
                                     PfPrintedField   *out);

/* pf-reading-fields.c */
gboolean  pf_reading_mrz_field_checked (PfReading       *self,
                                        PfField          field);
void      pf_reading_set_mrz_values (PfReading        *self,
                                     PfMrzReading     *reading);
void      pf_reading_merge_fields   (PfReading        *self);

G_END_DECLS
