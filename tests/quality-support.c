/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "quality-support.h"

/* The driver's shared views of a frame: the grey image and a copy whose
 * long side is PF_PHOTO_SMALL_SIZE, averaged over areas as the driver
 * does. The outline stands in for the outline check's. */
void
quality_frame_init (QualityFrame         *frame,
                    PfImage              *image,
                    const PfPoint        *outline,
                    const PfPhotoOptions *options)
{
  PfPhotoContext *ctx = &frame->ctx;
  double scale;

  memset (frame, 0, sizeof *frame);
  ctx->image = image;
  ctx->grey = pf_image_get_grey (image);
  ctx->width = pf_image_get_width (image);
  ctx->height = pf_image_get_height (image);
  if (options != NULL)
    ctx->options = *options;
  if (outline != NULL)
    {
      ctx->has_outline = TRUE;
      memcpy (ctx->outline, outline, sizeof ctx->outline);
    }

  scale = MIN (1.0, (double) PF_PHOTO_SMALL_SIZE / MAX (ctx->width, ctx->height));
  ctx->small_width = MAX (1, (int) (ctx->width * scale + 0.5));
  ctx->small_height = MAX (1, (int) (ctx->height * scale + 0.5));
  ctx->small_scale = (double) ctx->small_width / ctx->width;
  ctx->small = g_malloc ((gsize) ctx->small_width * ctx->small_height);

  for (int sy = 0; sy < ctx->small_height; sy++)
    {
      int y0 = (int) ((gint64) sy * ctx->height / ctx->small_height);
      int y1 = MAX (y0 + 1, (int) ((gint64) (sy + 1) * ctx->height / ctx->small_height));

      for (int sx = 0; sx < ctx->small_width; sx++)
        {
          int x0 = (int) ((gint64) sx * ctx->width / ctx->small_width);
          int x1 = MAX (x0 + 1, (int) ((gint64) (sx + 1) * ctx->width / ctx->small_width));
          guint32 sum = 0;

          for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
              sum += ctx->grey[(gsize) y * ctx->width + x];
          ctx->small[(gsize) sy * ctx->small_width + sx] =
            (guint8) ((sum + (x1 - x0) * (y1 - y0) / 2) / ((x1 - x0) * (y1 - y0)));
        }
    }
}

/* Runs @check into a fresh report. The report comes from the driver run on
 * a one-pixel image (the only way to make one outside pf-photo.c), with
 * that run's findings dropped; its metrics may remain, so tests read only
 * the metrics the check under test sets. */
PfPhotoReport *
quality_frame_run (QualityFrame     *frame,
                   PfPhotoCheckFunc  check)
{
  g_autoptr(PfImage) pixel = pf_image_new (1, 1);

  frame->ctx.report = pf_photo_check (pixel, NULL);
  g_ptr_array_set_size (pf_photo_report_get_findings (frame->ctx.report), 0);
  check (&frame->ctx);
  return g_steal_pointer (&frame->ctx.report);
}

void
quality_frame_clear (QualityFrame *frame)
{
  pf_secure_zero (frame->ctx.small, (gsize) frame->ctx.small_width * frame->ctx.small_height);
  g_clear_pointer (&frame->ctx.small, g_free);
}

/* The worst severity among the findings with @id, and how many there are;
 * PF_SEVERITY_OK with none. */
PfSeverity
quality_report_worst (PfPhotoReport *report,
                      const char    *id,
                      guint         *n_findings)
{
  GPtrArray *findings = pf_photo_report_get_findings (report);
  PfSeverity worst = PF_SEVERITY_OK;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (findings, i);

      if (!g_str_equal (pf_finding_get_id (finding), id))
        continue;
      n++;
      worst = MAX (worst, pf_finding_get_severity (finding));
    }
  if (n_findings != NULL)
    *n_findings = n;

  return worst;
}
