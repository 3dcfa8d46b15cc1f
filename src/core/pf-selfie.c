/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selfie checks' driver, their report, and the checks of the face's
 * place and of the camera.
 *
 * A liveness check (face the camera, blink, turn the head) mostly fails
 * because of the light and the camera rather than the face, so these
 * checks look at the room as the camera sees it: is there one face, of a
 * sensible size, near the middle (selfie.face); is it lit well
 * (selfie.light, pf-selfie-light.c); is it sharp (selfie.sharpness,
 * pf-selfie-sharpness.c); and is the camera itself good enough
 * (selfie.camera, live only). They run on still photos as well as on
 * camera frames, and fast enough for a live checklist. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include "pf-report.h"
#include "pf-selfie-private.h"

struct _PfSelfieReport
{
  gatomicrefcount  ref_count;
  int              width;
  int              height;
  gboolean         detection;
  GArray          *faces;    /* PfRect, largest first */
  PfRect           checked;  /* what the light checks looked at */
  PfReportCore     core;     /* findings and metrics */
};

G_DEFINE_BOXED_TYPE (PfSelfieReport, pf_selfie_report, pf_selfie_report_ref, pf_selfie_report_unref)

/* Face size as its width over the frame's short side. Held at arm's
 * length a face is about a third of it; liveness checks want it between a
 * fifth and two thirds, so that it is detailed yet turning the head keeps
 * it in view. */
#define SIZE_TOO_SMALL   0.12
#define SIZE_SMALL       0.18
#define SIZE_LARGE       0.55
#define SIZE_TOO_LARGE   0.70
/* The face's centre away from the frame's, as a fraction of the frame. */
#define OFF_CENTRE_X     0.20
#define OFF_CENTRE_Y     0.22

/* The camera: liveness checks follow small movements (a blink lasts a
 * tenth of a second) and need detail in the eyes. */
#define MIN_SHORT_SIDE   480
#define GOOD_SHORT_SIDE  720
#define MIN_FRAME_RATE   15.0
#define GOOD_FRAME_RATE  24.0

static PfSelfieReport *
report_new (int width,
            int height)
{
  PfSelfieReport *self = g_new0 (PfSelfieReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->width = width;
  self->height = height;
  self->faces = g_array_new (FALSE, FALSE, sizeof (PfRect));
  pf_report_core_init (&self->core);
  return self;
}

PfSelfieReport *
pf_selfie_report_ref (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_selfie_report_unref (PfSelfieReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->faces);
  pf_report_core_clear (&self->core);
  g_free (self);
}

void
pf_selfie_context_add (PfSelfieContext *ctx,
                       const char      *id,
                       PfSeverity       severity,
                       const char      *title,
                       const char      *advice,
                       const PfRect    *region)
{
  pf_report_core_add (&ctx->report->core,
                      pf_finding_new_with_region (id, severity, title, advice, region));
}

void
pf_selfie_context_add_ok (PfSelfieContext *ctx,
                          const char      *id,
                          const char      *title)
{
  pf_selfie_context_add (ctx, id, PF_SEVERITY_OK, title, "", NULL);
}

void
pf_selfie_set_metric (PfSelfieContext *ctx,
                      const char      *name,
                      double           value)
{
  pf_report_core_set_metric (&ctx->report->core, name, value);
}

/* Area-averaging downscale of a rectangle of a grey image, so that detail
 * does not alias into false texture for the detector. */
guint8 *
pf_selfie_downscale (const guint8 *grey,
                     gsize         stride,
                     int           left,
                     int           top,
                     int           width,
                     int           height,
                     int           small_width,
                     int           small_height)
{
  guint8 *small = g_malloc ((gsize) small_width * small_height);

  for (int sy = 0; sy < small_height; sy++)
    {
      int y0 = (int) ((gint64) sy * height / small_height);
      int y1 = MAX (y0 + 1, (int) ((gint64) (sy + 1) * height / small_height));

      for (int sx = 0; sx < small_width; sx++)
        {
          int x0 = (int) ((gint64) sx * width / small_width);
          int x1 = MAX (x0 + 1, (int) ((gint64) (sx + 1) * width / small_width));
          guint32 acc = 0;

          for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
              acc += grey[(gsize) (top + y) * stride + left + x];
          small[(gsize) sy * small_width + sx] = (guint8) (acc / ((x1 - x0) * (y1 - y0)));
        }
    }

  return small;
}

/* The middle of the frame, where a face held at arm's length would be. */
static void
centre_stand_in (PfSelfieContext *ctx)
{
  double side = 0.35 * MIN (ctx->width, ctx->height);

  ctx->face.width = side;
  ctx->face.height = side;
  ctx->face.x = (ctx->width - side) / 2;
  ctx->face.y = (ctx->height - side) / 2;
}

static void
check_face (PfSelfieContext *ctx)
{
  g_autoptr(PfFaceDetector) detector = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  PfFaceDetectParams params = { 0 };
  double short_side = MIN (ctx->width, ctx->height), size, dx, dy;
  PfRect *face;

  if (ctx->options.detector != NULL)
    detector = pf_face_detector_ref (ctx->options.detector);
  else
    detector = pf_face_detector_get_default (&error);

  centre_stand_in (ctx);
  if (detector == NULL)
    {
      pf_selfie_context_add (ctx, "selfie.face", PF_SEVERITY_CAUTION,
                             _("Face detection is unavailable"),
                             _("Keep your face in the middle of the picture: the light checks "
                               "look there."),
                             &ctx->face);
      return;
    }
  ctx->report->detection = TRUE;

  /* Faces smaller than a tenth of the short side are too far away to
   * matter; not looking for them saves most of the work. */
  params.min_size = (int) (0.1 * MIN (ctx->small_width, ctx->small_height));
  /* A face in the frame fires some thirty neighbouring windows; the
   * cascade's false alarms (folds of clothing, a patterned shirt) a
   * handful. OpenCV's usual 3 lets those through. */
  params.min_neighbors = 8;
  found = pf_face_detector_detect (detector, ctx->small, ctx->small_width, ctx->small_height,
                                   ctx->small_width, &params);
  for (guint i = 0; i < found->len; i++)
    {
      PfRect r = g_array_index (found, PfRect, i);

      r.x /= ctx->small_scale;
      r.y /= ctx->small_scale;
      r.width /= ctx->small_scale;
      r.height /= ctx->small_scale;
      g_array_append_val (ctx->report->faces, r);
    }
  pf_selfie_set_metric (ctx, "face.count", found->len);

  if (found->len == 0)
    {
      pf_selfie_context_add (ctx, "selfie.face", PF_SEVERITY_BLOCKER,
                             _("No face in view"),
                             _("Look straight at the camera with your whole face in the "
                               "picture."),
                             NULL);
      return;
    }

  face = &g_array_index (ctx->report->faces, PfRect, 0);
  ctx->face = *face;
  ctx->face_found = TRUE;

  if (found->len > 1)
    pf_selfie_context_add (ctx, "selfie.face", PF_SEVERITY_BLOCKER,
                           _("More than one face in view"),
                           _("Make sure only your own face is in the picture."),
                           &g_array_index (ctx->report->faces, PfRect, 1));

  size = face->width / short_side;
  dx = (face->x + face->width / 2 - ctx->width / 2.0) / ctx->width;
  dy = (face->y + face->height / 2 - ctx->height / 2.0) / ctx->height;
  pf_selfie_set_metric (ctx, "face.size", size);
  pf_selfie_set_metric (ctx, "face.offset_x", dx);
  pf_selfie_set_metric (ctx, "face.offset_y", dy);

  if (size < SIZE_SMALL)
    pf_selfie_context_add (ctx, "selfie.face",
                           size < SIZE_TOO_SMALL ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                           _("Your face is too far away"),
                           _("Move closer to the camera until your face fills about a third of "
                             "the picture."),
                           face);
  else if (size > SIZE_LARGE)
    pf_selfie_context_add (ctx, "selfie.face",
                           size > SIZE_TOO_LARGE ? PF_SEVERITY_BLOCKER : PF_SEVERITY_CAUTION,
                           _("Your face is too close"),
                           _("Move back a little so that your whole head and some space "
                             "around it are in the picture."),
                           face);

  if (ABS (dx) > OFF_CENTRE_X || ABS (dy) > OFF_CENTRE_Y)
    pf_selfie_context_add (ctx, "selfie.face", PF_SEVERITY_CAUTION,
                           _("Your face is off-centre"),
                           _("Move the camera or yourself so that your face is in the middle "
                             "of the picture."),
                           face);

  /* This check runs first: every finding so far is its own. */
  if (pf_report_core_get_worst (&ctx->report->core) == PF_SEVERITY_OK)
    pf_selfie_context_add_ok (ctx, "selfie.face", _("Your face is well placed"));
}

static void
check_camera (PfSelfieContext *ctx)
{
  int short_side = MIN (ctx->options.camera_width, ctx->options.camera_height);
  double rate = ctx->options.frame_rate;
  gboolean any = FALSE;

  if (short_side > 0)
    {
      pf_selfie_set_metric (ctx, "camera.short_side", short_side);
      if (short_side < GOOD_SHORT_SIDE)
        {
          pf_selfie_context_add (ctx, "selfie.camera",
                                 short_side < MIN_SHORT_SIDE ? PF_SEVERITY_BLOCKER
                                                             : PF_SEVERITY_CAUTION,
                                 _("The camera's picture is small"),
                                 _("Use your phone's front camera if you can: it usually gives "
                                   "a sharper picture than a laptop webcam."),
                                 NULL);
          any = TRUE;
        }
    }
  if (rate > 0)
    {
      pf_selfie_set_metric (ctx, "camera.frame_rate", rate);
      if (rate < GOOD_FRAME_RATE)
        {
          /* Many webcams halve their frame rate in dim light. */
          pf_selfie_context_add (ctx, "selfie.camera",
                                 rate < MIN_FRAME_RATE ? PF_SEVERITY_BLOCKER
                                                       : PF_SEVERITY_CAUTION,
                                 _("The camera's picture is jerky"),
                                 _("Add light in front of you, or use your phone's front camera, "
                                   "which usually does better than a laptop webcam."),
                                 NULL);
          any = TRUE;
        }
    }

  if (!any && (short_side > 0 || rate > 0))
    pf_selfie_context_add_ok (ctx, "selfie.camera", _("The camera is good enough"));
}

/**
 * pf_selfie_check:
 * @image: a camera frame or a photo of a face
 * @options: (nullable): how to check it; %NULL for the defaults
 *
 * Runs every selfie check on @image. Safe to call from any thread, on any
 * image size from 1×1 up.
 *
 * Returns: (transfer full): the report
 */
PfSelfieReport *
pf_selfie_check (PfImage               *image,
                 const PfSelfieOptions *options)
{
  PfSelfieContext ctx = { 0 };
  double scale;

  g_return_val_if_fail (image != NULL, NULL);

  ctx.grey = pf_image_get_grey (image);
  ctx.width = pf_image_get_width (image);
  ctx.height = pf_image_get_height (image);
  if (options != NULL)
    ctx.options = *options;
  ctx.report = report_new (ctx.width, ctx.height);

  scale = MIN (1.0, (double) PF_SELFIE_SMALL_SIZE / MAX (ctx.width, ctx.height));
  ctx.small_width = MAX (1, (int) (ctx.width * scale + 0.5));
  ctx.small_height = MAX (1, (int) (ctx.height * scale + 0.5));
  ctx.small_scale = (double) ctx.small_width / ctx.width;
  ctx.small = pf_selfie_downscale (ctx.grey, ctx.width, 0, 0, ctx.width, ctx.height,
                                   ctx.small_width, ctx.small_height);

  check_face (&ctx);
  ctx.report->checked = ctx.face;
  pf_selfie_check_light (&ctx);
  pf_selfie_check_sharpness (&ctx);
  check_camera (&ctx);

  pf_secure_zero (ctx.small, (gsize) ctx.small_width * ctx.small_height);
  g_free (ctx.small);

  return ctx.report;
}

int
pf_selfie_report_get_width (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
pf_selfie_report_get_height (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

/**
 * pf_selfie_report_get_detection:
 *
 * Returns: %TRUE if face detection ran; %FALSE when no cascade is
 *   installed and the checks looked at the middle of the frame instead
 */
gboolean
pf_selfie_report_get_detection (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->detection;
}

guint
pf_selfie_report_get_n_faces (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->faces->len;
}

/**
 * pf_selfie_report_get_face:
 * @index: 0 for the largest face
 * @rect: (out caller-allocates) (optional): the face's box in image pixels
 *
 * Returns: %TRUE if there is a face @index
 */
gboolean
pf_selfie_report_get_face (PfSelfieReport *self,
                           guint           index,
                           PfRect         *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->faces->len)
    return FALSE;
  if (rect != NULL)
    *rect = g_array_index (self->faces, PfRect, index);
  return TRUE;
}

/**
 * pf_selfie_report_get_checked_region:
 * @rect: (out caller-allocates) (optional): in image pixels
 *
 * The region the light and sharpness checks measured: the largest face,
 * or the middle of the frame when no face was found.
 *
 * Returns: %TRUE if it is a detected face
 */
gboolean
pf_selfie_report_get_checked_region (PfSelfieReport *self,
                                     PfRect         *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (rect != NULL)
    *rect = self->checked;
  return self->faces->len > 0;
}

/**
 * pf_selfie_report_get_findings:
 *
 * Returns: (transfer none) (element-type PfFinding): every finding, in the
 *   order the checks ran
 */
GPtrArray *
pf_selfie_report_get_findings (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->core.findings;
}

/**
 * pf_selfie_report_find:
 *
 * Returns: (transfer none) (nullable): the worst finding with @id
 */
PfFinding *
pf_selfie_report_find (PfSelfieReport *self,
                       const char     *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return pf_report_core_find (&self->core, id);
}

PfSeverity
pf_selfie_report_get_worst (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, PF_SEVERITY_OK);
  return pf_report_core_get_worst (&self->core);
}

/**
 * pf_selfie_report_get_metric:
 * @name: a measured value's name, such as "light.face_level"
 *
 * Returns: %TRUE if the value was measured
 */
gboolean
pf_selfie_report_get_metric (PfSelfieReport *self,
                             const char     *name,
                             double         *value)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return pf_report_core_get_metric (&self->core, name, value);
}

/**
 * pf_selfie_report_list_metrics:
 *
 * Returns: (transfer container) (element-type utf8): the measured values'
 *   names, sorted
 */
GList *
pf_selfie_report_list_metrics (PfSelfieReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pf_report_core_list_metrics (&self->core);
}
