/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outline finder's choice among its best candidates, and the final,
 * sub-pixel fit of the winner's sides. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-outline-private.h"

#define PASSPORT_ASPECT   (125.0 / 88.0)
#define RIM_SHARE         0.08 /* of the document's size */
#define MIN_BAND_CONTRAST 8.0  /* grey levels */
#define MIN_OUTER_COVERAGE 0.5
#define SIDE_DEPTH         2.0  /* work pixels either side of a side */
#define SIDE_CONTRAST_FULL 48.0 /* levels: a side this clear counts fully */
#define SIDE_CONTRAST_FLOOR 0.25
#define FOURTH_MIN_SHARE   0.2  /* of the winner's score */
#define FOURTH_MIN_CONTRAST 24.0 /* levels along the fourth side */
#define PRINT_MIN_STRENGTH 200  /* of 255: an edge at 1.6 times its threshold */

static gboolean
contains (const PfPoint  outer[4],
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
static gboolean
outer_side_is_border (const Work      *work,
                      const Candidate *outer,
                      int              k_outer,
                      const Candidate *inner,
                      int              k_inner)
{
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
      if (gap < MAX (2, RIM_SHARE * size))
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
      diffs[n] = sqrt ((strip[0] - beyond[0]) * (strip[0] - beyond[0])
                       + (strip[1] - beyond[1]) * (strip[1] - beyond[1])
                       + (strip[2] - beyond[2]) * (strip[2] - beyond[2]));
      n++;
    }
  if (n < 4)
    return FALSE;

  return pf_median (diffs, n) >= 25;
}

/* The distance between the mean colour of a band just inside the found
 * sides and that of a band just outside, like the difference a person sees
 * between a document and what it lies on. */
static double
band_contrast (const Work      *work,
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

/* A band printed along a document's edge (a coloured header, the MRZ)
 * makes a second quadrilateral that shares all but one side with the
 * document and lies inside it, often with the clearer edge. The document
 * is the outer one when its own side is a clear, unbroken edge with the
 * band's colour inside it: a row of keys or a grain line beyond the
 * document is broken, or has the same surface on both sides. */
static void
prefer_outer (const Work      *work,
              const Candidate *best,
              int              n_best,
              Candidate       *winner)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (int i = 0; i < n_best; i++)
        {
          const Candidate *cand = &best[i];
          int shared = 0, found = 0, n_outer = 0, n_inner = 0;
          int k_outer[2] = { -1, -1 }, k_inner[2] = { -1, -1 };
          gboolean inside = TRUE, borders = TRUE;

          /* With three sides found, the fourth is placed from the
           * proportions, which a degree's difference between the lines
           * (of the card's top and of its coloured header's lower edge)
           * skews under the estimated perspective: the outer candidate's
           * score suffers more, and may fall further behind. */
          if (cand->score < (winner->lines[3] < 0 ? 0.35 : 0.5) * winner->score
              || cand->min_coverage < MIN_OUTER_COVERAGE
              || (cand->lines[3] < 0) != (winner->lines[3] < 0))
            continue;
          for (int k = 0; k < 4; k++)
            {
              found += winner->lines[k] >= 0;
              for (int j = 0; j < 4; j++)
                shared += cand->lines[k] >= 0 && cand->lines[k] == winner->lines[j];
            }
          /* One side differs; or, of four, two that meet: a finger over
           * a card's corner breaks both sides there, and the print inside
           * (a portrait's edge, a coloured header) makes a smaller
           * quadrilateral, with the proportions of another document
           * (the larger one must then have clearly better ones: around a
           * card on tiles, the grout makes larger quadrilaterals too). */
          if (!(shared == found - 1 || (found == 4 && shared == 2))
              || pf_quad_area (cand->corners) <= pf_quad_area (winner->corners))
            continue;
          for (int k = 0; k < 4; k++)
            {
              gboolean in_winner = FALSE, in_cand = FALSE;

              for (int j = 0; j < 4; j++)
                {
                  in_winner |= cand->lines[k] == winner->lines[j];
                  in_cand |= winner->lines[k] == cand->lines[j];
                }
              if (!in_winner && n_outer < 2)
                k_outer[n_outer++] = k;
              if (!in_cand && n_inner < 2)
                k_inner[n_inner++] = k;
            }
          if (n_outer != n_inner || n_outer == 0
              || (n_outer == 2 && ((k_outer[1] - k_outer[0]) % 2 == 0
                                   || cand->aspect_factor < winner->aspect_factor + 0.2)))
            continue;
          /* Each outer side with the inner side it replaces: the one of
           * nearer direction. */
          if (n_outer == 2
              && pf_outline_angle_diff (work->lines[cand->lines[k_outer[0]]].theta,
                                        work->lines[winner->lines[k_inner[0]]].theta)
                   > pf_outline_angle_diff (work->lines[cand->lines[k_outer[0]]].theta,
                                            work->lines[winner->lines[k_inner[1]]].theta))
            {
              int t = k_inner[0];

              k_inner[0] = k_inner[1];
              k_inner[1] = t;
            }
          /* A placed side's corners say nothing: compare the found ones. */
          for (int k = 0; k < (found == 4 ? 4 : 2) && inside; k++)
            inside = contains (cand->corners, &winner->corners[k], 1.5);
          for (int n = 0; n < n_outer && borders; n++)
            borders = outer_side_is_border (work, cand, k_outer[n], winner, k_inner[n]);
          if (!inside || !borders)
            continue;
          *winner = *cand;
          changed = TRUE;
        }
    }
}

/* A thumb over a side breaks its edge and crosses it, and the three
 * unbroken sides then make a better document reaching out of the frame
 * than the four. When a candidate adds a fourth side inside the frame to
 * the winner's three, and that side separates two surfaces along its
 * length, as a border does and a line through print does not, the
 * document is in the frame. */
static double weakest_side_contrast (const Work      *work,
                                     const Candidate *cand);

static void
prefer_fourth (const Work      *work,
               const Candidate *best,
               int              n_best,
               Candidate       *winner)
{
  const Candidate *found = NULL;

  if (winner->lines[3] >= 0)
    return;
  for (int i = 0; i < n_best; i++)
    {
      const Candidate *cand = &best[i];
      int shared = 0;

      if (cand->lines[3] < 0 || cand->score < FOURTH_MIN_SHARE * winner->score
          || cand->min_coverage < MIN_OUTER_COVERAGE)
        continue;
      for (int k = 0; k < 3; k++)
        for (int j = 0; j < 4; j++)
          shared += winner->lines[k] == cand->lines[j];
      if (shared < 3 || weakest_side_contrast (work, cand) < FOURTH_MIN_CONTRAST)
        continue;
      if (found == NULL || cand->score > found->score)
        found = cand;
    }
  if (found != NULL)
    *winner = *found;
}

/* A thin rim around the document is not the document: a passport's cover
 * around its page, a shadow beside a card. When a candidate lies inside
 * the winner no further than a rim's width from it, and its own sides
 * hold up, it is the document. */
static void
prefer_inner (const Work      *work,
              const Candidate *best,
              int              n_best,
              Candidate       *winner)
{
  gboolean changed = TRUE;

  while (changed)
    {
      double size = sqrt (pf_quad_area (winner->corners));

      changed = FALSE;
      for (int i = 0; i < n_best; i++)
        {
          const Candidate *cand = &best[i];
          gboolean inside = TRUE, near = FALSE;
          int shared = 0;

          if (cand->score < 0.5 * winner->score || cand->min_coverage < 0.5
              || pf_quad_area (cand->corners) >= pf_quad_area (winner->corners)
              || cand->lines[3] < 0 || winner->lines[3] < 0)
            continue;
          /* A rim runs along two sides or more (a shadow falls beside two,
           * a cover shows around three); inside one side only is a band
           * printed along the document's edge, which is prefer_outer ()'s
           * question. */
          for (int k = 0; k < 4; k++)
            for (int j = 0; j < 4; j++)
              shared += cand->lines[k] == winner->lines[j];
          if (shared >= 3)
            continue;
          for (int k = 0; k < 4 && inside; k++)
            inside = contains (winner->corners, &cand->corners[k], 1.5);
          /* Each corner near one of the winner's, in some rotation. */
          for (int r = 0; r < 4 && inside && !near; r++)
            {
              near = TRUE;
              for (int k = 0; k < 4; k++)
                near &= hypot (cand->corners[k].x - winner->corners[(k + r) % 4].x,
                               cand->corners[k].y - winner->corners[(k + r) % 4].y)
                        <= 1.5 * RIM_SHARE * size;
            }
          if (!inside || !near)
            continue;
          *winner = *cand;
          changed = TRUE;
          break;
        }
    }
}

/* The share of the work pixels inside @cand that are edges: print,
 * a portrait and the MRZ make many, a blank page few. */
static double
edge_density (const Work      *work,
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

        if (!contains (cand->corners, &p, -2))
          continue;
        inside++;
        /* Only clear edges: the faint lines of a visa page are no print. */
        edges += work->strength[(gsize) y * work->w + x] >= PRINT_MIN_STRENGTH;
      }

  return inside > 0 ? (double) edges / inside : 0;
}

/* A passport is photographed open: the booklet (125 × 176 mm) has the
 * proportions of its data page (125 × 88 mm), turned. When the winner holds
 * a candidate of about half its area, the document is that half, and of
 * the two halves the data page is the one with print on it. */
static void
prefer_page (const Work      *work,
             const Candidate *best,
             int              n_best,
             Candidate       *winner)
{
  double area = pf_quad_area (winner->corners), best_density = -1;
  Candidate page = { { 0 } };
  PfQuadPose pose;

  /* Only when a passport is expected: a card cut in two by the edge of
   * a shadow looks the same, and a TD2 card has the booklet's
   * proportions. */
  pf_quad_get_pose (winner->corners, work->w, work->h, &pose);
  if (!work->passport || winner->lines[3] < 0
      || fabs (log (pose.aspect / PASSPORT_ASPECT)) > 0.12)
    return;

  for (int i = 0; i < n_best; i++)
    {
      const Candidate *cand = &best[i];
      double share = pf_quad_area (cand->corners) / area, density;
      gboolean inside = TRUE;
      PfQuadPose half;

      if (share < 0.38 || share > 0.62 || cand->lines[3] < 0)
        continue;
      /* The page lies across the booklet. */
      pf_quad_get_pose (cand->corners, work->w, work->h, &half);
      if (pf_outline_angle_diff (half.in_plane_deg, pose.in_plane_deg) < 60
          || fabs (log (half.aspect / PASSPORT_ASPECT)) > 0.15)
        continue;
      for (int k = 0; k < 4 && inside; k++)
        inside = contains (winner->corners, &cand->corners[k], 0.03 * sqrt (area));
      if (!inside)
        continue;
      density = edge_density (work, cand);
      if (density > best_density)
        {
          best_density = density;
          page = *cand;
        }
    }
  if (best_density >= 0)
    *winner = page;
}

/* How clearly the weakest found side separates two surfaces: per side, the
 * median over points along it of the colour distance between just inside
 * and just outside. A line drawn through a page of print, a keyboard or a
 * card's own field has the same surface on both sides for much of its
 * length; a document's border has the document on one side all along. */
static double
weakest_side_contrast (const Work      *work,
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
          diffs[n++] = sqrt ((in[0] - out[0]) * (in[0] - out[0]) + (in[1] - out[1]) * (in[1] - out[1])
                             + (in[2] - out[2]) * (in[2] - out[2]));
        }
      if (n >= 4)
        weakest = MIN (weakest, pf_median (diffs, n));
    }

  return weakest == G_MAXDOUBLE ? 0 : weakest;
}

static int
score_compare (const void *a,
               const void *b)
{
  double d = ((const Candidate *) b)->score - ((const Candidate *) a)->score;

  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/**
 * pf_outline_choose:
 * @candidates: the best candidates, best first
 * @min_score: below this a candidate is no document
 * @winner: (out): the document
 *
 * The best candidate that stands out from its surroundings (a
 * quadrilateral drawn on a keyboard or a patterned cloth has the same
 * surface inside and out), after looking among its neighbours for the
 * document itself: within a thin rim, across a printed band, or the data
 * page of an open passport.
 *
 * Returns: %TRUE if one is the document
 */
gboolean
pf_outline_choose (const Work      *work,
                   const Candidate *candidates,
                   int              n_best,
                   double           min_score,
                   Candidate       *winner)
{
  Candidate best[PF_OUTLINE_N_BEST];

  /* Edges alone rank a line through print as high as a border: weigh in
   * whether each side separates two surfaces. */
  n_best = MIN (n_best, PF_OUTLINE_N_BEST);
  memcpy (best, candidates, n_best * sizeof (Candidate));
  for (int i = 0; i < n_best; i++)
    if (best[i].score >= min_score)
      best[i].score *= CLAMP (weakest_side_contrast (work, &best[i]) / SIDE_CONTRAST_FULL,
                              SIDE_CONTRAST_FLOOR, 1);
  qsort (best, n_best, sizeof (Candidate), score_compare);

  for (int i = 0; i < n_best; i++)
    {
      if (best[i].score < min_score)
        break;
      *winner = best[i];
      prefer_fourth (work, best, n_best, winner);
      prefer_inner (work, best, n_best, winner);
      prefer_outer (work, best, n_best, winner);
      prefer_page (work, best, n_best, winner);
      if (band_contrast (work, winner) >= MIN_BAND_CONTRAST)
        return TRUE;
    }

  return FALSE;
}

/* The grey step across a side at the work scale: +1 if the image gets
 * brighter along the side's left-hand normal, -1 darker, 0 unclear. */
static int
side_polarity (const Work    *work,
               const PfPoint *a,
               const PfPoint *b)
{
  double len = hypot (b->x - a->x, b->y - a->y), nx, ny, sum = 0;
  int n = 0;

  if (len < 4)
    return 0;
  nx = -(b->y - a->y) / len;
  ny = (b->x - a->x) / len;
  for (int i = 1; i < 16; i++)
    {
      double t = 0.1 + 0.8 * i / 16;
      double x = a->x + t * (b->x - a->x), y = a->y + t * (b->y - a->y);
      int x0 = (int) lrint (x - 2 * nx), y0 = (int) lrint (y - 2 * ny);
      int x1 = (int) lrint (x + 2 * nx), y1 = (int) lrint (y + 2 * ny);

      if (x0 < 0 || y0 < 0 || x1 < 0 || y1 < 0 || x0 >= work->w || x1 >= work->w
          || y0 >= work->h || y1 >= work->h)
        continue;
      sum += work->img[(gsize) y1 * work->w + x1] - work->img[(gsize) y0 * work->w + x0];
      n++;
    }
  if (n < 4 || fabs (sum / n) < 6)
    return 0;
  return sum > 0 ? 1 : -1;
}

void
pf_outline_finish (Work            *work,
                   const Candidate *winner,
                   const guint8    *grey,
                   int              width,
                   int              height,
                   PfQuad          *quad)
{
  double f = work->factor, lines[4][3], search;
  PfPoint corners[4];
  int n_found = 0;

  /* From work pixels to @grey's: a work pixel averages f × f of them. */
  for (int k = 0; k < 4; k++)
    {
      corners[k].x = (winner->corners[k].x + 0.5) * f - 0.5;
      corners[k].y = (winner->corners[k].y + 0.5) * f - 0.5;
    }
  for (int k = 0; k < 4; k++)
    {
      const PfPoint *from = &corners[(k + 3) % 4], *to = &corners[k];
      double len = MAX (hypot (to->x - from->x, to->y - from->y), 1e-9);

      lines[k][0] = -(to->y - from->y) / len;
      lines[k][1] = (to->x - from->x) / len;
      lines[k][2] = lines[k][0] * from->x + lines[k][1] * from->y;
    }

  /* The Hough lines are good to a work pixel and a degree; fit each found
   * side again on @grey, where the edge is sharper. */
  search = 1 + 1.5 * f;
  for (int k = 0; k < 4; k++)
    {
      double refined[3];
      int polarity;

      if (winner->lines[k] < 0)
        continue;
      n_found++;
      polarity = side_polarity (work, &winner->corners[(k + 3) % 4], &winner->corners[k]);
      if (pf_quad_refine_side (grey, width, height, corners[(k + 3) % 4], corners[k], search,
                               polarity, refined))
        memcpy (lines[k], refined, sizeof refined);
    }
  for (int k = 0; k < 4; k++)
    {
      PfPoint p;

      /* Keep the rough corner if the refined sides met far from it. */
      if (pf_lines_intersect (lines[k], lines[(k + 1) % 4], &p)
          && hypot (p.x - corners[k].x, p.y - corners[k].y) < 3 * f + 2)
        quad->corners[k] = p;
      else
        quad->corners[k] = corners[k];
    }
  pf_quad_order (quad->corners);

  quad->n_found_sides = n_found;
  quad->confidence = CLAMP (winner->min_coverage * winner->aspect_factor
                              * (n_found == 4 ? 1 : PF_OUTLINE_THREE_SIDES), 0, 1);
}
