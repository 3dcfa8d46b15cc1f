/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.outline: where the document is. Every check after it looks inside
 * the outline, so this one runs first and shares the corners through the
 * context. The quadrilateral finder itself is in pf-outline.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-outline.h"
#include "pf-photo-private.h"

/* Proportions (long side over short side) of the documents people
 * photograph: ID-1 cards (85.60 × 53.98 mm) and passport data pages
 * (125 × 88 mm, which TD2 cards at 105 × 74 mm share). Both are always
 * allowed: people pick "passport" and then photograph their card. */
#define CARD_ASPECT     (85.60 / 53.98)
#define PASSPORT_ASPECT (125.0 / 88.0)

void
pf_photo_check_outline (PfPhotoContext *ctx)
{
  double aspects[3] = { 0, CARD_ASPECT, PASSPORT_ASPECT };
  double width_mm, height_mm;
  PfQuad quad;

  /* The kind's own proportions first: a side that lies outside the frame
   * is placed from them. */
  pf_document_kind_get_size_mm (ctx->options.kind, &width_mm, &height_mm);
  aspects[0] = width_mm > 0 && height_mm > 0
                 ? MAX (width_mm, height_mm) / MIN (width_mm, height_mm)
                 : CARD_ASPECT;

  if (!pf_outline_find (ctx->small, ctx->small_width, ctx->small_height, ctx->image, aspects,
                        G_N_ELEMENTS (aspects), ctx->options.live, &quad))
    {
      ctx->has_outline = FALSE;
      pf_photo_report_set_metric (ctx->report, "outline.confidence", 0);
      pf_photo_context_add (ctx, "photo.outline", PF_SEVERITY_BLOCKER,
                            _("No document found"),
                            _("Lay the document on a plain, dark surface and make sure all of it is in the picture."),
                            NULL);
      return;
    }

  /* From the small copy's pixel centres to the image's; the two axes were
   * rounded separately. */
  for (int i = 0; i < 4; i++)
    {
      ctx->outline[i].x = (quad.corners[i].x + 0.5) * ctx->width / ctx->small_width - 0.5;
      ctx->outline[i].y = (quad.corners[i].y + 0.5) * ctx->height / ctx->small_height - 0.5;
    }
  ctx->has_outline = TRUE;

  pf_photo_report_set_metric (ctx->report, "outline.confidence", quad.confidence);
  pf_photo_report_set_metric (ctx->report, "outline.sides_found", quad.n_found_sides);
  pf_photo_report_set_metric (ctx->report, "outline.area_fraction",
                              pf_quad_area (ctx->outline) / ((double) ctx->width * ctx->height));
  pf_photo_context_add_ok (ctx, "photo.outline", _("Document found"));
}
