/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Selfie test scenes: see selfie-scenes.h. Every fault is applied to the
 * pixels by construction, so the expected verdict is known. */

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "selfie-scenes.h"

/* A plain wall behind the person. */
#define WALL_R 124
#define WALL_G 120
#define WALL_B 112

static GdkPixbuf *astronaut;

const char *
pf_scene_astronaut_path (void)
{
  const char *path = g_getenv ("PF_ASTRONAUT_PNG");

  return path != NULL ? path : "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";
}

/* Loads the portrait once; FALSE with the reason when it is missing. */
gboolean
pf_scene_available (char **reason)
{
  g_autoptr(GError) error = NULL;

  if (astronaut != NULL)
    return TRUE;
  astronaut = gdk_pixbuf_new_from_file (pf_scene_astronaut_path (), &error);
  if (astronaut == NULL)
    {
      *reason = g_strdup_printf ("the test portrait is missing (install python3-skimage): %s",
                                 error->message);
      return FALSE;
    }
  if (gdk_pixbuf_get_width (astronaut) != 512 || gdk_pixbuf_get_height (astronaut) != 512)
    {
      *reason = g_strdup ("astronaut.png is not the 512×512 portrait these tests know");
      g_clear_object (&astronaut);
      return FALSE;
    }
  return TRUE;
}

static GdkPixbuf *
wall (int width,
      int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);

  gdk_pixbuf_fill (pixbuf, (WALL_R << 24) | (WALL_G << 16) | (WALL_B << 8) | 0xff);
  return pixbuf;
}

/* Draws the portrait scaled by @scale with its face's centre at (cx, cy). */
static void
place (GdkPixbuf *dest,
       double     scale,
       double     cx,
       double     cy)
{
  double ox = cx - (PF_SCENE_ASTRONAUT_FACE_X + PF_SCENE_ASTRONAUT_FACE_SIZE / 2) * scale;
  double oy = cy - (PF_SCENE_ASTRONAUT_FACE_Y + PF_SCENE_ASTRONAUT_FACE_SIZE / 2) * scale;
  int x0 = MAX (0, (int) ceil (ox)), y0 = MAX (0, (int) ceil (oy));
  int x1 = MIN (gdk_pixbuf_get_width (dest), (int) floor (ox + 512 * scale));
  int y1 = MIN (gdk_pixbuf_get_height (dest), (int) floor (oy + 512 * scale));

  if (x1 > x0 && y1 > y0)
    gdk_pixbuf_composite (astronaut, dest, x0, y0, x1 - x0, y1 - y0, ox, oy, scale, scale,
                          GDK_INTERP_BILINEAR, 255);
}

static PfImage *
to_image (GdkPixbuf *pixbuf)
{
  return pf_image_new_from_data (gdk_pixbuf_read_pixels (pixbuf),
                                 gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                                 gdk_pixbuf_get_rowstride (pixbuf));
}

/* The portrait in a @width × @height frame, its face box @face_size of the
 * frame's short side wide and centred at (centre_x, centre_y), fractions
 * of the frame. */
PfImage *
pf_scene_portrait (int     width,
                   int     height,
                   double  face_size,
                   double  centre_x,
                   double  centre_y,
                   PfRect *face)
{
  g_autoptr(GdkPixbuf) dest = wall (width, height);
  double side = face_size * MIN (width, height);

  place (dest, side / PF_SCENE_ASTRONAUT_FACE_SIZE, centre_x * width, centre_y * height);
  if (face != NULL)
    *face = (PfRect) { centre_x * width - side / 2, centre_y * height - side / 2, side, side };
  return to_image (dest);
}

PfImage *
pf_scene_two_faces (int    width,
                    int    height,
                    double face_size,
                    PfRect faces[2])
{
  g_autoptr(GdkPixbuf) dest = wall (width, height);
  double side = face_size * MIN (width, height);

  for (int i = 0; i < 2; i++)
    {
      double cx = width * (i == 0 ? 0.28 : 0.72);

      place (dest, side / PF_SCENE_ASTRONAUT_FACE_SIZE, cx, height * 0.45);
      faces[i] = (PfRect) { cx - side / 2, height * 0.45 - side / 2, side, side };
    }
  return to_image (dest);
}

/* The lower part of the portrait: suit, badges, flag and helmet. */
PfImage *
pf_scene_no_face (int width,
                  int height)
{
  g_autoptr(GdkPixbuf) dest = wall (width, height);
  double scale = (double) width / 512;

  gdk_pixbuf_composite (astronaut, dest, 0, 0, width, height, 0, -300 * scale, scale, scale,
                        GDK_INTERP_BILINEAR, 255);
  return to_image (dest);
}

/* An identity card held up to the camera: a pale card with lines of text
 * and a blank photo box, drawn with cairo. */
PfImage *
pf_scene_document (int width,
                   int height)
{
  g_autoptr(GdkPixbuf) dest = wall (width, height);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double cw = width * 0.7, ch = cw / 1.585, x = (width - cw) / 2, y = (height - ch) / 2;
  guint8 *pixels = gdk_pixbuf_get_pixels (dest);
  int stride = gdk_pixbuf_get_rowstride (dest);
  int sstride;
  const guint8 *spixels;

  cairo_set_source_rgb (cr, WALL_R / 255.0, WALL_G / 255.0, WALL_B / 255.0);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.93, 0.91, 0.85);
  cairo_rectangle (cr, x, y, cw, ch);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.75, 0.78, 0.8);
  cairo_rectangle (cr, x + cw * 0.05, y + ch * 0.2, cw * 0.28, ch * 0.6);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.15);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, ch * 0.07);
  for (int i = 0; i < 6; i++)
    {
      static const char * const lines[] = {
        "IDENTITY CARD", "SURNAME  SPECIMEN", "GIVEN NAMES  SAMPLE",
        "DATE OF BIRTH  01 01 1990", "NATIONALITY  UTOPIA", "EXPIRY  31 12 2030",
      };

      cairo_move_to (cr, x + cw * 0.38, y + ch * (0.18 + 0.13 * i));
      cairo_show_text (cr, lines[i]);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  spixels = cairo_image_surface_get_data (surface);
  sstride = cairo_image_surface_get_stride (surface);
  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++)
      {
        guint32 v = *(const guint32 *) (gconstpointer) (spixels + (gsize) py * sstride + px * 4);
        guint8 *d = pixels + (gsize) py * stride + px * 4;

        d[0] = (v >> 16) & 0xff;
        d[1] = (v >> 8) & 0xff;
        d[2] = v & 0xff;
      }
  cairo_surface_destroy (surface);
  return to_image (dest);
}

/* The image scaled to @width pixels wide (for benchmarks). */
PfImage *
pf_scene_resize (PfImage *image,
                 int      width)
{
  int height = MAX (1, pf_image_get_height (image) * width / pf_image_get_width (image));
  g_autoptr(GdkPixbuf) source = gdk_pixbuf_new_from_data (pf_image_get_data (image),
                                                          GDK_COLORSPACE_RGB, TRUE, 8,
                                                          pf_image_get_width (image),
                                                          pf_image_get_height (image),
                                                          pf_image_get_stride (image), NULL, NULL);
  g_autoptr(GdkPixbuf) scaled = gdk_pixbuf_scale_simple (source, width, height,
                                                         GDK_INTERP_BILINEAR);

  return to_image (scaled);
}

static inline guint8
clamp_level (double v)
{
  return (guint8) CLAMP (v + 0.5, 0, 255);
}

/* Multiplies each pixel's colour by gain(x, y). */
static void
apply_gain (PfImage  *image,
            double  (*gain) (int x, int y, gconstpointer data),
            gconstpointer data)
{
  guint8 *pixels = pf_image_get_data_mutable (image);
  gsize stride = pf_image_get_stride (image);

  for (int y = 0; y < pf_image_get_height (image); y++)
    for (int x = 0; x < pf_image_get_width (image); x++)
      {
        guint8 *p = pixels + y * stride + x * 4;
        double g = gain (x, y, data);

        for (int c = 0; c < 3; c++)
          p[c] = clamp_level (p[c] * g);
      }
}

static double
uniform_gain (int           x,
              int           y,
              gconstpointer data)
{
  return *(const double *) data;
}

/* A dimmer room (or a brighter one, gain > 1). */
void
pf_scene_gain (PfImage *image,
               double   gain)
{
  apply_gain (image, uniform_gain, &gain);
}

/* Whether (x, y) is in the person: the head around the face box and the
 * body below it (as a camera exposing for a window leaves them). */
static gboolean
in_person (const PfRect *face,
           int           x,
           int           y)
{
  double cx = face->x + face->width / 2;
  double head_w = face->width * 0.95, head_top = face->y - face->height * 0.55;
  double neck = face->y + face->height * 1.25;

  if (y < head_top)
    return FALSE;
  if (y < neck)
    return fabs (x - cx) < head_w;
  return fabs (x - cx) < face->width * (1.2 + (y - neck) / face->height);
}

/* A bright window behind the person: everything outside the person goes
 * to @backdrop, and the person darkens by @face_gain, as a camera
 * exposing for the window would make them. */
void
pf_scene_backlight (PfImage      *image,
                    const PfRect *face,
                    int           backdrop,
                    double        face_gain)
{
  guint8 *pixels = pf_image_get_data_mutable (image);
  gsize stride = pf_image_get_stride (image);

  for (int y = 0; y < pf_image_get_height (image); y++)
    for (int x = 0; x < pf_image_get_width (image); x++)
      {
        guint8 *p = pixels + y * stride + x * 4;
        gboolean person = in_person (face, x, y);

        for (int c = 0; c < 3; c++)
          p[c] = person ? clamp_level (p[c] * face_gain)
                        : clamp_level (backdrop + (p[c] - 128) * 0.08);
      }
}

typedef struct
{
  double x0;
  double x1;
  double dark_gain;
} Ramp;

static double
ramp_gain (int           x,
           int           y,
           gconstpointer data)
{
  const Ramp *r = data;
  double t = CLAMP ((x - r->x0) / (r->x1 - r->x0), 0, 1);

  return 1.0 + (r->dark_gain - 1.0) * t;
}

/* Light from the left: full on the face's left edge, falling to
 * @dark_gain at its right edge, and beyond. */
void
pf_scene_side_light (PfImage      *image,
                     const PfRect *face,
                     double        dark_gain)
{
  Ramp ramp = { face->x + face->width * 0.15, face->x + face->width * 0.85, dark_gain };

  apply_gain (image, ramp_gain, &ramp);
}

static double
face_gain (int           x,
           int           y,
           gconstpointer data)
{
  const double *d = data;

  return in_person ((const PfRect *) d, x, y) ? d[4] : 1.0;
}

/* A strong lamp straight at the person. */
void
pf_scene_overexpose (PfImage      *image,
                     const PfRect *face,
                     double        gain)
{
  double data[5] = { face->x, face->y, face->width, face->height, gain };

  apply_gain (image, face_gain, data);
}

/* One pass of a 1-D kernel along rows (dx = 1) or columns (dx = 0). */
static void
convolve (PfImage      *image,
          const double *kernel,
          int           radius,
          gboolean      rows)
{
  int w = pf_image_get_width (image), h = pf_image_get_height (image);
  gsize stride = pf_image_get_stride (image);
  guint8 *pixels = pf_image_get_data_mutable (image);
  int n = rows ? w : h, lines = rows ? h : w;
  g_autofree double *line = g_new (double, (gsize) n * 3);

  for (int l = 0; l < lines; l++)
    {
      for (int i = 0; i < n; i++)
        for (int c = 0; c < 3; c++)
          {
            double acc = 0;

            for (int k = -radius; k <= radius; k++)
              {
                int j = CLAMP (i + k, 0, n - 1);
                const guint8 *p = rows ? pixels + l * stride + j * 4 : pixels + j * stride + l * 4;

                acc += kernel[k + radius] * p[c];
              }
            line[i * 3 + c] = acc;
          }
      for (int i = 0; i < n; i++)
        for (int c = 0; c < 3; c++)
          {
            guint8 *p = rows ? pixels + l * stride + i * 4 : pixels + i * stride + l * 4;

            p[c] = clamp_level (line[i * 3 + c]);
          }
    }
}

void
pf_scene_gaussian (PfImage *image,
                   double   sigma)
{
  int radius = (int) ceil (3 * sigma);
  g_autofree double *kernel = g_new (double, 2 * radius + 1);
  double total = 0;

  for (int k = -radius; k <= radius; k++)
    total += kernel[k + radius] = exp (-k * k / (2 * sigma * sigma));
  for (int k = 0; k <= 2 * radius; k++)
    kernel[k] /= total;
  convolve (image, kernel, radius, TRUE);
  convolve (image, kernel, radius, FALSE);
}

/* Sensor noise: gaussian, the same on all three channels. */
void
pf_scene_noise (PfImage *image,
                double   sigma,
                guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *pixels = pf_image_get_data_mutable (image);
  gsize stride = pf_image_get_stride (image);

  for (int y = 0; y < pf_image_get_height (image); y++)
    for (int x = 0; x < pf_image_get_width (image); x++)
      {
        guint8 *p = pixels + y * stride + x * 4;
        /* Box–Muller */
        double u = g_rand_double_range (rand, 1e-9, 1), v = g_rand_double (rand);
        double n = sigma * sqrt (-2 * log (u)) * cos (2 * G_PI * v);

        for (int c = 0; c < 3; c++)
          p[c] = clamp_level (p[c] + n);
      }
}

/* A sideways movement during the exposure: a box blur along rows. */
void
pf_scene_motion (PfImage *image,
                 int      length)
{
  int radius = length / 2;
  g_autofree double *kernel = g_new (double, 2 * radius + 1);

  for (int k = 0; k <= 2 * radius; k++)
    kernel[k] = 1.0 / (2 * radius + 1);
  convolve (image, kernel, radius, TRUE);
}
