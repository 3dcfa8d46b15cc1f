/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.background: does the document stand out from what it lies on? A
 * white card on a white desk makes the outline unsure (here and at the
 * service), and its corners and edges hard to check. Measured where it
 * matters, along the outline: at points all round it, the colour distance
 * between just inside and just outside; the median of them, so that a dark
 * header band on a dark desk, or one busy patch, does not decide it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pf-outline.h"
#include "pf-photo-private.h"

/* The median colour distance in RGB levels below which the document hardly
 * stands out. A document on a plain dark desk gives 100 and more, on a
 * pale wooden table about 40, on a sheet of its own colour under 20. */
#define MIN_CONTRAST 28.0

#define SAMPLES_PER_SIDE 48

/* How far inside and outside to look, and how much of each side's ends to
 * leave out (rounded corners), in millimetres on the document. */
#define DEPTH_MM 1.5
#define END_MM   4.0

void
pf_photo_check_background (PfPhotoContext *ctx)
{
  const PfPoint *c = ctx->outline;
  double distances[4 * SAMPLES_PER_SIDE], px_per_mm, w_mm, h_mm, contrast;
  int n = 0;

  if (!ctx->has_outline)
    return;

  pf_document_kind_get_size_mm (ctx->options.kind, &w_mm, &h_mm);
  px_per_mm = sqrt (pf_quad_area (c) / (w_mm * h_mm));

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &c[k], *b = &c[(k + 1) % 4];
      double len = hypot (b->x - a->x, b->y - a->y), nx, ny, end;

      if (len < 1)
        continue;
      pf_quad_outward_normal (c, k, &nx, &ny);
      end = MIN (0.3, END_MM * px_per_mm / len);
      for (int i = 0; i < SAMPLES_PER_SIDE; i++)
        {
          double t = end + (1 - 2 * end) * (i + 0.5) / SAMPLES_PER_SIDE;
          double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);
          double depth = MAX (1.5, DEPTH_MM * px_per_mm), in[3], out[3];

          if (!pf_image_mean_rgb (ctx->image, px - depth * nx, py - depth * ny, in)
              || !pf_image_mean_rgb (ctx->image, px + depth * nx, py + depth * ny, out))
            continue;
          distances[n++] = sqrt ((in[0] - out[0]) * (in[0] - out[0])
                                 + (in[1] - out[1]) * (in[1] - out[1])
                                 + (in[2] - out[2]) * (in[2] - out[2]));
        }
    }

  /* A document that fills the frame leaves too little background to
   * compare with; then there is nothing to say either way. */
  if (n < SAMPLES_PER_SIDE / 2)
    return;

  contrast = pf_median (distances, n);
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
