/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a document photo: find the document's outline (or take the one
 * the photo checks found), warp it square on (pf-rectify.c), read the MRZ
 * with the OCR-B reader and the printed zone with Tesseract
 * (pf-reading-printed.c), and put the two side by side field by field
 * (pf-reading-fields.c). This file runs those steps in order; the reading
 * they fill in is in pf-reading-result.c. Everything here runs in a worker
 * thread and touches no shared state. */

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
      pf_reading_set_mrz_values (self, self->mrz_reading);
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

  pf_reading_merge_fields (self);

  return g_steal_pointer (&self);
}
