/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Making the grey view of an RGBA image, and the small grey copy the photo
 * checks share, in as few passes over the pixels as can be: the loops that
 * decide how fast a camera frame is checked. PfImage keeps the results
 * (pf-image.c); these only compute them. */

#include "config.h"

#include <string.h>

#include "pf-image.h"
#include "pf-image-private.h"
#include "pf-vector-private.h"

/* The luma of one pixel: 0.299 R + 0.587 G + 0.114 B in 16.16 fixed
 * point, rounded. Every other way of computing it below gives exactly this
 * (checked for all 2^24 colours by test-image). */
static inline guint8
luma (const guint8 *px)
{
  return (guint8) ((19595 * px[0] + 38470 * px[1] + 7471 * px[2] + 32768) >> 16);
}

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 9

typedef guint16 PfU16x16 __attribute__ ((vector_size (32)));
typedef guint16 PfU16x8 __attribute__ ((vector_size (16)));
typedef guint32 PfU32x8 __attribute__ ((vector_size (32)));
typedef guint8 PfU8x16 __attribute__ ((vector_size (16)));
typedef guint8 PfU8x8 __attribute__ ((vector_size (8)));

/* Eight 32-bit lanes that each hold a byte's value, as bytes. Narrowed
 * 32 -> 16 -> 8 bits as two 16 -> 8 steps, which compile to packs (and
 * work in either byte order); a direct 32 -> 8 conversion goes byte by
 * byte. */
static G_ALWAYS_INLINE inline PfU8x8
narrow_to_bytes (PfU32x8 values)
{
  PfU16x16 halves;
  PfU16x8 pairs;
  PfU8x16 bytes;

  memcpy (&halves, &values, sizeof halves);
  bytes = __builtin_convertvector (halves, PfU8x16);
  memcpy (&pairs, &bytes, sizeof pairs);
  return __builtin_convertvector (pairs, PfU8x8);
}

/* Eight pixels at a time with GCC's generic vectors, which compile to SIMD
 * on every architecture that has it and to plain code elsewhere. The 16.16
 * weights do not fit 16-bit lanes, so each is split into a high and a low
 * byte: with H = 76 R + 150 G + 29 B and L = 139 R + 70 G + 47 B,
 *   (19595 R + 38470 G + 7471 B + 32768) >> 16 == (H + (L >> 8) + 128) >> 8
 * exactly (the low byte of L + 32768 never carries past 2^16), and neither
 * H nor L overflows 16 bits. A 16-bit lane holds two bytes of a pixel, R
 * and G or B and A, in memory order; the two lanes of a pixel are one
 * 32-bit lane, whose halves are added without any shuffle (the 16-bit
 * products each fit their half). */
static G_ALWAYS_INLINE inline void
grey_row (const guint8 *src,
          guint8       *dst,
          int           width)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  /* The low byte of a lane is R (even lanes) or B (odd lanes). */
  static const PfU16x16 low_h = { 76, 29, 76, 29, 76, 29, 76, 29, 76, 29, 76, 29, 76, 29, 76, 29 };
  static const PfU16x16 high_h = { 150, 0, 150, 0, 150, 0, 150, 0, 150, 0, 150, 0, 150, 0, 150, 0 };
  static const PfU16x16 low_l = { 139, 47, 139, 47, 139, 47, 139, 47, 139, 47, 139, 47, 139, 47, 139, 47 };
  static const PfU16x16 high_l = { 70, 0, 70, 0, 70, 0, 70, 0, 70, 0, 70, 0, 70, 0, 70, 0 };
#else
  /* The high byte of a lane is R (even lanes) or B (odd lanes). */
  static const PfU16x16 low_h = { 150, 0, 150, 0, 150, 0, 150, 0, 150, 0, 150, 0, 150, 0, 150, 0 };
  static const PfU16x16 high_h = { 76, 29, 76, 29, 76, 29, 76, 29, 76, 29, 76, 29, 76, 29, 76, 29 };
  static const PfU16x16 low_l = { 70, 0, 70, 0, 70, 0, 70, 0, 70, 0, 70, 0, 70, 0, 70, 0 };
  static const PfU16x16 high_l = { 139, 47, 139, 47, 139, 47, 139, 47, 139, 47, 139, 47, 139, 47, 139, 47 };
#endif
  int x = 0;

  for (; x + 8 <= width; x += 8)
    {
      PfU16x16 lanes, low, high, h16, l16;
      PfU32x8 h, l;
      PfU8x8 out;

      memcpy (&lanes, src + (gsize) x * 4, sizeof lanes);
      low = lanes & 0xff;
      high = lanes >> 8;
      h16 = low * low_h + high * high_h;
      l16 = low * low_l + high * high_l;
      /* Each pixel's two 16-bit lanes, added. */
      memcpy (&h, &h16, sizeof h);
      memcpy (&l, &l16, sizeof l);
      h = (h & 0xffff) + (h >> 16);
      l = (l & 0xffff) + (l >> 16);
      out = narrow_to_bytes ((h + (l >> 8) + 128) >> 8);
      memcpy (dst + x, &out, sizeof out);
    }
  for (; x < width; x++)
    dst[x] = luma (src + (gsize) x * 4);
}
#else
static G_ALWAYS_INLINE inline void
grey_row (const guint8 *src,
          guint8       *dst,
          int           width)
{
  for (int x = 0; x < width; x++)
    dst[x] = luma (src + (gsize) x * 4);
}
#endif

static PF_ROW_LOOPS void
grey_rows (const guint8 *rgba,
           gsize         stride,
           guint8       *grey,
           int           width,
           int           height)
{
  for (int y = 0; y < height; y++)
    grey_row (rgba + y * stride, grey + (gsize) y * width, width);
}

/* One band of @factor rows of the grey view into one row of the small
 * copy: made from the RGBA rows first when @rgba is not %NULL, each added
 * to the column sums while it is still in the cache. 16 bits hold the sum
 * of 16 rows of 255, and of 16 columns of those; each small pixel is the
 * rounded mean of its factor × factor block. Inlined with the factor
 * known, so that the runs are unrolled and the division is a multiply. */
static G_ALWAYS_INLINE inline void
grey_band (const guint8 *rgba,
           gsize         stride,
           guint8       *grey,
           int           width,
           int           factor,
           guint16      *part,
           guint8       *out,
           int           small_width)
{
  const guint area = (guint) (factor * factor);

  memset (part, 0, (gsize) width * sizeof *part);
  for (int k = 0; k < factor; k++)
    {
      guint8 *row = grey + (gsize) k * width;

      if (rgba != NULL)
        grey_row (rgba + k * stride, row, width);
      pf_sum_bytes_u16 (part, row, width);
    }

#ifdef PF_HAVE_GENERIC_VECTORS
  /* The factors of the usual camera sizes, with vectors. By two: each pair
   * of 16-bit sums is one 32-bit lane, whose halves are added. */
  if (factor == 2)
    {
      int tx = 0;

      for (; tx + 8 <= small_width; tx += 8)
        {
          PfU32x8 pairs;
          PfU8x8 bytes;

          memcpy (&pairs, part + 2 * tx, sizeof pairs);
          bytes = narrow_to_bytes (((pairs & 0xffff) + (pairs >> 16) + area / 2) / area);
          memcpy (out + tx, &bytes, sizeof bytes);
        }
      for (; tx < small_width; tx++)
        out[tx] = (guint8) ((part[2 * tx] + part[2 * tx + 1] + area / 2) / area);
      return;
    }
  /* By three: the sum of every three neighbouring columns, 16 at a time,
   * into the second half of @part; every third is a small pixel's. */
  if (factor == 3)
    {
      guint16 *runs = part + width;
      int x = 0;

      for (; x + 18 <= width; x += 16)
        {
          PfU16x16 a, b, c;

          memcpy (&a, part + x, sizeof a);
          memcpy (&b, part + x + 1, sizeof b);
          memcpy (&c, part + x + 2, sizeof c);
          a += b + c;
          memcpy (runs + x, &a, sizeof a);
        }
      for (; x + 2 < width; x++)
        runs[x] = part[x] + part[x + 1] + part[x + 2];
      for (int tx = 0; tx < small_width; tx++)
        out[tx] = (guint8) ((runs[3 * tx] + area / 2) / area);
      return;
    }
#endif

  for (int tx = 0; tx < small_width; tx++)
    {
      const guint16 *run = part + (gsize) tx * factor;
      guint acc = 0;

      for (int k = 0; k < factor; k++)
        acc += run[k];
      out[tx] = (guint8) ((acc + area / 2) / area);
    }
}

/* The grey view and the small copy in one pass, when the image is a whole
 * @factor (2 to 16) times the small copy each way, as camera frames are
 * (1920 × 1080 and 1280 × 720 both become 640 × 360). A case for each
 * factor that camera sizes give. */
static PF_ROW_LOOPS void
grey_and_small_whole (const guint8 *rgba,
                      gsize         stride,
                      guint8       *grey,
                      int           width,
                      int           factor,
                      guint16      *part,
                      guint8       *small,
                      int           small_width,
                      int           small_height)
{
  for (int ty = 0; ty < small_height; ty++)
    {
      const guint8 *src = rgba != NULL ? rgba + (gsize) ty * factor * stride : NULL;
      guint8 *band = grey + (gsize) ty * factor * width;
      guint8 *out = small + (gsize) ty * small_width;

      switch (factor)
        {
        case 2:
          grey_band (src, stride, band, width, 2, part, out, small_width);
          break;
        case 3:
          grey_band (src, stride, band, width, 3, part, out, small_width);
          break;
        case 4:
          grey_band (src, stride, band, width, 4, part, out, small_width);
          break;
        default:
          grey_band (src, stride, band, width, factor, part, out, small_width);
          break;
        }
    }
}

/* The small row that image row @y falls in. */
static inline int
small_row_of (int y,
              int height,
              int small_height)
{
  return MIN ((int) ((gint64) y * small_height / height), small_height - 1);
}

/* Any other size: each small pixel is the rounded mean of the image
 * pixels that map onto it (x * small_width / width, the same for rows).
 * The rows of a band are summed column by column first, in 16 bits (257
 * rows of 255 fit), flushed into 32 bits only for bands taller than that;
 * then each small pixel adds up its run of columns. */
static void
small_any (const guint8 *grey,
           int           width,
           int           height,
           guint16      *part,
           guint8       *small,
           int           small_width,
           int           small_height)
{
  g_autofree guint32 *sum = g_new0 (guint32, width);
  g_autofree int *first = g_new (int, small_width + 1);
  g_autofree guint64 *reciprocal = g_new0 (guint64, (gsize) small_width * 2);
  guint32 reciprocal_rows[2] = { 0, 0 };
  int next_slot = 0;
  guint32 max_columns = 1;
  int y = 0;
  int t = 0;

  /* first[t] .. first[t + 1] - 1: the columns that map onto small column t. */
  first[0] = 0;
  for (int x = 0; x < width; x++)
    {
      int c = MIN ((int) ((gint64) x * small_width / width), small_width - 1);

      while (t < c)
        first[++t] = x;
    }
  while (t < small_width)
    first[++t] = width;
  for (int tx = 0; tx < small_width; tx++)
    max_columns = MAX (max_columns, (guint32) (first[tx + 1] - first[tx]));

  memset (part, 0, (gsize) width * sizeof *part);
  for (int ty = 0; ty < small_height; ty++)
    {
      guint8 *out = small + (gsize) ty * small_width;
      guint32 rows = 0;
      int in_part = 0;
      gboolean flushed = FALSE;

      for (; y < height && small_row_of (y, height, small_height) == ty; y++, rows++)
        {
          pf_sum_bytes_u16 (part, grey + (gsize) y * width, width);
          if (++in_part == 257)
            {
              if (!flushed)
                memset (sum, 0, (gsize) width * sizeof *sum);
              pf_sum_u16_u32 (sum, part, width);
              memset (part, 0, (gsize) width * sizeof *part);
              flushed = TRUE;
              in_part = 0;
            }
        }

      /* The usual case, a band of a few rows: straight from the 16-bit
       * sums, dividing by multiplying with 2^32 / count rounded up. That
       * is exact while sum < 2^32 / count, and a sum is at most
       * 256 × count, so for counts below 4096. The reciprocals change
       * only with the band's number of rows. */
      if (!flushed && rows * max_columns < 4096)
        {
          /* Bands have one of two heights: a table for each. */
          int slot = rows == reciprocal_rows[0] ? 0 : rows == reciprocal_rows[1] ? 1 : -1;
          const guint64 *r;

          if (slot < 0)
            {
              slot = next_slot;
              next_slot ^= 1;
              for (int tx = 0; tx < small_width; tx++)
                {
                  guint32 count = rows * (guint32) (first[tx + 1] - first[tx]);

                  reciprocal[slot * small_width + tx] = count ? (G_GUINT64_CONSTANT (1) << 32) / count + 1 : 0;
                }
              reciprocal_rows[slot] = rows;
            }
          r = reciprocal + slot * small_width;
          for (int tx = 0; tx < small_width; tx++)
            {
              guint32 acc = 0;
              guint32 count = rows * (guint32) (first[tx + 1] - first[tx]);

              for (int x = first[tx]; x < first[tx + 1]; x++)
                acc += part[x];
              out[tx] = (guint8) (((guint64) (acc + count / 2) * r[tx]) >> 32);
            }
          memset (part, 0, (gsize) width * sizeof *part);
          continue;
        }

      if (in_part > 0)
        {
          pf_sum_u16_u32 (sum, part, width);
          memset (part, 0, (gsize) width * sizeof *part);
        }
      for (int tx = 0; tx < small_width; tx++)
        {
          guint32 acc = 0;
          guint32 count = rows * (guint32) (first[tx + 1] - first[tx]);

          for (int x = first[tx]; x < first[tx + 1]; x++)
            acc += sum[x];
          out[tx] = count ? (guint8) ((acc + count / 2) / count) : 0;
        }
    }
  /* The sums still tell what the document looks like. */
  pf_secure_zero (sum, (gsize) width * sizeof *sum);
}

/* The grey view of @height rows of @rgba (@stride bytes apart) into
 * @grey, @width bytes a row. */
void
pf_grey_make (const guint8 *rgba,
              gsize         stride,
              guint8       *grey,
              int           width,
              int           height)
{
  grey_rows (rgba, stride, grey, width, height);
}

/* @small, @small_width × @small_height (at most the image's size): each
 * pixel the rounded mean of the grey pixels that map onto it (column
 * x × @small_width / @width, the same for rows). With @rgba, the grey view
 * is made into @grey on the way; without, @grey already holds it. When the
 * sizes are whole multiples of each other, as for camera frames, both come
 * from one pass over the rows, each grey row summed while it is still in
 * the cache. */
void
pf_grey_make_small (const guint8 *rgba,
                    gsize         stride,
                    guint8       *grey,
                    int           width,
                    int           height,
                    guint8       *small,
                    int           small_width,
                    int           small_height)
{
  int factor = width / small_width;
  /* Column sums, and as much again for grey_band()'s runs. */
  guint16 *part = g_new (guint16, (gsize) width * 2);

  if (factor >= 2 && factor <= 16 && width == factor * small_width && height == factor * small_height)
    {
      grey_and_small_whole (rgba, stride, grey, width, factor, part, small, small_width, small_height);
    }
  else
    {
      if (rgba != NULL)
        grey_rows (rgba, stride, grey, width, height);
      small_any (grey, width, height, part, small, small_width, small_height);
    }

  /* The sums still tell what the document looks like. */
  pf_secure_zero (part, (gsize) width * 2 * sizeof *part);
  g_free (part);
}
