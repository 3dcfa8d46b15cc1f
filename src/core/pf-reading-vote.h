/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-reading.h"

G_BEGIN_DECLS

/**
 * PfReadingVote:
 *
 * How several readings of the same document (the captured photo and the
 * live camera's last frames before it) agree, field by field. Check
 * digits miss swaps of characters whose values differ by ten (L and 1, O
 * and 4, C and 2...) and do not cover names, nationality or sex at all; a
 * misread that happens in one frame seldom happens the same way in the
 * others, so a value the frames agree on is worth more than one frame's.
 * Immutable and ref-counted; its values are zeroed when it is freed.
 */
typedef struct _PfReadingVote PfReadingVote;

/**
 * PfReadingDoubt:
 * @PF_READING_DOUBT_NONE: nothing speaks against the field's reading
 * @PF_READING_DOUBT_NOT_READ: the document was read, but not this field
 * @PF_READING_DOUBT_FAINT: the reader was unsure of the field's
 *   characters, and nothing else vouches for them
 * @PF_READING_DOUBT_ZONES_DIFFER: the MRZ and the printed zone give
 *   different values (pf_reading_get_mrz_value(),
 *   pf_reading_get_printed_value())
 * @PF_READING_DOUBT_CHECK_FAILED: the value is the MRZ's alone, and the
 *   check digit that protects it fails
 * @PF_READING_DOUBT_FRAMES_DIFFER: the live camera's frames read it
 *   differently (pf_reading_vote_get_alternatives())
 *
 * Why the person should check a field's reading against the document
 * themselves; a field with several reasons gets the last in this order,
 * which is the most telling.
 */
typedef enum
{
  PF_READING_DOUBT_NONE,
  PF_READING_DOUBT_NOT_READ,
  PF_READING_DOUBT_FAINT,
  PF_READING_DOUBT_ZONES_DIFFER,
  PF_READING_DOUBT_CHECK_FAILED,
  PF_READING_DOUBT_FRAMES_DIFFER,
} PfReadingDoubt;

/* Below this confidence (a probability, pf_reading_get_confidence()) a
 * value is no better than a guess between two readings. */
#define PF_READING_FAINT_CONFIDENCE 0.5

#define PF_TYPE_READING_VOTE (pf_reading_vote_get_type ())

GType               pf_reading_vote_get_type         (void) G_GNUC_CONST;

PfReadingVote      *pf_reading_vote_new              (PfReading      **readings,
                                                      guint            n_readings);
PfReadingVote      *pf_reading_vote_ref              (PfReadingVote   *self);
void                pf_reading_vote_unref            (PfReadingVote   *self);

guint               pf_reading_vote_get_n_readings   (PfReadingVote   *self);
PfReadingAgreement  pf_reading_vote_get_agreement    (PfReadingVote   *self,
                                                      PfField          field);
guint               pf_reading_vote_get_support      (PfReadingVote   *self,
                                                      PfField          field);
const char * const *pf_reading_vote_get_alternatives (PfReadingVote   *self,
                                                      PfField          field);
gboolean            pf_reading_vote_get_confirmed    (PfReadingVote   *self);

PfReadingVote      *pf_reading_get_vote              (PfReading       *self);
PfReadingDoubt      pf_reading_get_doubt             (PfReading       *self,
                                                      PfField          field);
PfMrzCheckResult    pf_reading_get_check             (PfReading       *self,
                                                      PfField          field);

PfReading          *pf_read_document_frames          (PfImage              *photo,
                                                      PfImage             **frames,
                                                      guint                 n_frames,
                                                      const PfReadOptions  *options,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

const char         *pf_reading_agreement_to_string   (PfReadingAgreement    agreement);
const char         *pf_reading_doubt_to_string       (PfReadingDoubt        doubt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfReadingVote, pf_reading_vote_unref)

G_END_DECLS
