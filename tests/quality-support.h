/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs one pixel-quality check on an image with a given outline, the way
 * the photo driver would, for the quality tests and the benchmark. */
#pragma once

#include "pf-photo-private.h"

G_BEGIN_DECLS

typedef struct
{
  PfPhotoContext ctx;
} QualityFrame;

void            quality_frame_init   (QualityFrame         *frame,
                                      PfImage              *image,
                                      const PfPoint        *outline,
                                      const PfPhotoOptions *options);
PfPhotoReport  *quality_frame_run    (QualityFrame         *frame,
                                      PfPhotoCheckFunc      check);
void            quality_frame_clear  (QualityFrame         *frame);

PfSeverity      quality_report_worst (PfPhotoReport        *report,
                                      const char           *id,
                                      guint                *n_findings);

G_END_DECLS
