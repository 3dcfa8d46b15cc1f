/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences: the minimum age, how strict the glare check is, which
 * camera to use and whether the photo is taken by itself. Every control is
 * bound to GSettings, and the pages read the same keys, so a change takes
 * effect at once: the age step re-checks, the photo step switches camera
 * and uses the new glare level for the next frame or photo it checks. */

#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

#include "pf-camera.h"
#include "pf-preferences-window.h"

struct _PfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkAdjustment        *age_adjustment;
  AdwComboRow          *glare_row;
  AdwComboRow          *camera_row;
  GtkSwitch            *auto_switch;

  /* Owned references */
  GSettings            *settings;
  PfCamera             *camera;
  GtkStringList        *camera_labels;
  /* The device names behind camera_labels; "" for the first camera found. */
  GPtrArray            *camera_names;

  gboolean              updating_cameras;
};

G_DEFINE_FINAL_TYPE (PfPreferencesWindow, pf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The glare key is an int from 0 to 2; the combo row's selection a uint. */
static gboolean
glare_get_mapping_cb (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, (guint) CLAMP (g_variant_get_int32 (variant), 0, 2));
  return TRUE;
}

static GVariant *
glare_set_mapping_cb (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected > 2)
    return NULL;
  return g_variant_new_int32 ((gint32) selected);
}

static void
select_chosen_camera (PfPreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "camera");
  guint index = 0;

  for (guint i = 0; i < self->camera_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->camera_names, i), chosen))
      index = i;

  self->updating_cameras = TRUE;
  adw_combo_row_set_selected (self->camera_row, index);
  self->updating_cameras = FALSE;
}

/* The camera list: "first camera found", then every camera plugged in now,
 * and the one chosen before if it is not plugged in, so that opening the
 * preferences never changes the choice by itself. */
static void
update_cameras (PfPreferencesWindow *self)
{
  GListModel *devices = self->camera != NULL ? pf_camera_get_devices (self->camera) : NULL;
  guint n_devices = devices != NULL ? g_list_model_get_n_items (devices) : 0;
  g_autofree char *chosen = g_settings_get_string (self->settings, "camera");
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  gboolean chosen_listed = *chosen == '\0';

  g_ptr_array_set_size (self->camera_names, 0);
  /* Translators: the camera choice that takes the first camera found. */
  g_strv_builder_add (labels, C_("camera", "Automatic"));
  g_ptr_array_add (self->camera_names, g_strdup (""));

  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr(PfCameraDevice) device = g_list_model_get_item (devices, i);
      const char *name = pf_camera_device_get_name (device);

      g_strv_builder_add (labels, pf_camera_device_get_display_name (device));
      g_ptr_array_add (self->camera_names, g_strdup (name));
      chosen_listed = chosen_listed || g_str_equal (name, chosen);
    }

  if (!chosen_listed)
    {
      /* Translators: a camera chosen before that is not plugged in now. */
      g_autofree char *label = g_strdup_printf (_("%s (not connected)"), chosen);

      g_strv_builder_add (labels, label);
      g_ptr_array_add (self->camera_names, g_strdup (chosen));
    }

  strv = g_strv_builder_end (labels);
  self->updating_cameras = TRUE;
  gtk_string_list_splice (self->camera_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->camera_labels)),
                          (const char * const *) strv);
  self->updating_cameras = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->camera_row),
                               n_devices == 0
                               ? _("No camera is plugged in now. The photo step uses the first "
                                   "one it finds.")
                               : _("The camera the photo step uses."));
  select_chosen_camera (self);
}

static void
camera_selected_cb (PfPreferencesWindow *self)
{
  guint index = adw_combo_row_get_selected (self->camera_row);

  if (self->updating_cameras || index >= self->camera_names->len)
    return;

  g_settings_set_string (self->settings, "camera", g_ptr_array_index (self->camera_names, index));
}

static void
pf_preferences_window_dispose (GObject *object)
{
  PfPreferencesWindow *self = PF_PREFERENCES_WINDOW (object);

  if (self->camera != NULL)
    g_signal_handlers_disconnect_by_data (pf_camera_get_devices (self->camera), self);
  g_clear_object (&self->camera);
  g_clear_object (&self->settings);
  g_clear_object (&self->camera_labels);
  g_clear_pointer (&self->camera_names, g_ptr_array_unref);

  G_OBJECT_CLASS (pf_preferences_window_parent_class)->dispose (object);
}

static void
pf_preferences_window_class_init (PfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, age_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, glare_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, camera_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, auto_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pf_preferences_window_init (PfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "minimum-age", self->age_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "auto-capture", self->auto_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "glare-strictness", self->glare_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                glare_get_mapping_cb, glare_set_mapping_cb, NULL, NULL);

  /* The camera list comes from the same watch the photo step uses. Without
   * GStreamer there is no list, only "the first camera found". */
  self->camera_names = g_ptr_array_new_with_free_func (g_free);
  self->camera_labels = gtk_string_list_new (NULL);
  if (gst_is_initialized () || gst_init_check (NULL, NULL, NULL))
    {
      self->camera = pf_camera_new ();
      g_signal_connect_object (pf_camera_get_devices (self->camera), "items-changed",
                               G_CALLBACK (update_cameras), self, G_CONNECT_SWAPPED);
    }
  adw_combo_row_set_model (self->camera_row, G_LIST_MODEL (self->camera_labels));
  update_cameras (self);
  g_signal_connect_object (self->camera_row, "notify::selected",
                           G_CALLBACK (camera_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::camera",
                           G_CALLBACK (update_cameras), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pf_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
