/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The machine-readable zone as an anchor for the document's outline
 * (pf-outline-anchor.c, the MRZ found in pf-outline-anchor-band.c): a still's MRZ says where the document's bottom,
 * left and right edges must be, whatever the background's texture. Not
 * for use outside src/core. */
#pragma once

#include "pf-document.h"
#include "pf-photo-private.h"

G_BEGIN_DECLS

/* ICAO 9303's MRZ character pitch. */
#define PF_ANCHOR_CHAR_PITCH_MM 2.54

/* An MRZ read in the image, and the document frame it sets up. */
typedef struct
{
  PfPoint     band[4];    /* the MRZ's cells, top-left, top-right,
                           * bottom-right, bottom-left as it reads */
  PfMrzFormat format;
  guint       n_chars;    /* a line */
  double      char_height; /* px */
  gboolean    valid;      /* every check digit passed */
  double      ux, uy;     /* unit vector along the lines, as they read */
  double      vx, vy;     /* unit vector down the document */
  PfPoint     left;       /* ends of the last line's centre line */
  PfPoint     right;
  double      px_per_mm;  /* along the lines, at the MRZ */
  double      scale_left; /* the scale at the lines' ends over px_per_mm: */
  double      scale_right; /* under perspective one end is nearer */
  double      width_mm;   /* of the document the MRZ belongs to */
  double      height_mm;
} PfAnchorBand;

/* The sides of an outline the MRZ agrees with. */
typedef enum
{
  PF_ANCHOR_SIDE_TOP    = 1 << 0,
  PF_ANCHOR_SIDE_RIGHT  = 1 << 1,
  PF_ANCHOR_SIDE_BOTTOM = 1 << 2,
  PF_ANCHOR_SIDE_LEFT   = 1 << 3,
  PF_ANCHOR_SIDE_ALL    = 0xf,
} PfAnchorSides;

gboolean      pf_outline_anchor_find_band (const guint8       *grey,
                                           int                 width,
                                           int                 height,
                                           const PfPoint      *hint,
                                           PfAnchorBand       *band);
PfAnchorSides pf_outline_anchor_judge     (const PfAnchorBand *band,
                                           const PfPoint       corners[4],
                                           int                 width,
                                           int                 height);
gboolean      pf_outline_anchor_correct   (const PfAnchorBand *band,
                                           const PfPoint      *corners,
                                           PfAnchorSides       agree,
                                           const guint8       *small,
                                           int                 small_width,
                                           int                 small_height,
                                           int                 width,
                                           int                 height,
                                           PfPoint             out[4],
                                           PfAnchorSides      *confirmed);
void          pf_outline_anchor_check     (PfPhotoContext     *ctx);

G_END_DECLS
