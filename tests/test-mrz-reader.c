/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The MRZ reader on drawn documents: random valid MRZs of every layout in
 * OCR-B, over a grid of print sizes, blur, tilt, noise and JPEG quality,
 * with the text known by construction. */

#include <math.h>
#include <string.h>

#include "pf-mrz-reader-private.h"
#include "pf-specimen.h"
#include "test-mrz-specimens.h"
#include "test-mrz-util.h"

/* A TD1 with a 12-character document number (see test-mrz.c). */
#define TD1_LONG_NUMBER \
  "I<UTOD23145890<7349<AB12<<<<<<\n" \
  "7408122F1204159UTO<<<<<<<<<<<4\n" \
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"

static PfMrzReadOptions options;

static char *
reading_text (PfMrzReading *reading)
{
  GString *text = g_string_new (NULL);

  for (guint l = 0; l < pf_mrz_reading_get_n_lines (reading); l++)
    {
      if (l > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, pf_mrz_reading_get_line (reading, l));
    }
  return g_string_free (text, FALSE);
}

static PfMrzReading *
read_image (const MrzTestImage *image,
            GError            **error)
{
  return pf_mrz_read_grey (image->grey, image->width, image->height, image->width, &options,
                           error);
}

static void
test_specimens (void)
{
  const char *texts[] = {
    TD1_SPECIMEN, TD2_SPECIMEN, TD3_SPECIMEN, MRV_A_SPECIMEN, MRV_B_SPECIMEN, TD1_LONG_NUMBER,
  };
  PfMrzLayout layouts[] = {
    PF_MRZ_LAYOUT_TD1, PF_MRZ_LAYOUT_TD2, PF_MRZ_LAYOUT_TD3, PF_MRZ_LAYOUT_MRV_A,
    PF_MRZ_LAYOUT_MRV_B, PF_MRZ_LAYOUT_TD1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      MrzTestConditions conditions = { .cap_height = 20, .pitch_ratio = 1, .document = TRUE,
                                        .seed = i };
      g_autoptr(MrzTestImage) image = mrz_test_render (texts[i], &conditions);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrzReading) reading = read_image (image, &error);
      g_autofree char *text = NULL;
      PfPoint band[4];
      PfMrz *mrz;

      g_assert_no_error (error);
      text = reading_text (reading);
      g_assert_cmpstr (text, ==, texts[i]);
      mrz = pf_mrz_reading_get_mrz (reading);
      g_assert_cmpint (pf_mrz_get_layout (mrz), ==, layouts[i]);
      g_assert_cmpstr (pf_mrz_get_field (mrz, PF_MRZ_FIELD_SURNAME), ==, "ERIKSSON");
      g_assert_true (pf_mrz_reading_get_valid (reading));
      g_assert_false (pf_mrz_reading_get_corrected (reading));
      g_assert_false (pf_mrz_reading_get_upside_down (reading));
      g_assert_cmpfloat_with_epsilon (pf_mrz_reading_get_char_height (reading), 20, 2);

      /* Every confidence is a probability, and a clean print is read
       * surely. */
      for (guint l = 0; l < pf_mrz_reading_get_n_lines (reading); l++)
        for (guint k = 0; k < strlen (pf_mrz_reading_get_line (reading, l)); k++)
          {
            double confidence = pf_mrz_reading_get_confidences (reading, l)[k];

            g_assert_cmpfloat (confidence, >=, 0.5);
            g_assert_cmpfloat (confidence, <=, 1.0);
          }
      g_assert_cmpfloat (pf_mrz_reading_get_field_confidence (reading, PF_MRZ_FIELD_BIRTH_DATE),
                         >, 0.9);
      if (layouts[i] != PF_MRZ_LAYOUT_TD1)
        g_assert_cmpfloat (pf_mrz_reading_get_field_confidence (reading,
                                                                PF_MRZ_FIELD_OPTIONAL_DATA_2),
                           ==, 0);

      /* The band found is the band drawn, give or take half a character. */
      pf_mrz_reading_get_band (reading, band);
      g_assert_cmpfloat (fabs (band[0].x - image->band.x), <, 12);
      g_assert_cmpfloat (fabs (band[2].x - (image->band.x + image->band.width)), <, 12);
      g_assert_cmpfloat (fabs (band[0].y - image->band.y), <, 12);
      g_assert_cmpfloat (fabs (band[2].y - (image->band.y + image->band.height)), <, 12);
    }
}

/* One kind of picture in the grid. Blur is given relative to the height
 * of the characters, since that is what decides legibility. */
typedef struct
{
  const char *name;
  double      blur;
  double      angle;
  double      noise;
  int         jpeg;
  gboolean    moderate;
} Condition;

static const Condition grid_conditions[] = {
  { "clean", 0, 0, 0, 0, TRUE },
  { "blur 0.05", 0.05, 0, 0, 0, TRUE },
  { "blur 0.08", 0.08, 0, 0, 0, TRUE },
  { "blur 0.11", 0.11, 0, 0, 0, FALSE },
  { "blur 0.14", 0.14, 0, 0, 0, FALSE },
  { "blur 0.17", 0.17, 0, 0, 0, FALSE },
  { "tilt 1", 0, 1, 0, 0, TRUE },
  { "tilt -2", 0, -2, 0, 0, TRUE },
  { "tilt 3", 0, 3, 0, 0, FALSE },
  { "noise 8", 0, 0, 8, 0, TRUE },
  { "noise 16", 0, 0, 16, 0, TRUE },
  { "noise 30", 0, 0, 30, 0, FALSE },
  { "jpeg 75", 0, 0, 0, 75, TRUE },
  { "jpeg 40", 0, 0, 0, 40, TRUE },
  { "jpeg 20", 0, 0, 0, 20, FALSE },
  { "jpeg 10", 0, 0, 0, 10, FALSE },
  { "mixed", 0.06, 1.5, 8, 70, TRUE },
  { "mixed hard", 0.10, -2, 14, 45, FALSE },
};

static const double cap_heights[] = { 12, 16, 24, 40 };

#define DOCS_PER_CELL 5

typedef struct
{
  guint docs;
  guint read;
  guint whole;
  guint fields;
  guint fields_right;
  guint chars;
  guint chars_wrong;
  double ms;
} Tally;

static void
tally_reading (Tally        *tally,
               const char   *truth,
               PfMrzReading *reading)
{
  g_autoptr(PfMrz) expected = pf_mrz_parse (truth, &options.today, NULL);
  gsize n = strlen (truth);

  g_assert_nonnull (expected);
  g_assert_true (pf_mrz_is_valid (expected));
  tally->docs++;
  tally->chars += n;
  tally->fields += PF_MRZ_N_FIELDS;

  if (reading == NULL)
    {
      tally->chars_wrong += n;
      return;
    }

  {
    g_autofree char *text = reading_text (reading);
    PfMrz *mrz = pf_mrz_reading_get_mrz (reading);

    tally->read++;
    if (g_str_equal (text, truth))
      tally->whole++;
    for (gsize k = 0; k < n; k++)
      if (k >= strlen (text) || text[k] != truth[k])
        tally->chars_wrong++;
    for (PfMrzField f = 0; f < PF_MRZ_N_FIELDS; f++)
      if (g_strcmp0 (pf_mrz_get_field (mrz, f), pf_mrz_get_field (expected, f)) == 0)
        tally->fields_right++;
  }
}

static void
add_tally (Tally       *sum,
           const Tally *part)
{
  sum->docs += part->docs;
  sum->read += part->read;
  sum->whole += part->whole;
  sum->fields += part->fields;
  sum->fields_right += part->fields_right;
  sum->chars += part->chars;
  sum->chars_wrong += part->chars_wrong;
  sum->ms += part->ms;
}

static void
test_grid (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9303);
  Tally moderate = { 0 }, hard = { 0 };
  g_autoptr(GString) header = g_string_new ("condition     ");
  guint32 seed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (cap_heights); k++)
    g_string_append_printf (header, "   cap %2.0f", cap_heights[k]);
  g_test_message ("Whole MRZs read right, of %d documents (every layout, print as the font "
                  "sets it and 15%% wider):", DOCS_PER_CELL);
  g_test_message ("%s   fields  char errors", header->str);

  for (guint c = 0; c < G_N_ELEMENTS (grid_conditions); c++)
    {
      const Condition *condition = &grid_conditions[c];
      g_autoptr(GString) row = g_string_new (NULL);
      Tally row_tally = { 0 };

      g_string_printf (row, "%-14s", condition->name);
      for (guint k = 0; k < G_N_ELEMENTS (cap_heights); k++)
        {
          Tally cell = { 0 };

          for (guint d = 0; d < DOCS_PER_CELL; d++)
            {
              g_autofree char *truth = mrz_test_make_text (rand, d % 5);
              MrzTestConditions render = {
                .cap_height = cap_heights[k],
                .pitch_ratio = (seed % 2) ? 1.15 : 1.0,
                .blur_sigma = condition->blur * cap_heights[k],
                .angle_deg = condition->angle,
                .noise_sigma = condition->noise,
                .jpeg_quality = condition->jpeg,
                .document = TRUE,
                .seed = seed++,
              };
              g_autoptr(MrzTestImage) image = mrz_test_render (truth, &render);
              g_autoptr(PfMrzReading) reading = NULL;
              gint64 start = g_get_monotonic_time ();

              reading = read_image (image, NULL);
              cell.ms += (g_get_monotonic_time () - start) / 1000.0;
              tally_reading (&cell, truth, reading);
            }
          g_string_append_printf (row, "   %4u/%-2u", cell.whole, DOCS_PER_CELL);
          add_tally (&row_tally, &cell);
        }
      g_string_append_printf (row, "   %5.1f%%   %6.2f%%  %s",
                              100.0 * row_tally.fields_right / row_tally.fields,
                              100.0 * row_tally.chars_wrong / row_tally.chars,
                              condition->moderate ? "" : "(hard)");
      g_test_message ("%s", row->str);
      add_tally (condition->moderate ? &moderate : &hard, &row_tally);
    }

  g_test_message ("Clean to moderate: %u/%u whole MRZs right (%.1f%%), fields %.1f%%, "
                  "character errors %.2f%%, %.0f ms a document",
                  moderate.whole, moderate.docs, 100.0 * moderate.whole / moderate.docs,
                  100.0 * moderate.fields_right / moderate.fields,
                  100.0 * moderate.chars_wrong / moderate.chars, moderate.ms / moderate.docs);
  g_test_message ("Hard: %u/%u whole MRZs right (%.1f%%), fields %.1f%%, character errors "
                  "%.2f%%",
                  hard.whole, hard.docs, 100.0 * hard.whole / hard.docs,
                  100.0 * hard.fields_right / hard.fields, 100.0 * hard.chars_wrong / hard.chars);

  g_assert_cmpfloat (100.0 * moderate.whole / moderate.docs, >=, 95.0);
  g_assert_cmpfloat (100.0 * hard.chars_wrong / hard.chars, <, 3.0);
}

/* A document whose check digit is really wrong is read as printed, and
 * the failed check reported: the reader must not invent a text whose
 * check digits pass. */
static void
test_wrong_check_digit (void)
{
  const char *texts[] = {
    /* Birth date check digit 2 printed as 3. */
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
    "L898902C36UTO7408123F1204159ZE184226B<<<<<10",
    /* Composite check digit 6 printed as 1. */
    "I<UTOD231458907<<<<<<<<<<<<<<<\n"
    "7408122F1204159UTO<<<<<<<<<<<1\n"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
  };
  PfMrzCheck failed[] = { PF_MRZ_CHECK_BIRTH_DATE, PF_MRZ_CHECK_COMPOSITE };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      MrzTestConditions conditions = { .cap_height = 16, .pitch_ratio = 1, .document = TRUE,
                                        .seed = 40 + i };
      g_autoptr(MrzTestImage) image = mrz_test_render (texts[i], &conditions);
      g_autoptr(PfMrzReading) reading = read_image (image, NULL);
      g_autofree char *text = NULL;

      g_assert_nonnull (reading);
      text = reading_text (reading);
      g_assert_cmpstr (text, ==, texts[i]);
      g_assert_false (pf_mrz_reading_get_valid (reading));
      g_assert_false (pf_mrz_reading_get_corrected (reading));
      g_assert_cmpint (pf_mrz_get_check (pf_mrz_reading_get_mrz (reading), failed[i]), ==,
                       PF_MRZ_CHECK_RESULT_FAILED);
    }
}

/* A rough region: the document somewhere in a larger picture, with other
 * text below it. */
static void
test_region (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *truth = mrz_test_make_text (rand, PF_MRZ_LAYOUT_TD3);
  MrzTestConditions conditions = { .cap_height = 14, .pitch_ratio = 1, .document = TRUE,
                                   .angle_deg = 1, .seed = 3 };
  g_autoptr(MrzTestImage) doc = mrz_test_render (truth, &conditions);
  g_autoptr(MrzTestImage) clutter = mrz_test_render (TD3_SPECIMEN, &conditions);
  int width = doc->width + 300, height = doc->height + clutter->height + 200;
  g_autofree guint8 *grey = g_malloc (width * height);
  PfMrzReadOptions region_options = options;
  g_autoptr(PfMrzReading) reading = NULL;
  g_autofree char *text = NULL;
  PfPoint band[4];

  memset (grey, 90, width * height);
  for (int y = 0; y < doc->height; y++)
    memcpy (grey + (y + 100) * width + 200, doc->grey + y * doc->width, doc->width);
  for (int y = 0; y < clutter->height; y++)
    memcpy (grey + (y + 150 + doc->height) * width + 100, clutter->grey + y * clutter->width,
            clutter->width);

  /* Alone, the lowest MRZ in the picture is the clutter. */
  reading = pf_mrz_read_grey (grey, width, height, width, &options, NULL);
  g_assert_nonnull (reading);
  text = reading_text (reading);
  g_assert_cmpstr (text, ==, TD3_SPECIMEN);
  g_clear_pointer (&reading, pf_mrz_reading_unref);
  g_clear_pointer (&text, g_free);

  /* A rough region around the document: its MRZ, placed in the picture. */
  region_options.region = (PfRect) { 150, 60, doc->width + 100, doc->height + 70 };
  region_options.format = PF_MRZ_FORMAT_TD3;
  reading = pf_mrz_read_grey (grey, width, height, width, &region_options, NULL);
  g_assert_nonnull (reading);
  text = reading_text (reading);
  g_assert_cmpstr (text, ==, truth);
  pf_mrz_reading_get_band (reading, band);
  g_assert_cmpfloat (fabs (band[0].x - (doc->band.x + 200)), <, 12);
  g_assert_cmpfloat (fabs (band[2].y - (doc->band.y + doc->band.height + 100)), <, 12);
}

/* A document upside down: the outline does not say which way up it is,
 * the MRZ does. */
static void
test_upside_down (void)
{
  MrzTestConditions conditions = { .cap_height = 16, .pitch_ratio = 1, .document = TRUE,
                                   .angle_deg = 180.5, .seed = 5 };
  g_autoptr(MrzTestImage) image = mrz_test_render (TD3_SPECIMEN, &conditions);
  g_autoptr(PfMrzReading) reading = read_image (image, NULL);
  g_autofree char *text = NULL;
  PfPoint band[4];

  g_assert_nonnull (reading);
  text = reading_text (reading);
  g_assert_cmpstr (text, ==, TD3_SPECIMEN);
  g_assert_true (pf_mrz_reading_get_upside_down (reading));

  /* The MRZ's top left is at the image's bottom right. */
  pf_mrz_reading_get_band (reading, band);
  g_assert_cmpfloat (fabs (band[0].x - (image->band.x + image->band.width)), <, 12);
  g_assert_cmpfloat (fabs (band[0].y - (image->band.y + image->band.height)), <, 12);
  g_assert_cmpfloat (fabs (band[2].x - image->band.x), <, 12);
  g_assert_cmpfloat (fabs (band[2].y - image->band.y), <, 12);
}

/* The format hint decides between two and three lines. */
static void
test_format_hint (void)
{
  MrzTestConditions conditions = { .cap_height = 18, .pitch_ratio = 1, .document = TRUE };
  g_autoptr(MrzTestImage) image = mrz_test_render (TD1_SPECIMEN, &conditions);
  PfMrzReadOptions hinted = options;
  g_autoptr(PfMrzReading) reading = NULL;
  g_autoptr(GError) error = NULL;

  hinted.format = PF_MRZ_FORMAT_TD1;
  reading = pf_mrz_read_grey (image->grey, image->width, image->height, image->width, &hinted,
                              &error);
  g_assert_no_error (error);
  g_assert_true (pf_mrz_reading_get_valid (reading));
  g_clear_pointer (&reading, pf_mrz_reading_unref);

  /* Told to find a passport's two lines of 44, a card's three lines of 30
   * are no MRZ. */
  hinted.format = PF_MRZ_FORMAT_TD3;
  reading = pf_mrz_read_grey (image->grey, image->width, image->height, image->width, &hinted,
                              &error);
  g_assert_null (reading);
  g_assert_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_NOT_FOUND);
}

static void
test_not_found (void)
{
  g_autofree guint8 *blank = g_malloc (800 * 500);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfMrzReading) reading = NULL;
  MrzTestConditions conditions = { .cap_height = 16, .pitch_ratio = 1, .document = TRUE };
  g_autoptr(MrzTestImage) image = mrz_test_render (TD3_SPECIMEN, &conditions);

  memset (blank, 230, 800 * 500);
  reading = pf_mrz_read_grey (blank, 800, 500, 800, NULL, &error);
  g_assert_null (reading);
  g_assert_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The document above its MRZ: printed text, a photo, no MRZ. */
  reading = pf_mrz_read_grey (image->grey, image->width, image->height * 2 / 3, image->width,
                              NULL, &error);
  g_assert_null (reading);
  g_assert_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Too small to hold anything, and a region outside the image. */
  reading = pf_mrz_read_grey (blank, 40, 10, 800, NULL, &error);
  g_assert_null (reading);
  g_assert_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_IMAGE);
  g_clear_error (&error);
  {
    PfMrzReadOptions outside = { .region = { 900, 600, 100, 100 } };

    reading = pf_mrz_read_grey (blank, 800, 500, 800, &outside, &error);
    g_assert_null (reading);
    g_assert_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_IMAGE);
  }
}

/* The reader takes the photo checks' image object, RGBA. */
static void
test_image (void)
{
  MrzTestConditions conditions = { .cap_height = 16, .pitch_ratio = 1.15, .document = TRUE };
  g_autoptr(MrzTestImage) grey = mrz_test_render (TD2_SPECIMEN, &conditions);
  g_autoptr(PfImage) image = pf_image_new (grey->width, grey->height);
  guint8 *rgba = pf_image_get_data_mutable (image);
  g_autoptr(PfMrzReading) reading = NULL;
  g_autofree char *text = NULL;

  for (int k = 0; k < grey->width * grey->height; k++)
    {
      memset (rgba + 4 * k, grey->grey[k], 3);
      rgba[4 * k + 3] = 255;
    }
  reading = pf_mrz_read (image, NULL, NULL);
  g_assert_nonnull (reading);
  text = reading_text (reading);
  g_assert_cmpstr (text, ==, TD2_SPECIMEN);
  g_assert_true (g_type_is_a (PF_TYPE_MRZ_READING, G_TYPE_BOXED));
}

/* Pictures that are no document (noise, stripes, blocks, tiny, long and
 * thin): a reading or an error, never a crash, and a reading has lines
 * of its layout's length. */
static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (44);

  for (guint round = 0; round < 60; round++)
    {
      int width = g_rand_int_range (rand, 1, round % 10 == 0 ? 3000 : 900);
      int height = g_rand_int_range (rand, 1, round % 10 == 1 ? 3000 : 600);
      int kind = round % 4;
      g_autofree guint8 *grey = g_malloc ((gsize) width * height);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrzReading) reading = NULL;

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            guint8 v;

            if (kind == 0)
              v = g_rand_int_range (rand, 0, 256);
            else if (kind == 1)
              v = (x / 7 + y / 13) % 2 ? 30 : 220;
            else if (kind == 2)
              v = (x % 23 < 12 && y % 31 < 20) ? 20 : 230;
            else
              v = (x % 9 < 5 && (y / 15) % 3 == 0) ? 10 : 240;
            grey[(gsize) y * width + x] = v;
          }

      reading = pf_mrz_read_grey (grey, width, height, width, NULL, &error);
      g_assert_true ((reading == NULL) != (error == NULL));
      if (reading != NULL)
        {
          guint length = strlen (pf_mrz_reading_get_line (reading, 0));

          g_assert_true (length == 30 || length == 36 || length == 44);
          for (guint l = 0; l < pf_mrz_reading_get_n_lines (reading); l++)
            g_assert_cmpuint (strlen (pf_mrz_reading_get_line (reading, l)), ==, length);
        }
    }
}

/* Reads @grey and describes everything the reading says, to the last
 * bit of every confidence: two readings agree when their descriptions do. */
static char *
describe_reading (const guint8 *grey,
                  int           width,
                  int           height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfMrzReading) reading = pf_mrz_read_grey (grey, width, height, width, &options,
                                                      &error);
  GString *description = g_string_new (NULL);
  PfPoint band[4];

  if (reading == NULL)
    {
      g_string_printf (description, "error %d", error->code);
      return g_string_free (description, FALSE);
    }
  pf_mrz_reading_get_band (reading, band);
  g_string_printf (description, "height %a band", pf_mrz_reading_get_char_height (reading));
  for (int k = 0; k < 4; k++)
    g_string_append_printf (description, " %a,%a", band[k].x, band[k].y);
  for (guint l = 0; l < pf_mrz_reading_get_n_lines (reading); l++)
    {
      const char *line = pf_mrz_reading_get_line (reading, l);
      const double *confidences = pf_mrz_reading_get_confidences (reading, l);

      g_string_append_printf (description, "\n%s", line);
      for (gsize k = 0; k < strlen (line); k++)
        g_string_append_printf (description, " %a", confidences[k]);
    }
  return g_string_free (description, FALSE);
}

/* Where the processor has AVX2, cells are correlated eight floats at a
 * time; elsewhere four. Both add the same products in the same order, so
 * a photo reads alike on every processor: here both paths read drawn
 * MRZs (sharp, blurred, turned, noisy, compressed) and noise, and must
 * agree bit for bit. */
static void
test_paths_agree (void)
{
  const MrzTestConditions conditions[] = {
    { .cap_height = 18, .pitch_ratio = 1, .document = TRUE },
    { .cap_height = 14, .pitch_ratio = 1.15, .blur_sigma = 1.6, .document = TRUE },
    { .cap_height = 22, .pitch_ratio = 1, .angle_deg = 4, .noise_sigma = 12, .document = TRUE },
    { .cap_height = 11, .pitch_ratio = 1.15, .jpeg_quality = 40, .document = TRUE },
  };
  const char *texts[] = { TD1_SPECIMEN, TD2_SPECIMEN, TD3_SPECIMEN, TD1_LONG_NUMBER };
  g_autoptr(GRand) rand = g_rand_new_with_seed (9303);
  guint n_read = 0;

  if (!pf_mrz_classify_use_wide (TRUE))
    {
      g_test_skip ("this processor has no AVX2: only the narrow path exists here");
      return;
    }

  for (guint i = 0; i <= G_N_ELEMENTS (conditions); i++)
    {
      g_autoptr(MrzTestImage) image = NULL;
      g_autofree guint8 *noise = NULL;
      g_autofree char *wide = NULL, *narrow = NULL;
      const guint8 *grey;
      int width = 700, height = 400;

      if (i < G_N_ELEMENTS (conditions))
        {
          MrzTestConditions c = conditions[i];

          c.seed = i;
          image = mrz_test_render (texts[i], &c);
          grey = image->grey;
          width = image->width;
          height = image->height;
        }
      else
        {
          noise = g_malloc ((gsize) width * height);
          for (int k = 0; k < width * height; k++)
            noise[k] = (k / width / 9) % 3 == 0 && g_rand_boolean (rand) ? 20 : 235;
          grey = noise;
        }

      g_assert_true (pf_mrz_classify_use_wide (TRUE));
      wide = describe_reading (grey, width, height);
      g_assert_false (pf_mrz_classify_use_wide (FALSE));
      narrow = describe_reading (grey, width, height);
      g_assert_cmpstr (narrow, ==, wide);
      n_read += !g_str_has_prefix (wide, "error");
    }
  pf_mrz_classify_use_wide (TRUE);
  /* The drawn MRZs were read, so every line's cells were compared. */
  g_assert_cmpuint (n_read, >=, G_N_ELEMENTS (conditions));
}

/* Long thin strips, as thin as the reader takes (16 by 60 pixels): finding
 * works on a copy reduced by about a thousandth of the long side, here a
 * factor larger than the short side. Each buffer is exactly the image,
 * so that a read past it is a read out of bounds (the sanitizers' build
 * reports it). */
static void
test_thin (void)
{
  static const int sizes[][2] = {
    { 17000, 16 }, { 20000, 17 }, { 33000, 20 }, { 60, 61000 }, { 64, 70000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int width = sizes[i][0], height = sizes[i][1];
      g_autofree guint8 *grey = g_malloc ((gsize) width * height);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfMrzReading) reading = NULL;

      for (int k = 0; k < width * height; k++)
        grey[k] = (k / 7) % 3 ? 235 : 15;
      reading = pf_mrz_read_grey (grey, width, height, width, NULL, &error);
      g_assert_null (reading);
      g_assert_error (error, PF_MRZ_ERROR, PF_MRZ_ERROR_NOT_FOUND);
    }
}

static gpointer
read_in_thread_cb (gpointer data)
{
  MrzTestImage *image = data;
  g_autoptr(PfMrzReading) reading = read_image (image, NULL);

  return reading != NULL ? reading_text (reading) : NULL;
}

/* Readings run in worker threads, several at once (live camera frames
 * beside a chosen photo): nothing is shared but the references. */
static void
test_threads (void)
{
  const char *texts[] = { TD1_SPECIMEN, TD3_SPECIMEN, MRV_B_SPECIMEN };
  MrzTestImage *images[G_N_ELEMENTS (texts)];
  GThread *threads[G_N_ELEMENTS (texts)];

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      MrzTestConditions conditions = { .cap_height = 14 + 4 * i, .pitch_ratio = 1,
                                        .document = TRUE, .seed = 60 + i };

      images[i] = mrz_test_render (texts[i], &conditions);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    threads[i] = g_thread_new ("mrz-reader", read_in_thread_cb, images[i]);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = g_thread_join (threads[i]);

      g_assert_cmpstr (text, ==, texts[i]);
      mrz_test_image_free (images[i]);
    }
}

/* The documents of the shared specimen generator, rectified: the MRZ as
 * the photo checks will hand it over, clean and as a phone would take it
 * (blur of 8% of the characters' height, noise, JPEG, uneven light). */
static void
test_specimen_generator (void)
{
  static const PfSpecimenLayout layouts[] = { PF_SPECIMEN_TD1, PF_SPECIMEN_TD2, PF_SPECIMEN_TD3 };
  static const int widths[] = { 600, 900, 1400 };
  guint n = 0, right = 0;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint32 seed = 1; seed <= 6; seed++)
        {
          PfSpecimenParams params;
          g_autoptr(PfSpecimen) specimen = NULL;
          g_autoptr(PfMrzReading) reading = NULL;
          g_autoptr(GString) truth = g_string_new (NULL);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          gboolean degraded = seed > 3;
          double width_mm, height_mm;

          pf_specimen_params_init (&params);
          params.layout = layouts[l];
          params.seed = seed * 31 + w;
          if (degraded)
            {
              pf_specimen_layout_get_size_mm (layouts[l], &width_mm, &height_mm);
              params.blur_sigma = 0.08 * PF_SPECIMEN_TEXT_HEIGHT_MM * widths[w] / width_mm;
              params.noise_sigma = 6;
              params.jpeg_quality = 70;
              params.light_gradient = 0.3;
            }
          specimen = pf_specimen_new_flat (&params, widths[w]);
          g_assert_cmpint (specimen->n_mrz_lines, >, 0);
          for (int i = 0; i < specimen->n_mrz_lines; i++)
            g_string_append_printf (truth, "%s%s", i > 0 ? "\n" : "", specimen->mrz_lines[i]);

          reading = pf_mrz_read (specimen->image, &options, &error);
          n++;
          if (reading == NULL)
            {
              g_test_message ("%s, %d px%s: %s", pf_specimen_layout_to_string (layouts[l]),
                              widths[w], degraded ? ", degraded" : "", error->message);
              continue;
            }
          text = reading_text (reading);
          if (g_str_equal (text, truth->str))
            right++;
          else
            g_test_message ("%s, %d px%s, seed %u: read wrong",
                            pf_specimen_layout_to_string (layouts[l]), widths[w],
                            degraded ? ", degraded" : "", params.seed);
        }

  g_test_message ("Specimen generator, flat documents: %u/%u whole MRZs right", right, n);
  g_assert_cmpuint (right, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_date_clear (&options.today, 1);
  g_date_set_dmy (&options.today, 1, 3, 2025);

  if (!mrz_test_font_available ())
    {
      g_printerr ("The OCR-B font of Debian's fonts-ocr-b is needed to draw the test images.\n");
      return 1;
    }

  g_test_add_func ("/pf/mrz-reader/specimens", test_specimens);
  g_test_add_func ("/pf/mrz-reader/grid", test_grid);
  g_test_add_func ("/pf/mrz-reader/wrong-check-digit", test_wrong_check_digit);
  g_test_add_func ("/pf/mrz-reader/region", test_region);
  g_test_add_func ("/pf/mrz-reader/upside-down", test_upside_down);
  g_test_add_func ("/pf/mrz-reader/format-hint", test_format_hint);
  g_test_add_func ("/pf/mrz-reader/not-found", test_not_found);
  g_test_add_func ("/pf/mrz-reader/image", test_image);
  g_test_add_func ("/pf/mrz-reader/threads", test_threads);
  g_test_add_func ("/pf/mrz-reader/paths-agree", test_paths_agree);
  g_test_add_func ("/pf/mrz-reader/garbage", test_garbage);
  g_test_add_func ("/pf/mrz-reader/thin", test_thin);
  g_test_add_func ("/pf/mrz-reader/specimen-generator", test_specimen_generator);

  return g_test_run ();
}
