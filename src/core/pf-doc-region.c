/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document region the pixel-quality checks look at: a homography from
 * the unit square onto the document's outline, so that a check can sample
 * "the lower third of the document" the same way whether the card lies
 * straight or is seen at an angle. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pf-photo-util.h"

/* Without an outline the checks that still make sense look at the middle
 * of the frame, where the camera guide asks for the document: this share
 * of the frame's width and height. */
#define CENTRAL_SHARE 0.6

static gboolean
invert3 (const double m[9],
         double       out[9])
{
  double det = m[0] * (m[4] * m[8] - m[5] * m[7])
             - m[1] * (m[3] * m[8] - m[5] * m[6])
             + m[2] * (m[3] * m[7] - m[4] * m[6]);

  if (fabs (det) < 1e-12)
    return FALSE;

  out[0] = (m[4] * m[8] - m[5] * m[7]) / det;
  out[1] = (m[2] * m[7] - m[1] * m[8]) / det;
  out[2] = (m[1] * m[5] - m[2] * m[4]) / det;
  out[3] = (m[5] * m[6] - m[3] * m[8]) / det;
  out[4] = (m[0] * m[8] - m[2] * m[6]) / det;
  out[5] = (m[2] * m[3] - m[0] * m[5]) / det;
  out[6] = (m[3] * m[7] - m[4] * m[6]) / det;
  out[7] = (m[1] * m[6] - m[0] * m[7]) / det;
  out[8] = (m[0] * m[4] - m[1] * m[3]) / det;
  return TRUE;
}

static double
quad_area (const PfPoint c[4])
{
  double twice = 0;

  for (int i = 0; i < 4; i++)
    twice += c[i].x * c[(i + 1) % 4].y - c[(i + 1) % 4].x * c[i].y;

  return fabs (twice) / 2;
}

/**
 * pf_doc_region_set_quad:
 *
 * Makes the region for @corners (top-left, top-right, bottom-right,
 * bottom-left) of a document @width_mm × @height_mm.
 */
void
pf_doc_region_set_quad (PfDocRegion   *self,
                        const PfPoint  corners[4],
                        double         width_mm,
                        double         height_mm)
{
  const PfPoint *p = corners;
  double dx1 = p[1].x - p[2].x, dx2 = p[3].x - p[2].x, dx3 = p[0].x - p[1].x + p[2].x - p[3].x;
  double dy1 = p[1].y - p[2].y, dy2 = p[3].y - p[2].y, dy3 = p[0].y - p[1].y + p[2].y - p[3].y;
  double det = dx1 * dy2 - dx2 * dy1;
  double g = 0, h = 0;

  memcpy (self->corners, corners, sizeof self->corners);

  /* Heckbert's square-to-quad mapping; the affine case when the quad is a
   * parallelogram or degenerate. */
  if ((fabs (dx3) > 1e-9 || fabs (dy3) > 1e-9) && fabs (det) > 1e-12)
    {
      g = (dx3 * dy2 - dx2 * dy3) / det;
      h = (dx1 * dy3 - dx3 * dy1) / det;
    }
  self->h[0] = p[1].x - p[0].x + g * p[1].x;
  self->h[1] = p[3].x - p[0].x + h * p[3].x;
  self->h[2] = p[0].x;
  self->h[3] = p[1].y - p[0].y + g * p[1].y;
  self->h[4] = p[3].y - p[0].y + h * p[3].y;
  self->h[5] = p[0].y;
  self->h[6] = g;
  self->h[7] = h;
  self->h[8] = 1;
  if (!invert3 (self->h, self->inv))
    {
      memset (self->inv, 0, sizeof self->inv);
      self->inv[8] = 1;
    }

  self->area = quad_area (corners);
  self->px_per_mm = sqrt (self->area / (width_mm * height_mm));
}

/**
 * pf_doc_region_init:
 *
 * The document's outline when the outline check found one, otherwise the
 * middle of the frame sized as if the document filled it.
 */
void
pf_doc_region_init (PfDocRegion          *self,
                    const PfPhotoContext *ctx)
{
  double width_mm, height_mm;

  pf_document_kind_get_size_mm (ctx->options.kind, &width_mm, &height_mm);
  self->from_outline = ctx->has_outline;

  if (ctx->has_outline)
    {
      pf_doc_region_set_quad (self, ctx->outline, width_mm, height_mm);
    }
  else
    {
      double mx = ctx->width * (1 - CENTRAL_SHARE) / 2;
      double my = ctx->height * (1 - CENTRAL_SHARE) / 2;
      PfPoint c[4] = {
        { mx, my },
        { ctx->width - mx, my },
        { ctx->width - mx, ctx->height - my },
        { mx, ctx->height - my },
      };
      double w = ctx->width - 2 * mx, hh = ctx->height - 2 * my;

      /* Scale as if the document's long side spanned the region's. */
      pf_doc_region_set_quad (self, c, width_mm, height_mm);
      self->px_per_mm = MAX (w, hh) / MAX (width_mm, height_mm);
    }
}

void
pf_doc_region_to_image (const PfDocRegion *self,
                        double             u,
                        double             v,
                        PfPoint           *point)
{
  const double *m = self->h;
  double w = m[6] * u + m[7] * v + m[8];

  if (fabs (w) < 1e-12)
    w = 1e-12;
  point->x = (m[0] * u + m[1] * v + m[2]) / w;
  point->y = (m[3] * u + m[4] * v + m[5]) / w;
}

void
pf_doc_region_to_unit (const PfDocRegion *self,
                       double             x,
                       double             y,
                       double            *u,
                       double            *v)
{
  const double *m = self->inv;
  double w = m[6] * x + m[7] * y + m[8];

  if (fabs (w) < 1e-12)
    w = 1e-12;
  *u = (m[0] * x + m[1] * y + m[2]) / w;
  *v = (m[3] * x + m[4] * y + m[5]) / w;
}

/* A region whose corners sit @margin (a share of the document's size) inside
 * this one's: away from the border, where the background and a slightly
 * misplaced outline would otherwise leak in. */
void
pf_doc_region_inset (const PfDocRegion *self,
                     double             margin,
                     PfDocRegion       *inset)
{
  PfPoint c[4];
  double px_per_mm = self->px_per_mm;

  pf_doc_region_to_image (self, margin, margin, &c[0]);
  pf_doc_region_to_image (self, 1 - margin, margin, &c[1]);
  pf_doc_region_to_image (self, 1 - margin, 1 - margin, &c[2]);
  pf_doc_region_to_image (self, margin, 1 - margin, &c[3]);

  /* The millimetre sizes only matter for px_per_mm, kept from the whole. */
  pf_doc_region_set_quad (inset, c, 1, 1);
  inset->px_per_mm = px_per_mm;
  inset->from_outline = self->from_outline;
}

/**
 * pf_doc_region_row_span:
 * @scale: the image's pixels per full-resolution pixel
 * @y: a row of that image
 * @width: that image's width
 *
 * Where row @y crosses the (convex) region, clipped to the image.
 *
 * Returns: %FALSE if it does not
 */
gboolean
pf_doc_region_row_span (const PfDocRegion *self,
                        double             scale,
                        int                y,
                        int                width,
                        int               *x0,
                        int               *x1)
{
  double cy = (y + 0.5) / scale;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (int i = 0; i < 4; i++)
    {
      const PfPoint *a = &self->corners[i], *b = &self->corners[(i + 1) % 4];
      double x;

      if ((a->y > cy) == (b->y > cy))
        continue;
      x = a->x + (cy - a->y) * (b->x - a->x) / (b->y - a->y);
      lo = MIN (lo, x);
      hi = MAX (hi, x);
    }
  if (lo > hi)
    return FALSE;

  *x0 = MAX (0, (int) ceil (lo * scale - 0.5));
  *x1 = MIN (width, (int) floor (hi * scale - 0.5) + 1);
  return *x0 < *x1;
}

/* The region's bounding box in an image scaled by @scale, clipped to it;
 * x1 and y1 are exclusive. */
void
pf_doc_region_bounds (const PfDocRegion *self,
                      double             scale,
                      int                width,
                      int                height,
                      int               *x0,
                      int               *y0,
                      int               *x1,
                      int               *y1)
{
  double lx = G_MAXDOUBLE, ly = G_MAXDOUBLE, hx = -G_MAXDOUBLE, hy = -G_MAXDOUBLE;

  for (int i = 0; i < 4; i++)
    {
      lx = MIN (lx, self->corners[i].x);
      ly = MIN (ly, self->corners[i].y);
      hx = MAX (hx, self->corners[i].x);
      hy = MAX (hy, self->corners[i].y);
    }
  *x0 = CLAMP ((int) floor (lx * scale), 0, width);
  *y0 = CLAMP ((int) floor (ly * scale), 0, height);
  *x1 = CLAMP ((int) ceil (hx * scale), 0, width);
  *y1 = CLAMP ((int) ceil (hy * scale), 0, height);
}

/* The region's bounding box in image pixels, clipped to the image: the
 * region a finding about the whole document points at. */
void
pf_doc_region_get_rect (const PfDocRegion    *self,
                        const PfPhotoContext *ctx,
                        PfRect               *rect)
{
  int x0, y0, x1, y1;

  pf_doc_region_bounds (self, 1, ctx->width, ctx->height, &x0, &y0, &x1, &y1);
  rect->x = x0;
  rect->y = y0;
  rect->width = x1 - x0;
  rect->height = y1 - y0;
}

/* The expected cap height of the document's text, in image pixels. */
double
pf_doc_region_text_px (const PfDocRegion *self)
{
  return PF_TEXT_HEIGHT_MM * self->px_per_mm;
}

/* A landscape document turned on its side in the image. */
gboolean
pf_doc_region_is_portrait (const PfDocRegion *self)
{
  const PfPoint *c = self->corners;
  double top = hypot (c[1].x - c[0].x, c[1].y - c[0].y);
  double bottom = hypot (c[2].x - c[3].x, c[2].y - c[3].y);
  double left = hypot (c[3].x - c[0].x, c[3].y - c[0].y);
  double right = hypot (c[2].x - c[1].x, c[2].y - c[1].y);

  return left + right > top + bottom;
}

/**
 * pf_doc_region_place:
 * @rect: a part of the image
 *
 * Returns: where @rect's centre lies on the document, in words for advice
 *   ("the top left corner"), as seen in the image
 */
const char *
pf_doc_region_place (const PfDocRegion *self,
                     const PfRect      *rect)
{
  /* Translators: places on the document, used in advice such as "A bright
   * reflection covers text near the top left corner". */
  static const char *const places[3][3] = {
    { N_("the top left corner"), N_("the top edge"), N_("the top right corner") },
    { N_("the left edge"), N_("the middle"), N_("the right edge") },
    { N_("the bottom left corner"), N_("the bottom edge"), N_("the bottom right corner") },
  };
  double u, v;
  int col, row;

  pf_doc_region_to_unit (self, rect->x + rect->width / 2, rect->y + rect->height / 2, &u, &v);
  col = u < 1.0 / 3 ? 0 : u < 2.0 / 3 ? 1 : 2;
  row = v < 1.0 / 3 ? 0 : v < 2.0 / 3 ? 1 : 2;

  return _(places[row][col]);
}
