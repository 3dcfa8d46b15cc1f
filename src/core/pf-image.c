/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "pf-image.h"
#include "pf-image-private.h"
#include "pf-vector-private.h"

struct _PfImage
{
  gatomicrefcount  ref_count;
  int              width;
  int              height;
  gsize            stride;
  guint8          *data;
  GDestroyNotify   release;
  gpointer         release_data;

  /* The grey view is made the first time someone asks for it; analysis
   * threads may ask at the same time, hence the lock. */
  GMutex           grey_lock;
  guint8          *grey;
};

G_DEFINE_BOXED_TYPE (PfImage, pf_image, pf_image_ref, pf_image_unref)

static PfImageReleaseObserver release_observer;

/**
 * pf_secure_zero:
 *
 * Overwrites @len bytes at @data with zeros in a way the compiler may not
 * optimise away, even though the memory is freed right after.
 */
void
pf_secure_zero (gpointer data,
                gsize    len)
{
  if (data == NULL || len == 0)
    return;

#ifdef HAVE_EXPLICIT_BZERO
  explicit_bzero (data, len);
#else
  /* memset at full speed, then a barrier that tells the compiler the
   * memory is still read, so the stores cannot be dropped. */
  memset (data, 0, len);
  __asm__ __volatile__ ("" : : "r" (data) : "memory");
#endif
}

static gboolean
size_is_valid (int   width,
               int   height,
               gsize stride)
{
  if (width < 1 || height < 1)
    return FALSE;
  if (stride < (gsize) width * 4)
    return FALSE;
  /* Refuse sizes whose byte count would overflow. */
  if ((gsize) height > G_MAXSIZE / stride)
    return FALSE;
  return TRUE;
}

static void
free_data (gpointer data)
{
  g_free (data);
}

/**
 * pf_image_new:
 * @width: at least 1
 * @height: at least 1
 *
 * Returns: (transfer full): a new transparent black image
 */
PfImage *
pf_image_new (int width,
              int height)
{
  gsize stride = (gsize) MAX (width, 0) * 4;
  guint8 *data;

  g_return_val_if_fail (size_is_valid (width, height, stride), NULL);

  data = g_malloc0 (stride * height);
  return pf_image_new_for_data (data, width, height, stride, free_data, data);
}

/**
 * pf_image_new_from_data:
 * @rgba: pixels, @stride bytes a row
 *
 * Returns: (transfer full): a new image holding a copy of @rgba, with rows
 *   packed tightly
 */
PfImage *
pf_image_new_from_data (const guint8 *rgba,
                        int           width,
                        int           height,
                        gsize         stride)
{
  PfImage *self;

  g_return_val_if_fail (rgba != NULL, NULL);
  g_return_val_if_fail (size_is_valid (width, height, stride), NULL);

  self = pf_image_new (width, height);
  for (int y = 0; y < height; y++)
    memcpy (self->data + y * self->stride, rgba + y * stride, (gsize) width * 4);

  return self;
}

/**
 * pf_image_new_for_data:
 * @rgba: pixels that the image takes over
 * @release: (nullable): called with @release_data when the image is freed,
 *   after the pixels were zeroed
 *
 * Wraps @rgba without copying it.
 *
 * Returns: (transfer full): a new image
 */
PfImage *
pf_image_new_for_data (guint8         *rgba,
                       int             width,
                       int             height,
                       gsize           stride,
                       GDestroyNotify  release,
                       gpointer        release_data)
{
  PfImage *self;

  g_return_val_if_fail (rgba != NULL, NULL);
  g_return_val_if_fail (size_is_valid (width, height, stride), NULL);

  self = g_new0 (PfImage, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->grey_lock);
  self->width = width;
  self->height = height;
  self->stride = stride;
  self->data = rgba;
  self->release = release;
  self->release_data = release_data;

  return self;
}

PfImage *
pf_image_ref (PfImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pf_image_unref (PfImage *self)
{
  gsize len;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  len = self->stride * self->height;
  pf_secure_zero (self->data, len);
  if (release_observer != NULL)
    release_observer (self->data, len);

  if (self->grey != NULL)
    {
      gsize grey_len = (gsize) self->width * self->height;

      pf_secure_zero (self->grey, grey_len);
      if (release_observer != NULL)
        release_observer (self->grey, grey_len);
      g_free (self->grey);
    }

  if (self->release != NULL)
    self->release (self->release_data);

  g_mutex_clear (&self->grey_lock);
  g_free (self);
}

int
pf_image_get_width (const PfImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
pf_image_get_height (const PfImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

gsize
pf_image_get_stride (const PfImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stride;
}

const guint8 *
pf_image_get_data (const PfImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data;
}

/**
 * pf_image_get_data_mutable:
 *
 * For the code that fills a new image before sharing it.
 */
guint8 *
pf_image_get_data_mutable (PfImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data;
}

/**
 * pf_image_get_grey:
 *
 * The luma (BT.601 weights) of every pixel, @width bytes a row, made the
 * first time it is asked for and kept with the image.
 *
 * Returns: (transfer none): width × height bytes
 */
const guint8 *
pf_image_get_grey (PfImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->grey_lock);
  if (self->grey == NULL)
    {
      guint8 *grey = g_malloc ((gsize) self->width * self->height);

      pf_grey_make (self->data, self->stride, grey, self->width, self->height);
      self->grey = grey;
    }
  g_mutex_unlock (&self->grey_lock);

  return self->grey;
}

/**
 * pf_image_get_grey_and_small:
 * @small: (out caller-allocates): @small_width × @small_height bytes
 * @small_width: 1 to the image's width
 * @small_height: 1 to the image's height
 *
 * The grey view, as pf_image_get_grey(), and a copy of it shrunk by area
 * averaging: each pixel of @small is the rounded mean of the grey pixels
 * that map onto it (column x × @small_width / width, the same for rows).
 * When the sizes are whole multiples of each other, as for camera frames,
 * both are made in one pass over the rows, each grey row summed while it
 * is still in the cache.
 *
 * Returns: (transfer none): the grey view
 */
const guint8 *
pf_image_get_grey_and_small (PfImage *self,
                             guint8  *small,
                             int      small_width,
                             int      small_height)
{
  const guint8 *rgba;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (small != NULL, NULL);
  g_return_val_if_fail (small_width >= 1 && small_width <= self->width, NULL);
  g_return_val_if_fail (small_height >= 1 && small_height <= self->height, NULL);

  g_mutex_lock (&self->grey_lock);
  /* The grey view is made on the way unless it already was. */
  rgba = self->grey == NULL ? self->data : NULL;
  if (self->grey == NULL)
    self->grey = g_malloc ((gsize) self->width * self->height);
  pf_grey_make_small (rgba, self->stride, self->grey, self->width, self->height, small, small_width,
                      small_height);
  g_mutex_unlock (&self->grey_lock);

  return self->grey;
}

/**
 * pf_image_copy:
 *
 * Returns: (transfer full): a new image with a copy of the pixels
 */
PfImage *
pf_image_copy (const PfImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return pf_image_new_from_data (self->data, self->width, self->height, self->stride);
}

/**
 * pf_image_new_scaled_down:
 * @factor: 1 to 16
 *
 * A box-filtered copy, @factor times smaller each way (the last
 * width % @factor columns and height % @factor rows are left out): each
 * pixel, alpha included, is the rounded mean of a @factor × @factor block.
 * For a preview that is much smaller than a camera frame; cheap enough for
 * a streaming or worker thread.
 *
 * Returns: (transfer full): the new image
 */
PfImage *
pf_image_new_scaled_down (const PfImage *self,
                          int            factor)
{
  g_autofree guint16 *sums = NULL;
  PfImage *small;
  int width, height;
  gsize n;
  guint area, half;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (factor >= 1 && factor <= 16, NULL);

  factor = MIN (factor, MIN (self->width, self->height));
  if (factor <= 1)
    return pf_image_copy (self);
  width = self->width / factor;
  height = self->height / factor;

  small = pf_image_new (width, height);
  /* Whole blocks only; 16 rows of 255 fit 16 bits. */
  n = (gsize) width * factor * 4;
  sums = g_new (guint16, n);
  area = (guint) (factor * factor);
  half = area / 2;

  for (int y = 0; y < height; y++)
    {
      guint8 *out = small->data + (gsize) y * small->stride;

      memset (sums, 0, n * sizeof *sums);
      for (int k = 0; k < factor; k++)
        pf_sum_bytes_u16 (sums, self->data + (gsize) (y * factor + k) * self->stride, n);

      for (int x = 0; x < width; x++)
        {
          const guint16 *block = sums + (gsize) x * factor * 4;
          guint acc[4] = { 0, 0, 0, 0 };

          for (int k = 0; k < factor; k++)
            for (int c = 0; c < 4; c++)
              acc[c] += block[k * 4 + c];
          for (int c = 0; c < 4; c++)
            out[x * 4 + c] = (guint8) ((acc[c] + half) / area);
        }
    }
  /* The sums still tell what the document looks like. */
  pf_secure_zero (sums, n * sizeof *sums);

  return small;
}

/**
 * pf_image_set_release_observer:
 * @observer: (nullable): the function to call
 *
 * Lets a test see each pixel buffer right after it was zeroed, to prove that
 * freed images leave nothing behind.
 */
void
pf_image_set_release_observer (PfImageReleaseObserver observer)
{
  release_observer = observer;
}
