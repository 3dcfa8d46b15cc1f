/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PfDocumentKind:
 *
 * The kinds of identity document the person can choose at the start.
 */
typedef enum
{
  PF_DOCUMENT_KIND_NONE,
  PF_DOCUMENT_KIND_PASSPORT,
  PF_DOCUMENT_KIND_ID_CARD,
  PF_DOCUMENT_KIND_DRIVING_LICENCE,
  PF_DOCUMENT_KIND_RESIDENCE_PERMIT,
} PfDocumentKind;

/**
 * PfMrzFormat:
 *
 * The machine-readable zone a kind of document is expected to carry
 * (ICAO 9303).
 */
typedef enum
{
  PF_MRZ_FORMAT_NONE,
  PF_MRZ_FORMAT_TD1,
  PF_MRZ_FORMAT_TD2,
  PF_MRZ_FORMAT_TD3,
} PfMrzFormat;

const char   *pf_document_kind_get_id          (PfDocumentKind kind);
PfDocumentKind pf_document_kind_from_id        (const char    *id);
const char   *pf_document_kind_get_label       (PfDocumentKind kind);
PfMrzFormat   pf_document_kind_get_mrz_format  (PfDocumentKind kind);
gboolean      pf_document_kind_needs_back      (PfDocumentKind kind);
void          pf_document_kind_get_size_mm     (PfDocumentKind kind,
                                                double        *width_mm,
                                                double        *height_mm);
void          pf_mrz_format_get_size_mm        (PfMrzFormat    format,
                                                double        *width_mm,
                                                double        *height_mm);

G_END_DECLS
