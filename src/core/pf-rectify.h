/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document cut out of a photo and seen square on: the outline's
 * quadrilateral warped to the document's own proportions at a fixed pixel
 * density, so that the readers meet text of one size, straight and evenly
 * spaced, whatever the camera's pose. Not for use outside src/core. */
#pragma once

#include "pf-photo.h"

G_BEGIN_DECLS

/* A rectified grey document, width bytes a row; zeroed when freed. */
typedef struct
{
  guint8 *grey;
  int     width;
  int     height;
  double  px_per_mm;
} PfRectified;

PfRectified  *pf_rectify_grey            (const guint8   *grey,
                                          int             width,
                                          int             height,
                                          gsize           stride,
                                          const PfPoint   corners[4],
                                          double          width_mm,
                                          double          height_mm,
                                          double          px_per_mm);
void          pf_rectified_free          (PfRectified    *self);
void          pf_rectify_orient_landscape (PfPoint        corners[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfRectified, pf_rectified_free)

G_END_DECLS
