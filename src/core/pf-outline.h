/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quadrilateral finder behind photo.outline, and the plane geometry the
 * other geometry checks share. Not for use outside src/core. */
#pragma once

#include "pf-photo.h"

G_BEGIN_DECLS

/* A document outline found in a grey image. */
typedef struct
{
  PfPoint  corners[4];   /* top-left, top-right, bottom-right, bottom-left as
                          * seen in the image, in the grey image's pixels */
  double   confidence;   /* 0..1: how well the edges support the four sides */
  int      n_found_sides; /* 4, or 3 when one side lies outside the frame and
                           * was placed from the document's proportions */
} PfQuad;

/* The pose of a rectangle seen as a quadrilateral through a pinhole camera. */
typedef struct
{
  double aspect;         /* long side over short side, perspective undone */
  double tilt_deg;       /* angle between the document and the image plane */
  gboolean first_is_long; /* corners 0→1 and 3→2 are the long sides */
  double in_plane_deg;   /* rotation of the long side in the image, 0..180 */
} PfQuadPose;

gboolean  pf_outline_find       (const guint8 *grey,
                                 int           width,
                                 int           height,
                                 PfImage      *colour,
                                 const double *aspects,
                                 guint         n_aspects,
                                 gboolean      live,
                                 PfQuad       *quad);

void      pf_quad_get_pose      (const PfPoint corners[4],
                                 int           width,
                                 int           height,
                                 PfQuadPose   *pose);

double    pf_quad_area          (const PfPoint corners[4]);

void      pf_quad_outward_normal (const PfPoint   corners[4],
                                  int             side,
                                  double         *nx,
                                  double         *ny);
double    pf_median             (double         *values,
                                 int             n);
gboolean  pf_image_mean_rgb     (PfImage        *image,
                                 double          x,
                                 double          y,
                                 double          rgb[3]);

gboolean  pf_quad_refine_side   (const guint8   *grey,
                                 int             width,
                                 int             height,
                                 PfPoint         a,
                                 PfPoint         b,
                                 double          search,
                                 int             polarity,
                                 double          line[3]);
gboolean  pf_lines_intersect    (const double    l1[3],
                                 const double    l2[3],
                                 PfPoint        *p);
void      pf_quad_order         (PfPoint         corners[4]);

G_END_DECLS
