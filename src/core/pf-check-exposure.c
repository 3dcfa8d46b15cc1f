/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.exposure: is there enough light on the document, not too much, and
 * does the print stand out from the paper?
 *
 * The judgement rests on the paper level (see pf_photo_paper_level()):
 * the brightness of the document's ground, robust to ink, a dark portrait
 * and a glare spot. Dark paper means too little light; paper that clips
 * means too much. Contrast is how far the ink (the darkest percent inside
 * the document) lies below the paper, as (paper - ink) / (paper + ink):
 * a hazy lens or flat light brings the two together until the text fades
 * into the paper, while mere dimness lowers both alike and is told apart.
 *
 * Without an outline the middle of the frame stands in for the document:
 * darkness or glaring light may be the very reason the document was not
 * found, and the advice about light still helps. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pf-photo-util.h"

/* Paper levels (0..255). A light card in good light sits near 200; a
 * card's pastel ground that washes out to white is over-exposed. */
#define PAPER_DARK_BLOCKER   90
#define PAPER_DARK_CAUTION   122
#define PAPER_BRIGHT_CAUTION 236
#define PAPER_BRIGHT_BLOCKER 248
/* Shares of the document at 250 or above. */
#define CLIPPED_BLOCKER      0.45
#define CLIPPED_CAUTION      0.25
/* (paper - ink) / (paper + ink); crisp print on a card is above 0.45. */
#define CONTRAST_BLOCKER     0.22
#define CONTRAST_CAUTION     0.35

void
pf_photo_check_exposure (PfPhotoContext *ctx)
{
  PfDocRegion whole, region;
  guint32 hist[256];
  guint32 total;
  double paper, ink, clipped, contrast;
  PfSeverity severity = PF_SEVERITY_OK;
  const char *title = NULL, *advice = NULL;
  PfRect rect;

  pf_doc_region_init (&whole, ctx);
  pf_doc_region_inset (&whole, 0.03, &region);
  total = pf_photo_histogram (ctx, &region, hist);
  if (total == 0)
    return;

  paper = pf_photo_paper_level (ctx, &region);
  ink = pf_histogram_percentile (hist, total, 0.01);
  clipped = pf_histogram_fraction (hist, total, 250, 255);
  contrast = (paper - ink) / MAX (paper + ink, 1);

  pf_photo_report_set_metric (ctx->report, "exposure.paper", paper);
  pf_photo_report_set_metric (ctx->report, "exposure.contrast", contrast);
  pf_photo_report_set_metric (ctx->report, "exposure.clipped", clipped);

  if (paper < PAPER_DARK_CAUTION)
    {
      severity = paper < PAPER_DARK_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION;
      title = _("The photo is too dark");
      advice = _("Turn on a light or move to a window, without direct sun on the document.");
    }
  else if (paper >= PAPER_BRIGHT_CAUTION || clipped >= CLIPPED_CAUTION)
    {
      severity = paper >= PAPER_BRIGHT_BLOCKER || clipped >= CLIPPED_BLOCKER
                 ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION;
      title = _("The photo is too bright");
      advice = _("Move out of direct sunlight or away from the lamp, so that the document is "
                 "evenly lit.");
    }
  else if (contrast < CONTRAST_CAUTION)
    {
      severity = contrast < CONTRAST_BLOCKER ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION;
      title = _("The print is faint against the paper");
      advice = _("Wipe the camera lens and photograph the document in brighter, even light.");
    }

  if (severity == PF_SEVERITY_OK)
    {
      pf_photo_context_add_ok (ctx, "photo.exposure", _("The light is good"));
      return;
    }
  pf_doc_region_get_rect (&whole, ctx, &rect);
  pf_photo_context_add (ctx, "photo.exposure", severity, title, advice,
                        ctx->has_outline ? &rect : NULL);
}
