/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plane geometry of a document's quadrilateral: its pose under a pinhole
 * camera, its area, samples across its border, and fitting one of its sides
 * to the image's edge with sub-pixel precision. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-outline.h"

/* A camera's focal length in pixels as a share of the image's long side.
 * Phone main cameras and laptop webcams have a horizontal field of view of
 * about 60-70°, which is 0.7-0.9 of the long side; the pose is not very
 * sensitive to the exact value. */
#define FOCAL_SHARE 0.85

static void
cross3 (const double a[3],
        const double b[3],
        double       out[3])
{
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

static double
dot3 (const double a[3],
      const double b[3])
{
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/* The 3D directions of the sides 0→1 and 0→3 of a rectangle seen as
 * @corners, up to scale (Zhang and He, "Whiteboard scanning and image
 * enhancement", 2007). Returns FALSE for a quadrilateral no rectangle in
 * front of the camera projects to. */
static gboolean
side_directions (const PfPoint corners[4],
                 int           width,
                 int           height,
                 double        d2[3],
                 double        d3[3])
{
  double f = FOCAL_SHARE * MAX (width, height);
  double m1[3] = { corners[0].x - width / 2.0, corners[0].y - height / 2.0, 1 };
  double m2[3] = { corners[1].x - width / 2.0, corners[1].y - height / 2.0, 1 };
  double m4[3] = { corners[2].x - width / 2.0, corners[2].y - height / 2.0, 1 };
  double m3[3] = { corners[3].x - width / 2.0, corners[3].y - height / 2.0, 1 };
  double c14[3], c24[3], c34[3];
  double den2, den3, k2, k3;

  cross3 (m1, m4, c14);
  cross3 (m2, m4, c24);
  cross3 (m3, m4, c34);
  den2 = dot3 (c24, m3);
  den3 = dot3 (c34, m2);
  if (fabs (den2) < 1e-9 || fabs (den3) < 1e-9)
    return FALSE;
  k2 = dot3 (c14, m3) / den2;
  k3 = dot3 (c14, m2) / den3;
  if (k2 <= 0 || k3 <= 0)
    return FALSE;

  for (int i = 0; i < 3; i++)
    {
      d2[i] = k2 * m2[i] - m1[i];
      d3[i] = k3 * m3[i] - m1[i];
    }
  d2[0] /= f;
  d2[1] /= f;
  d3[0] /= f;
  d3[1] /= f;

  return dot3 (d2, d2) > 1e-18 && dot3 (d3, d3) > 1e-18;
}

/**
 * pf_quad_get_pose:
 * @corners: a convex quadrilateral in order around it
 * @width: the image's width, for the camera's principal point
 * @height: the image's height
 *
 * The document's proportions and its tilt out of the image plane, assuming
 * a pinhole camera with its axis through the image's centre and a typical
 * field of view. A quadrilateral that cannot be a rectangle in front of the
 * camera gets the proportions of its sides and a tilt of 90°.
 */
void
pf_quad_get_pose (const PfPoint corners[4],
                  int           width,
                  int           height,
                  PfQuadPose   *pose)
{
  double d2[3], d3[3], normal[3];
  double first, second, ratio;
  double dx, dy;

  first = hypot (corners[1].x - corners[0].x, corners[1].y - corners[0].y)
          + hypot (corners[2].x - corners[3].x, corners[2].y - corners[3].y);
  second = hypot (corners[3].x - corners[0].x, corners[3].y - corners[0].y)
           + hypot (corners[2].x - corners[1].x, corners[2].y - corners[1].y);

  if (side_directions (corners, width, height, d2, d3))
    {
      ratio = sqrt (dot3 (d2, d2) / dot3 (d3, d3));
      cross3 (d2, d3, normal);
      pose->tilt_deg = acos (MIN (1.0, fabs (normal[2]) / sqrt (dot3 (normal, normal)))) * 180 / G_PI;
    }
  else
    {
      ratio = second > 0 ? first / second : 1;
      pose->tilt_deg = 90;
    }

  pose->first_is_long = ratio >= 1;
  pose->aspect = ratio >= 1 ? ratio : 1 / MAX (ratio, 1e-9);

  if (pose->first_is_long)
    {
      dx = corners[1].x - corners[0].x + corners[2].x - corners[3].x;
      dy = corners[1].y - corners[0].y + corners[2].y - corners[3].y;
    }
  else
    {
      dx = corners[3].x - corners[0].x + corners[2].x - corners[1].x;
      dy = corners[3].y - corners[0].y + corners[2].y - corners[1].y;
    }
  pose->in_plane_deg = fmod (atan2 (dy, dx) * 180 / G_PI + 360, 180);
}

double
pf_quad_area (const PfPoint corners[4])
{
  double sum = 0;

  for (int i = 0; i < 4; i++)
    {
      const PfPoint *a = &corners[i];
      const PfPoint *b = &corners[(i + 1) % 4];

      sum += a->x * b->y - b->x * a->y;
    }

  return fabs (sum) / 2;
}

/* Bilinear interpolation; the caller keeps (x, y) inside the image. */
static inline double
sample (const guint8 *grey,
        int           width,
        double        x,
        double        y)
{
  int x0 = (int) x;
  int y0 = (int) y;
  double fx = x - x0;
  double fy = y - y0;
  const guint8 *p = grey + (gsize) y0 * width + x0;

  return (p[0] * (1 - fx) + p[1] * fx) * (1 - fy) + (p[width] * (1 - fx) + p[width + 1] * fx) * fy;
}

static inline gboolean
inside (double x,
        double y,
        int    width,
        int    height)
{
  return x >= 0 && y >= 0 && x < width - 1 && y < height - 1;
}

/**
 * pf_quad_outward_normal:
 * @side: 0..3, the side from corner @side to corner @side + 1
 *
 * The unit normal of a side of a convex quadrilateral that points away
 * from it.
 */
void
pf_quad_outward_normal (const PfPoint corners[4],
                        int           side,
                        double       *nx,
                        double       *ny)
{
  const PfPoint *a = &corners[side];
  const PfPoint *b = &corners[(side + 1) % 4];
  double cx = (corners[0].x + corners[1].x + corners[2].x + corners[3].x) / 4;
  double cy = (corners[0].y + corners[1].y + corners[2].y + corners[3].y) / 4;
  double len = MAX (hypot (b->x - a->x, b->y - a->y), 1e-9);

  *nx = (b->y - a->y) / len;
  *ny = -(b->x - a->x) / len;
  if (*nx * ((a->x + b->x) / 2 - cx) + *ny * ((a->y + b->y) / 2 - cy) < 0)
    {
      *nx = -*nx;
      *ny = -*ny;
    }
}

/* The line n·p = c through points by total least squares. */
static gboolean
fit_line (const double *xs,
          const double *ys,
          const gboolean *use,
          int           n,
          double        line[3])
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0, angle;
  int count = 0;

  for (int i = 0; i < n; i++)
    if (use[i])
      {
        mx += xs[i];
        my += ys[i];
        count++;
      }
  if (count < 2)
    return FALSE;
  mx /= count;
  my /= count;
  for (int i = 0; i < n; i++)
    if (use[i])
      {
        sxx += (xs[i] - mx) * (xs[i] - mx);
        syy += (ys[i] - my) * (ys[i] - my);
        sxy += (xs[i] - mx) * (ys[i] - my);
      }

  /* The normal is the direction of least spread. */
  angle = 0.5 * atan2 (2 * sxy, sxx - syy) + G_PI / 2;
  line[0] = cos (angle);
  line[1] = sin (angle);
  line[2] = line[0] * mx + line[1] * my;

  return TRUE;
}

#define REFINE_STEP 2.0
#define REFINE_MAX 256

static int
compare_doubles (const void *a,
                 const void *b)
{
  double d = *(const double *) a - *(const double *) b;

  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/**
 * pf_median:
 * @values: (inout): sorted in place
 *
 * Returns: the median of @n > 0 values (the upper one of an even count)
 */
double
pf_median (double *values,
           int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/**
 * pf_image_mean_rgb:
 * @rgb: (out): red, green and blue, 0..255
 *
 * The mean colour of the 3 × 3 pixels around (@x, @y).
 *
 * Returns: %FALSE when they are not all inside the image
 */
gboolean
pf_image_mean_rgb (PfImage *image,
                   double   x,
                   double   y,
                   double   rgb[3])
{
  const guint8 *data = pf_image_get_data (image);
  gsize stride = pf_image_get_stride (image);
  int xi = (int) floor (x + 0.5), yi = (int) floor (y + 0.5);

  if (xi < 1 || yi < 1 || xi >= pf_image_get_width (image) - 1
      || yi >= pf_image_get_height (image) - 1)
    return FALSE;
  rgb[0] = rgb[1] = rgb[2] = 0;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      for (int c = 0; c < 3; c++)
        rgb[c] += data[(gsize) (yi + dy) * stride + (gsize) (xi + dx) * 4 + c] / 9.0;
  return TRUE;
}


/**
 * pf_quad_refine_side:
 * @a: one end of the side, roughly
 * @b: the other end
 * @search: how far either side of the rough side to look for the edge
 * @polarity: +1 if the image gets brighter across the side along its
 *   left-hand normal (from @a towards @b, y down), -1 darker, 0 unknown
 * @line: (out): the refined line as n·p = c with |n| = 1
 *
 * Looks for the grey step across the side at points along it and fits a
 * line to them, dropping the points that stray (text near the edge, a
 * finger over it). Of several steps the nearest strong one of the right
 * polarity wins: the rough side is close, and a printed line just inside
 * a card's edge can be the stronger step.
 *
 * Returns: %TRUE if enough of the side had an edge
 */
gboolean
pf_quad_refine_side (const guint8 *grey,
                     int           width,
                     int           height,
                     PfPoint       a,
                     PfPoint       b,
                     double        search,
                     int           polarity,
                     double        line[3])
{
  double len = hypot (b.x - a.x, b.y - a.y);
  double dx, dy, nx, ny, sigma2;
  int n_steps = (int) ceil (search);
  int n = 0, n_tried = 0, sign_sum = 0, sign;
  double xs[REFINE_MAX], ys[REFINE_MAX], res[REFINE_MAX];
  int signs[REFINE_MAX];
  gboolean use[REFINE_MAX];
  double profile[40];
  int count;

  if (len < 8 || n_steps > 18)
    return FALSE;
  dx = (b.x - a.x) / len;
  dy = (b.y - a.y) / len;
  nx = -dy;
  ny = dx;
  sigma2 = 2 * (search / 2) * (search / 2);

  count = MIN (REFINE_MAX, (int) (len * 0.84 / REFINE_STEP));
  for (int i = 0; i < count; i++)
    {
      double t = len * (0.08 + 0.84 * (i + 0.5) / count);
      double px = a.x + t * dx, py = a.y + t * dy;
      double best = 0, best_weighted = 0, delta;
      int best_o = 0;

      if (!inside (px - nx * (n_steps + 2), py - ny * (n_steps + 2), width, height)
          || !inside (px + nx * (n_steps + 2), py + ny * (n_steps + 2), width, height))
        continue;
      n_tried++;

      for (int o = -n_steps - 1; o <= n_steps + 1; o++)
        profile[o + n_steps + 1] = sample (grey, width, px + nx * o, py + ny * o);

      for (int o = -n_steps + 1; o <= n_steps - 1; o++)
        {
          double d = profile[o + n_steps + 2] - profile[o + n_steps];
          double weighted = fabs (d) * exp (-o * o / sigma2);

          if (polarity != 0 && (d > 0) != (polarity > 0))
            continue;
          if (weighted > best_weighted)
            {
              best_weighted = weighted;
              best = d;
              best_o = o;
            }
        }
      /* Fewer than 8 grey levels over two pixels is noise, not an edge. */
      if (fabs (best) < 8)
        continue;

      {
        double dm = fabs (profile[best_o + n_steps + 1] - profile[best_o + n_steps - 1]);
        double d0 = fabs (best);
        double dp = fabs (profile[best_o + n_steps + 3] - profile[best_o + n_steps + 1]);
        double den = dm - 2 * d0 + dp;

        delta = den < 0 ? 0.5 * (dm - dp) / den : 0;
        delta = CLAMP (delta, -0.5, 0.5);
      }
      xs[n] = px + nx * (best_o + delta);
      ys[n] = py + ny * (best_o + delta);
      signs[n] = best > 0 ? 1 : -1;
      sign_sum += signs[n];
      n++;
    }

  if (n < 6 || n < n_tried / 3)
    return FALSE;

  /* The document's edge keeps one polarity along a side; a stray step of
   * the other polarity is text or background. */
  sign = polarity != 0 ? polarity : sign_sum >= 0 ? 1 : -1;
  for (int i = 0; i < n; i++)
    use[i] = signs[i] == sign;

  for (int pass = 0; pass < 3; pass++)
    {
      double sorted[REFINE_MAX], cut;
      int m = 0;

      if (!fit_line (xs, ys, use, n, line))
        return FALSE;
      for (int i = 0; i < n; i++)
        {
          res[i] = fabs (line[0] * xs[i] + line[1] * ys[i] - line[2]);
          if (use[i])
            sorted[m++] = res[i];
        }
      if (m < 6)
        return FALSE;
      cut = MAX (0.6, 3 * pf_median (sorted, m));
      for (int i = 0; i < n; i++)
        use[i] = signs[i] == sign && res[i] <= cut;
    }

  return fit_line (xs, ys, use, n, line);
}

gboolean
pf_lines_intersect (const double l1[3],
                    const double l2[3],
                    PfPoint     *p)
{
  double det = l1[0] * l2[1] - l1[1] * l2[0];

  if (fabs (det) < 1e-9)
    return FALSE;
  p->x = (l1[2] * l2[1] - l1[1] * l2[2]) / det;
  p->y = (l1[0] * l2[2] - l1[2] * l2[0]) / det;

  return TRUE;
}

/**
 * pf_quad_order:
 *
 * Puts the corners of a convex quadrilateral in the order top-left,
 * top-right, bottom-right, bottom-left as seen in the image (clockwise on
 * screen, starting from the corner furthest up and to the left), whatever
 * the document's own rotation.
 */
void
pf_quad_order (PfPoint corners[4])
{
  PfPoint tmp[4];
  double cx = 0, cy = 0, area = 0, best = G_MAXDOUBLE;
  int first = 0;

  for (int i = 0; i < 4; i++)
    {
      cx += corners[i].x / 4;
      cy += corners[i].y / 4;
      area += corners[i].x * corners[(i + 1) % 4].y - corners[(i + 1) % 4].x * corners[i].y;
    }
  /* With y pointing down a positive shoelace sum runs clockwise on screen. */
  if (area < 0)
    {
      PfPoint swap = corners[1];

      corners[1] = corners[3];
      corners[3] = swap;
    }
  for (int i = 0; i < 4; i++)
    {
      double d = (corners[i].x - cx) + (corners[i].y - cy);

      if (d < best)
        {
          best = d;
          first = i;
        }
    }
  for (int i = 0; i < 4; i++)
    tmp[i] = corners[(first + i) % 4];
  memcpy (corners, tmp, sizeof tmp);
}
