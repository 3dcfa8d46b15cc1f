/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outline finder's choice among its best candidates, and the final,
 * sub-pixel fit of the winner's sides. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-outline-private.h"

#define PASSPORT_ASPECT   (125.0 / 88.0)
#define MIN_BAND_CONTRAST 8.0  /* grey levels */
#define MIN_OUTER_COVERAGE 0.5
#define SIDE_CONTRAST_FULL 48.0 /* levels: a side this clear counts fully */
#define SIDE_CONTRAST_FLOOR 0.25
#define FOURTH_MIN_SHARE   0.2  /* of the winner's score */
#define FOURTH_MIN_CONTRAST 24.0 /* levels along the fourth side */
#define SIDES_RUN_ON       0.35 /* a side's edge across a band, of that along it */

/* Do the sides next to @cand's side @k_outer, which @winner has at
 * @k_inner instead, have an edge along the stretch between the two? A
 * document's sides run on across a band printed along its edge; a page's
 * sides end at the page, inside the cover's rim around it, and a line
 * beside a card crosses no side. */
static gboolean
sides_run_on (const Work      *work,
              const Candidate *cand,
              int              k_outer,
              const Candidate *winner,
              int              k_inner)
{
  int n_seen = 0;

  for (int e = 0; e < 2; e++)
    {
      /* The side before @k_outer meets it at corner k_outer - 1, the
       * side after at corner k_outer; in @winner, the same line meets
       * side @k_inner at corner j when it is side j, before it. */
      int s_outer = (k_outer + (e == 0 ? 3 : 1)) % 4, j = 0;
      const PfPoint *c_outer = &cand->corners[e == 0 ? s_outer : k_outer], *c_inner;
      const Line *line;
      double ta, tb, visible, across, along;

      if (cand->lines[s_outer] < 0)
        continue;
      while (j < 4 && winner->lines[j] != cand->lines[s_outer])
        j++;
      if (j < 4 && (j + 1) % 4 == k_inner)
        c_inner = &winner->corners[j];
      else if (j < 4 && (k_inner + 1) % 4 == j)
        c_inner = &winner->corners[k_inner];
      else
        continue;
      /* A good share of the edge the side has along the rest of it. */
      line = &work->lines[cand->lines[s_outer]];
      ta = pf_outline_t_on (line, c_outer);
      tb = pf_outline_t_on (line, c_inner);
      across = pf_outline_segment_support (line, ta, tb, &visible) / MAX (visible, 1);
      if (visible < 2)
        continue;
      ta = pf_outline_t_on (line, &winner->corners[(j + 3) % 4]);
      tb = pf_outline_t_on (line, &winner->corners[j]);
      along = pf_outline_segment_support (line, ta, tb, &visible) / MAX (visible, 1);
      if (across < SIDES_RUN_ON * along)
        return FALSE;
      n_seen++;
    }

  return n_seen > 0;
}

/* A band printed along a document's edge (a coloured header, the MRZ)
 * makes a second quadrilateral that shares all but one side with the
 * document and lies inside it, often with the clearer edge. The document
 * is the outer one when its own side is a clear, unbroken edge with the
 * band's colour inside it: a row of keys or a grain line beyond the
 * document is broken, or has the same surface on both sides. The outer
 * one covers at most @max_growth times the winner's area. */
static void
prefer_outer (const Work      *work,
              const Candidate *best,
              int              n_best,
              double           max_growth,
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
              || pf_quad_area (cand->corners) <= pf_quad_area (winner->corners)
              || pf_quad_area (cand->corners) > max_growth * pf_quad_area (winner->corners))
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
            inside = pf_outline_contains (cand->corners, &winner->corners[k], 1.5);
          for (int n = 0; n < n_outer && borders; n++)
            borders = pf_outline_outer_side_is_border (work, cand, k_outer[n], winner, k_inner[n],
                                                       n_outer == 1
                                                         && sides_run_on (work, cand, k_outer[n],
                                                                          winner, k_inner[n]));
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
      if (shared < 3 || pf_outline_weakest_side_contrast (work, cand) < FOURTH_MIN_CONTRAST)
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
            inside = pf_outline_contains (winner->corners, &cand->corners[k], 1.5);
          /* Each corner near one of the winner's, in some rotation. */
          for (int r = 0; r < 4 && inside && !near; r++)
            {
              near = TRUE;
              for (int k = 0; k < 4; k++)
                near &= hypot (cand->corners[k].x - winner->corners[(k + r) % 4].x,
                               cand->corners[k].y - winner->corners[(k + r) % 4].y)
                        <= 1.5 * PF_OUTLINE_RIM_SHARE * size;
            }
          if (!inside || !near)
            continue;
          *winner = *cand;
          changed = TRUE;
          break;
        }
    }
}

/* A passport is photographed open: the booklet (125 × 176 mm) has the
 * proportions of its data page (125 × 88 mm), turned. When the winner holds
 * a candidate of about half its area, the document is that half, and of
 * the two halves the data page is the one with print on it. Returns
 * whether it is. */
static gboolean
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
  if (!work->passport || fabs (log (pose.aspect / PASSPORT_ASPECT)) > 0.12)
    return FALSE;

  for (int i = 0; i < n_best; i++)
    {
      const Candidate *cand = &best[i];
      double share = pf_quad_area (cand->corners) / area, density;
      gboolean inside = TRUE;
      PfQuadPose half;

      /* A booklet reaching out of the frame has its pages reach out
       * with it, across the same side of the frame. */
      if (share < 0.38 || share > 0.62 || (cand->lines[3] < 0) != (winner->lines[3] < 0))
        continue;
      /* The page lies across the booklet. */
      pf_quad_get_pose (cand->corners, work->w, work->h, &half);
      if (pf_outline_angle_diff (half.in_plane_deg, pose.in_plane_deg) < 60
          || fabs (log (half.aspect / PASSPORT_ASPECT)) > 0.15)
        continue;
      for (int k = 0; k < 4 && inside; k++)
        inside = pf_outline_contains (winner->corners, &cand->corners[k], 0.03 * sqrt (area));
      if (!inside)
        continue;
      density = pf_outline_edge_density (work, cand);
      if (density > best_density)
        {
          best_density = density;
          page = *cand;
        }
    }
  if (best_density < 0)
    return FALSE;
  *winner = page;
  return TRUE;
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
      {
        double contrast = pf_outline_weakest_side_contrast (work, &best[i]);

        best[i].score *= CLAMP (contrast / SIDE_CONTRAST_FULL, SIDE_CONTRAST_FLOOR, 1);
        /* What is printed on the document is not the document. */
        if (pf_outline_is_portrait (work, &best[i]))
          best[i].score = 0;
      }
  qsort (best, n_best, sizeof (Candidate), score_compare);

  for (int i = 0; i < n_best; i++)
    {
      if (best[i].score < min_score)
        break;
      *winner = best[i];
      prefer_fourth (work, best, n_best, winner);
      prefer_inner (work, best, n_best, winner);
      prefer_outer (work, best, n_best, G_MAXDOUBLE, winner);
      /* The page found, its own header band; not the facing page. */
      if (prefer_page (work, best, n_best, winner))
        prefer_outer (work, best, n_best, PF_OUTLINE_MAX_BAND_GROWTH, winner);
      if (pf_outline_band_contrast (work, winner) >= MIN_BAND_CONTRAST)
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
