/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a document photo: find the document's outline (or take the one
 * the photo checks found), warp it square on (pf-rectify.c), read the MRZ
 * with the OCR-B reader and the printed zone with Tesseract
 * (pf-reading-printed.c), and put the two side by side field by field.
 * The MRZ and the printed zone check each other: a value both agree on is
 * worth more than either alone, and where they disagree the person is
 * shown both. Everything here runs in a worker thread and touches no
 * shared state. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "pf-outline.h"
#include "pf-reading-private.h"

/* The density the MRZ is read at: its 2.2 mm characters come out about
 * 22 pixels tall, inside the range the OCR-B reader is best at. */
#define MRZ_PX_PER_MM 10.0

/* The smallest photo worth reading: an MRZ needs at least 7 pixels a
 * character, and 44 characters across. */
#define MIN_SIDE 64

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

/* The kind of document an MRZ's document code names (Doc 9303 part 4 to
 * 6, and the residence permits of Regulation (EC) 1030/2002): P is a
 * passport, I, A and C identity cards, and a second letter R (IR, AR) or
 * a first R a residence permit. Visas are no kind we ask for. */
static PfDocumentKind
kind_from_mrz (PfMrz *mrz)
{
  const char *code = pf_mrz_get_field (mrz, PF_MRZ_FIELD_DOCUMENT_CODE);

  if (code == NULL || code[0] == '\0')
    return PF_DOCUMENT_KIND_NONE;

  switch (code[0])
    {
    case 'P':
      return PF_DOCUMENT_KIND_PASSPORT;
    case 'R':
      return PF_DOCUMENT_KIND_RESIDENCE_PERMIT;
    case 'I':
    case 'A':
    case 'C':
      return code[1] == 'R' ? PF_DOCUMENT_KIND_RESIDENCE_PERMIT : PF_DOCUMENT_KIND_ID_CARD;
    case 'D':
      return code[1] == 'L' ? PF_DOCUMENT_KIND_DRIVING_LICENCE : PF_DOCUMENT_KIND_NONE;
    default:
      return PF_DOCUMENT_KIND_NONE;
    }
}

/* Which sort of document the outline's proportions fit: ID-1 cards are
 * 1.59 long, passport pages and TD2 cards 1.42. A card chosen at the
 * start with a passport page's proportions is a TD2 card; otherwise the
 * MRZ settles it once read (sized_by_mrz()). */
static void
document_size (const PfPoint   corners[4],
               int             width,
               int             height,
               PfDocumentKind  hint,
               double         *width_mm,
               double         *height_mm)
{
  PfQuadPose pose;
  const double card = 85.60 / 53.98, page = 125.0 / 88.0;

  pf_quad_get_pose (corners, width, height, &pose);
  if (pose.aspect <= 0 || !isfinite (pose.aspect))
    {
      pf_document_kind_get_size_mm (hint, width_mm, height_mm);
      return;
    }

  if (fabs (pose.aspect - card) <= fabs (pose.aspect - page))
    pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD1, width_mm, height_mm);
  else if (pf_document_kind_get_mrz_format (hint) == PF_MRZ_FORMAT_TD1)
    pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD2, width_mm, height_mm);
  else
    pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD3, width_mm, height_mm);
}

/* A passport page and a TD2 card differ in size, not shape: the MRZ read
 * says which the outline holds, so that the printed zone is rectified at
 * its true scale. */
static void
sized_by_mrz (PfMrz  *mrz,
              double *width_mm,
              double *height_mm)
{
  double card_w;
  PfMrzFormat format = pf_mrz_get_format (mrz);

  pf_mrz_format_get_size_mm (PF_MRZ_FORMAT_TD1, &card_w, NULL);
  if (*width_mm != card_w && (format == PF_MRZ_FORMAT_TD2 || format == PF_MRZ_FORMAT_TD3))
    pf_mrz_format_get_size_mm (format, width_mm, height_mm);
}

/* Without an outline the printed zone is read from the photo as it is,
 * made no bigger than a rectified passport page would be, so that a large
 * photo does not keep Tesseract busy for many seconds. */
#define WHOLE_PHOTO_MAX_SIDE 1600

static PfRectified *
whole_photo (const guint8 *grey,
             int           width,
             int           height)
{
  PfPoint frame[4] = { { 0, 0 }, { width - 1, 0 }, { width - 1, height - 1 }, { 0, height - 1 } };
  double scale = MIN (1.0, (double) WHOLE_PHOTO_MAX_SIDE / MAX (width, height));

  return pf_rectify_grey (grey, width, height, width, frame, width, height, scale);
}

/* The better of two readings: a valid one over an invalid one, then the
 * surer. */
static PfMrzReading *
better_reading (PfMrzReading *a,
                PfMrzReading *b)
{
  double conf_a = 0, conf_b = 0;

  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  if (pf_mrz_reading_get_valid (a) != pf_mrz_reading_get_valid (b))
    return pf_mrz_reading_get_valid (a) ? a : b;

  for (PfMrzField f = 0; f < PF_MRZ_N_FIELDS; f++)
    {
      conf_a += pf_mrz_reading_get_field_confidence (a, f);
      conf_b += pf_mrz_reading_get_field_confidence (b, f);
    }
  return conf_a >= conf_b ? a : b;
}

static PfMrzReading *
read_mrz (PfImage              *photo,
          const PfRectified    *document,
          const PfReadOptions  *options)
{
  PfMrzReadOptions mrz_options = { 0 };
  g_autoptr(PfMrzReading) rectified = NULL;
  g_autoptr(PfMrzReading) direct = NULL;
  PfMrzReading *best;

  mrz_options.today = options->today;

  if (document != NULL)
    {
      rectified = pf_mrz_read_grey (document->grey, document->width, document->height,
                                    document->width, &mrz_options, NULL);
      if (rectified != NULL && pf_mrz_reading_get_valid (rectified))
        return g_steal_pointer (&rectified);
    }

  /* The outline may be wrong (a fold, the desk's edge, the portrait's
   * frame on a scan that shows nothing but the document), or missing: the
   * reader also looks for the MRZ in the whole photo as it is. */
  direct = pf_mrz_read (photo, &mrz_options, NULL);

  best = better_reading (rectified, direct);
  return best != NULL ? pf_mrz_reading_ref (best) : NULL;
}

static void
set_mrz_values (PfReading    *self,
                PfMrzReading *reading)
{
  PfMrz *mrz = pf_mrz_reading_get_mrz (reading);
  static const struct
  {
    PfField    field;
    PfMrzField mrz_field;
  } map[] = {
    { PF_FIELD_SURNAME, PF_MRZ_FIELD_SURNAME },
    { PF_FIELD_GIVEN_NAMES, PF_MRZ_FIELD_GIVEN_NAMES },
    { PF_FIELD_BIRTH_DATE, PF_MRZ_FIELD_BIRTH_DATE },
    { PF_FIELD_NATIONALITY, PF_MRZ_FIELD_NATIONALITY },
    { PF_FIELD_DOCUMENT_NUMBER, PF_MRZ_FIELD_DOCUMENT_NUMBER },
    { PF_FIELD_EXPIRY_DATE, PF_MRZ_FIELD_EXPIRY_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      PfField f = map[i].field;
      const char *text = pf_mrz_get_field (mrz, map[i].mrz_field);
      GDate date;
      gboolean dated = FALSE;

      g_date_clear (&date, 1);
      if (f == PF_FIELD_BIRTH_DATE)
        dated = pf_mrz_get_birth_date (mrz, &date);
      else if (f == PF_FIELD_EXPIRY_DATE)
        dated = pf_mrz_get_expiry_date (mrz, &date);

      /* Dates in ISO 8601 once the century is known; as they stand
       * (YYMMDD, or with fillers) when they are no real day. */
      if (dated)
        self->mrz_values[f] = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                               g_date_get_month (&date), g_date_get_day (&date));
      else if (text != NULL && text[0] != '\0')
        self->mrz_values[f] = g_strdup (text);

      if (self->mrz_values[f] != NULL)
        self->mrz_confidences[f] = pf_mrz_reading_get_field_confidence (reading, map[i].mrz_field);
    }
}

/* Whether the MRZ protects @field with a check digit that passed. */
gboolean
pf_reading_mrz_field_checked (PfReading *self,
                              PfField    field)
{
  PfMrz *mrz;
  PfMrzCheck check;

  if (self->mrz_reading == NULL)
    return FALSE;
  mrz = pf_mrz_reading_get_mrz (self->mrz_reading);

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
      return FALSE;
    }

  return pf_mrz_get_check (mrz, check) == PF_MRZ_CHECK_RESULT_PASSED;
}

/* Puts each field's two readings together. They agree when the
 * comparator, given the printed value as if typed, finds it matches the
 * MRZ's: it knows the MRZ's transliterations and cut-short names. */
static void
merge_fields (PfReading *self)
{
  PfCompareFlags flags = PF_COMPARE_DATES_DAY_FIRST;

  if (self->mrz_reading != NULL &&
      pf_mrz_get_names_truncated (pf_mrz_reading_get_mrz (self->mrz_reading)))
    flags |= PF_COMPARE_MRZ_NAMES_TRUNCATED;

  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      const char *mrz = self->mrz_values[f];
      const char *printed = self->printed[f].text;
      double c_mrz = self->mrz_confidences[f], c_printed = self->printed[f].confidence;
      g_autoptr(PfComparison) comparison = NULL;

      if (mrz == NULL && printed == NULL)
        {
          self->sources[f] = PF_READING_SOURCE_NONE;
          continue;
        }
      if (printed == NULL)
        {
          self->values[f] = mrz;
          self->confidences[f] = c_mrz;
          self->sources[f] = PF_READING_SOURCE_MRZ;
          continue;
        }
      if (mrz == NULL)
        {
          self->values[f] = printed;
          self->confidences[f] = c_printed;
          self->sources[f] = PF_READING_SOURCE_PRINTED;
          continue;
        }

      comparison = pf_compare_field (f, printed, NULL, mrz, flags, NULL);
      if (comparison != NULL && pf_comparison_get_verdict (comparison) == PF_VERDICT_MATCH)
        {
          /* Names as printed keep their diacritics and are never cut
           * short; numbers and dates are as the MRZ has them. */
          self->values[f] = f == PF_FIELD_SURNAME || f == PF_FIELD_GIVEN_NAMES ? printed : mrz;
          self->confidences[f] = 1 - (1 - c_mrz) * (1 - c_printed);
          self->sources[f] = PF_READING_SOURCE_BOTH;
          continue;
        }

      /* They differ: a value its check digit vouches for wins, else the
       * surer reading; either way the person is shown both. */
      if (pf_reading_mrz_field_checked (self, f) || c_mrz >= c_printed)
        {
          self->values[f] = mrz;
          self->confidences[f] = c_mrz * (1 - c_printed / 2);
        }
      else
        {
          self->values[f] = printed;
          self->confidences[f] = c_printed * (1 - c_mrz / 2);
        }
      self->sources[f] = PF_READING_SOURCE_DISAGREE;
    }
}

/**
 * pf_reading_prepare_process:
 * @argv: main()'s argv, %NULL-terminated
 *
 * Call first thing in main() of a program that reads documents.
 * Tesseract parallelises with OpenMP, whose threads spin while they wait:
 * on the small images we read, and beside our own worker threads, they
 * make reading several times slower. OpenMP reads OMP_THREAD_LIMIT when
 * its library is loaded, before main() runs, so this sets it and starts
 * the program again. The new process finds it set and goes on, so this
 * cannot loop; if the exec fails the program carries on as it is.
 */
void
pf_reading_prepare_process (char **argv)
{
  g_return_if_fail (argv != NULL);

  if (g_getenv ("OMP_THREAD_LIMIT") != NULL)
    return;

  if (!g_setenv ("OMP_THREAD_LIMIT", "1", TRUE))
    return;

  execv ("/proc/self/exe", argv);
}

/**
 * pf_read_document:
 * @photo: a photo of the document
 * @hint: the kind of document the person chose, or
 *   %PF_DOCUMENT_KIND_NONE
 * @cancellable: (nullable): to stop early
 * @error: set when nothing could be read at all
 *
 * Like pf_read_document_full() with default options. Safe to call from
 * any thread.
 *
 * Returns: (transfer full) (nullable): what was read
 */
PfReading *
pf_read_document (PfImage         *photo,
                  PfDocumentKind   hint,
                  GCancellable    *cancellable,
                  GError         **error)
{
  PfReadOptions options = { 0 };

  options.kind = hint;
  return pf_read_document_full (photo, &options, cancellable, error);
}

/**
 * pf_read_document_full:
 * @photo: a photo of the document
 * @options: how to read it
 * @cancellable: (nullable): to stop early
 * @error: set when the photo is too small to read, or the reading was
 *   cancelled
 *
 * Reads the document in @photo. Finding no MRZ, or not being able to read
 * the printed zone, is no error: the reading says so
 * (pf_reading_get_mrz(), pf_reading_get_printed_error()). Safe to call
 * from any thread; slow (a few hundred milliseconds), so call it from a
 * worker.
 *
 * Returns: (transfer full) (nullable): what was read, or %NULL with @error
 *   set
 */
PfReading *
pf_read_document_full (PfImage              *photo,
                       const PfReadOptions  *options,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(PfReading) self = NULL;
  g_autoptr(PfRectified) mrz_document = NULL;
  g_autoptr(PfRectified) printed_document = NULL;
  const guint8 *grey;
  int width, height;
  double width_mm = 0, height_mm = 0;
  PfPoint corners[4];

  g_return_val_if_fail (photo != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  width = pf_image_get_width (photo);
  height = pf_image_get_height (photo);
  if (width < MIN_SIDE || height < MIN_SIDE)
    {
      g_set_error (error, PF_READING_ERROR, PF_READING_ERROR_IMAGE,
                   _("The photo is too small to read the document from (%d × %d pixels)."),
                   width, height);
      return NULL;
    }

  self = g_new0 (PfReading, 1);
  g_atomic_ref_count_init (&self->ref_count);

  if (options->has_outline)
    {
      memcpy (self->outline, options->outline, sizeof self->outline);
      self->has_outline = TRUE;
    }
  else
    {
      PfPhotoOptions photo_options = { 0 };
      g_autoptr(PfPhotoReport) report = NULL;

      /* The live checks find the outline as well as the full ones, and
       * faster. */
      photo_options.kind = options->kind;
      photo_options.live = TRUE;
      photo_options.glare_strictness = 1;
      report = pf_photo_check (photo, &photo_options);
      self->has_outline = pf_photo_report_get_outline (report, self->outline);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  grey = pf_image_get_grey (photo);
  if (self->has_outline)
    {
      memcpy (corners, self->outline, sizeof corners);
      pf_rectify_orient_landscape (corners);
      document_size (corners, width, height, options->kind, &width_mm, &height_mm);
      mrz_document = pf_rectify_grey (grey, width, height, width, corners, width_mm, height_mm,
                                      MRZ_PX_PER_MM);
    }

  self->mrz_reading = read_mrz (photo, mrz_document, options);
  if (self->mrz_reading != NULL)
    {
      self->kind = kind_from_mrz (pf_mrz_reading_get_mrz (self->mrz_reading));
      set_mrz_values (self, self->mrz_reading);
      if (self->has_outline)
        sized_by_mrz (pf_mrz_reading_get_mrz (self->mrz_reading), &width_mm, &height_mm);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!options->skip_printed)
    {
      g_autoptr(GError) printed_error = NULL;

      if (self->has_outline)
        printed_document = pf_rectify_grey (grey, width, height, width, corners, width_mm,
                                            height_mm, PF_READING_PRINTED_PX_PER_MM);
      else
        printed_document = whole_photo (grey, width, height);

      self->printed_read =
        printed_document != NULL &&
        pf_reading_read_printed (printed_document, pf_reading_get_mrz (self), self->printed,
                                 cancellable, &printed_error);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      self->printed_error = g_steal_pointer (&printed_error);
    }

  merge_fields (self);

  return g_steal_pointer (&self);
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
