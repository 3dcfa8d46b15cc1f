/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The flat document, drawn with cairo and pango in millimetres: a light
 * ground with guilloche lines, a header band, a drawn portrait, labelled
 * fields, a signature, a hologram patch and the MRZ in OCR-B at ICAO size
 * and place. The layout is fixed per format (so tests can aim at regions);
 * the seed changes the content and the colours. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "pf-specimen-private.h"

/* The OCR-B size 1 of ICAO 9303: 10 characters per inch, lines 6 per inch
 * apart. */
#define MRZ_PITCH_MM      2.54
#define MRZ_LINE_PITCH_MM 4.23
#define MRZ_OVERSHOOT_MM  0.25

/* Values are printed with this em size so that capitals are
 * PF_SPECIMEN_TEXT_HEIGHT_MM tall (DejaVu Sans capitals are 0.729 em). */
#define VALUE_EM_MM  (PF_SPECIMEN_TEXT_HEIGHT_MM / 0.729)
#define LABEL_EM_MM  1.45
/* The value's top sits this far below its label's top. */
#define VALUE_DROP_MM 1.8

typedef struct
{
  const char *field;
  const char *label;
  int         row;
  double      x;       /* mm from the left of the card */
  double      width;   /* mm the value may take */
} FieldSpec;

typedef struct
{
  double          width, height, radius;
  double          header;        /* height of the header band */
  const char     *title;
  PfRect          photo;
  PfRect          signature;
  PfRect          blank;
  double          hologram_x, hologram_y, hologram_r;
  double          rows_y, row_pitch;
  const FieldSpec *fields;
  int             n_mrz_lines;
  int             mrz_chars;
  double          mrz_last_line_y; /* centre of the last line, mm from the top */
} LayoutSpec;

static const FieldSpec td1_fields[] = {
  { "surname", "Surname / Nom", 0, 25, 58 },
  { "given-names", "Given names / Prénoms", 1, 25, 58 },
  { "sex", "Sex / Sexe", 2, 25, 8 },
  { "nationality", "Nationality", 2, 34, 13 },
  { "birth-date", "Date of birth", 2, 48, 19 },
  { "document-number", "Document No.", 3, 25, 18 },
  { "expiry-date", "Date of expiry", 3, 44, 17 },
  { NULL },
};

static const FieldSpec td3_fields[] = {
  { "type", "Type", 0, 45, 10 },
  { "code", "Code / Code", 0, 57, 14 },
  { "document-number", "Passport No. / N° du passeport", 0, 78, 43 },
  { "surname", "Surname / Nom", 1, 45, 76 },
  { "given-names", "Given names / Prénoms", 2, 45, 76 },
  { "nationality", "Nationality / Nationalité", 3, 45, 40 },
  { "sex", "Sex / Sexe", 3, 88, 10 },
  { "birth-date", "Date of birth / Date de naissance", 4, 45, 31 },
  { "birth-place", "Place of birth / Lieu de naissance", 4, 78, 43 },
  { "issue-date", "Date of issue / Date de délivrance", 5, 45, 31 },
  { "expiry-date", "Date of expiry / Date d'expiration", 5, 78, 31 },
  { "authority", "Authority / Autorité", 6, 45, 36 },
  { NULL },
};

static const FieldSpec td2_fields[] = {
  { "surname", "Surname / Nom", 0, 36, 65 },
  { "given-names", "Given names / Prénoms", 1, 36, 65 },
  { "nationality", "Nationality", 2, 36, 22 },
  { "sex", "Sex", 2, 60, 10 },
  { "birth-date", "Date of birth", 2, 72, 29 },
  { "document-number", "Document No.", 3, 36, 26 },
  { "expiry-date", "Date of expiry", 3, 64, 28 },
  { "issue-date", "Date of issue", 4, 36, 26 },
  { NULL },
};

static const FieldSpec licence_fields[] = {
  { "surname", "1. Surname", 0, 26, 57 },
  { "given-names", "2. Given names", 1, 26, 57 },
  { "birth-date", "3. Date of birth", 2, 26, 20 },
  { "birth-place", "Place of birth", 2, 48, 35 },
  { "issue-date", "4a. Issued", 3, 26, 18 },
  { "expiry-date", "4b. Expires", 3, 46, 18 },
  { "authority", "4c. Authority", 3, 66, 17 },
  { "document-number", "5. Licence No.", 4, 26, 26 },
  { "categories", "9. Categories", 4, 54, 29 },
  { NULL },
};

static const LayoutSpec layouts[PF_SPECIMEN_N_LAYOUTS] = {
  [PF_SPECIMEN_TD1] = {
    85.60, 53.98, 3.18, 7.5, "IDENTITY CARD",
    { 3.5, 9.5, 19, 24 }, { 68, 21.2, 15, 6 }, { 62, 27.8, 21, 11.2 },
    21.5, 31.5, 4.0, 9.2, 6.0, td1_fields, 3, 30, 53.98 - 4.5,
  },
  [PF_SPECIMEN_TD3] = {
    125.0, 88.0, 2.5, 11.0, "PASSPORT",
    { 7, 15, 33, 43 }, { 7, 60, 33, 8 }, { 84, 57.5, 37, 15 },
    40, 55, 6.0, 13.5, 7.2, td3_fields, 2, 44, 88.0 - 5.6,
  },
  [PF_SPECIMEN_TD2] = {
    105.0, 74.0, 3.18, 9.0, "IDENTITY CARD",
    { 5, 12, 27, 34 }, { 5, 48, 27, 7 }, { 64, 45, 37, 13 },
    31, 44, 5.0, 11.5, 6.6, td2_fields, 2, 36, 74.0 - 5.2,
  },
  [PF_SPECIMEN_LICENCE] = {
    85.60, 53.98, 3.18, 8.0, "DRIVING LICENCE",
    { 3.5, 10, 20, 26 }, { 3.5, 38.5, 22, 9 }, { 30, 39.5, 53, 12 },
    21, 34, 4.5, 9.8, 5.6, licence_fields, 0, 0, 0,
  },
};

void
pf_specimen_layout_get_size_mm (PfSpecimenLayout  layout,
                                double           *width_mm,
                                double           *height_mm)
{
  g_return_if_fail (layout < PF_SPECIMEN_N_LAYOUTS);

  if (width_mm != NULL)
    *width_mm = layouts[layout].width;
  if (height_mm != NULL)
    *height_mm = layouts[layout].height;
}

static PfRect
mrz_rect_mm (const LayoutSpec *spec)
{
  double left = (spec->width - spec->mrz_chars * MRZ_PITCH_MM) / 2;
  double first = spec->mrz_last_line_y - (spec->n_mrz_lines - 1) * MRZ_LINE_PITCH_MM;
  /* Round glyphs overshoot the capitals a little. */
  double half = PF_SPECIMEN_TEXT_HEIGHT_MM / 2 + MRZ_OVERSHOOT_MM;

  return (PfRect) { left, first - half, spec->mrz_chars * MRZ_PITCH_MM,
                    (spec->n_mrz_lines - 1) * MRZ_LINE_PITCH_MM + 2 * half };
}

static PfRect
to_fraction (const LayoutSpec *spec,
             PfRect            mm)
{
  return (PfRect) { mm.x / spec->width, mm.y / spec->height,
                    mm.width / spec->width, mm.height / spec->height };
}

/**
 * pf_specimen_layout_get_region:
 * @doc_box: (out): the region as fractions of the document's width and
 *   height
 *
 * Where a part of the layout lies. The text region is the block of
 * fields (labels and values, which leave some gaps).
 *
 * Returns: %FALSE when the layout has no such region (no MRZ on a licence)
 */
gboolean
pf_specimen_layout_get_region (PfSpecimenLayout  layout,
                               PfSpecimenRegion  region,
                               PfRect           *doc_box)
{
  const LayoutSpec *spec;

  g_return_val_if_fail (layout < PF_SPECIMEN_N_LAYOUTS, FALSE);
  g_return_val_if_fail (doc_box != NULL, FALSE);

  spec = &layouts[layout];
  switch (region)
    {
    case PF_SPECIMEN_REGION_MRZ:
      if (spec->n_mrz_lines == 0)
        return FALSE;
      *doc_box = to_fraction (spec, mrz_rect_mm (spec));
      return TRUE;

    case PF_SPECIMEN_REGION_BLANK:
      *doc_box = to_fraction (spec, spec->blank);
      return TRUE;

    case PF_SPECIMEN_REGION_PHOTO:
      *doc_box = to_fraction (spec, spec->photo);
      return TRUE;

    case PF_SPECIMEN_REGION_TEXT:
      {
        double left = spec->width, right = 0, bottom = 0;

        for (const FieldSpec *f = spec->fields; f->field != NULL; f++)
          {
            left = MIN (left, f->x);
            right = MAX (right, f->x + f->width);
            bottom = MAX (bottom, spec->rows_y + f->row * spec->row_pitch
                                  + VALUE_DROP_MM + PF_SPECIMEN_TEXT_HEIGHT_MM + 0.6);
          }
        *doc_box = to_fraction (spec, (PfRect) { left, spec->rows_y, right - left,
                                                 bottom - spec->rows_y });
        return TRUE;
      }

    default:
      return FALSE;
    }
}

typedef struct
{
  cairo_t          *cr;
  PangoContext     *context;
  PangoLayout      *layout;
  GArray           *texts;   /* SpecimenTextMm */
} Draw;

static void
set_rgb (cairo_t      *cr,
         const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* Draws @text with its logical box's top-left at @x, @y (mm), squeezed
 * horizontally to @max_width, and records its ink box under @field. */
static void
draw_text (Draw         *d,
           const char   *field,
           const char   *text,
           const char   *font,
           double        em_mm,
           double        x,
           double        y,
           double        max_width,
           const double  rgb[3])
{
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoRectangle ink, logical;
  double sx = 1.0;

  if (text == NULL || *text == '\0')
    return;

  pango_font_description_set_absolute_size (desc, em_mm * PANGO_SCALE);
  pango_layout_set_font_description (d->layout, desc);
  pango_layout_set_text (d->layout, text, -1);
  pango_layout_get_extents (d->layout, &ink, &logical);

  if (max_width > 0 && logical.width > max_width * PANGO_SCALE)
    sx = max_width * PANGO_SCALE / logical.width;

  cairo_save (d->cr);
  cairo_translate (d->cr, x, y);
  cairo_scale (d->cr, sx, 1.0);
  set_rgb (d->cr, rgb);
  cairo_move_to (d->cr, 0, 0);
  pango_cairo_show_layout (d->cr, d->layout);
  cairo_restore (d->cr);

  if (d->texts != NULL && ink.width > 0)
    {
      SpecimenTextMm item = {
        field, g_strdup (text),
        x + sx * ink.x / (double) PANGO_SCALE, y + ink.y / (double) PANGO_SCALE,
        sx * ink.width / (double) PANGO_SCALE, ink.height / (double) PANGO_SCALE,
      };
      g_array_append_val (d->texts, item);
    }
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Fine interfering wave lines: the iso-lines of
 * F(x, y) = y - A sin (2 pi x / wavelength + drift y), one every
 * @spacing mm, drawn straight into the surface with exact antialiasing
 * (a line's coverage of each pixel from its distance |F - k spacing| /
 * |grad F|). Much cheaper than stroking thousands of segments. */
static void
draw_waves (cairo_surface_t       *surface,
            double                 px_per_mm,
            const SpecimenPalette *palette,
            SpecimenRng           *rng)
{
  double wavelength = specimen_rng_range (rng, 9, 16);
  double amplitude = specimen_rng_range (rng, 0.8, 2.0);
  double spacing = specimen_rng_range (rng, 1.0, 1.5);
  double drift = specimen_rng_range (rng, 0.08, 0.25);
  double half_width = 0.035 * px_per_mm;
  float colour[3];
  float sin_table[1024];
  guint8 *data;
  int width, height, stride;

  for (int i = 0; i < 1024; i++)
    sin_table[i] = (float) sin (2 * G_PI * i / 1024);
  for (int c = 0; c < 3; c++)
    colour[c] = (float) (palette->guilloche[c] * 255);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int py = 0; py < height; py++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) py * stride);
      double y = (py + 0.5 - 2) / px_per_mm;

      for (int px = 0; px < width; px++)
        {
          double x = (px + 0.5 - 2) / px_per_mm;
          double phase = (x / wavelength + drift * y / (2 * G_PI)) * 1024;
          int index = (int) floor (phase) & 1023;
          float s = sin_table[index], co = sin_table[(index + 256) & 1023];
          double f = y - amplitude * s;
          double gx = -amplitude * 2 * G_PI / wavelength * co;
          double gy = 1 - amplitude * drift * co;
          double q = f / spacing;
          double d = fabs (q - floor (q + 0.5)) * spacing / sqrt (gx * gx + gy * gy) * px_per_mm;
          double cover;
          guint32 p;
          float k, alpha;

          if (d >= half_width + 0.5)
            continue;
          cover = MIN (d + 0.5, half_width) - MAX (d - 0.5, -half_width);
          p = row[px];
          alpha = (p >> 24) / 255.0f;
          if (cover <= 0 || alpha <= 0)
            continue;
          k = (float) MIN (cover, 1.0) * 0.55f;
          row[px] = (p & 0xff000000u)
                    | ((guint32) (((p >> 16) & 0xff) * (1 - k) + colour[0] * alpha * k + 0.5f) << 16)
                    | ((guint32) (((p >> 8) & 0xff) * (1 - k) + colour[1] * alpha * k + 0.5f) << 8)
                    | (guint32) ((p & 0xff) * (1 - k) + colour[2] * alpha * k + 0.5f);
        }
    }
  cairo_surface_mark_dirty (surface);
}

/* A rosette of closed curves r(t) = r0 + a sin (k t + phase) over the
 * waves, in the accent colour. */
static void
draw_rosette (cairo_t               *cr,
              const LayoutSpec      *spec,
              const SpecimenPalette *palette,
              SpecimenRng           *rng)
{
  double cx = specimen_rng_range (rng, 0.45, 0.75) * spec->width;
  double cy = specimen_rng_range (rng, 0.35, 0.6) * spec->height;
  double r0 = specimen_rng_range (rng, 0.18, 0.28) * spec->height;
  int petals = 5 + specimen_rng_int (rng, 9);

  cairo_set_line_width (cr, 0.07);
  cairo_set_source_rgba (cr, palette->accent[0], palette->accent[1], palette->accent[2], 0.22);
  for (int j = 0; j < 7; j++)
    {
      double phase = j * G_PI / 7;
      double a = r0 * 0.35;

      for (int i = 0; i <= 100; i++)
        {
          double t = 2 * G_PI * i / 100;
          double r = r0 + a * sin (petals * t + phase);

          if (i == 0)
            cairo_move_to (cr, cx + r * cos (t), cy + r * sin (t));
          else
            cairo_line_to (cr, cx + r * cos (t), cy + r * sin (t));
        }
      cairo_close_path (cr);
    }
  cairo_stroke (cr);
}

/* A head-and-shoulders figure: no real face, but the shapes and tones a
 * portrait has (a face detector would not be fooled; a reader of the
 * layout sees a picture area). */
static void
draw_portrait (cairo_t      *cr,
               PfRect        box,
               SpecimenRng  *rng,
               gboolean      grey)
{
  static const double skins[][3] = {
    { 0.96, 0.80, 0.69 }, { 0.87, 0.67, 0.52 }, { 0.65, 0.46, 0.33 },
    { 0.45, 0.30, 0.21 }, { 0.92, 0.76, 0.62 },
  };
  double skin[3];
  const double *tone = skins[specimen_rng_int (rng, G_N_ELEMENTS (skins))];
  double hair_v = specimen_rng_range (rng, 0.08, 0.6);
  double cloth[3] = { specimen_rng_range (rng, 0.1, 0.5), specimen_rng_range (rng, 0.1, 0.5),
                      specimen_rng_range (rng, 0.15, 0.6) };
  double cx = box.x + box.width * specimen_rng_range (rng, 0.46, 0.54);
  double head_w = box.width * specimen_rng_range (rng, 0.26, 0.32);
  double head_h = head_w * specimen_rng_range (rng, 1.25, 1.4);
  double head_y = box.y + box.height * 0.42;
  cairo_pattern_t *pattern;

  memcpy (skin, tone, sizeof skin);
  cairo_save (cr);
  cairo_rectangle (cr, box.x, box.y, box.width, box.height);
  cairo_clip (cr);
  if (grey)
    {
      /* Laser-engraved portraits on polycarbonate cards are grey. */
      double v = (tone[0] + tone[1] + tone[2]) / 3;
      double cv = (cloth[0] + cloth[1] + cloth[2]) / 3;

      skin[0] = skin[1] = skin[2] = v;
      cloth[0] = cloth[1] = cloth[2] = cv;
    }

  pattern = cairo_pattern_create_linear (0, box.y, 0, box.y + box.height);
  cairo_pattern_add_color_stop_rgb (pattern, 0, 0.86, 0.88, grey ? 0.88 : 0.92);
  cairo_pattern_add_color_stop_rgb (pattern, 1, 0.72, 0.74, grey ? 0.74 : 0.8);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_pattern_destroy (pattern);

  /* Shoulders and neck. */
  cairo_save (cr);
  cairo_translate (cr, cx, box.y + box.height * 1.02);
  cairo_scale (cr, box.width * 0.5, box.height * 0.3);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, cloth[0], cloth[1], cloth[2]);
  cairo_fill (cr);
  cairo_rectangle (cr, cx - head_w * 0.22, head_y + head_h * 0.3, head_w * 0.44, head_h * 0.5);
  cairo_set_source_rgb (cr, skin[0] * 0.85, skin[1] * 0.85, skin[2] * 0.85);
  cairo_fill (cr);

  /* Hair behind, then the face with a soft light from the front. */
  cairo_save (cr);
  cairo_translate (cr, cx, head_y - head_h * 0.08);
  cairo_scale (cr, head_w * 0.62, head_h * 0.6);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, hair_v, hair_v * 0.8, hair_v * 0.6);
  cairo_fill (cr);

  pattern = cairo_pattern_create_radial (cx - head_w * 0.1, head_y - head_h * 0.1, head_w * 0.05,
                                         cx, head_y, head_w * 0.6);
  cairo_pattern_add_color_stop_rgb (pattern, 0, MIN (1, skin[0] * 1.08), MIN (1, skin[1] * 1.08),
                                    MIN (1, skin[2] * 1.08));
  cairo_pattern_add_color_stop_rgb (pattern, 1, skin[0] * 0.8, skin[1] * 0.8, skin[2] * 0.8);
  cairo_save (cr);
  cairo_translate (cr, cx, head_y);
  cairo_scale (cr, head_w * 0.5, head_h * 0.5);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  /* Eyes, brows and mouth as simple marks. */
  cairo_set_source_rgba (cr, 0.15, 0.1, 0.08, 0.8);
  for (int side = -1; side <= 1; side += 2)
    {
      cairo_arc (cr, cx + side * head_w * 0.18, head_y - head_h * 0.05, head_w * 0.045, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_line_width (cr, head_w * 0.035);
      cairo_move_to (cr, cx + side * head_w * 0.08, head_y - head_h * 0.14);
      cairo_line_to (cr, cx + side * head_w * 0.28, head_y - head_h * 0.15);
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, head_w * 0.04);
  cairo_move_to (cr, cx - head_w * 0.14, head_y + head_h * 0.22);
  cairo_curve_to (cr, cx - head_w * 0.05, head_y + head_h * 0.27,
                  cx + head_w * 0.05, head_y + head_h * 0.27, cx + head_w * 0.14, head_y + head_h * 0.22);
  cairo_set_source_rgba (cr, 0.45, 0.2, 0.2, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_signature (cairo_t     *cr,
                PfRect       box,
                SpecimenRng *rng)
{
  double x = box.x + box.width * 0.08;
  double y = box.y + box.height * 0.6;
  int strokes = 3 + specimen_rng_int (rng, 4);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.05, 0.08, 0.35, 0.9);
  cairo_set_line_width (cr, 0.22);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x, y);
  for (int i = 0; i < strokes; i++)
    {
      double nx = x + box.width * specimen_rng_range (&*rng, 0.12, 0.26);

      cairo_curve_to (cr,
                      x + specimen_rng_range (rng, -1, 3), y - box.height * specimen_rng_range (rng, 0.2, 0.6),
                      nx - specimen_rng_range (rng, -1, 3), y + box.height * specimen_rng_range (rng, 0, 0.35),
                      nx, y + box.height * specimen_rng_range (rng, -0.15, 0.15));
      x = nx;
      if (x > box.x + box.width * 0.9)
        break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* An iridescent patch: thin bands of every hue at low opacity. */
static void
draw_hologram (cairo_t          *cr,
               const LayoutSpec *spec,
               SpecimenRng      *rng)
{
  double x = spec->hologram_x, y = spec->hologram_y, r = spec->hologram_r;
  cairo_pattern_t *pattern = cairo_pattern_create_linear (x - r, y - r, x + r, y + r);
  double shift = specimen_rng_double (rng);

  for (int i = 0; i <= 12; i++)
    {
      double h = fmod (shift + i / 6.0, 1.0) * 2 * G_PI;

      cairo_pattern_add_color_stop_rgba (pattern, i / 12.0,
                                         0.6 + 0.4 * cos (h), 0.6 + 0.4 * cos (h - 2.09),
                                         0.6 + 0.4 * cos (h + 2.09), 0.35);
    }
  cairo_save (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source (cr, pattern);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.25);
  cairo_set_line_width (cr, 0.1);
  cairo_stroke (cr);
  for (int i = 1; i < 4; i++)
    {
      cairo_arc (cr, x, y, r * i / 4.0, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
}

static char *
field_value (const PfSpecimen *self,
             const char       *field)
{
  guint32 style = self->params.seed / 7;

  if (g_str_equal (field, "surname"))
    return g_utf8_strup (self->surname, -1);
  if (g_str_equal (field, "given-names"))
    return g_utf8_strup (self->given_names, -1);
  if (g_str_equal (field, "nationality"))
    return g_strdup (self->nationality);
  if (g_str_equal (field, "sex"))
    return g_strdup (self->sex);
  if (g_str_equal (field, "birth-date"))
    return specimen_printed_date (self->birth_date, style);
  if (g_str_equal (field, "expiry-date"))
    return specimen_printed_date (self->expiry_date, style);
  if (g_str_equal (field, "issue-date"))
    return specimen_printed_date (self->issue_date, style);
  if (g_str_equal (field, "document-number"))
    return g_strdup (self->document_number);
  if (g_str_equal (field, "birth-place"))
    return g_utf8_strup (self->birth_place, -1);
  if (g_str_equal (field, "type"))
    return g_strndup (self->document_code, 1);
  if (g_str_equal (field, "code"))
    return g_strdup (self->issuing_state);
  if (g_str_equal (field, "authority"))
    return g_strdup ("CIVIL REGISTRY");
  if (g_str_equal (field, "categories"))
    return g_strdup ("AM/A1/B/BE");
  return g_strdup ("");
}

/* Draws the MRZ character by character on its fixed 2.54 mm pitch, each
 * centred in its cell, with capitals PF_SPECIMEN_TEXT_HEIGHT_MM tall
 * (OCR-B's own capitals at that pitch would be taller than ICAO's 2.0 to
 * 2.3 mm), and records each line's ink box. */
static void
draw_mrz (Draw             *d,
          const PfSpecimen *self,
          const LayoutSpec *spec)
{
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string ("OCR B");
  PfRect box = mrz_rect_mm (spec);
  PangoRectangle ink, logical;
  cairo_matrix_t matrix;
  double em, cap_top, probe;

  /* The font's capital height and advance, per em, measured at 100 mm,
   * or less when the document is drawn so fine (a 12 megapixel close-up)
   * that cairo would refuse a font that large in pixels. */
  cairo_get_matrix (d->cr, &matrix);
  probe = MIN (100, 1000 / MAX (hypot (matrix.xx, matrix.yx), 1e-6));
  pango_font_description_set_absolute_size (desc, probe * PANGO_SCALE);
  pango_layout_set_font_description (d->layout, desc);
  pango_layout_set_text (d->layout, "M", -1);
  pango_layout_get_extents (d->layout, &ink, &logical);
  em = PF_SPECIMEN_TEXT_HEIGHT_MM / (ink.height / (double) PANGO_SCALE / probe);
  cap_top = ink.y / (double) PANGO_SCALE / probe * em;
  pango_font_description_set_absolute_size (desc, em * PANGO_SCALE);
  pango_layout_set_font_description (d->layout, desc);

  cairo_save (d->cr);
  cairo_set_source_rgb (d->cr, 0.06, 0.06, 0.07);
  for (int i = 0; i < self->n_mrz_lines; i++)
    {
      const char *line = self->mrz_lines[i];
      double top = box.y + MRZ_OVERSHOOT_MM + i * MRZ_LINE_PITCH_MM;
      double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      for (int k = 0; line[k] != '\0'; k++)
        {
          double x;

          pango_layout_set_text (d->layout, line + k, 1);
          pango_layout_get_extents (d->layout, &ink, &logical);
          x = box.x + k * MRZ_PITCH_MM + (MRZ_PITCH_MM - logical.width / (double) PANGO_SCALE) / 2;
          cairo_move_to (d->cr, x, top - cap_top);
          pango_cairo_show_layout (d->cr, d->layout);
          if (ink.width > 0)
            {
              min_x = MIN (min_x, x + ink.x / (double) PANGO_SCALE);
              max_x = MAX (max_x, x + (ink.x + ink.width) / (double) PANGO_SCALE);
              min_y = MIN (min_y, top - cap_top + ink.y / (double) PANGO_SCALE);
              max_y = MAX (max_y, top - cap_top + (ink.y + ink.height) / (double) PANGO_SCALE);
            }
        }
      if (d->texts != NULL && max_x > min_x)
        {
          SpecimenTextMm item = { "mrz", g_strdup (line), min_x, min_y, max_x - min_x, max_y - min_y };

          g_array_append_val (d->texts, item);
        }
    }
  cairo_restore (d->cr);
}

/**
 * specimen_document_draw:
 *
 * Returns: (transfer full): an ARGB32 surface of the document at
 *   @px_per_mm, with a 2-pixel transparent margin on every side
 */
cairo_surface_t *
specimen_document_draw (const PfSpecimen *self,
                        double            px_per_mm,
                        GArray           *texts_mm)
{
  const LayoutSpec *spec = &layouts[self->params.layout];
  SpecimenPalette palette;
  SpecimenRng rng;
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  Draw d = { 0 };
  int w = (int) ceil (spec->width * px_per_mm) + 4;
  int h = (int) ceil (spec->height * px_per_mm) + 4;
  gboolean grey_portrait;

  specimen_palette_for_seed (&palette, self->params.seed);
  specimen_rng_init (&rng, self->params.seed, 3);
  grey_portrait = self->params.layout == PF_SPECIMEN_TD1 && specimen_rng_double (&rng) < 0.5;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  d.cr = cairo_create (surface);
  d.texts = texts_mm;
  cairo_translate (d.cr, 2, 2);
  cairo_scale (d.cr, px_per_mm, px_per_mm);

  /* Unhinted text, so that its size and place scale exactly with
   * px_per_mm and the recorded boxes hold at every resolution. */
  d.context = pango_cairo_create_context (d.cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (d.context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (d.context, FALSE);
  d.layout = pango_layout_new (d.context);

  rounded_rect (d.cr, 0, 0, spec->width, spec->height, spec->radius);
  cairo_clip (d.cr);
  set_rgb (d.cr, palette.base);
  cairo_paint (d.cr);
  draw_waves (surface, px_per_mm, &palette, &rng);
  draw_rosette (d.cr, spec, &palette, &rng);

  /* The header band with the title. */
  {
    static const double white[3] = { 0.98, 0.98, 0.97 };
    cairo_pattern_t *band = cairo_pattern_create_linear (0, 0, spec->width, 0);

    cairo_pattern_add_color_stop_rgb (band, 0, palette.accent[0], palette.accent[1], palette.accent[2]);
    cairo_pattern_add_color_stop_rgb (band, 1, palette.accent[0] * 0.7 + 0.3 * palette.base[0],
                                      palette.accent[1] * 0.7 + 0.3 * palette.base[1],
                                      palette.accent[2] * 0.7 + 0.3 * palette.base[2]);
    cairo_rectangle (d.cr, 0, 0, spec->width, spec->header);
    cairo_set_source (d.cr, band);
    cairo_fill (d.cr);
    cairo_pattern_destroy (band);
    draw_text (&d, "title", "REPUBLIC OF UTOPIA", "DejaVu Sans Bold", spec->header * 0.28,
               3.5, spec->header * 0.1, spec->width * 0.6, white);
    draw_text (&d, "title", spec->title, "DejaVu Sans", spec->header * 0.36,
               3.5, spec->header * 0.46, spec->width * 0.6, white);
  }

  draw_portrait (d.cr, spec->photo, &rng, grey_portrait);
  draw_hologram (d.cr, spec, &rng);

  for (const FieldSpec *f = spec->fields; f->field != NULL; f++)
    {
      g_autofree char *value = field_value (self, f->field);
      double y = spec->rows_y + f->row * spec->row_pitch;
      const char *record = f->field;

      if (g_str_equal (f->field, "type") || g_str_equal (f->field, "code")
          || g_str_equal (f->field, "categories"))
        record = "other";
      draw_text (&d, "label", f->label, "DejaVu Sans", LABEL_EM_MM, f->x, y, f->width,
                 palette.label);
      draw_text (&d, record, value, "DejaVu Sans Bold", VALUE_EM_MM, f->x, y + VALUE_DROP_MM,
                 f->width, palette.text);
    }

  draw_text (&d, "label", "Signature", "DejaVu Sans", LABEL_EM_MM, spec->signature.x,
             spec->signature.y, spec->signature.width, palette.label);
  draw_signature (d.cr, (PfRect) { spec->signature.x, spec->signature.y + 1.5,
                                   spec->signature.width, spec->signature.height - 1.5 }, &rng);

  if (spec->n_mrz_lines > 0)
    draw_mrz (&d, self, spec);

  /* The card's edge catches a little light. */
  rounded_rect (d.cr, 0, 0, spec->width, spec->height, spec->radius);
  cairo_set_source_rgba (d.cr, 1, 1, 1, 0.35);
  cairo_set_line_width (d.cr, 0.3);
  cairo_stroke (d.cr);

  g_object_unref (d.layout);
  g_object_unref (d.context);
  cairo_destroy (d.cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Zeroes a surface's pixels before releasing it: they show a document. */
void
specimen_surface_destroy_secure (cairo_surface_t *surface)
{
  if (surface == NULL)
    return;
  cairo_surface_flush (surface);
  pf_secure_zero (cairo_image_surface_get_data (surface),
                  (gsize) cairo_image_surface_get_stride (surface)
                    * cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
}

void
specimen_layout_rects_mm (PfSpecimenLayout layout,
                          PfRect          *mrz,
                          PfRect          *photo,
                          PfRect          *blank)
{
  const LayoutSpec *spec = &layouts[layout];

  *mrz = spec->n_mrz_lines > 0 ? mrz_rect_mm (spec) : (PfRect) { 0, 0, 0, 0 };
  *photo = spec->photo;
  *blank = spec->blank;
}

/* A point on the first characters of the @index-th field's value, in
 * millimetres: every value starts at its field's left edge. */
gboolean
specimen_layout_field_anchor (PfSpecimenLayout layout,
                              int              index,
                              double          *x_mm,
                              double          *y_mm)
{
  const LayoutSpec *spec = &layouts[layout];
  int n = 0;

  while (spec->fields[n].field != NULL)
    n++;
  if (index < 0 || index >= n)
    return FALSE;
  *x_mm = spec->fields[index].x + 1.2;
  *y_mm = spec->rows_y + spec->fields[index].row * spec->row_pitch + VALUE_DROP_MM
          + PF_SPECIMEN_TEXT_HEIGHT_MM * 0.75;
  return TRUE;
}
