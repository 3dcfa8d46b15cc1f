/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pf-photo.h"

G_BEGIN_DECLS

/* How one corner of the document looks in the overlay. */
typedef enum
{
  PF_CORNER_UNKNOWN,
  PF_CORNER_OK,
  PF_CORNER_CLOSE,
  PF_CORNER_CUT,
} PfCornerState;

/* Which way the light is wrong, for the instruction line. */
typedef enum
{
  PF_LIGHT_HINT_NONE,
  PF_LIGHT_HINT_MORE,
  PF_LIGHT_HINT_LESS,
} PfLightHint;

#define PF_PHOTO_OVERLAY_MAX_GLARE 8

/* A corner closer to the frame's edge than this fraction of the frame's
 * width (or height) is "too close": the value the photo checks' generator
 * uses as its nominal edge margin. */
#define PF_PHOTO_OVERLAY_EDGE_MARGIN 0.02

/* What the camera view draws over a frame, worked out once per report. */
typedef struct
{
  int            width;
  int            height;

  gboolean       has_outline;
  PfPoint        corners[4];          /* TL TR BR BL, image pixels */
  PfCornerState  corner_states[4];

  guint          n_glare;
  PfRect         glare[PF_PHOTO_OVERLAY_MAX_GLARE];
  PfSeverity     glare_severity[PF_PHOTO_OVERLAY_MAX_GLARE];

  double         focus;               /* 0 blurred .. 1 sharp; < 0 not measured */
  PfSeverity     focus_severity;
  gboolean       motion;              /* the camera moved: "Hold still" */

  PfLightHint    light;
  PfSeverity     light_severity;
  const char    *light_title;         /* the exposure finding's own words */

  PfSeverity     worst;
  gboolean       ready;               /* nothing to change and all corners in frame */
  const char    *instruction;         /* translated; never NULL */
} PfPhotoOverlay;

void        pf_photo_overlay_init          (PfPhotoOverlay *self,
                                            PfPhotoReport  *report);
gboolean    pf_photo_overlay_corners_in    (const PfPhotoOverlay *self);
const char *pf_corner_state_to_string      (PfCornerState  state);

G_END_DECLS
