/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The machine-readable zone as an anchor for the outline, for stills.
 *
 * The edge-based finder (pf-outline.c) sees straight edges only, and an
 * inner line (a header band, the fold of an open passport, a thumb over
 * an edge, print on the surface beneath) can win over a faint real edge.
 * The MRZ does not depend on the background: ICAO 9303 prints it on a
 * 2.54 mm character pitch along the bottom of the document, centred,
 * its last line a few millimetres above the bottom edge. Read by the MRZ
 * reader, its direction is the document's, its length sets the scale,
 * and so it says where the bottom, left and right edges must be; the
 * document's proportions, with the perspective the sides show, say where
 * the top is.
 *
 * Only an MRZ whose check digits all pass is trusted. The step judges
 * the edge-based outline against it, and only when a
 * side clearly disagrees (or no outline was found) it proposes a new one:
 * the agreeing sides kept, the others placed from the MRZ and moved onto
 * a real edge near where they belong. The new outline replaces the old
 * only if every side placed anew found its edge, or lies outside the
 * frame (a corner cut off stays cut off). */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pf-image.h"
#include "pf-mrz-reader.h"
#include "pf-outline-anchor.h"
#include "pf-outline.h"

/* The last line's middle above the bottom edge: 4 to 6 mm on the ICAO
 * layouts; how far off a side may be and still agree. */
#define BOTTOM_MM         5.0
#define BOTTOM_TOL_MM     2.5
#define MARGIN_TOL_MM     3.0
/* Further out than the MRZ says, a side is given more room: the reader's
 * band can fall a few percent short of the last cell, and an edge finder's
 * error outwards (a shadow beside the card) costs less than one inwards. */
#define OUTWARD_TOL_MM    4.5
/* The document's width measured across the MRZ, as a share of it. */
#define WIDTH_TOL         0.05
#define PARALLEL_TOL_DEG  5.0
/* The proportions come from the perspective, which assumes a typical
 * camera (pf-quad.c); a camera wider or narrower than that errs the more
 * the steeper the view, about with the square of the tilt's tangent (on
 * the drawn grid 10-14% at 52°, under 3% below 20°). Past 60° the tilt
 * itself is unsure. */
#define ASPECT_TOL        0.08
#define ASPECT_TOL_TILT   0.05
#define MAX_TILT_DEG      60.0
/* How far either side of a side placed from the MRZ its edge is looked
 * for: the placement's own uncertainty. */
#define SEARCH_MM         3.0

static double
angle_diff (double a,
            double b)
{
  double d = fmod (fabs (a - b), 180);

  return MIN (d, 180 - d);
}

static double
direction_deg (double dx,
               double dy)
{
  return fmod (atan2 (dy, dx) * 180 / G_PI + 360, 180);
}

static void
line_through (PfPoint a,
              double  dx,
              double  dy,
              double  line[3])
{
  double len = hypot (dx, dy);

  line[0] = -dy / len;
  line[1] = dx / len;
  line[2] = line[0] * a.x + line[1] * a.y;
}

/* How far from @p along (@dx, @dy) the line lies; G_MAXDOUBLE when it
 * runs parallel. */
static double
distance_along (const double line[3],
                PfPoint      p,
                double       dx,
                double       dy)
{
  double den = line[0] * dx + line[1] * dy;

  if (fabs (den) < 1e-9)
    return G_MAXDOUBLE;
  return (line[2] - line[0] * p.x - line[1] * p.y) / den;
}

/* Which side of @corners (side k runs from corner k to k + 1) is the
 * document's top, right, bottom and left by the MRZ: the bottom is the
 * side furthest down the document from the MRZ. */
static void
label_sides (const PfAnchorBand *band,
             const PfPoint       corners[4],
             int                 role[4])
{
  double cx = (band->left.x + band->right.x) / 2, cy = (band->left.y + band->right.y) / 2;
  double best = -G_MAXDOUBLE, pu[4];
  int bottom = 0, a, b;

  for (int k = 0; k < 4; k++)
    {
      double mx = (corners[k].x + corners[(k + 1) % 4].x) / 2 - cx;
      double my = (corners[k].y + corners[(k + 1) % 4].y) / 2 - cy;
      double pv = mx * band->vx + my * band->vy;

      pu[k] = mx * band->ux + my * band->uy;
      if (pv > best)
        {
          best = pv;
          bottom = k;
        }
    }
  a = (bottom + 1) % 4;
  b = (bottom + 3) % 4;
  role[2] = bottom;
  role[0] = (bottom + 2) % 4;
  role[1] = pu[a] > pu[b] ? a : b;
  role[3] = pu[a] > pu[b] ? b : a;
}

static void
side_line (const PfPoint corners[4],
           int           k,
           double        line[3])
{
  const PfPoint *a = &corners[k], *b = &corners[(k + 1) % 4];

  line_through (*a, b->x - a->x, b->y - a->y, line);
}

static double
margin_mm (const PfAnchorBand *band)
{
  return (band->width_mm - band->n_chars * PF_ANCHOR_CHAR_PITCH_MM) / 2;
}

/* The document's proportions, perspective undone, with the top and bottom
 * sides (corners 0→1 and 3→2) over the others; and how far off they may
 * be at that perspective. */
static double
doc_ratio (const PfPoint corners[4],
           int           width,
           int           height,
           double       *tolerance)
{
  PfQuadPose pose;

  pf_quad_get_pose (corners, width, height, &pose);
  if (tolerance != NULL)
    {
      double t = tan (MIN (pose.tilt_deg, MAX_TILT_DEG) * G_PI / 180);

      *tolerance = ASPECT_TOL + ASPECT_TOL_TILT * t * t;
    }
  return pose.first_is_long ? pose.aspect : 1 / pose.aspect;
}

static gboolean
intersect_all (double  lines[4][3],
               PfPoint out[4])
{
  /* Doc order: top, right, bottom, left; corners top-left, top-right,
   * bottom-right, bottom-left. */
  return pf_lines_intersect (lines[0], lines[3], &out[0]) &&
         pf_lines_intersect (lines[0], lines[1], &out[1]) &&
         pf_lines_intersect (lines[2], lines[1], &out[2]) &&
         pf_lines_intersect (lines[2], lines[3], &out[3]);
}

static PfAnchorSides
judge_lines (const PfAnchorBand *band,
             double              lines[4][3],
             int                 width,
             int                 height)
{
  PfPoint mid = { (band->left.x + band->right.x) / 2, (band->left.y + band->right.y) / 2 };
  PfPoint doc[4];
  PfAnchorSides agree = 0;
  double d, margin = margin_mm (band), ppm = band->px_per_mm;

  d = distance_along (lines[2], mid, band->vx, band->vy) / ppm;
  if (angle_diff (direction_deg (lines[2][1], -lines[2][0]), direction_deg (band->ux, band->uy))
        < PARALLEL_TOL_DEG &&
      d >= BOTTOM_MM - BOTTOM_TOL_MM && d <= BOTTOM_MM + OUTWARD_TOL_MM)
    agree |= PF_ANCHOR_SIDE_BOTTOM;

  {
    double dl = distance_along (lines[3], band->left, -band->ux, -band->uy) /
                (ppm * band->scale_left);
    double dr = distance_along (lines[1], band->right, band->ux, band->uy) /
                (ppm * band->scale_right);
    /* The band's ends are less sure than its length: a left and right
     * side the document's width apart agree, a little off centre. */
    gboolean width_right = fabs (dl + dr - 2 * margin) <= WIDTH_TOL * band->width_mm &&
                           fabs (dl - margin) <= 2 * MARGIN_TOL_MM &&
                           fabs (dr - margin) <= 2 * MARGIN_TOL_MM;

    if (width_right || (dl >= margin - MARGIN_TOL_MM && dl <= margin + OUTWARD_TOL_MM))
      agree |= PF_ANCHOR_SIDE_LEFT;
    if (width_right || (dr >= margin - MARGIN_TOL_MM && dr <= margin + OUTWARD_TOL_MM))
      agree |= PF_ANCHOR_SIDE_RIGHT;
  }

  /* The top only shows in the proportions; and on the band's far side. */
  d = distance_along (lines[0], mid, -band->vx, -band->vy) / ppm;
  if (d > 0 && intersect_all (lines, doc))
    {
      double tolerance, ratio = doc_ratio (doc, width, height, &tolerance);

      if (fabs (ratio / (band->width_mm / band->height_mm) - 1) <= tolerance)
        agree |= PF_ANCHOR_SIDE_TOP;
    }

  return agree;
}

/**
 * pf_outline_anchor_judge:
 * @corners: an outline in image pixels, in order around it
 *
 * Returns: the sides of @corners that lie where the MRZ says the
 *   document's sides are
 */
PfAnchorSides
pf_outline_anchor_judge (const PfAnchorBand *band,
                         const PfPoint       corners[4],
                         int                 width,
                         int                 height)
{
  double lines[4][3];
  int role[4];

  label_sides (band, corners, role);
  for (int r = 0; r < 4; r++)
    side_line (corners, role[r], lines[r]);
  return judge_lines (band, lines, width, height);
}

/* Moves @line onto the grey step nearest it within @search image pixels
 * between its crossings with @before and @after, looked for on the small
 * copy. Returns FALSE when no edge runs there. */
static gboolean
refine_line (const guint8 *small,
             int           small_width,
             int           small_height,
             int           width,
             int           height,
             const double  before[3],
             const double  after[3],
             double        search,
             double        line[3])
{
  double kx = (double) small_width / width, ky = (double) small_height / height;
  double found[3], n0, n1, c, len;
  PfPoint a, b;

  if (!pf_lines_intersect (line, before, &a) || !pf_lines_intersect (line, after, &b))
    return FALSE;
  a.x = (a.x + 0.5) * kx - 0.5;
  a.y = (a.y + 0.5) * ky - 0.5;
  b.x = (b.x + 0.5) * kx - 0.5;
  b.y = (b.y + 0.5) * ky - 0.5;
  search = CLAMP (search * kx, 2, 18);

  if (!pf_quad_refine_side (small, small_width, small_height, a, b, search, 0, found))
    return FALSE;

  /* Back to image pixels. */
  n0 = found[0] * kx;
  n1 = found[1] * ky;
  c = found[2] - found[0] * (0.5 * kx - 0.5) - found[1] * (0.5 * ky - 0.5);
  len = hypot (n0, n1);
  if (len < 1e-12)
    return FALSE;
  n0 /= len;
  n1 /= len;
  c /= len;

  /* The edge must run along the side and within reach of it. */
  {
    PfPoint m = { ((a.x + 0.5) / kx - 0.5 + (b.x + 0.5) / kx - 0.5) / 2,
                  ((a.y + 0.5) / ky - 0.5 + (b.y + 0.5) / ky - 0.5) / 2 };

    if (angle_diff (direction_deg (n1, -n0), direction_deg (line[1], -line[0])) > 4 ||
        fabs (n0 * m.x + n1 * m.y - c) > 1.5 * search / kx)
      return FALSE;
  }
  line[0] = n0;
  line[1] = n1;
  line[2] = c;
  return TRUE;
}

static gboolean
outside_frame (const double before[3],
               const double after[3],
               const double line[3],
               int          width,
               int          height)
{
  PfPoint a, b;
  double mx, my;

  if (!pf_lines_intersect (line, before, &a) || !pf_lines_intersect (line, after, &b))
    return FALSE;
  mx = (a.x + b.x) / 2;
  my = (a.y + b.y) / 2;
  return mx < 0 || my < 0 || mx > width - 1 || my > height - 1;
}

/* Places the top where the proportions come out right with the other
 * three sides, keeping its direction. */
static void
place_top (const PfAnchorBand *band,
           double              lines[4][3],
           double              dx,
           double              dy,
           int                 width,
           int                 height)
{
  PfPoint mid = { (band->left.x + band->right.x) / 2, (band->left.y + band->right.y) / 2 };
  double target = band->width_mm / band->height_mm, ppm = band->px_per_mm;
  double lo = 0.4 * band->height_mm * ppm, hi = 2.5 * band->height_mm * ppm;
  double fallback = (band->height_mm - BOTTOM_MM) * ppm;
  gboolean bracketed = FALSE;

  for (int i = 0; i < 40; i++)
    {
      double t = i == 0 ? lo : i == 1 ? hi : (lo + hi) / 2;
      PfPoint p = { mid.x - band->vx * t, mid.y - band->vy * t };
      PfPoint doc[4];
      double r;

      line_through (p, dx, dy, lines[0]);
      if (!intersect_all (lines, doc))
        break;
      r = doc_ratio (doc, width, height, NULL);
      if (i == 0 && r < target)
        break;
      if (i == 1)
        {
          bracketed = r < target;
          if (!bracketed)
            break;
          continue;
        }
      if (i > 1)
        {
          if (r > target)
            lo = t;
          else
            hi = t;
        }
    }
  if (bracketed)
    {
      PfPoint p = { mid.x - band->vx * (lo + hi) / 2, mid.y - band->vy * (lo + hi) / 2 };

      line_through (p, dx, dy, lines[0]);
    }
  else
    {
      PfPoint p = { mid.x - band->vx * fallback, mid.y - band->vy * fallback };

      line_through (p, dx, dy, lines[0]);
    }
}

/**
 * pf_outline_anchor_correct:
 * @corners: (nullable): the edge-based outline, image pixels
 * @agree: the sides of @corners to keep (pf_outline_anchor_judge())
 * @small: the small grey copy the edges are looked for on
 * @out: (out caller-allocates): the outline proposed, in image order
 * @confirmed: (out): the sides kept, found on an edge or lying outside
 *   the frame
 *
 * Returns: %FALSE if no outline could be made
 */
gboolean
pf_outline_anchor_correct (const PfAnchorBand *band,
                           const PfPoint      *corners,
                           PfAnchorSides       agree,
                           const guint8       *small,
                           int                 small_width,
                           int                 small_height,
                           int                 width,
                           int                 height,
                           PfPoint             out[4],
                           PfAnchorSides      *confirmed)
{
  double lines[4][3], ppm = band->px_per_mm, margin = margin_mm (band);
  double search = SEARCH_MM * ppm, top_dx = band->ux, top_dy = band->uy;
  PfPoint mid = { (band->left.x + band->right.x) / 2, (band->left.y + band->right.y) / 2 };
  int role[4];

  *confirmed = 0;
  if (corners == NULL)
    agree = 0;

  /* The MRZ's own prediction of every side. */
  {
    PfPoint bottom = { mid.x + band->vx * BOTTOM_MM * ppm, mid.y + band->vy * BOTTOM_MM * ppm };
    double out_left = margin * ppm * band->scale_left, out_right = margin * ppm * band->scale_right;
    PfPoint left = { band->left.x - band->ux * out_left, band->left.y - band->uy * out_left };
    PfPoint right = { band->right.x + band->ux * out_right, band->right.y + band->uy * out_right };
    double up = (band->height_mm - BOTTOM_MM) * ppm;
    PfPoint top = { mid.x - band->vx * up, mid.y - band->vy * up };

    line_through (top, band->ux, band->uy, lines[0]);
    line_through (right, band->band[2].x - band->band[1].x, band->band[2].y - band->band[1].y,
                  lines[1]);
    line_through (bottom, band->ux, band->uy, lines[2]);
    line_through (left, band->band[3].x - band->band[0].x, band->band[3].y - band->band[0].y,
                  lines[3]);
  }

  /* The sides the outline got right, as they are; a side the MRZ moves
   * keeps the outline's direction when that is near the MRZ's, which is
   * the perspective the outline saw. */
  if (corners != NULL)
    {
      label_sides (band, corners, role);
      for (int r = 0; r < 4; r++)
        {
          double side[3];

          side_line (corners, role[r], side);
          if (agree & (1 << r))
            {
              memcpy (lines[r], side, sizeof side);
              *confirmed |= 1 << r;
            }
          else if (r == 0 && angle_diff (direction_deg (side[1], -side[0]),
                                         direction_deg (band->ux, band->uy)) < 12)
            {
              top_dx = side[1];
              top_dy = -side[0];
            }
        }
    }

  /* The bottom, left and right onto their edges; then the top. */
  for (int r = 1; r < 4; r++)
    {
      const double *before = lines[(r + 3) % 4], *after = lines[(r + 1) % 4];

      if (*confirmed & (1 << r))
        continue;
      if (refine_line (small, small_width, small_height, width, height, before, after, search,
                       lines[r]) ||
          outside_frame (before, after, lines[r], width, height))
        *confirmed |= 1 << r;
    }
  if (!(*confirmed & PF_ANCHOR_SIDE_TOP))
    {
      place_top (band, lines, top_dx, top_dy, width, height);
      if (refine_line (small, small_width, small_height, width, height, lines[3], lines[1],
                       search, lines[0]) ||
          outside_frame (lines[3], lines[1], lines[0], width, height))
        *confirmed |= PF_ANCHOR_SIDE_TOP;
    }

  if (!intersect_all (lines, out))
    return FALSE;
  pf_quad_order (out);
  return TRUE;
}

static gboolean
convex (const PfPoint c[4])
{
  int sign = 0;

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &c[k], *b = &c[(k + 1) % 4], *d = &c[(k + 2) % 4];
      double cross = (b->x - a->x) * (d->y - b->y) - (b->y - a->y) * (d->x - b->x);
      int s = cross > 0 ? 1 : -1;

      if (fabs (cross) < 1e-6 || (sign != 0 && s != sign))
        return FALSE;
      sign = s;
    }
  return TRUE;
}

/* An outline from @band with the sides in @agree kept, into @proposed,
 * when every side placed anew found its edge and the whole agrees. */
static gboolean
propose (PfPhotoContext     *ctx,
         const PfAnchorBand *band,
         PfAnchorSides       agree,
         PfPoint             proposed[4])
{
  PfAnchorSides confirmed = 0;

  return pf_outline_anchor_correct (band, ctx->has_outline ? ctx->outline : NULL, agree,
                                    ctx->small, ctx->small_width, ctx->small_height, ctx->width,
                                    ctx->height, proposed, &confirmed) &&
         confirmed == PF_ANCHOR_SIDE_ALL && convex (proposed) &&
         pf_outline_anchor_judge (band, proposed, ctx->width, ctx->height) == PF_ANCHOR_SIDE_ALL;
}

/**
 * pf_outline_anchor_check:
 *
 * The step after photo.outline, for stills of documents with an MRZ
 * (and of unknown kind): when the MRZ reads with every check digit right,
 * replaces the outline found where the MRZ clearly says it is wrong, or
 * finds one when the edges gave none. About 60 ms of processor time on a
 * 1 MP still, 110 ms on 12 MP (tests/test-outline-anchor.c prints it). Sets "outline.anchor": 0 when the
 * MRZ agreed with the outline, 1 when it replaced it, 2 when it found
 * the outline, -1 when it disagreed but could not confirm another.
 */
void
pf_outline_anchor_check (PfPhotoContext *ctx)
{
  PfAnchorBand band;
  PfAnchorSides agree = 0;
  PfPoint proposed[4];
  gboolean had = ctx->has_outline;

  if (ctx->options.live || ctx->grey == NULL)
    return;
  if (ctx->options.kind != PF_DOCUMENT_KIND_NONE &&
      pf_document_kind_get_mrz_format (ctx->options.kind) == PF_MRZ_FORMAT_NONE)
    return;
  if (!pf_outline_anchor_find_band (ctx->grey, ctx->width, ctx->height,
                                    had ? ctx->outline : NULL, &band))
    return;

  /* Only an MRZ whose check digits pass is clear evidence: a reading
   * that fails them may have missed the ends of the lines or taken them
   * the wrong way up, and small print in a low-resolution photo does. */
  if (!band.valid)
    return;

  if (had)
    {
      agree = pf_outline_anchor_judge (&band, ctx->outline, ctx->width, ctx->height);
      if (agree == PF_ANCHOR_SIDE_ALL)
        {
          pf_photo_report_set_metric (ctx->report, "outline.anchor", 0);
          return;
        }
    }

  /* Only on clear evidence: every side the outline had wrong now stands
   * on a real edge (or outside the frame), and the whole outline agrees
   * with the MRZ. The top agrees only through the proportions, which
   * change when another side moves: if it kept its place and the
   * proportions no longer hold, it is placed anew too. */
  if (!propose (ctx, &band, agree, proposed) &&
      !((agree & PF_ANCHOR_SIDE_TOP) && propose (ctx, &band, agree & ~PF_ANCHOR_SIDE_TOP,
                                                 proposed)))
    {
      pf_photo_report_set_metric (ctx->report, "outline.anchor", -1);
      return;
    }

  memcpy (ctx->outline, proposed, sizeof proposed);
  ctx->has_outline = TRUE;
  pf_photo_report_set_metric (ctx->report, "outline.anchor", had ? 1 : 2);
  pf_photo_report_set_metric (ctx->report, "outline.area_fraction",
                              pf_quad_area (ctx->outline) / ((double) ctx->width * ctx->height));
  if (!had)
    {
      pf_photo_report_remove_findings (ctx->report, "photo.outline");
      /* Three sides or more on edges, placed by an MRZ read whole. */
      pf_photo_report_set_metric (ctx->report, "outline.confidence", 0.9);
      pf_photo_context_add_ok (ctx, "photo.outline", _("Document found"));
    }
}
