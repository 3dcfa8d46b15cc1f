/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An iterative radix-2 FFT in single precision, and the 2-D power spectrum
 * of a real square patch built on it. A 256 × 256 patch needs 384 short
 * transforms: two real rows share one complex transform, and only half the
 * columns are needed because a real patch's spectrum is symmetric. */

#include "config.h"

#include <math.h>

#include "pf-fft.h"
#include "pf-image.h"

gboolean
pf_fft_is_power_of_two (guint n)
{
  return n >= 2 && (n & (n - 1)) == 0;
}

/**
 * pf_fft:
 * @re: real parts, @n of them @stride floats apart
 * @im: imaginary parts, laid out like @re
 * @cos_table: cos (2πk / n) for k < n / 2
 * @sin_table: -sin (2πk / n) for k < n / 2 (a forward transform)
 *
 * The discrete Fourier transform of @n (a power of two) complex values, in
 * place, unnormalised.
 */
void
pf_fft (float       *re,
        float       *im,
        guint        n,
        guint        stride,
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
        {
          float t;

          t = re[i * stride]; re[i * stride] = re[j * stride]; re[j * stride] = t;
          t = im[i * stride]; im[i * stride] = im[j * stride]; im[j * stride] = t;
        }
    }

  for (guint len = 2; len <= n; len <<= 1)
    {
      guint half = len >> 1, table_step = n / len;

      for (guint start = 0; start < n; start += len)
        for (guint k = 0; k < half; k++)
          {
            float wr = cos_table[k * table_step], wi = sin_table[k * table_step];
            guint a = (start + k) * stride, b = (start + k + half) * stride;
            float tr = re[b] * wr - im[b] * wi;
            float ti = re[b] * wi + im[b] * wr;

            re[b] = re[a] - tr;
            im[b] = im[a] - ti;
            re[a] += tr;
            im[a] += ti;
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
  gsize len = (gsize) n * n;
  g_autofree float *re = NULL;
  g_autofree float *im = NULL;
  g_autofree float *cos_table = g_new (float, n / 2);
  g_autofree float *sin_table = g_new (float, n / 2);
  g_autofree float *col_re = g_new (float, n);
  g_autofree float *col_im = g_new (float, n);

  g_return_if_fail (pf_fft_is_power_of_two (n));

  re = g_new (float, len);
  im = g_new (float, len);
  for (guint k = 0; k < n / 2; k++)
    {
      cos_table[k] = (float) cos (2 * G_PI * k / n);
      sin_table[k] = (float) -sin (2 * G_PI * k / n);
    }

  /* Rows in pairs: row a as the real part and row b as the imaginary part
   * of one transform Z; then A[k] = (Z[k] + conj Z[n-k]) / 2 and
   * B[k] = (Z[k] - conj Z[n-k]) / 2i. */
  for (guint r = 0; r < n; r += 2)
    {
      float *zr = re + (gsize) r * n, *zi = re + (gsize) (r + 1) * n;
      float *ar = zr, *ai = im + (gsize) r * n;
      float *br = zi, *bi = im + (gsize) (r + 1) * n;

      for (guint k = 0; k < n; k++)
        {
          zr[k] = data[(gsize) r * n + k];
          zi[k] = data[(gsize) (r + 1) * n + k];
        }
      pf_fft (zr, zi, n, 1, cos_table, sin_table);
      for (guint k = 0; k <= n / 2; k++)
        {
          guint m = (n - k) % n;
          float pr = zr[k], pi = zi[k], qr = zr[m], qi = zi[m];

          ar[k] = (pr + qr) / 2;
          ai[k] = (pi - qi) / 2;
          br[k] = (pi + qi) / 2;
          bi[k] = (qr - pr) / 2;
          if (k > 0 && k < n / 2)
            {
              ar[m] = ar[k];
              ai[m] = -ai[k];
              br[m] = br[k];
              bi[m] = -bi[k];
            }
        }
    }

  /* Columns 0..n/2, each copied out first (a power-of-two stride is
   * unkind to the cache); the others mirror them: P(u, v) = P(-u, -v). */
  for (guint u = 0; u <= n / 2; u++)
    {
      for (guint v = 0; v < n; v++)
        {
          col_re[v] = re[(gsize) v * n + u];
          col_im[v] = im[(gsize) v * n + u];
        }
      pf_fft (col_re, col_im, n, 1, cos_table, sin_table);
      for (guint v = 0; v < n; v++)
        {
          float p = col_re[v] * col_re[v] + col_im[v] * col_im[v];

          power[(gsize) v * n + u] = p;
          if (u > 0 && u < n / 2)
            power[(gsize) ((n - v) % n) * n + (n - u)] = p;
        }
    }
  pf_secure_zero (col_re, n * sizeof (float));
  pf_secure_zero (col_im, n * sizeof (float));

  /* The transform of a document patch is still a picture of it. */
  pf_secure_zero (re, len * sizeof (float));
  pf_secure_zero (im, len * sizeof (float));
}
