/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An iterative radix-2 FFT in single precision, and the 2-D power spectrum
 * of a real square patch built on it. A 256 × 256 patch needs 257 short
 * transforms: two real rows share one complex transform, and only half the
 * columns are needed because a real patch's spectrum is symmetric. The
 * transforms of a pass run side by side, many to a vector. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-fft.h"
#include "pf-image.h"
#include "pf-vector-private.h"

gboolean
pf_fft_is_power_of_two (guint n)
{
  return n >= 2 && (n & (n - 1)) == 0;
}

/* The transforms of @width complex signals at once, unnormalised, in
 * place: value k of signal t at re[k × @width + t] (@im alike), @n (a power
 * of two) values each. Laid side by side, the signals share every
 * butterfly's twiddle factor and fill whole vectors; each signal gets
 * exactly the arithmetic of a transform on its own.
 * @cos_table: cos (2πk / n) for k < n / 2
 * @sin_table: -sin (2πk / n) for k < n / 2 (a forward transform) */
static PF_ROW_LOOPS void
fft_side_by_side (float       *re,
                  float       *im,
                  guint        n,
                  gsize        width,
                  const float *cos_table,
                  const float *sin_table)
{
  /* Bit-reversed order first, so the butterflies can work in place. */
  for (guint i = 1, j = 0; i < n; i++)
    {
      guint bit = n >> 1;

      for (; j & bit; bit >>= 1)
        j ^= bit;
      j |= bit;
      if (i < j)
        for (gsize t = 0; t < width; t++)
          {
            float r = re[i * width + t], m = im[i * width + t];

            re[i * width + t] = re[j * width + t];
            im[i * width + t] = im[j * width + t];
            re[j * width + t] = r;
            im[j * width + t] = m;
          }
    }

  for (guint len = 2; len <= n; len <<= 1)
    {
      guint half = len >> 1, table_step = n / len;

      for (guint start = 0; start < n; start += len)
        for (guint k = 0; k < half; k++)
          {
            float wr = cos_table[k * table_step], wi = sin_table[k * table_step];
            float *ar = re + (start + k) * width, *ai = im + (start + k) * width;
            float *br = re + (start + k + half) * width, *bi = im + (start + k + half) * width;
            gsize t = 0;

#ifdef PF_HAVE_GENERIC_VECTORS
            for (; t + 8 <= width; t += 8)
              {
                PfF32x8 xr, xi, yr, yi, tr, ti;

                memcpy (&xr, ar + t, sizeof xr);
                memcpy (&xi, ai + t, sizeof xi);
                memcpy (&yr, br + t, sizeof yr);
                memcpy (&yi, bi + t, sizeof yi);
                tr = yr * wr - yi * wi;
                ti = yr * wi + yi * wr;
                yr = xr - tr;
                yi = xi - ti;
                xr += tr;
                xi += ti;
                memcpy (ar + t, &xr, sizeof xr);
                memcpy (ai + t, &xi, sizeof xi);
                memcpy (br + t, &yr, sizeof yr);
                memcpy (bi + t, &yi, sizeof yi);
              }
#endif
            for (; t < width; t++)
              {
                float tr = br[t] * wr - bi[t] * wi;
                float ti = br[t] * wi + bi[t] * wr;

                br[t] = ar[t] - tr;
                bi[t] = ai[t] - ti;
                ar[t] += tr;
                ai[t] += ti;
              }
          }
    }
}

/**
 * pf_fft_power_2d:
 * @data: @n × @n real values, row by row (@n a power of two)
 * @power: (out caller-allocates): @n × @n squared magnitudes, the zero
 *   frequency at index 0 and frequency (u, v) at v × n + u, v and u taken
 *   modulo @n
 */
void
pf_fft_power_2d (const float *data,
                 guint        n,
                 float       *power)
{
  guint half = n / 2;
  /* Columns 0..n/2 of the rows' spectra, rounded up to whole vectors. */
  gsize cols = (half + 1 + 7) / 8 * 8;
  gsize rows_len = (gsize) n * half, cols_len = (gsize) n * cols;
  g_autofree float *zr = NULL;
  g_autofree float *zi = NULL;
  g_autofree float *cr = NULL;
  g_autofree float *ci = NULL;
  g_autofree float *cos_table = NULL;
  g_autofree float *sin_table = NULL;

  g_return_if_fail (pf_fft_is_power_of_two (n));

  cos_table = g_new (float, half);
  sin_table = g_new (float, half);
  for (guint k = 0; k < half; k++)
    {
      cos_table[k] = (float) cos (2 * G_PI * k / n);
      sin_table[k] = (float) -sin (2 * G_PI * k / n);
    }

  /* Rows in pairs: row 2t as the real part and row 2t + 1 as the imaginary
   * part of one transform Z_t, the n / 2 of them side by side. */
  zr = g_new (float, rows_len);
  zi = g_new (float, rows_len);
  for (guint t = 0; t < half; t++)
    for (guint x = 0; x < n; x++)
      {
        zr[(gsize) x * half + t] = data[(gsize) (2 * t) * n + x];
        zi[(gsize) x * half + t] = data[(gsize) (2 * t + 1) * n + x];
      }
  fft_side_by_side (zr, zi, n, half, cos_table, sin_table);

  /* Then A[k] = (Z[k] + conj Z[n-k]) / 2 is row 2t's spectrum and
   * B[k] = (Z[k] - conj Z[n-k]) / 2i row 2t + 1's, for the columns
   * k = 0..n/2 only: a real patch's spectrum mirrors the others,
   * P(u, v) = P(-u, -v). They go side by side for the columns' transforms. */
  cr = g_new0 (float, cols_len);
  ci = g_new0 (float, cols_len);
  for (guint k = 0; k <= half; k++)
    {
      guint m = (n - k) % n;

      for (guint t = 0; t < half; t++)
        {
          float pr = zr[(gsize) k * half + t], pi = zi[(gsize) k * half + t];
          float qr = zr[(gsize) m * half + t], qi = zi[(gsize) m * half + t];

          cr[(gsize) (2 * t) * cols + k] = (pr + qr) / 2;
          ci[(gsize) (2 * t) * cols + k] = (pi - qi) / 2;
          cr[(gsize) (2 * t + 1) * cols + k] = (pi + qi) / 2;
          ci[(gsize) (2 * t + 1) * cols + k] = (qr - pr) / 2;
        }
    }
  fft_side_by_side (cr, ci, n, cols, cos_table, sin_table);

  for (guint v = 0; v < n; v++)
    for (guint u = 0; u <= half; u++)
      {
        float p = cr[(gsize) v * cols + u] * cr[(gsize) v * cols + u]
                  + ci[(gsize) v * cols + u] * ci[(gsize) v * cols + u];

        power[(gsize) v * n + u] = p;
        if (u > 0 && u < half)
          power[(gsize) ((n - v) % n) * n + (n - u)] = p;
      }

  /* The transform of a document patch is still a picture of it. */
  pf_secure_zero (zr, rows_len * sizeof (float));
  pf_secure_zero (zi, rows_len * sizeof (float));
  pf_secure_zero (cr, cols_len * sizeof (float));
  pf_secure_zero (ci, cols_len * sizeof (float));
}
