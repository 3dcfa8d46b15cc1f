/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the fuzzers' seed corpora: for each target, a few inputs of the
 * shape it reads, drawn from generated documents (tests/specimen), so that
 * the fuzzers start from real MRZs, dates, names and photos rather than
 * having to discover them. Nothing here is checked in; build-aux/fuzz.sh
 * runs this first.
 *
 *   fuzz-seeds OUTPUT-DIR    writes OUTPUT-DIR/{mrz,mrz-decode,date,compare,photo,photo-live,
 *                                      loader}/ */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "pf-compare.h"
#include "pf-mrz-private.h"
#include "pf-specimen.h"

/* The frames of the photo seeds: no larger than fuzz-photo's largest
 * frame (96 pixels a side), so that the fuzzer's mutations reach every
 * part of them and the loader's seeds decode quickly. */
#define PHOTO_WIDTH 96
#define PHOTO_HEIGHT 72

static const char *output_dir;
static guint n_written;

static void
write_seed (const char   *target,
            const char   *name,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *dir = g_build_filename (output_dir, target, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("cannot create %s: %s", dir, g_strerror (errno));
  if (!g_file_set_contents (path, (const char *) data, len, &error))
    g_error ("%s", error->message);
  n_written++;
}

/* Decoder seeds: scores that favour the true character of every cell. */
static void
write_decoder_seed (const char   *name,
                    PfMrzLayout   layout,
                    char * const *lines,
                    int           n_lines)
{
  guint8 seed[1 + 3 * 44 * PF_MRZ_N_CLASSES];

  memset (seed, 90, sizeof seed);
  seed[0] = layout;
  for (int l = 0; l < n_lines; l++)
    for (int p = 0; lines[l][p] != '\0' && p < 44; p++)
      for (int class = 0; class < PF_MRZ_N_CLASSES; class++)
        seed[1 + (l * 44 + p) * PF_MRZ_N_CLASSES + class] =
          pf_mrz_classes[class] == lines[l][p] ? 240 : 90 + class;
  write_seed ("mrz-decode", name, seed, sizeof seed);
}

static void
write_compare_seed (const char *name,
                    guint8      header,
                    const char *typed,
                    const char *printed,
                    const char *mrz)
{
  g_autoptr(GByteArray) seed = g_byte_array_new ();

  g_byte_array_append (seed, &header, 1);
  g_byte_array_append (seed, (const guint8 *) typed, strlen (typed) + 1);
  g_byte_array_append (seed, (const guint8 *) printed, strlen (printed) + 1);
  g_byte_array_append (seed, (const guint8 *) mrz, strlen (mrz));
  write_seed ("compare", name, seed->data, seed->len);
}

static void
write_photo_seed (const char *name,
                  PfImage    *image,
                  guint8      kind,
                  guint8      options,
                  guint8      format)
{
  int width = pf_image_get_width (image), height = pf_image_get_height (image);
  g_autoptr(GByteArray) seed = g_byte_array_new ();
  guint8 header[8] = {
    (width - 1) & 0xFF, (width - 1) >> 8, (height - 1) & 0xFF, (height - 1) >> 8,
    0, kind, options, format,
  };

  g_byte_array_append (seed, header, sizeof header);
  for (int y = 0; y < height; y++)
    g_byte_array_append (seed, pf_image_get_data (image) + y * pf_image_get_stride (image),
                         width * 4);
  write_seed ("photo", name, seed->data, seed->len);
  write_seed ("photo-live", name, seed->data, seed->len);
}

static void
write_loader_seeds (const char *name,
                    PfImage    *image)
{
  const char *types[] = { "png", "jpeg", "bmp", "tiff", "ico" };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) small = NULL;

  pixbuf = gdk_pixbuf_new_from_data (pf_image_get_data (image), GDK_COLORSPACE_RGB, TRUE, 8,
                                     pf_image_get_width (image), pf_image_get_height (image),
                                     pf_image_get_stride (image), NULL, NULL);
  /* ICO holds at most 256 pixels a side; small files also mutate faster. */
  small = gdk_pixbuf_scale_simple (pixbuf, 64, 48, GDK_INTERP_BILINEAR);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *buffer = NULL;
      g_autofree char *seed_name = g_strdup_printf ("%s.%s", name, types[i]);
      gsize len = 0;
      g_autoptr(GError) error = NULL;

      if (!gdk_pixbuf_save_to_buffer (small, &buffer, &len, types[i], &error, NULL))
        {
          g_printerr ("no %s seed: %s\n", types[i], error->message);
          continue;
        }
      write_seed ("loader", seed_name, (const guint8 *) buffer, len);
      if (i == 0)
        {
          g_autofree char *cut_name = g_strdup_printf ("%s-cut.png", name);

          write_seed ("loader", cut_name, (const guint8 *) buffer, len / 2);
        }
    }
}

/* A 1×1 GIF, byte by byte from the GIF89a specification (gdk-pixbuf
 * cannot write GIF). */
static const guint8 tiny_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
  0, 0, 0, 0xFF, 0xFF, 0xFF,
  ',', 0, 0, 0, 0, 1, 0, 1, 0, 0,
  2, 2, 0x44, 0x01, 0,
  ';',
};

/* The same GIF, its frame claiming 14406 × 24889 pixels on the 1 × 1
 * screen: gdk-pixbuf's decoder allocated that much (358 MB) for a few
 * bytes until the loader's walk counted frames too (found by
 * fuzz-loader). */
static void
write_large_frame_gif (void)
{
  guint8 gif[sizeof tiny_gif];

  memcpy (gif, tiny_gif, sizeof gif);
  /* The frame descriptor's width and height, little-endian, after its
   * separator and position. */
  gif[19 + 5] = 14406 & 0xFF;
  gif[19 + 6] = 14406 >> 8;
  gif[19 + 7] = 24889 & 0xFF;
  gif[19 + 8] = 24889 >> 8;
  write_seed ("loader", "large-frame.gif", gif, sizeof gif);
}

static void
write_text_seeds (void)
{
  const char *dates[] = {
    "12 August 1974", "1974-08-12", "12/08/1974", "08/12/1974", "12.08.74",
    "29 February 2000", "31/04/1999", "Aug 12, 1974", "12 août 1974", "  ",
    "740812", "1974 08 12",
  };
  const char *names[][3] = {
    { "Müller", "MÜLLER", "MUELLER" },
    { "Anna Maria", "ANNA MARIA", "ANNA<MARIA" },
    { "Eriksson Anna", "ERIKSSON", "ERIKSSON" },
    { "O'Brien-Smith", "O'BRIEN-SMITH", "OBRIEN<SMITH" },
    { "L0PEZ", "LÓPEZ", "LOPEZ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *name = g_strdup_printf ("date-%02u", i);

      /* The order, the minimum age, the text. */
      g_autofree char *seed = g_strdup_printf ("%c%c%s", '0' + i % 3, 18, dates[i]);

      write_seed ("date", name, (const guint8 *) seed, strlen (seed));
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strdup_printf ("name-%02u", i);

      write_compare_seed (name, i % 2 ? PF_FIELD_GIVEN_NAMES : PF_FIELD_SURNAME,
                          names[i][0], names[i][1], names[i][2]);
    }
  write_compare_seed ("date-order", PF_FIELD_BIRTH_DATE | PF_COMPARE_DATES_DAY_FIRST << 3,
                      "08/12/1974", "12.08.1974", "740812");
  write_compare_seed ("two-digit-year", PF_FIELD_EXPIRY_DATE, "12/08/31", "12 08 2031", "310812");
  write_compare_seed ("number", PF_FIELD_DOCUMENT_NUMBER, "L898902C3", "L898902C3", "L898902C3");
  write_compare_seed ("nationality", PF_FIELD_NATIONALITY, "UTO", "Utopian", "UTO");
}

int
main (int    argc,
      char **argv)
{
  const PfSpecimenLayout layouts[] = { PF_SPECIMEN_TD1, PF_SPECIMEN_TD2, PF_SPECIMEN_TD3, PF_SPECIMEN_LICENCE };
  const PfMrzLayout mrz_layouts[] = { PF_MRZ_LAYOUT_TD1, PF_MRZ_LAYOUT_TD2, PF_MRZ_LAYOUT_TD3, PF_MRZ_LAYOUT_TD3 };
  const PfDocumentKind kinds[] = {
    PF_DOCUMENT_KIND_ID_CARD, PF_DOCUMENT_KIND_RESIDENCE_PERMIT, PF_DOCUMENT_KIND_PASSPORT,
    PF_DOCUMENT_KIND_DRIVING_LICENCE,
  };

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR\n", argv[0]);
      return 2;
    }
  output_dir = argv[1];

  write_text_seeds ();
  write_seed ("loader", "tiny.gif", tiny_gif, sizeof tiny_gif);
  write_large_frame_gif ();

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      PfSpecimenParams params;
      g_autoptr(PfSpecimen) specimen = NULL;
      const char *layout = pf_specimen_layout_to_string (layouts[i]);
      g_autofree char *name = NULL;

      pf_specimen_params_init (&params);
      params.layout = layouts[i];
      params.seed = 8 + i;
      params.frame_width = PHOTO_WIDTH;
      params.frame_height = PHOTO_HEIGHT;
      specimen = pf_specimen_new (&params);

      if (specimen->n_mrz_lines > 0)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (int l = 0; l < specimen->n_mrz_lines; l++)
            g_string_append_printf (text, "%s%s", l > 0 ? "\n" : "", specimen->mrz_lines[l]);

          name = g_strdup_printf ("parse-%s", layout);
          write_seed ("mrz", name, (const guint8 *) text->str, text->len);
          g_free (name);
          name = g_strdup_printf ("decode-%s", layout);
          write_decoder_seed (name, mrz_layouts[i], specimen->mrz_lines, specimen->n_mrz_lines);
          g_free (name);
        }

      name = g_strdup_printf ("%s-birth", layout);
      write_compare_seed (name, PF_FIELD_BIRTH_DATE, specimen->birth_date, specimen->birth_date,
                          specimen->n_mrz_lines > 0 ? specimen->birth_date : "");
      g_free (name);
      name = g_strdup_printf ("%s-surname", layout);
      write_compare_seed (name, PF_FIELD_SURNAME, specimen->surname, specimen->surname,
                          specimen->mrz_surname);
      g_free (name);

      name = g_strdup_printf ("photo-%s", layout);
      write_photo_seed (name, specimen->image, kinds[i], i % 2 ? 0x08 : 0x00,
                        pf_document_kind_get_mrz_format (kinds[i]));
      g_free (name);
      name = g_strdup_printf ("specimen-%s", layout);
      write_loader_seeds (name, specimen->image);
    }

  g_print ("%u seeds written to %s\n", n_written, output_dir);
  return 0;
}
