/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.corners, photo.size and photo.angle: what the document's outline
 * says about the framing. All three need the outline and add nothing
 * without it (photo.outline then says what to do). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pf-outline.h"
#include "pf-photo-util.h"

/* A corner closer to the frame's edge than this share of the frame's width
 * (left and right) or height (top and bottom) is too close: services crop
 * and straighten, and a corner at the very edge is often cut by that, or
 * by the camera's own margin. */
#define EDGE_MARGIN 0.02

/* The document's width (its long sides) as a share of the frame's width
 * below which it is too small in the picture: services' own document
 * detectors want it to fill most of the frame. */
#define MIN_WIDTH_SHARE 0.35

/* Below 3.5 pixels per millimetre (89 dpi) the 2.2 mm characters of the
 * MRZ and the printed fields are under 8 pixels tall: too few to read for
 * OCR, which wants 20 or more and fails below about 8, and for the
 * service's own reader. */
#define MIN_PX_PER_MM 3.5

/* Tilt out of the image plane: from 25° the text is visibly foreshortened
 * and services start to refuse; from 45° a third of the height is lost. */
#define TILT_CAUTION_DEG 25.0
#define TILT_BLOCKER_DEG 45.0

/* Rotation in the image that is worth mentioning as fine. */
#define ROTATION_NOTE_DEG 10.0

/* A region around a point, this share of the frame's short side, kept in
 * the frame. */
static void
region_around (const PfPhotoContext *ctx,
               const PfPoint        *p,
               PfRect               *rect)
{
  double size = 0.12 * MIN (ctx->width, ctx->height);
  double x = CLAMP (p->x, 0, ctx->width - 1), y = CLAMP (p->y, 0, ctx->height - 1);

  rect->x = CLAMP (x - size / 2, 0, MAX (0, ctx->width - size));
  rect->y = CLAMP (y - size / 2, 0, MAX (0, ctx->height - size));
  rect->width = MIN (size, ctx->width);
  rect->height = MIN (size, ctx->height);
}

/* The document's bounding box in the image, clipped to it. */
static void
outline_bounds (const PfPhotoContext *ctx,
                PfRect               *rect)
{
  PfDocRegion region;

  pf_doc_region_init (&region, ctx);
  pf_doc_region_get_rect (&region, ctx, rect);
}

void
pf_photo_check_corners (PfPhotoContext *ctx)
{
  /* Indexed like the outline: top-left, top-right, bottom-right,
   * bottom-left, as seen in the picture. */
  const char *cut_titles[4] = {
    _("The top-left corner is cut off"),
    _("The top-right corner is cut off"),
    _("The bottom-right corner is cut off"),
    _("The bottom-left corner is cut off"),
  };
  const char *close_titles[4] = {
    _("The top-left corner is too close to the edge"),
    _("The top-right corner is too close to the edge"),
    _("The bottom-right corner is too close to the edge"),
    _("The bottom-left corner is too close to the edge"),
  };
  double min_margin = G_MAXDOUBLE;
  gboolean all_fine = TRUE;

  if (!ctx->has_outline)
    return;

  for (int i = 0; i < 4; i++)
    {
      const PfPoint *p = &ctx->outline[i];
      double margin = MIN (MIN (p->x, ctx->width - p->x) / ctx->width,
                           MIN (p->y, ctx->height - p->y) / ctx->height);
      PfRect region;

      min_margin = MIN (min_margin, margin);
      if (margin >= EDGE_MARGIN)
        continue;

      all_fine = FALSE;
      region_around (ctx, p, &region);
      if (margin < 0)
        pf_photo_context_add (ctx, "photo.corners", PF_SEVERITY_BLOCKER, cut_titles[i],
                              _("Move the camera back a little, or move the document, so that all four corners are in the picture."),
                              &region);
      else
        pf_photo_context_add (ctx, "photo.corners", PF_SEVERITY_CAUTION, close_titles[i],
                              _("Leave a little space between the document and the edges of the picture."),
                              &region);
    }

  pf_photo_report_set_metric (ctx->report, "corners.min_margin", min_margin);
  if (all_fine)
    pf_photo_context_add_ok (ctx, "photo.corners", _("All four corners are in the picture"));
}

/* ICAO 9303's TD2 cards (some ID cards and residence permits) share the
 * passport page's proportions at a smaller size. */
#define TD2_WIDTH_MM  105.0
#define TD2_HEIGHT_MM 74.0

/* The physical size to measure the outline against. A passport page is a
 * passport page even when the outline missed a band of it; a card with a
 * passport page's proportions is a TD2 card. */
static void
physical_size (const PfPhotoContext *ctx,
               double                aspect,
               double               *width_mm,
               double               *height_mm)
{
  double card_w, card_h, page_w, page_h;
  gboolean passport = ctx->options.kind == PF_DOCUMENT_KIND_PASSPORT;
  gboolean card_shaped;

  pf_document_kind_get_size_mm (PF_DOCUMENT_KIND_ID_CARD, &card_w, &card_h);
  pf_document_kind_get_size_mm (PF_DOCUMENT_KIND_PASSPORT, &page_w, &page_h);
  card_shaped = fabs (log (aspect / (card_w / card_h))) < fabs (log (aspect / (page_w / page_h)));

  if (passport)
    {
      *width_mm = page_w;
      *height_mm = page_h;
    }
  else if (card_shaped)
    {
      *width_mm = card_w;
      *height_mm = card_h;
    }
  else
    {
      *width_mm = TD2_WIDTH_MM;
      *height_mm = TD2_HEIGHT_MM;
    }
}

void
pf_photo_check_size (PfPhotoContext *ctx)
{
  const PfPoint *c = ctx->outline;
  double long_side, width_share, px_per_mm, width_mm, height_mm;
  PfQuadPose pose;
  PfRect region;
  gboolean fine = TRUE;

  if (!ctx->has_outline)
    return;

  pf_quad_get_pose (c, ctx->width, ctx->height, &pose);
  if (pose.first_is_long)
    long_side = (hypot (c[1].x - c[0].x, c[1].y - c[0].y) + hypot (c[2].x - c[3].x, c[2].y - c[3].y)) / 2;
  else
    long_side = (hypot (c[3].x - c[0].x, c[3].y - c[0].y) + hypot (c[2].x - c[1].x, c[2].y - c[1].y)) / 2;
  width_share = long_side / ctx->width;

  /* Like a scanner's dpi: the document's area in pixels over its area in
   * square millimetres. */
  physical_size (ctx, pose.aspect, &width_mm, &height_mm);
  px_per_mm = sqrt (pf_quad_area (c) / (width_mm * height_mm));

  pf_photo_report_set_metric (ctx->report, "size.width_share", width_share);
  pf_photo_report_set_metric (ctx->report, "size.px_per_mm", px_per_mm);
  outline_bounds (ctx, &region);

  if (px_per_mm < MIN_PX_PER_MM)
    {
      fine = FALSE;
      /* Moving closer helps while the document is small in the frame;
       * once it fills the frame only more pixels do. */
      pf_photo_context_add (ctx, "photo.size", PF_SEVERITY_BLOCKER,
                            _("The text is too small to read"),
                            width_share < 0.6
                              ? _("Move the camera closer so that the document fills most of the picture.")
                              : _("Use a higher resolution in the camera settings, or a better camera."),
                            &region);
    }
  else if (width_share < MIN_WIDTH_SHARE)
    {
      fine = FALSE;
      pf_photo_context_add (ctx, "photo.size", PF_SEVERITY_CAUTION,
                            _("The document is small in the picture"),
                            _("Move the camera closer so that the document fills most of the picture."),
                            &region);
    }

  if (fine)
    pf_photo_context_add_ok (ctx, "photo.size", _("The document is large enough in the picture"));
}

void
pf_photo_check_angle (PfPhotoContext *ctx)
{
  PfQuadPose pose;
  PfRect region;
  double rotation;

  if (!ctx->has_outline)
    return;

  pf_quad_get_pose (ctx->outline, ctx->width, ctx->height, &pose);
  /* How far the long side is turned from the nearest axis of the image. */
  rotation = fmod (pose.in_plane_deg, 90);
  rotation = MIN (rotation, 90 - rotation);
  pf_photo_report_set_metric (ctx->report, "angle.tilt_deg", pose.tilt_deg);
  pf_photo_report_set_metric (ctx->report, "angle.rotation_deg", rotation);

  if (pose.tilt_deg >= TILT_CAUTION_DEG)
    {
      outline_bounds (ctx, &region);
      pf_photo_context_add (ctx, "photo.angle",
                            pose.tilt_deg >= TILT_BLOCKER_DEG ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                            _("The document is photographed at an angle"),
                            _("Lay the document flat and hold the camera straight above it, parallel to the document."),
                            &region);
      return;
    }

  /* Turning the document in the picture does no harm: say so, since people
   * often think it does. */
  if (rotation >= ROTATION_NOTE_DEG)
    pf_photo_context_add_ok (ctx, "photo.angle", _("The document is turned in the picture, which is fine"));
  else
    pf_photo_context_add_ok (ctx, "photo.angle", _("The camera looks straight at the document"));
}
