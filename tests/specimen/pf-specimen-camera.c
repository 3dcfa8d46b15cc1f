/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simulated camera: the projective map that puts the flat document in
 * the frame, then the light's path in a physically sensible order (scene
 * lighting and exposure, specular glare, the screen's pixel grid when the
 * document is shown on one, lens blur and motion, sensor noise, greyscale,
 * JPEG). Everything works in place on 8-bit RGBA frames. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "pf-specimen-private.h"

/* Solves the 8x8 system of a four-point homography (h22 = 1) by Gaussian
 * elimination with partial pivoting. */
gboolean
specimen_homography_from_quads (SpecimenHomography *h,
                                const PfPoint       src[4],
                                const PfPoint       dst[4])
{
  double a[8][9];

  for (int i = 0; i < 4; i++)
    {
      double x = src[i].x, y = src[i].y, u = dst[i].x, v = dst[i].y;
      double r1[9] = { x, y, 1, 0, 0, 0, -u * x, -u * y, u };
      double r2[9] = { 0, 0, 0, x, y, 1, -v * x, -v * y, v };

      memcpy (a[2 * i], r1, sizeof r1);
      memcpy (a[2 * i + 1], r2, sizeof r2);
    }

  for (int col = 0; col < 8; col++)
    {
      int pivot = col;

      for (int row = col + 1; row < 8; row++)
        if (fabs (a[row][col]) > fabs (a[pivot][col]))
          pivot = row;
      if (fabs (a[pivot][col]) < 1e-12)
        return FALSE;
      if (pivot != col)
        for (int k = 0; k < 9; k++)
          {
            double t = a[col][k];
            a[col][k] = a[pivot][k];
            a[pivot][k] = t;
          }
      for (int row = 0; row < 8; row++)
        {
          double f;

          if (row == col)
            continue;
          f = a[row][col] / a[col][col];
          for (int k = col; k < 9; k++)
            a[row][k] -= f * a[col][k];
        }
    }

  for (int i = 0; i < 8; i++)
    h->m[i] = a[i][8] / a[i][i];
  h->m[8] = 1;
  return TRUE;
}

gboolean
specimen_homography_invert (const SpecimenHomography *h,
                            SpecimenHomography       *inverse)
{
  const double *m = h->m;
  double det = m[0] * (m[4] * m[8] - m[5] * m[7])
               - m[1] * (m[3] * m[8] - m[5] * m[6])
               + m[2] * (m[3] * m[7] - m[4] * m[6]);

  if (fabs (det) < 1e-15)
    return FALSE;
  inverse->m[0] = (m[4] * m[8] - m[5] * m[7]) / det;
  inverse->m[1] = (m[2] * m[7] - m[1] * m[8]) / det;
  inverse->m[2] = (m[1] * m[5] - m[2] * m[4]) / det;
  inverse->m[3] = (m[5] * m[6] - m[3] * m[8]) / det;
  inverse->m[4] = (m[0] * m[8] - m[2] * m[6]) / det;
  inverse->m[5] = (m[2] * m[3] - m[0] * m[5]) / det;
  inverse->m[6] = (m[3] * m[7] - m[4] * m[6]) / det;
  inverse->m[7] = (m[1] * m[6] - m[0] * m[7]) / det;
  inverse->m[8] = (m[0] * m[4] - m[1] * m[3]) / det;
  return TRUE;
}

PfPoint
specimen_homography_apply (const SpecimenHomography *h,
                           double                    x,
                           double                    y)
{
  const double *m = h->m;
  double w = m[6] * x + m[7] * y + m[8];

  return (PfPoint) { (m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w };
}

/* The bounding box of @n points. */
PfRect
specimen_bounds (const PfPoint *points,
                 int            n)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;


  for (int i = 0; i < n; i++)
    {
      min_x = MIN (min_x, points[i].x);
      min_y = MIN (min_y, points[i].y);
      max_x = MAX (max_x, points[i].x);
      max_y = MAX (max_y, points[i].y);
    }
  return (PfRect) { min_x, min_y, max_x - min_x, max_y - min_y };
}

/* The frame's bounding box of a rectangle of the document (millimetres). */
PfRect
specimen_project_box (const SpecimenHomography *h,
                      double                    x,
                      double                    y,
                      double                    w,
                      double                    hgt)
{
  PfPoint p[4] = {
    specimen_homography_apply (h, x, y),
    specimen_homography_apply (h, x + w, y),
    specimen_homography_apply (h, x + w, y + hgt),
    specimen_homography_apply (h, x, y + hgt),
  };

  return specimen_bounds (p, 4);
}

/* A level of the document's mip pyramid: premultiplied, 4 bytes a pixel
 * in cairo's order (B G R A on little-endian machines, as a guint32). */
typedef struct
{
  const guint32 *data;
  guint32       *owned;
  int            width;
  int            height;
  int            stride; /* in pixels */
} Level;

#define MAX_LEVELS 8

static void
level_halve (const Level *src,
             Level       *dst)
{
  dst->width = MAX (1, src->width / 2);
  dst->height = MAX (1, src->height / 2);
  dst->stride = dst->width;
  dst->owned = g_new (guint32, (gsize) dst->width * dst->height);
  dst->data = dst->owned;

  for (int y = 0; y < dst->height; y++)
    {
      const guint32 *r0 = src->data + (gsize) MIN (2 * y, src->height - 1) * src->stride;
      const guint32 *r1 = src->data + (gsize) MIN (2 * y + 1, src->height - 1) * src->stride;

      for (int x = 0; x < dst->width; x++)
        {
          int x0 = MIN (2 * x, src->width - 1), x1 = MIN (2 * x + 1, src->width - 1);
          guint32 p[4] = { r0[x0], r0[x1], r1[x0], r1[x1] };
          guint32 out = 0;

          for (int c = 0; c < 32; c += 8)
            {
              guint32 sum = 2;

              for (int k = 0; k < 4; k++)
                sum += (p[k] >> c) & 0xff;
              out |= (sum / 4) << c;
            }
          dst->owned[(gsize) y * dst->stride + x] = out;
        }
    }
}

/* Bilinear sample of a level at (u, v) in its pixel coordinates, pixel
 * centres at integer + 0.5; outside is transparent. */
static inline void
level_sample (const Level *level,
              double       u,
              double       v,
              float        out[4])
{
  double fx = u - 0.5, fy = v - 0.5;
  int x0 = (int) floor (fx), y0 = (int) floor (fy);
  float ax = (float) (fx - x0), ay = (float) (fy - y0);
  float w[4] = { (1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay };
  int xs[4] = { x0, x0 + 1, x0, x0 + 1 };
  int ys[4] = { y0, y0, y0 + 1, y0 + 1 };

  out[0] = out[1] = out[2] = out[3] = 0;
  if (x0 >= 0 && y0 >= 0 && x0 + 1 < level->width && y0 + 1 < level->height)
    {
      const guint32 *r0 = level->data + (gsize) y0 * level->stride + x0;
      const guint32 *r1 = r0 + level->stride;
      guint32 p[4] = { r0[0], r0[1], r1[0], r1[1] };

      for (int k = 0; k < 4; k++)
        {
          out[0] += w[k] * ((p[k] >> 16) & 0xff);
          out[1] += w[k] * ((p[k] >> 8) & 0xff);
          out[2] += w[k] * (p[k] & 0xff);
          out[3] += w[k] * (p[k] >> 24);
        }
      return;
    }
  for (int k = 0; k < 4; k++)
    {
      guint32 p;

      if (xs[k] < 0 || ys[k] < 0 || xs[k] >= level->width || ys[k] >= level->height)
        continue;
      p = level->data[(gsize) ys[k] * level->stride + xs[k]];
      out[0] += w[k] * ((p >> 16) & 0xff);
      out[1] += w[k] * ((p >> 8) & 0xff);
      out[2] += w[k] * (p & 0xff);
      out[3] += w[k] * (p >> 24);
    }
}

/**
 * specimen_warp_document:
 * @document: the flat document (see specimen_document_draw())
 * @mm_to_frame: maps document millimetres to frame pixels
 * @coverage: (out): frame-sized, how much of each pixel the document
 *   covers (0..255)
 *
 * Draws the document into the frame by inverse mapping: each frame pixel
 * looks up its place on the document, in the level of a mip pyramid that
 * matches how much document falls in one pixel (so a steep or small
 * document does not alias), blended between two levels; the alpha at the
 * document's outline antialiases its edges.
 */
void
specimen_warp_document (guint8                   *frame,
                        int                       width,
                        int                       height,
                        int                       stride,
                        cairo_surface_t          *document,
                        double                    doc_px_per_mm,
                        const SpecimenHomography *mm_to_frame,
                        guint8                   *coverage)
{
  SpecimenHomography to_mm;
  Level levels[MAX_LEVELS] = { 0 };
  int n_levels = 1;
  double doc_w = (cairo_image_surface_get_width (document) - 4) / doc_px_per_mm;
  double doc_h = (cairo_image_surface_get_height (document) - 4) / doc_px_per_mm;
  int x0, x1, y0, y1;
  PfRect box;

  if (!specimen_homography_invert (mm_to_frame, &to_mm))
    return;

  cairo_surface_flush (document);
  levels[0].data = (const guint32 *) (gpointer) cairo_image_surface_get_data (document);
  levels[0].width = cairo_image_surface_get_width (document);
  levels[0].height = cairo_image_surface_get_height (document);
  levels[0].stride = cairo_image_surface_get_stride (document) / 4;
  while (n_levels < MAX_LEVELS && levels[n_levels - 1].width > 8
         && levels[n_levels - 1].height > 8)
    {
      level_halve (&levels[n_levels - 1], &levels[n_levels]);
      n_levels++;
    }

  box = specimen_project_box (mm_to_frame, -0.1, -0.1, doc_w + 0.2, doc_h + 0.2);
  x0 = (int) CLAMP (floor (box.x) - 1, 0, width);
  x1 = (int) CLAMP (ceil (box.x + box.width) + 1, 0, width);
  y0 = (int) CLAMP (floor (box.y) - 1, 0, height);
  y1 = (int) CLAMP (ceil (box.y + box.height) + 1, 0, height);

  for (int y = y0; y < y1; y++)
    {
      guint8 *row = frame + (gsize) y * stride;
      guint8 *cov = coverage + (gsize) y * width;
      const double *g = to_mm.m;
      double fy = y + 0.5;
      int level = 0;
      float t = 0;

      for (int x = x0; x < x1; x++)
        {
          double fx = x + 0.5;
          double w = g[6] * fx + g[7] * fy + g[8];
          double mx, my, u, v, alpha;
          float a[4], b[4];

          if (w <= 0)
            continue;
          mx = (g[0] * fx + g[1] * fy + g[2]) / w;
          my = (g[3] * fx + g[4] * fy + g[5]) / w;
          if (mx < -0.5 || my < -0.5 || mx > doc_w + 0.5 || my > doc_h + 0.5)
            continue;

          /* Document pixels per frame pixel, from the map's derivatives;
           * it changes slowly, so once every 16 pixels. Up to 1.4 the
           * finest level is sampled alone (a sensor aliases a little
           * too); beyond, two levels are blended. */
          if (((x - x0) & 15) == 0)
            {
              double dux = (g[0] - mx * g[6]) / w, dvx = (g[3] - my * g[6]) / w;
              double duy = (g[1] - mx * g[7]) / w, dvy = (g[4] - my * g[7]) / w;
              double scale = doc_px_per_mm * sqrt (MAX (dux * dux + dvx * dvx, duy * duy + dvy * dvy));
              double level_f = scale > 1.41 ? log2 (scale) - 0.5 : 0.0;

              level = MIN ((int) level_f, n_levels - 1);
              t = level + 1 < n_levels ? (float) (level_f - level) : 0.0f;
            }

          u = 2 + mx * doc_px_per_mm;
          v = 2 + my * doc_px_per_mm;
          level_sample (&levels[level], u / (1 << level), v / (1 << level), a);
          if (t > 0.05f)
            {
              level_sample (&levels[level + 1], u / (2 << level), v / (2 << level), b);
              for (int c = 0; c < 4; c++)
                a[c] = a[c] * (1 - t) + b[c] * t;
            }

          alpha = a[3] / 255.0;
          if (alpha <= 0.002)
            continue;
          for (int c = 0; c < 3; c++)
            {
              double out = a[c] + row[4 * x + c] * (1 - alpha);
              row[4 * x + c] = (guint8) CLAMP (out + 0.5, 0, 255);
            }
          cov[x] = (guint8) CLAMP (a[3] + 0.5, 0, 255);
        }
    }

  for (int i = 1; i < n_levels; i++)
    {
      pf_secure_zero (levels[i].owned, (gsize) levels[i].width * levels[i].height * 4);
      g_free (levels[i].owned);
    }
}

/* sRGB transfer, as tables: 8-bit to linear, and linear (4096 steps over
 * 0..1) back to 8-bit. */
static float to_linear[256];
static guint8 to_srgb[4097];

static void
init_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (int i = 0; i < 256; i++)
        {
          double c = i / 255.0;
          to_linear[i] = (float) (c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
        }
      for (int i = 0; i <= 4096; i++)
        {
          double l = i / 4096.0;
          double c = l <= 0.0031308 ? l * 12.92 : 1.055 * pow (l, 1 / 2.4) - 0.055;
          to_srgb[i] = (guint8) CLAMP (c * 255 + 0.5, 0, 255);
        }
      g_once_init_leave (&done, 1);
    }
}

static inline guint8
linear_to_byte (float l)
{
  if (l <= 0)
    return 0;
  if (l >= 1)
    return 255;
  return to_srgb[(int) (l * 4096 + 0.5f)];
}

static double
smoothstep (double e0,
            double e1,
            double x)
{
  double t = CLAMP ((x - e0) / (e1 - e0), 0.0, 1.0);

  return t * t * (3 - 2 * t);
}

/**
 * specimen_camera_light:
 *
 * The scene's light and the exposure, in linear light: an uneven light
 * falling off in one direction, an optional soft shadow across the scene,
 * the exposure multiplier, the white balance, the lens' vignetting; then
 * the haze that flattens contrast.
 */
void
specimen_camera_light (const PfSpecimenParams *params,
                       guint8                 *rgba,
                       int                     width,
                       int                     height,
                       int                     stride)
{
  double dir_x = cos (params->light_angle_deg * G_PI / 180);
  double dir_y = sin (params->light_angle_deg * G_PI / 180);
  double half_diag = sqrt ((double) width * width + (double) height * height) / 2;
  SpecimenRng rng;
  double shadow_nx, shadow_ny, shadow_d, shadow_soft;
  double contrast = params->contrast > 0 ? params->contrast : 1.0;
  /* Haze lifts everything towards a light grey. */
  float haze_level = 150;
  /* The light varies slowly: computed on a coarse grid, interpolated. */
  int step = 8;
  int gw = width / step + 2, gh = height / step + 2;
  float *grid = g_new (float, (gsize) gw * gh);
  guint8 *table;

  init_tables ();
  specimen_rng_init (&rng, params->seed, 20);
  {
    double a = specimen_rng_range (&rng, 0, 2 * G_PI);

    shadow_nx = cos (a);
    shadow_ny = sin (a);
    /* The shadow's edge passes near the centre, so it falls on the document. */
    shadow_d = specimen_rng_range (&rng, -0.15, 0.15) * half_diag;
    shadow_soft = specimen_rng_range (&rng, 0.04, 0.12) * half_diag;
    if (params->shadow_softness > 0)
      shadow_soft = MAX (0.5, params->shadow_softness * half_diag);
  }

  for (int gy = 0; gy < gh; gy++)
    for (int gx = 0; gx < gw; gx++)
      {
        double px = gx * step - width / 2.0, py = gy * step - height / 2.0;
        double illum = 1.0;

        if (params->light_gradient != 0)
          illum *= MAX (0.05, 1 - params->light_gradient * 0.5
                                * (1 + (px * dir_x + py * dir_y) / half_diag));
        if (params->shadow > 0)
          illum *= 1 - params->shadow * smoothstep (-shadow_soft, shadow_soft,
                                                    px * shadow_nx + py * shadow_ny - shadow_d);
        if (params->vignetting > 0)
          {
            double r2 = (px * px + py * py) / (half_diag * half_diag);

            illum *= 1 - params->vignetting * r2 * r2 * 0.7 - params->vignetting * r2 * 0.3;
          }
        grid[(gsize) gy * gw + gx] = (float) CLAMP (illum, 0.0, 1.0);
      }

  /* The local light is at most 1; quantised to 256 levels, every
   * (level, value) pair of each channel goes through one table that holds
   * the exposure, the white balance and the haze. */
  table = g_new (guint8, 3 * 256 * 256);
  for (int c = 0; c < 3; c++)
    for (int g = 0; g < 256; g++)
      {
        float gain = (float) (g / 255.0 * params->exposure * params->colour_cast[c]);
        guint8 *entry = table + (c * 256 + g) * 256;

        for (int v = 0; v < 256; v++)
          {
            float out = linear_to_byte (to_linear[v] * gain);

            if (contrast != 1.0)
              out = haze_level + (out - haze_level) * (float) contrast;
            entry[v] = (guint8) CLAMP (out + 0.5f, 0, 255);
          }
      }

  for (int y = 0; y < height; y++)
    {
      guint8 *row = rgba + (gsize) y * stride;
      int gy = y / step;
      float fy = (float) (y - gy * step) / step;
      const float *g0 = grid + (gsize) gy * gw, *g1 = g0 + gw;

      for (int x = 0; x < width; x++)
        {
          int gx = x / step;
          float fx = (float) (x - gx * step) / step;
          float illum = (g0[gx] * (1 - fx) + g0[gx + 1] * fx) * (1 - fy)
                        + (g1[gx] * (1 - fx) + g1[gx + 1] * fx) * fy;
          int level = (int) (illum * 255 + 0.5f);

          row[4 * x] = table[(0 * 256 + level) * 256 + row[4 * x]];
          row[4 * x + 1] = table[(1 * 256 + level) * 256 + row[4 * x + 1]];
          row[4 * x + 2] = table[(2 * 256 + level) * 256 + row[4 * x + 2]];
        }
    }
  g_free (table);
  g_free (grid);
}

/* A glare spot is not a perfect ellipse: its edge wobbles a little with
 * the angle (the lamp's shape, the laminate's ripples), the same way for
 * drawing and for the truth. */
static double
glare_wobble (const PfSpecimenGlare *glare,
              double                 theta)
{
  double p1 = glare->x * 37.0 + glare->y * 11.0;
  double p2 = glare->x * 13.0 - glare->y * 29.0;

  return 1 + 0.12 * sin (2 * theta + p1) + 0.07 * sin (3 * theta + p2);
}

double
specimen_glare_distance (const PfSpecimenGlare *glare,
                         double                 width_mm,
                         double                 height_mm,
                         double                 x_mm,
                         double                 y_mm)
{
  double r = MAX (glare->radius * width_mm, 1e-6);
  double aspect = glare->aspect >= 1 ? glare->aspect : 1;
  double a = glare->angle_deg * G_PI / 180;
  double dx = x_mm - glare->x * width_mm;
  double dy = y_mm - glare->y * height_mm;
  double along = (dx * cos (a) + dy * sin (a)) / (r * aspect);
  double across = (-dx * sin (a) + dy * cos (a)) / r;

  return sqrt (along * along + across * across) / glare_wobble (glare, atan2 (across, along));
}

/* The point of the outline at distance @scale (1: the core's edge) in
 * direction @theta, in document millimetres. */
PfPoint
specimen_glare_outline (const PfSpecimenGlare *glare,
                        double                 width_mm,
                        double                 height_mm,
                        double                 theta,
                        double                 scale)
{
  double r = glare->radius * width_mm * scale * glare_wobble (glare, theta);
  double aspect = glare->aspect >= 1 ? glare->aspect : 1;
  double a = glare->angle_deg * G_PI / 180;
  double ex = cos (theta) * r * aspect, ey = sin (theta) * r;

  return (PfPoint) { glare->x * width_mm + ex * cos (a) - ey * sin (a),
                     glare->y * height_mm + ex * sin (a) + ey * cos (a) };
}

/* The frame's bounding box of a glare spot's outline at @scale (1: the
 * saturated core), clipped to the document. */
PfRect
specimen_glare_frame_box (const PfSpecimenGlare    *glare,
                          double                    width_mm,
                          double                    height_mm,
                          const SpecimenHomography *to_frame,
                          double                    scale)
{
  PfPoint points[64];

  for (int k = 0; k < 64; k++)
    {
      PfPoint o = specimen_glare_outline (glare, width_mm, height_mm, 2 * G_PI * k / 64, scale);

      points[k] = specimen_homography_apply (to_frame, CLAMP (o.x, 0, width_mm),
                                             CLAMP (o.y, 0, height_mm));
    }
  return specimen_bounds (points, 64);
}

/**
 * specimen_camera_glare:
 *
 * Specular highlights on the document only: each pixel is mixed towards
 * white: by the strength inside the core (distance <= 1), so that a
 * strength of 1 or more makes the core pure white; outside it by a soft
 * fall-off over half a radius and a wide faint haze, never quite white.
 */
void
specimen_camera_glare (const PfSpecimenParams   *params,
                       const SpecimenHomography *to_frame,
                       const SpecimenHomography *frame_to_mm,
                       double                    width_mm,
                       double                    height_mm,
                       const guint8             *coverage,
                       guint8                   *rgba,
                       int                       width,
                       int                       height,
                       int                       stride)
{
  for (int i = 0; i < params->n_glare && i < PF_SPECIMEN_MAX_GLARE; i++)
    {
      const PfSpecimenGlare *glare = &params->glare[i];

      PfRect box;
      int x0, x1, y0, y1;

      if (glare->strength <= 0 || glare->radius <= 0)
        continue;

      /* Only where the haze still shows (4 radii). */
      box = specimen_glare_frame_box (glare, width_mm, height_mm, to_frame, 4);
      x0 = (int) CLAMP (floor (box.x) - 2, 0, width);
      x1 = (int) CLAMP (ceil (box.x + box.width) + 2, 0, width);
      y0 = (int) CLAMP (floor (box.y) - 2, 0, height);
      y1 = (int) CLAMP (ceil (box.y + box.height) + 2, 0, height);

      for (int y = y0; y < y1; y++)
        {
          guint8 *row = rgba + (gsize) y * stride;
          const guint8 *cov = coverage + (gsize) y * width;

          for (int x = x0; x < x1; x++)
            {
              PfPoint mm;
              double d, profile, weight;

              if (cov[x] == 0)
                continue;
              mm = specimen_homography_apply (frame_to_mm, x + 0.5, y + 0.5);
              d = specimen_glare_distance (glare, width_mm, height_mm, mm.x, mm.y);
              if (d > 4)
                continue;
              /* Only the core saturates, whatever the strength, so that
               * the truth (the core's box) is exactly what clips. */
              if (d <= 1)
                weight = MIN (1.0, glare->strength);
              else
                {
                  profile = exp (-((d - 1) / 0.45) * ((d - 1) / 0.45))
                            + 0.12 * exp (-(d / 2.5) * (d / 2.5));
                  weight = MIN (0.92, glare->strength * profile);
                }
              weight *= cov[x] / 255.0;
              for (int c = 0; c < 3; c++)
                row[4 * x + c] = (guint8) (row[4 * x + c] + (255 - row[4 * x + c]) * weight + 0.5);
            }
        }
    }
}

/* Blurs work on interleaved RGB floats: rows are filtered through a
 * padded copy of the row, columns by combining whole rows (cache-friendly
 * and easy for the compiler to vectorise). */
static float *
planes_from_rgba (const guint8 *rgba,
                  int           width,
                  int           height,
                  int           stride)
{
  float *buf = g_new (float, (gsize) width * height * 3);

  for (int y = 0; y < height; y++)
    {
      const guint8 *src = rgba + (gsize) y * stride;
      float *dst = buf + (gsize) y * width * 3;

      for (int x = 0; x < width; x++)
        {
          dst[3 * x] = src[4 * x];
          dst[3 * x + 1] = src[4 * x + 1];
          dst[3 * x + 2] = src[4 * x + 2];
        }
    }
  return buf;
}

static void
planes_to_rgba (const float *buf,
                guint8      *rgba,
                int          width,
                int          height,
                int          stride)
{
  for (int y = 0; y < height; y++)
    {
      const float *src = buf + (gsize) y * width * 3;
      guint8 *dst = rgba + (gsize) y * stride;

      for (int x = 0; x < width; x++)
        for (int c = 0; c < 3; c++)
          dst[4 * x + c] = (guint8) CLAMP (src[3 * x + c] + 0.5f, 0, 255);
    }
}

static void
free_planes (float *buf,
             gsize  n)
{
  pf_secure_zero (buf, n * sizeof (float));
  g_free (buf);
}

/* The row, padded by @radius replicated pixels on each side. */
static void
pad_row (const float *row,
         int          width,
         int          radius,
         float       *padded)
{
  memcpy (padded + 3 * radius, row, sizeof (float) * 3 * width);
  for (int i = 0; i < radius; i++)
    for (int c = 0; c < 3; c++)
      {
        padded[3 * i + c] = row[c];
        padded[3 * (radius + width + i) + c] = row[3 * (width - 1) + c];
      }
}

static void
rows_box (float *buf,
          int    width,
          int    height,
          int    radius,
          float *padded)
{
  float norm = 1.0f / (2 * radius + 1);

  for (int y = 0; y < height; y++)
    {
      float *row = buf + (gsize) y * width * 3;
      float sum[3] = { 0, 0, 0 };

      pad_row (row, width, radius + 1, padded);
      /* padded[3 * (x + radius + 1)] is pixel x. */
      for (int k = 0; k <= 2 * radius; k++)
        for (int c = 0; c < 3; c++)
          sum[c] += padded[3 * (k + 1) + c];
      for (int x = 0; x < width; x++)
        for (int c = 0; c < 3; c++)
          {
            row[3 * x + c] = sum[c] * norm;
            sum[c] += padded[3 * (x + 2 * radius + 2) + c] - padded[3 * (x + 1) + c];
          }
    }
}

static void
columns_box (const float *src,
             float       *dst,
             int          width,
             int          height,
             int          radius,
             float       *sum)
{
  gsize n = (gsize) width * 3;
  float norm = 1.0f / (2 * radius + 1);

  memset (sum, 0, n * sizeof (float));
  for (int k = -radius; k <= radius; k++)
    {
      const float *in = src + (gsize) CLAMP (k, 0, height - 1) * n;

      for (gsize i = 0; i < n; i++)
        sum[i] += in[i];
    }
  for (int y = 0; y < height; y++)
    {
      const float *add = src + (gsize) MIN (y + radius + 1, height - 1) * n;
      const float *sub = src + (gsize) MAX (y - radius, 0) * n;
      float *out = dst + y * n;

      for (gsize i = 0; i < n; i++)
        {
          out[i] = sum[i] * norm;
          sum[i] += add[i] - sub[i];
        }
    }
}

/* acc[i] += w * p[i]: in blocks of 16 with a constant count, so that the
 * compiler's cheapest vectoriser (-O2) takes it; the rest one by one. */
static void
accumulate (guint32       *restrict acc,
            const guint8  *restrict p,
            guint32        w,
            int            n)
{
  int blocks = n & ~15;

  for (int i = 0; i < blocks; i += 16)
    for (int j = 0; j < 16; j++)
      acc[i + j] += w * p[i + j];
  for (int i = blocks; i < n; i++)
    acc[i] += w * p[i];
}

static void
store_rounded (guint8        *restrict out,
               const guint32 *restrict acc,
               int            n)
{
  int blocks = n & ~15;

  for (int i = 0; i < blocks; i += 16)
    for (int j = 0; j < 16; j++)
      out[i + j] = (guint8) MIN (acc[i + j] >> 16, 255);
  for (int i = blocks; i < n; i++)
    out[i] = (guint8) MIN (acc[i] >> 16, 255);
}

/* A small gaussian (sigma below 3) in fixed point on the bytes: rows in
 * place through a padded copy of each row, then columns from a copy of
 * the frame. */
static void
small_gaussian (guint8 *rgba,
                int     width,
                int     height,
                int     stride,
                double  sigma)
{
  int radius = sigma <= 0.75 ? 1 : MIN ((int) ceil (3 * sigma), 15);
  guint32 kernel[31];
  double weights[31], total = 0;
  guint32 sum_fixed = 0;
  guint8 *padded = g_new (guint8, (gsize) (width + 2 * radius) * 4);
  gsize size = (gsize) stride * height;
  guint8 *copy;
  guint32 *acc;

  if (radius == 1)
    {
      /* Small blurs, as a lens' softness: three taps (w, 1 - 2w, w)
       * have exactly the variance 2w = sigma^2. */
      weights[0] = weights[2] = sigma * sigma / 2;
      weights[1] = 1 - sigma * sigma;
      total = 1;
    }
  else
    for (int k = -radius; k <= radius; k++)
      {
        weights[k + radius] = exp (-(k * k) / (2 * sigma * sigma));
        total += weights[k + radius];
      }
  for (int k = 0; k <= 2 * radius; k++)
    {
      kernel[k] = (guint32) (weights[k] / total * 65536 + 0.5);
      sum_fixed += kernel[k];
    }
  /* The rounding's error goes to the centre, so that flat areas stay put. */
  kernel[radius] += 65536 - sum_fixed;

  acc = g_new (guint32, (gsize) width * 4);
  for (int y = 0; y < height; y++)
    {
      guint8 *row = rgba + (gsize) y * stride;

      memcpy (padded + 4 * radius, row, (gsize) width * 4);
      for (int i = 0; i < radius; i++)
        {
          memcpy (padded + 4 * i, row, 4);
          memcpy (padded + 4 * (radius + width + i), row + 4 * (width - 1), 4);
        }
      /* Tap by tap over the whole row: simple loops the compiler
       * vectorises. Alpha is blurred too: it is 255 everywhere and the
       * kernel sums to one. */
      for (int i = 0; i < 4 * width; i++)
        acc[i] = 32768;
      for (int k = 0; k <= 2 * radius; k++)
        accumulate (acc, padded + 4 * k, kernel[k], 4 * width);
      store_rounded (row, acc, 4 * width);
    }
  pf_secure_zero (padded, (gsize) (width + 2 * radius) * 4);
  g_free (padded);

  copy = g_memdup2 (rgba, size);
  for (int y = 0; y < height; y++)
    {
      guint8 *out = rgba + (gsize) y * stride;

      for (int i = 0; i < 4 * width; i++)
        acc[i] = 32768;
      for (int k = -radius; k <= radius; k++)
        accumulate (acc, copy + (gsize) CLAMP (y + k, 0, height - 1) * stride,
                    kernel[k + radius], 4 * width);
      store_rounded (out, acc, 4 * width);
    }
  g_free (acc);
  pf_secure_zero (copy, size);
  g_free (copy);
}

void
specimen_gaussian_blur (guint8 *rgba,
                        int     width,
                        int     height,
                        int     stride,
                        double  sigma)
{
  gsize n = (gsize) width * height * 3;
  float *buf, *other, *padded, *sum;
  int radius;

  if (sigma < 0.2)
    return;
  if (sigma < 3.0)
    {
      small_gaussian (rgba, width, height, stride, sigma);
      return;
    }

  /* Three box passes approximate a gaussian (Wells 1986): each box's
   * variance is ((2r+1)^2 - 1) / 12, three of them sum to sigma^2. */
  radius = (int) floor ((sqrt (4 * sigma * sigma + 1) - 1) / 2 + 0.5);
  buf = planes_from_rgba (rgba, width, height, stride);
  other = g_new (float, n);
  sum = g_new (float, (gsize) width * 3);
  padded = g_new (float, (gsize) (width + 2 * radius + 4) * 3);
  for (int pass = 0; pass < 3; pass++)
    rows_box (buf, width, height, radius, padded);
  columns_box (buf, other, width, height, radius, sum);
  columns_box (other, buf, width, height, radius, sum);
  columns_box (buf, other, width, height, radius, sum);
  planes_to_rgba (other, rgba, width, height, stride);
  g_free (sum);
  g_free (padded);
  free_planes (buf, n);
  free_planes (other, n);
}

/* Motion blur: the image averaged along a line of @length pixels through
 * each pixel. The line is drawn once as a small antialiased kernel of
 * (dx, dy, weight) taps, then applied to every pixel. */
static void
motion_blur (guint8 *rgba,
             int     width,
             int     height,
             int     stride,
             double  length,
             double  angle_deg)
{
  gsize n = (gsize) width * height * 3;
  float *src = planes_from_rgba (rgba, width, height, stride);
  float *dst = g_new0 (float, n);
  int half = (int) ceil (length / 2) + 1;
  int side = 2 * half + 1;
  float *kernel = g_new0 (float, (gsize) side * side);
  int samples = MAX (2, (int) ceil (length * 2) + 1);
  double dx = cos (angle_deg * G_PI / 180) * length;
  double dy = sin (angle_deg * G_PI / 180) * length;
  GArray *taps = g_array_new (FALSE, FALSE, sizeof (int) * 3);
  GArray *weights = g_array_new (FALSE, FALSE, sizeof (float));

  for (int k = 0; k < samples; k++)
    {
      double t = (double) k / (samples - 1) - 0.5;
      double sx = t * dx + half, sy = t * dy + half;
      int ix = (int) floor (sx), iy = (int) floor (sy);
      float ax = (float) (sx - ix), ay = (float) (sy - iy);

      kernel[iy * side + ix] += (1 - ax) * (1 - ay) / samples;
      kernel[iy * side + ix + 1] += ax * (1 - ay) / samples;
      kernel[(iy + 1) * side + ix] += (1 - ax) * ay / samples;
      kernel[(iy + 1) * side + ix + 1] += ax * ay / samples;
    }
  for (int i = 0; i < side * side; i++)
    if (kernel[i] > 1e-6f)
      {
        int tap[3] = { i % side - half, i / side - half, 0 };
        g_array_append_val (taps, tap);
        g_array_append_val (weights, kernel[i]);
      }

  for (guint t = 0; t < taps->len; t++)
    {
      const int *tap = (const int *) (gpointer) (taps->data + t * sizeof (int) * 3);
      float w = g_array_index (weights, float, t);

      for (int y = 0; y < height; y++)
        {
          const float *in = src + (gsize) CLAMP (y + tap[1], 0, height - 1) * width * 3;
          float *out = dst + (gsize) y * width * 3;
          int x0 = CLAMP (-tap[0], 0, width), x1 = CLAMP (width - tap[0], 0, width);

          for (int x = 0; x < x0; x++)
            for (int c = 0; c < 3; c++)
              out[3 * x + c] += w * in[c];
          for (int i = 3 * x0; i < 3 * x1; i++)
            out[i] += w * in[i + 3 * tap[0]];
          for (int x = x1; x < width; x++)
            for (int c = 0; c < 3; c++)
              out[3 * x + c] += w * in[3 * (width - 1) + c];
        }
    }

  planes_to_rgba (dst, rgba, width, height, stride);
  free_planes (src, n);
  free_planes (dst, n);
  g_free (kernel);
  g_array_unref (taps);
  g_array_unref (weights);
}

/**
 * specimen_camera_optics:
 *
 * The lens and the hand: motion blur first, then the focus blur.
 */
void
specimen_camera_optics (const PfSpecimenParams *params,
                        guint8                 *rgba,
                        int                     width,
                        int                     height,
                        int                     stride)
{
  if (params->motion_length >= 0.5)
    motion_blur (rgba, width, height, stride, params->motion_length, params->motion_angle_deg);
  specimen_gaussian_blur (rgba, width, height, stride, params->blur_sigma);
}

/**
 * specimen_camera_moire:
 *
 * The document shown on a screen and photographed: the screen's stripes of
 * red, green and blue subpixels and the dark gaps between rows, slightly
 * rotated against the sensor and at a pitch the sensor cannot resolve, so
 * that they alias into moiré bands; screens also lift the blacks.
 */
void
specimen_camera_moire (const PfSpecimenParams *params,
                       guint8                 *rgba,
                       int                     width,
                       int                     height,
                       int                     stride)
{
  SpecimenRng rng;
  double pitch, angle, ca, sa;

  specimen_rng_init (&rng, params->seed, 21);
  pitch = specimen_rng_range (&rng, 1.6, 3.4);
  angle = specimen_rng_range (&rng, -4, 4) * G_PI / 180;
  ca = cos (angle) / pitch;
  sa = sin (angle) / pitch;

  for (int y = 0; y < height; y++)
    {
      guint8 *row = rgba + (gsize) y * stride;

      for (int x = 0; x < width; x++)
        {
          double u = (x + 0.5) * ca + (y + 0.5) * sa;
          double v = -(x + 0.5) * sa + (y + 0.5) * ca;
          double fu = u - floor (u), fv = v - floor (v);
          int sub = (int) (fu * 3);
          double gap = fv > 0.78 ? 0.35 : 1.0;

          for (int c = 0; c < 3; c++)
            {
              double m = (c == sub ? 1.0 : 0.45) * gap * 1.55;
              double out = 22 + row[4 * x + c] * 0.88 * m;

              row[4 * x + c] = (guint8) CLAMP (out + 0.5, 0, 255);
            }
        }
    }
}

/* 4096 normal deviates (the same on every run), and the shot-noise scale
 * per level: noise grows with the signal over a floor. */
static float gauss_values[4096];
static float noise_scale[256];

static const float *
gauss_table (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      SpecimenRng rng;

      specimen_rng_init (&rng, 12345, 99);
      for (int i = 0; i < 4096; i += 2)
        {
          double u1 = (specimen_rng_next (&rng) + 1.0) / 4294967297.0;
          double u2 = specimen_rng_double (&rng);
          double r = sqrt (-2 * log (u1));

          gauss_values[i] = (float) (r * cos (2 * G_PI * u2));
          gauss_values[i + 1] = (float) (r * sin (2 * G_PI * u2));
        }
      for (int v = 0; v < 256; v++)
        noise_scale[v] = (float) sqrt ((v + 16) / 144.0);
      g_once_init_leave (&done, 1);
    }
  return gauss_values;
}

/**
 * specimen_camera_sensor:
 *
 * Sensor noise that grows with the signal (shot noise) over a floor (read
 * noise), mostly in brightness with some colour; the phone's sharpening;
 * then the greyscale of a black-and-white photo or scan.
 */
void
specimen_camera_sensor (const PfSpecimenParams *params,
                        guint8                 *rgba,
                        int                     width,
                        int                     height,
                        int                     stride)
{
  if (params->noise_sigma > 0)
    {
      SpecimenRng rng;
      const float *gauss = gauss_table ();

      specimen_rng_init (&rng, params->seed, 22);
      for (int y = 0; y < height; y++)
        {
          guint8 *row = rgba + (gsize) y * stride;

          for (int x = 0; x < width; x++)
            {
              guint32 r1 = specimen_rng_next (&rng), r2 = specimen_rng_next (&rng);
              float luma = gauss[r1 & 4095];
              float chroma[3] = { gauss[(r1 >> 12) & 4095], gauss[r2 & 4095],
                                  gauss[(r2 >> 12) & 4095] };

              for (int c = 0; c < 3; c++)
                {
                  float v = row[4 * x + c];
                  float n = (0.8f * luma + 0.6f * chroma[c]) * (float) params->noise_sigma
                            * noise_scale[row[4 * x + c]];

                  row[4 * x + c] = (guint8) CLAMP (v + n + 0.5f, 0, 255);
                }
            }
        }
    }

  if (params->sharpen > 0)
    {
      /* Phones sharpen: an unsharp mask (sigma 0.75 pixel) that leaves
       * bright and dark halos along edges, and lifts the noise too. */
      gsize size = (gsize) stride * height;
      guint8 *soft = g_memdup2 (rgba, size);
      float amount = (float) params->sharpen;

      small_gaussian (soft, width, height, stride, 0.75);
      for (int y = 0; y < height; y++)
        {
          guint8 *row = rgba + (gsize) y * stride;
          const guint8 *s = soft + (gsize) y * stride;

          for (int i = 0; i < 4 * width; i++)
            {
              float v = row[i] + amount * (row[i] - s[i]);

              row[i] = (guint8) CLAMP (v + 0.5f, 0, 255);
            }
        }
      pf_secure_zero (soft, size);
      g_free (soft);
    }

  if (params->greyscale)
    {
      for (int y = 0; y < height; y++)
        {
          guint8 *row = rgba + (gsize) y * stride;

          for (int x = 0; x < width; x++)
            {
              guint8 *p = row + 4 * x;
              guint8 g = (guint8) ((77 * p[0] + 150 * p[1] + 29 * p[2] + 128) >> 8);

              p[0] = p[1] = p[2] = g;
            }
        }
    }
}

/* Zeroes a pixbuf's pixels as it is released. */
static void
free_zeroed_cb (guchar   *pixels,
                gpointer  data)
{
  pf_secure_zero (pixels, GPOINTER_TO_SIZE (data));
  g_free (pixels);
}

/**
 * specimen_jpeg_roundtrip:
 *
 * Encodes the frame as a JPEG of @quality with gdk-pixbuf and decodes it
 * again, as a phone or a web form would.
 *
 * Returns: (transfer full): the decoded frame, or a reference to @image
 *   when encoding fails
 */
PfImage *
specimen_jpeg_roundtrip (PfImage *image,
                         int      quality)
{
  int width = pf_image_get_width (image);
  int height = pf_image_get_height (image);
  gsize stride = pf_image_get_stride (image);
  const guint8 *data = pf_image_get_data (image);
  gsize rgb_stride = (gsize) width * 3;
  gsize rgb_size = rgb_stride * height;
  guint8 *rgb = g_malloc (rgb_size);
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autofree char *quality_text = g_strdup_printf ("%d", CLAMP (quality, 1, 100));
  gchar *buffer = NULL;
  gsize buffer_size = 0;
  GdkPixbuf *decoded;
  PfImage *out;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      memcpy (rgb + y * rgb_stride + 3 * x, data + y * stride + 4 * x, 3);
  pixbuf = gdk_pixbuf_new_from_data (rgb, GDK_COLORSPACE_RGB, FALSE, 8, width, height,
                                     (int) rgb_stride, free_zeroed_cb, GSIZE_TO_POINTER (rgb_size));

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &buffer_size, "jpeg", NULL,
                                  "quality", quality_text, NULL))
    return pf_image_ref (image);

  loader = gdk_pixbuf_loader_new_with_type ("jpeg", NULL);
  if (loader == NULL
      || !gdk_pixbuf_loader_write (loader, (const guchar *) buffer, buffer_size, NULL)
      || !gdk_pixbuf_loader_close (loader, NULL)
      || (decoded = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      pf_secure_zero (buffer, buffer_size);
      g_free (buffer);
      return pf_image_ref (image);
    }
  pf_secure_zero (buffer, buffer_size);
  g_free (buffer);

  out = pf_image_new (width, height);
  {
    const guint8 *src = gdk_pixbuf_read_pixels (decoded);
    int src_stride = gdk_pixbuf_get_rowstride (decoded);
    int channels = gdk_pixbuf_get_n_channels (decoded);
    guint8 *dst = pf_image_get_data_mutable (out);
    gsize dst_stride = pf_image_get_stride (out);
    int rows = MIN (height, gdk_pixbuf_get_height (decoded));
    int columns = MIN (width, gdk_pixbuf_get_width (decoded));

    for (int y = 0; y < rows; y++)
      for (int x = 0; x < columns; x++)
        {
          const guint8 *s = src + (gsize) y * src_stride + channels * x;
          guint8 *d = dst + y * dst_stride + 4 * x;

          d[0] = s[0];
          d[1] = s[channels >= 3 ? 1 : 0];
          d[2] = s[channels >= 3 ? 2 : 0];
          d[3] = 255;
        }
    /* The decoder's copy of the pixels is zeroed too. */
    pf_secure_zero ((gpointer) src, (gsize) src_stride * (gdk_pixbuf_get_height (decoded) - 1)
                                      + gdk_pixbuf_get_width (decoded) * channels);
  }
  return out;
}
