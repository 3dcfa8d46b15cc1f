/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which of a camera's modes to ask for: raw video or MJPEG.
 *
 * Many USB webcams send 720p and 1080p at a usable rate only as
 * image/jpeg (MJPEG); raw YUV at those sizes needs more bandwidth than
 * USB 2 has, so it comes at 5-10 frames a second or not at all. A
 * pipeline that takes only raw video then runs at 640×480. So the modes
 * the device offers are compared, and when the best one is MJPEG the
 * pipeline decodes it (jpegdec, from gst-plugins-good). */

#include "config.h"

#include "pf-camera-private.h"

/* The largest frame worth asking for (more costs analysis time and memory
 * for nothing) and the slowest rate that still feels live. */
#define MAX_WIDTH  1920
#define MAX_HEIGHT 1080
#define MIN_RATE   15.0

/* The largest value up to @limit that @name allows in @s: an int, a
 * range or a list; @limit when it is not there. @fixed: a single int. */
static int
largest_int (const GstStructure *s,
             const char         *name,
             int                 limit,
             gboolean           *fixed)
{
  const GValue *value = gst_structure_get_value (s, name);
  int best = 0;

  *fixed = FALSE;
  if (value == NULL)
    return limit;

  if (G_VALUE_HOLDS_INT (value))
    {
      *fixed = TRUE;
      return g_value_get_int (value);
    }
  if (GST_VALUE_HOLDS_INT_RANGE (value))
    return MIN (gst_value_get_int_range_max (value), limit);
  if (GST_VALUE_HOLDS_LIST (value))
    {
      for (guint i = 0; i < gst_value_list_get_size (value); i++)
        {
          const GValue *item = gst_value_list_get_value (value, i);

          if (G_VALUE_HOLDS_INT (item) && g_value_get_int (item) <= limit)
            best = MAX (best, g_value_get_int (item));
        }
      return best;
    }

  return limit;
}

static double
fraction_to_double (const GValue *value)
{
  return (double) gst_value_get_fraction_numerator (value) /
         MAX (gst_value_get_fraction_denominator (value), 1);
}

/* The fastest rate @s allows; a large number when it does not say. */
static double
fastest_rate (const GstStructure *s)
{
  const GValue *value = gst_structure_get_value (s, "framerate");
  double best = 0;

  if (value == NULL)
    return G_MAXDOUBLE;
  if (GST_VALUE_HOLDS_FRACTION (value))
    return fraction_to_double (value);
  if (GST_VALUE_HOLDS_FRACTION_RANGE (value))
    return fraction_to_double (gst_value_get_fraction_range_max (value));
  if (GST_VALUE_HOLDS_LIST (value))
    {
      for (guint i = 0; i < gst_value_list_get_size (value); i++)
        {
          const GValue *item = gst_value_list_get_value (value, i);

          if (GST_VALUE_HOLDS_FRACTION (item))
            best = MAX (best, fraction_to_double (item));
        }
      return best;
    }

  return G_MAXDOUBLE;
}

/**
 * pf_camera_caps_prefer_jpeg:
 * @caps: what a source offers (a device's caps, or a source pad's)
 * @width: (out): the MJPEG mode's width, or 0 when any will do
 * @height: (out): its height, or 0
 *
 * Picks the best mode in @caps: the most pixels up to 1080p among the
 * modes that reach 15 frames a second (raw video on a tie).
 *
 * Returns: %TRUE if that mode is MJPEG, which then needs decoding
 */
gboolean
pf_camera_caps_prefer_jpeg (const GstCaps *caps,
                            int           *width,
                            int           *height)
{
  gint64 best_area = -1;
  gboolean best_jpeg = FALSE;

  *width = 0;
  *height = 0;
  if (caps == NULL || gst_caps_is_any (caps))
    return FALSE;

  for (guint i = 0; i < gst_caps_get_size (caps); i++)
    {
      const GstStructure *s = gst_caps_get_structure (caps, i);
      gboolean jpeg = gst_structure_has_name (s, "image/jpeg");
      gboolean fixed_w, fixed_h;
      int w, h;
      gint64 area;

      if (!jpeg && !gst_structure_has_name (s, "video/x-raw"))
        continue;

      w = largest_int (s, "width", MAX_WIDTH, &fixed_w);
      h = largest_int (s, "height", MAX_HEIGHT, &fixed_h);
      if (w <= 0 || h <= 0 || w > MAX_WIDTH || h > MAX_HEIGHT)
        continue;
      /* A slow mode only when nothing else is offered. */
      area = (gint64) w * h;
      if (fastest_rate (s) < MIN_RATE)
        area /= 1000;

      if (area > best_area || (area == best_area && best_jpeg && !jpeg))
        {
          best_area = area;
          best_jpeg = jpeg;
          *width = jpeg && fixed_w && fixed_h ? w : 0;
          *height = jpeg && fixed_w && fixed_h ? h : 0;
        }
    }

  if (!best_jpeg)
    *width = *height = 0;

  return best_jpeg;
}
