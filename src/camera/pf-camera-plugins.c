/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The camera needs a few GStreamer elements that live in different plugin
 * packages. We look for them before starting anything, so that a missing
 * package is named on the page instead of failing somewhere in a pipeline. */

#include "config.h"

#include <gst/gst.h>

#include "pf-camera-plugins.h"

/* What every capture pipeline uses, whatever the source. */
static const char * const required_elements[] = {
  "appsink",
  "videoconvert",
  "videoscale",
  "capsfilter",
  "queue",
  NULL
};

/**
 * pf_camera_find_missing_elements:
 * @names: element factory names
 *
 * GStreamer must be initialised.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names in @names
 *   that have no element factory; an empty array when all are there
 */
char **
pf_camera_find_missing_elements (const char * const *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (names != NULL, NULL);
  g_return_val_if_fail (gst_is_initialized (), NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (names[i]);

      if (factory == NULL)
        g_strv_builder_add (builder, names[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * pf_camera_find_missing_required:
 *
 * Returns: (transfer full) (array zero-terminated=1): the required elements
 *   that are missing
 */
char **
pf_camera_find_missing_required (void)
{
  return pf_camera_find_missing_elements (required_elements);
}
