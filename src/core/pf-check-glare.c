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
/* A clipped pixel of the small copy, give or take noise and compression. */
#define CLIPPED 250

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
  int     interior;    /* pixels deeper inside than the erosion radius */
  int     cx0, cy0, cx1, cy1; /* the clipped core's box; empty if none */
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
 * @threshold inside the region, within its bounding box. Each spot also
 * counts its pixels at least @erosion pixels from its edge (give or take
 * the specks noise leaves in a clipped area): a reflection is a thick
 * blob, white print on a dark band is thin strokes. */
static GArray *
find_spots (const PfPhotoContext *ctx,
            const PfDocRegion    *region,
            int                   threshold,
            int                   erosion)
{
  int bx0, by0, bx1, by1, bw, bh;
  g_autofree int *labels = NULL;
  g_autoptr(GArray) parent = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree int *index = NULL;
  g_autofree int *integral = NULL;
  GArray *spots = g_array_new (FALSE, TRUE, sizeof (Spot));
  int next = 1;

  /* Most frames have no glare at all: first only find the box of the
   * bright pixels, and label within it. */
  bx0 = by0 = G_MAXINT;
  bx1 = by1 = 0;
  for (int y = 0; y < ctx->small_height; y++)
    {
      const guint8 *row = ctx->small + (gsize) y * ctx->small_width;
      int x0, x1;

      if (!pf_doc_region_row_span (region, ctx->small_scale, y, ctx->small_width, &x0, &x1))
        continue;
      for (int x = x0; x < x1; x++)
        if (row[x] >= threshold)
          {
            bx0 = MIN (bx0, x);
            bx1 = MAX (bx1, x + 1);
            by0 = MIN (by0, y);
            by1 = y + 1;
          }
    }
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

  /* A summed-area table of the mask, for the erosion test. */
  integral = g_new0 (int, (gsize) (bw + 1) * (bh + 1));
  for (int y = 0; y < bh; y++)
    for (int x = 0; x < bw; x++)
      integral[(gsize) (y + 1) * (bw + 1) + x + 1] = (labels[(gsize) y * bw + x] != 0)
                                                     + integral[(gsize) y * (bw + 1) + x + 1]
                                                     + integral[(gsize) (y + 1) * (bw + 1) + x]
                                                     - integral[(gsize) y * (bw + 1) + x];

  index = g_new0 (int, next);
  for (int y = by0; y < by1; y++)
    for (int x = bx0; x < bx1; x++)
      {
        int l = labels[(gsize) (y - by0) * bw + (x - bx0)];
        int lx = x - bx0 - erosion, ly = y - by0 - erosion;
        int hx = x - bx0 + erosion + 1, hy = y - by0 + erosion + 1;
        Spot *spot;
        int r;

        if (l == 0)
          continue;
        r = find_root ((int *) parent->data, l);
        if (index[r] == 0)
          {
            Spot fresh = { 0, x, y, x + 1, y + 1, 0, 0, G_MAXINT, G_MAXINT, 0, 0 };

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
        if (ctx->small[(gsize) y * ctx->small_width + x] >= CLIPPED)
          {
            spot->cx0 = MIN (spot->cx0, x);
            spot->cy0 = MIN (spot->cy0, y);
            spot->cx1 = MAX (spot->cx1, x + 1);
            spot->cy1 = MAX (spot->cy1, y + 1);
          }
        if (lx >= 0 && ly >= 0 && hx <= bw && hy <= bh
            && integral[(gsize) hy * (bw + 1) + hx] - integral[(gsize) ly * (bw + 1) + hx]
               - integral[(gsize) hy * (bw + 1) + lx] + integral[(gsize) ly * (bw + 1) + lx]
               >= (2 * erosion + 1) * (2 * erosion + 1) * 7 / 8)
          spot->interior++;
      }

  return spots;
}

/* Joins spots within @gap small pixels of each other: print under a
 * spot's fringe breaks the fringe off into crumbs that belong to it. */
static void
merge_spots (GArray *spots,
             double  gap)
{
  gboolean merged = TRUE;
  int g = (int) ceil (gap);

  while (merged)
    {
      merged = FALSE;
      for (guint i = 0; i < spots->len; i++)
        for (guint j = i + 1; j < spots->len; j++)
          {
            Spot *a = &g_array_index (spots, Spot, i);
            Spot *b = &g_array_index (spots, Spot, j);

            if (b->x0 > a->x1 + g || a->x0 > b->x1 + g || b->y0 > a->y1 + g || a->y0 > b->y1 + g)
              continue;
            a->area += b->area;
            a->x0 = MIN (a->x0, b->x0);
            a->y0 = MIN (a->y0, b->y0);
            a->x1 = MAX (a->x1, b->x1);
            a->y1 = MAX (a->y1, b->y1);
            a->brightest = MAX (a->brightest, b->brightest);
            a->interior += b->interior;
            a->cx0 = MIN (a->cx0, b->cx0);
            a->cy0 = MIN (a->cy0, b->cy0);
            a->cx1 = MAX (a->cx1, b->cx1);
            a->cy1 = MAX (a->cy1, b->cy1);
            g_array_remove_index_fast (spots, j);
            merged = TRUE;
            j--;
          }
    }
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

/* A cell of the grid laid around a spot: column @i, row @j (either may be
 * one beyond the grid). */
typedef struct
{
  double x0, y0, cw, ch;
  double min_contrast;
} CellGrid;

static void
measure_cell (const PfPhotoContext *ctx,
              const CellGrid       *grid,
              int                   i,
              int                   j,
              PfTextCell           *cell)
{
  pf_photo_text_cell (ctx,
                      (int) (grid->x0 + i * grid->cw), (int) (grid->y0 + j * grid->ch),
                      (int) (grid->x0 + (i + 1) * grid->cw), (int) (grid->y0 + (j + 1) * grid->ch),
                      grid->min_contrast, cell);
}

/* Does a line of text run outwards from the cell (@i, @j) in the
 * direction (@di, @dj)? Past the soft edge of the spot (brighter than the
 * paper, the print faded away), two text cells in a row: one alone may be
 * a portrait's eye. */
static gboolean
line_runs_out (const PfPhotoContext *ctx,
               const CellGrid       *grid,
               double                paper,
               int                   i,
               int                   j,
               int                   di,
               int                   dj)
{
  PfTextCell cell;

  for (int k = 0; k < 3; k++, i += di, j += dj)
    {
      measure_cell (ctx, grid, i, j, &cell);
      if (cell.paper < paper + 12 || cell.is_text)
        break;
    }
  if (!cell.is_text)
    return FALSE;
  measure_cell (ctx, grid, i + di, j + dj, &cell);
  return cell.is_text;
}

/* Is there text around the spot, which the spot then interrupts? Under
 * the spot nothing is left to see, so this looks at a ring of cells a text
 * height wide just outside it, where print still shows through the soft
 * edge of the reflection (or further out, past a large spot's wide soft
 * edge). Lines of text run along the document's long side: a line the spot
 * cuts shows at the spot's ends, continuing outwards; lines the spot sits
 * among show both above and below it. Text merely passing above or below a
 * spot on a blank area does not count. */
static gboolean
spot_over_text (const PfPhotoContext *ctx,
                const PfDocRegion    *region,
                const PfRect         *rect,
                double                text_px,
                double                paper)
{
  double cell = MAX (4, text_px);
  double x1 = rect->x + rect->width + cell, y1 = rect->y + rect->height + cell;
  CellGrid grid = { rect->x - cell, rect->y - cell, 0, 0, MAX (25, 0.25 * paper) };
  int nx = MAX (3, (int) round ((x1 - grid.x0) / cell));
  int ny = MAX (3, (int) round ((y1 - grid.y0) / cell));
  gboolean turned = pf_doc_region_is_portrait (region);
  gboolean above = FALSE, below = FALSE;

  grid.cw = (x1 - grid.x0) / nx;
  grid.ch = (y1 - grid.y0) / ny;

  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++)
      {
        gboolean left = i == 0, right = i == nx - 1, top = j == 0, bottom = j == ny - 1;
        gboolean end = turned ? top || bottom : left || right;

        /* The ring only, and not its corners, which touch the spot only
         * diagonally. */
        if ((left || right) == (top || bottom))
          continue;
        if (end)
          {
            if (line_runs_out (ctx, &grid, paper, i, j, left ? -1 : right ? 1 : 0,
                               top ? -1 : bottom ? 1 : 0))
              return TRUE;
          }
        else if ((turned ? left : top) ? !above : !below)
          {
            PfTextCell c;

            measure_cell (ctx, &grid, i, j, &c);
            if (c.is_text)
              {
                above |= turned ? left : top;
                below |= turned ? right : bottom;
              }
          }
      }

  return above && below;
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

static void
report_spot (PfPhotoContext    *ctx,
             const PfDocRegion *region,
             const PfRect      *rect,
             PfSeverity         severity,
             gboolean           text,
             gboolean           mrz)
{
  const char *place = pf_doc_region_place (region, rect);
  g_autofree char *advice = NULL;

  if (severity == PF_SEVERITY_BLOCKER)
    {
      /* Translators: %s is a place on the document, such as "the top left
       * corner". */
      advice = g_strdup_printf (mrz
                                ? _("A bright reflection covers the code lines (the rows with <<<) "
                                    "near %s: tilt the document slightly or move away from the "
                                    "lamp or window.")
                                : _("A bright reflection covers text near %s: tilt the document "
                                    "slightly or move away from the lamp or window."),
                                place);
      pf_photo_context_add (ctx, "photo.glare", severity,
                            mrz ? _("Glare over the machine-readable zone")
                                : _("Glare over the text"),
                            advice, rect);
    }
  else if (text)
    {
      /* Translators: %s is a place on the document. */
      advice = g_strdup_printf (_("A reflection lies on the text near %s: tilt the document "
                                  "slightly so that it goes away."),
                                place);
      pf_photo_context_add (ctx, "photo.glare", severity, _("A reflection on the text"),
                            advice, rect);
    }
  else
    {
      /* Translators: %s is a place on the document. */
      advice = g_strdup_printf (_("A reflection shows near %s; it hides no text, but tilting the "
                                  "document slightly would remove it."),
                                place);
      pf_photo_context_add (ctx, "photo.glare", severity, _("A reflection beside the text"),
                            advice, rect);
    }
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

  /* A clipped area is not quite 255 after the camera's noise and
   * compression, so spots start at 250; they must stand clear of the
   * paper's own noise. Paper that is itself nearly clipped leaves nothing
   * brighter to find: the exposure check says the photo is too bright. */
  threshold = MAX (CLAMP ((int) paper + s->above_paper, s->floor, CLIPPED), (int) paper + 8);
  if (threshold > 254)
    return;
  text_px = pf_doc_region_text_px (&whole);
  doc_area_small = whole.area * ctx->small_scale * ctx->small_scale;
  spots = find_spots (ctx, &region, threshold,
                      MAX (1, (int) round (0.3 * text_px * ctx->small_scale)));
  merge_spots (spots, MAX (1, 0.3 * text_px * ctx->small_scale));

  for (guint i = 0; i < spots->len && reported < MAX_SPOTS; i++)
    {
      Spot *spot = &g_array_index (spots, Spot, i);
      double fraction = spot->area / doc_area_small;
      double diameter = 2 * sqrt (spot->area / G_PI) / ctx->small_scale;
      gboolean text, clipped;
      PfSeverity severity;
      PfRect rect;

      /* Specks: a pixel or two of sparkle hides nothing. */
      if (spot->area < 3 || diameter < 0.2 * text_px || spot->interior == 0)
        continue;
      if (s->clipped > 0 && spot->brightest < s->clipped)
        continue;

      /* What the spot hides is its clipped core; around it the print
       * still shows, faded. A sheen without one is all soft edge. */
      clipped = spot->cx1 > spot->cx0;
      rect.x = (clipped ? spot->cx0 : spot->x0) / ctx->small_scale;
      rect.y = (clipped ? spot->cy0 : spot->y0) / ctx->small_scale;
      rect.width = ((clipped ? spot->cx1 : spot->x1) - rect.x * ctx->small_scale) / ctx->small_scale;
      rect.height = ((clipped ? spot->cy1 : spot->y1) - rect.y * ctx->small_scale) / ctx->small_scale;
      if (spot_chroma (ctx, &rect) > 40)
        continue;

      text = spot_over_text (ctx, &whole, &rect, text_px, paper);

      /* Only a clipped spot wipes the print out; a sheen the strict
       * setting also reports leaves it readable. */
      if (text && clipped && diameter >= s->text_diameter * text_px)
        severity = PF_SEVERITY_BLOCKER;
      else if (text || fraction >= s->blank_fraction)
        severity = PF_SEVERITY_CAUTION;
      else
        continue;

      report_spot (ctx, &whole, &rect, severity, text,
                   text && spot_in_mrz_band (ctx, &whole, &rect));
      total += fraction;
      reported++;
      over_text += severity == PF_SEVERITY_BLOCKER;
    }

  pf_photo_report_set_metric (ctx->report, "glare.fraction", total);
  pf_photo_report_set_metric (ctx->report, "glare.regions", reported);
  pf_photo_report_set_metric (ctx->report, "glare.over_text", over_text);
  if (reported == 0)
    pf_photo_context_add_ok (ctx, "photo.glare", _("No glare on the document"));
}
