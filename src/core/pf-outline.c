/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding a document's four corners in a photo.
 *
 * A document's sides are long straight edges. Backgrounds (wood grain, a
 * patterned cloth, a newspaper, a keyboard, a hand) have many edges but
 * seldom four long straight ones that meet as a quadrilateral with a card's
 * proportions. So: edges with their orientation on a copy about 320 pixels
 * across (text and texture blur away, the document's border does not),
 * taken from whichever of brightness and two colour differences changes
 * most, since a purple card on a grey keyboard can have the same
 * brightness; a Hough transform in which each edge votes only near its own
 * orientation; the strongest lines fitted again to their edges; then every
 * pair of nearly parallel lines with the crossing lines that have an edge
 * all the way between them, each such quadrilateral scored by how much of
 * each side (between its corners, inside the frame) has an edge of the
 * side's orientation, and by how well its proportions, perspective undone,
 * match a card or passport page. A side may run out of the frame: its
 * corners then lie outside the image, which is how photo.corners knows
 * which corner is cut off. Last, the winner's sides are fitted again on the
 * larger grey copy with sub-pixel precision. A chosen photo gets a second
 * look at twice the detail (pf-outline-find.c). */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-outline-private.h"

#define N_THETA        180
#define VOTE_SPREAD    3    /* degrees either side of an edge's own angle */
#define MAX_PEAKS      2048
#define MAX_CANDIDATES 96
#define ANGLE_BIN      10   /* degrees */
#define MAX_PER_ANGLE  16   /* Hough lines kept in one ANGLE_BIN */
#define MAX_SELECTED_PER_ANGLE 14

#define PASSPORT_ASPECT (125.0 / 88.0)

static inline gboolean
clip_line (const Line *line,
           int         w,
           int         h,
           double      margin,
           double     *tmin,
           double     *tmax)
{
  double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE;

  if (fabs (line->dx) > 1e-9)
    {
      double ta = (margin - line->px) / line->dx, tb = (w - 1 - margin - line->px) / line->dx;

      lo = MAX (lo, MIN (ta, tb));
      hi = MIN (hi, MAX (ta, tb));
    }
  else if (line->px < margin || line->px > w - 1 - margin)
    return FALSE;
  if (fabs (line->dy) > 1e-9)
    {
      double ta = (margin - line->py) / line->dy, tb = (h - 1 - margin - line->py) / line->dy;

      lo = MAX (lo, MIN (ta, tb));
      hi = MIN (hi, MAX (ta, tb));
    }
  else if (line->py < margin || line->py > h - 1 - margin)
    return FALSE;

  *tmin = lo;
  *tmax = hi;
  return hi - lo >= 4;
}

double
pf_outline_angle_diff (double a,
                       double b)
{
  double d = fmod (fabs (a - b), 180);

  return MIN (d, 180 - d);
}

static void
line_set (Line   *line,
          double  theta,
          double  rho,
          double  cx,
          double  cy)
{
  if (theta < 0)
    {
      theta += 180;
      rho = -rho;
    }
  else if (theta >= 180)
    {
      theta -= 180;
      rho = -rho;
    }
  line->theta = theta;
  line->rho = rho;
  line->nx = cos (theta * G_PI / 180);
  line->ny = sin (theta * G_PI / 180);
  line->px = cx + rho * line->nx;
  line->py = cy + rho * line->ny;
  line->dx = -line->ny;
  line->dy = line->nx;
}

/* Does the edge pixel with direction @code support a line of normal angle
 * @theta (degrees)? Returns +1 or -1 for the polarity (the gradient along
 * or against the normal), 0 if not. */
static inline int
edge_polarity (int code,
               int theta)
{
  int diff;

  if (code == 0)
    return 0;
  diff = ((code - 1) * 2 + 1 - theta + 720) % 360;
  if (diff <= PF_OUTLINE_SUPPORT_TOL || diff >= 360 - PF_OUTLINE_SUPPORT_TOL)
    return 1;
  if (abs (diff - 180) <= PF_OUTLINE_SUPPORT_TOL)
    return -1;
  return 0;
}

typedef struct
{
  int votes;
  int t, r;
} Peak;

static int
peak_compare (const void *a,
              const void *b)
{
  return ((const Peak *) b)->votes - ((const Peak *) a)->votes;
}

/* The accumulator at (t, r) with t wrapped: a normal angle of θ + 180° is
 * the same line with the opposite rho. */
static inline int
acc_at (const guint16 *acc,
        int            nr,
        int            t,
        int            r)
{
  if (t < 0)
    {
      t += N_THETA;
      r = nr - 1 - r;
    }
  else if (t >= N_THETA)
    {
      t -= N_THETA;
      r = nr - 1 - r;
    }
  if (r < 0 || r >= nr)
    return 0;
  return acc[t * nr + r];
}

static gboolean
is_duplicate (const Line *lines,
              int         n,
              double      theta,
              double      rho,
              double      max_angle,
              double      max_rho)
{
  for (int j = 0; j < n; j++)
    {
      const Line *other = &lines[j];
      double other_rho = fabs (theta - other->theta) > 90 ? -other->rho : other->rho;

      if (pf_outline_angle_diff (theta, other->theta) <= max_angle
          && fabs (rho - other_rho) <= max_rho)
        return TRUE;
    }

  return FALSE;
}

static int
hough_lines (Work *work,
             Line *lines,
             int   max_lines,
             int   min_votes)
{
  int w = work->w, h = work->h;
  double cx = w / 2.0, cy = h / 2.0;
  int radius = (int) ceil (hypot (cx, cy)) + 1;
  int nr = 2 * radius + 1;
  g_autofree guint16 *acc = g_new0 (guint16, (gsize) N_THETA * nr);
  g_autofree Peak *peaks = g_new (Peak, MAX_PEAKS);
  float cos_t[N_THETA], sin_t[N_THETA];
  int n_peaks = 0, weakest = 0, n_lines = 0;
  int per_angle[180 / ANGLE_BIN] = { 0 };

  for (int t = 0; t < N_THETA; t++)
    {
      cos_t[t] = (float) cos (t * G_PI / 180);
      sin_t[t] = (float) sin (t * G_PI / 180);
    }

  for (int e = 0; e < work->n_edges; e++)
    {
      float x = (float) (work->edge_xy[2 * e] - cx);
      float y = (float) (work->edge_xy[2 * e + 1] - cy);
      int theta = work->edge_theta[e];

      for (int k = -VOTE_SPREAD; k <= VOTE_SPREAD; k++)
        {
          int t = (theta + k + N_THETA) % N_THETA;
          int r = (int) lrintf (x * cos_t[t] + y * sin_t[t]) + radius;
          /* No overflow: a cell gets at most one vote per edge pixel, and
           * the work image has fewer pixels than a guint16 counts. */
          acc[t * nr + r]++;
        }
    }

  for (int t = 0; t < N_THETA; t++)
    for (int r = 1; r < nr - 1; r++)
      {
        int v = acc[t * nr + r];
        gboolean is_max = v >= min_votes;

        for (int dt = -2; dt <= 2 && is_max; dt++)
          for (int dr = -2; dr <= 2 && is_max; dr++)
            {
              int u;

              if (dt == 0 && dr == 0)
                continue;
              u = acc_at (acc, nr, t + dt, r + dr);
              /* Of equal neighbours keep the first in scan order. */
              if (u > v || (u == v && (dt < 0 || (dt == 0 && dr < 0))))
                is_max = FALSE;
            }
        if (!is_max)
          continue;
        if (n_peaks < MAX_PEAKS)
          {
            peaks[n_peaks++] = (Peak) { v, t, r };
            if (v < peaks[weakest].votes)
              weakest = n_peaks - 1;
            continue;
          }
        /* Full: the strongest peaks stay. */
        if (v <= peaks[weakest].votes)
          continue;
        peaks[weakest] = (Peak) { v, t, r };
        for (int i = 0; i < n_peaks; i++)
          if (peaks[i].votes < peaks[weakest].votes)
            weakest = i;
      }

  qsort (peaks, n_peaks, sizeof (Peak), peak_compare);

  for (int i = 0; i < n_peaks && n_lines < max_lines; i++)
    {
      double sum = 0, st = 0, sr = 0, theta, rho;

      /* The centroid of the peak's neighbourhood, for sub-bin precision. */
      for (int dt = -1; dt <= 1; dt++)
        for (int dr = -1; dr <= 1; dr++)
          {
            int v = acc_at (acc, nr, peaks[i].t + dt, peaks[i].r + dr);

            sum += v;
            st += v * dt;
            sr += v * dr;
          }
      theta = peaks[i].t + st / sum;
      rho = peaks[i].r - radius + sr / sum;
      if (theta < 0 || theta >= 180)
        {
          theta = fmod (theta + 180, 180);
          rho = -rho;
        }
      if (is_duplicate (lines, n_lines, theta, rho, 3, 2))
        continue;
      /* A page of print or a keyboard makes dozens of parallel lines that
       * outvote a document's fainter side: keep room for other
       * orientations. */
      if (per_angle[(int) theta / ANGLE_BIN % (180 / ANGLE_BIN)] >= MAX_PER_ANGLE)
        continue;
      per_angle[(int) theta / ANGLE_BIN % (180 / ANGLE_BIN)]++;

      line_set (&lines[n_lines], theta, rho, cx, cy);
      lines[n_lines].votes = peaks[i].votes;
      n_lines++;
    }

  return n_lines;
}

typedef struct
{
  int    index;
  double rank;
} Ranked;

static int
ranked_compare (const void *a,
                const void *b)
{
  double d = ((const Ranked *) b)->rank - ((const Ranked *) a)->rank;

  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* Keeps the lines most like a document's side. A dashed row of a patterned
 * cloth, a keyboard or a tiled floor can gather more votes than a card's
 * short side across the whole frame, but a side's edge runs unbroken from
 * corner to corner: rank by the longest run of edge along the line (small
 * gaps bridged), and a little by the total. */
static void
select_lines (Work       *work,
              const Line *cands,
              int         n_cands)
{
  int w = work->w, h = work->h;
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n_cands, 1));
  int per_angle[180 / ANGLE_BIN] = { 0 };

  for (int l = 0; l < n_cands; l++)
    {
      const Line *line = &cands[l];
      int theta = (int) lrint (line->theta) % 180;
      int total = 0, run = 0, best = 0, gap = 0;
      double tmin, tmax;

      ranked[l].index = l;
      ranked[l].rank = 0;
      if (!clip_line (line, w, h, 2, &tmin, &tmax))
        continue;
      for (int t = (int) ceil (tmin); t <= (int) floor (tmax); t++)
        {
          double x = line->px + t * line->dx, y = line->py + t * line->dy;
          gboolean hit = FALSE;

          for (int k = -1; k <= 1 && !hit; k++)
            {
              int xi = (int) (x + k * line->nx + 0.5);
              int yi = (int) (y + k * line->ny + 0.5);

              hit = xi >= 0 && yi >= 0 && xi < w && yi < h
                    && edge_polarity (work->dir[(gsize) yi * w + xi], theta) != 0;
            }
          if (hit)
            {
              total++;
              run += gap + 1;
              gap = 0;
              best = MAX (best, run);
            }
          else if (++gap > 3)
            {
              run = 0;
              gap = 0;
            }
        }
      ranked[l].rank = best + 0.25 * total;
    }
  qsort (ranked, n_cands, sizeof (Ranked), ranked_compare);

  /* As in hough_lines (): no one orientation takes all the places. */
  work->n_lines = 0;
  for (int i = 0; i < n_cands && work->n_lines < PF_OUTLINE_MAX_LINES; i++)
    {
      int bin = (int) cands[ranked[i].index].theta / ANGLE_BIN % (180 / ANGLE_BIN);

      if (ranked[i].rank <= 0 || per_angle[bin] >= MAX_SELECTED_PER_ANGLE)
        continue;
      per_angle[bin]++;
      work->lines[work->n_lines++] = cands[ranked[i].index];
    }
}

/* Fits a line again to the edge pixels near it that share its orientation
 * (total least squares): the Hough cell is a degree and a pixel wide, the
 * edge is straighter than that. */
static void
refit_line (Work *work,
            Line *line)
{
  int w = work->w, h = work->h;
  double cx = w / 2.0, cy = h / 2.0;

  for (int pass = 0; pass < 2; pass++)
    {
      double tmin, tmax, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, angle, mx, my;
      int theta = (int) lrint (line->theta) % 180, n = 0;
      int reach = pass == 0 ? 2 : 1;

      if (!clip_line (line, w, h, 2, &tmin, &tmax))
        return;
      for (int t = (int) ceil (tmin); t <= (int) floor (tmax); t++)
        {
          double x = line->px + t * line->dx, y = line->py + t * line->dy;

          /* The nearest supporting pixel across the line, if any. */
          for (int k = 0; k <= reach; k++)
            {
              int found = 0;

              for (int s = (k == 0 ? 1 : -1); s <= 1; s += 2)
                {
                  int xi = (int) floor (x + s * k * line->nx + 0.5);
                  int yi = (int) floor (y + s * k * line->ny + 0.5);

                  if (xi < 0 || yi < 0 || xi >= w || yi >= h)
                    continue;
                  if (edge_polarity (work->dir[(gsize) yi * w + xi], theta) == 0)
                    continue;
                  sx += xi;
                  sy += yi;
                  sxx += (double) xi * xi;
                  syy += (double) yi * yi;
                  sxy += (double) xi * yi;
                  n++;
                  found = 1;
                  break;
                }
              if (found)
                break;
            }
        }
      if (n < 8)
        return;

      mx = sx / n;
      my = sy / n;
      /* The normal is the direction of least spread. */
      angle = 0.5 * atan2 (2 * (sxy / n - mx * my), (sxx / n - mx * mx) - (syy / n - my * my))
              + G_PI / 2;
      {
        double nx = cos (angle), ny = sin (angle);
        double new_theta = atan2 (ny, nx) * 180 / G_PI;
        double new_rho = nx * (mx - cx) + ny * (my - cy);

        /* A refit that wanders off was pulled by a neighbour: keep the
         * Hough line. */
        if (pf_outline_angle_diff (new_theta, line->theta) > 3)
          return;
        if (new_theta < 0)
          {
            new_theta += 180;
            new_rho = -new_rho;
          }
        line_set (line, new_theta, new_rho, cx, cy);
      }
    }
}

/* Where along each line there is an edge of the line's orientation, as
 * prefix sums, so that the support of any segment costs two lookups. */
static void
measure_support (Work *work)
{
  int w = work->w, h = work->h;
  int max_len = (int) ceil (hypot (w, h)) + 4;
  float *mem = g_new (float, (gsize) PF_OUTLINE_MAX_LINES * 3 * (max_len + 1));
  int kept = 0;

  work->profile_mem = mem;
  for (int l = 0; l < work->n_lines; l++)
    {
      Line line = work->lines[l];
      double tmin, tmax;
      int theta, n;

      refit_line (work, &line);
      if (is_duplicate (work->lines, kept, line.theta, line.rho, 1.5, 1.5))
        continue;
      /* Sobel answers from one pixel in; stay two pixels in. */
      if (!clip_line (&line, w, h, 2, &tmin, &tmax))
        continue;

      theta = (int) lrint (line.theta) % 180;
      line.t0 = (int) ceil (tmin);
      line.t1 = (int) floor (tmax);
      n = line.t1 - line.t0 + 1;
      line.pos = mem + (gsize) kept * 3 * (max_len + 1);
      line.neg = line.pos + max_len + 1;
      line.any = line.neg + max_len + 1;
      line.pos[0] = line.neg[0] = line.any[0] = 0;

      for (int i = 0; i < n; i++)
        {
          double x = line.px + (line.t0 + i) * line.dx;
          double y = line.py + (line.t0 + i) * line.dy;
          float pos = 0, neg = 0;

          for (int k = -1; k <= 1; k++)
            {
              int xi = (int) (x + k * line.nx + 0.5);
              int yi = (int) (y + k * line.ny + 0.5);
              gsize j = (gsize) yi * w + xi;
              int polarity;

              if (xi < 0 || yi < 0 || xi >= w || yi >= h)
                continue;
              polarity = edge_polarity (work->dir[j], theta);
              if (polarity > 0)
                pos = MAX (pos, work->strength[j] / 255.f);
              else if (polarity < 0)
                neg = MAX (neg, work->strength[j] / 255.f);
            }
          line.pos[i + 1] = line.pos[i] + pos;
          line.neg[i + 1] = line.neg[i] + neg;
          line.any[i + 1] = line.any[i] + MAX (pos, neg);
        }

      work->lines[kept++] = line;
    }
  work->n_lines = kept;
}

/* Where each line meets each other line, as t along the first. */
static void
measure_crossings (Work *work)
{
  for (int i = 0; i < work->n_lines; i++)
    for (int j = 0; j < work->n_lines; j++)
      {
        const Line *a = &work->lines[i], *b = &work->lines[j];
        double det = a->dx * b->nx + a->dy * b->ny;

        /* Solve (pa + t da - pb)·nb = 0. */
        work->cross[i][j] = fabs (det) < 1e-6 || i == j
                              ? NAN
                              : ((b->px - a->px) * b->nx + (b->py - a->py) * b->ny) / det;
      }
}

/**
 * pf_outline_find_at:
 * @work: (out caller-allocates): zeroed; cleared by the caller with
 *   pf_outline_work_clear() even when nothing was found
 * @work_size: the long side of the copy the lines are looked for on
 * @winner: (out): the best quadrilateral, in work pixels
 *
 * The edges, the lines and the search, on a copy of @grey about
 * @work_size pixels across.
 *
 * Returns: %TRUE if a quadrilateral was found
 */
gboolean
pf_outline_find_at (Work         *work,
                    const guint8 *grey,
                    int           width,
                    int           height,
                    PfImage      *colour,
                    const double *aspects,
                    guint         n_aspects,
                    int           work_size,
                    Candidate    *winner)
{
  Line cands[MAX_CANDIDATES];
  gboolean found;
  int n_cands;

  pf_outline_make_work (work, grey, width, height, colour, work_size);
  work->passport = fabs (log (aspects[0] / PASSPORT_ASPECT)) < 0.01;
  pf_outline_find_edges (work);
  n_cands = hough_lines (work, cands, MAX_CANDIDATES, MAX (10, MIN (work->w, work->h) / 16));
  select_lines (work, cands, n_cands);
  measure_support (work);
  measure_crossings (work);

  found = pf_outline_search (work, aspects, n_aspects, winner);
  if (!found)
    {
      /* The short side of a document a sixth of the frame wide, slightly
       * turned, spreads its few votes over neighbouring cells: look again
       * with a lower bar, only when the first look found nothing, so that
       * the usual frame pays nothing for it. */
      g_clear_pointer (&work->profile_mem, g_free);
      n_cands = hough_lines (work, cands, MAX_CANDIDATES, MAX (8, MIN (work->w, work->h) / 24));
      select_lines (work, cands, n_cands);
      measure_support (work);
      measure_crossings (work);
      found = pf_outline_search (work, aspects, n_aspects, winner);
    }

  return found;
}
