/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.glare: bright reflections on the document, and whether they hide
 * text.
 *
 * A specular highlight is the light source seen in the document's surface:
 * much brighter than the paper around it, so bright that the camera clips
 * it, colourless, and a connected spot with a soft edge. A white card is
 * not glare: it is the paper level, and glare is brighter than the paper.
 * A laminate's faint sheen that leaves the print readable is not glare
 * either unless the person asked for strict checks; over-strict glare
 * checks on laminated cards are what people complain about most.
 *
 * Spots are found on the small grey copy, inside the outline (a bright lamp
 * in the background is not glare on the document, so without an outline
 * this check says nothing). Each spot becomes its own finding: over text
 * or the MRZ it is a blocker, because the service cannot read what the
 * reflection hides; over a blank area it is a caution when large, and
 * passes when small. Whether text lies under a spot is judged from the
 * text that continues around it, since under the spot nothing is left to
 * see. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pf-photo-util.h"

#define MAX_SPOTS 8

/* Per strictness (lenient, default, strict). */
typedef struct
{
  int    above_paper;     /* a spot is this much brighter than the paper */
  int    floor;           /* and at least this bright */
  int    clipped;         /* its brightest pixel reaches this; 0: no need */
  double text_diameter;   /* over text: blocker from this size, in text heights */
  double blank_fraction;  /* over blank: caution from this share of the document */
} Strictness;

static const Strictness strictness[3] = {
  { 40, 240, 252, 1.0, 0.020 },
  { 28, 230, 248, 0.5, 0.006 },
  { 18, 215, 0,   0.3, 0.002 },
};

typedef struct
{
  int     area;        /* small pixels */
  int     x0, y0, x1, y1; /* small pixels, exclusive ends */
  int     brightest;
  guint64 sum_x, sum_y;
} Spot;

static int
find_root (int *parent,
           int  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

/* Two-pass connected components (8-connected) of the pixels at or above
 * @threshold inside the region, within its bounding box. */
static GArray *
find_spots (const PfPhotoContext *ctx,
            const PfDocRegion    *region,
            int                   threshold)
{
  int bx0, by0, bx1, by1, bw, bh;
  g_autofree int *labels = NULL;
  g_autoptr(GArray) parent = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree int *index = NULL;
  GArray *spots = g_array_new (FALSE, TRUE, sizeof (Spot));
  int next = 1;

  pf_doc_region_bounds (region, ctx->small_scale, ctx->small_width, ctx->small_height,
                        &bx0, &by0, &bx1, &by1);
  bw = bx1 - bx0;
  bh = by1 - by0;
  if (bw <= 0 || bh <= 0)
    return spots;

  labels = g_new0 (int, (gsize) bw * bh);
  g_array_append_val (parent, (int) { 0 });

  for (int y = by0; y < by1; y++)
    {
      const guint8 *row = ctx->small + (gsize) y * ctx->small_width;
      int *lab = labels + (gsize) (y - by0) * bw - bx0;
      int x0, x1;

      if (!pf_doc_region_row_span (region, ctx->small_scale, y, ctx->small_width, &x0, &x1))
        continue;
      for (int x = MAX (x0, bx0); x < MIN (x1, bx1); x++)
        {
          int best = 0;

          if (row[x] < threshold)
            continue;
          /* The neighbours already labelled: left, and three above. */
          {
            int n[4] = {
              x > bx0 ? lab[x - 1] : 0,
              y > by0 && x > bx0 ? lab[x - 1 - bw] : 0,
              y > by0 ? lab[x - bw] : 0,
              y > by0 && x + 1 < bx1 ? lab[x + 1 - bw] : 0,
            };

            for (int k = 0; k < 4; k++)
              if (n[k] != 0)
                {
                  int r = find_root ((int *) parent->data, n[k]);

                  if (best == 0)
                    best = r;
                  else if (r != best)
                    {
                      int lo = MIN (r, best), hi = MAX (r, best);

                      g_array_index (parent, int, hi) = lo;
                      best = lo;
                    }
                }
          }
          if (best == 0)
            {
              best = next++;
              g_array_append_val (parent, best);
            }
          lab[x] = best;
        }
    }

  index = g_new0 (int, next);
  for (int y = by0; y < by1; y++)
    for (int x = bx0; x < bx1; x++)
      {
        int l = labels[(gsize) (y - by0) * bw + (x - bx0)];
        Spot *spot;
        int r;

        if (l == 0)
          continue;
        r = find_root ((int *) parent->data, l);
        if (index[r] == 0)
          {
            Spot fresh = { 0, x, y, x + 1, y + 1, 0, 0, 0 };

            g_array_append_val (spots, fresh);
            index[r] = spots->len;
          }
        spot = &g_array_index (spots, Spot, index[r] - 1);
        spot->area++;
        spot->x0 = MIN (spot->x0, x);
        spot->y0 = MIN (spot->y0, y);
        spot->x1 = MAX (spot->x1, x + 1);
        spot->y1 = MAX (spot->y1, y + 1);
        spot->brightest = MAX (spot->brightest, ctx->small[(gsize) y * ctx->small_width + x]);
        spot->sum_x += x;
        spot->sum_y += y;
      }

  return spots;
}

/* The spot's mean colourfulness at full resolution: a highlight is the
 * colour of the light, a bright print is the colour of its ink. */
static double
spot_chroma (const PfPhotoContext *ctx,
             const PfRect         *rect)
{
  const guint8 *rgba = pf_image_get_data (ctx->image);
  gsize stride = pf_image_get_stride (ctx->image);
  double sum = 0;
  int n = 0;

  for (int j = 0; j < 8; j++)
    for (int i = 0; i < 8; i++)
      {
        int x = CLAMP ((int) (rect->x + (i + 0.5) * rect->width / 8), 0, ctx->width - 1);
        int y = CLAMP ((int) (rect->y + (j + 0.5) * rect->height / 8), 0, ctx->height - 1);
        const guint8 *p = rgba + y * stride + x * 4;

        /* Only the bright pixels of the spot, not the print around it. */
        if (ctx->grey[(gsize) y * ctx->width + x] < 200)
          continue;
        sum += MAX (p[0], MAX (p[1], p[2])) - MIN (p[0], MIN (p[1], p[2]));
        n++;
      }

  return n > 0 ? sum / n : 0;
}

/* Is there text around the spot, which the spot then interrupts? Looks at
 * cells of about a text height in a ring just outside the spot. */
static gboolean
spot_over_text (const PfPhotoContext *ctx,
                const PfRect         *rect,
                double                text_px,
                double                paper)
{
  double cell = MAX (6, 1.5 * text_px);
  double gap = 0.25 * text_px;
  double x0 = rect->x - gap - cell, y0 = rect->y - gap - cell;
  double x1 = rect->x + rect->width + gap + cell, y1 = rect->y + rect->height + gap + cell;
  int nx = MAX (1, (int) round ((x1 - x0) / cell)), ny = MAX (1, (int) round ((y1 - y0) / cell));
  double cw = (x1 - x0) / nx, ch = (y1 - y0) / ny;
  double min_contrast = MAX (30, 0.3 * paper);
  int text = 0, cells = 0;

  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++)
      {
        PfTextCell c;

        /* The ring only: the first and last row and column of cells. */
        if (j != 0 && j != ny - 1 && i != 0 && i != nx - 1)
          continue;
        pf_photo_text_cell (ctx,
                            (int) (x0 + i * cw), (int) (y0 + j * ch),
                            (int) (x0 + (i + 1) * cw), (int) (y0 + (j + 1) * ch),
                            min_contrast, &c);
        cells++;
        if (c.is_text)
          text++;
      }

  return text >= 2 && text * 6 >= cells;
}

/* The MRZ runs along the bottom of a TD1 card's back and of a passport's
 * data page; as seen in the image it is along either long side when the
 * document is turned. */
static gboolean
spot_in_mrz_band (const PfPhotoContext *ctx,
                  const PfDocRegion    *region,
                  const PfRect         *rect)
{
  PfMrzFormat format = pf_document_kind_get_mrz_format (ctx->options.kind);
  double band = format == PF_MRZ_FORMAT_TD1 ? 0.36 : 0.26;
  double u, v;

  if (format == PF_MRZ_FORMAT_NONE)
    return FALSE;
  pf_doc_region_to_unit (region, rect->x + rect->width / 2, rect->y + rect->height / 2, &u, &v);
  if (pf_doc_region_is_portrait (region))
    return u < band || u > 1 - band;
  return v > 1 - band || v < band / 3;
}

void
pf_photo_check_glare (PfPhotoContext *ctx)
{
  const Strictness *s = &strictness[CLAMP (ctx->options.glare_strictness, 0, 2)];
  PfDocRegion whole, region;
  g_autoptr(GArray) spots = NULL;
  double paper, text_px, doc_area_small, total = 0;
  int threshold, reported = 0, over_text = 0;

  /* Glare is a fault of the document's surface: without the outline a
   * bright lamp or window behind it would be taken for glare. */
  if (!ctx->has_outline)
    return;

  pf_doc_region_init (&whole, ctx);
  pf_doc_region_inset (&whole, 0.015, &region);
  paper = pf_photo_paper_level (ctx, &whole);
  pf_photo_report_set_metric (ctx->report, "glare.paper", paper);

  /* Paper that is itself clipped leaves nothing brighter to find; the
   * exposure check says the photo is too bright. */
  if (paper >= 250)
    return;

  threshold = CLAMP ((int) paper + s->above_paper, s->floor, 253);
  text_px = pf_doc_region_text_px (&whole);
  doc_area_small = whole.area * ctx->small_scale * ctx->small_scale;
  spots = find_spots (ctx, &region, threshold);

  for (guint i = 0; i < spots->len && reported < MAX_SPOTS; i++)
    {
      Spot *spot = &g_array_index (spots, Spot, i);
      double fraction = spot->area / doc_area_small;
      double diameter = 2 * sqrt (spot->area / G_PI) / ctx->small_scale;
      gboolean text, mrz;
      PfRect rect;
      char *advice;
      const char *place;

      /* Specks: a pixel or two of sparkle hides nothing. */
      if (spot->area < 3 || diameter < 0.2 * text_px)
        continue;
      if (s->clipped > 0 && spot->brightest < s->clipped)
        continue;

      rect.x = spot->x0 / ctx->small_scale;
      rect.y = spot->y0 / ctx->small_scale;
      rect.width = (spot->x1 - spot->x0) / ctx->small_scale;
      rect.height = (spot->y1 - spot->y0) / ctx->small_scale;
      if (spot_chroma (ctx, &rect) > 40)
        continue;

      text = spot_over_text (ctx, &rect, text_px, paper);
      mrz = text && spot_in_mrz_band (ctx, &whole, &rect);
      place = pf_doc_region_place (&whole, &rect);
      total += fraction;

      if (text && diameter >= s->text_diameter * text_px)
        {
          /* Translators: %s is a place on the document, such as "the top
           * left corner". */
          advice = g_strdup_printf (mrz
                                    ? _("A bright reflection covers the code lines near %s: tilt the "
                                        "document slightly or move away from the lamp or window.")
                                    : _("A bright reflection covers text near %s: tilt the document "
                                        "slightly or move away from the lamp or window."),
                                    place);
          pf_photo_context_add (ctx, "photo.glare", PF_SEVERITY_BLOCKER,
                                mrz ? _("Glare over the machine-readable zone")
                                    : _("Glare over the text"),
                                advice, &rect);
          over_text++;
        }
      else if (text || fraction >= s->blank_fraction)
        {
          advice = g_strdup_printf (_("A bright reflection shows near %s: tilt the document "
                                      "slightly so that it goes away."),
                                    place);
          pf_photo_context_add (ctx, "photo.glare", PF_SEVERITY_CAUTION,
                                _("A small reflection"), advice, &rect);
        }
      else
        {
          continue;
        }
      g_free (advice);
      reported++;
    }

  pf_photo_report_set_metric (ctx->report, "glare.fraction", total);
  pf_photo_report_set_metric (ctx->report, "glare.regions", reported);
  pf_photo_report_set_metric (ctx->report, "glare.over_text", over_text);
  if (reported == 0)
    pf_photo_context_add_ok (ctx, "photo.glare", _("No glare on the document"));
}
