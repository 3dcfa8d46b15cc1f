/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The test-document generator, checked by construction: the MRZ it
 * prints is valid, the corners it reports are where the document is, the
 * same parameters give the same pixels, glare is where and how bright it
 * says, greyscale has no colour, and odd sizes do not crash it. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pf-mrz.h"
#include "pf-specimen.h"
#include "pf-specimen-private.h"

static const guint8 *
pixel (PfImage *image,
       int      x,
       int      y)
{
  return pf_image_get_data (image) + (gsize) y * pf_image_get_stride (image) + 4 * x;
}

/* A clean render: no noise, light or camera touches. */
static void
clean_params (PfSpecimenParams *p,
              PfSpecimenLayout  layout,
              guint32           seed,
              int               width,
              int               height)
{
  pf_specimen_params_init (p);
  p->layout = layout;
  p->seed = seed;
  p->frame_width = width;
  p->frame_height = height;
}

static void
assert_check_digit (const char *line,
                    int         start,
                    int         len,
                    int         check_at)
{
  int digit = pf_mrz_check_digit (line + start, len);

  g_assert_cmpint (digit, >=, 0);
  g_assert_cmpint (line[check_at], ==, '0' + digit);
}

static void
assert_composite (const char *const parts[],
                  const int         starts[],
                  const int         lens[],
                  int               n,
                  char              expected)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    g_string_append_len (text, parts[i] + starts[i], lens[i]);
  g_assert_cmpint (expected, ==, '0' + pf_mrz_check_digit (text->str, -1));
  g_string_free (text, TRUE);
}

static void
assert_mrz_chars (const char *line)
{
  for (const char *c = line; *c != '\0'; c++)
    g_assert_true ((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '<');
}

static char *
mrz_date_of (const char *iso)
{
  return g_strdup_printf ("%.2s%.2s%.2s", iso + 2, iso + 5, iso + 8);
}

/* Every check digit, for every layout, over many seeds; and the fields
 * in the MRZ agree with the truth. */
static void
test_mrz_valid (void)
{
  for (guint32 seed = 1; seed <= 80; seed++)
    for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
      {
        PfSpecimenParams p;
        g_autoptr (PfSpecimen) s = NULL;
        g_autofree char *birth = NULL;
        g_autofree char *expiry = NULL;
        const char *l1, *l2;

        clean_params (&p, layout, seed, 24, 16);
        s = pf_specimen_new (&p);
        birth = mrz_date_of (s->birth_date);
        expiry = mrz_date_of (s->expiry_date);

        if (layout == PF_SPECIMEN_LICENCE)
          {
            g_assert_cmpint (s->n_mrz_lines, ==, 0);
            continue;
          }

        for (int i = 0; i < s->n_mrz_lines; i++)
          assert_mrz_chars (s->mrz_lines[i]);
        l1 = s->mrz_lines[0];
        l2 = s->mrz_lines[1];

        if (layout == PF_SPECIMEN_TD1)
          {
            const char *parts[] = { l1, l2, l2, l2 };
            const int starts[] = { 5, 0, 8, 18 };
            const int lens[] = { 25, 7, 7, 11 };

            g_assert_cmpint (s->n_mrz_lines, ==, 3);
            for (int i = 0; i < 3; i++)
              g_assert_cmpuint (strlen (s->mrz_lines[i]), ==, 30);
            g_assert_cmpint (l1[0], ==, 'I');
            assert_check_digit (l1, 5, 9, 14);
            assert_check_digit (l2, 0, 6, 6);
            assert_check_digit (l2, 8, 6, 14);
            assert_composite (parts, starts, lens, 4, l2[29]);
            g_assert_true (strncmp (l2, birth, 6) == 0);
            g_assert_true (strncmp (l2 + 8, expiry, 6) == 0);
            g_assert_true (strncmp (l1 + 5, s->document_number, strlen (s->document_number)) == 0);
            g_assert_cmpint (l2[7], ==, g_str_equal (s->sex, "X") ? '<' : s->sex[0]);
            g_assert_true (strncmp (l2 + 15, s->nationality, strlen (s->nationality)) == 0);
            g_assert_true (strncmp (l1 + 2, s->issuing_state, strlen (s->issuing_state)) == 0);
          }
        else
          {
            gboolean td3 = layout == PF_SPECIMEN_TD3;
            int len = td3 ? 44 : 36;
            const char *parts[] = { l2, l2, l2 };
            const int starts[] = { 0, 13, 21 };
            const int lens[] = { 10, 7, td3 ? 22 : 14 };

            g_assert_cmpint (s->n_mrz_lines, ==, 2);
            g_assert_cmpuint (strlen (l1), ==, len);
            g_assert_cmpuint (strlen (l2), ==, len);
            g_assert_cmpint (l1[0], ==, td3 ? 'P' : 'I');
            assert_check_digit (l2, 0, 9, 9);
            assert_check_digit (l2, 13, 6, 19);
            assert_check_digit (l2, 21, 6, 27);
            if (td3)
              assert_check_digit (l2, 28, 14, 42);
            assert_composite (parts, starts, lens, 3, l2[len - 1]);
            g_assert_true (strncmp (l2 + 13, birth, 6) == 0);
            g_assert_true (strncmp (l2 + 21, expiry, 6) == 0);
            g_assert_true (strncmp (l2, s->document_number, strlen (s->document_number)) == 0);
            g_assert_true (strncmp (l2 + 10, s->nationality, strlen (s->nationality)) == 0);
            g_assert_true (strncmp (l1 + 2, s->issuing_state, strlen (s->issuing_state)) == 0);
          }
      }
}

static void
test_transliteration (void)
{
  static const struct
  {
    const char *name;
    int         variant;
    const char *mrz;
  } cases[] = {
    { "Müller", 0, "MUELLER" }, { "Müller", 1, "MULLER" }, { "Müller", 2, "MUXXLLER" },
    { "Núñez", 0, "NUNEZ" }, { "Núñez", 2, "NUNXXEZ" }, { "Østergaard", 0, "OESTERGAARD" },
    { "Åberg", 0, "AABERG" }, { "Åberg", 1, "ABERG" }, { "Weiß", 0, "WEISS" },
    { "O'Connor", 0, "OCONNOR" }, { "van der Berg", 0, "VAN<DER<BERG" },
    { "Þór", 0, "THOR" }, { "Łukasiewicz", 0, "LUKASIEWICZ" }, { "Dvořák", 0, "DVORAK" },
    { "Çelik", 0, "CELIK" }, { "Æsa", 0, "AESA" }, { "Jean-Baptiste", 0, "JEAN<BAPTISTE" },
    { "Chloé", 0, "CHLOE" }, { "Zając", 0, "ZAJAC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *mrz = specimen_transliterate (cases[i].name, cases[i].variant);

      g_assert_cmpstr (mrz, ==, cases[i].mrz);
    }
}

/* Names in the MRZ are the printed names transliterated, in full or cut
 * at the end of the field; long names do get cut. */
static void
test_names (void)
{
  int truncated = 0, diacritics = 0;

  for (guint32 seed = 1; seed <= 300; seed++)
    {
      PfSpecimenParams p;
      g_autoptr (PfSpecimen) s = NULL;
      gboolean full;

      clean_params (&p, seed % 2 ? PF_SPECIMEN_TD1 : PF_SPECIMEN_TD3, seed, 8, 8);
      s = pf_specimen_new (&p);
      g_assert_nonnull (s->mrz_surname);
      g_assert_cmpstr (s->mrz_surname, !=, "");
      for (const char *c = s->mrz_surname; *c; c++)
        g_assert_true ((*c >= 'A' && *c <= 'Z') || *c == ' ');
      full = !s->mrz_name_truncated;
      if (!full)
        truncated++;
      if (!g_str_is_ascii (s->surname) || !g_str_is_ascii (s->given_names))
        diacritics++;

      /* The surname is printed with the same words: its letters' count
       * can only grow by transliteration (AE, SS, TH, XX). */
      if (full)
        g_assert_cmpuint (strlen (s->mrz_surname), >=, g_utf8_strlen (s->surname, -1) - 2);
    }
  g_assert_cmpint (truncated, >, 3);
  g_assert_cmpint (diacritics, >, 30);
}

static void
test_dates (void)
{
  for (guint32 seed = 1; seed <= 200; seed++)
    {
      PfSpecimenParams p;
      g_autoptr (PfSpecimen) s = NULL;
      int by, bm, bd, ey, em, ed;

      clean_params (&p, PF_SPECIMEN_TD3, seed, 8, 8);
      s = pf_specimen_new (&p);
      g_assert_cmpint (sscanf (s->birth_date, "%d-%d-%d", &by, &bm, &bd), ==, 3);
      g_assert_cmpint (sscanf (s->expiry_date, "%d-%d-%d", &ey, &em, &ed), ==, 3);
      g_assert_cmpint (by, >=, 1940);
      g_assert_cmpint (by, <=, 2008);
      g_assert_cmpint (ey, >=, 2020);
      g_assert_cmpint (ey, <=, 2035);
      g_assert_true (g_date_valid_dmy (bd, bm, by));
      g_assert_true (g_date_valid_dmy (ed, em, ey));
      g_assert_cmpstr (s->issue_date, <, s->expiry_date);
    }
}

static void
test_determinism (void)
{
  PfSpecimenParams p;
  g_autoptr (PfSpecimen) a = NULL;
  g_autoptr (PfSpecimen) b = NULL;
  g_autoptr (PfSpecimen) c = NULL;
  gsize size;

  pf_specimen_params_init (&p);
  p.frame_width = 480;
  p.frame_height = 320;
  pf_specimen_params_random (&p, 7, PF_SPECIMEN_RANDOM_LAYOUT);
  p.noise_sigma = 3;
  p.jpeg_quality = 80;
  pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_TEXT, 0.04, 1.5, 7);
  a = pf_specimen_new (&p);
  b = pf_specimen_new (&p);
  size = pf_image_get_stride (a->image) * pf_image_get_height (a->image);
  g_assert_true (memcmp (pf_image_get_data (a->image), pf_image_get_data (b->image), size) == 0);
  g_assert_cmpstr (a->mrz_lines[0], ==, b->mrz_lines[0]);

  p.seed++;
  c = pf_specimen_new (&p);
  g_assert_false (memcmp (pf_image_get_data (a->image), pf_image_get_data (c->image), size) == 0);
}

/* The same pose on two very different plain surfaces: pixels inside the
 * reported outline are the document (the same in both), pixels outside
 * are the surface (different). */
static void
test_corners (void)
{
  static const double poses[][5] = {
    /* rotation, tilt x, tilt y, centre x, centre y */
    { 0, 0, 0, 0.5, 0.5 },
    { 17, 0, 0, 0.45, 0.55 },
    { -8, 25, 0, 0.5, 0.5 },
    { 5, -10, 30, 0.55, 0.45 },
    { 180, 0, 12, 0.5, 0.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (poses); i++)
    for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
      {
        PfSpecimenParams p;
        g_autoptr (PfSpecimen) dark = NULL;
        g_autoptr (PfSpecimen) light = NULL;
        double cx = 0, cy = 0;
        int inside = 0, outside = 0;

        clean_params (&p, layout, 11 + i, 640, 400);
        p.rotation_deg = poses[i][0];
        p.tilt_x_deg = poses[i][1];
        p.tilt_y_deg = poses[i][2];
        p.center_x = poses[i][3];
        p.center_y = poses[i][4];
        p.doc_width_fraction = 0.55;
        p.background = PF_SPECIMEN_BG_DARK_PLAIN;
        dark = pf_specimen_new (&p);
        p.background = PF_SPECIMEN_BG_LIGHT_PLAIN;
        light = pf_specimen_new (&p);

        for (int k = 0; k < 4; k++)
          {
            g_assert_cmpfloat (fabs (dark->corners[k].x - light->corners[k].x), <, 1e-9);
            cx += dark->corners[k].x / 4;
            cy += dark->corners[k].y / 4;
          }

        /* Points near each corner, 8% of the way to the centre (inside,
         * past the rounded corner) and 10% away from it (outside, beyond
         * the drop shadow). */
        for (int k = 0; k < 4; k++)
          {
            PfPoint c = dark->corners[k];
            int ix = (int) (c.x + (cx - c.x) * 0.08), iy = (int) (c.y + (cy - c.y) * 0.08);
            int ox = (int) (c.x - (cx - c.x) * 0.1), oy = (int) (c.y - (cy - c.y) * 0.1);
            const guint8 *a, *b;

            a = pixel (dark->image, ix, iy);
            b = pixel (light->image, ix, iy);
            g_assert_cmpint (abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]), <=, 3);
            inside++;

            if (ox < 0 || oy < 0 || ox >= 640 || oy >= 400)
              continue;
            a = pixel (dark->image, ox, oy);
            b = pixel (light->image, ox, oy);
            g_assert_cmpint (abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]), >, 100);
            outside++;
          }
        g_assert_cmpint (inside, ==, 4);
        g_assert_cmpint (outside, >=, 2);

        /* Untilted at the centre, the pose gives what was asked. */
        if (poses[i][1] == 0 && poses[i][2] == 0)
          {
            g_assert_cmpfloat (fabs (dark->doc_width_fraction - 0.55), <, 0.005);
            g_assert_cmpfloat (fabs (cx / 640 - poses[i][3]), <, 0.005);
            g_assert_cmpfloat (dark->tilt_deg, <, 0.5);
          }
        else
          g_assert_cmpfloat (fabs (dark->tilt_deg - hypot (poses[i][1], poses[i][2])), <, 4);
      }
}

/* Explicit corners are kept, and the MRZ box holds dark ink. */
static void
test_explicit_corners (void)
{
  PfSpecimenParams p;
  g_autoptr (PfSpecimen) s = NULL;
  PfPoint quad[4] = { { 100, 80 }, { 520, 60 }, { 560, 330 }, { 90, 300 } };
  const PfSpecimenText *mrz;
  int darkest = 255;

  clean_params (&p, PF_SPECIMEN_TD1, 5, 640, 400);
  p.use_corners = TRUE;
  memcpy (p.corners, quad, sizeof quad);
  s = pf_specimen_new (&p);
  for (int k = 0; k < 4; k++)
    {
      g_assert_cmpfloat (s->corners[k].x, ==, quad[k].x);
      g_assert_cmpfloat (s->corners[k].y, ==, quad[k].y);
    }

  mrz = pf_specimen_find_text (s, "mrz");
  g_assert_nonnull (mrz);
  g_assert_cmpstr (mrz->text, ==, s->mrz_lines[0]);
  for (int y = (int) mrz->box.y; y < mrz->box.y + mrz->box.height; y++)
    for (int x = (int) mrz->box.x; x < mrz->box.x + mrz->box.width; x++)
      darkest = MIN (darkest, pixel (s->image, x, y)[1]);
  g_assert_cmpint (darkest, <, 80);
  g_assert_true (s->mrz_box.x <= mrz->box.x + 1 && s->mrz_box.y <= mrz->box.y + 1);
}

static void
test_texts (void)
{
  for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
    {
      PfSpecimenParams p;
      g_autoptr (PfSpecimen) s = NULL;
      const char *fields[] = { "surname", "given-names", "birth-date", "expiry-date",
                               "document-number" };
      int mrz_lines = 0;

      clean_params (&p, layout, 21, 640, 400);
      s = pf_specimen_new (&p);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const PfSpecimenText *t = pf_specimen_find_text (s, fields[i]);

          g_assert_nonnull (t);
          g_assert_cmpfloat (t->box.width, >, 4);
          g_assert_cmpfloat (t->doc_box.x, >=, 0);
          g_assert_cmpfloat (t->doc_box.x + t->doc_box.width, <=, 1);
        }
      {
        g_autofree char *upper = g_utf8_strup (s->surname, -1);

        g_assert_cmpstr (pf_specimen_find_text (s, "surname")->text, ==, upper);
      }
      g_assert_cmpstr (pf_specimen_find_text (s, "document-number")->text, ==, s->document_number);
      for (int i = 0; i < s->n_texts; i++)
        if (g_str_equal (s->texts[i].field, "mrz"))
          g_assert_cmpstr (s->texts[i].text, ==, s->mrz_lines[mrz_lines++]);
      g_assert_cmpint (mrz_lines, ==, s->n_mrz_lines);

      /* Nothing is printed in the blank area. */
      for (int i = 0; i < s->n_texts; i++)
        {
          PfRect t = s->texts[i].doc_box, b = s->doc_blank_box;

          g_assert_false (t.x < b.x + b.width && b.x < t.x + t.width
                          && t.y < b.y + b.height && b.y < t.y + t.height);
        }
    }
}

static void
test_glare (void)
{
  PfSpecimenParams p;
  g_autoptr (PfSpecimen) text = NULL;
  g_autoptr (PfSpecimen) blank = NULL;
  g_autoptr (PfSpecimen) sheen = NULL;
  PfSpecimenDefects defects;
  PfRect box;
  int brightest = 0;

  clean_params (&p, PF_SPECIMEN_TD3, 3, 800, 560);
  g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_TEXT, 0.03, 1.5, 1));
  text = pf_specimen_new (&p);
  g_assert_true (text->glare_over_text[0]);
  g_assert_true (text->glare_is_defect[0]);
  defects = pf_specimen_get_defects (text, NULL);
  g_assert_true (defects & PF_SPECIMEN_DEFECT_GLARE_TEXT);
  g_assert_false (defects & PF_SPECIMEN_DEFECT_GLARE_BLANK);
  /* The middle of the core is pure white. */
  box = text->glare_boxes[0];
  {
    const guint8 *c = pixel (text->image, (int) (box.x + box.width / 2), (int) (box.y + box.height / 2));

    g_assert_cmpint (c[0], ==, 255);
    g_assert_cmpint (c[1], ==, 255);
    g_assert_cmpint (c[2], ==, 255);
  }

  for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
    for (guint32 seed = 1; seed <= 5; seed++)
      {
        g_autoptr (PfSpecimen) s = NULL;

        clean_params (&p, layout, seed, 400, 300);
        g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_BLANK, 0.03, 2.0, seed));
        s = pf_specimen_new (&p);
        g_assert_false (s->glare_over_text[0]);
        defects = pf_specimen_get_defects (s, NULL);
        g_assert_true (defects & PF_SPECIMEN_DEFECT_GLARE_BLANK);
        g_assert_false (defects & PF_SPECIMEN_DEFECT_GLARE_TEXT);
        if (layout != PF_SPECIMEN_LICENCE)
          {
            clean_params (&p, layout, seed, 400, 300);
            g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_MRZ, 0.03, 2.0, seed));
            g_clear_pointer (&s, pf_specimen_free);
            s = pf_specimen_new (&p);
            g_assert_true (s->glare_over_text[0]);
          }
      }

  /* A sheen lightens but never clips. */
  clean_params (&p, PF_SPECIMEN_TD1, 4, 640, 400);
  g_assert_true (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_BLANK, 0.05, 0.3, 4));
  sheen = pf_specimen_new (&p);
  box = sheen->glare_boxes[0];
  for (int y = (int) box.y; y < box.y + box.height; y++)
    for (int x = (int) box.x; x < box.x + box.width; x++)
      brightest = MAX (brightest, pixel (sheen->image, x, y)[0]);
  g_assert_cmpint (brightest, <, 255);
  g_assert_cmpint (brightest, >, 200);
  g_assert_false (pf_specimen_get_defects (sheen, NULL) & (PF_SPECIMEN_DEFECT_GLARE_TEXT
                                                           | PF_SPECIMEN_DEFECT_GLARE_BLANK));

  /* No MRZ region on a licence. */
  clean_params (&p, PF_SPECIMEN_LICENCE, 4, 64, 48);
  g_assert_false (pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_MRZ, 0.03, 2.0, 1));
}

static void
test_greyscale (void)
{
  for (int jpeg = 0; jpeg <= 1; jpeg++)
    {
      PfSpecimenParams p;
      g_autoptr (PfSpecimen) s = NULL;
      int worst = 0;

      pf_specimen_params_init (&p);
      p.frame_width = 320;
      p.frame_height = 240;
      pf_specimen_params_random (&p, 9, PF_SPECIMEN_RANDOM_DEFAULT);
      pf_specimen_params_add_defect (&p, PF_SPECIMEN_DEFECT_GREYSCALE, 9);
      p.jpeg_quality = jpeg ? 75 : 0;
      s = pf_specimen_new (&p);
      for (int y = 0; y < 240; y++)
        for (int x = 0; x < 320; x++)
          {
            const guint8 *c = pixel (s->image, x, y);

            worst = MAX (worst, MAX (abs (c[0] - c[1]), abs (c[1] - c[2])));
          }
      /* JPEG's rounding may leave a level of difference. */
      g_assert_cmpint (worst, <=, jpeg ? 2 : 0);
      g_assert_true (pf_specimen_get_defects (s, NULL) & PF_SPECIMEN_DEFECT_GREYSCALE);
    }
}

/* Every size from one pixel up, every degradation at once, degenerate
 * corners: something is drawn, nothing crashes. */
static void
test_tiny_frames (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 2, 1 }, { 1, 3 }, { 7, 5 }, { 33, 17 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
      {
        PfSpecimenParams p;
        g_autoptr (PfSpecimen) s = NULL;
        g_autoptr (PfSpecimen) flat = NULL;

        clean_params (&p, layout, i, sizes[i][0], sizes[i][1]);
        p.background = i % PF_SPECIMEN_N_BACKGROUNDS;
        p.blur_sigma = 4;
        p.motion_length = 9;
        p.noise_sigma = 5;
        p.jpeg_quality = 50;
        p.screen_moire = TRUE;
        p.occluder = TRUE;
        p.shadow = 0.5;
        p.vignetting = 0.4;
        p.light_gradient = 0.5;
        pf_specimen_params_add_glare (&p, PF_SPECIMEN_REGION_TEXT, 0, 0, 1);
        s = pf_specimen_new (&p);
        g_assert_cmpint (pf_image_get_width (s->image), ==, sizes[i][0]);
        g_assert_cmpint (pf_image_get_height (s->image), ==, sizes[i][1]);
        pf_specimen_get_defects (s, NULL);
        flat = pf_specimen_new_flat (&p, sizes[i][0]);
        g_assert_nonnull (flat->image);
      }

  /* Nonsense parameters are made sane. */
  {
    PfSpecimenParams p;
    g_autoptr (PfSpecimen) s = NULL;
    g_autoptr (PfSpecimen) t = NULL;

    pf_specimen_params_init (&p);
    p.frame_width = 0;
    p.frame_height = -5;
    p.layout = 99;
    p.background = 99;
    p.doc_width_fraction = -1;
    p.n_glare = 12;
    p.exposure = -1;
    s = pf_specimen_new (&p);
    g_assert_cmpint (pf_image_get_width (s->image), ==, 1);

    /* All four corners at one point: no document can be drawn. */
    pf_specimen_params_init (&p);
    p.frame_width = 64;
    p.frame_height = 48;
    p.use_corners = TRUE;
    for (int k = 0; k < 4; k++)
      p.corners[k] = (PfPoint) { 10, 10 };
    t = pf_specimen_new (&p);
    g_assert_true (pf_specimen_get_defects (t, NULL) & PF_SPECIMEN_DEFECT_NO_DOCUMENT);
  }
}

static void
test_flat (void)
{
  for (int layout = 0; layout < PF_SPECIMEN_N_LAYOUTS; layout++)
    {
      PfSpecimenParams p;
      g_autoptr (PfSpecimen) s = NULL;
      g_autoptr (PfImage) image = NULL;
      double w_mm, h_mm;

      clean_params (&p, layout, 31, 0, 0);
      s = pf_specimen_new_flat (&p, 900);
      pf_specimen_layout_get_size_mm (layout, &w_mm, &h_mm);
      g_assert_cmpint (pf_image_get_width (s->image), ==, 900);
      g_assert_cmpint (abs (pf_image_get_height (s->image) - (int) (900 * h_mm / w_mm + 0.5)), <=, 1);
      g_assert_cmpfloat (fabs (s->px_per_mm - 900 / w_mm), <, 0.1);
      if (s->n_mrz_lines > 0)
        {
          g_assert_cmpfloat (s->mrz_box.y + s->mrz_box.height, <, pf_image_get_height (s->image));
          g_assert_cmpfloat (s->mrz_box.x, >, 0);
        }
      image = pf_specimen_render_flat (layout, 31, 300);
      g_assert_cmpint (pf_image_get_width (image), ==, 300);
    }
}

/* Random good photos are clean for every check; each defect added on
 * purpose is there by construction. */
static void
test_random_and_defects (void)
{
  for (guint32 seed = 1; seed <= 24; seed++)
    {
      PfSpecimenParams p;
      g_autoptr (PfSpecimen) s = NULL;
      PfSpecimenDefects marginal = 0;
      PfSpecimenDefects defects;

      pf_specimen_params_init (&p);
      p.frame_width = 960;
      p.frame_height = 540;
      pf_specimen_params_random (&p, seed, PF_SPECIMEN_RANDOM_LAYOUT);
      s = pf_specimen_new (&p);
      defects = pf_specimen_get_defects (s, &marginal);
      if (defects != 0 || marginal != 0)
        g_test_message ("seed %u: defects %x marginal %x", seed, defects, marginal);
      g_assert_cmpint (defects, ==, 0);
      g_assert_cmpint (marginal, ==, 0);
      for (int d = 0; d < PF_SPECIMEN_N_DEFECTS; d++)
        g_assert_cmpint (pf_specimen_expect (s, pf_specimen_defect_get_check (1 << d)), ==,
                         PF_SPECIMEN_EXPECT_CLEAN);
    }

  for (int d = 0; d < PF_SPECIMEN_N_DEFECTS; d++)
    for (guint32 seed = 1; seed <= 3; seed++)
      {
        PfSpecimenParams p;
        g_autoptr (PfSpecimen) s = NULL;
        PfSpecimenDefects defect = 1 << d;

        pf_specimen_params_init (&p);
        p.layout = (d + seed) % PF_SPECIMEN_N_LAYOUTS;
        if (p.layout == PF_SPECIMEN_LICENCE && defect == PF_SPECIMEN_DEFECT_GLARE_TEXT)
          p.layout = PF_SPECIMEN_TD1;
        p.frame_width = 640;
        p.frame_height = 480;
        pf_specimen_params_random (&p, 100 + seed, PF_SPECIMEN_RANDOM_DEFAULT);
        pf_specimen_params_add_defect (&p, defect, seed);
        s = pf_specimen_new (&p);
        if (!(pf_specimen_get_defects (s, NULL) & defect))
          g_test_message ("%s, seed %u: got %x", pf_specimen_defect_to_string (defect), seed,
                          pf_specimen_get_defects (s, NULL));
        g_assert_true (pf_specimen_get_defects (s, NULL) & defect);
        g_assert_cmpint (pf_specimen_expect (s, pf_specimen_defect_get_check (defect)), ==,
                         PF_SPECIMEN_EXPECT_DEFECT);
        if (defect == PF_SPECIMEN_DEFECT_NO_DOCUMENT)
          g_assert_cmpint (pf_specimen_expect (s, "photo.glare"), ==, PF_SPECIMEN_EXPECT_UNSURE);
      }
}

static void
test_occluder (void)
{
  PfSpecimenParams p;
  g_autoptr (PfSpecimen) clean = NULL;
  g_autoptr (PfSpecimen) thumb = NULL;

  clean_params (&p, PF_SPECIMEN_TD1, 8, 640, 400);
  clean = pf_specimen_new (&p);
  g_assert_cmpfloat (clean->occluded_fraction, ==, 0);
  pf_specimen_params_add_defect (&p, PF_SPECIMEN_DEFECT_OCCLUDED, 8);
  thumb = pf_specimen_new (&p);
  g_assert_cmpfloat (thumb->occluded_fraction, >=, PF_SPECIMEN_OCCLUDED_DEFECT);
  g_assert_cmpfloat (thumb->occluded_fraction, <, 0.3);
}

static void
test_strings (void)
{
  for (int i = 0; i < PF_SPECIMEN_N_LAYOUTS; i++)
    {
      PfSpecimenLayout layout;

      g_assert_true (pf_specimen_layout_from_string (pf_specimen_layout_to_string (i), &layout));
      g_assert_cmpint (layout, ==, i);
    }
  for (int i = 0; i < PF_SPECIMEN_N_BACKGROUNDS; i++)
    {
      PfSpecimenBackground background;

      g_assert_true (pf_specimen_background_from_string (pf_specimen_background_to_string (i),
                                                         &background));
      g_assert_cmpint (background, ==, i);
    }
  for (int i = 0; i < PF_SPECIMEN_N_DEFECTS; i++)
    {
      g_assert_nonnull (pf_specimen_defect_to_string (1 << i));
      g_assert_true (g_str_has_prefix (pf_specimen_defect_get_check (1 << i), "photo."));
    }
  g_assert_null (pf_specimen_defect_to_string (PF_SPECIMEN_DEFECT_BLUR | PF_SPECIMEN_DEFECT_DARK));
  g_assert_false (pf_specimen_layout_from_string ("td4", &(PfSpecimenLayout) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/specimen/mrz-valid", test_mrz_valid);
  g_test_add_func ("/pf/specimen/transliteration", test_transliteration);
  g_test_add_func ("/pf/specimen/names", test_names);
  g_test_add_func ("/pf/specimen/dates", test_dates);
  g_test_add_func ("/pf/specimen/determinism", test_determinism);
  g_test_add_func ("/pf/specimen/corners", test_corners);
  g_test_add_func ("/pf/specimen/explicit-corners", test_explicit_corners);
  g_test_add_func ("/pf/specimen/texts", test_texts);
  g_test_add_func ("/pf/specimen/glare", test_glare);
  g_test_add_func ("/pf/specimen/greyscale", test_greyscale);
  g_test_add_func ("/pf/specimen/tiny-frames", test_tiny_frames);
  g_test_add_func ("/pf/specimen/flat", test_flat);
  g_test_add_func ("/pf/specimen/random-and-defects", test_random_and_defects);
  g_test_add_func ("/pf/specimen/occluder", test_occluder);
  g_test_add_func ("/pf/specimen/strings", test_strings);

  return g_test_run ();
}
