/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A whole wizard run with the demo document and no export, for
 * check-privacy.sh to watch under strace and without a network: every
 * step in order, the demo photo taken and used on the photo step. It
 * writes nothing itself, so that anything the trace shows written is the
 * app's (or GTK's) doing. */

#include "config.h"

#include "test-ui-photo-util.h"

#define WIDTH  960
#define HEIGHT 680

static PfApplication *application;

static gboolean
is_result_cb (gpointer page)
{
  return g_strcmp0 (pf_photo_page_get_mode (page), "result") == 0;
}

static void
test_walk (void)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  PfWindow *window;
  int status = 0;
  guint n_pages = 0;

  g_variant_dict_insert (options, "demo", "b", TRUE);
  g_signal_emit_by_name (application, "handle-local-options", options, &status);
  g_assert_true (pf_application_get_demo (application));

  window = pf_test_window_new (ADW_APPLICATION (application), WIDTH, HEIGHT);
  for (PfStep step = PF_STEP_START; step < PF_N_STEPS; step++)
    {
      PfWizardPage *page = pf_window_get_page (window, step);

      if (page == NULL)
        continue;
      n_pages++;
      if (step == PF_STEP_PHOTO)
        {
          PfPhotoPage *photo = pf_test_photo_open (window, PF_DOCUMENT_KIND_PASSPORT);

          pf_test_photo_wait (is_result_cb, photo, 60000, "the demo photo to take itself");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (photo), "photo.use", NULL));
          pf_test_ui_settle (GTK_WIDGET (window));
        }
      else
        {
          pf_test_window_go_to (window, step);
        }
      /* Long enough for the page's own work (the reading, the checks)
       * to run. */
      pf_test_ui_wait (500);
      g_test_message ("step %s: shown", pf_step_get_id (step));
    }

  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_true (pf_window_get_visible_page (window) == pf_window_get_page (window, PF_STEP_SUMMARY));
  pf_test_window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pf_test_ui_init (&argc, &argv);
  application = pf_test_application_new ();

  g_test_add_func ("/pf/privacy/wizard-walk", test_walk);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
