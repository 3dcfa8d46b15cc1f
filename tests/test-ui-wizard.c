/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wizard, walked as a person would: by the window's actions, the
 * buttons, the keyboard and the page controls, checking what the session
 * records and what the step list shows after each move. */

#include "config.h"

#include <string.h>

#include "test-ui-window.h"

static void
test_steps_and_navigation (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  static const PfStep expected[] = {
    PF_STEP_START, PF_STEP_PHOTO, PF_STEP_DETAILS, PF_STEP_VALIDITY, PF_STEP_SELFIE,
    PF_STEP_REGION, PF_STEP_SAFETY, PF_STEP_SUMMARY,
  };
  g_autoptr(GPtrArray) rows = pf_test_ui_find_all (GTK_WIDGET (window), PF_TYPE_STEP_ROW);
  GtkWidget *back = pf_test_ui_find_action (GTK_WIDGET (window), "win.previous");
  GtkWidget *next = pf_test_ui_find_action (GTK_WIDGET (window), "win.next");

  /* Every step is listed, in order. */
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (pf_step_row_get_step (g_ptr_array_index (rows, i)), ==, expected[i]);

  /* Next walks every step in order, Back walks back. */
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_START);
  g_assert_false (gtk_widget_is_sensitive (back));
  for (guint i = 1; i < G_N_ELEMENTS (expected); i++)
    {
      pf_test_window_go (window, "win.next", NULL);
      g_assert_cmpint (pf_test_window_visible_step (window), ==, expected[i]);
      g_assert_true (gtk_list_box_row_is_selected (g_ptr_array_index (rows, i)));
    }
  g_assert_false (gtk_widget_is_sensitive (next));
  g_assert_false (gtk_widget_get_visible (next));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (window), "Step 8 of 8"));

  for (int i = G_N_ELEMENTS (expected) - 2; i >= 0; i--)
    {
      pf_test_window_go (window, "win.previous", NULL);
      g_assert_cmpint (pf_test_window_visible_step (window), ==, expected[i]);
    }
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (window), "Step 1 of 8"));

  /* Steps can be revisited straight from the list and by name. */
  gtk_widget_activate (g_ptr_array_index (rows, 6));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_SAFETY);
  pf_test_window_go_to (window, PF_STEP_SUMMARY);
  pf_test_window_go_to (window, PF_STEP_START);

  /* Each step row says its status in words for screen readers too. */
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      g_assert_cmpint (pf_step_row_get_status (g_ptr_array_index (rows, i)), ==,
                       PF_STEP_STATUS_UNCHECKED);
      gtk_test_accessible_assert_property (g_ptr_array_index (rows, i),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           "Not checked yet");
    }
  gtk_test_accessible_assert_property (g_ptr_array_index (rows, 1),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Document photo");
  gtk_test_accessible_assert_property (g_ptr_array_index (rows, 5),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Region and age");

  pf_test_window_free (window);
}

static void
test_start_page (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_START);
  g_autoptr(GPtrArray) checks = pf_test_ui_find_all (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON);
  PfFinding *finding;

  /* Nothing chosen: the step may be skipped, and the button says so. */
  g_assert_false (pf_wizard_page_get_complete (page));
  pf_test_window_assert_next (window, "_Skip", FALSE);
  g_assert_cmpint (pf_wizard_page_get_status (page), ==, PF_STEP_STATUS_UNCHECKED);

  /* The four kinds, with the core's names. */
  g_assert_cmpuint (checks->len, ==, 4);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Passport"));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "National ID card"));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Driving licence"));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Residence permit"));

  gtk_widget_activate (g_ptr_array_index (checks, 0));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_session_get_document_kind (session), ==, PF_DOCUMENT_KIND_PASSPORT);
  g_assert_true (pf_wizard_page_get_complete (page));
  pf_test_window_assert_next (window, "_Next", TRUE);
  finding = pf_test_window_only_finding (window, PF_STEP_START);
  g_assert_cmpstr (pf_finding_get_id (finding), ==, "start.document");
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_OK);
  g_assert_cmpint (pf_step_row_get_status (pf_test_window_step_row (window, PF_STEP_START)), ==,
                   PF_STEP_STATUS_OK);
  gtk_test_accessible_assert_property (pf_test_window_step_row (window, PF_STEP_START),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Fine");
  gtk_test_accessible_assert_property (g_ptr_array_index (checks, 0),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Passport");

  /* A second choice replaces the first: one kind at a time. */
  gtk_widget_activate (g_ptr_array_index (checks, 3));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_session_get_document_kind (session), ==, PF_DOCUMENT_KIND_RESIDENCE_PERMIT);
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));

  /* The page follows the session, whoever changes it. */
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_NONE);
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 3)));
  g_assert_false (pf_wizard_page_get_complete (page));
  g_assert_null (pf_session_get_findings (session, PF_STEP_START));
  pf_test_window_assert_next (window, "_Skip", FALSE);

  pf_test_window_free (window);
}

/* Tab, as the keyboard moves focus, until @done says stop. */
static GtkWidget *
tab_until (PfWindow *window,
           gboolean (*done) (GtkWidget *focus, gpointer data),
           gpointer  data)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && done (focus, data))
        return focus;
    }

  return NULL;
}

static gboolean
is_check_button_in_cb (GtkWidget *focus,
                       gpointer   page)
{
  return GTK_IS_CHECK_BUTTON (focus) && pf_test_ui_is_inside (focus, page);
}

static gboolean
is_inside_cb (GtkWidget *focus,
              gpointer   ancestor)
{
  return pf_test_ui_is_inside (focus, ancestor);
}

static void
test_keyboard (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  GtkWidget *start = GTK_WIDGET (pf_window_get_page (window, PF_STEP_START));
  GtkWidget *region = GTK_WIDGET (pf_window_get_page (window, PF_STEP_REGION));
  GtkWidget *next = pf_test_ui_find_action (GTK_WIDGET (window), "win.next");
  GtkWidget *focus;

  /* Focus moves into the page, and Tab reaches the document choice. */
  g_assert_true (gtk_widget_child_focus (start, GTK_DIR_TAB_FORWARD));
  g_assert_true (pf_test_ui_is_inside (gtk_root_get_focus (GTK_ROOT (window)), start));
  focus = tab_until (window, is_check_button_in_cb, start);
  g_assert_nonnull (focus);
  gtk_widget_activate (focus);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_session_get_document_kind (session), !=, PF_DOCUMENT_KIND_NONE);

  /* Tab also reaches Next, and its mnemonic (Alt+N) moves on. */
  g_assert_nonnull (tab_until (window, is_inside_cb, next));
  g_assert_true (gtk_widget_mnemonic_activate (next, FALSE));
  pf_test_ui_wait (400);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_PHOTO);
  pf_test_window_go_to (window, PF_STEP_REGION);

  /* On the region page, Tab reaches the date field first. */
  g_assert_true (gtk_widget_child_focus (region, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (pf_test_ui_is_inside (focus, GTK_WIDGET (pf_test_window_date_entry (window))));

  pf_test_window_free (window);
}

/* The shortcuts are bound on the window class: check what they trigger. */
static void
test_shortcuts (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GString) bindings = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action =
            gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          g_string_append_printf (bindings, "%s=%s;", trigger, action);
        }
    }

  g_assert_nonnull (strstr (bindings->str, "<Alt>Right=action(win.next);"));
  g_assert_nonnull (strstr (bindings->str, "<Alt>Left=action(win.previous);"));
  g_assert_nonnull (strstr (bindings->str, "<Control>Page_Down=action(win.next);"));
  g_assert_nonnull (strstr (bindings->str, "<Control>Page_Up=action(win.previous);"));

  pf_test_window_free (window);
}

/* A control that shows no words of its own must have a name for screen
 * readers: icon buttons, check buttons without a label, spin buttons. */
static gboolean
has_own_words (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget)) != NULL ||
           GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL;
  return FALSE;
}

static void
assert_controls_named (GtkWidget *root)
{
  GType control_types[] = { GTK_TYPE_BUTTON, GTK_TYPE_CHECK_BUTTON, GTK_TYPE_SPIN_BUTTON,
                            GTK_TYPE_MENU_BUTTON };
  guint n_checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (control_types); t++)
    {
      g_autoptr(GPtrArray) controls = pf_test_ui_find_all (root, control_types[t]);

      for (guint i = 0; i < controls->len; i++)
        {
          GtkWidget *control = g_ptr_array_index (controls, i);
          GtkWidget *menu_button = gtk_widget_get_ancestor (control, GTK_TYPE_MENU_BUTTON);

          /* The button inside a menu button is named by the menu button. */
          if (menu_button != NULL && menu_button != control)
            control = menu_button;
          if (!gtk_widget_is_visible (control) || has_own_words (control))
            continue;
          /* GTK 4.8 leaves the spin button's own − and + unnamed; they take
           * no focus, and the spin button itself is named and reads Up and
           * Down. */
          if (gtk_widget_get_ancestor (gtk_widget_get_parent (control), GTK_TYPE_SPIN_BUTTON))
            continue;

          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (control),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("A %s (icon %s, in a %s) has neither words nor an accessible label",
                     G_OBJECT_TYPE_NAME (control),
                     GTK_IS_BUTTON (control) ? gtk_button_get_icon_name (GTK_BUTTON (control)) : "-",
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (control)));
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_accessible_names (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);

  assert_controls_named (GTK_WIDGET (window));
  pf_test_window_free (window);
}

static void
test_window_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PfWindow *window;
  int width, height;

  window = pf_test_window_new (NULL, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
  g_assert_cmpint (height, ==, g_settings_get_int (settings, "window-height"));

  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  pf_test_ui_settle (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = pf_test_window_new (NULL, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  pf_test_window_free (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  pf_test_ui_init (&argc, &argv);

  g_test_add_func ("/pf/ui/wizard/steps-and-navigation", test_steps_and_navigation);
  g_test_add_func ("/pf/ui/wizard/start-page", test_start_page);
  g_test_add_func ("/pf/ui/wizard/keyboard", test_keyboard);
  g_test_add_func ("/pf/ui/wizard/shortcuts", test_shortcuts);
  g_test_add_func ("/pf/ui/wizard/accessible-names", test_accessible_names);
  g_test_add_func ("/pf/ui/wizard/window-size", test_window_size);

  return g_test_run ();
}
