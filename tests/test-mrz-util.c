/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "pf-image.h"
#include "test-mrz-util.h"

/* The font file the build rendered the reader's references from
 * (src/core/meson.build passes it). */
#ifndef OCRB_FONT
#error "OCRB_FONT must name the OCR-B font file"
#endif

/* OCR-B's metrics, in font units of 1000 to the em. */
#define OCRB_ADVANCE 723.0
#define OCRB_CAP 713.0

static const char * const states[] = {
  "UTO", "D<<", "NLD", "FRA", "GBR", "ITA", "ESP", "SWE", "POL", "CAN", "USA", "AUS", "IRL", "AUT",
};

static const char * const syllables[] = {
  "AN", "BER", "CA", "DO", "EL", "FI", "GUS", "HA", "IN", "JO", "KAR", "LI", "MA", "NO", "OS",
  "PE", "QUI", "RO", "SA", "TE", "UL", "VAN", "WIL", "XE", "YA", "ZO", "ERIK", "SSON", "MUL",
  "LER", "SCH", "MIDT", "BJ", "ORN",
};

static void
append_random (GString    *out,
               GRand      *rand,
               const char *alphabet,
               int         n)
{
  for (int i = 0; i < n; i++)
    g_string_append_c (out, alphabet[g_rand_int_range (rand, 0, strlen (alphabet))]);
}

static void
append_word (GString *out,
             GRand   *rand)
{
  int n = g_rand_int_range (rand, 1, 4);

  for (int i = 0; i < n; i++)
    g_string_append (out, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
}

/* Pads @field with fillers to @length characters, or cuts it there. */
static void
fit (GString *field,
     guint    length)
{
  if (field->len > length)
    g_string_truncate (field, length);
  while (field->len < length)
    g_string_append_c (field, '<');
}

static void
append_fitted (GString *out,
               GString *field,
               guint    length)
{
  fit (field, length);
  g_string_append (out, field->str);
}

static char *
random_names (GRand *rand,
              guint  length)
{
  GString *names = g_string_new (NULL);
  int n_surnames = g_rand_int_range (rand, 1, 3), n_given = g_rand_int_range (rand, 0, 4);

  for (int i = 0; i < n_surnames; i++)
    {
      if (i > 0)
        g_string_append_c (names, '<');
      append_word (names, rand);
    }
  if (n_given > 0)
    g_string_append (names, "<<");
  for (int i = 0; i < n_given; i++)
    {
      if (i > 0)
        g_string_append_c (names, '<');
      append_word (names, rand);
    }
  fit (names, length);
  return g_string_free (names, FALSE);
}

static void
append_date (GString *out,
             GRand   *rand,
             int      first_year,
             int      last_year)
{
  int year = g_rand_int_range (rand, first_year, last_year + 1);
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, g_date_get_days_in_month (month, year) + 1);

  g_string_append_printf (out, "%02d%02d%02d", year % 100, month, day);
}

static void
append_check (GString *out,
              guint    start)
{
  g_string_append_c (out, '0' + pf_mrz_check_digit (out->str + start, out->len - start));
}

static void
append_optional (GString *out,
                 GRand   *rand,
                 guint    length)
{
  g_autoptr(GString) field = g_string_new (NULL);

  if (g_rand_boolean (rand))
    append_random (field, rand, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   g_rand_int_range (rand, 1, length + 1));
  append_fitted (out, field, length);
}

/**
 * mrz_test_make_text:
 *
 * Returns: a random MRZ of @layout with right check digits, its lines
 *   separated by newlines
 */
char *
mrz_test_make_text (GRand       *rand,
                    PfMrzLayout  layout)
{
  static const char * const card_codes[] = { "I<", "ID", "IR", "AC", "AR" };
  static const char * const visa_codes[] = { "V<", "VD", "VI" };
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  g_autoptr(GString) number = g_string_new (NULL);
  g_autofree char *names = NULL;
  gboolean visa = layout == PF_MRZ_LAYOUT_MRV_A || layout == PF_MRZ_LAYOUT_MRV_B;
  const char *code, *state = states[g_rand_int_range (rand, 0, G_N_ELEMENTS (states))];
  const char *nationality = states[g_rand_int_range (rand, 0, G_N_ELEMENTS (states))];
  const char *sex = (const char *[]) { "M", "F", "<" }[g_rand_int_range (rand, 0, 3)];
  guint name_length, optional_length;

  if (visa)
    code = visa_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (visa_codes))];
  else if (layout == PF_MRZ_LAYOUT_TD3)
    code = g_rand_boolean (rand) ? "P<" : "PD";
  else
    code = card_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (card_codes))];

  append_random (number, rand, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 2);
  append_random (number, rand, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 7);

  if (layout == PF_MRZ_LAYOUT_TD1)
    {
      g_autoptr(GString) third = g_string_new (NULL);

      g_string_append_printf (first, "%s%s", code, state);
      g_string_append (first, number->str);
      append_check (first, 5);
      append_optional (first, rand, 15);
      append_date (second, rand, 1935, 2020);
      append_check (second, 0);
      g_string_append (second, sex);
      append_date (second, rand, 2015, 2040);
      append_check (second, 8);
      g_string_append (second, nationality);
      append_optional (second, rand, 11);
      {
        g_autofree char *composite = g_strdup_printf ("%.25s%.7s%.7s%.11s", first->str + 5,
                                                      second->str, second->str + 8,
                                                      second->str + 18);

        g_string_append_c (second, '0' + pf_mrz_check_digit (composite, -1));
      }
      names = random_names (rand, 30);
      return g_strdup_printf ("%s\n%s\n%s", first->str, second->str, names);
    }

  name_length = layout == PF_MRZ_LAYOUT_TD3 || layout == PF_MRZ_LAYOUT_MRV_A ? 39 : 31;
  names = random_names (rand, name_length);
  g_string_append_printf (first, "%s%s%s", code, state, names);

  g_string_append (second, number->str);
  append_check (second, 0);
  g_string_append (second, nationality);
  append_date (second, rand, 1935, 2020);
  append_check (second, 13);
  g_string_append (second, sex);
  append_date (second, rand, 2015, 2040);
  append_check (second, 21);

  switch (layout)
    {
    case PF_MRZ_LAYOUT_TD3:
      append_optional (second, rand, 14);
      if (strspn (second->str + 28, "<") == 14 && g_rand_boolean (rand))
        g_string_append_c (second, '<');
      else
        append_check (second, 28);
      optional_length = 15;
      break;
    case PF_MRZ_LAYOUT_TD2:
      append_optional (second, rand, 7);
      optional_length = 7;
      break;
    case PF_MRZ_LAYOUT_MRV_A:
      append_optional (second, rand, 16);
      optional_length = 0;
      break;
    case PF_MRZ_LAYOUT_MRV_B:
      append_optional (second, rand, 8);
      optional_length = 0;
      break;
    case PF_MRZ_LAYOUT_TD1:
    default:
      g_assert_not_reached ();
    }

  if (optional_length > 0)
    {
      g_autofree char *composite = g_strdup_printf ("%.10s%.7s%.*s", second->str,
                                                    second->str + 13, 7 + optional_length,
                                                    second->str + 21);

      g_string_append_c (second, '0' + pf_mrz_check_digit (composite, -1));
    }

  return g_strdup_printf ("%s\n%s", first->str, second->str);
}

static FT_Face
ocrb_face (void)
{
  static FT_Library library;
  static FT_Face face;

  if (face == NULL)
    {
      if (FT_Init_FreeType (&library) != 0 || FT_New_Face (library, OCRB_FONT, 0, &face) != 0)
        face = NULL;
    }
  return face;
}

gboolean
mrz_test_font_available (void)
{
  return ocrb_face () != NULL;
}

static void
draw_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      size,
           double      x,
           double      y,
           double      grey)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* Some of what a document shows above its MRZ: a title, a photo, labelled
 * fields and a faint pattern, all in other fonts. */
static void
draw_document (cairo_t *cr,
               GRand   *rand,
               double   width,
               double   height,
               double   mrz_top,
               double   cap)
{
  static const char * const titles[] = { "PASSPORT", "IDENTITY CARD", "RESIDENCE PERMIT", "VISA" };
  static const char * const labels[] = {
    "Surname", "Given names", "Nationality", "Date of birth", "Sex", "Place of birth",
    "Date of expiry", "Authority",
  };
  double x = 0.36 * width, y = 0.2 * height;
  double row = (mrz_top - 0.25 * height) / G_N_ELEMENTS (labels);

  cairo_set_line_width (cr, MAX (0.6, cap / 16));
  for (int k = 0; k < 14; k++)
    {
      double phase = g_rand_double (rand) * 6.28, level = 0.80 + 0.06 * g_rand_double (rand);

      cairo_set_source_rgb (cr, level, level * 0.98, level);
      for (double px = 0; px <= width; px += 2)
        {
          double py = (k + 0.5) * mrz_top / 14 + 0.03 * height * sin (px / width * 9 + phase);

          if (px == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_stroke (cr);
    }

  draw_text (cr, "DejaVu Sans Bold", titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))],
             1.4 * cap, 0.05 * width, 0.04 * height, 0.15);

  cairo_set_source_rgb (cr, 0.55, 0.55, 0.58);
  cairo_rectangle (cr, 0.05 * width, 0.2 * height, 0.26 * width,
                   MAX (mrz_top - 0.25 * height, cap));
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.3, 0.28, 0.27);
  cairo_arc (cr, 0.18 * width, 0.2 * height + 0.4 * (mrz_top - 0.25 * height), 0.07 * width, 0,
             2 * G_PI);
  cairo_fill (cr);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++, y += row)
    {
      g_autoptr(GString) value = g_string_new (NULL);

      append_word (value, rand);
      g_string_append_c (value, ' ');
      append_word (value, rand);
      draw_text (cr, "DejaVu Sans", labels[i], 0.6 * cap, x, y, 0.35);
      draw_text (cr, "DejaVu Sans", value->str, 1.0 * cap, x, y + 0.75 * cap, 0.1);
    }
}

static void
gaussian_blur (float *data,
               int    width,
               int    height,
               double sigma)
{
  int radius = (int) ceil (3 * sigma);
  g_autofree float *kernel = g_new (float, 2 * radius + 1);
  g_autofree float *tmp = g_new (float, (gsize) width * height);
  float sum = 0;

  for (int i = -radius; i <= radius; i++)
    sum += kernel[i + radius] = expf (-0.5f * i * i / (sigma * sigma));
  for (int i = 0; i <= 2 * radius; i++)
    kernel[i] /= sum;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        float v = 0;

        for (int i = -radius; i <= radius; i++)
          v += kernel[i + radius] * data[(gsize) y * width + CLAMP (x + i, 0, width - 1)];
        tmp[(gsize) y * width + x] = v;
      }
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        float v = 0;

        for (int i = -radius; i <= radius; i++)
          v += kernel[i + radius] * tmp[(gsize) CLAMP (y + i, 0, height - 1) * width + x];
        data[(gsize) y * width + x] = v;
      }
}

static void
jpeg_round_trip (MrzTestImage *image,
                 int           quality)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, image->width,
                                                image->height);
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("jpeg", NULL);
  g_autofree char *quality_text = g_strdup_printf ("%d", quality);
  g_autofree gchar *buffer = NULL;
  gsize size;
  GdkPixbuf *decoded;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      memset (pixels + y * rowstride + 3 * x, image->grey[y * image->width + x], 3);

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, "quality",
                                            quality_text, NULL));
  g_assert_true (gdk_pixbuf_loader_write (loader, (const guchar *) buffer, size, NULL));
  g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
  decoded = gdk_pixbuf_loader_get_pixbuf (loader);
  pixels = gdk_pixbuf_get_pixels (decoded);
  rowstride = gdk_pixbuf_get_rowstride (decoded);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      image->grey[y * image->width + x] = pixels[y * rowstride + 3 * x + 1];
}

/**
 * mrz_test_render:
 * @mrz: the lines, separated by newlines
 *
 * Returns: (transfer full): the drawn image
 */
MrzTestImage *
mrz_test_render (const char              *mrz,
                 const MrzTestConditions *c)
{
  g_auto(GStrv) lines = g_strsplit (mrz, "\n", -1);
  guint n_lines = g_strv_length (lines), n = strlen (lines[0]);
  double em = c->cap_height / (OCRB_CAP / 1000), advance = em * OCRB_ADVANCE / 1000;
  double pitch = advance * c->pitch_ratio, spacing = 1.665 * pitch;
  double width, height, left, last_baseline, first_baseline, angle = c->angle_deg * G_PI / 180;
  g_autoptr(GRand) rand = g_rand_new_with_seed (c->seed);
  MrzTestImage *image = g_new0 (MrzTestImage, 1);
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_font_face_t *face;
  cairo_glyph_t *glyphs;
  cairo_t *cr;
  double paper = (225 + g_rand_int_range (rand, 0, 25)) / 255.0;
  double ink = (15 + g_rand_int_range (rand, 0, 40)) / 255.0;
  g_autofree float *values = NULL;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_assert_nonnull (ocrb_face ());

  if (c->document)
    {
      double pitches = n == 30 ? 33.7 : n == 36 ? 41.3 : 49.2;
      double aspect = n == 30 ? 0.631 : 0.705;

      width = pitches * pitch;
      height = width * aspect;
      last_baseline = height - 1.1 * pitch;
    }
  else
    {
      width = (n + 4) * pitch;
      height = (n_lines * 1.665 + 1.5) * pitch;
      last_baseline = height - 1.2 * pitch;
    }
  left = (width - n * pitch) / 2;
  first_baseline = last_baseline - (n_lines - 1) * spacing;

  image->width = (int) ceil (width);
  image->height = (int) ceil (height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, image->width, image->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, paper, paper, paper);
  cairo_paint (cr);

  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, angle);
  cairo_translate (cr, -width / 2, -height / 2);

  if (c->document)
    draw_document (cr, rand, width, height, first_baseline - 1.6 * c->cap_height, c->cap_height);

  face = cairo_ft_font_face_create_for_ft_face (ocrb_face (), 0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_set_font_face (cr, face);
  cairo_set_font_size (cr, em);
  cairo_set_source_rgb (cr, ink, ink, ink);

  glyphs = g_new (cairo_glyph_t, n);
  for (guint l = 0; l < n_lines; l++)
    {
      g_assert_cmpuint (strlen (lines[l]), ==, n);
      for (guint i = 0; i < n; i++)
        {
          glyphs[i].index = FT_Get_Char_Index (ocrb_face (), (FT_ULong) lines[l][i]);
          glyphs[i].x = left + i * pitch + (pitch - advance) / 2;
          glyphs[i].y = first_baseline + l * spacing;
        }
      cairo_show_glyphs (cr, glyphs, n);
    }
  g_free (glyphs);

  /* The MRZ's box, turned with the image. */
  {
    double bx[2] = { left - 0.5 * pitch, left + (n + 0.5) * pitch };
    double by[2] = { first_baseline - 1.4 * c->cap_height, last_baseline + 0.5 * c->cap_height };

    for (int k = 0; k < 4; k++)
      {
        double px = bx[(k == 1 || k == 2)], py = by[k >= 2];

        cairo_user_to_device (cr, &px, &py);
        x0 = MIN (x0, px);
        y0 = MIN (y0, py);
        x1 = MAX (x1, px);
        y1 = MAX (y1, py);
      }
    image->band.x = MAX (0, x0);
    image->band.y = MAX (0, y0);
    image->band.width = MIN (image->width, x1) - image->band.x;
    image->band.height = MIN (image->height, y1) - image->band.y;
  }

  cairo_font_options_destroy (options);
  cairo_font_face_destroy (face);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  values = g_new (float, (gsize) image->width * image->height);
  {
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 0; y < image->height; y++)
      for (int x = 0; x < image->width; x++)
        {
          const guint8 *p = data + y * stride + 4 * x;

          values[(gsize) y * image->width + x] = (p[0] + p[1] + p[2]) / 3.0f;
        }
  }
  cairo_surface_destroy (surface);

  if (c->blur_sigma > 0)
    gaussian_blur (values, image->width, image->height, c->blur_sigma);

  image->grey = g_new (guint8, (gsize) image->width * image->height);
  for (gsize k = 0; k < (gsize) image->width * image->height; k++)
    {
      double v = values[k];

      if (c->noise_sigma > 0)
        {
          double u1 = g_rand_double_range (rand, 1e-12, 1), u2 = g_rand_double (rand);

          v += c->noise_sigma * sqrt (-2 * log (u1)) * cos (2 * G_PI * u2);
        }
      image->grey[k] = (guint8) CLAMP (lround (v), 0, 255);
    }

  if (c->jpeg_quality > 0)
    jpeg_round_trip (image, c->jpeg_quality);

  return image;
}

void
mrz_test_image_free (MrzTestImage *image)
{
  if (image == NULL)
    return;
  pf_secure_zero (image->grey, (gsize) image->width * image->height);
  g_free (image->grey);
  g_free (image);
}
