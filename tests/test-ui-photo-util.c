/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the photo page's tests and benchmark share: generated document
 * photos written as PNG files, a test video made of them for a fake
 * camera, waiting for the page to get somewhere, and screenshots. */

#include "config.h"

#include <glib/gstdio.h>

#include "test-ui-photo-util.h"

/* A sharp, well-lit ID card on a wooden desk, centred at @center_x,
 * @center_y (fractions of a 1280 × 720 frame). */
void
pf_test_photo_params (PfSpecimenParams *params,
                      double            center_x,
                      double            center_y)
{
  pf_specimen_params_init (params);
  params->layout = PF_SPECIMEN_TD1;
  params->seed = 77;
  params->background = PF_SPECIMEN_BG_WOOD;
  params->center_x = center_x;
  params->center_y = center_y;
  params->doc_width_fraction = 0.58;
  params->rotation_deg = 2;
}

/**
 * pf_test_photo_write:
 *
 * Returns: (transfer full): the path of the PNG drawn from @params
 */
char *
pf_test_photo_write (const PfSpecimenParams *params,
                     const char             *dir,
                     const char             *name)
{
  g_autoptr(PfSpecimen) specimen = pf_specimen_new (params);
  PfImage *image = specimen->image;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  char *path = g_build_filename (dir, name, NULL);

  bytes = g_bytes_new (pf_image_get_data (image),
                       pf_image_get_stride (image) * pf_image_get_height (image));
  texture = gdk_memory_texture_new (pf_image_get_width (image), pf_image_get_height (image),
                                    GDK_MEMORY_R8G8B8A8, bytes, pf_image_get_stride (image));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

/**
 * pf_test_photo_write_video:
 * @stills: (array length=n_stills): PNG files
 * @n_frames: (array length=n_stills): how many frames each still lasts
 *
 * Makes a numbered frame sequence in @dir of links to the stills, played
 * at 10 frames a second.
 *
 * Returns: (transfer full): a camera pipeline description that plays it
 */
char *
pf_test_photo_write_video (const char         *dir,
                           const char * const *stills,
                           const guint        *n_frames,
                           guint               n_stills)
{
  guint frame = 0;

  for (guint s = 0; s < n_stills; s++)
    for (guint i = 0; i < n_frames[s]; i++, frame++)
      {
        g_autofree char *name = g_strdup_printf ("frame-%03u.png", frame);
        g_autoptr(GFile) link = g_file_new_build_filename (dir, name, NULL);
        g_autoptr(GError) error = NULL;

        g_file_make_symbolic_link (link, stills[s], NULL, &error);
        g_assert_no_error (error);
      }

  return g_strdup_printf ("multifilesrc location=%s/frame-%%03d.png index=0 "
                          "caps=image/png,framerate=10/1 ! pngdec ! videoconvert", dir);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test, saying
 * @what, after @timeout_msec. The wait ends as soon as the condition holds,
 * so the limit is generous: four times @timeout_msec, because a machine
 * busy with other builds can be that much slower (PF_TEST_WAIT_SCALE
 * changes the factor). */
void
pf_test_photo_wait (PfTestCondition  condition,
                    gpointer         data,
                    guint            timeout_msec,
                    const char      *what)
{
  const char *scale_env = g_getenv ("PF_TEST_WAIT_SCALE");
  guint scale = scale_env != NULL ? (guint) g_ascii_strtoull (scale_env, NULL, 10) : 4;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_msec * MAX (scale, 1), timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_test_message ("Timed out waiting for %s", what);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* Renders the window's content over its background, as the screenshot
 * test does, and saves it under tests/screenshots/ in the build tree. */
void
pf_test_photo_screenshot (PfWindow   *window,
                          const char *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autoptr(GdkTexture) texture = pf_test_ui_render (GTK_WIDGET (window), content);

  pf_test_ui_save_screenshot (texture, name);
}

void
pf_test_photo_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Starts GTK and GStreamer for a test of a camera page, with no camera
 * pipeline from the environment (a test sets its own), and makes the
 * application its windows belong to. */
PfApplication *
pf_test_photo_init (int    *argc,
                    char ***argv)
{
  pf_test_ui_init (argc, argv);
  gst_init (argc, argv);
  g_unsetenv ("PF_CAMERA_PIPELINE");

  return pf_test_application_new ();
}

/* Chooses @kind, as on the start page, and goes to the photo step. */
PfPhotoPage *
pf_test_photo_open (PfWindow       *window,
                    PfDocumentKind  kind)
{
  pf_session_set_document_kind (pf_window_get_session (window), kind);
  pf_test_window_go_to (window, PF_STEP_PHOTO);
  return PF_PHOTO_PAGE (pf_window_get_page (window, PF_STEP_PHOTO));
}
