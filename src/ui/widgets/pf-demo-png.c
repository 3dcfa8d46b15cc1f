/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one way the build tools pf-make-demo and pf-make-selfie-demo write a
 * demo frame, under the name PfDemoSource looks for: STORY-N.png, N from
 * 1. Built into those tools only, not into the app. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "pf-demo-png.h"

/**
 * pf_demo_png_save:
 * @dir: the output folder
 * @story: the story's name, such as "passport"
 * @index: the frame's place in the story, from 0
 *
 * Writes @image as an opaque PNG.
 */
gboolean
pf_demo_png_save (PfImage     *image,
                  const char  *dir,
                  const char  *story,
                  int          index,
                  GError     **error)
{
  g_autofree char *file = g_strdup_printf ("%s-%d.png", story, index + 1);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = pf_image_get_width (image);
  int height = pf_image_get_height (image);
  g_autoptr(GdkPixbuf) rgb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  const guint8 *src = pf_image_get_data (image);
  guint8 *dst = gdk_pixbuf_get_pixels (rgb);
  int dst_stride = gdk_pixbuf_get_rowstride (rgb);

  /* The frames are opaque: three channels make the resource smaller. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 3; c++)
        dst[(gsize) y * dst_stride + x * 3 + c] =
          src[(gsize) y * pf_image_get_stride (image) + x * 4 + c];

  if (!gdk_pixbuf_save (rgb, path, "png", error, "compression", "9", NULL))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  return TRUE;
}
