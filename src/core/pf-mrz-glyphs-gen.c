/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A build tool, not part of the core library: renders the 37 MRZ
 * characters of the OCR-B font into the reader's reference cells and
 * writes them as a C source (see pf-mrz-glyphs.h for the cell's geometry).
 *
 *   pf-mrz-glyphs-gen OCRB.otf pf-mrz-glyphs.c
 *
 * Each glyph is rendered with FreeType at OVERSAMPLE times the cell's
 * resolution, thinned or thickened with a round min or max filter, blurred,
 * and averaged down, so that the references look like glyphs printed at
 * different weights and photographed at different sharpness. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "pf-mrz-glyphs.h"

#define OVERSAMPLE 8
#define HI_WIDTH   (PF_MRZ_GLYPH_WIDTH * OVERSAMPLE)
#define HI_HEIGHT  (PF_MRZ_GLYPH_HEIGHT * OVERSAMPLE)

static const char classes[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

/* Coverage of the glyph for @c in a HI_WIDTH x HI_HEIGHT canvas, 0 to 1. */
static gboolean
render_glyph (FT_Face  face,
              char     c,
              double  *canvas)
{
  FT_GlyphSlot slot = face->glyph;
  int baseline = PF_MRZ_GLYPH_BASELINE * OVERSAMPLE;

  if (FT_Load_Char (face, (FT_ULong) c, FT_LOAD_RENDER | FT_LOAD_NO_HINTING) != 0)
    return FALSE;
  if (slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY)
    return FALSE;

  memset (canvas, 0, sizeof (double) * HI_WIDTH * HI_HEIGHT);
  for (unsigned int row = 0; row < slot->bitmap.rows; row++)
    for (unsigned int col = 0; col < slot->bitmap.width; col++)
      {
        int x = slot->bitmap_left + (int) col;
        int y = baseline - slot->bitmap_top + (int) row;

        if (x < 0 || y < 0 || x >= HI_WIDTH || y >= HI_HEIGHT)
          {
            if (slot->bitmap.buffer[row * slot->bitmap.pitch + col] != 0)
              return FALSE;
            continue;
          }
        canvas[y * HI_WIDTH + x] = slot->bitmap.buffer[row * slot->bitmap.pitch + col] / 255.0;
      }
  return TRUE;
}

/* A max filter over a disk of @radius (a min filter for negative radii):
 * strokes grow or shrink by about @radius on each side. */
static void
change_weight (const double *in,
               double       *out,
               int           radius)
{
  int r = abs (radius);

  for (int y = 0; y < HI_HEIGHT; y++)
    for (int x = 0; x < HI_WIDTH; x++)
      {
        double v = in[y * HI_WIDTH + x];

        for (int dy = -r; dy <= r; dy++)
          for (int dx = -r; dx <= r; dx++)
            {
              int sx = x + dx, sy = y + dy;
              double s;

              if (dx * dx + dy * dy > r * r)
                continue;
              s = sx < 0 || sy < 0 || sx >= HI_WIDTH || sy >= HI_HEIGHT ? 0.0
                                                                        : in[sy * HI_WIDTH + sx];
              v = radius > 0 ? MAX (v, s) : MIN (v, s);
            }
        out[y * HI_WIDTH + x] = v;
      }
}

static void
blur (double *data,
      double  sigma)
{
  int radius = (int) ceil (3 * sigma);
  double *kernel = g_new (double, 2 * radius + 1);
  double *tmp = g_new0 (double, HI_WIDTH * HI_HEIGHT);
  double sum = 0;

  for (int i = -radius; i <= radius; i++)
    sum += kernel[i + radius] = exp (-0.5 * i * i / (sigma * sigma));
  for (int i = 0; i <= 2 * radius; i++)
    kernel[i] /= sum;

  for (int y = 0; y < HI_HEIGHT; y++)
    for (int x = 0; x < HI_WIDTH; x++)
      {
        double v = 0;

        for (int i = -radius; i <= radius; i++)
          if (x + i >= 0 && x + i < HI_WIDTH)
            v += kernel[i + radius] * data[y * HI_WIDTH + x + i];
        tmp[y * HI_WIDTH + x] = v;
      }
  for (int y = 0; y < HI_HEIGHT; y++)
    for (int x = 0; x < HI_WIDTH; x++)
      {
        double v = 0;

        for (int i = -radius; i <= radius; i++)
          if (y + i >= 0 && y + i < HI_HEIGHT)
            v += kernel[i + radius] * tmp[(y + i) * HI_WIDTH + x];
        data[y * HI_WIDTH + x] = v;
      }

  g_free (tmp);
  g_free (kernel);
}

static void
write_cell (FILE         *out,
            const double *hi)
{
  fprintf (out, "      {");
  for (int y = 0; y < PF_MRZ_GLYPH_HEIGHT; y++)
    {
      fprintf (out, "\n       ");
      for (int x = 0; x < PF_MRZ_GLYPH_WIDTH; x++)
        {
          double sum = 0;

          for (int dy = 0; dy < OVERSAMPLE; dy++)
            for (int dx = 0; dx < OVERSAMPLE; dx++)
              sum += hi[(y * OVERSAMPLE + dy) * HI_WIDTH + x * OVERSAMPLE + dx];
          sum /= OVERSAMPLE * OVERSAMPLE;
          fprintf (out, " %3d,", (int) lround (CLAMP (sum, 0, 1) * 255));
        }
    }
  fprintf (out, "\n      },\n");
}

int
main (int   argc,
      char *argv[])
{
  static const double weights[] = PF_MRZ_GLYPH_WEIGHTS;
  static const double blurs[] = PF_MRZ_GLYPH_BLURS;
  FT_Library library;
  FT_Face face;
  FILE *out;
  double *canvas = g_new (double, HI_WIDTH * HI_HEIGHT);
  double *variant = g_new (double, HI_WIDTH * HI_HEIGHT);
  /* Pixels per em that make one advance OVERSAMPLE cell pixels a column. */
  double ppem = 1000.0 / PF_MRZ_GLYPH_UNITS * OVERSAMPLE;

  G_STATIC_ASSERT (G_N_ELEMENTS (weights) == PF_MRZ_GLYPH_N_WEIGHTS);
  G_STATIC_ASSERT (G_N_ELEMENTS (blurs) == PF_MRZ_GLYPH_N_BLURS);

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s FONT OUTPUT.c\n", argv[0]);
      return 2;
    }

  if (FT_Init_FreeType (&library) != 0 || FT_New_Face (library, argv[1], 0, &face) != 0)
    {
      fprintf (stderr, "%s: cannot open the OCR-B font %s (Debian package fonts-ocr-b)\n",
               argv[0], argv[1]);
      return 1;
    }
  if (face->units_per_EM != 1000)
    {
      fprintf (stderr, "%s: %s is not the OCR-B font this tool expects\n", argv[0], argv[1]);
      return 1;
    }
  FT_Set_Char_Size (face, 0, (FT_F26Dot6) lround (ppem * 64), 72, 72);

  out = fopen (argv[2], "w");
  if (out == NULL)
    {
      perror (argv[2]);
      return 1;
    }

  fprintf (out, "/* Generated by pf-mrz-glyphs-gen from %s. Do not edit. */\n\n"
                "#include \"pf-mrz-glyphs.h\"\n\n"
                "const guint8 pf_mrz_glyphs[PF_MRZ_GLYPH_N_CLASSES][PF_MRZ_GLYPH_N_VARIANTS]"
                "[PF_MRZ_GLYPH_SIZE] = {\n",
           strrchr (argv[1], '/') != NULL ? strrchr (argv[1], '/') + 1 : argv[1]);

  for (int c = 0; classes[c] != '\0'; c++)
    {
      FT_Load_Char (face, (FT_ULong) classes[c], FT_LOAD_NO_SCALE);
      if (face->glyph->metrics.horiAdvance != (FT_Pos) PF_MRZ_GLYPH_ADVANCE ||
          !render_glyph (face, classes[c], canvas))
        {
          fprintf (stderr, "%s: the glyph for '%c' does not fit the reference cell\n",
                   argv[0], classes[c]);
          return 1;
        }

      fprintf (out, "  /* '%c' */\n  {\n", classes[c]);
      for (int w = 0; w < PF_MRZ_GLYPH_N_WEIGHTS; w++)
        for (int b = 0; b < PF_MRZ_GLYPH_N_BLURS; b++)
          {
            int radius = (int) lround (weights[w] / PF_MRZ_GLYPH_UNITS * OVERSAMPLE);

            if (radius != 0)
              change_weight (canvas, variant, radius);
            else
              memcpy (variant, canvas, sizeof (double) * HI_WIDTH * HI_HEIGHT);
            blur (variant, blurs[b] * OVERSAMPLE);
            write_cell (out, variant);
          }
      fprintf (out, "  },\n");
    }
  fprintf (out, "};\n");

  if (fclose (out) != 0)
    {
      perror (argv[2]);
      return 1;
    }

  g_free (canvas);
  g_free (variant);
  FT_Done_Face (face);
  FT_Done_FreeType (library);
  return 0;
}
