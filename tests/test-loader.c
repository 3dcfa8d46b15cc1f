/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo loader on good and bad files. Every picture is encoded here by
 * gdk-pixbuf from pixels the test knows, then cut, forged or mangled. */

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "pf-image-loader.h"

static char *tmp_dir;

/* A picture with a different colour in each quadrant (red, green, blue,
 * white, clockwise from the top left), so that any turn or mirror shows. */
static GdkPixbuf *
make_quadrants (int width,
                int height)
{
  static const guint8 colours[4][3] = {
    { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 255 }, { 0, 0, 255 },
  };
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* 0 top left, 1 top right, 2 bottom right, 3 bottom left */
        int q = y < height / 2 ? (x < width / 2 ? 0 : 1) : (x < width / 2 ? 3 : 2);

        memcpy (pixels + y * stride + x * 3, colours[q], 3);
      }

  return pixbuf;
}

/* Noise-like content, so that a cut anywhere in the file cuts pixels. */
static GdkPixbuf *
make_texture (int width,
              int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 3; x++)
      pixels[y * stride + x] = (guint8) ((x * 7 + y * 13 + (x * y) % 17) * 5);

  return pixbuf;
}

static GBytes *
encode (GdkPixbuf  *pixbuf,
        const char *type)
{
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize len = 0;

  if (g_str_equal (type, "jpeg"))
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, type, &error, "quality", "95", NULL);
  else
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, type, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, len);
}

static GBytes *
cut (GBytes *bytes,
     gsize   len)
{
  g_assert_cmpuint (len, <=, g_bytes_get_size (bytes));
  return g_bytes_new_from_bytes (bytes, 0, len);
}

static GFile *
write_file (const char   *name,
            const void   *data,
            gsize         len)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
write_bytes_file (const char *name,
                  GBytes     *bytes)
{
  return write_file (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_bytes (bytes, &error);

  if (image != NULL)
    g_error ("%s: loaded a %d×%d image, expected error %d", what,
             pf_image_get_width (image), pf_image_get_height (image), code);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, code);
  /* A sentence for a person: it starts with a capital and ends with a stop. */
  g_assert_true (g_ascii_isupper (error->message[0]));
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
assert_same_pixels (PfImage   *image,
                    GdkPixbuf *pixbuf)
{
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *dst = pf_image_get_data (image);
  gsize dst_stride = pf_image_get_stride (image);

  g_assert_cmpint (pf_image_get_width (image), ==, gdk_pixbuf_get_width (pixbuf));
  g_assert_cmpint (pf_image_get_height (image), ==, gdk_pixbuf_get_height (pixbuf));

  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
      {
        const guint8 *s = src + y * stride + x * channels;
        const guint8 *d = dst + y * dst_stride + x * 4;

        g_assert_cmpint (d[0], ==, s[0]);
        g_assert_cmpint (d[1], ==, s[1]);
        g_assert_cmpint (d[2], ==, s[2]);
        g_assert_cmpint (d[3], ==, channels == 4 ? s[3] : 255);
      }
}

static void
test_png_exact (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_texture (61, 37);
  g_autoptr(GBytes) png = encode (pixbuf, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_bytes (png, &error);

  g_assert_no_error (error);
  assert_same_pixels (image, pixbuf);
}

static void
test_alpha_kept (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 5, 3);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int i = 0; i < gdk_pixbuf_get_rowstride (pixbuf) * 3; i++)
    pixels[i] = (guint8) (i * 37);
  png = encode (pixbuf, "png");
  image = pf_image_load_bytes (png, &error);
  g_assert_no_error (error);
  assert_same_pixels (image, pixbuf);
}

static void
test_one_pixel (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1, 1);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  png = encode (pixbuf, "png");
  image = pf_image_load_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pf_image_get_width (image), ==, 1);
  g_assert_cmpint (pf_image_get_height (image), ==, 1);
  g_assert_cmpmem (pf_image_get_data (image), 4, "\x33\x66\x99\xff", 4);
}

static void
test_other_formats (void)
{
  /* Lossless formats come back exactly; JPEG is checked elsewhere. */
  const char *types[] = { "bmp", "tiff" };
  g_autoptr(GdkPixbuf) pixbuf = make_texture (23, 19);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GBytes) bytes = encode (pixbuf, types[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfImage) image = pf_image_load_bytes (bytes, &error);

      g_assert_no_error (error);
      assert_same_pixels (image, pixbuf);
    }
}

static void
test_file_name_does_not_matter (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_texture (16, 9);
  g_autoptr(GBytes) png = encode (pixbuf, "png");
  g_autoptr(GFile) file = write_bytes_file ("really-a-png.jpg", png);
  g_autoptr(GFile) text = write_file ("notes.jpg", "Just some text, not a photo.\n", 29);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_file (file, NULL, &error);

  g_assert_no_error (error);
  assert_same_pixels (image, pixbuf);

  g_clear_pointer (&image, pf_image_unref);
  image = pf_image_load_file (text, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_NOT_AN_IMAGE);
}

static void
test_empty (void)
{
  g_autoptr(GFile) file = write_file ("empty.jpg", "", 0);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_file (file, NULL, &error);

  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "This file is empty."));

  assert_refused (nothing, PF_IMAGE_LOAD_ERROR_EMPTY, "no bytes");
}

static void
test_truncated (void)
{
  const char *types[] = { "png", "jpeg", "bmp" };
  /* Where to cut, as a fraction of the file: inside the header, in the
   * middle of the pixels, and just before the end marker. */
  const double fractions[] = { 0.01, 0.2, 0.5, 0.9 };
  g_autoptr(GdkPixbuf) pixbuf = make_texture (120, 80);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GBytes) whole = encode (pixbuf, types[i]);
      gsize len = g_bytes_get_size (whole);

      for (guint j = 0; j < G_N_ELEMENTS (fractions); j++)
        {
          g_autoptr(GBytes) part = cut (whole, MAX (3, (gsize) (len * fractions[j])));
          g_autofree char *what = g_strdup_printf ("%s cut to %.0f%%", types[i], fractions[j] * 100);

          assert_refused (part, PF_IMAGE_LOAD_ERROR_TRUNCATED, what);
        }
    }

  /* Without its last bytes: the JPEG's end marker, the PNG's IEND chunk. */
  {
    g_autoptr(GBytes) jpeg = encode (pixbuf, "jpeg");
    g_autoptr(GBytes) png = encode (pixbuf, "png");
    g_autoptr(GBytes) jpeg_part = cut (jpeg, g_bytes_get_size (jpeg) - 2);
    g_autoptr(GBytes) png_part = cut (png, g_bytes_get_size (png) - 12);
    g_autoptr(GError) error = NULL;
    g_autoptr(PfImage) image = NULL;
    g_autoptr(GFile) file = NULL;

    assert_refused (jpeg_part, PF_IMAGE_LOAD_ERROR_TRUNCATED, "JPEG without EOI");
    assert_refused (png_part, PF_IMAGE_LOAD_ERROR_TRUNCATED, "PNG without IEND");

    /* The same through a file, with the message the person reads. */
    file = write_file ("cut.jpg", g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg) / 2);
    image = pf_image_load_file (file, NULL, &error);
    g_assert_null (image);
    g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TRUNCATED);
    g_assert_true (g_str_has_prefix (error->message, "The picture is incomplete"));
  }
}

/* A 1×1 GIF, written by hand: gdk-pixbuf has no GIF encoder. */
static const guint8 tiny_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
  0, 0, 0, 255, 255, 255,
  0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  2, 2, 0x44, 1, 0,
  0x3b,
};

static void
test_gif (void)
{
  g_autoptr(GBytes) whole = g_bytes_new_static (tiny_gif, sizeof tiny_gif);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_bytes (whole, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pf_image_get_width (image), ==, 1);
  g_assert_cmpint (pf_image_get_height (image), ==, 1);

  for (gsize len = sizeof tiny_gif - 3; len > 12; len -= 4)
    {
      g_autoptr(GBytes) part = cut (whole, len);

      assert_refused (part, PF_IMAGE_LOAD_ERROR_TRUNCATED, "cut GIF");
    }
}

static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);

  for (int i = 0; i < 200; i++)
    {
      gsize len = 1 + g_rand_int_range (rand, 0, i < 100 ? 64 : 20000);
      g_autofree guint8 *data = g_malloc (len);
      g_autoptr(GBytes) bytes = NULL;

      for (gsize j = 0; j < len; j++)
        data[j] = (guint8) g_rand_int (rand);
      bytes = g_bytes_new (data, len);
      assert_refused (bytes, PF_IMAGE_LOAD_ERROR_NOT_AN_IMAGE, "random bytes");
    }
}

/* Valid files with bytes changed at random must load or fail with one of
 * our errors, never crash: the decoders meet their worst input here. */
static void
test_mangled (void)
{
  const char *types[] = { "png", "jpeg", "bmp", "tiff" };
  g_autoptr(GdkPixbuf) pixbuf = make_texture (64, 48);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint loaded = 0, refused = 0;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GBytes) whole = encode (pixbuf, types[i]);

      for (int round = 0; round < 150; round++)
        {
          gsize len = 0;
          g_autofree guint8 *data = g_bytes_unref_to_data (g_bytes_ref (whole), &len);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(PfImage) image = NULL;
          int changes = 1 + g_rand_int_range (rand, 0, 8);

          for (int c = 0; c < changes; c++)
            data[g_rand_int_range (rand, 0, len)] = (guint8) g_rand_int (rand);
          bytes = g_bytes_new (data, len);

          image = pf_image_load_bytes (bytes, &error);
          if (image != NULL)
            {
              g_assert_no_error (error);
              g_assert_cmpint (pf_image_get_width (image), >=, 1);
              loaded++;
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_cmpuint (error->domain, ==, PF_IMAGE_LOAD_ERROR);
              refused++;
            }
        }
    }

  g_test_message ("mangled files: %u loaded, %u refused", loaded, refused);
  g_assert_cmpuint (refused, >, 0);
}

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/* PNG's chunk checksum (ISO 3309 CRC-32), bit by bit. */
static guint32
crc32 (const guint8 *data,
       gsize         len)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1));
    }

  return crc ^ 0xFFFFFFFF;
}

/* A PNG with no pixels whose header claims 40000×40000 pixels (6.4 GB as RGBA),
 * with a correct CRC so that a decoder would believe it. */
static GBytes *
forge_huge_png (void)
{
  guint8 png[8 + 25 + 12] = "\x89PNG\r\n\x1A\n";
  guint8 *ihdr = png + 8;
  guint8 *iend = ihdr + 25;

  put_be32 (ihdr, 13);
  memcpy (ihdr + 4, "IHDR", 4);
  put_be32 (ihdr + 8, 40000);
  put_be32 (ihdr + 12, 40000);
  ihdr[16] = 8;  /* bits per sample */
  ihdr[17] = 2;  /* RGB */
  ihdr[18] = 0;
  ihdr[19] = 0;
  ihdr[20] = 0;
  put_be32 (ihdr + 21, crc32 (ihdr + 4, 17));

  /* No pixel data, but a proper end: only the size is wrong. */
  put_be32 (iend, 0);
  memcpy (iend + 4, "IEND", 4);
  put_be32 (iend + 8, crc32 (iend + 4, 4));

  return g_bytes_new (png, sizeof png);
}

static void
test_huge_header_subprocess (void)
{
  g_autoptr(GBytes) png = forge_huge_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;
  struct rlimit limit = { 0 };

  /* Leave too little address space for the 6.4 GB an unchecked decoder
   * would ask for, so that trying to allocate it cannot go unnoticed. */
  limit.rlim_cur = limit.rlim_max = (rlim_t) 2 << 30;
#ifndef __SANITIZE_ADDRESS__
  /* AddressSanitizer reserves terabytes of shadow memory up front, so an
   * address-space limit cannot work under it; there it reports any
   * oversized allocation itself (allocator_may_return_null=0). */
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif

  image = pf_image_load_bytes (png, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "40000 × 40000"));
  g_assert_nonnull (strstr (error->message, "1600 megapixels"));
}

static void
test_huge_header (void)
{
  g_test_trap_subprocess ("/pf/image-loader/huge-header/subprocess", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
put_le16 (guint8  *p,
          guint32  value)
{
  p[0] = value;
  p[1] = value >> 8;
}

static void
put_le32 (guint8  *p,
          guint32  value)
{
  p[0] = value;
  p[1] = value >> 8;
  p[2] = value >> 16;
  p[3] = value >> 24;
}

/* A TIFF header claiming 10000×10000 grey pixels. TIFF's size is found by
 * the decoder itself, so this checks the guard inside the decoding. */
static GBytes *
forge_huge_tiff (void)
{
  static const guint16 tags[][3] = {
    /* tag, type (3 short, 4 long), value */
    { 256, 4, 10000 }, { 257, 4, 10000 }, { 258, 3, 8 }, { 259, 3, 1 },
    { 262, 3, 1 }, { 273, 4, 200 }, { 277, 3, 1 }, { 278, 4, 10000 }, { 279, 4, 10000 },
  };
  guint8 tiff[200 + 64] = "II*\0";
  guint8 *p = tiff + 8;

  put_le32 (tiff + 4, 8);
  put_le16 (p, G_N_ELEMENTS (tags));
  p += 2;
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++, p += 12)
    {
      put_le16 (p, tags[i][0]);
      put_le16 (p + 2, tags[i][1]);
      put_le32 (p + 4, 1);
      if (tags[i][1] == 3)
        put_le16 (p + 8, tags[i][2]);
      else
        put_le32 (p + 8, tags[i][2]);
    }
  put_le32 (p, 0);

  return g_bytes_new (tiff, sizeof tiff);
}

static void
test_huge_tiff (void)
{
  g_autoptr(GBytes) tiff = forge_huge_tiff ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = pf_image_load_bytes (tiff, &error);

  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10000 × 10000"));
}

static void
test_huge_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;
  FILE *fp = fopen (path, "wb");

  /* Sparse: takes no room on the disk, but says it is 201 MiB. */
  g_assert_nonnull (fp);
  fwrite ("\x89PNG\r\n\x1A\n", 1, 8, fp);
  g_assert_cmpint (ftruncate (fileno (fp), (off_t) PF_IMAGE_LOAD_MAX_BYTES + 1024 * 1024), ==, 0);
  fclose (fp);

  image = pf_image_load_file (file, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_TOO_LARGE);
}

static void
test_not_photos (void)
{
  static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  static const char svg[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n";
  static const char xpm[] = "/* XPM */\nstatic char *x[] = { \"1 1 1 1\", \"a c #ffffff\", \"a\" };\n";
  g_autoptr(GBytes) pdf_bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(GBytes) svg_bytes = g_bytes_new_static (svg, sizeof svg - 1);
  g_autoptr(GBytes) xpm_bytes = g_bytes_new_static (xpm, sizeof xpm - 1);

  assert_refused (pdf_bytes, PF_IMAGE_LOAD_ERROR_UNSUPPORTED, "PDF");
  assert_refused (svg_bytes, PF_IMAGE_LOAD_ERROR_UNSUPPORTED, "SVG");
  /* gdk-pixbuf would decode XPM through a temporary file: never offered. */
  assert_refused (xpm_bytes, PF_IMAGE_LOAD_ERROR_NOT_AN_IMAGE, "XPM");
}

static gboolean
have_decoder (const char *name)
{
  g_autoptr(GSList) list = gdk_pixbuf_get_formats ();

  for (GSList *l = list; l != NULL; l = l->next)
    {
      /* The name is a copy (transfer full). */
      g_autofree char *format_name = gdk_pixbuf_format_get_name (l->data);

      if (g_str_equal (format_name, name))
        return TRUE;
    }

  return FALSE;
}

static void
test_heic_without_decoder (void)
{
  static const guint8 heic[] = {
    0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
    'm', 'i', 'f', '1', 'h', 'e', 'i', 'c',
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (heic, sizeof heic);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;

  if (have_decoder ("heif"))
    {
      g_test_skip ("a HEIF decoder is installed here, so HEIC is not refused as unsupported");
      return;
    }

  image = pf_image_load_bytes (bytes, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "HEIC"));
}

static void
test_unreadable (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  g_autofree char *missing_path = g_build_filename (tmp_dir, "no-such-photo.jpg", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) remote = g_file_new_for_uri ("https://example.invalid/photo.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;

  image = pf_image_load_file (folder, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "This is a folder"));
  g_clear_error (&error);

  image = pf_image_load_file (missing, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "This file does not exist"));
  g_clear_error (&error);

  /* Never fetched: the loader does not go to the network. */
  image = pf_image_load_file (remote, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "This file is not on this computer"));
}

static void
test_no_permission (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_texture (8, 8);
  g_autoptr(GBytes) png = encode (pixbuf, "png");
  g_autoptr(GFile) file = write_bytes_file ("locked.png", png);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;

  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (access (path, R_OK) == 0)
    {
      /* Root (or a capability) reads the file whatever its mode says, so
       * this case cannot be made here. */
      g_test_skip ("chmod 000 does not stop this user from reading (running as root?)");
      return;
    }

  image = pf_image_load_file (file, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, PF_IMAGE_LOAD_ERROR, PF_IMAGE_LOAD_ERROR_UNREADABLE);
  g_assert_true (g_str_has_prefix (error->message, "You do not have permission"));
}

typedef struct
{
  char   *path;
  GBytes *bytes;
} PipeWriter;

static gpointer
write_pipe_thread (gpointer data)
{
  PipeWriter *writer = data;
  FILE *fp = fopen (writer->path, "wb");
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (writer->bytes, &len);

  g_assert_nonnull (fp);
  /* In small pieces, as a slow device would deliver them. */
  for (gsize done = 0; done < len; done += 4096)
    fwrite (bytes + done, 1, MIN (4096, len - done), fp);
  fclose (fp);

  return NULL;
}

/* A pipe has no size to read in advance: the buffer grows as it fills. */
static void
test_pipe (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_texture (400, 300);
  g_autoptr(GBytes) bmp = encode (pixbuf, "bmp");
  g_autofree char *path = g_build_filename (tmp_dir, "photo-pipe", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;
  PipeWriter writer = { path, bmp };
  GThread *thread;

  /* Bigger than the first 64 KiB buffer, so it has to grow twice. */
  g_assert_cmpuint (g_bytes_get_size (bmp), >, 256 * 1024);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("writer", write_pipe_thread, &writer);
  image = pf_image_load_file (file, NULL, &error);
  g_thread_join (thread);

  g_assert_no_error (error);
  assert_same_pixels (image, pixbuf);
}

static void
test_cancelled (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_texture (8, 8);
  g_autoptr(GBytes) png = encode (pixbuf, "png");
  g_autoptr(GFile) file = write_bytes_file ("cancelled.png", png);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PfImage) image = NULL;

  /* Cancelling is not a failure to explain to anyone: the caller sees
   * GIO's own error and can ignore it. */
  g_cancellable_cancel (cancellable);
  image = pf_image_load_file (file, cancellable, &error);
  g_assert_null (image);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A JPEG with an EXIF block (APP1) that holds only an orientation tag,
 * placed right after the start-of-image marker. */
static GBytes *
add_orientation (GBytes *jpeg,
                 int     orientation)
{
  static const guint8 app1_head[] = {
    0xFF, 0xE1, 0, 34,
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,  /* big-endian TIFF header, IFD at 8 */
    0, 1,                          /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1,  /* Orientation, SHORT, one value */
  };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (jpeg, &len);
  GByteArray *out = g_byte_array_new ();
  guint8 value[8] = { 0, orientation, 0, 0, 0, 0, 0, 0 }; /* value, next IFD */

  g_assert_cmpint (data[0], ==, 0xFF);
  g_assert_cmpint (data[1], ==, 0xD8);
  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, app1_head, sizeof app1_head);
  g_byte_array_append (out, value, sizeof value);
  g_byte_array_append (out, data + 2, len - 2);

  return g_byte_array_free_to_bytes (out);
}

/* Where the centre of quadrant q (0 top left, clockwise) of a width×height
 * picture appears once the picture is shown upright, per the EXIF
 * standard's description of each orientation. */
static void
upright_position (int     orientation,
                  double  x,
                  double  y,
                  int     width,
                  int     height,
                  double *ux,
                  double *uy)
{
  switch (orientation)
    {
    case 1: *ux = x, *uy = y; break;
    case 2: *ux = width - x, *uy = y; break;
    case 3: *ux = width - x, *uy = height - y; break;
    case 4: *ux = x, *uy = height - y; break;
    case 5: *ux = y, *uy = x; break;
    case 6: *ux = height - y, *uy = x; break;
    case 7: *ux = height - y, *uy = width - x; break;
    case 8: *ux = y, *uy = width - x; break;
    default: g_assert_not_reached ();
    }
}

static void
assert_colour_near (PfImage      *image,
                    int           x,
                    int           y,
                    const guint8  rgb[3])
{
  const guint8 *p = pf_image_get_data (image) + y * pf_image_get_stride (image) + x * 4;

  for (int c = 0; c < 3; c++)
    g_assert_cmpint (ABS (p[c] - rgb[c]), <, 40);
  g_assert_cmpint (p[3], ==, 255);
}

static void
test_exif_orientation (void)
{
  static const guint8 colours[4][3] = {
    { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 255 }, { 0, 0, 255 },
  };
  const int width = 96, height = 64;
  g_autoptr(GdkPixbuf) pixbuf = make_quadrants (width, height);
  g_autoptr(GBytes) plain = encode (pixbuf, "jpeg");

  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autoptr(GBytes) jpeg = add_orientation (plain, orientation);
      g_autoptr(GError) error = NULL;
      g_autoptr(PfImage) image = pf_image_load_bytes (jpeg, &error);
      gboolean turned = orientation >= 5;

      g_assert_no_error (error);
      g_assert_cmpint (pf_image_get_width (image), ==, turned ? height : width);
      g_assert_cmpint (pf_image_get_height (image), ==, turned ? width : height);

      for (int q = 0; q < 4; q++)
        {
          double x = (q == 0 || q == 3) ? width / 4.0 : width * 3 / 4.0;
          double y = q < 2 ? height / 4.0 : height * 3 / 4.0;
          double ux, uy;

          upright_position (orientation, x, y, width, height, &ux, &uy);
          assert_colour_near (image, (int) ux, (int) uy, colours[q]);
        }
    }

  /* The case phones produce most, spelled out: a picture stored sideways
   * (orientation 6) is turned a quarter clockwise, so its top-left corner
   * (red) ends at the top right. */
  {
    g_autoptr(GBytes) jpeg = add_orientation (plain, 6);
    g_autoptr(PfImage) image = pf_image_load_bytes (jpeg, NULL);

    g_assert_cmpint (pf_image_get_width (image), ==, 64);
    g_assert_cmpint (pf_image_get_height (image), ==, 96);
    assert_colour_near (image, 63 - 4, 4, colours[0]);
    assert_colour_near (image, 4, 4, colours[3]);
    assert_colour_near (image, 63 - 4, 95 - 4, colours[1]);
  }
}

typedef struct
{
  guint    count;
  gsize    lengths[8];
  gboolean dirty;
} Released;

static Released released;

static void
observe_cb (const guint8 *data,
            gsize         len)
{
  if (released.count < G_N_ELEMENTS (released.lengths))
    released.lengths[released.count] = len;
  released.count++;
  for (gsize i = 0; i < len; i++)
    if (data[i] != 0)
      released.dirty = TRUE;
}

static void
test_buffers_zeroed (void)
{
  g_autoptr(GdkPixbuf) pixbuf = make_texture (50, 40);
  g_autoptr(GBytes) png = encode (pixbuf, "png");
  g_autoptr(GFile) file = write_bytes_file ("zeroed.png", png);
  g_autoptr(GError) error = NULL;
  PfImage *image;

  /* The file's bytes and the decoder's pixels: both wiped by the loader. */
  memset (&released, 0, sizeof released);
  pf_image_load_set_scratch_observer (observe_cb);
  image = pf_image_load_file (file, NULL, &error);
  pf_image_load_set_scratch_observer (NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (released.count, ==, 2);
  /* The decoded pixels (rows of 50 RGB pixels padded to 152 bytes, the
   * last row unpadded), then the file. */
  g_assert_cmpuint (released.lengths[0], ==, 39 * 152 + 150);
  g_assert_cmpuint (released.lengths[1], ==, g_bytes_get_size (png));
  g_assert_false (released.dirty);

  /* And the image handed out is wiped when it is freed. */
  memset (&released, 0, sizeof released);
  pf_image_set_release_observer (observe_cb);
  pf_image_unref (image);
  pf_image_set_release_observer (NULL);
  g_assert_cmpuint (released.count, ==, 1);
  g_assert_cmpuint (released.lengths[0], ==, 50 * 40 * 4);
  g_assert_false (released.dirty);

  /* Also when the picture is refused after decoding began. */
  {
    g_autoptr(GBytes) tiff = forge_huge_tiff ();

    memset (&released, 0, sizeof released);
    pf_image_load_set_scratch_observer (observe_cb);
    g_assert_null (pf_image_load_bytes (tiff, NULL));
    pf_image_load_set_scratch_observer (NULL);
    g_assert_false (released.dirty);
  }
}

/* gdk-pixbuf stays in the loader: the rest of the core is GLib only. */
static void
test_pixbuf_only_in_loader (void)
{
  const char *root = g_getenv ("PF_SOURCE_ROOT");
  g_autofree char *core = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint scanned = 0;

  if (root == NULL)
    {
      g_test_skip ("PF_SOURCE_ROOT is not set (run through meson test)");
      return;
    }

  core = g_build_filename (root, "src", "core", NULL);
  dir = g_dir_open (core, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
        continue;
      if (g_str_equal (name, "pf-image-loader.c"))
        continue;

      path = g_build_filename (core, name, NULL);
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      scanned++;

      if (strstr (text, "gdk-pixbuf/") != NULL ||
          strstr (text, "gdk_pixbuf_") != NULL ||
          strstr (text, "GdkPixbuf") != NULL)
        g_error ("src/core/%s uses gdk-pixbuf; only pf-image-loader.c may", name);
    }

  g_assert_cmpuint (scanned, >, 5);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("pf-test-loader-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/pf/image-loader/png-exact", test_png_exact);
  g_test_add_func ("/pf/image-loader/alpha-kept", test_alpha_kept);
  g_test_add_func ("/pf/image-loader/one-pixel", test_one_pixel);
  g_test_add_func ("/pf/image-loader/other-formats", test_other_formats);
  g_test_add_func ("/pf/image-loader/file-name-does-not-matter", test_file_name_does_not_matter);
  g_test_add_func ("/pf/image-loader/empty", test_empty);
  g_test_add_func ("/pf/image-loader/truncated", test_truncated);
  g_test_add_func ("/pf/image-loader/gif", test_gif);
  g_test_add_func ("/pf/image-loader/random-bytes", test_random_bytes);
  g_test_add_func ("/pf/image-loader/mangled", test_mangled);
  g_test_add_func ("/pf/image-loader/huge-header", test_huge_header);
  g_test_add_func ("/pf/image-loader/huge-header/subprocess", test_huge_header_subprocess);
  g_test_add_func ("/pf/image-loader/huge-tiff", test_huge_tiff);
  g_test_add_func ("/pf/image-loader/huge-file", test_huge_file);
  g_test_add_func ("/pf/image-loader/not-photos", test_not_photos);
  g_test_add_func ("/pf/image-loader/heic-without-decoder", test_heic_without_decoder);
  g_test_add_func ("/pf/image-loader/unreadable", test_unreadable);
  g_test_add_func ("/pf/image-loader/no-permission", test_no_permission);
  g_test_add_func ("/pf/image-loader/pipe", test_pipe);
  g_test_add_func ("/pf/image-loader/cancelled", test_cancelled);
  g_test_add_func ("/pf/image-loader/exif-orientation", test_exif_orientation);
  g_test_add_func ("/pf/image-loader/buffers-zeroed", test_buffers_zeroed);
  g_test_add_func ("/pf/image-loader/pixbuf-only-in-loader", test_pixbuf_only_in_loader);

  status = g_test_run ();

  remove_tmp_dir ();
  g_free (tmp_dir);

  return status;
}
