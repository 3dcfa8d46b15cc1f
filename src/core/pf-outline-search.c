/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outline finder's search: which lines make the document's
 * quadrilateral, and its final, sub-pixel fit. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pf-outline-private.h"

#define N_BEST          16
#define PASSPORT_ASPECT (125.0 / 88.0)
#define RIM_SHARE       0.08 /* of the document's size */
#define PARALLEL_MAX    50.0 /* opposite sides converge under perspective */
#define CROSS_MIN       40.0 /* adjacent sides under perspective */
#define MIN_COVERAGE    0.45
#define MIN_WEAK_SIDE   0.25 /* one side may be faint: a light card on paper */
/* How far the proportions (|ln (found / expected)|) may be off: little
 * when the document faces the camera, more when it is tilted, since the
 * camera's field of view, which undoing the perspective assumes, varies
 * between cameras. A portrait photo on a card (35 × 45 mm) is 0.1 off. */
#define ASPECT_TOL_FLAT   0.08
#define ASPECT_TOL_TILTED 0.3
#define THREE_SIDES     0.6  /* a side placed from the proportions is a guess */
#define MIN_SCORE       0.25 /* of the work image's short side */
#define MIN_BAND_CONTRAST 8.0 /* grey levels */

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
static double
segment_support (const Line *line,
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
  sup = segment_support (line, ta + (ta > tb ? 1.5 : -1.5), te, &visible);
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
      ta = (from->x - line->px) * line->dx + (from->y - line->py) * line->dy;
      tb = (to->x - line->px) * line->dx + (to->y - line->py) * line->dy;
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
          s_in = segment_support (other, t_other - probe, t_other - 1.5, &v_in);
          s_out = segment_support (other, t_other + 1.5, t_other + probe, &v_out);
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
  PfQuadPose pose;
#ifdef PF_OUTLINE_DEBUG
  gboolean dbg = FALSE;
  if (g_getenv ("PF_QUAD"))
    {
      int q[4] = { -2, -2, -2, -2 }, same = 0;
      sscanf (g_getenv ("PF_QUAD"), "%d,%d,%d,%d", &q[0], &q[1], &q[2], &q[3]);
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
          same += q[i] == cand->lines[j];
      dbg = same == 4;
    }
#define DBG(...) do { if (dbg) g_printerr (__VA_ARGS__); } while (0)
#else
#define DBG(...) do { } while (0)
#endif
  DBG ("quad %d %d %d %d: %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\n", cand->lines[0], cand->lines[1], cand->lines[2], cand->lines[3], cand->corners[0].x, cand->corners[0].y, cand->corners[1].x, cand->corners[1].y, cand->corners[2].x, cand->corners[2].y, cand->corners[3].x, cand->corners[3].y);

  for (int k = 0; k < 4; k++)
    {
      const PfPoint *c = &cand->corners[k];

      if (c->x < -0.6 * w || c->x > 1.6 * w || c->y < -0.6 * h || c->y > 1.6 * h)
        return;
    }
  if (!is_convex (cand->corners))
    return;
  DBG ("  convex\n");

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
      ta = (from->x - line->px) * line->dx + (from->y - line->py) * line->dy;
      tb = (to->x - line->px) * line->dx + (to->y - line->py) * line->dy;
      sup = segment_support (line, ta, tb, &visible);
      DBG ("  side %d len %.1f visible %.1f sup %.1f\n", k, len, visible, sup);
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

      for (int end = 0; end < 2; end++)
        {
          e = extension_support (line, end ? tb : ta, end ? ta : tb, MAX (4, 0.15 * len));
          if (e >= 0)
            {
              ext_sum += e;
              n_ext++;
            }
        }
    }
  /* Most of the document must be in the picture to call it found. */
  if (visible_total < 0.5 * length_total)
    return;

  pf_quad_get_pose (cand->corners, w, h, &pose);
  DBG ("  pose %.2f %.1f ext %.2f cont %d\n", pose.aspect, pose.tilt_deg, n_ext ? ext_sum / n_ext : -1, count_continuing (search, cand));
  if (pose.tilt_deg > 70)
    return;
  for (guint i = 0; i < search->n_aspects; i++)
    aspect_err = MIN (aspect_err, fabs (log (pose.aspect / search->aspects[i])));
  tolerance = ASPECT_TOL_FLAT + ASPECT_TOL_TILTED * sin (pose.tilt_deg * G_PI / 180);
  if (aspect_err > tolerance)
    return;
  cand->aspect_factor = exp (-(aspect_err / (0.6 * tolerance)) * (aspect_err / (0.6 * tolerance)));

  ext_factor = n_ext > 0 ? CLAMP (1.25 - ext_sum / n_ext, 0.3, 1) : 1;
  n_continuing = count_continuing (search, cand);
  cand->score = support * cand->aspect_factor * cand->min_coverage * ext_factor * factor
                / (1 + 0.35 * n_continuing);
  DBG ("  score %.1f\n", cand->score);
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
  sa = segment_support (la, ta, ta + side, &va) / MAX (va, 1);
  sc = segment_support (la, ta, ta - side, &vc) / MAX (vc, 1);
  dir_a = sa >= sc ? 1 : -1;
  sa = segment_support (lc, tc, tc + side, &va) / MAX (va, 1);
  sc = segment_support (lc, tc, tc - side, &vc) / MAX (vc, 1);
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

        if (l >= MAX (ext_a, ext_c) + 3)
          length = MIN (length, l);
      }
  if (length == G_MAXDOUBLE)
    return;

  cand.corners[0] = pa;
  cand.corners[1] = pc;
  cand.corners[2] = point_on (lc, tc + dir_c * length);
  cand.corners[3] = point_on (la, ta + dir_a * length);
  /* Side 0 runs on @a from corner 3 to 0, side 1 on @b, side 2 on @c, and
   * side 3 is the placed one. */
  score_candidate (search, &cand, THREE_SIDES);
}

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
static gboolean
colour_at (const Work *work,
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

static int
compare_doubles (const void *a,
                 const void *b)
{
  double d = *(const double *) a - *(const double *) b;

  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* Is the outer of two nested candidates' differing sides the document's
 * border? Then the strip between the two sides is document, and differs
 * from what lies beyond the outer side. A grain line or a shadow just
 * outside the document has the same surface on both its sides. */
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
  double cx = 0, cy = 0, nx, ny, inx, iny, ic, diffs[16];
  double size = sqrt (pf_quad_area (inner->corners));
  int n = 0;

  if (len < 1 || ilen < 1)
    return FALSE;
  for (int k = 0; k < 4; k++)
    {
      cx += inner->corners[k].x / 4;
      cy += inner->corners[k].y / 4;
    }
  /* The outer side's outward normal, and the inner side as a line. */
  nx = (b->y - a->y) / len;
  ny = -(b->x - a->x) / len;
  if (nx * ((a->x + b->x) / 2 - cx) + ny * ((a->y + b->y) / 2 - cy) < 0)
    {
      nx = -nx;
      ny = -ny;
    }
  inx = (ib->y - ia->y) / ilen;
  iny = -(ib->x - ia->x) / ilen;
  ic = inx * ia->x + iny * ia->y;

  for (int i = 0; i < 16; i++)
    {
      double t = 0.15 + 0.7 * (i + 0.5) / 16;
      double px = a->x + t * (b->x - a->x), py = a->y + t * (b->y - a->y);
      double gap = fabs (inx * px + iny * py - ic);
      double strip[3], beyond[3];

      /* A thin strip is a rim, not a band: see prefer_inner (). */
      if (gap < MAX (2, RIM_SHARE * size))
        continue;
      if (!colour_at (work, px - nx * gap / 2, py - ny * gap / 2, strip)
          || !colour_at (work, px + nx * MAX (2.5, gap / 2), py + ny * MAX (2.5, gap / 2), beyond))
        continue;
      diffs[n++] = sqrt ((strip[0] - beyond[0]) * (strip[0] - beyond[0])
                         + (strip[1] - beyond[1]) * (strip[1] - beyond[1])
                         + (strip[2] - beyond[2]) * (strip[2] - beyond[2]));
    }
  if (n < 4)
    return FALSE;
  qsort (diffs, n, sizeof (double), compare_doubles);

  return diffs[n / 2] >= 12;
}

/* The distance between the mean colour of a band just inside the found
 * sides and that of a band just outside, like the difference a person sees
 * between a document and what it lies on. */
static double
band_contrast (const Work      *work,
               const Candidate *cand)
{
  double inside[3] = { 0 }, outside[3] = { 0 }, cx = 0, cy = 0, d = 0, size, depths[3];
  int n = 0;

  for (int k = 0; k < 4; k++)
    {
      cx += cand->corners[k].x / 4;
      cy += cand->corners[k].y / 4;
    }
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
      nx = (b->y - a->y) / len;
      ny = -(b->x - a->x) / len;
      if (nx * ((a->x + b->x) / 2 - cx) + ny * ((a->y + b->y) / 2 - cy) < 0)
        {
          nx = -nx;
          ny = -ny;
        }
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

              if (!colour_at (work, px - depth * nx, py - depth * ny, in)
                  || !colour_at (work, px + depth * nx, py + depth * ny, out))
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
 * is the outer one, when its own side holds up. */
static void
prefer_outer (Search    *search,
              Candidate *winner)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (int i = 0; i < search->n_best; i++)
        {
          const Candidate *cand = &search->best[i];
          int shared = 0, found = 0, k_outer = -1, k_inner = -1;
          gboolean inside = TRUE;

          if (cand->score < 0.5 * winner->score || cand->min_coverage < 0.5
              || (cand->lines[3] < 0) != (winner->lines[3] < 0))
            continue;
          for (int k = 0; k < 4; k++)
            {
              found += winner->lines[k] >= 0;
              for (int j = 0; j < 4; j++)
                shared += cand->lines[k] >= 0 && cand->lines[k] == winner->lines[j];
            }
          for (int k = 0; k < 4; k++)
            {
              gboolean in_winner = FALSE, in_cand = FALSE;

              for (int j = 0; j < 4; j++)
                {
                  in_winner |= cand->lines[k] == winner->lines[j];
                  in_cand |= winner->lines[k] == cand->lines[j];
                }
              if (!in_winner)
                k_outer = k;
              if (!in_cand)
                k_inner = k;
            }
          if (shared != found - 1 || pf_quad_area (cand->corners) <= pf_quad_area (winner->corners))
            continue;
#ifdef PF_OUTLINE_DEBUG
          if (g_getenv ("PF_DEBUG"))
            {
              g_printerr ("outer? cand %d area %.0f vs %.0f\n", i, pf_quad_area (cand->corners), pf_quad_area (winner->corners));
              for (int k = 0; k < 4; k++)
                g_printerr ("  %.1f,%.1f   %.1f,%.1f\n", cand->corners[k].x, cand->corners[k].y, winner->corners[k].x, winner->corners[k].y);
            }
#endif
          /* A placed side's corners say nothing: compare the found ones. */
          for (int k = 0; k < (found == 4 ? 4 : 2) && inside; k++)
            inside = contains (cand->corners, &winner->corners[k], 1.5);
          if (!inside || k_outer < 0 || k_inner < 0
              || !outer_side_is_border (search->work, cand, k_outer, winner, k_inner))
            continue;
          *winner = *cand;
          changed = TRUE;
        }
    }
}

/* A thin rim around the document is not the document: a passport's cover
 * around its page, a shadow beside a card. When a candidate lies inside
 * the winner no further than a rim's width from it, and its own sides
 * hold up, it is the document. */
static void
prefer_inner (Search    *search,
              Candidate *winner)
{
  gboolean changed = TRUE;

  while (changed)
    {
      double size = sqrt (pf_quad_area (winner->corners));

      changed = FALSE;
      for (int i = 0; i < search->n_best; i++)
        {
          const Candidate *cand = &search->best[i];
          gboolean inside = TRUE, near = FALSE;

          if (cand->score < 0.5 * winner->score || cand->min_coverage < 0.5
              || pf_quad_area (cand->corners) >= pf_quad_area (winner->corners)
              || cand->lines[3] < 0 || winner->lines[3] < 0)
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
        edges += work->dir[(gsize) y * work->w + x] != 0;
      }

  return inside > 0 ? (double) edges / inside : 0;
}

/* A passport is photographed open: the booklet (125 × 176 mm) has the
 * proportions of its data page (125 × 88 mm), turned. When the winner holds
 * a candidate of about half its area, the document is that half, and of
 * the two halves the data page is the one with print on it. */
static void
prefer_page (Search    *search,
             Candidate *winner)
{
  double area = pf_quad_area (winner->corners), best_density = -1;
  Candidate page = { { 0 } };
  PfQuadPose pose;

  pf_quad_get_pose (winner->corners, search->work->w, search->work->h, &pose);
  if (winner->lines[3] < 0 || fabs (log (pose.aspect / PASSPORT_ASPECT)) > 0.12)
    return;

  for (int i = 0; i < search->n_best; i++)
    {
      const Candidate *cand = &search->best[i];
      double share = pf_quad_area (cand->corners) / area, density;
      gboolean inside = TRUE;
      PfQuadPose half;

      if (share < 0.38 || share > 0.62 || cand->lines[3] < 0)
        continue;
      /* The page lies across the booklet. */
      pf_quad_get_pose (cand->corners, search->work->w, search->work->h, &half);
      if (pf_outline_angle_diff (half.in_plane_deg, pose.in_plane_deg) < 60
          || fabs (log (half.aspect / PASSPORT_ASPECT)) > 0.15)
        continue;
      for (int k = 0; k < 4 && inside; k++)
        inside = contains (winner->corners, &cand->corners[k], 0.03 * sqrt (area));
      if (!inside)
        continue;
      density = edge_density (search->work, cand);
      if (density > best_density)
        {
          best_density = density;
          page = *cand;
        }
    }
  if (best_density >= 0)
    *winner = page;
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
            sup = segment_support (line, ta, tc, &visible);
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

#ifdef PF_OUTLINE_DEBUG
  if (g_getenv ("PF_DEBUG"))
    {
      for (int i = 0; i < n; i++)
        g_printerr ("line %d theta %.1f rho %.1f votes %d t %d..%d sup %.1f\n", i, work->lines[i].theta, work->lines[i].rho, work->lines[i].votes, work->lines[i].t0, work->lines[i].t1, work->lines[i].any[work->lines[i].t1 - work->lines[i].t0 + 1]);
      for (int i = 0; i < search.n_best; i++)
        {
          PfQuadPose pose;
          pf_quad_get_pose (search.best[i].corners, work->w, work->h, &pose);
          g_printerr ("cand %d score %.1f mincov %.2f aspf %.2f aspect %.2f tilt %.1f lines %d %d %d %d\n", i, search.best[i].score, search.best[i].min_coverage, search.best[i].aspect_factor, pose.aspect, pose.tilt_deg, search.best[i].lines[0], search.best[i].lines[1], search.best[i].lines[2], search.best[i].lines[3]);
        }
    }
#endif
  /* The best that stands out from its surroundings: a quadrilateral drawn
   * on a keyboard or a patterned cloth has the same surface inside and
   * out. */
  for (int i = 0; i < search.n_best; i++)
    {
      if (search.best[i].score < MIN_SCORE * MIN (work->w, work->h))
        break;
      *winner = search.best[i];
      prefer_inner (&search, winner);
      prefer_outer (&search, winner);
      prefer_page (&search, winner);
#ifdef PF_OUTLINE_DEBUG
      if (g_getenv ("PF_DEBUG"))
        g_printerr ("band contrast of %d: %.1f\n", i, band_contrast (work, winner));
#endif
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
                              * (n_found == 4 ? 1 : THREE_SIDES), 0, 1);
}
