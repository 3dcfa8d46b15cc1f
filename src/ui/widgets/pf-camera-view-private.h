/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by pf-camera-view.c and its drawing code. */
#pragma once

#include "pf-camera-view.h"

G_BEGIN_DECLS

/* Where the frame lies in the widget, and how report pixels map to it. */
typedef struct
{
  graphene_rect_t image;     /* the letterboxed frame, widget pixels */
  double          scale_x;   /* widget pixels per report pixel */
  double          scale_y;
  gboolean        mirrored;
} PfViewMapping;

/* The status colours of the current style, and a halo for each that
 * stands out against both dark and light parts of a photo. */
typedef struct
{
  GdkRGBA ok;
  GdkRGBA caution;
  GdkRGBA blocker;
  GdkRGBA neutral;
} PfOverlayColours;

void             pf_overlay_colours_init   (PfOverlayColours       *colours,
                                            GtkWidget              *widget);
graphene_point_t pf_view_mapping_map       (const PfViewMapping    *map,
                                            double                  x,
                                            double                  y);

void             pf_camera_view_draw_overlay   (GtkWidget              *widget,
                                                GtkSnapshot            *snapshot,
                                                const PfViewMapping    *map,
                                                const PfPhotoOverlay   *overlay,
                                                gboolean                live,
                                                const PfOverlayColours *colours);
void             pf_camera_view_draw_countdown (GtkSnapshot            *snapshot,
                                                const PfViewMapping    *map,
                                                const PfPhotoOverlay   *overlay,
                                                double                  progress,
                                                const PfOverlayColours *colours);

G_END_DECLS
