/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.background: does the document stand out from what it lies on? A
 * white card on a white desk makes the outline unsure (here and at the
 * service), and its corners and edges are hard to check. Measured like a
 * person would see it: the mean colour of the document's outer band
 * against the mean colour of a band just outside it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pf-outline.h"
#include "pf-photo-private.h"

/* The distance in RGB levels between the two bands' mean colours below
 * which the document hardly stands out. A document on a plain dark desk
 * gives 100 and more; on a pale wooden table about 40. */
#define MIN_CONTRAST 28.0

#define SAMPLES_PER_SIDE 48

/* The band's depths, as shares of the document's size (the square root of
 * its area): its outer 4%, and as much outside. */
static const double depths[] = { 0.01, 0.025, 0.04 };

static gboolean
rgb_at (const PfPhotoContext *ctx,
        double                x,
        double                y,
        double                rgb[3])
{
  const guint8 *p;
  int xi = (int) lrint (x), yi = (int) lrint (y);

  if (xi < 0 || yi < 0 || xi >= ctx->width || yi >= ctx->height)
    return FALSE;
  p = pf_image_get_data (ctx->image) + (gsize) yi * pf_image_get_stride (ctx->image) + (gsize) xi * 4;
  rgb[0] = p[0];
  rgb[1] = p[1];
  rgb[2] = p[2];
  return TRUE;
}

void
pf_photo_check_background (PfPhotoContext *ctx)
{
  const PfPoint *c = ctx->outline;
  double inside[3] = { 0 }, outside[3] = { 0 }, cx = 0, cy = 0, size, contrast = 0;
  int n = 0;

  if (!ctx->has_outline)
    return;

  for (int k = 0; k < 4; k++)
    {
      cx += c[k].x / 4;
      cy += c[k].y / 4;
    }
  size = sqrt (pf_quad_area (c));

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &c[k], *b = &c[(k + 1) % 4];
      double len = hypot (b->x - a->x, b->y - a->y), nx, ny;

      if (len < 1)
        continue;
      nx = (b->y - a->y) / len;
      ny = -(b->x - a->x) / len;
      if (nx * ((a->x + b->x) / 2 - cx) + ny * ((a->y + b->y) / 2 - cy) < 0)
        {
          nx = -nx;
          ny = -ny;
        }
      for (int i = 0; i < SAMPLES_PER_SIDE; i++)
        {
          /* The straight part of the side: cards have rounded corners. */
          double t = 0.1 + 0.8 * (i + 0.5) / SAMPLES_PER_SIDE;
          double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);

          for (guint j = 0; j < G_N_ELEMENTS (depths); j++)
            {
              double depth = depths[j] * size + 1.5, in[3], out[3];

              /* Both or neither: the two means must come from the same
               * stretches of the border. */
              if (!rgb_at (ctx, px - depth * nx, py - depth * ny, in)
                  || !rgb_at (ctx, px + depth * nx, py + depth * ny, out))
                continue;
              for (int ch = 0; ch < 3; ch++)
                {
                  inside[ch] += in[ch];
                  outside[ch] += out[ch];
                }
              n++;
            }
        }
    }

  /* A document that fills the frame leaves too little background to
   * compare with; then there is nothing to say either way. */
  if (n < SAMPLES_PER_SIDE)
    return;

  for (int ch = 0; ch < 3; ch++)
    contrast += (inside[ch] - outside[ch]) * (inside[ch] - outside[ch]) / ((double) n * n);
  contrast = sqrt (contrast);
  pf_photo_report_set_metric (ctx->report, "background.contrast", contrast);

  if (contrast < MIN_CONTRAST)
    {
      PfRect region = { 0, 0, ctx->width, ctx->height };

      pf_photo_context_add (ctx, "photo.background", PF_SEVERITY_CAUTION,
                            _("The document hardly stands out from the background"),
                            _("Put the document on a plain, dark surface."),
                            &region);
      return;
    }

  pf_photo_context_add_ok (ctx, "photo.background", _("The document stands out from the background"));
}
