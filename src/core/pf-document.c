/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-document.h"

/* Sizes from ISO/IEC 7810: ID-1 for cards, the ID-3 data page for
 * passports. */
#define ID1_WIDTH_MM  85.60
#define ID1_HEIGHT_MM 53.98
#define ID3_WIDTH_MM  125.0
#define ID3_HEIGHT_MM 88.0
/* ID-2, the size of ICAO 9303's TD2 cards (some identity cards and
 * residence permits): a passport page's proportions, smaller. */
#define ID2_WIDTH_MM  105.0
#define ID2_HEIGHT_MM 74.0

typedef struct
{
  PfDocumentKind  kind;
  const char     *id;
  const char     *label;
  PfMrzFormat     mrz;
  gboolean        needs_back;
  double          width_mm;
  double          height_mm;
} DocumentInfo;

static const DocumentInfo documents[] = {
  { PF_DOCUMENT_KIND_NONE, "none", NULL, PF_MRZ_FORMAT_NONE, FALSE, ID1_WIDTH_MM, ID1_HEIGHT_MM },
  { PF_DOCUMENT_KIND_PASSPORT, "passport", N_("Passport"),
    PF_MRZ_FORMAT_TD3, FALSE, ID3_WIDTH_MM, ID3_HEIGHT_MM },
  { PF_DOCUMENT_KIND_ID_CARD, "id-card", N_("National ID card"),
    PF_MRZ_FORMAT_TD1, TRUE, ID1_WIDTH_MM, ID1_HEIGHT_MM },
  /* Most driving licences carry no ICAO machine-readable zone. */
  { PF_DOCUMENT_KIND_DRIVING_LICENCE, "driving-licence", N_("Driving licence"),
    PF_MRZ_FORMAT_NONE, TRUE, ID1_WIDTH_MM, ID1_HEIGHT_MM },
  { PF_DOCUMENT_KIND_RESIDENCE_PERMIT, "residence-permit", N_("Residence permit"),
    PF_MRZ_FORMAT_TD1, TRUE, ID1_WIDTH_MM, ID1_HEIGHT_MM },
};

static const DocumentInfo *
lookup (PfDocumentKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (documents[i].kind == kind)
      return &documents[i];

  g_return_val_if_reached (&documents[0]);
}

/**
 * pf_document_kind_get_id:
 *
 * Returns: a stable name for settings, reports and the command line
 */
const char *
pf_document_kind_get_id (PfDocumentKind kind)
{
  return lookup (kind)->id;
}

/**
 * pf_document_kind_from_id:
 *
 * Returns: the kind named @id, or %PF_DOCUMENT_KIND_NONE
 */
PfDocumentKind
pf_document_kind_from_id (const char *id)
{
  if (id == NULL)
    return PF_DOCUMENT_KIND_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (documents[i].id, id))
      return documents[i].kind;

  return PF_DOCUMENT_KIND_NONE;
}

/**
 * pf_document_kind_get_label:
 *
 * Returns: (nullable): the translated name to show, %NULL for none
 */
const char *
pf_document_kind_get_label (PfDocumentKind kind)
{
  const DocumentInfo *info = lookup (kind);

  return info->label != NULL ? _(info->label) : NULL;
}

PfMrzFormat
pf_document_kind_get_mrz_format (PfDocumentKind kind)
{
  return lookup (kind)->mrz;
}

/**
 * pf_document_kind_needs_back:
 *
 * Returns: %TRUE if services usually want a photo of the back as well
 */
gboolean
pf_document_kind_needs_back (PfDocumentKind kind)
{
  return lookup (kind)->needs_back;
}

/**
 * pf_document_kind_get_size_mm:
 *
 * The physical size of the document (or passport data page), landscape.
 * Cards are assumed when the kind is not known.
 */
void
pf_document_kind_get_size_mm (PfDocumentKind  kind,
                              double         *width_mm,
                              double         *height_mm)
{
  const DocumentInfo *info = lookup (kind);

  if (width_mm != NULL)
    *width_mm = info->width_mm;
  if (height_mm != NULL)
    *height_mm = info->height_mm;
}

/**
 * pf_mrz_format_get_size_mm:
 *
 * The physical size of the documents that carry an MRZ of @format
 * (ICAO 9303: TD1 on ID-1 cards, TD2 on ID-2 cards, TD3 on passport
 * pages), landscape. A TD2 card has a passport page's proportions, so
 * only its MRZ tells the two apart. Cards are assumed for
 * %PF_MRZ_FORMAT_NONE.
 */
void
pf_mrz_format_get_size_mm (PfMrzFormat  format,
                           double      *width_mm,
                           double      *height_mm)
{
  double w = ID1_WIDTH_MM, h = ID1_HEIGHT_MM;

  switch (format)
    {
    case PF_MRZ_FORMAT_TD2:
      w = ID2_WIDTH_MM;
      h = ID2_HEIGHT_MM;
      break;
    case PF_MRZ_FORMAT_TD3:
      w = ID3_WIDTH_MM;
      h = ID3_HEIGHT_MM;
      break;
    case PF_MRZ_FORMAT_TD1:
    case PF_MRZ_FORMAT_NONE:
    default:
      break;
    }

  if (width_mm != NULL)
    *width_mm = w;
  if (height_mm != NULL)
    *height_mm = h;
}
