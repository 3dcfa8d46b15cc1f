/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The camera view's overlays, drawn with render nodes (colour, clip and
 * transform nodes; cairo only for the small countdown ring), so that a
 * frame's overlays cost the main thread a few dozen nodes and no pixels.
 *
 * Lines carry a halo of the opposite lightness, so that they show on the
 * dark and the light parts of a photo, in the light and the dark style.
 * Colour is never the only signal: a corner that is wrong also gets a
 * dot, and every hint is words. */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pf-camera-view-private.h"

#define LINE_WIDTH     2.5f
#define BRACKET_WIDTH  5.0f
#define BRACKET_LENGTH 30.0f
#define HALO_EXTRA     3.0f
#define MARGIN         12.0f
#define METER_WIDTH    8.0f
#define RING_RADIUS    30.0f

static const GdkRGBA osd_background = { 0, 0, 0, 0.68f };
static const GdkRGBA osd_foreground = { 1, 1, 1, 1 };
static const GdkRGBA meter_track = { 1, 1, 1, 0.3f };

static void
lookup_colour (GtkWidget  *widget,
               const char *name,
               const char *fallback,
               GdkRGBA    *colour)
{
  /* The lookup is deprecated after GTK 4.8 but is the 4.8 way to read
   * libadwaita's named colours. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, colour))
    gdk_rgba_parse (colour, fallback);
}

void
pf_overlay_colours_init (PfOverlayColours *colours,
                         GtkWidget        *widget)
{
  /* The saturated "bg" variants: they read on dark and light photo areas
   * alike, in either style, with the halo drawn around them. */
  lookup_colour (widget, "success_bg_color", "#26a269", &colours->ok);
  lookup_colour (widget, "warning_bg_color", "#cd9309", &colours->caution);
  lookup_colour (widget, "error_bg_color", "#c01c28", &colours->blocker);
  colours->neutral = (GdkRGBA) { 1, 1, 1, 0.9f };
}

graphene_point_t
pf_view_mapping_map (const PfViewMapping *map,
                     double               x,
                     double               y)
{
  double wx = x * map->scale_x;
  double wy = y * map->scale_y;

  if (map->mirrored)
    wx = map->image.size.width - wx;

  return GRAPHENE_POINT_INIT (map->image.origin.x + wx, map->image.origin.y + wy);
}

static void
halo_for (const GdkRGBA *colour,
          GdkRGBA       *halo)
{
  double luminance = 0.2126 * colour->red + 0.7152 * colour->green + 0.0722 * colour->blue;

  if (luminance > 0.4)
    *halo = (GdkRGBA) { 0, 0, 0, 0.6f * colour->alpha };
  else
    *halo = (GdkRGBA) { 1, 1, 1, 0.8f * colour->alpha };
}

static const GdkRGBA *
colour_for (const PfOverlayColours *colours,
            PfSeverity              severity)
{
  switch (severity)
    {
    case PF_SEVERITY_BLOCKER:
      return &colours->blocker;
    case PF_SEVERITY_CAUTION:
      return &colours->caution;
    case PF_SEVERITY_OK:
    default:
      return &colours->ok;
    }
}

/* A straight segment as a rotated rectangle, overshooting by half its
 * width at both ends so that joints close. */
static void
append_segment (GtkSnapshot      *snapshot,
                graphene_point_t  a,
                graphene_point_t  b,
                float             width,
                const GdkRGBA    *colour)
{
  float dx = b.x - a.x;
  float dy = b.y - a.y;
  float length = sqrtf (dx * dx + dy * dy);

  if (length < 0.5f)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &a);
  gtk_snapshot_rotate (snapshot, atan2f (dy, dx) * 180.0f / G_PI);
  gtk_snapshot_append_color (snapshot, colour,
                             &GRAPHENE_RECT_INIT (-width / 2, -width / 2, length + width, width));
  gtk_snapshot_restore (snapshot);
}

/* A polyline with its halo: all of the halo first, so that it never
 * covers the line where segments meet. */
static void
append_polyline (GtkSnapshot            *snapshot,
                 const graphene_point_t *points,
                 guint                   n_points,
                 gboolean                closed,
                 float                   width,
                 const GdkRGBA          *colour)
{
  guint n_segments = closed ? n_points : n_points - 1;
  GdkRGBA halo;

  halo_for (colour, &halo);
  for (guint i = 0; i < n_segments; i++)
    append_segment (snapshot, points[i], points[(i + 1) % n_points], width + HALO_EXTRA, &halo);
  for (guint i = 0; i < n_segments; i++)
    append_segment (snapshot, points[i], points[(i + 1) % n_points], width, colour);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *colour)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, colour, rect);
  gtk_snapshot_pop (snapshot);
}

/* A dark, rounded label, as libadwaita's on-screen displays look, with a
 * dot of @accent before the words when given. Returns its height. */
static float
append_pill (GtkWidget     *widget,
             GtkSnapshot   *snapshot,
             const char    *text,
             float          x,
             float          y,
             gboolean       align_right,
             const GdkRGBA *accent)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  float dot = accent != NULL ? 14.0f : 0.0f;
  graphene_rect_t rect;
  int text_width, text_height;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  rect = GRAPHENE_RECT_INIT (align_right ? x - text_width - dot - 20 : x, y,
                             text_width + dot + 20, text_height + 8);
  append_rounded (snapshot, &rect, rect.size.height / 2, &osd_background);

  if (accent != NULL)
    append_rounded (snapshot,
                    &GRAPHENE_RECT_INIT (rect.origin.x + 10, rect.origin.y + rect.size.height / 2 - 4,
                                         8, 8),
                    4, accent);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 10 + dot, y + 4));
  gtk_snapshot_append_layout (snapshot, layout, &osd_foreground);
  gtk_snapshot_restore (snapshot);

  return rect.size.height;
}

static void
draw_corners (GtkSnapshot            *snapshot,
              const PfViewMapping    *map,
              const PfPhotoOverlay   *overlay,
              const graphene_point_t  points[4],
              const PfOverlayColours *colours)
{
  for (int c = 0; c < 4; c++)
    {
      const graphene_point_t *p = &points[c];
      const graphene_point_t *prev = &points[(c + 3) % 4];
      const graphene_point_t *next = &points[(c + 1) % 4];
      float to_prev = graphene_point_distance (p, prev, NULL, NULL);
      float to_next = graphene_point_distance (p, next, NULL, NULL);
      float length = MIN (BRACKET_LENGTH, 0.25f * MIN (to_prev, to_next));
      gboolean good = overlay->corner_states[c] == PF_CORNER_OK;
      const GdkRGBA *colour = good ? &colours->ok : &colours->blocker;
      graphene_point_t bracket[3];

      if (length < 1)
        continue;

      bracket[0] = GRAPHENE_POINT_INIT (p->x + (prev->x - p->x) * length / to_prev,
                                        p->y + (prev->y - p->y) * length / to_prev);
      bracket[1] = *p;
      bracket[2] = GRAPHENE_POINT_INIT (p->x + (next->x - p->x) * length / to_next,
                                        p->y + (next->y - p->y) * length / to_next);
      append_polyline (snapshot, bracket, 3, FALSE, BRACKET_WIDTH, colour);

      if (!good)
        {
          /* A dot where the corner is, or, when it is out of the frame, on
           * the frame's edge nearest to it. */
          float x = CLAMP (p->x, map->image.origin.x + 8,
                           map->image.origin.x + map->image.size.width - 8);
          float y = CLAMP (p->y, map->image.origin.y + 8,
                           map->image.origin.y + map->image.size.height - 8);
          GdkRGBA halo;

          halo_for (colour, &halo);
          append_rounded (snapshot, &GRAPHENE_RECT_INIT (x - 9, y - 9, 18, 18), 9, &halo);
          append_rounded (snapshot, &GRAPHENE_RECT_INIT (x - 7, y - 7, 14, 14), 7, colour);
        }
    }
}

static void
draw_glare (GtkSnapshot            *snapshot,
            const PfViewMapping    *map,
            const PfPhotoOverlay   *overlay,
            const PfOverlayColours *colours)
{
  for (guint i = 0; i < overlay->n_glare; i++)
    {
      const PfRect *r = &overlay->glare[i];
      graphene_point_t box[4] = {
        pf_view_mapping_map (map, r->x, r->y),
        pf_view_mapping_map (map, r->x + r->width, r->y),
        pf_view_mapping_map (map, r->x + r->width, r->y + r->height),
        pf_view_mapping_map (map, r->x, r->y + r->height),
      };

      append_polyline (snapshot, box, 4, TRUE, LINE_WIDTH,
                       colour_for (colours, overlay->glare_severity[i]));
    }
}

/* The focus meter on the right: a bar filled as far as the photo is sharp,
 * in the blur check's colour, "Hold still" below when the camera moved. */
static void
draw_meters (GtkWidget              *widget,
             GtkSnapshot            *snapshot,
             const PfViewMapping    *map,
             const PfPhotoOverlay   *overlay,
             const PfOverlayColours *colours)
{
  const graphene_rect_t *image = &map->image;
  float right = image->origin.x + image->size.width - MARGIN;
  float top = image->origin.y + MARGIN;
  float y;

  if (overlay->light != PF_LIGHT_HINT_NONE && overlay->light_title != NULL)
    append_pill (widget, snapshot, overlay->light_title, image->origin.x + MARGIN, top, FALSE,
                 colour_for (colours, overlay->light_severity));

  if (overlay->focus < 0)
    return;

  {
    float height = MIN (140.0f, 0.4f * image->size.height);
    graphene_rect_t track = GRAPHENE_RECT_INIT (right - METER_WIDTH - 14, top + 4,
                                                METER_WIDTH, height);
    float filled = (float) overlay->focus * height;

    append_rounded (snapshot,
                    &GRAPHENE_RECT_INIT (track.origin.x - 4, track.origin.y - 4,
                                         METER_WIDTH + 8, height + 8),
                    (METER_WIDTH + 8) / 2, &osd_background);
    append_rounded (snapshot, &track, METER_WIDTH / 2, &meter_track);
    if (filled >= 1)
      append_rounded (snapshot,
                      &GRAPHENE_RECT_INIT (track.origin.x, track.origin.y + height - filled,
                                           METER_WIDTH, filled),
                      METER_WIDTH / 2, colour_for (colours, overlay->focus_severity));
    y = track.origin.y + height + 10;
  }

  /* Translators: the label under the focus meter over the camera picture. */
  y += append_pill (widget, snapshot, _("Focus"), right, y, TRUE, NULL) + 6;
  if (overlay->motion)
    append_pill (widget, snapshot, _("Hold still"), right, y, TRUE, &colours->blocker);
}

/**
 * pf_camera_view_draw_overlay:
 * @live: also draw the meters and hints that help while framing
 *
 * Draws @overlay's outline, corners and glare regions (and, live, the
 * meters), clipped to the frame.
 */
void
pf_camera_view_draw_overlay (GtkWidget              *widget,
                             GtkSnapshot            *snapshot,
                             const PfViewMapping    *map,
                             const PfPhotoOverlay   *overlay,
                             gboolean                live,
                             const PfOverlayColours *colours)
{
  gtk_snapshot_push_clip (snapshot, &map->image);

  if (overlay->has_outline)
    {
      graphene_point_t points[4];

      for (int c = 0; c < 4; c++)
        points[c] = pf_view_mapping_map (map, overlay->corners[c].x, overlay->corners[c].y);

      append_polyline (snapshot, points, 4, TRUE, LINE_WIDTH, &colours->neutral);
      draw_corners (snapshot, map, overlay, points, colours);
    }

  draw_glare (snapshot, map, overlay, colours);

  if (live)
    draw_meters (widget, snapshot, map, overlay, colours);

  gtk_snapshot_pop (snapshot);
}

/* The auto-capture countdown: a ring that closes as the second passes, in
 * the middle of the document. */
void
pf_camera_view_draw_countdown (GtkSnapshot            *snapshot,
                               const PfViewMapping    *map,
                               const PfPhotoOverlay   *overlay,
                               double                  progress,
                               const PfOverlayColours *colours)
{
  graphene_point_t centre;
  cairo_t *cr;

  if (overlay != NULL && overlay->has_outline)
    {
      double x = 0, y = 0;

      for (int c = 0; c < 4; c++)
        {
          x += overlay->corners[c].x / 4;
          y += overlay->corners[c].y / 4;
        }
      centre = pf_view_mapping_map (map, x, y);
    }
  else
    {
      graphene_rect_get_center (&map->image, &centre);
    }

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (centre.x - RING_RADIUS - 8,
                                                       centre.y - RING_RADIUS - 8,
                                                       2 * RING_RADIUS + 16,
                                                       2 * RING_RADIUS + 16));
  /* A dark track under a light one, so that the ring shows on any part
   * of the document. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 10);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_arc (cr, centre.x, centre.y, RING_RADIUS - 6, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 6);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.45);
  cairo_arc (cr, centre.x, centre.y, RING_RADIUS - 6, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (progress > 0)
    {
      gdk_cairo_set_source_rgba (cr, &colours->ok);
      cairo_arc (cr, centre.x, centre.y, RING_RADIUS - 6, -G_PI / 2,
                 -G_PI / 2 + 2 * G_PI * CLAMP (progress, 0, 1));
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}
