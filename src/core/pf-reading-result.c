/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reading itself: a ref-counted, immutable record of what was read in
 * one photo (the outline, the MRZ, the printed zone's fields and the two
 * put together), zeroed when freed, with the getters the details page, the
 * CLI and the tests read it by. pf-reading.c fills it in. */

#include "config.h"

#include <string.h>

#include "pf-reading-private.h"

G_DEFINE_BOXED_TYPE (PfReading, pf_reading, pf_reading_ref, pf_reading_unref)
G_DEFINE_QUARK (pf-reading-error-quark, pf_reading_error)

void
pf_reading_secure_free (char *text)
{
  if (text == NULL)
    return;

  pf_secure_zero (text, strlen (text));
  g_free (text);
}

void
pf_printed_field_clear (PfPrintedField *field)
{
  g_clear_pointer (&field->text, pf_reading_secure_free);
  field->confidence = 0;
}
PfReading *
pf_reading_ref (PfReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_reading_unref (PfReading *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->mrz_reading, pf_mrz_reading_unref);
  g_clear_pointer (&self->vote, pf_reading_vote_unref);
  g_clear_error (&self->printed_error);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      g_clear_pointer (&self->mrz_values[f], pf_reading_secure_free);
      pf_printed_field_clear (&self->printed[f]);
    }
  pf_secure_zero (self, sizeof *self);
  g_free (self);
}

/**
 * pf_reading_get_kind:
 *
 * Returns: the kind of document the MRZ's document code names, or
 *   %PF_DOCUMENT_KIND_NONE when no MRZ was read or its code names no kind
 *   we know (a visa)
 */
PfDocumentKind
pf_reading_get_kind (PfReading *self)
{
  g_return_val_if_fail (self != NULL, PF_DOCUMENT_KIND_NONE);

  return self->kind;
}

/**
 * pf_reading_get_outline:
 * @corners: (out caller-allocates) (array fixed-size=4): the document's
 *   corners in the photo
 *
 * Returns: whether the document's outline was known or found
 */
gboolean
pf_reading_get_outline (PfReading *self,
                        PfPoint    corners[4])
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_outline && corners != NULL)
    memcpy (corners, self->outline, sizeof self->outline);
  return self->has_outline;
}

/**
 * pf_reading_get_mrz_reading:
 *
 * Returns: (transfer none) (nullable): the MRZ as read, with each
 *   character's confidence, or %NULL when none was found
 */
PfMrzReading *
pf_reading_get_mrz_reading (PfReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->mrz_reading;
}

/**
 * pf_reading_get_mrz:
 *
 * Returns: (transfer none) (nullable): the MRZ read, parsed (its lines,
 *   check digits and fields), or %NULL when none was found
 */
PfMrz *
pf_reading_get_mrz (PfReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->mrz_reading != NULL ? pf_mrz_reading_get_mrz (self->mrz_reading) : NULL;
}

/**
 * pf_reading_get_printed_read:
 *
 * Returns: whether the printed zone was read (even if no field was found
 *   in it); %FALSE when it was skipped or could not be read
 */
gboolean
pf_reading_get_printed_read (PfReading *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->printed_read;
}

/**
 * pf_reading_get_printed_error:
 *
 * Returns: (transfer none) (nullable): why the printed zone could not be
 *   read (in the %PF_READING_ERROR domain), or %NULL
 */
const GError *
pf_reading_get_printed_error (PfReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->printed_error;
}

/**
 * pf_reading_get_value:
 *
 * The document's value of @field: both zones' when they agree, else the
 * more trustworthy one (see pf_reading_get_source()). Names are as
 * printed when the printed zone was read, with spaces between names;
 * dates are ISO 8601 (YYYY-MM-DD) when they are real days.
 *
 * Returns: (nullable): the value, or %NULL when it was not read
 */
const char *
pf_reading_get_value (PfReading *self,
                      PfField    field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->values[field];
}

/**
 * pf_reading_get_mrz_value:
 *
 * Returns: (nullable): the MRZ's value of @field, or %NULL
 */
const char *
pf_reading_get_mrz_value (PfReading *self,
                          PfField    field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->mrz_values[field];
}

/**
 * pf_reading_get_printed_value:
 *
 * Returns: (nullable): the printed zone's value of @field, or %NULL
 */
const char *
pf_reading_get_printed_value (PfReading *self,
                              PfField    field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return self->printed[field].text;
}

/**
 * pf_reading_get_confidence:
 *
 * Returns: how sure the reading of pf_reading_get_value() is, 0 to 1
 */
double
pf_reading_get_confidence (PfReading *self,
                           PfField    field)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (field < PF_N_FIELDS, 0);

  return self->confidences[field];
}

/**
 * pf_reading_get_printed_confidence:
 *
 * Returns: how sure the printed zone's reading of @field is, 0 to 1 (0
 *   when it was not found)
 */
double
pf_reading_get_printed_confidence (PfReading *self,
                                   PfField    field)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (field < PF_N_FIELDS, 0);

  return self->printed[field].confidence;
}

PfReadingSource
pf_reading_get_source (PfReading *self,
                       PfField    field)
{
  g_return_val_if_fail (self != NULL, PF_READING_SOURCE_NONE);
  g_return_val_if_fail (field < PF_N_FIELDS, PF_READING_SOURCE_NONE);

  return self->sources[field];
}

/* Attaches the vote of the readings @self was one of; once, before @self
 * is handed on (a reading is immutable from then on). */
void
pf_reading_set_vote (PfReading     *self,
                     PfReadingVote *vote)
{
  g_assert (self->vote == NULL);
  self->vote = pf_reading_vote_ref (vote);
}

/**
 * pf_reading_get_vote:
 *
 * Returns: (transfer none) (nullable): how the frames read with this photo
 *   agreed (pf_read_document_frames()), or %NULL when it was read alone
 */
PfReadingVote *
pf_reading_get_vote (PfReading *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->vote;
}

/**
 * pf_reading_get_agreement:
 *
 * Returns: whether the frames read with this photo agree on @field;
 *   %PF_READING_AGREEMENT_NONE when it was read alone
 */
PfReadingAgreement
pf_reading_get_agreement (PfReading *self,
                          PfField    field)
{
  g_return_val_if_fail (self != NULL, PF_READING_AGREEMENT_NONE);
  g_return_val_if_fail (field < PF_N_FIELDS, PF_READING_AGREEMENT_NONE);

  return self->vote != NULL ? pf_reading_vote_get_agreement (self->vote, field)
                            : PF_READING_AGREEMENT_NONE;
}

/**
 * pf_reading_compare:
 * @typed: (array fixed-size=6) (nullable): what the person typed, indexed
 *   by #PfField; entries may be %NULL
 * @flags: the form's date order; whether the MRZ's names are cut short is
 *   added from the MRZ
 * @error: set when a typed value is not valid UTF-8
 *
 * Compares what was typed with this reading: pf_compare_details() with
 * the printed zone's and the MRZ's values.
 *
 * Returns: (transfer container) (element-type PfComparison) (nullable):
 *   %PF_N_FIELDS comparisons in #PfField order, or %NULL with @error set
 */
GPtrArray *
pf_reading_compare (PfReading       *self,
                    const char     **typed,
                    PfCompareFlags   flags,
                    GError         **error)
{
  const char *printed[PF_N_FIELDS];

  g_return_val_if_fail (self != NULL, NULL);

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    printed[f] = self->printed[f].text;

  if (self->mrz_reading != NULL &&
      pf_mrz_get_names_truncated (pf_mrz_reading_get_mrz (self->mrz_reading)))
    flags |= PF_COMPARE_MRZ_NAMES_TRUNCATED;

  return pf_compare_details (typed, printed, (const char **) self->mrz_values, flags, error);
}

/**
 * pf_reading_source_to_string:
 *
 * Returns: a fixed name for @source, for the JSON: "none", "mrz",
 *   "printed", "both" or "disagree"
 */
const char *
pf_reading_source_to_string (PfReadingSource source)
{
  switch (source)
    {
    case PF_READING_SOURCE_MRZ:
      return "mrz";
    case PF_READING_SOURCE_PRINTED:
      return "printed";
    case PF_READING_SOURCE_BOTH:
      return "both";
    case PF_READING_SOURCE_DISAGREE:
      return "disagree";
    case PF_READING_SOURCE_NONE:
    default:
      return "none";
    }
}
