/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-document.h"
#include "pf-finding.h"
#include "pf-image.h"
#include "pf-mrz.h"
#include "pf-photo.h"

G_BEGIN_DECLS

/**
 * PfMrzReadOptions:
 * @format: the MRZ the document is expected to carry, or
 *   %PF_MRZ_FORMAT_NONE to find out (see pf_document_kind_get_mrz_format())
 * @region: where to look, in image pixels; an empty rectangle (the
 *   default) means the whole image
 * @today: the day to read two-digit years against; an invalid (cleared or
 *   zeroed) date means today
 *
 * How to read an MRZ. Zero-initialised options are valid defaults.
 */
typedef struct
{
  PfMrzFormat format;
  PfRect      region;
  GDate       today;
} PfMrzReadOptions;

/**
 * PfMrzReading:
 *
 * What the reader read: the lines, how sure it is of each character, and
 * the parsed zone. Immutable and ref-counted, so it can cross threads; its
 * text is zeroed when it is freed.
 */
typedef struct _PfMrzReading PfMrzReading;

#define PF_TYPE_MRZ_READING (pf_mrz_reading_get_type ())

GType          pf_mrz_reading_get_type             (void) G_GNUC_CONST;

PfMrzReading  *pf_mrz_read                         (PfImage                *image,
                                                    const PfMrzReadOptions *options,
                                                    GError                **error);
PfMrzReading  *pf_mrz_read_grey                    (const guint8           *grey,
                                                    int                     width,
                                                    int                     height,
                                                    gsize                   stride,
                                                    const PfMrzReadOptions *options,
                                                    GError                **error);

PfMrzReading  *pf_mrz_reading_ref                  (PfMrzReading           *self);
void           pf_mrz_reading_unref                (PfMrzReading           *self);

PfMrz         *pf_mrz_reading_get_mrz              (PfMrzReading           *self);
guint          pf_mrz_reading_get_n_lines          (PfMrzReading           *self);
const char    *pf_mrz_reading_get_line             (PfMrzReading           *self,
                                                    guint                   line);
const double  *pf_mrz_reading_get_confidences      (PfMrzReading           *self,
                                                    guint                   line);
double         pf_mrz_reading_get_field_confidence (PfMrzReading           *self,
                                                    PfMrzField              field);
gboolean       pf_mrz_reading_get_valid            (PfMrzReading           *self);
gboolean       pf_mrz_reading_get_corrected        (PfMrzReading           *self);
void           pf_mrz_reading_get_band             (PfMrzReading           *self,
                                                    PfPoint                 corners[4]);
double         pf_mrz_reading_get_char_height      (PfMrzReading           *self);
gboolean       pf_mrz_reading_get_upside_down      (PfMrzReading           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfMrzReading, pf_mrz_reading_unref)

G_END_DECLS
