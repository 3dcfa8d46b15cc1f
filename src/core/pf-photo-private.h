/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the photo checks; not for use outside src/core. */
#pragma once

#include "pf-photo.h"

G_BEGIN_DECLS

/* The long side of the downscaled grey copy that the whole-frame checks
 * (outline, background) work on. */
#define PF_PHOTO_SMALL_SIZE 640

typedef struct
{
  PfImage        *image;       /* borrowed */
  const guint8   *grey;        /* full resolution, width bytes a row */
  int             width;
  int             height;

  guint8         *small;       /* owned; grey, downscaled by small_scale */
  int             small_width;
  int             small_height;
  double          small_scale; /* small pixels per image pixel, <= 1 */

  PfPhotoOptions  options;
  PfPhotoReport  *report;      /* being built */

  /* Set by the outline check for the checks after it. Corners are in image
   * pixels, ordered top-left, top-right, bottom-right, bottom-left. */
  gboolean        has_outline;
  PfPoint         outline[4];
} PfPhotoContext;

/* Each check adds at least one finding with its id; an "ok" one if it ran
 * and found nothing. A check that cannot run without the outline adds
 * nothing when there is none (the outline finding says why). */
typedef void (*PfPhotoCheckFunc) (PfPhotoContext *ctx);

/* pf_photo_check() in steps, for the benchmarks and the quality tests
 * (pf-photo.c): the shared views and an empty report; the checks in order,
 * ending with NULL; then the views freed and the report handed over. */
void                     pf_photo_context_init   (PfPhotoContext       *ctx,
                                                  PfImage              *image,
                                                  const PfPhotoOptions *options);
const PfPhotoCheckFunc  *pf_photo_get_checks     (void);
PfPhotoReport           *pf_photo_context_finish (PfPhotoContext       *ctx);

PfPhotoReport *pf_photo_report_new (int width,
                                    int height);
void  pf_photo_report_add_finding (PfPhotoReport *report,
                                   PfFinding     *finding);
void  pf_photo_report_remove_findings (PfPhotoReport *report,
                                       const char    *id);
void  pf_photo_report_set_metric  (PfPhotoReport *report,
                                   const char    *name,
                                   double         value);
void  pf_photo_report_set_outline (PfPhotoReport *report,
                                   const PfPoint  corners[4]);

void  pf_photo_context_add        (PfPhotoContext *ctx,
                                   const char     *id,
                                   PfSeverity      severity,
                                   const char     *title,
                                   const char     *advice,
                                   const PfRect   *region);
void  pf_photo_context_add_ok     (PfPhotoContext *ctx,
                                   const char     *id,
                                   const char     *title);

/* The geometry checks (pf-check-outline.c first, then pf-check-geometry.c,
 * pf-check-background.c, pf-check-obstruction.c). */
void  pf_photo_check_outline      (PfPhotoContext *ctx);
void  pf_photo_check_corners      (PfPhotoContext *ctx);
void  pf_photo_check_size         (PfPhotoContext *ctx);
void  pf_photo_check_angle        (PfPhotoContext *ctx);
void  pf_photo_check_background   (PfPhotoContext *ctx);
void  pf_photo_check_obstruction  (PfPhotoContext *ctx);

/* The pixel-quality checks (pf-check-*.c); they look inside the outline. */
void  pf_photo_check_blur         (PfPhotoContext *ctx);
void  pf_photo_check_glare        (PfPhotoContext *ctx);
void  pf_photo_check_exposure     (PfPhotoContext *ctx);
void  pf_photo_check_copy         (PfPhotoContext *ctx);

G_END_DECLS
