/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.obstruction: a finger or an object over the document. Whatever
 * covers a document's border runs on across it: for a stretch of the
 * border, what lies just inside looks like what lies just outside, and
 * unlike the document's own border elsewhere on that side. A thumb holding
 * the card does exactly that; a hand or a patterned cloth around the card
 * does not, since the card's border still shows. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pf-outline.h"
#include "pf-photo-private.h"

#define SAMPLES 64

/* A stretch counts when it is at least this share of the document's width
 * long: a thumb is 15 mm or more across, a sixth of a card's width. */
#define MIN_STRETCH 0.06

typedef struct
{
  gboolean valid;
  double   in[3];      /* just inside the border */
  double   out[3];     /* just outside */
  double   deep[3];    /* a tenth of the document's size inside */
  double   x, y;
} Sample;

static double
distance (const double a[3],
          const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
               + (a[2] - b[2]) * (a[2] - b[2]));
}

/* Skin, from the palest to the darkest, under ordinary light: red over
 * green over blue, in these proportions. */
static gboolean
is_skin (const double rgb[3])
{
  double r = rgb[0], g = rgb[1], b = rgb[2];

  return r >= 45 && r > g && g > b && g >= 0.55 * r && g <= 0.9 * r && b >= 0.3 * r
         && b <= 0.8 * r && r - b >= 0.18 * r;
}

static void
sample_side (const PfPhotoContext *ctx,
             int                   side,
             double                size,
             Sample               *samples)
{
  const PfPoint *c = ctx->outline;
  const PfPoint *a = &c[side], *b = &c[(side + 1) % 4];
  double near[2] = { 0.025 * size + 1.5, 0.05 * size + 1.5 }, deep = 0.1 * size, nx, ny;

  pf_quad_outward_normal (c, side, &nx, &ny);

  for (int i = 0; i < SAMPLES; i++)
    {
      Sample *s = &samples[i];
      double t = 0.06 + 0.88 * (i + 0.5) / SAMPLES;
      double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);
      double in[3], out[3];

      s->valid = TRUE;
      s->x = px;
      s->y = py;
      for (int ch = 0; ch < 3; ch++)
        s->in[ch] = s->out[ch] = 0;
      for (int j = 0; j < 2 && s->valid; j++)
        {
          s->valid = pf_image_mean_rgb (ctx->image, px - near[j] * nx, py - near[j] * ny, in)
                     && pf_image_mean_rgb (ctx->image, px + near[j] * nx, py + near[j] * ny, out);
          for (int ch = 0; ch < 3; ch++)
            {
              s->in[ch] += in[ch] / 2;
              s->out[ch] += out[ch] / 2;
            }
        }
      s->valid = s->valid && pf_image_mean_rgb (ctx->image, px - deep * nx, py - deep * ny, s->deep);
    }
}

/* Looks along one side for a stretch where something covers the border.
 * Returns TRUE and the stretch's extent in the image if found. */
static gboolean
find_cover (const PfPhotoContext *ctx,
            int                   side,
            double                size,
            gboolean             *skin,
            PfRect               *region)
{
  Sample samples[SAMPLES];
  double values[3][SAMPLES], steps[SAMPLES], typical[3], typical_step;
  gboolean covered[SAMPLES], continuous[SAMPLES];
  const PfPoint *a = &ctx->outline[side], *b = &ctx->outline[(side + 1) % 4];
  double len = hypot (b->x - a->x, b->y - a->y);
  /* The document's width from its size: a card's is 1.26 times the square
   * root of its area. */
  double doc_width = 1.26 * size;
  int n = 0, first_valid = -1, last_valid = -1;

  sample_side (ctx, side, size, samples);
  for (int i = 0; i < SAMPLES; i++)
    {
      if (!samples[i].valid)
        continue;
      for (int ch = 0; ch < 3; ch++)
        values[ch][n] = samples[i].in[ch];
      steps[n] = distance (samples[i].in, samples[i].out);
      n++;
      if (first_valid < 0)
        first_valid = i;
      last_valid = i;
    }
  if (n < SAMPLES / 4)
    return FALSE;
  for (int ch = 0; ch < 3; ch++)
    typical[ch] = pf_median (values[ch], n);
  typical_step = pf_median (steps, n);

  for (int i = 0; i < SAMPLES; i++)
    {
      const Sample *s = &samples[i];

      /* Unlike the document's border elsewhere, and the same on both
       * sides of the border. */
      continuous[i] = s->valid && distance (s->in, s->out) <= MAX (30, 0.3 * typical_step);
      covered[i] = continuous[i] && distance (s->in, typical) >= 35;
    }

  for (int i = first_valid; i <= last_valid; i++)
    {
      double sum[3] = { 0 };
      int end = i, count = 0, deep_count = 0;
      gboolean run_skin;

      if (!covered[i])
        continue;
      /* The stretch: as long as the surface runs on across the border,
       * bridging short misses (the thumb's shaded side), and where it
       * still looks unlike the border elsewhere at its other end (a
       * thumb's lit middle can match a skin-toned card). */
      while (end + 1 <= last_valid
             && (continuous[end + 1] || (end + 2 <= last_valid && continuous[end + 2])
                 || (end + 3 <= last_valid && continuous[end + 3])))
        end++;
      while (end > i && !covered[end])
        end--;
      for (int j = i; j <= end; j++)
        if (covered[j])
          {
            for (int ch = 0; ch < 3; ch++)
              sum[ch] += samples[j].in[ch];
            count++;
            deep_count += distance (samples[j].deep, typical) >= 35;
          }
      for (int ch = 0; ch < 3; ch++)
        sum[ch] /= count;
      run_skin = is_skin (sum);
      /* Most of it must look unlike the border; and a whole side that runs
       * on is a faint border, not a thumb. */
      if (count * 5 < (end - i + 1) * 2 || (end - i + 1) > (last_valid - first_valid + 1) * 2 / 3)
        {
          i = end;
          continue;
        }

      /* Long enough, and skin-coloured; or else reaching well into the
       * document, with the document's border showing for a tenth of the
       * side at both ends (a printed band runs into the corner instead). */
      if ((end - i + 1) * len * 0.88 / SAMPLES >= MIN_STRETCH * doc_width
          && (run_skin
              || (i >= first_valid + SAMPLES / 10 && end <= last_valid - SAMPLES / 10
                  && deep_count * 2 >= count)))
        {
          double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
          double pad = 0.1 * size;

          for (int j = i; j <= end; j++)
            {
              x0 = MIN (x0, samples[j].x);
              y0 = MIN (y0, samples[j].y);
              x1 = MAX (x1, samples[j].x);
              y1 = MAX (y1, samples[j].y);
            }
          region->x = CLAMP (x0 - pad, 0, ctx->width);
          region->y = CLAMP (y0 - pad, 0, ctx->height);
          region->width = CLAMP (x1 + pad, 0, ctx->width) - region->x;
          region->height = CLAMP (y1 + pad, 0, ctx->height) - region->y;
          *skin = run_skin;
          return TRUE;
        }
      i = end;
    }

  return FALSE;
}

void
pf_photo_check_obstruction (PfPhotoContext *ctx)
{
  double size;
  gboolean found = FALSE;

  if (!ctx->has_outline)
    return;

  size = sqrt (pf_quad_area (ctx->outline));
  for (int side = 0; side < 4; side++)
    {
      PfRect region;
      gboolean skin;

      if (!find_cover (ctx, side, size, &skin, &region))
        continue;
      found = TRUE;
      pf_photo_context_add (ctx, "photo.obstruction", PF_SEVERITY_BLOCKER,
                            skin ? _("A finger covers part of the document")
                                 : _("Something covers part of the document"),
                            _("Keep your fingers off the document: lay it down, or hold it by the very edges."),
                            &region);
    }

  pf_photo_report_set_metric (ctx->report, "obstruction.found", found);
  if (!found)
    pf_photo_context_add_ok (ctx, "photo.obstruction", _("Nothing covers the document"));
}
