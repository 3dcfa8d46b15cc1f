/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "test-reading-util.h"

/**
 * reading_test_draw_frame:
 * @mrz: the MRZ's lines, joined by newlines
 * @variant: which of the ways to draw it; neighbours differ in every way
 * @seed: the document's other text
 *
 * Returns: (transfer full): a drawn document with @mrz at its bottom, as
 *   the camera's RGBA image
 */
PfImage *
reading_test_draw_frame (const char *mrz,
                         guint       variant,
                         guint32     seed)
{
  MrzTestConditions conditions = {
    .cap_height = 16 + (variant % 3),
    .pitch_ratio = 1.15,
    .blur_sigma = 0.3 * (variant % 4),
    .angle_deg = -1.5 + 1.0 * (variant % 4),
    .noise_sigma = 2 + 2 * (variant % 3),
    .jpeg_quality = variant % 2 ? 80 : 0,
    .document = TRUE,
    .seed = seed,
  };
  g_autoptr(MrzTestImage) grey = mrz_test_render (mrz, &conditions);
  PfImage *image = pf_image_new (grey->width, grey->height);
  guint8 *rgba = pf_image_get_data_mutable (image);

  for (int k = 0; k < grey->width * grey->height; k++)
    {
      memset (rgba + 4 * k, grey->grey[k], 3);
      rgba[4 * k + 3] = 255;
    }
  return image;
}
