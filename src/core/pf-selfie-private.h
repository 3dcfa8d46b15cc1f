/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the selfie checks; not for use outside src/core. */
#pragma once

#include "pf-selfie.h"

G_BEGIN_DECLS

/* The long side of the downscaled grey copy that face detection and the
 * light checks work on: a face filling a fifth of the frame is still 60
 * pixels there, plenty for a 20-pixel cascade window. */
#define PF_SELFIE_SMALL_SIZE 320

typedef struct
{
  const guint8    *grey;         /* full resolution, width bytes a row */
  int              width;
  int              height;

  guint8          *small;        /* owned; grey, downscaled by small_scale */
  int              small_width;
  int              small_height;
  double           small_scale;  /* small pixels per image pixel, <= 1 */

  PfSelfieOptions  options;
  PfSelfieReport  *report;       /* being built */

  /* What the light and sharpness checks look at, in image pixels: the
   * largest face found, or the middle of the frame standing in for it. */
  PfRect           face;
  gboolean         face_found;
} PfSelfieContext;

void  pf_selfie_context_add     (PfSelfieContext *ctx,
                                 const char      *id,
                                 PfSeverity       severity,
                                 const char      *title,
                                 const char      *advice,
                                 const PfRect    *region);
void  pf_selfie_context_add_ok  (PfSelfieContext *ctx,
                                 const char      *id,
                                 const char      *title);
void  pf_selfie_set_metric      (PfSelfieContext *ctx,
                                 const char      *name,
                                 double           value);

guint8 *pf_selfie_downscale    (const guint8    *grey,
                                gsize            stride,
                                int              left,
                                int              top,
                                int              width,
                                int              height,
                                int              small_width,
                                int              small_height);

/* pf-selfie-light.c and pf-selfie-sharpness.c */
void  pf_selfie_check_light     (PfSelfieContext *ctx);
void  pf_selfie_check_sharpness (PfSelfieContext *ctx);

G_END_DECLS
