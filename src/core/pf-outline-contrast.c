/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the outline finder's choice weighs besides the edges: colours
 * sampled on the work image, how clearly a candidate's sides and the bands
 * along them separate two surfaces, and how much print lies inside it. */

#include "config.h"

#include <math.h>

#include "pf-outline-private.h"

#define SIDE_DEPTH         2.0  /* work pixels either side of a side */
#define PRINT_MIN_STRENGTH 200  /* of 255: an edge at 1.6 times its threshold */
/* A portrait's backdrop: colour distances (levels) within it, and from it
 * to the head and the shoulders. */
#define PORTRAIT_BACKDROP_SPREAD 14.0
#define PORTRAIT_FIGURE_STEP     40.0

/* Whether @p lies inside the convex quadrilateral @outer, allowing @slack
 * pixels (inward when negative). */
gboolean
pf_outline_contains (const PfPoint  outer[4],
                     const PfPoint *p,
                     double         slack)
{
  /* Convex, either orientation: p is inside if it is on the same side of
   * every edge, allowing @slack pixels. */
  int sign = 0;

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &outer[k], *b = &outer[(k + 1) % 4];
      double len = MAX (hypot (b->x - a->x, b->y - a->y), 1e-9);
      double z = ((b->x - a->x) * (p->y - a->y) - (b->y - a->y) * (p->x - a->x)) / len;

      if (fabs (z) <= slack)
        continue;
      if (sign != 0 && (z > 0) != (sign > 0))
        return FALSE;
      sign = z > 0 ? 1 : -1;
    }

  return TRUE;
}

/* The mean colour of the 3 × 3 work pixels around (x, y): brightness and
 * the two colour differences, or FALSE outside the image. */
gboolean
pf_outline_colour_at (const Work *work,
                      double      x,
                      double      y,
                      double      out[3])
{
  int xi = (int) lrint (x), yi = (int) lrint (y);

  if (xi < 1 || yi < 1 || xi >= work->w - 1 || yi >= work->h - 1)
    return FALSE;
  out[0] = out[1] = out[2] = 0;
  for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
      {
        gsize k = (gsize) (yi + j) * work->w + xi + i;

        out[0] += work->img[k] / 9.0;
        if (work->u != NULL)
          {
            out[1] += work->u[k] / 9.0;
            out[2] += work->v[k] / 9.0;
          }
      }
  return TRUE;
}

/* How far apart two colours from pf_outline_colour_at () are: the
 * distance, in levels, between them as points. */
double
pf_outline_colour_distance (const double a[3],
                            const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
               + (a[2] - b[2]) * (a[2] - b[2]));
}

/* The colour of a strip @gap wide from (x, y) along (dx, dy): per channel,
 * the median at a quarter, half and three quarters across, so that the
 * print on a band does not count. */
static gboolean
strip_colour (const Work *work,
              double      x,
              double      y,
              double      dx,
              double      dy,
              double      gap,
              double      out[3])
{
  double samples[3][3];

  for (int j = 0; j < 3; j++)
    if (!pf_outline_colour_at (work, x + dx * gap * (j + 1) / 4, y + dy * gap * (j + 1) / 4,
                               samples[j]))
      return FALSE;
  for (int c = 0; c < 3; c++)
    {
      double a = samples[0][c], b = samples[1][c], d = samples[2][c];

      out[c] = MAX (MIN (a, b), MIN (MAX (a, b), d));
    }
  return TRUE;
}

/* Is the outer of two nested candidates' differing sides the document's
 * border? Then the strip between the two sides is document, and differs
 * from what lies beyond the outer side. A grain line, a shadow or the
 * next row of a keyboard just outside the document has the same surface
 * on both its sides: a band beyond as wide as the strip, seen the same
 * way (medians across it), shows that better than one point beyond,
 * which may fall on a key or on the gap between keys. */
gboolean
pf_outline_outer_side_is_border (const Work      *work,
                                 const Candidate *outer,
                                 int              k_outer,
                                 const Candidate *inner,
                                 int              k_inner,
                                 gboolean         sides_run_on)
{
  /* A band printed along the edge (a coloured header) may be thinner
   * than a rim, and the document's sides run on across it. */
  double min_share = sides_run_on ? PF_OUTLINE_BAND_SHARE : PF_OUTLINE_RIM_SHARE;
  const PfPoint *a = &outer->corners[(k_outer + 3) % 4], *b = &outer->corners[k_outer];
  const PfPoint *ia = &inner->corners[(k_inner + 3) % 4], *ib = &inner->corners[k_inner];
  double len = hypot (b->x - a->x, b->y - a->y), ilen = hypot (ib->x - ia->x, ib->y - ia->y);
  double nx, ny, inx, iny, ic, diffs[16];
  double size = sqrt (pf_quad_area (inner->corners));
  int n = 0;

  if (len < 1 || ilen < 1)
    return FALSE;
  /* The outer side's outward normal, and the inner side as a line. */
  pf_quad_outward_normal (outer->corners, (k_outer + 3) % 4, &nx, &ny);
  inx = (ib->y - ia->y) / ilen;
  iny = -(ib->x - ia->x) / ilen;
  ic = inx * ia->x + iny * ia->y;

  for (int i = 0; i < 16; i++)
    {
      double t = 0.15 + 0.7 * (i + 0.5) / 16;
      double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);
      double gap = fabs (inx * px + iny * py - ic);
      double strip[3], beyond[3];
      gboolean seen = FALSE;

      /* A thin strip is a rim, not a band: see prefer_inner (). */
      if (gap < MAX (2, min_share * size))
        continue;
      if (!strip_colour (work, px, py, -nx, -ny, gap, strip))
        continue;
      /* Where the band beyond leaves the frame (a document filling it),
       * a narrower one; else the point half the gap beyond. */
      for (double width = MAX (5, gap); width >= 5 && !seen; width /= 2)
        seen = strip_colour (work, px, py, nx, ny, width, beyond);
      if (!seen && !pf_outline_colour_at (work, px + nx * MAX (2.5, gap / 2),
                                          py + ny * MAX (2.5, gap / 2), beyond))
        continue;
      diffs[n++] = pf_outline_colour_distance (strip, beyond);
    }
  if (n < 4)
    return FALSE;

  return pf_median (diffs, n) >= 25;
}

/* The distance between the mean colour of a band just inside the found
 * sides and that of a band just outside, like the difference a person sees
 * between a document and what it lies on. */
double
pf_outline_band_contrast (const Work      *work,
                          const Candidate *cand)
{
  double inside[3] = { 0 }, outside[3] = { 0 }, d = 0, size, depths[3];
  int n = 0;

  size = sqrt (pf_quad_area (cand->corners));
  depths[0] = 2.5;
  depths[1] = MAX (3.5, 0.05 * size);
  depths[2] = MAX (4.5, 0.1 * size);
  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &cand->corners[(k + 3) % 4], *b = &cand->corners[k];
      double len = hypot (b->x - a->x, b->y - a->y), nx, ny;

      if (cand->lines[k] < 0 || len < 1)
        continue;
      pf_quad_outward_normal (cand->corners, (k + 3) % 4, &nx, &ny);
      for (int i = 0; i < 16; i++)
        {
          double t = 0.1 + 0.8 * (i + 0.5) / 16;
          double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);

          /* At a few depths: right at the border a quadrilateral traced
           * along the keys of a keyboard has key inside and gap outside,
           * a little further both are keys. */
          for (int j = 0; j < 3; j++)
            {
              double depth = depths[j], in[3], out[3];

              if (!pf_outline_colour_at (work, px - depth * nx, py - depth * ny, in)
                  || !pf_outline_colour_at (work, px + depth * nx, py + depth * ny, out))
                continue;
              for (int c = 0; c < 3; c++)
                {
                  inside[c] += in[c];
                  outside[c] += out[c];
                }
              n++;
            }
        }
    }
  if (n < 12)
    return 0;
  for (int c = 0; c < 3; c++)
    d += (inside[c] - outside[c]) * (inside[c] - outside[c]) / ((double) n * n);

  return sqrt (d);
}

/* The share of the work pixels inside @cand that are edges: print,
 * a portrait and the MRZ make many, a blank page few. */
double
pf_outline_edge_density (const Work      *work,
                         const Candidate *cand)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  int inside = 0, edges = 0;

  for (int k = 0; k < 4; k++)
    {
      x0 = MIN (x0, cand->corners[k].x);
      y0 = MIN (y0, cand->corners[k].y);
      x1 = MAX (x1, cand->corners[k].x);
      y1 = MAX (y1, cand->corners[k].y);
    }
  for (int y = MAX (0, (int) y0); y <= MIN (work->h - 1, (int) y1); y += 2)
    for (int x = MAX (0, (int) x0); x <= MIN (work->w - 1, (int) x1); x += 2)
      {
        PfPoint p = { x, y };

        if (!pf_outline_contains (cand->corners, &p, -2))
          continue;
        inside++;
        /* Only clear edges: the faint lines of a visa page are no print. */
        edges += work->strength[(gsize) y * work->w + x] >= PRINT_MIN_STRENGTH;
      }

  return inside > 0 ? (double) edges / inside : 0;
}

/* How clearly the weakest found side separates two surfaces: per side, the
 * median over points along it of the colour distance between just inside
 * and just outside. A line drawn through a page of print, a keyboard or a
 * card's own field has the same surface on both sides for much of its
 * length; a document's border has the document on one side all along. */
double
pf_outline_weakest_side_contrast (const Work      *work,
                                  const Candidate *cand)
{
  double weakest = G_MAXDOUBLE;

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *a = &cand->corners[(k + 3) % 4], *b = &cand->corners[k];
      double nx, ny, diffs[12];
      int n = 0;

      if (cand->lines[k] < 0)
        continue;
      pf_quad_outward_normal (cand->corners, (k + 3) % 4, &nx, &ny);
      for (int i = 0; i < 12; i++)
        {
          double t = 0.1 + 0.8 * (i + 0.5) / 12;
          double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);
          double in[3], out[3];

          if (!pf_outline_colour_at (work, px - SIDE_DEPTH * nx, py - SIDE_DEPTH * ny, in)
              || !pf_outline_colour_at (work, px + SIDE_DEPTH * nx, py + SIDE_DEPTH * ny, out))
            continue;
          diffs[n++] = pf_outline_colour_distance (in, out);
        }
      if (n >= 4)
        weakest = MIN (weakest, pf_median (diffs, n));
    }

  return weakest == G_MAXDOUBLE ? 0 : weakest;
}

/* The colour at (@s, @l) in @cand: @s across its short sides, @l along
 * its long ones from the end @from_end (0 or 1), both 0..1. */
static gboolean
colour_in (const Work      *work,
           const Candidate *cand,
           gboolean         long_first,
           int              from_end,
           double           s,
           double           l,
           double           out[3])
{
  const PfPoint *c = cand->corners;
  double u, v, x, y;

  if (from_end)
    l = 1 - l;
  /* Corners 0 → 1 run along u, 1 → 2 along v. */
  u = long_first ? l : s;
  v = long_first ? s : l;
  x = (1 - u) * (1 - v) * c[0].x + u * (1 - v) * c[1].x + u * v * c[2].x + (1 - u) * v * c[3].x;
  y = (1 - u) * (1 - v) * c[0].y + u * (1 - v) * c[1].y + u * v * c[2].y + (1 - u) * v * c[3].y;

  return pf_outline_colour_at (work, x, y, out);
}

/* Is @cand the portrait printed on a document rather than the document?
 * On a desk of the card's colour the portrait's frame can be the clearest
 * quadrilateral in the picture, with about a passport page's proportions
 * once perspective is allowed for. A passport photo is taken against a
 * plain backdrop: with its long sides upright, the backdrop fills both
 * upper corners alike, and the head above the middle and the shoulders
 * along the bottom stand out from it, all over. At either end of a
 * document the two corners differ (a header band, print), or much of the
 * middle and the far end is the card's own colour, between its print. */
gboolean
pf_outline_is_portrait (const Work      *work,
                        const Candidate *cand)
{
  const PfPoint *c = cand->corners;
  gboolean long_first = hypot (c[1].x - c[0].x, c[1].y - c[0].y)
                          + hypot (c[3].x - c[2].x, c[3].y - c[2].y)
                        > hypot (c[2].x - c[1].x, c[2].y - c[1].y)
                            + hypot (c[0].x - c[3].x, c[0].y - c[3].y);

  if (cand->lines[3] < 0)
    return FALSE;
  for (int end = 0; end < 2; end++)
    {
      /* The figure's samples: the head's middle and around it, and the
       * shoulders across the bottom, each of which must stand out (print
       * on a document would at some, not all). */
      static const double figure[][2] = {
        { 0.5, 0.42 }, { 0.42, 0.42 }, { 0.58, 0.42 }, { 0.5, 0.34 },
        { 0.3, 0.93 }, { 0.5, 0.93 }, { 0.7, 0.93 },
      };
      double corner[4][3], backdrop[3] = { 0 };
      gboolean seen = TRUE, stands_out = TRUE;

      /* The upper corners, each at two depths. */
      for (int k = 0; k < 4 && seen; k++)
        seen = colour_in (work, cand, long_first, end, k < 2 ? 0.15 : 0.85,
                          k % 2 == 0 ? 0.1 : 0.22, corner[k]);
      for (int i = 0; i < 4 && seen; i++)
        for (int j = i + 1; j < 4; j++)
          seen &= pf_outline_colour_distance (corner[i], corner[j]) <= PORTRAIT_BACKDROP_SPREAD;
      if (!seen)
        continue;
      for (int k = 0; k < 4; k++)
        for (int i = 0; i < 3; i++)
          backdrop[i] += corner[k][i] / 4;
      for (guint k = 0; k < G_N_ELEMENTS (figure) && stands_out; k++)
        {
          double here[3];

          stands_out = colour_in (work, cand, long_first, end, figure[k][0], figure[k][1], here)
                       && pf_outline_colour_distance (here, backdrop) >= PORTRAIT_FIGURE_STEP;
        }
      if (stands_out)
        return TRUE;
    }

  return FALSE;
}
