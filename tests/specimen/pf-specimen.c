/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The specimen generator's driver: parameters, the pose, the pipeline
 * from scene to JPEG, and the ground truth (geometry, texts, glare, and
 * which defects the photo has by construction). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-specimen-private.h"

#define DEFAULT_FOV_DEG 62.0

/* The flat document is drawn at most this wide, to bound time and memory
 * for huge frames; the warp's bilinear sampling makes up the rest. */
#define MAX_FLAT_WIDTH 4096

void
pf_specimen_params_init (PfSpecimenParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->layout = PF_SPECIMEN_TD1;
  params->seed = 1;
  params->frame_width = 1280;
  params->frame_height = 720;
  params->center_x = 0.5;
  params->center_y = 0.5;
  params->doc_width_fraction = 0.6;
  params->fov_deg = DEFAULT_FOV_DEG;
  params->background = PF_SPECIMEN_BG_DARK_PLAIN;
  params->exposure = 1.0;
  params->contrast = 1.0;
  params->colour_cast[0] = params->colour_cast[1] = params->colour_cast[2] = 1.0;
  params->motion_angle_deg = 0;
  params->occluder_x = 0.1;
  params->occluder_y = 0.5;
  params->occluder_size = 0.15;
}

/* Parameters with every unset or impossible value made sane, so that bad
 * input draws something rather than crashing. */
static void
normalize (PfSpecimenParams *p)
{
  if (p->layout >= PF_SPECIMEN_N_LAYOUTS)
    p->layout = PF_SPECIMEN_TD1;
  if (p->background >= PF_SPECIMEN_N_BACKGROUNDS)
    p->background = PF_SPECIMEN_BG_DARK_PLAIN;
  p->frame_width = CLAMP (p->frame_width, 1, 16384);
  p->frame_height = CLAMP (p->frame_height, 1, 16384);
  if (!(p->fov_deg > 1 && p->fov_deg < 170))
    p->fov_deg = DEFAULT_FOV_DEG;
  if (!(p->doc_width_fraction > 0.001))
    p->doc_width_fraction = 0.001;
  p->tilt_x_deg = CLAMP (p->tilt_x_deg, -80, 80);
  p->tilt_y_deg = CLAMP (p->tilt_y_deg, -80, 80);
  if (!(p->exposure > 0))
    p->exposure = 1.0;
  if (!(p->contrast > 0))
    p->contrast = 1.0;
  for (int c = 0; c < 3; c++)
    if (!(p->colour_cast[c] > 0))
      p->colour_cast[c] = 1.0;
  p->n_glare = CLAMP (p->n_glare, 0, PF_SPECIMEN_MAX_GLARE);
  p->blur_sigma = CLAMP (p->blur_sigma, 0, 200);
  p->motion_length = CLAMP (p->motion_length, 0, 400);
  p->noise_sigma = CLAMP (p->noise_sigma, 0, 100);
  p->sharpen = CLAMP (p->sharpen, 0, 3);
  p->background_blur = CLAMP (p->background_blur, 0, 100);
  if (p->layout != PF_SPECIMEN_TD3)
    p->booklet = FALSE;
  p->jpeg_quality = CLAMP (p->jpeg_quality, 0, 100);
  p->vignetting = CLAMP (p->vignetting, 0, 1);
  p->shadow = CLAMP (p->shadow, 0, 1);
  p->light_gradient = CLAMP (p->light_gradient, 0, 1);
  p->shadow_softness = CLAMP (p->shadow_softness, 0, 1);
}

static double
focal_px (const PfSpecimenParams *p)
{
  return p->frame_width / 2.0 / tan (p->fov_deg * G_PI / 360);
}

/* The document's corners seen by a pinhole camera: rotated in its plane,
 * tilted out of it, and placed at the distance that gives the asked
 * width. */
static void
pose_corners (const PfSpecimenParams *p,
              PfPoint                 out[4])
{
  double w_mm, h_mm;
  double f = focal_px (p);
  double d, X, Y;
  double rot = p->rotation_deg * G_PI / 180;
  double tx = p->tilt_x_deg * G_PI / 180, ty = p->tilt_y_deg * G_PI / 180;
  static const double sx[4] = { -1, 1, 1, -1 }, sy[4] = { -1, -1, 1, 1 };

  pf_specimen_layout_get_size_mm (p->layout, &w_mm, &h_mm);
  d = f * w_mm / (p->doc_width_fraction * p->frame_width);
  X = (p->center_x - 0.5) * p->frame_width * d / f;
  Y = (p->center_y - 0.5) * p->frame_height * d / f;

  for (int i = 0; i < 4; i++)
    {
      double x = sx[i] * w_mm / 2, y = sy[i] * h_mm / 2, z = 0;
      double x1 = x * cos (rot) - y * sin (rot);
      double y1 = x * sin (rot) + y * cos (rot);
      double y2 = y1 * cos (tx), z2 = -y1 * sin (tx);
      double x3 = x1 * cos (ty), z3 = z2 + x1 * sin (ty);
      double depth = MAX (d + z3 + z, d * 0.05);

      out[i].x = p->frame_width / 2.0 + f * (X + x3) / depth;
      out[i].y = p->frame_height / 2.0 + f * (Y + y2) / depth;
    }
}

/* The ground-truth geometry that follows from the corners alone. */
static void
measure_geometry (PfSpecimen *self)
{
  const PfSpecimenParams *p = &self->params;
  const PfPoint *c = self->corners;
  double area = 0;
  double f = focal_px (p);
  SpecimenHomography h;
  PfPoint src[4] = { { 0, 0 }, { self->width_mm, 0 }, { self->width_mm, self->height_mm },
                     { 0, self->height_mm } };

  for (int i = 0; i < 4; i++)
    area += c[i].x * c[(i + 1) % 4].y - c[(i + 1) % 4].x * c[i].y;
  area = fabs (area) / 2;
  self->doc_width_px = (hypot (c[1].x - c[0].x, c[1].y - c[0].y)
                        + hypot (c[2].x - c[3].x, c[2].y - c[3].y)) / 2;
  self->doc_width_fraction = self->doc_width_px / p->frame_width;
  self->px_per_mm = sqrt (area / (self->width_mm * self->height_mm));
  self->text_height_px = PF_SPECIMEN_TEXT_HEIGHT_MM * self->px_per_mm;

  self->min_edge_margin = G_MAXDOUBLE;
  for (int i = 0; i < 4; i++)
    {
      double mx = MIN (c[i].x / p->frame_width, (p->frame_width - c[i].x) / p->frame_width);
      double my = MIN (c[i].y / p->frame_height, (p->frame_height - c[i].y) / p->frame_height);

      self->corner_margin[i] = MIN (mx, my);
      self->min_edge_margin = MIN (self->min_edge_margin, self->corner_margin[i]);
    }

  /* The plane's normal from the homography and the focal length:
   * K^-1 H = [r1 r2 t] up to scale. */
  self->tilt_deg = 0;
  if (specimen_homography_from_quads (&h, src, self->corners))
    {
      double r1[3], r2[3], n[3], len;
      double cx = p->frame_width / 2.0, cy = p->frame_height / 2.0;

      r1[0] = (h.m[0] - cx * h.m[6]) / f;
      r1[1] = (h.m[3] - cy * h.m[6]) / f;
      r1[2] = h.m[6];
      r2[0] = (h.m[1] - cx * h.m[7]) / f;
      r2[1] = (h.m[4] - cy * h.m[7]) / f;
      r2[2] = h.m[7];
      n[0] = r1[1] * r2[2] - r1[2] * r2[1];
      n[1] = r1[2] * r2[0] - r1[0] * r2[2];
      n[2] = r1[0] * r2[1] - r1[1] * r2[0];
      len = sqrt (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
      if (len > 0)
        self->tilt_deg = acos (MIN (1.0, fabs (n[2]) / len)) * 180 / G_PI;
    }
}

/* The geometry alone, without drawing: for choosing parameters. */
void
specimen_measure (const PfSpecimenParams *params,
                  PfSpecimen             *out)
{
  memset (out, 0, sizeof *out);
  out->params = *params;
  normalize (&out->params);
  pf_specimen_layout_get_size_mm (out->params.layout, &out->width_mm, &out->height_mm);
  if (out->params.use_corners)
    memcpy (out->corners, out->params.corners, sizeof out->corners);
  else
    pose_corners (&out->params, out->corners);
  measure_geometry (out);
}

static gboolean
mean_3x3 (const guint8 *rgba,
          int           stride,
          int           width,
          int           height,
          PfPoint       p,
          double        out[3])
{
  int x = (int) floor (p.x), y = (int) floor (p.y);

  if (x < 1 || y < 1 || x >= width - 1 || y >= height - 1)
    return FALSE;
  out[0] = out[1] = out[2] = 0;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      for (int c = 0; c < 3; c++)
        out[c] += rgba[(gsize) (y + dy) * stride + 4 * (x + dx) + c] / 9.0;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* How much the document stands out from what it lies on, where it
 * matters: along its outline. At points all round the outline (away from
 * the rounded corners), the colour distance between the drawn scene 1.5 mm
 * inside and 1.5 mm outside; the median of them, so that a dark header
 * band on a dark desk, or one busy patch, does not decide it. */
static double
measure_background_contrast (const PfSpecimen         *self,
                             const SpecimenHomography *to_frame,
                             const guint8             *rgba,
                             int                       stride,
                             const guint8             *coverage)
{
  int width = self->params.frame_width, height = self->params.frame_height;
  double w = self->width_mm, h = self->height_mm;
  double perimeter = 2 * (w + h) - 4 * 8;
  double step = perimeter / 240;
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  double median = 255;

  /* The four sides, each without 4 mm at its ends. */
  for (int side = 0; side < 4; side++)
    {
      double len = (side % 2 == 0 ? w : h) - 8;

      for (double t = 0; t <= len; t += step)
        {
          double ex, ey, nx, ny;
          PfPoint in, out;
          double a[3], b[3], dist;

          switch (side)
            {
            case 0: ex = 4 + t; ey = 0; nx = 0; ny = -1; break;
            case 1: ex = w; ey = 4 + t; nx = 1; ny = 0; break;
            case 2: ex = w - 4 - t; ey = h; nx = 0; ny = 1; break;
            default: ex = 0; ey = h - 4 - t; nx = -1; ny = 0; break;
            }
          in = specimen_homography_apply (to_frame, ex - 1.5 * nx, ey - 1.5 * ny);
          out = specimen_homography_apply (to_frame, ex + 1.5 * nx, ey + 1.5 * ny);
          if (!mean_3x3 (rgba, stride, width, height, in, a)
              || !mean_3x3 (rgba, stride, width, height, out, b))
            continue;
          if (coverage[(gsize) (int) in.y * width + (int) in.x] < 250
              || coverage[(gsize) (int) out.y * width + (int) out.x] > 5)
            continue;
          dist = sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                       + (a[2] - b[2]) * (a[2] - b[2]));
          g_array_append_val (values, dist);
        }
    }

  if (values->len > 0)
    {
      g_array_sort (values, compare_doubles);
      median = g_array_index (values, double, values->len / 2);
    }
  g_array_unref (values);
  return median;
}

static void
record_texts (PfSpecimen               *self,
              GArray                   *texts_mm,
              const SpecimenHomography *to_frame)
{
  self->n_texts = texts_mm->len;
  self->texts = g_new0 (PfSpecimenText, MAX (1, texts_mm->len));
  for (guint i = 0; i < texts_mm->len; i++)
    {
      SpecimenTextMm *t = &g_array_index (texts_mm, SpecimenTextMm, i);
      PfSpecimenText *out = &self->texts[i];

      out->field = t->field;
      out->text = g_steal_pointer (&t->text);
      out->box = specimen_project_box (to_frame, t->x, t->y, t->width, t->height);
      out->doc_box = (PfRect) { t->x / self->width_mm, t->y / self->height_mm,
                                t->width / self->width_mm, t->height / self->height_mm };
    }
}

static gboolean
glare_touches_rect (const PfSpecimenGlare *glare,
                    double                 w_mm,
                    double                 h_mm,
                    PfRect                 rect_mm)
{
  /* Sampled every 0.2 mm: text boxes are a few mm tall. */
  for (double y = rect_mm.y; y <= rect_mm.y + rect_mm.height + 1e-9; y += 0.2)
    for (double x = rect_mm.x; x <= rect_mm.x + rect_mm.width + 1e-9; x += 0.2)
      if (specimen_glare_distance (glare, w_mm, h_mm, x, y) <= 1.0)
        return TRUE;
  return FALSE;
}

/* The frame pixels of a glare core that the frame shows on the document,
 * sampled at pixel centres as specimen_camera_glare () draws them. */
static void
record_glare_clipped (PfSpecimen               *self,
                      int                       i,
                      const SpecimenHomography *to_mm)
{
  const PfSpecimenGlare *g = &self->params.glare[i];
  PfRect box = self->glare_boxes[i];
  int fw = self->params.frame_width, fh = self->params.frame_height;
  int x0 = (int) CLAMP (floor (box.x) - 1, 0, fw), x1 = (int) CLAMP (ceil (box.x + box.width) + 1, 0, fw);
  int y0 = (int) CLAMP (floor (box.y) - 1, 0, fh), y1 = (int) CLAMP (ceil (box.y + box.height) + 1, 0, fh);
  int bx0 = G_MAXINT, by0 = G_MAXINT, bx1 = -1, by1 = -1, n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        PfPoint mm = specimen_homography_apply (to_mm, x + 0.5, y + 0.5);

        if (mm.x < 0 || mm.y < 0 || mm.x > self->width_mm || mm.y > self->height_mm
            || specimen_glare_distance (g, self->width_mm, self->height_mm, mm.x, mm.y) > 1)
          continue;
        n++;
        bx0 = MIN (bx0, x);
        by0 = MIN (by0, y);
        bx1 = MAX (bx1, x);
        by1 = MAX (by1, y);
      }
  self->glare_clipped_pixels[i] = n;
  self->glare_clipped_boxes[i] = n > 0 ? (PfRect) { bx0, by0, bx1 - bx0 + 1, by1 - by0 + 1 }
                                       : (PfRect) { 0, 0, 0, 0 };
}

static void
record_glare (PfSpecimen               *self,
              const SpecimenHomography *to_frame,
              const SpecimenHomography *to_mm)
{
  const PfSpecimenParams *p = &self->params;
  double w = self->width_mm, h = self->height_mm;

  for (int i = 0; i < p->n_glare; i++)
    {
      const PfSpecimenGlare *g = &p->glare[i];

      self->glare_boxes[i] = specimen_glare_frame_box (g, w, h, to_frame, 1);
      record_glare_clipped (self, i, to_mm);

      self->glare_over_text[i] = FALSE;
      for (int t = 0; t < self->n_texts && !self->glare_over_text[i]; t++)
        {
          PfRect b = self->texts[t].doc_box;

          self->glare_over_text[i] = glare_touches_rect (g, w, h, (PfRect) { b.x * w, b.y * h,
                                                                          b.width * w, b.height * h });
        }
      self->glare_is_defect[i] = g->strength >= PF_SPECIMEN_GLARE_STRENGTH_DEFECT
                                 && g->radius >= PF_SPECIMEN_GLARE_RADIUS_DEFECT;
    }
}

static PfRect
fraction_to_frame (const SpecimenHomography *to_frame,
                   const PfSpecimen         *self,
                   PfRect                    mm)
{
  if (mm.width <= 0)
    return (PfRect) { 0, 0, 0, 0 };
  return specimen_project_box (to_frame, mm.x, mm.y, mm.width, mm.height);
}

/* The whole pipeline. With @flat_width > 0 the document alone is drawn,
 * rectified, @flat_width pixels wide, with its degradations. */
static PfSpecimen *
generate (const PfSpecimenParams *params,
          int                     flat_width)
{
  PfSpecimen *self = g_new0 (PfSpecimen, 1);
  PfSpecimenParams *p = &self->params;
  SpecimenHomography to_frame, to_mm;
  SpecimenPalette palette;
  g_autoptr (PfImage) image = NULL;
  guint8 *rgba;
  guint8 *coverage;
  gsize stride;
  int width, height;
  PfRect mrz_mm, photo_mm, blank_mm;

  *p = *params;
  normalize (p);
  pf_specimen_layout_get_size_mm (p->layout, &self->width_mm, &self->height_mm);

  if (flat_width > 0)
    {
      double ppm;

      flat_width = CLAMP (flat_width, 8, 16384);
      ppm = flat_width / self->width_mm;
      p->frame_width = flat_width;
      p->frame_height = MAX (1, (int) floor (self->height_mm * ppm + 0.5));
      p->use_corners = TRUE;
      p->no_document = FALSE;
      p->corners[0] = (PfPoint) { 0, 0 };
      p->corners[1] = (PfPoint) { p->frame_width, 0 };
      p->corners[2] = (PfPoint) { p->frame_width, p->frame_height };
      p->corners[3] = (PfPoint) { 0, p->frame_height };
    }

  width = p->frame_width;
  height = p->frame_height;
  specimen_identity_fill (self, p->layout, p->seed);
  specimen_palette_for_seed (&palette, p->seed);

  if (p->use_corners)
    memcpy (self->corners, p->corners, sizeof self->corners);
  else
    pose_corners (p, self->corners);
  measure_geometry (self);

  {
    PfPoint src[4] = { { 0, 0 }, { self->width_mm, 0 }, { self->width_mm, self->height_mm },
                       { 0, self->height_mm } };

    if (!specimen_homography_from_quads (&to_frame, src, self->corners)
        || !specimen_homography_invert (&to_frame, &to_mm))
      {
        /* A degenerate quadrilateral: draw no document. */
        p->no_document = TRUE;
        memset (&to_frame, 0, sizeof to_frame);
        to_frame.m[0] = to_frame.m[4] = to_frame.m[8] = 1;
        to_mm = to_frame;
      }
  }

  image = pf_image_new (width, height);
  rgba = pf_image_get_data_mutable (image);
  stride = pf_image_get_stride (image);
  coverage = g_malloc0 ((gsize) width * height);

  if (flat_width > 0)
    {
      /* Rectified: what shows beyond the rounded corners is a dark desk. */
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            guint8 *px = rgba + (gsize) y * stride + 4 * x;
            px[0] = px[1] = px[2] = 38;
            px[3] = 255;
          }
    }
  else
    specimen_background_draw (p, self->corners, &palette, rgba, width, height, (int) stride);

  if (!p->no_document)
    {
      g_autoptr (GArray) texts_mm = g_array_new (FALSE, TRUE, sizeof (SpecimenTextMm));
      cairo_surface_t *document;
      double ppm = 0;

      /* Draw the flat document as fine as its finest place in the frame;
       * the warp's mip levels handle the coarser places. */
      for (int i = 0; i < 4; i++)
        {
          const double *m = to_mm.m;
          PfPoint c = self->corners[i];
          double q = m[6] * c.x + m[7] * c.y + m[8];
          double dux = (m[0] - (m[0] * c.x + m[1] * c.y + m[2]) / q * m[6]) / q;
          double dvx = (m[3] - (m[3] * c.x + m[4] * c.y + m[5]) / q * m[6]) / q;
          double duy = (m[1] - (m[0] * c.x + m[1] * c.y + m[2]) / q * m[7]) / q;
          double dvy = (m[4] - (m[3] * c.x + m[4] * c.y + m[5]) / q * m[7]) / q;
          double mm_per_px = MIN (hypot (dux, dvx), hypot (duy, dvy));

          if (q > 0 && mm_per_px > 0)
            ppm = MAX (ppm, 1.0 / mm_per_px);
        }
      ppm = flat_width > 0 ? flat_width / self->width_mm : CLAMP (ppm * 1.05, 2.0, MAX_FLAT_WIDTH / self->width_mm);

      document = specimen_document_draw (self, ppm, texts_mm);
      specimen_warp_document (rgba, width, height, (int) stride, document, ppm, &to_frame, coverage);
      specimen_surface_destroy_secure (document);
      record_texts (self, texts_mm, &to_frame);

      self->background_contrast = flat_width > 0 ? 255
        : measure_background_contrast (self, &to_frame, rgba, (int) stride, coverage);

      {
        g_autofree guint8 *mask = specimen_occluder_mask (p, self->corners, width, height);

        if (mask != NULL)
          {
            double covered = 0, total = 0;

            for (gsize i = 0; i < (gsize) width * height; i++)
              {
                total += coverage[i];
                covered += MIN (coverage[i], mask[i]);
              }
            self->occluded_fraction = total > 0 ? covered / total : 0;
            specimen_occluder_paint (p, self->corners, rgba, width, height, (int) stride);
            /* Glare falls on the document, not on the thumb over it. */
            for (gsize i = 0; i < (gsize) width * height; i++)
              coverage[i] = (guint8) (coverage[i] * (255 - mask[i]) / 255);
          }
      }
    }
  else
    self->texts = g_new0 (PfSpecimenText, 1);

  specimen_camera_light (p, rgba, width, height, (int) stride);
  if (!p->no_document)
    specimen_camera_glare (p, &to_frame, &to_mm, self->width_mm, self->height_mm, coverage, rgba, width,
                           height, (int) stride);
  if (p->screen_moire)
    specimen_camera_moire (p, rgba, width, height, (int) stride);
  specimen_camera_optics (p, rgba, width, height, (int) stride);
  specimen_camera_sensor (p, rgba, width, height, (int) stride);
  g_free (coverage);

  if (p->jpeg_quality > 0)
    {
      PfImage *decoded = specimen_jpeg_roundtrip (image, p->jpeg_quality);

      pf_image_unref (image);
      image = decoded;
    }
  self->image = g_steal_pointer (&image);

  specimen_layout_rects_mm (p->layout, &mrz_mm, &photo_mm, &blank_mm);
  self->mrz_box = fraction_to_frame (&to_frame, self, mrz_mm);
  self->photo_box = fraction_to_frame (&to_frame, self, photo_mm);
  self->doc_mrz_box = (PfRect) { mrz_mm.x / self->width_mm, mrz_mm.y / self->height_mm,
                                 mrz_mm.width / self->width_mm, mrz_mm.height / self->height_mm };
  self->doc_photo_box = (PfRect) { photo_mm.x / self->width_mm, photo_mm.y / self->height_mm,
                                   photo_mm.width / self->width_mm, photo_mm.height / self->height_mm };
  self->doc_blank_box = (PfRect) { blank_mm.x / self->width_mm, blank_mm.y / self->height_mm,
                                   blank_mm.width / self->width_mm, blank_mm.height / self->height_mm };
  if (!p->no_document)
    {
      record_glare (self, &to_frame, &to_mm);
      self->photo_corners[0] = specimen_homography_apply (&to_frame, photo_mm.x, photo_mm.y);
      self->photo_corners[1] = specimen_homography_apply (&to_frame, photo_mm.x + photo_mm.width,
                                                          photo_mm.y);
      self->photo_corners[2] = specimen_homography_apply (&to_frame, photo_mm.x + photo_mm.width,
                                                          photo_mm.y + photo_mm.height);
      self->photo_corners[3] = specimen_homography_apply (&to_frame, photo_mm.x,
                                                          photo_mm.y + photo_mm.height);
    }

  return self;
}

/**
 * pf_specimen_new:
 * @params: what to draw
 *
 * Draws a photo of a specimen document. The same parameters always give
 * the same pixels and the same truth.
 *
 * Returns: (transfer full): the photo and its ground truth
 */
PfSpecimen *
pf_specimen_new (const PfSpecimenParams *params)
{
  g_return_val_if_fail (params != NULL, NULL);

  return generate (params, 0);
}

/**
 * pf_specimen_new_flat:
 * @params: the layout, seed and degradations (pose and background are
 *   ignored)
 * @width_px: the width of the rectified document
 *
 * The document alone, rectified, as the MRZ reader sees it after the
 * outline was found; the corners are the image's corners.
 */
PfSpecimen *
pf_specimen_new_flat (const PfSpecimenParams *params,
                      int                     width_px)
{
  g_return_val_if_fail (params != NULL, NULL);

  return generate (params, MAX (width_px, 8));
}

/**
 * pf_specimen_render_flat:
 *
 * The clean document alone, @width_px wide: for a demo, or to look at.
 *
 * Returns: (transfer full): the image
 */
PfImage *
pf_specimen_render_flat (PfSpecimenLayout layout,
                         guint32          seed,
                         int              width_px)
{
  PfSpecimenParams params;
  g_autoptr (PfSpecimen) specimen = NULL;

  pf_specimen_params_init (&params);
  params.layout = layout;
  params.seed = seed;
  specimen = pf_specimen_new_flat (&params, width_px);
  return pf_image_ref (specimen->image);
}

void
pf_specimen_free (PfSpecimen *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->image, pf_image_unref);
  for (int i = 0; i < self->n_texts; i++)
    g_free (self->texts[i].text);
  g_free (self->texts);
  for (int i = 0; i < 3; i++)
    g_free (self->mrz_lines[i]);
  g_free (self->document_code);
  g_free (self->issuing_state);
  g_free (self->surname);
  g_free (self->given_names);
  g_free (self->mrz_surname);
  g_free (self->mrz_given_names);
  g_free (self->document_number);
  g_free (self->nationality);
  g_free (self->birth_date);
  g_free (self->expiry_date);
  g_free (self->issue_date);
  g_free (self->sex);
  g_free (self->birth_place);
  g_free (self->optional_data);
  g_free (self);
}

/**
 * pf_specimen_find_text:
 * @field: a field name (see #PfSpecimenText)
 *
 * Returns: (nullable): the first text of that field
 */
const PfSpecimenText *
pf_specimen_find_text (const PfSpecimen *self,
                       const char       *field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (int i = 0; i < self->n_texts; i++)
    if (g_str_equal (self->texts[i].field, field))
      return &self->texts[i];
  return NULL;
}

/**
 * pf_specimen_get_defects:
 * @marginal: (out) (optional): the checks whose verdict is not decided by
 *   construction (the photo lies in the gap between a defect and clean)
 *
 * What is wrong with the photo by construction, by the thresholds in
 * pf-specimen.h. When the document is missing, nothing else is judged.
 */
PfSpecimenDefects
pf_specimen_get_defects (const PfSpecimen  *self,
                         PfSpecimenDefects *marginal)
{
  const PfSpecimenParams *p;
  PfSpecimenDefects defects = 0, unsure = 0;
  double blur_var, motion_var, ratio, dark_light;

  g_return_val_if_fail (self != NULL, 0);

  p = &self->params;
  if (p->no_document)
    {
      if (marginal != NULL)
        *marginal = 0;
      return PF_SPECIMEN_DEFECT_NO_DOCUMENT;
    }

  /* Corners. */
  if (self->min_edge_margin < 0)
    defects |= PF_SPECIMEN_DEFECT_CORNER_CUT;
  else if (self->min_edge_margin < PF_SPECIMEN_EDGE_MARGIN_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE;
  else if (self->min_edge_margin < PF_SPECIMEN_EDGE_MARGIN_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE;
  /* Cut or merely close is not decided within a hair of the edge. */
  if (fabs (self->min_edge_margin) < PF_SPECIMEN_EDGE_MARGIN_DEFECT)
    unsure |= PF_SPECIMEN_DEFECT_CORNER_CUT | PF_SPECIMEN_DEFECT_CORNER_NEAR_EDGE;

  /* Size and resolution. */
  if (self->doc_width_fraction < PF_SPECIMEN_WIDTH_FRACTION_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_TOO_SMALL;
  else if (self->doc_width_fraction < PF_SPECIMEN_WIDTH_FRACTION_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_TOO_SMALL;
  if (self->px_per_mm < PF_SPECIMEN_PX_PER_MM_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL;
  else if (self->px_per_mm < PF_SPECIMEN_PX_PER_MM_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_TEXT_TOO_SMALL;

  /* Blur, against the text height. */
  blur_var = p->blur_sigma * p->blur_sigma;
  motion_var = p->motion_length * p->motion_length / 12;
  ratio = sqrt (blur_var + motion_var) / MAX (self->text_height_px, 1e-6);
  if (ratio >= PF_SPECIMEN_BLUR_RATIO_DEFECT)
    {
      defects |= PF_SPECIMEN_DEFECT_BLUR;
      if (motion_var > 2 * blur_var)
        defects |= PF_SPECIMEN_DEFECT_MOTION;
      else if (motion_var > 0.5 * blur_var)
        unsure |= PF_SPECIMEN_DEFECT_MOTION;
    }
  else if (ratio > PF_SPECIMEN_BLUR_RATIO_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_BLUR | PF_SPECIMEN_DEFECT_MOTION;

  /* Glare. */
  for (int i = 0; i < p->n_glare; i++)
    {
      const PfSpecimenGlare *g = &p->glare[i];
      PfRect box = self->glare_boxes[i];
      gboolean visible = box.x < p->frame_width && box.y < p->frame_height
                         && box.x + box.width > 0 && box.y + box.height > 0;

      if (g->strength <= 0 || g->radius <= 0 || !visible)
        continue;
      if (self->glare_is_defect[i])
        defects |= self->glare_over_text[i] ? PF_SPECIMEN_DEFECT_GLARE_TEXT
                                            : PF_SPECIMEN_DEFECT_GLARE_BLANK;
      else if (g->strength > PF_SPECIMEN_GLARE_STRENGTH_CLEAN)
        unsure |= PF_SPECIMEN_DEFECT_GLARE_TEXT | PF_SPECIMEN_DEFECT_GLARE_BLANK;
    }

  /* Exposure and contrast. Uneven light and shadow darken parts. */
  if (p->exposure <= PF_SPECIMEN_EXPOSURE_DARK_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_DARK;
  else if (p->exposure < PF_SPECIMEN_EXPOSURE_DARK_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_DARK;
  dark_light = p->exposure * (1 - p->light_gradient) * (1 - p->shadow) * (1 - p->vignetting);
  if (dark_light < PF_SPECIMEN_EXPOSURE_DARK_CLEAN && !(defects & PF_SPECIMEN_DEFECT_DARK))
    unsure |= PF_SPECIMEN_DEFECT_DARK;
  if (p->exposure >= PF_SPECIMEN_EXPOSURE_BRIGHT_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_BRIGHT;
  else if (p->exposure > PF_SPECIMEN_EXPOSURE_BRIGHT_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_BRIGHT;
  if (p->contrast <= PF_SPECIMEN_CONTRAST_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_FLAT;
  else if (p->contrast < PF_SPECIMEN_CONTRAST_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_FLAT;
  if (p->screen_moire)
    unsure |= PF_SPECIMEN_DEFECT_FLAT | PF_SPECIMEN_DEFECT_DARK | PF_SPECIMEN_DEFECT_BRIGHT;

  /* Angle. */
  if (self->tilt_deg >= PF_SPECIMEN_TILT_DEG_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_STEEP_ANGLE;
  else if (self->tilt_deg > PF_SPECIMEN_TILT_DEG_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_STEEP_ANGLE;

  /* Background. */
  if (self->background_contrast < PF_SPECIMEN_BG_CONTRAST_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST;
  else if (self->background_contrast < PF_SPECIMEN_BG_CONTRAST_CLEAN)
    unsure |= PF_SPECIMEN_DEFECT_LOW_BACKGROUND_CONTRAST;

  /* Obstruction. */
  if (self->occluded_fraction >= PF_SPECIMEN_OCCLUDED_DEFECT)
    defects |= PF_SPECIMEN_DEFECT_OCCLUDED;
  else if (self->occluded_fraction > 0)
    unsure |= PF_SPECIMEN_DEFECT_OCCLUDED;

  if (p->greyscale)
    defects |= PF_SPECIMEN_DEFECT_GREYSCALE;
  if (p->screen_moire)
    defects |= PF_SPECIMEN_DEFECT_SCREEN;

  if (marginal != NULL)
    *marginal = unsure & ~defects;
  return defects;
}

/**
 * pf_specimen_expect:
 * @check: a check's id, such as "photo.glare"
 *
 * What @check must report on this photo, from pf_specimen_get_defects():
 * a problem when one of its defects is there, nothing to assert when one
 * is marginal, else a pass. With no document, only photo.outline is
 * decided.
 */
PfSpecimenExpect
pf_specimen_expect (const PfSpecimen *self,
                    const char       *check)
{
  PfSpecimenDefects marginal = 0;
  PfSpecimenDefects defects;
  gboolean unsure = FALSE;

  g_return_val_if_fail (self != NULL, PF_SPECIMEN_EXPECT_UNSURE);
  g_return_val_if_fail (check != NULL, PF_SPECIMEN_EXPECT_UNSURE);

  defects = pf_specimen_get_defects (self, &marginal);
  if ((defects & PF_SPECIMEN_DEFECT_NO_DOCUMENT) && !g_str_equal (check, "photo.outline"))
    return PF_SPECIMEN_EXPECT_UNSURE;
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    {
      if (g_strcmp0 (pf_specimen_defect_get_check (1 << i), check) != 0)
        continue;
      if (defects & (1 << i))
        return PF_SPECIMEN_EXPECT_DEFECT;
      if (marginal & (1 << i))
        unsure = TRUE;
    }
  return unsure ? PF_SPECIMEN_EXPECT_UNSURE : PF_SPECIMEN_EXPECT_CLEAN;
}

static double
margin_of (const PfPoint *p,
           int            width,
           int            height)
{
  return MIN (MIN (p->x, width - p->x) / width, MIN (p->y, height - p->y) / height);
}

/**
 * pf_specimen_outline_matches:
 * @found: an outline found in the photo, in any corner order that goes
 *   round the quadrilateral
 * @max_error: the largest distance allowed between a found corner and the
 *   document's, as a share of the document's diagonal
 * @error: (out) (optional): the largest distance of a corner inside the
 *   frame, as a share of the diagonal; G_MAXDOUBLE when none agreed
 *
 * Whether @found is the document's outline. Corners well inside the
 * frame must be within @max_error; a corner at or beyond the frame's edge
 * must be found at or beyond it too (its exact place outside the frame is
 * a guess from the document's proportions). The document's own corner
 * order is not the picture's, so the four rotations are tried.
 */
gboolean
pf_specimen_outline_matches (const PfSpecimen *self,
                             const PfPoint     found[4],
                             double            max_error,
                             double           *error)
{
  int w = self->params.frame_width, h = self->params.frame_height;
  const PfPoint *c = self->corners;
  double diag = MAX (hypot (c[2].x - c[0].x, c[2].y - c[0].y),
                     hypot (c[3].x - c[1].x, c[3].y - c[1].y));
  double best = G_MAXDOUBLE;

  for (int r = 0; r < 4; r++)
    {
      double worst = 0;
      gboolean edges_agree = TRUE;

      for (int k = 0; k < 4; k++)
        {
          const PfPoint *truth = &c[(k + r) % 4];
          double d = hypot (found[k].x - truth->x, found[k].y - truth->y);

          if (margin_of (truth, w, h) < PF_SPECIMEN_EDGE_MARGIN_CLEAN)
            edges_agree &= margin_of (&found[k], w, h) < PF_SPECIMEN_EDGE_MARGIN_CLEAN
                           || d < max_error * diag;
          else
            worst = MAX (worst, d);
        }
      if (edges_agree)
        best = MIN (best, worst / diag);
    }

  if (error != NULL)
    *error = best;
  return best < max_error;
}

static const char *const layout_names[] = { "td1", "td3", "td2", "licence" };

static const char *const background_names[] = {
  "dark", "light", "wood", "cloth", "tiles", "newspaper", "hand", "keyboard", "carpet",
  "same-as-card",
};

static const struct
{
  const char *name;
  const char *check;
} defect_names[PF_SPECIMEN_N_DEFECTS] = {
  { "no-document", "photo.outline" },
  { "corner-cut", "photo.corners" },
  { "corner-near-edge", "photo.corners" },
  { "too-small", "photo.size" },
  { "text-too-small", "photo.size" },
  { "blur", "photo.blur" },
  { "motion", "photo.blur" },
  { "glare-text", "photo.glare" },
  { "glare-blank", "photo.glare" },
  { "dark", "photo.exposure" },
  { "bright", "photo.exposure" },
  { "flat", "photo.exposure" },
  { "steep-angle", "photo.angle" },
  { "low-background-contrast", "photo.background" },
  { "occluded", "photo.obstruction" },
  { "greyscale", "photo.copy" },
  { "screen", "photo.copy" },
};

static gboolean
lookup_name (const char *const  names[],
             int                n,
             const char        *text,
             int               *index)
{
  for (int i = 0; text != NULL && i < n; i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pf_specimen_layout_to_string (PfSpecimenLayout layout)
{
  return layout < PF_SPECIMEN_N_LAYOUTS ? layout_names[layout] : NULL;
}

gboolean
pf_specimen_layout_from_string (const char       *text,
                                PfSpecimenLayout *layout)
{
  int i;

  if (!lookup_name (layout_names, PF_SPECIMEN_N_LAYOUTS, text, &i))
    return FALSE;
  *layout = i;
  return TRUE;
}

const char *
pf_specimen_background_to_string (PfSpecimenBackground background)
{
  return background < PF_SPECIMEN_N_BACKGROUNDS ? background_names[background] : NULL;
}

gboolean
pf_specimen_background_from_string (const char           *text,
                                    PfSpecimenBackground *background)
{
  int i;

  if (!lookup_name (background_names, PF_SPECIMEN_N_BACKGROUNDS, text, &i))
    return FALSE;
  *background = i;
  return TRUE;
}

static int
defect_index (PfSpecimenDefects defect)
{
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    if (defect == (PfSpecimenDefects) (1 << i))
      return i;
  return -1;
}

/**
 * pf_specimen_defect_to_string:
 * @defect: a single flag
 *
 * Returns: (nullable): a short name, such as "glare-text"
 */
const char *
pf_specimen_defect_to_string (PfSpecimenDefects defect)
{
  int i = defect_index (defect);

  return i >= 0 ? defect_names[i].name : NULL;
}

/**
 * pf_specimen_defect_get_check:
 * @defect: a single flag
 *
 * Returns: (nullable): the id of the check that must report it
 */
const char *
pf_specimen_defect_get_check (PfSpecimenDefects defect)
{
  int i = defect_index (defect);

  return i >= 0 ? defect_names[i].check : NULL;
}
