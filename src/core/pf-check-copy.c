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
 * far above everything else at that frequency. The spectrum costs about a
 * millisecond for a 256 × 256 patch, so live frames use a 128 × 128 one;
 * the photo that is finally taken gets the larger one. */

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

/* Grid of colour samples over the frame. */
#define SAMPLES_X 160
#define SAMPLES_Y 120
/* A pixel is colourful when its channels differ by this much after white
 * balance; a photo is grey when fewer than this share of them are. */
#define COLOURFUL_LEVEL    24
#define GREY_SHARE         0.004

/* A spectral peak this many times (natural log) above the median of its
 * frequency ring is a periodic pattern. */
#define MOIRE_PEAK 3.2

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
  int nx = MIN (SAMPLES_X, ctx->width), ny = MIN (SAMPLES_Y, ctx->height);
  g_autofree ColourSample *samples = g_new (ColourSample, (gsize) nx * ny);
  double mean[3] = { 0 }, gain[3];
  guint n = 0, n_doc = 0, colourful = 0, colourful_doc = 0;

  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++)
      {
        int x = (int) ((i + 0.5) * ctx->width / nx), y = (int) ((j + 0.5) * ctx->height / ny);
        const guint8 *p = rgba + y * stride + x * 4;
        int grey = ctx->grey[(gsize) y * ctx->width + x];
        ColourSample *sample = &samples[n];
        double u, v;

        /* Near black and near white, colour is noise or clipping. */
        if (grey < 30 || grey > 235)
          continue;
        memcpy (sample->rgb, p, 3);
        pf_doc_region_to_unit (region, x, y, &u, &v);
        sample->inside = u >= 0 && u <= 1 && v >= 0 && v <= 1;
        for (int c = 0; c < 3; c++)
          mean[c] += p[c];
        n++;
      }

  *frame_share = *document_share = 0;
  if (n == 0)
    return;

  /* Grey-world white balance: a lamp's cast is not the document's colour. */
  for (int c = 0; c < 3; c++)
    gain[c] = (mean[0] + mean[1] + mean[2]) / 3 / MAX (mean[c], 1);

  for (guint i = 0; i < n; i++)
    {
      double r = samples[i].rgb[0] * gain[0];
      double g = samples[i].rgb[1] * gain[1];
      double b = samples[i].rgb[2] * gain[2];
      gboolean is_colourful = MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) >= COLOURFUL_LEVEL;

      colourful += is_colourful;
      n_doc += samples[i].inside;
      colourful_doc += is_colourful && samples[i].inside;
    }
  pf_secure_zero (samples, sizeof (ColourSample) * nx * ny);

  *frame_share = (double) colourful / n;
  *document_share = n_doc > 0 ? (double) colourful_doc / n_doc : *frame_share;
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
  g_autofree float *power = NULL;
  g_autofree float *smooth = NULL;
  g_autofree float *ring_values = NULL;
  g_autofree float *ring_median = NULL;
  g_autofree int *ring_count = NULL;
  double mean = 0, best = 0;
  int half, r_min;
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
  for (int y = 0; y < n; y++)
    for (int x = 0; x < n; x++)
      mean += ctx->grey[(gsize) (cy + y) * ctx->width + cx + x];
  mean /= n * n;

  /* A Hann window, so the patch's borders do not ring across the
   * spectrum as if they were a pattern. */
  for (int y = 0; y < n; y++)
    {
      double wy = 0.5 - 0.5 * cos (2 * G_PI * (y + 0.5) / n);

      for (int x = 0; x < n; x++)
        {
          double wx = 0.5 - 0.5 * cos (2 * G_PI * (x + 0.5) / n);

          patch[y * n + x] = (float) ((ctx->grey[(gsize) (cy + y) * ctx->width + cx + x] - mean)
                                      * wx * wy);
        }
    }
  power = g_new (float, n * n);
  pf_fft_power_2d (patch, n, power);
  pf_secure_zero (patch, sizeof (float) * n * n);

  /* Log power summed over 3 × 3 bins: a windowed sinusoid fills about
   * that many, and the sum tames the chance peaks of noise. */
  half = n / 2;
  smooth = g_new (float, n * n);
  for (int v = 0; v < n; v++)
    for (int u = 0; u < n; u++)
      {
        double sum = 0;

        for (int dv = -1; dv <= 1; dv++)
          for (int du = -1; du <= 1; du++)
            sum += power[((v + dv + n) % n) * n + (u + du + n) % n];
        smooth[v * n + u] = (float) log (sum + 1e-6);
      }

  /* The median of each ring of the half plane, from its values. */
  ring_count = g_new0 (int, half + 1);
  ring_median = g_new0 (float, half + 1);
  ring_values = g_new (float, (gsize) n * n);
  {
    g_autofree int *ring_start = g_new0 (int, half + 2);
    g_autofree int *ring_fill = g_new0 (int, half + 1);

    for (int v = -half + 1; v <= half; v++)
      for (int u = 0; u <= half; u++)
        {
          int r = (int) round (sqrt (u * u + v * v));

          if (r <= half)
            ring_count[r]++;
        }
    for (int r = 0; r <= half; r++)
      ring_start[r + 1] = ring_start[r] + ring_count[r];
    for (int v = -half + 1; v <= half; v++)
      for (int u = 0; u <= half; u++)
        {
          int r = (int) round (sqrt (u * u + v * v));

          if (r <= half)
            ring_values[ring_start[r] + ring_fill[r]++] = smooth[((v + n) % n) * n + u];
        }
    for (int r = 0; r <= half; r++)
      {
        float *values = ring_values + ring_start[r];

        if (ring_count[r] == 0)
          continue;
        qsort (values, ring_count[r], sizeof (float), pf_compare_floats);
        ring_median[r] = values[ring_count[r] / 2];
      }
  }

  /* Periods of 16 pixels and shorter: rings from n / 16 out. */
  r_min = n / 16;
  for (int v = -half + 1; v <= half; v++)
    for (int u = 0; u <= half; u++)
      {
        int r = (int) round (sqrt (u * u + v * v));
        float value;
        gboolean is_peak = TRUE;

        if (r < r_min || r > half)
          continue;
        value = smooth[((v + n) % n) * n + u];
        if (value - ring_median[r] <= best)
          continue;
        for (int dv = -1; dv <= 1 && is_peak; dv++)
          for (int du = -1; du <= 1; du++)
            if ((du || dv) && smooth[((v + dv + n) % n) * n + (u + du + n) % n] > value)
              is_peak = FALSE;
        if (is_peak)
          best = value - ring_median[r];
      }

  return best;
}

void
pf_photo_check_copy (PfPhotoContext *ctx)
{
  PfDocRegion whole, region;
  double frame_share, document_share, moire;

  pf_doc_region_init (&whole, ctx);
  pf_doc_region_inset (&whole, 0.03, &region);

  measure_colour (ctx, &region, &frame_share, &document_share);
  moire = moire_score (ctx, &region);
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
