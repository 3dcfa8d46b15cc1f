/* SPDX-License-Identifier: GPL-3.0-or-later */
/* photo.copy: is this a colour photo of the original document? Services
 * refuse black-and-white photos and scans, and photos of a screen.
 *
 * Colour: a printed identity document always carries colour (the
 * guilloche, the portrait, the coat of arms), and a desk under it usually
 * does too. After a grey-world white balance (so a warm lamp's cast does
 * not count as colour), the share of clearly colourful pixels in the
 * document and in the frame tells a colour photo from a grey one.
 *
 * Screens: a photo of a screen carries the screen's pixel grid, or the
 * moiré its grid beats into with the camera's: a periodic pattern over the
 * whole picture, which a printed document does not have. In the 2-D
 * spectrum of a patch of the document it is a pair of sharp peaks standing
 * far above everything else at that frequency, and above the rest of their
 * own line to the centre (motion blur leaves a whole direction strong,
 * which is no pattern). The spectrum costs over a millisecond for a
 * 256 × 256 patch, so live frames use a 128 × 128 one; the photo that is
 * finally taken gets the larger one. Without an outline only the colour
 * is judged: the middle of the frame may then be a keyboard or a tiled
 * floor, whose pattern is no screen. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-fft.h"
#include "pf-photo-util.h"

#define LIVE_PATCH  128
#define PHOTO_PATCH 256
#define MIN_PATCH   64

/* Grid of colour samples over the frame; a quarter of them in live frames. */
#define SAMPLES_X 160
#define SAMPLES_Y 120
/* A pixel is colourful when its channels differ by this much after white
 * balance (in a photo with the full range of brightness); a photo is grey
 * when fewer than this share of them are. */
#define COLOURFUL_LEVEL    24
#define GREY_SHARE         0.004

/* A spectral peak this far (natural log) above the median of its frequency
 * ring and of its own line to the centre (the latter weighted by
 * LINE_WEIGHT), in a 256 × 256 patch, is a periodic pattern. On the
 * generated photos, printed documents (sharp, defocused, motion-blurred,
 * hazy) stay below 4.0 and photos of a screen reach 4.7 and more. */
#define MOIRE_PEAK  4.4
#define LINE_WEIGHT 1.25

typedef struct
{
  guint8 rgb[3];
  guint8 inside;
} ColourSample;

/* The shares of clearly colourful pixels in the frame and in the document,
 * on an even grid of samples. */
static void
measure_colour (const PfPhotoContext *ctx,
                const PfDocRegion    *region,
                double               *frame_share,
                double               *document_share)
{
  const guint8 *rgba = pf_image_get_data (ctx->image);
  gsize stride = pf_image_get_stride (ctx->image);
  int divide = ctx->options.live ? 2 : 1;
  int nx = MIN (SAMPLES_X / divide, ctx->width), ny = MIN (SAMPLES_Y / divide, ctx->height);
  g_autofree ColourSample *samples = g_new (ColourSample, (gsize) nx * ny);
  int columns[SAMPLES_X];
  guint32 hist[256] = { 0 };
  double mean[3] = { 0 }, gain[3], level;
  guint n = 0, n_doc = 0, colourful = 0, colourful_doc = 0;

  for (int i = 0; i < nx; i++)
    columns[i] = (int) ((i + 0.5) * ctx->width / nx);

  for (int j = 0; j < ny; j++)
    {
      int y = (int) ((j + 0.5) * ctx->height / ny), x0, x1;

      if (!pf_doc_region_row_span (region, 1, y, ctx->width, &x0, &x1))
        x0 = x1 = 0;
      for (int i = 0; i < nx; i++)
        {
          int x = columns[i];
          const guint8 *p = rgba + y * stride + x * 4;
          /* The grey view's value (pf-image.c), from the pixel at hand
           * rather than from another part of memory. */
          int grey = (19595 * p[0] + 38470 * p[1] + 7471 * p[2] + 32768) >> 16;
          ColourSample *sample = &samples[n];

          hist[grey]++;
          /* Near black and near white, colour is noise or clipping. */
          if (grey < 30 || grey > 235)
            continue;
          memcpy (sample->rgb, p, 3);
          sample->inside = x >= x0 && x < x1;
          for (int c = 0; c < 3; c++)
            mean[c] += p[c];
          n++;
        }
    }

  *frame_share = *document_share = 0;
  if (n == 0)
    return;

  /* Grey-world white balance: a lamp's cast is not the document's colour.
   * Haze or dim light flattens colour as much as brightness: how colourful
   * a pixel must be scales with the photo's spread of brightness. */
  for (int c = 0; c < 3; c++)
    gain[c] = (mean[0] + mean[1] + mean[2]) / 3 / MAX (mean[c], 1);
  level = COLOURFUL_LEVEL * CLAMP ((pf_histogram_percentile (hist, nx * ny, 0.95)
                                    - pf_histogram_percentile (hist, nx * ny, 0.05)) / 180.0,
                                   0.25, 1.0);

  for (guint i = 0; i < n; i++)
    {
      double r = samples[i].rgb[0] * gain[0];
      double g = samples[i].rgb[1] * gain[1];
      double b = samples[i].rgb[2] * gain[2];
      gboolean is_colourful = MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) >= level;

      colourful += is_colourful;
      n_doc += samples[i].inside;
      colourful_doc += is_colourful && samples[i].inside;
    }
  pf_secure_zero (samples, sizeof (ColourSample) * nx * ny);

  *frame_share = (double) colourful / n;
  *document_share = n_doc > 0 ? (double) colourful_doc / n_doc : *frame_share;
}

/* The smoothed power at (@u, @v) of an @n × @n spectrum kept as its half
 * plane u = 0..n/2: the other half mirrors it, P(u, v) = P(-u, -v). */
static float
half_plane_at (const float *smooth,
               int          n,
               int          u,
               int          v)
{
  /* n is a power of two: modulo n is a mask, also below zero. */
  v &= n - 1;
  if (u < 0 || u > n / 2)
    {
      u = -u & (n - 1);
      v = (n - v) & (n - 1);
    }
  return smooth[(gsize) v * (n / 2 + 1) + u];
}

/* The strongest periodic pattern in a patch of the document: the highest
 * spectral peak over the median of its frequency ring, in natural log.
 * Only periods of 2 to 16 pixels count: coarser ones are the document's
 * own layout (lines of text, the MRZ's character pitch). */
static double
moire_score (const PfPhotoContext *ctx,
             const PfDocRegion    *region)
{
  int x0, y0, x1, y1, cx, cy, n = ctx->options.live ? LIVE_PATCH : PHOTO_PATCH;
  g_autofree float *patch = NULL;
  g_autofree float *window = NULL;
  g_autofree float *power = NULL;
  g_autofree float *smooth = NULL;
  g_autofree float *ring_values = NULL;
  g_autofree float *ring_median = NULL;
  g_autofree guint16 *ring = NULL;
  g_autofree int *ring_count = NULL;
  g_autofree int *ring_start = NULL;
  double mean, best = 0, best_ratio = 1;
  guint32 sum = 0;
  int half, cols, r_min;
  PfPoint centre;

  pf_doc_region_bounds (region, 1, ctx->width, ctx->height, &x0, &y0, &x1, &y1);
  while (n > MIN_PATCH && (n > x1 - x0 || n > y1 - y0))
    n /= 2;
  if (n > x1 - x0 || n > y1 - y0)
    return 0;

  pf_doc_region_to_image (region, 0.5, 0.5, &centre);
  cx = CLAMP ((int) centre.x - n / 2, x0, x1 - n);
  cy = CLAMP ((int) centre.y - n / 2, y0, y1 - n);

  patch = g_new (float, n * n);
  /* Summed in integers, exactly as in a double, but without a chain of
   * floating-point additions. */
  for (int y = 0; y < n; y++)
    for (int x = 0; x < n; x++)
      sum += ctx->grey[(gsize) (cy + y) * ctx->width + cx + x];
  mean = (double) sum / (n * n);

  /* A Hann window, so the patch's borders do not ring across the
   * spectrum as if they were a pattern. */
  window = g_new (float, n);
  for (int i = 0; i < n; i++)
    window[i] = (float) (0.5 - 0.5 * cos (2 * G_PI * (i + 0.5) / n));
  for (int y = 0; y < n; y++)
    {
      const guint8 *row = ctx->grey + (gsize) (cy + y) * ctx->width + cx;

      for (int x = 0; x < n; x++)
        patch[y * n + x] = (float) ((row[x] - mean) * window[x] * window[y]);
    }
  power = g_new (float, n * n);
  pf_fft_power_2d (patch, n, power);
  pf_secure_zero (patch, sizeof (float) * n * n);

  /* Power summed over 3 × 3 bins: a windowed sinusoid fills about that
   * many, and the sum tames the chance peaks of noise. A real patch's
   * spectrum is symmetric, so the half plane u >= 0 is enough. */
  half = n / 2;
  cols = half + 1;
  smooth = g_new (float, (gsize) n * cols);
  ring = g_new (guint16, (gsize) n * cols);
  for (int v = 0; v < n; v++)
    {
      const float *above = power + (gsize) ((v + n - 1) & (n - 1)) * n;
      const float *row = power + (gsize) v * n;
      const float *below = power + (gsize) ((v + 1) & (n - 1)) * n;
      int fv = v <= half ? v : v - n;

      for (int u = 0; u < cols; u++)
        {
          /* n is a power of two: modulo n is a mask. */
          int l = (u + n - 1) & (n - 1), r = (u + 1) & (n - 1);

          smooth[(gsize) v * cols + u] = above[l] + above[u] + above[r]
                                         + row[l] + row[u] + row[r]
                                         + below[l] + below[u] + below[r];
          ring[(gsize) v * cols + u] = (guint16) MIN (half + 1, (int) (sqrtf ((float) (u * u + fv * fv)) + 0.5f));
        }
    }

  /* The median of each ring, the typical power at that frequency. */
  ring_count = g_new0 (int, half + 2);
  ring_start = g_new0 (int, half + 3);
  ring_median = g_new0 (float, half + 2);
  ring_values = g_new (float, (gsize) n * cols);
  for (gsize i = 0; i < (gsize) n * cols; i++)
    ring_count[ring[i]]++;
  for (int r = 0; r <= half + 1; r++)
    ring_start[r + 1] = ring_start[r] + ring_count[r];
  memset (ring_count, 0, sizeof (int) * (half + 2));
  for (gsize i = 0; i < (gsize) n * cols; i++)
    ring_values[ring_start[ring[i]] + ring_count[ring[i]]++] = smooth[i];
  for (int r = 0; r <= half; r++)
    if (ring_count[r] > 0)
      ring_median[r] = pf_select_float (ring_values + ring_start[r], ring_count[r],
                                        (guint) (ring_count[r] * 0.5));

  /* Periods of 16 pixels and shorter: rings from n / 16 out. A pattern's
   * peak stands above its ring and on its own; a blurred photo's spectrum
   * has ridges (motion blur leaves one direction strong) that stand above
   * the ring but run on through the peak's neighbourhood. */
  r_min = n / 16;
  for (int v = 0; v < n; v++)
    for (int u = 0; u < cols; u++)
      {
        gsize i = (gsize) v * cols + u;
        int r = ring[i];
        float value = smooth[i];
        gboolean is_peak = TRUE;

        /* Not above its ring at all, or not by more than the best yet:
         * log (value / median) <= best, without a logarithm per bin. */
        if (r < r_min || r > half || value <= MAX (ring_median[r], 1e-12f) * best_ratio)
          continue;
        /* A local maximum among its neighbours. */
        for (int dv = -1; dv <= 1 && is_peak; dv++)
          for (int du = -1; du <= 1; du++)
            if ((du || dv) && half_plane_at (smooth, n, u + du, v + dv) > value)
              is_peak = FALSE;
        if (!is_peak)
          continue;
        {
          /* The same direction, nearer the centre: a motion-blurred photo
           * keeps one direction strong at every frequency (a ridge, or a
           * series of harmonics of its lines of text); a pattern's peak
           * stands alone on its line. */
          double fv = v <= half ? v : v - n;
          double len = MAX (sqrt (u * u + fv * fv), 1);
          float line[128], ridge;
          guint n_line = 0;

          for (int d = 4; d <= len / 2 && n_line < G_N_ELEMENTS (line); d++)
            line[n_line++] = half_plane_at (smooth, n, (int) lround (u - d * u / len),
                                            (int) lround (v - d * fv / len));
          ridge = n_line > 0 ? pf_select_float (line, n_line, n_line / 2) : value;

          /* The peak must stand out both ways; over its line it counts a
           * little more, since a pattern's peak towers over an empty line. */
          best = MAX (best, MIN (log (value / MAX (ring_median[r], 1e-12f)),
                                 LINE_WEIGHT * log (value / MAX (ridge, 1e-12f))));
          best_ratio = exp (best);
        }
      }

  /* A smaller patch has fewer bins for noise to peak in: its scores are
   * raised to what a 256 × 256 patch would give (measured on generated
   * photos: about 0.7 per halving). */
  return best > 0 ? best + 0.7 * log2 (256.0 / n) : 0;
}

void
pf_photo_check_copy (PfPhotoContext *ctx)
{
  PfDocRegion whole, region;
  double frame_share, document_share, moire;

  pf_doc_region_init (&whole, ctx);
  pf_doc_region_inset (&whole, 0.03, &region);

  measure_colour (ctx, &region, &frame_share, &document_share);
  moire = ctx->has_outline ? moire_score (ctx, &region) : 0;
  pf_photo_report_set_metric (ctx->report, "copy.colour_frame", frame_share);
  pf_photo_report_set_metric (ctx->report, "copy.colour_document", document_share);
  pf_photo_report_set_metric (ctx->report, "copy.moire", moire);

  if (moire >= MOIRE_PEAK)
    pf_photo_context_add (ctx, "photo.copy", PF_SEVERITY_BLOCKER,
                          _("This looks like a photo of a screen"),
                          _("Photograph the original document, not a copy or a screen."),
                          NULL);
  else if (document_share < GREY_SHARE && frame_share < GREY_SHARE)
    pf_photo_context_add (ctx, "photo.copy", PF_SEVERITY_BLOCKER,
                          _("The photo is black and white"),
                          _("Photograph the original document, not a copy or a screen, with "
                            "the camera set to colour."),
                          NULL);
  else if (ctx->has_outline && document_share < GREY_SHARE / 2)
    pf_photo_context_add (ctx, "photo.copy", PF_SEVERITY_BLOCKER,
                          _("This looks like a black-and-white copy"),
                          _("Photograph the original document, not a copy or a screen."),
                          NULL);
  else
    pf_photo_context_add_ok (ctx, "photo.copy", _("A colour photo of the original"));
}
