/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "quality-support.h"

/* The driver's shared views of a frame (grey, and the small copy), made by
 * the driver's own code; the outline stands in for the outline check's. */
void
quality_frame_init (QualityFrame         *frame,
                    PfImage              *image,
                    const PfPoint        *outline,
                    const PfPhotoOptions *options)
{
  PfPhotoContext *ctx = &frame->ctx;

  pf_photo_context_init (ctx, image, options);
  g_clear_pointer (&ctx->report, pf_photo_report_unref);
  if (outline != NULL)
    {
      ctx->has_outline = TRUE;
      memcpy (ctx->outline, outline, sizeof ctx->outline);
    }
}

/* Runs @check into a fresh report. */
PfPhotoReport *
quality_frame_run (QualityFrame     *frame,
                   PfPhotoCheckFunc  check)
{
  frame->ctx.report = pf_photo_report_new (frame->ctx.width, frame->ctx.height);
  check (&frame->ctx);
  return g_steal_pointer (&frame->ctx.report);
}

void
quality_frame_clear (QualityFrame *frame)
{
  g_autoptr(PfPhotoReport) report = NULL;

  /* Frees the views; there is no report left to hand over. */
  report = pf_photo_context_finish (&frame->ctx);
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
