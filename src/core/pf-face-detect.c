/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Face detection for the selfie step: a Viola–Jones cascade evaluator.
 *
 * The cascade is OpenCV's frontal-face Haar cascade, read at run time from
 * the XML file Debian's opencv-data installs (nothing of it is in this
 * repository). The evaluator follows the classic scheme: an integral image
 * and an integral of squares, a window slid over the image at growing
 * scales with the features scaled to it, each window normalised by its
 * brightness's standard deviation so that dim and bright faces score alike,
 * and a stage rejecting the window as soon as its sum falls below the
 * stage's threshold. A real face fires at several neighbouring positions
 * and scales; overlapping hits are grouped and lone ones dropped, as
 * OpenCV's groupRectangles does.
 *
 * Only the plain Haar features of the frontal cascades are supported (the
 * 45° "tilted" ones are refused with an error). The XML is read in
 * pf-face-cascade.c. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pf-face-detect-private.h"
#include "pf-image.h"

G_DEFINE_BOXED_TYPE (PfFaceDetector, pf_face_detector, pf_face_detector_ref, pf_face_detector_unref)
G_DEFINE_QUARK (pf-face-detect-error-quark, pf_face_detect_error)

PfFaceDetector *
pf_face_detector_new_empty (void)
{
  PfFaceDetector *self = g_new0 (PfFaceDetector, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->features = g_array_new (FALSE, TRUE, sizeof (HaarFeature));
  self->nodes = g_array_new (FALSE, FALSE, sizeof (HaarNode));
  self->leaves = g_array_new (FALSE, FALSE, sizeof (float));
  self->weaks = g_array_new (FALSE, FALSE, sizeof (HaarWeak));
  self->stages = g_array_new (FALSE, FALSE, sizeof (HaarStage));
  return self;
}

PfFaceDetector *
pf_face_detector_ref (PfFaceDetector *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_face_detector_unref (PfFaceDetector *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->features);
  g_array_unref (self->nodes);
  g_array_unref (self->leaves);
  g_array_unref (self->weaks);
  g_array_unref (self->stages);
  g_free (self);
}

int
pf_face_detector_get_window (PfFaceDetector *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return MAX (self->window_width, self->window_height);
}

/* A feature scaled to one window size, as offsets into the integral image
 * from the window's top-left corner. */
typedef struct
{
  int   offsets[3][4];
  float weights[3];
  int   n_rects;
} ScaledFeature;

/* Unsigned wrap-around cancels out: the difference fits even when the
 * corners' sums do not. */
static inline float
rect_sum (const guint32 *sum,
          const int      offsets[4])
{
  return (float) (gint32) (sum[offsets[0]] - sum[offsets[1]] - sum[offsets[2]] + sum[offsets[3]]);
}

static void
scale_features (PfFaceDetector *self,
                double          scale,
                int             row,
                ScaledFeature  *scaled)
{
  for (guint i = 0; i < self->features->len; i++)
    {
      HaarFeature *f = &g_array_index (self->features, HaarFeature, i);
      ScaledFeature *s = &scaled[i];
      double balance = 0, area0 = 1;
      int ww = (int) lround (self->window_width * scale);
      int wh = (int) lround (self->window_height * scale);

      s->n_rects = f->n_rects;
      for (int k = 0; k < f->n_rects; k++)
        {
          int x = (int) lround (f->rects[k].x * scale);
          int y = (int) lround (f->rects[k].y * scale);
          int w = MAX (1, (int) lround (f->rects[k].width * scale));
          int h = MAX (1, (int) lround (f->rects[k].height * scale));

          /* Rounding each edge on its own can push a rectangle one pixel
           * past the rounded window, and so past the integral image at the
           * right and bottom borders: keep it inside. */
          x = MIN (x, ww - 1);
          y = MIN (y, wh - 1);
          w = MIN (w, ww - x);
          h = MIN (h, wh - y);

          s->offsets[k][0] = y * row + x;
          s->offsets[k][1] = y * row + x + w;
          s->offsets[k][2] = (y + h) * row + x;
          s->offsets[k][3] = (y + h) * row + x + w;
          s->weights[k] = f->rects[k].weight;
          if (k == 0)
            area0 = (double) w * h;
          else
            balance += f->rects[k].weight * (double) w * h;
        }
      /* Rounding the rectangles unbalances a feature that sums to zero over
       * a flat patch; the first rectangle's weight restores the balance. */
      s->weights[0] = (float) (-balance / area0);
    }
}

/* Runs the cascade on the window at @p; TRUE if every stage passed. */
static gboolean
window_passes (PfFaceDetector      *self,
               const ScaledFeature *scaled,
               const guint32       *p,
               float                norm)
{
  const HaarStage *stages = (const HaarStage *) (gpointer) self->stages->data;
  const HaarWeak *weaks = (const HaarWeak *) (gpointer) self->weaks->data;
  const HaarNode *nodes = (const HaarNode *) (gpointer) self->nodes->data;
  const float *leaves = (const float *) (gpointer) self->leaves->data;

  for (guint s = 0; s < self->stages->len; s++)
    {
      const HaarStage *stage = &stages[s];
      float acc = 0;

      for (guint w = stage->first_weak; w < stage->first_weak + stage->n_weak; w++)
        {
          const HaarWeak *weak = &weaks[w];
          int node = 0, child;

          for (;;)
            {
              const HaarNode *n = &nodes[weak->first_node + node];
              const ScaledFeature *f = &scaled[n->feature];
              float value = f->weights[0] * rect_sum (p, f->offsets[0])
                             + f->weights[1] * rect_sum (p, f->offsets[1]);

              if (f->n_rects > 2)
                value += f->weights[2] * rect_sum (p, f->offsets[2]);
              child = value < n->threshold * norm ? n->left : n->right;
              if (child <= 0)
                break;
              node = child;
            }
          acc += leaves[weak->first_leaf - child];
        }
      if (acc < stage->threshold)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  int x, y, width, height;
} Hit;

static int
find_root (int *parent,
           int  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static gboolean
similar (const Hit *a,
         const Hit *b)
{
  const double eps = 0.2;
  double delta = eps * (MIN (a->width, b->width) + MIN (a->height, b->height)) * 0.5;

  return abs (a->x - b->x) <= delta && abs (a->y - b->y) <= delta
         && abs (a->x + a->width - b->x - b->width) <= delta
         && abs (a->y + a->height - b->y - b->height) <= delta;
}

static int
compare_area_cb (gconstpointer a,
                 gconstpointer b)
{
  const PfRect *ra = a, *rb = b;
  double d = rb->width * rb->height - ra->width * ra->height;

  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* Clusters overlapping hits, keeps clusters of more than @min_neighbors
 * hits as their mean rectangle, and drops a cluster lying inside a
 * clearly stronger one (as OpenCV's groupRectangles does). */
static GArray *
group_hits (GArray *hits,
            int     min_neighbors)
{
  GArray *faces = g_array_new (FALSE, FALSE, sizeof (PfRect));
  guint n = hits->len;
  g_autofree int *parent = g_new (int, n + 1);
  g_autofree double *acc = g_new0 (double, 4 * (n + 1));
  g_autofree int *count = g_new0 (int, n + 1);
  g_autofree int *cluster_count = NULL;
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (PfRect));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (int));
  const Hit *h = (const Hit *) (gpointer) hits->data;

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (similar (&h[i], &h[j]))
        {
          int a = find_root (parent, i), b = find_root (parent, j);

          if (a != b)
            parent[b] = a;
        }
  for (guint i = 0; i < n; i++)
    {
      int r = find_root (parent, i);

      acc[4 * r] += h[i].x;
      acc[4 * r + 1] += h[i].y;
      acc[4 * r + 2] += h[i].width;
      acc[4 * r + 3] += h[i].height;
      count[r]++;
    }
  for (guint i = 0; i < n; i++)
    {
      /* A face fires windows in proportion to its size (more positions
       * and scales fit inside the grouping tolerance), so a demand above
       * OpenCV's usual 3 is eased for small faces, down to 3. */
      int needed = min_neighbors <= 3 ? min_neighbors
                   : CLAMP ((int) (0.2 * acc[4 * i + 2] / MAX (count[i], 1)), 3, min_neighbors);

      if (count[i] == 0 || count[i] <= needed)
        continue;
      {
        PfRect r = { acc[4 * i] / count[i], acc[4 * i + 1] / count[i],
                     acc[4 * i + 2] / count[i], acc[4 * i + 3] / count[i] };

        g_array_append_val (clusters, r);
        g_array_append_val (counts, count[i]);
      }
    }

  for (guint i = 0; i < clusters->len; i++)
    {
      PfRect *r1 = &g_array_index (clusters, PfRect, i);
      int n1 = g_array_index (counts, int, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < clusters->len && !inside; j++)
        {
          PfRect *r2 = &g_array_index (clusters, PfRect, j);
          int n2 = g_array_index (counts, int, j);
          double dx = r2->width * 0.2, dy = r2->height * 0.2;

          inside = j != i && (n2 > MAX (3, n1) || n1 < 3)
                   && r1->x >= r2->x - dx && r1->y >= r2->y - dy
                   && r1->x + r1->width <= r2->x + r2->width + dx
                   && r1->y + r1->height <= r2->y + r2->height + dy;
        }
      if (!inside)
        g_array_append_val (faces, *r1);
    }

  g_array_sort (faces, compare_area_cb);
  return faces;
}

/**
 * pf_face_detector_detect:
 * @grey: 8-bit grey pixels
 * @stride: bytes from one row to the next
 * @params: (nullable): search parameters; %NULL for the defaults
 *
 * Finds frontal faces. Cost grows with the pixel count: callers give a
 * downscaled copy (320 pixels wide is plenty for a selfie).
 *
 * Returns: (transfer full) (element-type PfRect): the faces found, in
 *   pixels of @grey, largest first
 */
GArray *
pf_face_detector_detect (PfFaceDetector           *self,
                         const guint8             *grey,
                         int                       width,
                         int                       height,
                         gsize                     stride,
                         const PfFaceDetectParams *params)
{
  PfFaceDetectParams p = { 0 };
  int row = width + 1;
  g_autofree guint32 *sum = NULL;
  g_autofree guint64 *sqsum = NULL;
  g_autofree ScaledFeature *scaled = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  double scale;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (grey != NULL || width * height == 0, NULL);

  if (params != NULL)
    p = *params;
  if (p.scale_factor <= 1.0)
    p.scale_factor = 1.1;
  if (p.min_neighbors == 0)
    p.min_neighbors = 3;

  if (width < self->window_width || height < self->window_height)
    return g_array_new (FALSE, FALSE, sizeof (PfRect));

  sum = g_new0 (guint32, (gsize) row * (height + 1));
  sqsum = g_new0 (guint64, (gsize) row * (height + 1));
  for (int y = 0; y < height; y++)
    {
      const guint8 *src = grey + (gsize) y * stride;
      guint32 line = 0;
      guint64 line_sq = 0;

      for (int x = 0; x < width; x++)
        {
          line += src[x];
          line_sq += (guint32) src[x] * src[x];
          sum[(gsize) (y + 1) * row + x + 1] = sum[(gsize) y * row + x + 1] + line;
          sqsum[(gsize) (y + 1) * row + x + 1] = sqsum[(gsize) y * row + x + 1] + line_sq;
        }
    }

  scaled = g_new (ScaledFeature, self->features->len);
  scale = MAX (1.0, (double) p.min_size / MIN (self->window_width, self->window_height));
  for (; lround (self->window_width * scale) <= width
         && lround (self->window_height * scale) <= height;
       scale *= p.scale_factor)
    {
      int ww = (int) lround (self->window_width * scale);
      int wh = (int) lround (self->window_height * scale);
      /* The window's inside, one (scaled) pixel in from its border, gives
       * the brightness statistics, as in training. */
      int nx = (int) lround (scale), nw = (int) lround ((self->window_width - 2) * scale);
      int nh = (int) lround ((self->window_height - 2) * scale);
      int n0 = nx * row + nx, n1 = n0 + nw, n2 = n0 + nh * row, n3 = n2 + nw;
      double inv_area = 1.0 / ((double) nw * nh);
      int step = scale > 2 ? (int) lround (scale) : MAX (1, (int) lround (2 * scale));

      /* Scaled to the inner area, as the thresholds expect. */
      scale_features (self, scale, row, scaled);
      for (guint i = 0; i < self->features->len; i++)
        for (int k = 0; k < scaled[i].n_rects; k++)
          scaled[i].weights[k] = (float) (scaled[i].weights[k] * inv_area);

      for (int y = 0; y + wh <= height; y += step)
        for (int x = 0; x + ww <= width; x += step)
          {
            gsize at = (gsize) y * row + x;
            const guint32 *pw = sum + at;
            const guint64 *qw = sqsum + at;
            double mean = ((double) pw[n0] - pw[n1] - pw[n2] + pw[n3]) * inv_area;
            double var = ((double) qw[n0] - qw[n1] - qw[n2] + qw[n3]) * inv_area - mean * mean;
            double norm = var > 0 ? sqrt (var) : 1.0;

            if (window_passes (self, scaled, pw, (float) norm))
              {
                Hit hit = { x, y, ww, wh };

                g_array_append_val (hits, hit);
              }
          }
    }

  /* The integral images are the face, only summed. */
  pf_secure_zero (sum, sizeof (guint32) * row * (height + 1));
  pf_secure_zero (sqsum, sizeof (guint64) * row * (height + 1));
  return group_hits (hits, p.min_neighbors);
}
