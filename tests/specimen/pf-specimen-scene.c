/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the document lies on, and what gets in its way: desks, cloths,
 * tiles, newspaper, a keyboard, a carpet, a hand holding the card, a
 * surface of the card's own colour; and a thumb over the document's edge.
 * Drawn procedurally at frame resolution and varied by the seed. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "pf-specimen-private.h"

static const double skin_tones[][3] = {
  { 0.93, 0.75, 0.63 }, { 0.84, 0.62, 0.48 }, { 0.66, 0.45, 0.32 },
  { 0.45, 0.30, 0.21 }, { 0.89, 0.70, 0.58 },
};

/* Smooth value noise: a lattice of random values, interpolated. */
static double
lattice (guint32 seed,
         int     x,
         int     y)
{
  guint32 h = seed ^ ((guint32) x * 374761393u) ^ ((guint32) y * 668265263u);

  h = (h ^ (h >> 13)) * 1274126177u;
  h ^= h >> 16;
  return (h & 0xffff) / 65535.0;
}

static double
value_noise (guint32 seed,
             double  x,
             double  y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  double fx = x - ix, fy = y - iy;
  double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  double a = lattice (seed, ix, iy), b = lattice (seed, ix + 1, iy);
  double c = lattice (seed, ix, iy + 1), d = lattice (seed, ix + 1, iy + 1);

  return (a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy;
}

static double
fbm (guint32 seed,
     double  x,
     double  y,
     int     octaves)
{
  double sum = 0, amp = 0.5, norm = 0;

  for (int i = 0; i < octaves; i++)
    {
      sum += amp * value_noise (seed + i * 7919, x, y);
      norm += amp;
      x *= 2.03;
      y *= 2.03;
      amp *= 0.5;
    }
  return sum / norm;
}

/* Per-pixel textures, written straight into the frame. */
typedef enum
{
  TEXTURE_PLAIN,
  TEXTURE_WOOD,
  TEXTURE_CARPET,
} Texture;

/* The slowly varying part of a texture is computed on a coarse grid and
 * interpolated; only the fine grain is computed per pixel. */
#define COARSE_STEP 8

static void
paint_texture (guint8       *rgba,
               int           width,
               int           height,
               int           stride,
               Texture       texture,
               const double  base[3],
               const double  alt[3],
               SpecimenRng  *rng)
{
  guint32 seed = specimen_rng_next (rng);
  double scale = MAX (width, height);
  double angle = specimen_rng_range (rng, -0.4, 0.4) + (specimen_rng_double (rng) < 0.5 ? 0 : G_PI / 2);
  double ca = cos (angle), sa = sin (angle);
  double period = specimen_rng_range (rng, 0.012, 0.03) * scale;
  double plank = specimen_rng_range (rng, 0.12, 0.3) * scale;
  double grain = specimen_rng_range (rng, 1.5, 3.0);
  double large = specimen_rng_range (rng, 2.0, 4.0);
  double fine = specimen_rng_range (rng, 0.03, 0.08);
  int gw = width / COARSE_STEP + 2, gh = height / COARSE_STEP + 2;
  float *coarse = g_new (float, (gsize) gw * gh);
  float lut_base[3], lut_alt[3];

  /* The coarse field: the mix between the two colours (for wood, the
   * bend of the grain). */
  for (int gy = 0; gy < gh; gy++)
    for (int gx = 0; gx < gw; gx++)
      {
        double x = gx * COARSE_STEP, y = gy * COARSE_STEP;
        double u = x * ca + y * sa, v = -x * sa + y * ca;
        double value;

        if (texture == TEXTURE_WOOD)
          value = fbm (seed, u / scale * 3, v / scale * 8, 3) * grain * 4;
        else if (texture == TEXTURE_CARPET)
          value = fbm (seed, u / scale * large * 3, v / scale * large * 3, 4);
        else
          value = fbm (seed, u / scale * large, v / scale * large, 3);
        coarse[(gsize) gy * gw + gx] = (float) value;
      }

  for (int c = 0; c < 3; c++)
    {
      lut_base[c] = (float) (base[c] * 255);
      lut_alt[c] = (float) (alt[c] * 255);
    }

  for (int y = 0; y < height; y++)
    {
      guint8 *row = rgba + (gsize) y * stride;
      int gy = y / COARSE_STEP;
      float fy = (float) (y - gy * COARSE_STEP) / COARSE_STEP;
      const float *c0 = coarse + (gsize) gy * gw;
      const float *c1 = c0 + gw;

      for (int x = 0; x < width; x++)
        {
          int gx = x / COARSE_STEP;
          float fx = (float) (x - gx * COARSE_STEP) / COARSE_STEP;
          float field = (c0[gx] * (1 - fx) + c0[gx + 1] * fx) * (1 - fy)
                        + (c1[gx] * (1 - fx) + c1[gx + 1] * fx) * fy;
          float grain_noise = (float) lattice (seed + 11, x, y) - 0.5f;
          float mix, t;

          switch (texture)
            {
            case TEXTURE_WOOD:
              {
                /* Grain lines bent by the coarse field, planks with seams,
                 * and streaks along the grain. */
                double u = x * ca + y * sa, v = -x * sa + y * ca;
                int board = (int) floor (v / plank);
                double ring = sin ((v / period + field + board * 1.7) * G_PI);
                double streak = lattice (seed + 3 + board, (int) (u / 3), (int) (v / 1.5));
                gboolean seam = fabs (v - (board + 0.5) * plank) > plank * 0.5 - 1.5;

                mix = (float) (0.5 + 0.35 * ring * ring * ring + 0.12 * (streak - 0.5));
                t = (seam ? 0.55f : 1.0f) * (1.0f + 0.04f * grain_noise);
                break;
              }
            case TEXTURE_CARPET:
              mix = field;
              t = 0.78f + 0.4f * grain_noise;
              break;
            case TEXTURE_PLAIN:
            default:
              mix = field;
              t = 1.0f + (float) fine * grain_noise;
              break;
            }

          for (int c = 0; c < 3; c++)
            {
              float v = (lut_base[c] * (1 - mix) + lut_alt[c] * mix) * t;
              row[4 * x + c] = (guint8) CLAMP (v + 0.5f, 0, 255);
            }
          row[4 * x + 3] = 255;
        }
    }
  g_free (coarse);
}

/* Cairo draws into its own surface; this copies it into the RGBA frame. */
static void
surface_to_rgba (cairo_surface_t *surface,
                 guint8          *rgba,
                 int              width,
                 int              height,
                 int              stride)
{
  const guint8 *src;
  int src_stride;

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  src_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *s = (const guint32 *) (gconstpointer) (src + (gsize) y * src_stride);
      guint8 *d = rgba + (gsize) y * stride;

      for (int x = 0; x < width; x++)
        {
          d[4 * x + 0] = (s[x] >> 16) & 0xff;
          d[4 * x + 1] = (s[x] >> 8) & 0xff;
          d[4 * x + 2] = s[x] & 0xff;
          d[4 * x + 3] = 255;
        }
    }
}

static void
rgba_to_surface (const guint8    *rgba,
                 int              width,
                 int              height,
                 int              stride,
                 cairo_surface_t *surface)
{
  guint8 *dst = cairo_image_surface_get_data (surface);
  int dst_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guint8 *s = rgba + (gsize) y * stride;
      guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++)
        d[x] = 0xff000000u | ((guint32) s[4 * x] << 16) | ((guint32) s[4 * x + 1] << 8) | s[4 * x + 2];
    }
  cairo_surface_mark_dirty (surface);
}

static void
random_colour (SpecimenRng *rng,
               double       v_lo,
               double       v_hi,
               double       s_hi,
               double       rgb[3])
{
  double v = specimen_rng_range (rng, v_lo, v_hi);
  double s = specimen_rng_range (rng, 0, s_hi);
  double h = specimen_rng_double (rng) * 2 * G_PI;

  rgb[0] = v * (1 - s * 0.5 * (1 + cos (h)));
  rgb[1] = v * (1 - s * 0.5 * (1 + cos (h - 2.09)));
  rgb[2] = v * (1 - s * 0.5 * (1 + cos (h + 2.09)));
}

static void
draw_tiles (cairo_t     *cr,
            int          width,
            int          height,
            SpecimenRng *rng)
{
  double size = specimen_rng_range (rng, 0.06, 0.18) * MAX (width, height);
  double angle = specimen_rng_range (rng, -0.5, 0.5);
  double a[3], b[3], grout[3];
  gboolean checker = specimen_rng_double (rng) < 0.5;
  double extent = sqrt ((double) width * width + (double) height * height);

  random_colour (rng, 0.55, 0.95, 0.3, a);
  if (checker)
    random_colour (rng, 0.05, 0.35, 0.3, b);
  else
    memcpy (b, a, sizeof b);
  random_colour (rng, 0.4, 0.8, 0.1, grout);

  cairo_save (cr);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, angle);
  cairo_set_source_rgb (cr, grout[0], grout[1], grout[2]);
  cairo_paint (cr);
  for (int j = (int) (-extent / size) - 1; j <= (int) (extent / size) + 1; j++)
    for (int i = (int) (-extent / size) - 1; i <= (int) (extent / size) + 1; i++)
      {
        const double *c = ((i + j) & 1) ? a : b;
        double jitter = specimen_rng_range (rng, -0.04, 0.04);

        cairo_set_source_rgb (cr, c[0] + jitter, c[1] + jitter, c[2] + jitter);
        cairo_rectangle (cr, i * size + size * 0.03, j * size + size * 0.03, size * 0.94, size * 0.94);
        cairo_fill (cr);
      }
  cairo_restore (cr);
}

static void
draw_cloth (cairo_t     *cr,
            int          width,
            int          height,
            SpecimenRng *rng)
{
  double stripe = specimen_rng_range (rng, 0.015, 0.06) * MAX (width, height);
  double angle = specimen_rng_range (rng, -0.6, 0.6);
  double a[3], b[3];
  double extent = sqrt ((double) width * width + (double) height * height);

  random_colour (rng, 0.6, 0.95, 0.15, a);
  random_colour (rng, 0.2, 0.7, 0.8, b);

  cairo_save (cr);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, angle);
  cairo_set_source_rgb (cr, a[0], a[1], a[2]);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, b[0], b[1], b[2], 0.55);
  for (double t = -extent; t < extent; t += 2 * stripe)
    {
      cairo_rectangle (cr, t, -extent, stripe, 2 * extent);
      cairo_rectangle (cr, -extent, t, 2 * extent, stripe);
    }
  cairo_fill (cr);
  cairo_restore (cr);

  /* The weave: fine diagonal threads, straight into the pixels (stroking
   * thousands of lines would cost more than the whole rest). */
  {
    cairo_surface_t *surface = cairo_get_target (cr);
    guint8 *data;
    int stride;
    double ca = cos (angle + G_PI / 4) / 3, sa = sin (angle + G_PI / 4) / 3;

    cairo_surface_flush (surface);
    data = cairo_image_surface_get_data (surface);
    stride = cairo_image_surface_get_stride (surface);
    for (int y = 0; y < height; y++)
      {
        guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);

        for (int x = 0; x < width; x++)
          {
            double u = x * ca + y * sa;
            double f = u - floor (u);
            guint32 p = row[x];
            guint32 k = f < 0.3 ? 235 : 256;

            row[x] = (p & 0xff000000u) | ((((p >> 16) & 0xff) * k >> 8) << 16)
                     | ((((p >> 8) & 0xff) * k >> 8) << 8) | ((p & 0xff) * k >> 8);
          }
      }
    cairo_surface_mark_dirty (surface);
  }
}

static const char *const filler_words[] = {
  "the", "council", "market", "weather", "report", "said", "new", "plans", "for", "city",
  "river", "bridge", "will", "open", "next", "week", "after", "years", "of", "work",
  "residents", "and", "local", "shops", "welcome", "a", "quieter", "road", "through", "centre",
};

static void
draw_newspaper (cairo_t     *cr,
                int          width,
                int          height,
                SpecimenRng *rng)
{
  double unit = MAX (width, height) / 100.0;
  double angle = specimen_rng_range (rng, -0.4, 0.4);
  double extent = sqrt ((double) width * width + (double) height * height);
  double column = unit * specimen_rng_range (rng, 16, 24);
  double paper = specimen_rng_range (rng, 0.78, 0.92);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) body = pango_font_description_from_string ("DejaVu Serif");
  g_autoptr (PangoFontDescription) head = pango_font_description_from_string ("DejaVu Sans Bold");
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 260; i++)
    {
      g_string_append (text, filler_words[specimen_rng_int (rng, G_N_ELEMENTS (filler_words))]);
      g_string_append_c (text, i % 17 == 16 ? '.' : ' ');
    }

  cairo_set_source_rgb (cr, paper, paper * 0.99, paper * 0.95);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, angle);
  cairo_translate (cr, -extent / 2, -extent / 2);
  pango_font_description_set_absolute_size (body, unit * specimen_rng_range (rng, 1.1, 1.8) * PANGO_SCALE);
  pango_font_description_set_absolute_size (head, unit * 4 * PANGO_SCALE);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.13);

  pango_layout_set_font_description (layout, head);
  pango_layout_set_text (layout, "CITY BRIDGE TO OPEN NEXT WEEK", -1);
  cairo_move_to (cr, extent * 0.15, extent * 0.2);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_font_description (layout, body);
  pango_layout_set_width (layout, (int) ((column - unit) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, text->str, -1);
  for (double x = extent * 0.1; x < extent * 0.9; x += column)
    {
      cairo_move_to (cr, x, extent * 0.2 + unit * 6);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
  g_object_unref (layout);
  g_string_free (text, TRUE);
}

static void
draw_keyboard (cairo_t     *cr,
               int          width,
               int          height,
               SpecimenRng *rng)
{
  double key = specimen_rng_range (rng, 0.05, 0.09) * MAX (width, height);
  double angle = specimen_rng_range (rng, -0.3, 0.3);
  double extent = sqrt ((double) width * width + (double) height * height);
  double body = specimen_rng_range (rng, 0.08, 0.3);
  double cap = body + specimen_rng_range (rng, -0.05, 0.12);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("DejaVu Sans");

  pango_font_description_set_absolute_size (font, key * 0.28 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  cairo_set_source_rgb (cr, body, body, body * 1.02);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, angle);
  for (int j = (int) (-extent / key); j <= (int) (extent / key); j++)
    for (int i = (int) (-extent / key); i <= (int) (extent / key); i++)
      {
        double x = i * key + (j & 3) * key * 0.25, y = j * key;
        char letter[2] = { 'A' + specimen_rng_int (rng, 26), 0 };

        cairo_set_source_rgb (cr, cap, cap, cap * 1.03);
        cairo_rectangle (cr, x + key * 0.06, y + key * 0.06, key * 0.88, key * 0.88);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, cap * 1.25 + 0.05, cap * 1.25 + 0.05, cap * 1.25 + 0.05);
        cairo_rectangle (cr, x + key * 0.12, y + key * 0.1, key * 0.76, key * 0.7);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
        pango_layout_set_text (layout, letter, -1);
        cairo_move_to (cr, x + key * 0.2, y + key * 0.15);
        pango_cairo_show_layout (cr, layout);
      }
  cairo_restore (cr);
  g_object_unref (layout);
}

/* One skin tone per seed, shared by the hand and the thumb. */
static const double *
skin_for_seed (guint32 seed)
{
  SpecimenRng rng;

  specimen_rng_init (&rng, seed, 31);
  return skin_tones[specimen_rng_int (&rng, G_N_ELEMENTS (skin_tones))];
}

/* A capsule from (0, 0) along +x: @w0 wide at the start, @w1 at the end. */
static void
capsule_path (cairo_t *cr,
              double   length,
              double   w0,
              double   w1)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, length, 0, w1 / 2, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, 0, 0, w0 / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
fill_skin (cairo_t      *cr,
           const double *skin,
           double        across)
{
  /* Rounded shading across a finger or palm: lit in the middle. */
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, -across / 2, 0, across / 2);

  cairo_pattern_add_color_stop_rgb (pattern, 0, skin[0] * 0.68, skin[1] * 0.64, skin[2] * 0.62);
  cairo_pattern_add_color_stop_rgb (pattern, 0.4, MIN (1, skin[0] * 1.04), MIN (1, skin[1] * 1.02),
                                    MIN (1, skin[2] * 1.02));
  cairo_pattern_add_color_stop_rgb (pattern, 1, skin[0] * 0.6, skin[1] * 0.56, skin[2] * 0.55);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

/* The card held up in a hand: an out-of-focus room behind; the palm and
 * wrist below the card, running out of the frame, and the fingers behind
 * the card, their tips showing past its top edge when the card is short.
 * Sizes are a real hand's, in the document's millimetres. The thumb over
 * the card is the occluder's business, not the background's. */
static void
draw_hand (cairo_t       *cr,
           int            width,
           int            height,
           const PfPoint  corners[4],
           double         width_mm,
           double         height_mm,
           guint32        seed,
           SpecimenRng   *rng)
{
  const double *skin = skin_for_seed (seed);
  double doc_w = hypot (corners[1].x - corners[0].x, corners[1].y - corners[0].y);
  double mm = doc_w / width_mm;
  double ux = (corners[1].x - corners[0].x) / MAX (doc_w, 1e-6);
  double uy = (corners[1].y - corners[0].y) / MAX (doc_w, 1e-6);
  double along = specimen_rng_range (rng, 0.3, 0.7);
  double bx = corners[3].x + (corners[2].x - corners[3].x) * along;
  double by = corners[3].y + (corners[2].y - corners[3].y) * along;
  double lean = specimen_rng_range (rng, -0.25, 0.25);
  cairo_pattern_t *pattern;

  /* A blurred room: soft blocks of wall, window and furniture colours. */
  for (int i = 0; i < 7; i++)
    {
      double c[3];
      double w = specimen_rng_range (rng, 0.2, 0.8) * width;
      double h = specimen_rng_range (rng, 0.2, 0.8) * height;
      double x = specimen_rng_range (rng, -0.2, 1.0) * width;
      double y = specimen_rng_range (rng, -0.2, 1.0) * height;

      random_colour (rng, i == 0 ? 0.3 : 0.15, 0.85, 0.3, c);
      if (i == 0)
        {
          cairo_set_source_rgb (cr, c[0], c[1], c[2]);
          cairo_paint (cr);
          continue;
        }
      pattern = cairo_pattern_create_radial (x + w / 2, y + h / 2, 0, x + w / 2, y + h / 2, MAX (w, h) * 0.7);
      cairo_pattern_add_color_stop_rgba (pattern, 0, c[0], c[1], c[2], 0.9);
      cairo_pattern_add_color_stop_rgba (pattern, 0.6, c[0], c[1], c[2], 0.6);
      cairo_pattern_add_color_stop_rgba (pattern, 1, c[0], c[1], c[2], 0);
      cairo_set_source (cr, pattern);
      cairo_paint (cr);
      cairo_pattern_destroy (pattern);
    }

  /* In the hand's frame, in millimetres: x up the card (towards its top
   * edge) from a point of its bottom edge, y along the card's width. */
  cairo_save (cr);
  cairo_translate (cr, bx, by);
  cairo_rotate (cr, atan2 (uy, ux) - G_PI / 2 + lean);
  cairo_scale (cr, mm, mm);

  /* Fingers, fanned, behind the card, pointing up. */
  for (int i = 0; i < 4; i++)
    {
      double len = (i == 0 || i == 3 ? 62 : 74) + specimen_rng_range (rng, -4, 4);

      cairo_save (cr);
      cairo_translate (cr, -12, -27 + 18 * i);
      cairo_rotate (cr, (i - 1.5) * 0.07);
      capsule_path (cr, len, 19, 16);
      fill_skin (cr, skin, 19);
      cairo_restore (cr);
    }
  /* The palm below the card's edge, and the wrist, down and out of the
   * frame. */
  cairo_rectangle (cr, -600, -30, 565, 60);
  fill_skin (cr, skin, 60);
  cairo_save (cr);
  cairo_translate (cr, -35, 0);
  cairo_scale (cr, 45, 42);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  fill_skin (cr, skin, 84);
  cairo_restore (cr);
  (void) height_mm;
}

/* The soft shadow a card lying on a surface casts on it. */
static void
draw_drop_shadow (cairo_t       *cr,
                  const PfPoint  corners[4],
                  double         dx,
                  double         dy,
                  double         spread)
{
  cairo_save (cr);
  cairo_new_path (cr);
  for (int i = 0; i < 4; i++)
    cairo_line_to (cr, corners[i].x + dx, corners[i].y + dy);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int i = 6; i >= 1; i--)
    {
      cairo_set_line_width (cr, spread * i / 3.0);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
      cairo_stroke_preserve (cr);
    }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Maps document millimetres through @h into a path point; FALSE when
 * the point is behind the camera. */
static gboolean
line_to_mm (cairo_t                  *cr,
            const SpecimenHomography *h,
            double                    x,
            double                    y)
{
  const double *m = h->m;

  if (m[6] * x + m[7] * y + m[8] <= 0)
    return FALSE;
  {
    PfPoint p = specimen_homography_apply (h, x, y);

    cairo_line_to (cr, p.x, p.y);
  }
  return TRUE;
}

/* A rounded rectangle of the document's plane, seen in the frame. */
static gboolean
plane_rounded_rect (cairo_t                  *cr,
                    const SpecimenHomography *h,
                    double                    x0,
                    double                    y0,
                    double                    x1,
                    double                    y1,
                    double                    r)
{
  double cx[4] = { x1 - r, x1 - r, x0 + r, x0 + r };
  double cy[4] = { y0 + r, y1 - r, y1 - r, y0 + r };
  gboolean ok = TRUE;

  cairo_new_sub_path (cr);
  for (int corner = 0; corner < 4; corner++)
    for (int i = 0; i <= 6; i++)
      {
        double t = (corner - 1) * G_PI / 2 + i * G_PI / 12;

        ok &= line_to_mm (cr, h, cx[corner] + r * cos (t), cy[corner] + r * sin (t));
      }
  cairo_close_path (cr);
  return ok;
}

/* The open passport around its data page: the cover's edge showing round
 * the page, and the facing page above the fold (a visa page with faint
 * lines). Returns the booklet's outline corners; FALSE (and nothing
 * drawn) when the booklet would reach behind the camera. */
static gboolean
draw_booklet (cairo_t                *cr,
              const PfSpecimenParams *params,
              const PfPoint           corners[4],
              SpecimenRng            *rng,
              PfPoint                 outline[4])
{
  static const double covers[][3] = {
    { 0.36, 0.07, 0.1 }, { 0.07, 0.12, 0.3 }, { 0.06, 0.24, 0.14 }, { 0.09, 0.08, 0.08 },
  };
  SpecimenRng own;
  const double *cover;
  SpecimenHomography h;
  double w, hgt;
  PfPoint src[4];
  double paper;

  pf_specimen_layout_get_size_mm (params->layout, &w, &hgt);
  src[0] = (PfPoint) { 0, 0 };
  src[1] = (PfPoint) { w, 0 };
  src[2] = (PfPoint) { w, hgt };
  src[3] = (PfPoint) { 0, hgt };
  if (!specimen_homography_from_quads (&h, src, corners))
    return FALSE;

  /* Its own stream, so that drawing it twice draws the same. */
  specimen_rng_init (&own, params->seed, 33);
  cover = covers[specimen_rng_int (&own, G_N_ELEMENTS (covers))];
  paper = specimen_rng_range (&own, 0.86, 0.95);
  (void) rng;

  cairo_save (cr);
  cairo_new_path (cr);
  if (!plane_rounded_rect (cr, &h, -3, -hgt - 7, w + 3, hgt + 3, 5))
    {
      cairo_new_path (cr);
      cairo_restore (cr);
      return FALSE;
    }
  cairo_set_source_rgb (cr, cover[0], cover[1], cover[2]);
  cairo_fill (cr);

  plane_rounded_rect (cr, &h, -0.6, -hgt - 4.5, w + 0.6, -0.4, 2.5);
  cairo_set_source_rgb (cr, paper, paper * 0.98, paper * 0.9);
  cairo_fill (cr);
  /* Faint wavy lines of the visa page. */
  cairo_set_line_width (cr, MAX (0.5, hypot (corners[1].x - corners[0].x,
                                             corners[1].y - corners[0].y) / w * 0.12));
  cairo_set_source_rgba (cr, cover[0], cover[1], cover[2], 0.18);
  for (double y = -hgt - 2; y < -2; y += 3.2)
    {
      cairo_new_sub_path (cr);
      for (double x = 2; x <= w - 2; x += w / 40)
        line_to_mm (cr, &h, x, y + 0.8 * sin (x / 7 + y));
    }
  cairo_stroke (cr);
  /* The fold: a soft dark line between the pages. */
  cairo_new_path (cr);
  line_to_mm (cr, &h, -0.6, -0.4);
  line_to_mm (cr, &h, w + 0.6, -0.4);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_stroke (cr);
  cairo_restore (cr);

  outline[0] = specimen_homography_apply (&h, -3, -hgt - 7);
  outline[1] = specimen_homography_apply (&h, w + 3, -hgt - 7);
  outline[2] = specimen_homography_apply (&h, w + 3, hgt + 3);
  outline[3] = specimen_homography_apply (&h, -3, hgt + 3);
  return TRUE;
}

void
specimen_background_draw (const PfSpecimenParams *params,
                          const PfPoint           corners[4],
                          const SpecimenPalette  *palette,
                          guint8                 *rgba,
                          int                     width,
                          int                     height,
                          int                     stride)
{
  SpecimenRng rng;
  cairo_surface_t *surface;
  cairo_t *cr;
  double base[3], alt[3];
  double doc_w = hypot (corners[1].x - corners[0].x, corners[1].y - corners[0].y);

  specimen_rng_init (&rng, params->seed, 10 + params->background);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);

  switch (params->scanner ? PF_SPECIMEN_N_BACKGROUNDS : params->background)
    {
    case PF_SPECIMEN_N_BACKGROUNDS:
      /* The scanner's lid: white, a faint grain, evenly lit. */
      random_colour (&rng, 0.93, 0.99, 0.03, base);
      random_colour (&rng, 0.9, 0.97, 0.03, alt);
      paint_texture (rgba, width, height, stride, TEXTURE_PLAIN, base, alt, &rng);
      rgba_to_surface (rgba, width, height, stride, surface);
      break;

    case PF_SPECIMEN_BG_LIGHT_PLAIN:
      random_colour (&rng, 0.72, 0.95, 0.12, base);
      random_colour (&rng, 0.65, 0.9, 0.12, alt);
      paint_texture (rgba, width, height, stride, TEXTURE_PLAIN, base, alt, &rng);
      rgba_to_surface (rgba, width, height, stride, surface);
      break;

    case PF_SPECIMEN_BG_WOOD:
      {
        double tone = specimen_rng_range (&rng, 0.25, 0.75);

        base[0] = tone * 0.95; base[1] = tone * 0.62; base[2] = tone * 0.36;
        alt[0] = tone * 0.6; alt[1] = tone * 0.36; alt[2] = tone * 0.2;
        paint_texture (rgba, width, height, stride, TEXTURE_WOOD, base, alt, &rng);
        rgba_to_surface (rgba, width, height, stride, surface);
        break;
      }

    case PF_SPECIMEN_BG_CARPET:
      random_colour (&rng, 0.15, 0.7, 0.6, base);
      random_colour (&rng, 0.1, 0.6, 0.6, alt);
      paint_texture (rgba, width, height, stride, TEXTURE_CARPET, base, alt, &rng);
      rgba_to_surface (rgba, width, height, stride, surface);
      break;

    case PF_SPECIMEN_BG_SAME_AS_CARD:
      /* A surface of nearly the card's own ground colour: the hardest case
       * for finding the outline, and the one photo.background reports. */
      for (int c = 0; c < 3; c++)
        {
          base[c] = palette->base[c] * specimen_rng_range (&rng, 0.98, 1.02);
          alt[c] = palette->base[c] * specimen_rng_range (&rng, 0.96, 1.0);
        }
      paint_texture (rgba, width, height, stride, TEXTURE_PLAIN, base, alt, &rng);
      rgba_to_surface (rgba, width, height, stride, surface);
      break;

    case PF_SPECIMEN_BG_TILES:
      draw_tiles (cr, width, height, &rng);
      break;

    case PF_SPECIMEN_BG_CLOTH:
      draw_cloth (cr, width, height, &rng);
      break;

    case PF_SPECIMEN_BG_NEWSPAPER:
      draw_newspaper (cr, width, height, &rng);
      break;

    case PF_SPECIMEN_BG_KEYBOARD:
      draw_keyboard (cr, width, height, &rng);
      break;

    case PF_SPECIMEN_BG_HAND:
      {
        double w_mm, h_mm;

        pf_specimen_layout_get_size_mm (params->layout, &w_mm, &h_mm);
        draw_hand (cr, width, height, corners, w_mm, h_mm, params->seed, &rng);
      }
      break;

    case PF_SPECIMEN_BG_DARK_PLAIN:
    default:
      random_colour (&rng, 0.04, 0.2, 0.35, base);
      random_colour (&rng, 0.02, 0.16, 0.35, alt);
      paint_texture (rgba, width, height, stride, TEXTURE_PLAIN, base, alt, &rng);
      rgba_to_surface (rgba, width, height, stride, surface);
      break;
    }

  /* Close up, the surface is out of focus (the booklet and the shadow,
   * in or near the document's plane, are not). */
  if (params->background_blur >= 0.2)
    {
      surface_to_rgba (surface, rgba, width, height, stride);
      specimen_gaussian_blur (rgba, width, height, stride, params->background_blur);
      rgba_to_surface (rgba, width, height, stride, surface);
    }

  /* A card on a surface casts a soft shadow; a held card does not touch
   * what is behind it; on the card-coloured surface the shadow would be
   * the only edge left, and that case is about having none. An open
   * passport casts it from the booklet's outline. */
  {
    PfPoint outline[4];
    gboolean booklet = params->booklet && !params->no_document
                       && draw_booklet (cr, params, corners, &rng, outline);

    if (!booklet)
      memcpy (outline, corners, sizeof outline);
    if (!params->no_document && !params->scanner && params->background != PF_SPECIMEN_BG_HAND
        && params->background != PF_SPECIMEN_BG_SAME_AS_CARD && doc_w > 4)
      {
        double a = specimen_rng_range (&rng, 0, 2 * G_PI);
        double off = doc_w * specimen_rng_range (&rng, 0.004, 0.015);

        if (booklet)
          {
            /* Under the booklet, drawn before it: redo the booklet on
             * top. */
            draw_drop_shadow (cr, outline, off * cos (a), off * sin (a), doc_w * 0.012);
            draw_booklet (cr, params, corners, &rng, outline);
          }
        else
          draw_drop_shadow (cr, outline, off * cos (a), off * sin (a), doc_w * 0.01);
      }
  }

  cairo_destroy (cr);
  surface_to_rgba (surface, rgba, width, height, stride);
  specimen_surface_destroy_secure (surface);
}

/* The thumb: a capsule from its tip (on the document) outwards across the
 * nearest edge, for three times its width beyond it. */
static void
thumb_path (cairo_t                *cr,
            const PfSpecimenParams *params,
            const PfPoint           corners[4],
            double                 *angle_out,
            double                 *length_out,
            double                 *width_out,
            PfPoint                *tip_out)
{
  double u = CLAMP (params->occluder_x, 0, 1), v = CLAMP (params->occluder_y, 0, 1);
  PfPoint top = { corners[0].x + (corners[1].x - corners[0].x) * u,
                  corners[0].y + (corners[1].y - corners[0].y) * u };
  PfPoint bottom = { corners[3].x + (corners[2].x - corners[3].x) * u,
                     corners[3].y + (corners[2].y - corners[3].y) * u };
  PfPoint tip = { top.x + (bottom.x - top.x) * v, top.y + (bottom.y - top.y) * v };
  double doc_w = hypot (corners[1].x - corners[0].x, corners[1].y - corners[0].y);
  double thumb_w = MAX (1.0, params->occluder_size * doc_w);
  /* Outwards: away from the nearest edge's opposite, in document terms. */
  double d[4] = { v, 1 - u, 1 - v, u };  /* to top, right, bottom, left */
  int nearest = 0;
  PfPoint edge_a, edge_b, mid;
  double cx, cy, angle, length;

  for (int i = 1; i < 4; i++)
    if (d[i] < d[nearest])
      nearest = i;
  edge_a = corners[nearest];
  edge_b = corners[(nearest + 1) % 4];
  mid = (PfPoint) { (edge_a.x + edge_b.x) / 2, (edge_a.y + edge_b.y) / 2 };
  cx = (corners[0].x + corners[1].x + corners[2].x + corners[3].x) / 4;
  cy = (corners[0].y + corners[1].y + corners[2].y + corners[3].y) / 4;
  /* The direction from the centre to the nearest edge's middle, bent a
   * little towards the tip, as a thumb comes in. */
  angle = atan2 (mid.y - cy + (tip.y - cy) * 0.3, mid.x - cx + (tip.x - cx) * 0.3);
  length = hypot (mid.x - tip.x, mid.y - tip.y) * 1.2 + thumb_w * 4;

  /* Wider towards the hand, like a thumb. */
  cairo_save (cr);
  cairo_translate (cr, tip.x, tip.y);
  cairo_rotate (cr, angle);
  cairo_new_sub_path (cr);
  cairo_arc_negative (cr, thumb_w / 2, 0, thumb_w / 2, 3 * G_PI / 2, G_PI / 2);
  cairo_curve_to (cr, thumb_w * 1.5, thumb_w * 0.55, length * 0.5, thumb_w * 0.62,
                  length, thumb_w * 0.75);
  cairo_line_to (cr, length, -thumb_w * 0.75);
  cairo_curve_to (cr, length * 0.5, -thumb_w * 0.62, thumb_w * 1.5, -thumb_w * 0.55,
                  thumb_w / 2, -thumb_w / 2);
  cairo_close_path (cr);
  cairo_restore (cr);

  *angle_out = angle;
  *length_out = length;
  *width_out = thumb_w;
  *tip_out = tip;
}

guint8 *
specimen_occluder_mask (const PfSpecimenParams *params,
                        const PfPoint           corners[4],
                        int                     width,
                        int                     height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint8 *mask;
  const guint8 *data;
  int stride;
  double angle, length, thumb_w;
  PfPoint tip;

  if (!params->occluder || params->occluder_size <= 0)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cr = cairo_create (surface);
  thumb_path (cr, params, corners, &angle, &length, &thumb_w, &tip);
  cairo_set_source_rgba (cr, 0, 0, 0, 1);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  mask = g_malloc ((gsize) width * height);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    memcpy (mask + (gsize) y * width, data + (gsize) y * stride, width);
  cairo_surface_destroy (surface);
  return mask;
}

void
specimen_occluder_paint (const PfSpecimenParams *params,
                         const PfPoint           corners[4],
                         guint8                 *rgba,
                         int                     width,
                         int                     height,
                         int                     stride)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  const double *skin;
  double angle, length, thumb_w;
  PfPoint tip;

  if (!params->occluder || params->occluder_size <= 0)
    return;

  skin = skin_for_seed (params->seed);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  rgba_to_surface (rgba, width, height, stride, surface);
  cr = cairo_create (surface);

  thumb_path (cr, params, corners, &angle, &length, &thumb_w, &tip);
  /* Rounded shading across the thumb: lit in the middle, darker sides. */
  pattern = cairo_pattern_create_linear (0, -thumb_w * 0.6, 0, thumb_w * 0.6);
  cairo_pattern_add_color_stop_rgb (pattern, 0, skin[0] * 0.62, skin[1] * 0.6, skin[2] * 0.6);
  cairo_pattern_add_color_stop_rgb (pattern, 0.45, MIN (1, skin[0] * 1.06), MIN (1, skin[1] * 1.04), MIN (1, skin[2] * 1.04));
  cairo_pattern_add_color_stop_rgb (pattern, 1, skin[0] * 0.55, skin[1] * 0.52, skin[2] * 0.52);
  cairo_matrix_init_rotate (&matrix, -angle);
  cairo_matrix_translate (&matrix, -tip.x, -tip.y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  /* The nail. */
  cairo_save (cr);
  cairo_translate (cr, tip.x, tip.y);
  cairo_rotate (cr, angle);
  cairo_translate (cr, thumb_w * 0.55, 0);
  cairo_scale (cr, thumb_w * 0.45, thumb_w * 0.3);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_set_source_rgba (cr, MIN (1, skin[0] * 1.15), MIN (1, skin[1] * 1.05), MIN (1, skin[2] * 1.1), 0.7);
  cairo_fill (cr);

  cairo_destroy (cr);
  surface_to_rgba (surface, rgba, width, height, stride);
  specimen_surface_destroy_secure (surface);
}
