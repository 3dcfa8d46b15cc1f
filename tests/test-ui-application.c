/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: activation opens the wizard window, the app actions
 * (about, quit) and their shortcuts, the shortcuts window, and the
 * executable itself with --version. */

#include "config.h"

#include "test-ui-window.h"

static PfApplication *application;

static void
test_activate (void)
{
  g_auto(GStrv) accels = NULL;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (PF_IS_WINDOW (window));
  pf_test_ui_settle (GTK_WIDGET (window));

  /* A second activation brings the same window forward. */
  g_application_activate (G_APPLICATION (application));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (application)) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                    ==, 1);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "about"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
}

static void
test_shortcuts_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GtkWindow *shortcuts;

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  pf_test_ui_settle (GTK_WIDGET (window));
  shortcuts = pf_test_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
}

static const char *
empty_if_null (const char *text)
{
  return text != NULL ? text : "";
}

static void
test_about (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  pf_test_ui_settle (GTK_WIDGET (window));
  about = ADW_ABOUT_WINDOW (pf_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "ID Preflight");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == window);

  /* Neutral: the about window points nowhere, least of all to a service. */
  g_assert_cmpstr (empty_if_null (adw_about_window_get_website (about)), ==, "");
  g_assert_cmpstr (empty_if_null (adw_about_window_get_support_url (about)), ==, "");
  g_assert_cmpstr (empty_if_null (adw_about_window_get_issue_url (about)), ==, "");

  gtk_window_destroy (GTK_WINDOW (about));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_null (pf_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
}

static void
test_quit (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_object_ref (window);
  gtk_window_set_default_size (window, 801, 601);
  pf_test_ui_settle (GTK_WIDGET (window));

  /* Quitting closes the window the normal way, so it saves its size. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 801);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 601);
}

static char *
run_version (gboolean omp_set)
{
  g_autofree char *program = g_build_filename (g_getenv ("PF_BUILD_ROOT"), "src", "id-preflight",
                                               NULL);
  const char *argv[] = { program, "--version", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  envp = omp_set ? g_environ_setenv (envp, "OMP_THREAD_LIMIT", "1", TRUE)
                 : g_environ_unsetenv (envp, "OMP_THREAD_LIMIT");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

/* Without OMP_THREAD_LIMIT the program starts itself again once with it
 * set; either way it runs once and prints its version once. */
static void
test_version (void)
{
  g_autofree char *expected = g_strdup_printf ("id-preflight %s\n", PACKAGE_VERSION);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  if (g_getenv ("PF_BUILD_ROOT") == NULL)
    {
      g_test_skip ("PF_BUILD_ROOT is not set; run through meson test");
      return;
    }

  with = run_version (TRUE);
  without = run_version (FALSE);
  g_assert_cmpstr (with, ==, expected);
  g_assert_cmpstr (without, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pf_test_ui_init (&argc, &argv);
  application = pf_test_application_new ();

  g_test_add_func ("/pf/ui/application/activate", test_activate);
  g_test_add_func ("/pf/ui/application/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/pf/ui/application/about", test_about);
  g_test_add_func ("/pf/ui/application/quit", test_quit);
  g_test_add_func ("/pf/ui/application/version", test_version);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
