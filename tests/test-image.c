/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "pf-image.h"

static guint released_buffers;
static gboolean released_dirty;

static void
observe_release (const guint8 *data,
                 gsize         len)
{
  released_buffers++;
  for (gsize i = 0; i < len; i++)
    if (data[i] != 0)
      released_dirty = TRUE;
}

static void
test_freed_pixels_are_zeroed (void)
{
  PfImage *image = pf_image_new (7, 5);
  guint8 *data = pf_image_get_data_mutable (image);

  memset (data, 0xA5, pf_image_get_stride (image) * 5);
  g_assert_nonnull (pf_image_get_grey (image));

  released_buffers = 0;
  released_dirty = FALSE;
  pf_image_set_release_observer (observe_release);
  pf_image_ref (image);
  pf_image_unref (image);
  g_assert_cmpuint (released_buffers, ==, 0);
  pf_image_unref (image);
  pf_image_set_release_observer (NULL);

  /* The RGBA pixels and the grey view. */
  g_assert_cmpuint (released_buffers, ==, 2);
  g_assert_false (released_dirty);
}

static void
test_stride_and_grey (void)
{
  /* 3×2 pixels with 4 bytes of padding at the end of each row. */
  guint8 src[2 * 16] = { 0 };
  g_autoptr(PfImage) image = NULL;
  const guint8 *grey;

  for (int x = 0; x < 3; x++)
    {
      src[x * 4 + 0] = 255; /* red row */
      src[x * 4 + 3] = 255;
      src[16 + x * 4 + 0] = 255; /* white row */
      src[16 + x * 4 + 1] = 255;
      src[16 + x * 4 + 2] = 255;
      src[16 + x * 4 + 3] = 255;
    }
  src[12] = 99; /* padding, not a pixel */

  image = pf_image_new_from_data (src, 3, 2, 16);
  g_assert_cmpint (pf_image_get_width (image), ==, 3);
  g_assert_cmpint (pf_image_get_height (image), ==, 2);
  g_assert_cmpuint (pf_image_get_stride (image), ==, 12);

  grey = pf_image_get_grey (image);
  for (int x = 0; x < 3; x++)
    {
      g_assert_cmpint (grey[x], ==, 76);
      g_assert_cmpint (grey[3 + x], ==, 255);
    }
  /* The grey view is made once. */
  g_assert_true (grey == pf_image_get_grey (image));
}

/* The grey view, however it is computed (eight pixels at a time, then the
 * rest of the row), equals the 16.16 fixed-point luma for every colour. A
 * width of 257 puts one pixel of each row in the scalar tail. */
static void
test_grey_every_colour (void)
{
  for (int r = 0; r < 256; r++)
    {
      g_autoptr(PfImage) image = pf_image_new (257, 256);
      guint8 *data = pf_image_get_data_mutable (image);
      gsize stride = pf_image_get_stride (image);
      const guint8 *grey;

      for (int g = 0; g < 256; g++)
        for (int x = 0; x < 257; x++)
          {
            guint8 *px = data + g * stride + x * 4;

            px[0] = r;
            px[1] = g;
            px[2] = x % 256;
            px[3] = (guint8) (x * 7);
          }

      grey = pf_image_get_grey (image);
      for (int g = 0; g < 256; g++)
        for (int x = 0; x < 257; x++)
          {
            int want = (19595 * r + 38470 * g + 7471 * (x % 256) + 32768) >> 16;

            if (grey[g * 257 + x] != want)
              g_assert_cmpint (grey[g * 257 + x], ==, want);
          }
    }
}

/* The box-filtered preview copy: each pixel the rounded mean of its block,
 * the leftover columns and rows left out. */
static void
test_scaled_down (void)
{
  g_autoptr(PfImage) image = pf_image_new (37, 11);
  g_autoptr(PfImage) small = NULL;
  g_autoptr(PfImage) same = NULL;
  guint8 *data = pf_image_get_data_mutable (image);
  gsize stride = pf_image_get_stride (image);
  const guint8 *out;

  for (int y = 0; y < 11; y++)
    for (int x = 0; x < 37 * 4; x++)
      data[y * stride + x] = (guint8) ((x * 31 + y * 17) % 256);

  small = pf_image_new_scaled_down (image, 3);
  g_assert_cmpint (pf_image_get_width (small), ==, 12);
  g_assert_cmpint (pf_image_get_height (small), ==, 3);
  out = pf_image_get_data (small);
  for (int y = 0; y < 3; y++)
    for (int x = 0; x < 12; x++)
      for (int c = 0; c < 4; c++)
        {
          int sum = 0;

          for (int dy = 0; dy < 3; dy++)
            for (int dx = 0; dx < 3; dx++)
              sum += data[(y * 3 + dy) * stride + (x * 3 + dx) * 4 + c];
          g_assert_cmpint (out[y * pf_image_get_stride (small) + x * 4 + c], ==, (sum + 4) / 9);
        }

  /* A factor larger than the image is held to its size. */
  same = pf_image_new_scaled_down (image, 16);
  g_assert_cmpint (pf_image_get_width (same), ==, 3);
  g_assert_cmpint (pf_image_get_height (same), ==, 1);
}

static void
test_one_pixel (void)
{
  guint8 px[4] = { 0, 0, 255, 255 };
  g_autoptr(PfImage) image = pf_image_new_from_data (px, 1, 1, 4);
  g_autoptr(PfImage) copy = pf_image_copy (image);

  g_assert_cmpint (pf_image_get_grey (copy)[0], ==, 29);
  g_assert_true (pf_image_get_data (copy) != pf_image_get_data (image));
}

static void
release_counter (gpointer data)
{
  (*(int *) data)++;
}

static void
test_wrapped (void)
{
  guint8 *pixels = g_malloc (8 * 4);
  int released = 0;
  PfImage *image;

  memset (pixels, 0xff, 8 * 4);
  image = pf_image_new_for_data (pixels, 4, 2, 16, release_counter, &released);
  g_assert_true (pf_image_get_data (image) == pixels);
  pf_image_unref (image);
  g_assert_cmpint (released, ==, 1);
  /* Zeroed before it was handed back. */
  for (int i = 0; i < 32; i++)
    g_assert_cmpint (pixels[i], ==, 0);
  g_free (pixels);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pf/image/freed-pixels-are-zeroed", test_freed_pixels_are_zeroed);
  g_test_add_func ("/pf/image/stride-and-grey", test_stride_and_grey);
  g_test_add_func ("/pf/image/one-pixel", test_one_pixel);
  g_test_add_func ("/pf/image/grey-every-colour", test_grey_every_colour);
  g_test_add_func ("/pf/image/scaled-down", test_scaled_down);
  g_test_add_func ("/pf/image/wrapped", test_wrapped);

  return g_test_run ();
}
