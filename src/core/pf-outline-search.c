/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outline finder's search: which lines could make the document's
 * quadrilateral, each scored by the edges along its sides. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-outline-private.h"

#define N_BEST          PF_OUTLINE_N_BEST
/* Opposite sides converge under perspective: on a card held steeply
 * before a wide lens by 50 to 65 degrees (the grid's steep views); a
 * quadrilateral tilted past 70 degrees is refused anyway. */
#define PARALLEL_MAX    70.0
#define CROSS_MIN       40.0 /* adjacent sides under perspective */
#define MIN_COVERAGE    0.45
#define MIN_WEAK_SIDE   0.25 /* one side may be faint: a light card on paper */
#define MIN_SCORE       0.18 /* of the work image's short side */
#define THROUGH_PENALTY 0.6  /* for a side whose line runs on at both ends */

/* How far the proportions (|ln (found / expected)|) may be off: little
 * when the document faces the camera, more when it is tilted, since the
 * camera's field of view, which undoing the perspective assumes, varies
 * between cameras. A portrait photo on a card (35 × 45 mm) is 0.1 off. */
#define ASPECT_TOL_FLAT   0.08
#define ASPECT_TOL_TILTED 0.3

typedef struct
{
  Work         *work;
  const double *aspects;
  guint         n_aspects;
  Candidate     best[N_BEST];
  int           n_best;
  double        min_side;
} Search;

/* How much of the segment between t = ta and tb on @line has an edge:
 * @visible is its length inside the frame. A document's border mostly keeps
 * one polarity (document lighter or darker than what it lies on), so edges
 * of the other polarity count half. */
double
pf_outline_segment_support (const Line *line,
                            double      ta,
                            double      tb,
                            double     *visible)
{
  double lo = MAX (MIN (ta, tb), line->t0);
  double hi = MIN (MAX (ta, tb), line->t1);
  int i_lo, i_hi;
  double pos, neg, any, major;

  *visible = 0;
  if (!(hi > lo))
    return 0;
  i_lo = (int) ceil (lo) - line->t0;
  i_hi = (int) floor (hi) - line->t0 + 1;
  if (i_hi <= i_lo)
    return 0;
  *visible = i_hi - i_lo;
  pos = line->pos[i_hi] - line->pos[i_lo];
  neg = line->neg[i_hi] - line->neg[i_lo];
  any = line->any[i_hi] - line->any[i_lo];
  major = MAX (pos, neg);

  return major + 0.5 * (any - major);
}

/* The share of the line beyond a corner (at ta, going away from tb) that
 * has an edge: a document's side ends at its corner, while the lines of a
 * tiled floor or a keyboard run on. -1 when too little of it is visible. */
static double
extension_support (const Line *line,
                   double      ta,
                   double      tb,
                   double      length)
{
  double visible, sup;
  double te = ta + (ta > tb ? length : -length);

  /* Start a pixel clear of the corner. */
  sup = pf_outline_segment_support (line, ta + (ta > tb ? 1.5 : -1.5), te, &visible);
  if (visible < 3)
    return -1;
  return sup / visible;
}

static inline PfPoint
point_on (const Line *line,
          double      t)
{
  return (PfPoint) { line->px + t * line->dx, line->py + t * line->dy };
}

static gboolean
is_convex (const PfPoint c[4])
{
  int sign = 0;

  for (int i = 0; i < 4; i++)
    {
      const PfPoint *a = &c[i], *b = &c[(i + 1) % 4], *d = &c[(i + 2) % 4];
      double z = (b->x - a->x) * (d->y - b->y) - (b->y - a->y) * (d->x - b->x);
      int s = z > 1e-6 ? 1 : z < -1e-6 ? -1 : 0;

      if (s == 0 || (sign != 0 && s != sign))
        return FALSE;
      sign = s;
    }

  return TRUE;
}

static void
keep_best (Search          *search,
           const Candidate *cand)
{
  int slot;

  if (search->n_best == N_BEST && search->best[N_BEST - 1].score >= cand->score)
    return;
  slot = MIN (search->n_best, N_BEST - 1);
  while (slot > 0 && search->best[slot - 1].score < cand->score)
    {
      search->best[slot] = search->best[slot - 1];
      slot--;
    }
  search->best[slot] = *cand;
  search->n_best = MIN (search->n_best + 1, N_BEST);
}

/* How many other lines run on across the candidate's sides, with an edge
 * both inside and outside: the grid of a tiled floor, a checked cloth or a
 * keyboard continues across any quadrilateral drawn on it, while what is
 * printed on a document stops at its border and the background's lines stop
 * at the document. */
static int
count_continuing (Search          *search,
                  const Candidate *cand)
{
  Work *work = search->work;
  int n = 0;

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *from = &cand->corners[(k + 3) % 4], *to = &cand->corners[k];
      int side = cand->lines[k];
      const Line *line;
      double ta, tb, lo, hi, probe;

      if (side < 0)
        continue;
      line = &work->lines[side];
      ta = pf_outline_t_on (line, from);
      tb = pf_outline_t_on (line, to);
      lo = MIN (ta, tb);
      hi = MAX (ta, tb);
      probe = MAX (5, 0.08 * (hi - lo));
      for (int l = 0; l < work->n_lines; l++)
        {
          const Line *other = &work->lines[l];
          double t_side = work->cross[side][l], t_other = work->cross[l][side];
          double v_in, v_out, s_in, s_out;

          if (l == cand->lines[0] || l == cand->lines[1] || l == cand->lines[2]
              || l == cand->lines[3] || isnan (t_side) || t_side < lo + probe
              || t_side > hi - probe || pf_outline_angle_diff (other->theta, line->theta) < 30)
            continue;
          s_in = pf_outline_segment_support (other, t_other - probe, t_other - 1.5, &v_in);
          s_out = pf_outline_segment_support (other, t_other + 1.5, t_other + probe, &v_out);
          if (v_in >= 3 && v_out >= 3 && s_in >= 0.6 * v_in && s_out >= 0.6 * v_out)
            n++;
        }
    }

  return n;
}

/* Scores a candidate whose corners are set: the support of its sides
 * between the corners, whether they end there, and its proportions. Side
 * k runs on lines[k] (when found) from corner k - 1 to corner k. */
static void
score_candidate (Search    *search,
                 Candidate *cand,
                 double     factor)
{
  Work *work = search->work;
  int w = work->w, h = work->h;
  double support = 0, visible_total = 0, length_total = 0;
  double ext_sum = 0, aspect_err = G_MAXDOUBLE, ext_factor, tolerance;
  int n_ext = 0, n_continuing, n_weak = 0;
  double through = 0;
  PfQuadPose pose;

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *c = &cand->corners[k];

      if (c->x < -0.6 * w || c->x > 1.6 * w || c->y < -0.6 * h || c->y > 1.6 * h)
        return;
    }
  if (!is_convex (cand->corners))
    return;

  cand->min_coverage = 1;
  for (int k = 0; k < 4; k++)
    {
      const PfPoint *from = &cand->corners[(k + 3) % 4];
      const PfPoint *to = &cand->corners[k];
      double len = hypot (to->x - from->x, to->y - from->y);
      const Line *line;
      double ta, tb, visible, sup, coverage, e;

      if (len < search->min_side)
        return;
      length_total += len;
      if (cand->lines[k] < 0)
        continue;

      line = &work->lines[cand->lines[k]];
      ta = pf_outline_t_on (line, from);
      tb = pf_outline_t_on (line, to);
      sup = pf_outline_segment_support (line, ta, tb, &visible);
      /* A side may run mostly out of the frame, but what shows of it must
       * be enough to place it. */
      if (visible < MAX (0.1 * len, 8))
        return;
      coverage = sup / visible;
      if (coverage < MIN_WEAK_SIDE || (coverage < MIN_COVERAGE && n_weak++ > 0))
        return;
      cand->min_coverage = MIN (cand->min_coverage, coverage);
      support += sup;
      visible_total += visible;

      {
        double ends[2];

        for (int end = 0; end < 2; end++)
          {
            e = extension_support (line, end ? tb : ta, end ? ta : tb, MAX (4, 0.15 * len));
            ends[end] = e;
            if (e >= 0)
              {
                ext_sum += e;
                n_ext++;
              }
          }
        /* A line that runs on past both corners crosses the document
         * rather than bounding it: the edge of a hard shadow, a fold, the
         * edge of a table under the card. */
        through = MAX (through, MIN (ends[0], ends[1]));
      }
    }
  /* Most of the document must be in the picture to call it found. */
  if (visible_total < 0.5 * length_total)
    return;
  /* The factors below only lower the score: skip what cannot make the
   * best few anyway. */
  if (search->n_best == N_BEST
      && support * cand->min_coverage * factor <= search->best[N_BEST - 1].score)
    return;

  pf_quad_get_pose (cand->corners, w, h, &pose);
  if (pose.tilt_deg > 70)
    return;
  for (guint i = 0; i < search->n_aspects; i++)
    aspect_err = MIN (aspect_err, fabs (log (pose.aspect / search->aspects[i])));
  tolerance = ASPECT_TOL_FLAT + ASPECT_TOL_TILTED * sin (pose.tilt_deg * G_PI / 180);
  if (aspect_err > tolerance)
    return;
  cand->aspect_factor = exp (-(aspect_err / (0.6 * tolerance)) * (aspect_err / (0.6 * tolerance)));

  ext_factor = n_ext > 0 ? CLAMP (1.15 - ext_sum / n_ext, 0.3, 1) : 1;
  n_continuing = count_continuing (search, cand);
  cand->through = through;
  cand->score = support * cand->aspect_factor * cand->min_coverage * ext_factor * factor
                * (1 - THROUGH_PENALTY * through) / (1 + 0.35 * n_continuing);
  keep_best (search, cand);
}

static void
try_four (Search *search,
          int     a,
          int     b,
          int     c,
          int     d)
{
  Work *work = search->work;
  Candidate cand = { { a, b, c, d } };

  for (int k = 0; k < 4; k++)
    {
      int here = cand.lines[k], next = cand.lines[(k + 1) % 4];

      cand.corners[k] = point_on (&work->lines[here], work->cross[here][next]);
    }
  score_candidate (search, &cand, 1);
}

/* Lines @a and @c are opposite sides, @b joins them, and the fourth side
 * lies outside the frame: place it from the document's proportions, on
 * the side of @b where @a and @c have their edges. */
static void
try_three (Search *search,
           int     a,
           int     b,
           int     c)
{
  Work *work = search->work;
  const Line *la = &work->lines[a], *lc = &work->lines[c];
  double ta = work->cross[a][b], tc = work->cross[c][b];
  PfPoint pa = point_on (la, ta), pc = point_on (lc, tc);
  double side = hypot (pc.x - pa.x, pc.y - pa.y);
  double sa, sc, va, vc, length, ext_a, ext_c;
  Candidate cand = { { a, b, c, -1 } };
  int dir_a, dir_c;

  /* Which way the document runs from @b: where @a has its edge. */
  sa = pf_outline_segment_support (la, ta, ta + side, &va) / MAX (va, 1);
  sc = pf_outline_segment_support (la, ta, ta - side, &vc) / MAX (vc, 1);
  dir_a = sa >= sc ? 1 : -1;
  sa = pf_outline_segment_support (lc, tc, tc + side, &va) / MAX (va, 1);
  sc = pf_outline_segment_support (lc, tc, tc - side, &vc) / MAX (vc, 1);
  dir_c = sa >= sc ? 1 : -1;
  /* Both must head the same way across the image. */
  if ((la->dx * dir_a) * (lc->dx * dir_c) + (la->dy * dir_a) * (lc->dy * dir_c) <= 0)
    return;

  /* How far each stays in the frame. */
  ext_a = (dir_a > 0 ? la->t1 : -la->t0) - dir_a * ta;
  ext_c = (dir_c > 0 ? lc->t1 : -lc->t0) - dir_c * tc;
  if (ext_a < search->min_side || ext_c < search->min_side)
    return;

  /* @b is the short side or the long one, of any of the proportions; the
   * document must reach past the frame, or its fourth side would be in the
   * picture. Of the lengths that do, the shortest: a document is more often
   * a little out of the frame than far out. */
  length = G_MAXDOUBLE;
  for (guint i = 0; i < search->n_aspects; i++)
    for (int j = 0; j < 2; j++)
      {
        double l = j == 0 ? side / search->aspects[i] : side * search->aspects[i];

        /* Perspective shortens one side more than the other: a length a
         * little short of the frame's edge still places the side just
         * beyond it. */
        if (l >= 0.85 * MAX (ext_a, ext_c))
          length = MIN (length, MAX (l, MAX (ext_a, ext_c) + 3));
      }
  if (length == G_MAXDOUBLE)
    return;

  cand.corners[0] = pa;
  cand.corners[1] = pc;
  cand.corners[2] = point_on (lc, tc + dir_c * length);
  cand.corners[3] = point_on (la, ta + dir_a * length);
  /* Side 0 runs on @a from corner 3 to 0, side 1 on @b, side 2 on @c, and
   * side 3 is the placed one. */
  score_candidate (search, &cand, PF_OUTLINE_THREE_SIDES);
}

gboolean
pf_outline_search (Work         *work,
                   const double *aspects,
                   guint         n_aspects,
                   Candidate    *winner)
{
  Search search = { work, aspects, n_aspects };
  int n = work->n_lines;
  int crossing[PF_OUTLINE_MAX_LINES];

  search.min_side = 0.06 * MIN (work->w, work->h);

  for (int a = 0; a < n; a++)
    for (int c = a + 1; c < n; c++)
      {
        int n_crossing = 0;

        if (pf_outline_angle_diff (work->lines[a].theta, work->lines[c].theta) > PARALLEL_MAX)
          continue;

        /* The lines that cross both with an edge all the way between. */
        for (int l = 0; l < n; l++)
          {
            const Line *line = &work->lines[l];
            double ta = work->cross[l][a], tc = work->cross[l][c], visible, sup;

            if (l == a || l == c || isnan (ta) || isnan (tc))
              continue;
            if (pf_outline_angle_diff (line->theta, work->lines[a].theta) < CROSS_MIN
                || pf_outline_angle_diff (line->theta, work->lines[c].theta) < CROSS_MIN
                || fabs (tc - ta) < search.min_side)
              continue;
            sup = pf_outline_segment_support (line, ta, tc, &visible);
            if (visible < MAX (0.1 * fabs (tc - ta), 8) || sup < MIN_WEAK_SIDE * visible)
              continue;
            crossing[n_crossing++] = l;
          }

        for (int i = 0; i < n_crossing; i++)
          {
            int b = crossing[i];

            try_three (&search, a, b, c);
            for (int j = i + 1; j < n_crossing; j++)
              {
                int d = crossing[j];

                /* Each quadrilateral once: from the pair with the lowest
                 * line. */
                if (MIN (b, d) < a)
                  continue;
                if (pf_outline_angle_diff (work->lines[b].theta, work->lines[d].theta)
                    > PARALLEL_MAX)
                  continue;
                try_four (&search, a, b, c, d);
              }
          }
      }

  return pf_outline_choose (work, search.best, search.n_best, MIN_SCORE * MIN (work->w, work->h),
                            winner);
}

