/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agreement across readings of the same document. The captured photo's
 * reading stays the one shown; the live camera's last frames before the
 * capture are read too, and each field is judged by how they agree with
 * it, twice: by the value each reading settled on (the MRZ and the
 * printed zone already weighed against each other, compared as the
 * details step compares), and by the MRZ's own value exactly. A field is
 * uncertain as soon as one frame reads it otherwise: a swap the check
 * digits cannot see (L and 1, O and 4) then shows as a second value,
 * which the person is asked to check against the document itself.
 * Everything here runs in a worker thread. pf_reading_get_doubt() puts
 * the vote together with a reading's other reasons for doubt (a field not
 * read, read faintly, read otherwise by the two zones, or with a failing
 * check digit), for the details step to say on each field. */

#include "config.h"

#include <string.h>

#include "pf-reading-private.h"

typedef struct
{
  PfReadingAgreement  agreement;
  guint               support;       /* readings that gave the photo's value */
  GPtrArray          *alternatives;  /* char *, the photo's value first; NULL-terminated */
} FieldVote;

struct _PfReadingVote
{
  gatomicrefcount ref_count;
  guint           n_readings;
  FieldVote       fields[PF_N_FIELDS];
};

G_DEFINE_BOXED_TYPE (PfReadingVote, pf_reading_vote, pf_reading_vote_ref, pf_reading_vote_unref)

/* The two ways a frame can speak for a field. */
typedef enum
{
  /* The value the reading gives (pf_reading_get_value()): the MRZ and the
   * printed zone already settled against each other, so Tesseract's slips
   * that the MRZ overrules count for nothing. A frame votes here with a
   * value from its printed zone; compared by the comparator, the same
   * value in another form (the MRZ's transliteration, a name cut short, a
   * date written otherwise) is the same value. */
  ZONE_SETTLED,
  /* The MRZ's own value, exactly: a swap in the MRZ shows here even where
   * the printed zone has the final word on the value shown. Only MRZs
   * whose check digits all pass count (a frame's reader that had to guess
   * votes for nothing). */
  ZONE_MRZ,
} Zone;

static gboolean
same_value (PfReading  *photo,
            PfField     field,
            Zone        zone,
            const char *photo_value,
            const char *value)
{
  g_autoptr(PfComparison) comparison = NULL;
  PfCompareFlags flags = PF_COMPARE_DATES_DAY_FIRST;
  PfMrz *mrz = pf_reading_get_mrz (photo);
  gboolean from_mrz;

  if (g_str_equal (photo_value, value))
    return TRUE;
  if (zone == ZONE_MRZ)
    return FALSE;

  /* The photo's value as the document's, in the zone it came from, so that
   * the comparator applies that zone's rules. */
  from_mrz = pf_reading_get_source (photo, field) == PF_READING_SOURCE_MRZ ||
             g_strcmp0 (photo_value, pf_reading_get_mrz_value (photo, field)) == 0;
  if (mrz != NULL && pf_mrz_get_names_truncated (mrz))
    flags |= PF_COMPARE_MRZ_NAMES_TRUNCATED;
  comparison = pf_compare_field (field, value, from_mrz ? NULL : photo_value,
                                 from_mrz ? photo_value : NULL, flags, NULL);
  return comparison != NULL && pf_comparison_get_verdict (comparison) == PF_VERDICT_MATCH;
}

/* A value of @field in @reading, or %NULL when it gives none worth
 * counting. The photo's own MRZ always counts: it is the value shown, and
 * the question is whether the frames back it. */
static const char *
zone_value (PfReading *reading,
            PfField    field,
            Zone       zone,
            gboolean   is_photo)
{
  PfMrzReading *mrz;

  if (zone == ZONE_SETTLED)
    {
      const char *value = pf_reading_get_value (reading, field);

      /* A frame's value that is its MRZ's is the MRZ vote's to count, by
       * the MRZ's own rules (a name cut short there is no other name). */
      if (!is_photo && value != NULL &&
          g_strcmp0 (value, pf_reading_get_mrz_value (reading, field)) == 0)
        return NULL;
      return value;
    }

  mrz = pf_reading_get_mrz_reading (reading);
  if (mrz == NULL || (!is_photo && !pf_mrz_reading_get_valid (mrz)))
    return NULL;
  return pf_reading_get_mrz_value (reading, field);
}

static void
add_alternative (GPtrArray  *alternatives,
                 const char *value)
{
  for (guint i = 0; i < alternatives->len; i++)
    if (g_str_equal (g_ptr_array_index (alternatives, i), value))
      return;
  g_ptr_array_add (alternatives, g_strdup (value));
}

/* How the readings' values of @field agree with the photo's (readings[0]),
 * in one @zone. Different values go into @alternatives. */
static PfReadingAgreement
vote_zone (PfReading **readings,
           guint       n_readings,
           PfField     field,
           Zone        zone,
           GPtrArray  *alternatives,
           guint      *support)
{
  const char *photo = zone_value (readings[0], field, zone, TRUE);
  gboolean differ = FALSE;

  *support = 0;
  if (photo == NULL)
    return PF_READING_AGREEMENT_NONE;

  *support = 1;
  for (guint i = 1; i < n_readings; i++)
    {
      const char *value = zone_value (readings[i], field, zone, FALSE);

      if (value == NULL)
        continue;
      if (same_value (readings[0], field, zone, photo, value))
        {
          (*support)++;
          continue;
        }
      if (!differ)
        add_alternative (alternatives, photo);
      add_alternative (alternatives, value);
      differ = TRUE;
    }

  if (differ)
    return PF_READING_AGREEMENT_UNCERTAIN;
  if (*support >= 2 || pf_reading_mrz_field_checked (readings[0], field))
    return PF_READING_AGREEMENT_CONFIRMED;
  return PF_READING_AGREEMENT_SINGLE;
}

static void
secure_free_value (gpointer value)
{
  pf_reading_secure_free (value);
}

/**
 * pf_reading_vote_new:
 * @readings: (array length=n_readings): readings of the same document,
 *   the captured photo's first
 * @n_readings: at least 1
 *
 * Judges each field of the first reading by the others: confirmed when
 * another reading gives the same value (or its check digit passed) and
 * none gives another; uncertain, with the values read, when one does.
 *
 * Returns: (transfer full): the vote
 */
PfReadingVote *
pf_reading_vote_new (PfReading **readings,
                     guint       n_readings)
{
  PfReadingVote *self;

  g_return_val_if_fail (readings != NULL, NULL);
  g_return_val_if_fail (n_readings >= 1, NULL);

  self = g_new0 (PfReadingVote, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_readings = n_readings;

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      FieldVote *vote = &self->fields[f];
      PfReadingAgreement mrz, settled;
      guint mrz_support, settled_support;

      vote->alternatives = g_ptr_array_new_null_terminated (2, secure_free_value, TRUE);
      settled = vote_zone (readings, n_readings, f, ZONE_SETTLED, vote->alternatives,
                           &settled_support);
      mrz = vote_zone (readings, n_readings, f, ZONE_MRZ, vote->alternatives, &mrz_support);

      /* Either way's doubt is the field's; otherwise the better one speaks
       * for it (the enum is ordered from nothing to confirmed). */
      if (mrz == PF_READING_AGREEMENT_UNCERTAIN || settled == PF_READING_AGREEMENT_UNCERTAIN)
        vote->agreement = PF_READING_AGREEMENT_UNCERTAIN;
      else
        vote->agreement = MAX (mrz, settled);
      vote->support = MAX (mrz_support, settled_support);
    }

  return self;
}

PfReadingVote *
pf_reading_vote_ref (PfReadingVote *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_reading_vote_unref (PfReadingVote *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    g_clear_pointer (&self->fields[f].alternatives, g_ptr_array_unref);
  g_free (self);
}

/**
 * pf_reading_vote_get_n_readings:
 *
 * Returns: how many readings voted, the photo's included
 */
guint
pf_reading_vote_get_n_readings (PfReadingVote *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_readings;
}

PfReadingAgreement
pf_reading_vote_get_agreement (PfReadingVote *self,
                               PfField        field)
{
  g_return_val_if_fail (self != NULL, PF_READING_AGREEMENT_NONE);
  g_return_val_if_fail (field < PF_N_FIELDS, PF_READING_AGREEMENT_NONE);

  return self->fields[field].agreement;
}

/**
 * pf_reading_vote_get_support:
 *
 * Returns: how many readings gave the photo's value of @field (the
 *   photo's own included), in the zone where most did
 */
guint
pf_reading_vote_get_support (PfReadingVote *self,
                             PfField        field)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (field < PF_N_FIELDS, 0);

  return self->fields[field].support;
}

/**
 * pf_reading_vote_get_alternatives:
 *
 * The different values read for an uncertain field, the photo's first
 * (an MRZ's dates as YYYY-MM-DD, printed values as printed).
 *
 * Returns: (transfer none) (array zero-terminated=1): the values; empty
 *   unless the field is %PF_READING_AGREEMENT_UNCERTAIN
 */
const char * const *
pf_reading_vote_get_alternatives (PfReadingVote *self,
                                  PfField        field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < PF_N_FIELDS, NULL);

  return (const char * const *) self->fields[field].alternatives->pdata;
}

/**
 * pf_reading_vote_get_confirmed:
 *
 * Returns: %TRUE when no field is uncertain and every field read is
 *   confirmed
 */
gboolean
pf_reading_vote_get_confirmed (PfReadingVote *self)
{
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    switch (self->fields[f].agreement)
      {
      case PF_READING_AGREEMENT_CONFIRMED:
        any = TRUE;
        break;
      case PF_READING_AGREEMENT_SINGLE:
      case PF_READING_AGREEMENT_UNCERTAIN:
        return FALSE;
      case PF_READING_AGREEMENT_NONE:
      default:
        break;
      }
  return any;
}

/**
 * pf_read_document_frames:
 * @photo: the captured photo of the document
 * @frames: (array length=n_frames) (nullable): the live camera's frames
 *   of the same document, taken just before @photo
 * @n_frames: how many; 0 reads @photo alone, as pf_read_document_full()
 * @options: how to read @photo; the frames are read the same way, each
 *   finding its own outline, and only their MRZ if
 *   @options->frames_mrz_only is set
 * @cancellable: (nullable): to stop early
 * @error: set when @photo is too small to read, or the reading was
 *   cancelled
 *
 * Reads @photo, then each frame, and attaches their vote to the photo's
 * reading (pf_reading_get_vote(), pf_reading_get_agreement()). A frame
 * that cannot be read at all votes for nothing. Slow: one reading per
 * image; call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the photo's reading, or %NULL with
 *   @error set
 */
PfReading *
pf_read_document_frames (PfImage              *photo,
                         PfImage             **frames,
                         guint                 n_frames,
                         const PfReadOptions  *options,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(PfReading) reading = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  g_autoptr(PfReadingVote) vote = NULL;
  PfReadOptions frame_options;

  g_return_val_if_fail (photo != NULL, NULL);
  g_return_val_if_fail (frames != NULL || n_frames == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reading = pf_read_document_full (photo, options, cancellable, error);
  if (reading == NULL || n_frames == 0)
    return g_steal_pointer (&reading);

  /* The photo checks' outline is the photo's; a frame, taken a moment
   * earlier from a hand-held camera, finds its own. */
  frame_options = *options;
  frame_options.has_outline = FALSE;
  frame_options.skip_printed = options->skip_printed || options->frames_mrz_only;

  readings = g_ptr_array_new_with_free_func ((GDestroyNotify) pf_reading_unref);
  g_ptr_array_add (readings, pf_reading_ref (reading));
  for (guint i = 0; i < n_frames; i++)
    {
      g_autoptr(GError) frame_error = NULL;
      PfReading *frame;

      if (frames[i] == NULL)
        continue;
      frame = pf_read_document_full (frames[i], &frame_options, cancellable, &frame_error);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (frame != NULL)
        g_ptr_array_add (readings, frame);
    }

  vote = pf_reading_vote_new ((PfReading **) readings->pdata, readings->len);
  pf_reading_set_vote (reading, vote);
  return g_steal_pointer (&reading);
}

/**
 * pf_reading_get_check:
 *
 * The MRZ's check digit that protects @field: the document number's and
 * the dates' each have one; names and nationality none.
 *
 * Returns: whether it passed or failed; %PF_MRZ_CHECK_RESULT_ABSENT when
 *   @field has none or no MRZ was read
 */
PfMrzCheckResult
pf_reading_get_check (PfReading *self,
                      PfField    field)
{
  PfMrz *mrz;
  PfMrzCheck check;

  g_return_val_if_fail (self != NULL, PF_MRZ_CHECK_RESULT_ABSENT);
  g_return_val_if_fail (field < PF_N_FIELDS, PF_MRZ_CHECK_RESULT_ABSENT);

  switch (field)
    {
    case PF_FIELD_BIRTH_DATE:
      check = PF_MRZ_CHECK_BIRTH_DATE;
      break;
    case PF_FIELD_EXPIRY_DATE:
      check = PF_MRZ_CHECK_EXPIRY_DATE;
      break;
    case PF_FIELD_DOCUMENT_NUMBER:
      check = PF_MRZ_CHECK_DOCUMENT_NUMBER;
      break;
    case PF_FIELD_SURNAME:
    case PF_FIELD_GIVEN_NAMES:
    case PF_FIELD_NATIONALITY:
    default:
      return PF_MRZ_CHECK_RESULT_ABSENT;
    }

  mrz = pf_reading_get_mrz (self);
  return mrz != NULL ? pf_mrz_get_check (mrz, check) : PF_MRZ_CHECK_RESULT_ABSENT;
}

/**
 * pf_reading_get_doubt:
 *
 * Why the person should check @field's reading against the document
 * themselves, if they should: not read; read with little confidence
 * where neither a check digit nor the camera's frames vouch for it; read
 * otherwise by the MRZ than by the printed zone; the MRZ's alone, with a
 * check digit that fails; or read otherwise by the camera's frames. A
 * value both zones agree on stands even when the MRZ's check digit fails:
 * the digit itself is then the likelier misreading.
 *
 * Returns: the most telling doubt, or %PF_READING_DOUBT_NONE
 */
PfReadingDoubt
pf_reading_get_doubt (PfReading *self,
                      PfField    field)
{
  PfReadingSource source;
  PfReadingAgreement agreement;
  gboolean vouched;

  g_return_val_if_fail (self != NULL, PF_READING_DOUBT_NONE);
  g_return_val_if_fail (field < PF_N_FIELDS, PF_READING_DOUBT_NONE);

  if (pf_reading_get_value (self, field) == NULL)
    return PF_READING_DOUBT_NOT_READ;

  agreement = pf_reading_get_agreement (self, field);
  if (agreement == PF_READING_AGREEMENT_UNCERTAIN)
    return PF_READING_DOUBT_FRAMES_DIFFER;

  source = pf_reading_get_source (self, field);
  if (source == PF_READING_SOURCE_MRZ &&
      pf_reading_get_check (self, field) == PF_MRZ_CHECK_RESULT_FAILED)
    return PF_READING_DOUBT_CHECK_FAILED;
  if (source == PF_READING_SOURCE_DISAGREE)
    return PF_READING_DOUBT_ZONES_DIFFER;

  vouched = agreement == PF_READING_AGREEMENT_CONFIRMED ||
            (source != PF_READING_SOURCE_PRINTED &&
             pf_reading_get_check (self, field) == PF_MRZ_CHECK_RESULT_PASSED);
  if (!vouched && pf_reading_get_confidence (self, field) < PF_READING_FAINT_CONFIDENCE)
    return PF_READING_DOUBT_FAINT;
  return PF_READING_DOUBT_NONE;
}

/**
 * pf_reading_agreement_to_string:
 *
 * Returns: a fixed name for @agreement, for the JSON: "none", "single",
 *   "confirmed" or "uncertain"
 */
const char *
pf_reading_agreement_to_string (PfReadingAgreement agreement)
{
  switch (agreement)
    {
    case PF_READING_AGREEMENT_SINGLE:
      return "single";
    case PF_READING_AGREEMENT_CONFIRMED:
      return "confirmed";
    case PF_READING_AGREEMENT_UNCERTAIN:
      return "uncertain";
    case PF_READING_AGREEMENT_NONE:
    default:
      return "none";
    }
}

/**
 * pf_reading_doubt_to_string:
 *
 * Returns: a fixed name for @doubt, for tests and the JSON: "none",
 *   "not-read", "faint", "zones-differ", "check-failed" or "frames-differ"
 */
const char *
pf_reading_doubt_to_string (PfReadingDoubt doubt)
{
  switch (doubt)
    {
    case PF_READING_DOUBT_NOT_READ:
      return "not-read";
    case PF_READING_DOUBT_FAINT:
      return "faint";
    case PF_READING_DOUBT_ZONES_DIFFER:
      return "zones-differ";
    case PF_READING_DOUBT_CHECK_FAILED:
      return "check-failed";
    case PF_READING_DOUBT_FRAMES_DIFFER:
      return "frames-differ";
    case PF_READING_DOUBT_NONE:
    default:
      return "none";
    }
}
