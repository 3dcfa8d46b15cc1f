/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the selfie step draws over the preview: an oval where the face
 * should go, and a box around each face the checks found, coloured by the
 * face check's verdict. It lies over a PfCameraView of the same size in a
 * GtkOverlay and letterboxes the frame the way the view does, so that
 * neither widget needs to know about the other. It never sees pixels. */

#include "config.h"

#include "pf-camera-view-private.h"
#include "pf-selfie-guide.h"

/* The oval a face at arm's length fills: a third of the frame's short side
 * wide, as the face check wants it. */
#define GUIDE_WIDTH  0.36
#define GUIDE_HEIGHT 0.48

struct _PfSelfieGuide
{
  GtkWidget       parent_instance;

  /* Owned references */
  PfSelfieReport *report;

  int             frame_width;
  int             frame_height;
  gboolean        mirrored;
  gboolean        ready;
};

G_DEFINE_FINAL_TYPE (PfSelfieGuide, pf_selfie_guide, GTK_TYPE_WIDGET)

static gboolean
get_mapping (PfSelfieGuide *self,
             PfViewMapping *map)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  if (self->frame_width <= 0 || self->frame_height <= 0 || width <= 0 || height <= 0)
    return FALSE;

  scale = MIN ((double) width / self->frame_width, (double) height / self->frame_height);
  map->image = GRAPHENE_RECT_INIT ((width - self->frame_width * scale) / 2,
                                   (height - self->frame_height * scale) / 2,
                                   self->frame_width * scale, self->frame_height * scale);
  map->mirrored = self->mirrored;
  /* The report may be of an earlier frame of another size. */
  map->scale_x = self->report != NULL
                 ? map->image.size.width / pf_selfie_report_get_width (self->report) : scale;
  map->scale_y = self->report != NULL
                 ? map->image.size.height / pf_selfie_report_get_height (self->report) : scale;
  return TRUE;
}

static void
stroke (cairo_t       *cr,
        const GdkRGBA *colour,
        double         width)
{
  /* A dark halo under the line, so that it reads on a white wall too. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, width + 3);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_oval (cairo_t                *cr,
           const PfViewMapping    *map,
           gboolean                ready,
           const PfOverlayColours *colours)
{
  double short_side = MIN (map->image.size.width, map->image.size.height);
  double cx = map->image.origin.x + map->image.size.width / 2;
  double cy = map->image.origin.y + map->image.size.height / 2;
  static const double dashes[] = { 10, 8 };

  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, GUIDE_WIDTH * short_side / 2, GUIDE_HEIGHT * short_side / 2);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  if (!ready)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  stroke (cr, ready ? &colours->ok : &colours->neutral, ready ? 5 : 3);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_faces (cairo_t                *cr,
            const PfViewMapping    *map,
            PfSelfieReport         *report,
            const PfOverlayColours *colours)
{
  PfFinding *finding = pf_selfie_report_find (report, "selfie.face");
  PfSeverity severity = finding != NULL ? pf_finding_get_severity (finding) : PF_SEVERITY_OK;
  const GdkRGBA *colour = severity == PF_SEVERITY_BLOCKER ? &colours->blocker
                          : severity == PF_SEVERITY_CAUTION ? &colours->caution
                          : &colours->ok;
  PfRect face;

  for (guint i = 0; pf_selfie_report_get_face (report, i, &face); i++)
    {
      graphene_point_t a = pf_view_mapping_map (map, face.x, face.y);
      graphene_point_t b = pf_view_mapping_map (map, face.x + face.width, face.y + face.height);

      cairo_rectangle (cr, MIN (a.x, b.x), MIN (a.y, b.y), ABS (b.x - a.x), ABS (b.y - a.y));
      stroke (cr, colour, 3);
    }
}

static void
pf_selfie_guide_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PfSelfieGuide *self = PF_SELFIE_GUIDE (widget);
  PfOverlayColours colours;
  PfViewMapping map;
  cairo_t *cr;

  if (!get_mapping (self, &map))
    return;

  pf_overlay_colours_init (&colours, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &map.image);
  draw_oval (cr, &map, self->ready, &colours);
  if (self->report != NULL)
    draw_faces (cr, &map, self->report, &colours);
  cairo_destroy (cr);
}

static void
pf_selfie_guide_dispose (GObject *object)
{
  PfSelfieGuide *self = PF_SELFIE_GUIDE (object);

  g_clear_pointer (&self->report, pf_selfie_report_unref);

  G_OBJECT_CLASS (pf_selfie_guide_parent_class)->dispose (object);
}

static void
pf_selfie_guide_class_init (PfSelfieGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_selfie_guide_dispose;
  widget_class->snapshot = pf_selfie_guide_snapshot;
}

static void
pf_selfie_guide_init (PfSelfieGuide *self)
{
}

/* The size of the frames shown under the guide. */
void
pf_selfie_guide_set_frame_size (PfSelfieGuide *self,
                                int            width,
                                int            height)
{
  g_return_if_fail (PF_IS_SELFIE_GUIDE (self));

  if (self->frame_width == width && self->frame_height == height)
    return;

  self->frame_width = width;
  self->frame_height = height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pf_selfie_guide_set_mirrored (PfSelfieGuide *self,
                              gboolean       mirrored)
{
  g_return_if_fail (PF_IS_SELFIE_GUIDE (self));

  self->mirrored = !!mirrored;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @report: (nullable): the faces to box; %NULL for none */
void
pf_selfie_guide_set_report (PfSelfieGuide  *self,
                            PfSelfieReport *report)
{
  g_return_if_fail (PF_IS_SELFIE_GUIDE (self));

  if (report == self->report)
    return;

  if (report != NULL)
    pf_selfie_report_ref (report);
  g_clear_pointer (&self->report, pf_selfie_report_unref);
  self->report = report;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Ready, the oval turns solid and green. */
void
pf_selfie_guide_set_ready (PfSelfieGuide *self,
                           gboolean       ready)
{
  g_return_if_fail (PF_IS_SELFIE_GUIDE (self));

  ready = !!ready;
  if (self->ready == ready)
    return;

  self->ready = ready;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
pf_selfie_guide_get_ready (PfSelfieGuide *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_GUIDE (self), FALSE);
  return self->ready;
}
