/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo checks' driver and their report. The driver makes the shared
 * views of the image once (grey, a downscaled grey copy, in one pass in
 * pf-image.c), finds the outline first, then runs every other check with
 * it. */

#include "config.h"

#include <string.h>

#include "pf-outline-anchor.h"
#include "pf-photo-private.h"
#include "pf-report.h"

struct _PfPhotoReport
{
  gatomicrefcount  ref_count;
  int              width;
  int              height;
  gboolean         has_outline;
  PfPoint          outline[4];
  PfReportCore     core;         /* findings and metrics */
};

G_DEFINE_BOXED_TYPE (PfPhotoReport, pf_photo_report, pf_photo_report_ref, pf_photo_report_unref)

/* In order: the outline first, since most checks look inside it. */
static const PfPhotoCheckFunc checks[] = {
  pf_photo_check_outline,
  pf_outline_anchor_check,   /* stills: the MRZ checks the outline */
  pf_photo_check_corners,
  pf_photo_check_size,
  pf_photo_check_angle,
  pf_photo_check_background,
  pf_photo_check_obstruction,
  pf_photo_check_blur,
  pf_photo_check_glare,
  pf_photo_check_exposure,
  pf_photo_check_copy,
  NULL,
};

/* A new empty report; for the driver, and for the quality tests that run
 * one check at a time. */
PfPhotoReport *
pf_photo_report_new (int width,
                     int height)
{
  PfPhotoReport *self = g_new0 (PfPhotoReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->width = width;
  self->height = height;
  pf_report_core_init (&self->core);

  return self;
}

PfPhotoReport *
pf_photo_report_ref (PfPhotoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_photo_report_unref (PfPhotoReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  pf_report_core_clear (&self->core);
  g_free (self);
}

void
pf_photo_report_add_finding (PfPhotoReport *report,
                             PfFinding     *finding)
{
  pf_report_core_add (&report->core, finding);
}

void
pf_photo_report_remove_findings (PfPhotoReport *report,
                                 const char    *id)
{
  pf_report_core_remove (&report->core, id);
}

void
pf_photo_report_set_metric (PfPhotoReport *report,
                            const char    *name,
                            double         value)
{
  pf_report_core_set_metric (&report->core, name, value);
}

void
pf_photo_report_set_outline (PfPhotoReport *report,
                             const PfPoint  corners[4])
{
  report->has_outline = corners != NULL;
  if (corners != NULL)
    memcpy (report->outline, corners, sizeof report->outline);
}

void
pf_photo_context_add (PfPhotoContext *ctx,
                      const char     *id,
                      PfSeverity      severity,
                      const char     *title,
                      const char     *advice,
                      const PfRect   *region)
{
  pf_photo_report_add_finding (ctx->report,
                               pf_finding_new_with_region (id, severity, title, advice, region));
}

void
pf_photo_context_add_ok (PfPhotoContext *ctx,
                         const char     *id,
                         const char     *title)
{
  pf_photo_context_add (ctx, id, PF_SEVERITY_OK, title, "", NULL);
}

/**
 * pf_photo_context_init:
 * @ctx: (out caller-allocates): the context to fill
 *
 * The first step of pf_photo_check(): makes the shared views of @image
 * (grey, the small copy) and an empty report. The benchmarks and the
 * quality tests take the steps one by one, to time or replace a check.
 */
void
pf_photo_context_init (PfPhotoContext       *ctx,
                       PfImage              *image,
                       const PfPhotoOptions *options)
{
  double scale;

  memset (ctx, 0, sizeof *ctx);
  ctx->image = image;
  ctx->width = pf_image_get_width (image);
  ctx->height = pf_image_get_height (image);
  if (options != NULL)
    ctx->options = *options;
  ctx->report = pf_photo_report_new (ctx->width, ctx->height);

  scale = MIN (1.0, (double) PF_PHOTO_SMALL_SIZE / MAX (ctx->width, ctx->height));
  ctx->small_width = MAX (1, (int) (ctx->width * scale + 0.5));
  ctx->small_height = MAX (1, (int) (ctx->height * scale + 0.5));
  ctx->small_scale = (double) ctx->small_width / ctx->width;
  ctx->small = g_malloc ((gsize) ctx->small_width * ctx->small_height);
  ctx->grey = pf_image_get_grey_and_small (image, ctx->small, ctx->small_width, ctx->small_height);
}

/**
 * pf_photo_get_checks:
 *
 * Returns: (transfer none): the checks in the order pf_photo_check() runs
 *   them, ending with %NULL
 */
const PfPhotoCheckFunc *
pf_photo_get_checks (void)
{
  return checks;
}

/**
 * pf_photo_context_finish:
 *
 * The last step of pf_photo_check(): frees the views and hands over the
 * report, with the outline when one was found.
 *
 * Returns: (transfer full): the report
 */
PfPhotoReport *
pf_photo_context_finish (PfPhotoContext *ctx)
{
  if (ctx->has_outline && ctx->report != NULL)
    pf_photo_report_set_outline (ctx->report, ctx->outline);

  pf_secure_zero (ctx->small, (gsize) ctx->small_width * ctx->small_height);
  g_clear_pointer (&ctx->small, g_free);

  return g_steal_pointer (&ctx->report);
}

/**
 * pf_photo_check:
 * @image: a photo or a camera frame
 * @options: (nullable): how to check it; %NULL for the defaults
 *
 * Runs every photo check on @image. Safe to call from any thread, on any
 * image size from 1×1 up.
 *
 * Returns: (transfer full): the report
 */
PfPhotoReport *
pf_photo_check (PfImage              *image,
                const PfPhotoOptions *options)
{
  PfPhotoContext ctx;

  g_return_val_if_fail (image != NULL, NULL);

  pf_photo_context_init (&ctx, image, options);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i] != NULL)
      checks[i] (&ctx);

  return pf_photo_context_finish (&ctx);
}

int
pf_photo_report_get_width (PfPhotoReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
pf_photo_report_get_height (PfPhotoReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

/**
 * pf_photo_report_get_outline:
 * @corners: (out caller-allocates) (optional): top-left, top-right,
 *   bottom-right, bottom-left, in image pixels
 *
 * Returns: %TRUE if the document was found
 */
gboolean
pf_photo_report_get_outline (PfPhotoReport *self,
                             PfPoint        corners[4])
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_outline && corners != NULL)
    memcpy (corners, self->outline, sizeof self->outline);

  return self->has_outline;
}

/**
 * pf_photo_report_get_findings:
 *
 * Returns: (transfer none) (element-type PfFinding): every finding, in the
 *   order the checks ran
 */
GPtrArray *
pf_photo_report_get_findings (PfPhotoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->core.findings;
}

/**
 * pf_photo_report_find:
 *
 * Returns: (transfer none) (nullable): the worst finding with @id
 */
PfFinding *
pf_photo_report_find (PfPhotoReport *self,
                      const char    *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return pf_report_core_find (&self->core, id);
}

PfSeverity
pf_photo_report_get_worst (PfPhotoReport *self)
{
  g_return_val_if_fail (self != NULL, PF_SEVERITY_OK);
  return pf_report_core_get_worst (&self->core);
}

/**
 * pf_photo_report_get_metric:
 * @name: a measured value's name, such as "blur.width_px"
 *
 * Returns: %TRUE if the value was measured
 */
gboolean
pf_photo_report_get_metric (PfPhotoReport *self,
                            const char    *name,
                            double        *value)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return pf_report_core_get_metric (&self->core, name, value);
}

/**
 * pf_photo_report_list_metrics:
 *
 * Returns: (transfer container) (element-type utf8): the measured values'
 *   names, sorted
 */
GList *
pf_photo_report_list_metrics (PfPhotoReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return pf_report_core_list_metrics (&self->core);
}
