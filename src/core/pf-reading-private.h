/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between the document reader (pf-reading.c) and its printed-zone part
 * (pf-reading-printed.c). Not for use outside src/core. */
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

gboolean  pf_reading_read_printed  (const PfRectified *document,
                                    PfMrz             *mrz,
                                    PfPrintedField     fields[PF_N_FIELDS],
                                    GCancellable      *cancellable,
                                    GError           **error);
void      pf_printed_field_clear   (PfPrintedField    *field);
guint     pf_reading_edit_distance (const char        *a,
                                    const char        *b);
void      pf_reading_secure_free   (char              *text);
gboolean  pf_reading_mrz_field_checked (PfReading     *self,
                                        PfField        field);
void      pf_reading_set_vote      (PfReading         *self,
                                    PfReadingVote     *vote);

G_END_DECLS
