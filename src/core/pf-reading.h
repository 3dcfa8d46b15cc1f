/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-compare.h"
#include "pf-document.h"
#include "pf-image.h"
#include "pf-mrz.h"
#include "pf-mrz-reader.h"
#include "pf-photo.h"

G_BEGIN_DECLS

#define PF_READING_ERROR (pf_reading_error_quark ())

/**
 * PfReadingError:
 * @PF_READING_ERROR_IMAGE: the image is too small to read anything from
 * @PF_READING_ERROR_OCR_DATA: the text recogniser's language data is not
 *   installed (the printed zone cannot be read)
 * @PF_READING_ERROR_OCR: the text recogniser failed
 *
 * Why a document, or its printed zone, could not be read.
 */
typedef enum
{
  PF_READING_ERROR_IMAGE,
  PF_READING_ERROR_OCR_DATA,
  PF_READING_ERROR_OCR,
} PfReadingError;

/**
 * PfReadingSource:
 * @PF_READING_SOURCE_NONE: the field was not read
 * @PF_READING_SOURCE_MRZ: only the machine-readable zone gave it
 * @PF_READING_SOURCE_PRINTED: only the printed zone gave it
 * @PF_READING_SOURCE_BOTH: the MRZ and the printed zone agree on it
 * @PF_READING_SOURCE_DISAGREE: both gave it, and they differ
 *
 * Where a field's value came from.
 */
typedef enum
{
  PF_READING_SOURCE_NONE,
  PF_READING_SOURCE_MRZ,
  PF_READING_SOURCE_PRINTED,
  PF_READING_SOURCE_BOTH,
  PF_READING_SOURCE_DISAGREE,
} PfReadingSource;

/**
 * PfReadingAgreement:
 * @PF_READING_AGREEMENT_NONE: there was nothing to compare with (a photo
 *   opened from a file, read alone), or the field was not read
 * @PF_READING_AGREEMENT_SINGLE: only one reading gave the field, and no
 *   check digit vouches for it
 * @PF_READING_AGREEMENT_CONFIRMED: at least two readings gave the same
 *   value and none another, or one did and its check digit passed
 * @PF_READING_AGREEMENT_UNCERTAIN: readings of the same document gave
 *   different values: the person should check the field against the
 *   document
 *
 * Whether several readings of the same document (pf_read_document_frames())
 * agree on a field.
 */
typedef enum
{
  PF_READING_AGREEMENT_NONE,
  PF_READING_AGREEMENT_SINGLE,
  PF_READING_AGREEMENT_CONFIRMED,
  PF_READING_AGREEMENT_UNCERTAIN,
} PfReadingAgreement;

/**
 * PfReadOptions:
 * @kind: the kind of document the person chose (a hint: the MRZ says what
 *   it is), or %PF_DOCUMENT_KIND_NONE
 * @has_outline: @outline holds the document's corners (from the photo
 *   checks); otherwise the reader looks for the outline itself
 * @outline: top-left, top-right, bottom-right, bottom-left, image pixels
 * @skip_printed: read only the MRZ (live preview, benchmarks)
 * @frames_mrz_only: pf_read_document_frames() reads only the MRZ of the
 *   frames (the photo as @skip_printed says): a frame's printed zone costs
 *   Tesseract's time, its MRZ a tenth of that
 * @today: the day to read two-digit years against; an invalid (cleared or
 *   zeroed) date means today
 *
 * How to read a document. Zero-initialised options are valid defaults.
 */
typedef struct
{
  PfDocumentKind kind;
  gboolean       has_outline;
  PfPoint        outline[4];
  gboolean       skip_printed;
  GDate          today;
  gboolean       frames_mrz_only;
} PfReadOptions;

/**
 * PfReading:
 *
 * What was read from a document photo: the kind of document its MRZ
 * names, the MRZ itself (or none), and the personal details found in the
 * MRZ and the printed zone, each with where it came from and how sure the
 * reading is. Immutable and ref-counted, so it can be made in a worker
 * thread and handed to the main one; every string is zeroed when it is
 * freed, because it is a person's identity.
 */
typedef struct _PfReading PfReading;

#define PF_TYPE_READING (pf_reading_get_type ())

void              pf_reading_prepare_process    (char                **argv);

GQuark            pf_reading_error_quark        (void);
GType             pf_reading_get_type           (void) G_GNUC_CONST;

PfReading        *pf_read_document              (PfImage              *photo,
                                                 PfDocumentKind        hint,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
PfReading        *pf_read_document_full         (PfImage              *photo,
                                                 const PfReadOptions  *options,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

PfReading        *pf_reading_ref                (PfReading            *self);
void              pf_reading_unref              (PfReading            *self);

PfDocumentKind    pf_reading_get_kind           (PfReading            *self);
gboolean          pf_reading_get_outline        (PfReading            *self,
                                                 PfPoint               corners[4]);
PfMrzReading     *pf_reading_get_mrz_reading    (PfReading            *self);
PfMrz            *pf_reading_get_mrz            (PfReading            *self);
gboolean          pf_reading_get_printed_read   (PfReading            *self);
const GError     *pf_reading_get_printed_error  (PfReading            *self);

const char       *pf_reading_get_value          (PfReading            *self,
                                                 PfField               field);
const char       *pf_reading_get_mrz_value      (PfReading            *self,
                                                 PfField               field);
const char       *pf_reading_get_printed_value  (PfReading            *self,
                                                 PfField               field);
double            pf_reading_get_confidence     (PfReading            *self,
                                                 PfField               field);
double            pf_reading_get_printed_confidence (PfReading        *self,
                                                 PfField               field);
PfReadingSource   pf_reading_get_source         (PfReading            *self,
                                                 PfField               field);
PfReadingAgreement pf_reading_get_agreement     (PfReading            *self,
                                                 PfField               field);

GPtrArray        *pf_reading_compare            (PfReading            *self,
                                                 const char          **typed,
                                                 PfCompareFlags        flags,
                                                 GError              **error);

const char       *pf_reading_source_to_string   (PfReadingSource       source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfReading, pf_reading_unref)

G_END_DECLS
