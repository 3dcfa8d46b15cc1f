/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: one window per activation, the app-wide actions, and
 * the command-line options that are handled before any window opens. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-help-window.h"
#include "pf-preferences-window.h"
#include "pf-window.h"

struct _PfApplication
{
  AdwApplication parent_instance;

  /* From the command line, for the photo page */
  gboolean       demo;
  char          *camera_pipeline;
};

G_DEFINE_FINAL_TYPE (PfApplication, pf_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Use a made-up demo document in place of the camera"), NULL },
  { "camera-pipeline", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use a GStreamer pipeline ending in raw video as the camera"), N_("DESCRIPTION") },
  { NULL }
};

static int
pf_application_handle_local_options (GApplication *application,
                                     GVariantDict *options_dict)
{
  PfApplication *self = PF_APPLICATION (application);

  if (g_variant_dict_contains (options_dict, "version"))
    {
      g_print ("%s %s\n", "id-preflight", PACKAGE_VERSION);
      return 0;
    }

  /* A demo or a test camera gets a window of its own rather than being
   * handed to an instance that is already running. */
  self->demo = g_variant_dict_contains (options_dict, "demo");
  g_clear_pointer (&self->camera_pipeline, g_free);
  g_variant_dict_lookup (options_dict, "camera-pipeline", "s", &self->camera_pipeline);
  if ((self->demo || self->camera_pipeline != NULL) &&
      !g_application_get_is_registered (application))
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (pf_application_parent_class)->handle_local_options (application,
                                                                                  options_dict);
}

static void
pf_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (pf_window_new (ADW_APPLICATION (application)));

  gtk_window_present (window);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *application = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing each window, rather than quitting outright, lets it save its
   * size and forget what the person entered. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *about;

  builder = gtk_builder_new_from_resource ("/io/github/idpreflight/IdPreflight/pf-about-window.ui");
  about = GTK_WINDOW (gtk_builder_get_object (builder, "about_window"));
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  gtk_window_set_transient_for (about, gtk_application_get_active_window (application));
  gtk_window_present (about);
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (pf_preferences_window_new (parent)));
}

/* Help for the step the active window shows. */
static void
help_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  PfStep step = PF_STEP_START;

  if (PF_IS_WINDOW (parent) && pf_window_get_visible_page (PF_WINDOW (parent)) != NULL)
    step = pf_wizard_page_get_step (pf_window_get_visible_page (PF_WINDOW (parent)));

  gtk_window_present (GTK_WINDOW (pf_help_window_new (parent, step)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_cb },
  { "about", about_cb },
  { "preferences", preferences_cb },
  { "help", help_cb },
};

static void
pf_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (pf_application_parent_class)->startup (application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
}

static void
pf_application_finalize (GObject *object)
{
  PfApplication *self = PF_APPLICATION (object);

  g_free (self->camera_pipeline);

  G_OBJECT_CLASS (pf_application_parent_class)->finalize (object);
}

static void
pf_application_class_init (PfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pf_application_finalize;

  application_class->handle_local_options = pf_application_handle_local_options;
  application_class->activate = pf_application_activate;
  application_class->startup = pf_application_startup;
}

static void
pf_application_init (PfApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

PfApplication *
pf_application_new (void)
{
  return g_object_new (PF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/* Whether --demo was given: the photo page then shows the demo document. */
gboolean
pf_application_get_demo (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), FALSE);
  return self->demo;
}

/**
 * pf_application_get_camera_pipeline:
 *
 * Returns: (nullable): the --camera-pipeline description, if given
 */
const char *
pf_application_get_camera_pipeline (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), NULL);
  return self->camera_pipeline;
}
