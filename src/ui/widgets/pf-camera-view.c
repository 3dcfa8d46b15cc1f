/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The camera preview: the newest frame, letterboxed and optionally
 * mirrored, with the newest report's overlays on top (drawing in
 * pf-camera-view-draw.c); the result view shows one photo with it. Each
 * frame becomes a GdkMemoryTexture over the frame's own pixels, holding a
 * reference to the image: no copy. Nothing here analyses pixels. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pf-camera-view-private.h"
#include "pf-preview-scaler.h"

struct _PfCameraView
{
  GtkWidget       parent_instance;

  /* Owned references */
  PfImage        *image;
  GdkTexture     *texture;
  PfPhotoReport  *report;
  AdwAnimation   *flash_animation;
  PfPreviewScaler *scaler;

  /* Live frames much larger than the view are shown from a copy scaled
   * down on a worker thread; serials tell which frame a copy is of. */
  guint64         serial;         /* of self->image */
  guint64         texture_serial; /* of the frame self->texture shows */

  PfPhotoOverlay  overlay;       /* from report, when there is one */
  char           *instruction;   /* a copy, to notice changes */
  gboolean        mirrored;
  gboolean        live;
  gboolean        full_size;     /* never a scaled-down copy */
  double          countdown;     /* < 0: none */
  double          flash;         /* 0..1, white over the frame */

  /* Borrowed: only compared, to count frames drawn */
  GdkTexture     *last_drawn;
  PfCameraViewStats stats;
};

G_DEFINE_FINAL_TYPE (PfCameraView, pf_camera_view, GTK_TYPE_WIDGET)

static void scaled_cb (GObject *owner,
                       PfImage *small,
                       guint64  serial);

enum {
  PROP_0,
  PROP_MIRRORED,
  PROP_LIVE,
  PROP_INSTRUCTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
release_func (gpointer data,
              gpointer user_data)
{
  pf_image_unref (data);
}

/* The last reference to a camera frame zeroes and frees megabytes: done on
 * a thread of its own, not on the main thread 30 times a second. */
static void
release_later (gpointer image)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (release_func, NULL, 1, FALSE, NULL));

  g_thread_pool_push (pool, image, NULL);
}

static gboolean
get_mapping (PfCameraView  *self,
             PfViewMapping *map)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int image_width, image_height;
  double scale;

  if (self->image == NULL || width <= 0 || height <= 0)
    return FALSE;

  /* The frame's own size, not the texture's, which may be a scaled-down
   * copy: the report's coordinates are in frame pixels. */
  image_width = pf_image_get_width (self->image);
  image_height = pf_image_get_height (self->image);
  scale = MIN ((double) width / image_width, (double) height / image_height);

  map->image = GRAPHENE_RECT_INIT ((width - image_width * scale) / 2,
                                   (height - image_height * scale) / 2,
                                   image_width * scale, image_height * scale);
  map->mirrored = self->mirrored;
  /* The report may be of an earlier frame of another size. */
  map->scale_x = self->report != NULL ? scale * image_width / self->overlay.width : scale;
  map->scale_y = self->report != NULL ? scale * image_height / self->overlay.height : scale;

  return TRUE;
}

static void
pf_camera_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PfCameraView *self = PF_CAMERA_VIEW (widget);
  gint64 start = g_get_monotonic_time ();
  PfOverlayColours colours;
  PfViewMapping map;
  gint64 elapsed;

  if (!get_mapping (self, &map) || self->texture == NULL)
    return;

  if (self->texture != self->last_drawn)
    {
      self->last_drawn = self->texture;
      self->stats.frames_drawn++;
      self->stats.texture_width = gdk_texture_get_width (self->texture);
      self->stats.texture_height = gdk_texture_get_height (self->texture);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &map.image.origin);
  if (self->mirrored)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (map.image.size.width, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, map.image.size.width,
                                                    map.image.size.height));
  gtk_snapshot_restore (snapshot);

  pf_overlay_colours_init (&colours, widget);
  if (self->report != NULL)
    pf_camera_view_draw_overlay (widget, snapshot, &map, &self->overlay, self->live, &colours);
  if (self->countdown >= 0)
    pf_camera_view_draw_countdown (snapshot, &map, self->report != NULL ? &self->overlay : NULL,
                                   self->countdown, &colours);
  if (self->flash > 0)
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, self->flash }, &map.image);

  elapsed = g_get_monotonic_time () - start;
  self->stats.snapshots++;
  self->stats.snapshot_total_us += elapsed;
  self->stats.snapshot_max_us = MAX (self->stats.snapshot_max_us, elapsed);
}

static void
pf_camera_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PfCameraView *self = PF_CAMERA_VIEW (widget);
  double aspect = 16.0 / 9.0;

  /* Any size will do, the frame is scaled to fit; the natural size keeps
   * its proportions (16:9 before the first frame). */
  if (self->image != NULL)
    aspect = (double) pf_image_get_width (self->image) / pf_image_get_height (self->image);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = for_size > 0 ? MAX (160, (int) (for_size * aspect)) : 640;
    }
  else
    {
      *minimum = 90;
      *natural = for_size > 0 ? CLAMP ((int) (for_size / aspect), 90, 280) : 280;
    }
}

static GtkSizeRequestMode
pf_camera_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
flash_value_cb (double    value,
                gpointer  user_data)
{
  PfCameraView *self = user_data;

  self->flash = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pf_camera_view_dispose (GObject *object)
{
  PfCameraView *self = PF_CAMERA_VIEW (object);

  g_clear_object (&self->flash_animation);
  g_clear_pointer (&self->scaler, pf_preview_scaler_free);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->image, pf_image_unref);
  g_clear_pointer (&self->report, pf_photo_report_unref);
  self->last_drawn = NULL;

  G_OBJECT_CLASS (pf_camera_view_parent_class)->dispose (object);
}

static void
pf_camera_view_finalize (GObject *object)
{
  PfCameraView *self = PF_CAMERA_VIEW (object);

  g_free (self->instruction);

  G_OBJECT_CLASS (pf_camera_view_parent_class)->finalize (object);
}

static void
pf_camera_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PfCameraView *self = PF_CAMERA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MIRRORED:
      g_value_set_boolean (value, self->mirrored);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    case PROP_INSTRUCTION:
      g_value_set_string (value, pf_camera_view_get_instruction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_camera_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PfCameraView *self = PF_CAMERA_VIEW (object);

  switch (prop_id)
    {
    case PROP_MIRRORED:
      pf_camera_view_set_mirrored (self, g_value_get_boolean (value));
      break;
    case PROP_LIVE:
      pf_camera_view_set_live (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_camera_view_class_init (PfCameraViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_camera_view_dispose;
  object_class->finalize = pf_camera_view_finalize;
  object_class->get_property = pf_camera_view_get_property;
  object_class->set_property = pf_camera_view_set_property;
  widget_class->snapshot = pf_camera_view_snapshot;
  widget_class->measure = pf_camera_view_measure;
  widget_class->get_request_mode = pf_camera_view_get_request_mode;

  properties[PROP_MIRRORED] =
    g_param_spec_boolean ("mirrored", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The one short thing to do next, from the newest report; empty without
   * a report. */
  properties[PROP_INSTRUCTION] =
    g_param_spec_string ("instruction", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pf-camera-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pf_camera_view_init (PfCameraView *self)
{
  AdwAnimationTarget *target = adw_callback_animation_target_new (flash_value_cb, self, NULL);

  self->countdown = -1;
  self->scaler = pf_preview_scaler_new (G_OBJECT (self), scaled_cb);
  self->flash_animation = adw_timed_animation_new (GTK_WIDGET (self), 1, 0, 350, target);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
pf_camera_view_new (void)
{
  return g_object_new (PF_TYPE_CAMERA_VIEW, NULL);
}

/* Returns: (transfer none) (nullable): the frame shown */
PfImage *
pf_camera_view_get_image (PfCameraView *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_VIEW (self), NULL);
  return self->image;
}

/* A texture over @image's own pixels, holding a reference to it. */
static GdkTexture *
texture_for_image (PfImage  *image,
                   gboolean  opaque)
{
  int width = pf_image_get_width (image);
  int height = pf_image_get_height (image);
  gsize stride = pf_image_get_stride (image);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (pf_image_get_data (image),
                                      stride * (height - 1) + (gsize) width * 4,
                                      release_later, pf_image_ref (image));
  return gdk_memory_texture_new (width, height,
                                 opaque ? GDK_MEMORY_R8G8B8A8_PREMULTIPLIED : GDK_MEMORY_R8G8B8A8,
                                 bytes, stride);
}

/* A scaled-down copy of a live frame arrived from the worker thread. */
static void
scaled_cb (GObject *owner,
           PfImage *small,
           guint64  serial)
{
  PfCameraView *self = PF_CAMERA_VIEW (owner);

  /* Older than what is shown, or the view was cleared meanwhile. */
  if (self->image == NULL || serial <= self->texture_serial || serial > self->serial)
    return;

  g_clear_object (&self->texture);
  self->texture = texture_for_image (small, TRUE);
  self->texture_serial = serial;
  self->stats.frames_scaled++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How many times smaller than @image a live preview can be drawn from:
 * 1 (the frame itself) unless the view shows it at about half its size or
 * less. The copy may be enlarged by up to a quarter when drawn, which a
 * moving preview does not show. */
static int
preview_factor (PfCameraView *self,
                PfImage      *image)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (!self->live || self->full_size || width <= 0 || height <= 0)
    return 1;

  return CLAMP ((int) (1.25 * MIN ((double) pf_image_get_width (image) / width,
                                   (double) pf_image_get_height (image) / height)), 1, 16);
}

/**
 * pf_camera_view_set_image:
 * @image: (nullable): the frame to show; the view keeps a reference
 * @opaque: every pixel's alpha is 255 (camera frames): the pixels are then
 *   valid premultiplied too, which the GPU takes as they are
 *
 * Shows @image, without copying its pixels; or, for a live frame at least
 * twice the view's size each way, a copy scaled down on a worker thread
 * (the previous frame stays on screen until it is ready), so that the main
 * thread never paints megapixels it cannot show.
 */
void
pf_camera_view_set_image (PfCameraView *self,
                          PfImage      *image,
                          gboolean      opaque)
{
  int factor;

  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  if (image == self->image)
    return;

  if (image == NULL || self->image == NULL ||
      pf_image_get_width (image) != pf_image_get_width (self->image) ||
      pf_image_get_height (image) != pf_image_get_height (self->image))
    gtk_widget_queue_resize (GTK_WIDGET (self));

  g_clear_pointer (&self->image, release_later);
  self->serial++;

  if (image == NULL)
    {
      g_clear_object (&self->texture);
      self->texture_serial = self->serial;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  self->image = pf_image_ref (image);
  factor = opaque ? preview_factor (self, image) : 1;
  if (factor >= 2)
    {
      pf_preview_scaler_submit (self->scaler, image, factor, self->serial);
      return;
    }

  g_clear_object (&self->texture);
  self->texture = texture_for_image (image, opaque);
  self->texture_serial = self->serial;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the report the overlays show */
PfPhotoReport *
pf_camera_view_get_report (PfCameraView *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_VIEW (self), NULL);
  return self->report;
}

/* @report: (nullable): what to draw over the frames */
void
pf_camera_view_set_report (PfCameraView  *self,
                           PfPhotoReport *report)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  if (report == self->report)
    return;

  if (report != NULL)
    pf_photo_report_ref (report);
  g_clear_pointer (&self->report, pf_photo_report_unref);
  self->report = report;

  if (report != NULL)
    pf_photo_overlay_init (&self->overlay, report);
  else
    memset (&self->overlay, 0, sizeof self->overlay);

  if (g_strcmp0 (self->instruction, pf_camera_view_get_instruction (self)) != 0)
    {
      g_free (self->instruction);
      self->instruction = g_strdup (pf_camera_view_get_instruction (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->instruction,
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTRUCTION]);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (nullable): what the overlays show; %NULL without a report */
const PfPhotoOverlay *
pf_camera_view_get_overlay (PfCameraView *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_VIEW (self), NULL);
  return self->report != NULL ? &self->overlay : NULL;
}

const char *
pf_camera_view_get_instruction (PfCameraView *self)
{
  g_return_val_if_fail (PF_IS_CAMERA_VIEW (self), NULL);
  return self->report != NULL ? self->overlay.instruction : "";
}

void
pf_camera_view_set_mirrored (PfCameraView *self,
                             gboolean      mirrored)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  mirrored = !!mirrored;
  if (self->mirrored == mirrored)
    return;

  self->mirrored = mirrored;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIRRORED]);
}

/* Live, the view also draws the focus meter and the light hint. */
/**
 * pf_camera_view_set_downscale:
 * @downscale: whether large live frames may be shown from a copy scaled
 *   down on a worker thread (the default)
 *
 * For the benchmark, to compare with drawing every frame at full size.
 */
void
pf_camera_view_set_downscale (PfCameraView *self,
                              gboolean      downscale)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  self->full_size = !downscale;
}

void
pf_camera_view_set_live (PfCameraView *self,
                         gboolean      live)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  live = !!live;
  if (self->live == live)
    return;

  self->live = live;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

/* @progress: 0 to 1 as the auto-capture second passes; negative for none */
void
pf_camera_view_set_countdown (PfCameraView *self,
                              double        progress)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  if (progress < 0)
    progress = -1;
  if (self->countdown == progress)
    return;

  self->countdown = progress;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A short white flash over the frame: the photo was taken. */
void
pf_camera_view_flash (PfCameraView *self)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  adw_animation_reset (self->flash_animation);
  adw_animation_play (self->flash_animation);
}

/* Forgets the frame and the report. */
void
pf_camera_view_clear (PfCameraView *self)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));

  pf_camera_view_set_countdown (self, -1);
  pf_camera_view_set_report (self, NULL);
  pf_camera_view_set_image (self, NULL, FALSE);
}

/**
 * pf_camera_view_get_stats:
 * @stats: (out caller-allocates): filled with the counts so far
 *
 * For the benchmark: frames drawn, and the main thread's time spent
 * building the view's render nodes (not rendering them).
 */
void
pf_camera_view_get_stats (PfCameraView      *self,
                          PfCameraViewStats *stats)
{
  g_return_if_fail (PF_IS_CAMERA_VIEW (self));
  g_return_if_fail (stats != NULL);

  *stats = self->stats;
}
