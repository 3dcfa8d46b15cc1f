/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: the step list beside the page area, Back and Next. The
 * window owns the session and hands it to every page; it shows each step's
 * status from the session and never looks inside a page. On a narrow window
 * the leaflet folds and the step list becomes a page of its own. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pf-accessible-names.h"
#include "pf-details-page.h"
#include "pf-photo-page.h"
#include "pf-region-page.h"
#include "pf-safety-page.h"
#include "pf-selfie-page.h"
#include "pf-start-page.h"
#include "pf-step-row.h"
#include "pf-summary-page.h"
#include "pf-validity-page.h"
#include "pf-window.h"

/* The steps the wizard has, in the order the person meets them. A new step
 * is one line here; the step list, Back/Next and the summary follow. */
static const struct {
  PfStep   step;
  GType  (*get_type) (void);
} wizard_steps[] = {
  { PF_STEP_START, pf_start_page_get_type },
  { PF_STEP_PHOTO, pf_photo_page_get_type },
  { PF_STEP_DETAILS, pf_details_page_get_type },
  { PF_STEP_VALIDITY, pf_validity_page_get_type },
  { PF_STEP_SELFIE, pf_selfie_page_get_type },
  { PF_STEP_REGION, pf_region_page_get_type },
  { PF_STEP_SAFETY, pf_safety_page_get_type },
  { PF_STEP_SUMMARY, pf_summary_page_get_type },
};

#define N_WIZARD_STEPS G_N_ELEMENTS (wizard_steps)

struct _PfWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkListBox           *step_list;
  GtkStack             *pages;
  AdwWindowTitle       *page_title;
  GtkButton            *next_button;

  /* Owned references */
  PfSession            *session;
  GSettings            *settings;

  /* Borrowed references: the stack and the list own them */
  PfWizardPage         *page_widgets[N_WIZARD_STEPS];
  PfStepRow            *rows[N_WIZARD_STEPS];
  PfWizardPage         *visible_page;
};

G_DEFINE_FINAL_TYPE (PfWindow, pf_window, ADW_TYPE_APPLICATION_WINDOW)

static int
index_of_page (PfWindow     *self,
               PfWizardPage *page)
{
  for (guint i = 0; i < N_WIZARD_STEPS; i++)
    if (self->page_widgets[i] == page)
      return i;

  return -1;
}

static int
index_of_step (PfStep step)
{
  for (guint i = 0; i < N_WIZARD_STEPS; i++)
    if (wizard_steps[i].step == step)
      return i;

  return -1;
}

static void
go_to_index (PfWindow *self,
             int       index)
{
  g_assert (index >= 0 && (guint) index < N_WIZARD_STEPS);

  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (self->page_widgets[index]));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* "Next" when the page is done, "Skip" when it is not: every step may be
 * skipped, but the button says honestly which of the two it does. */
static void
update_next_button (PfWindow *self)
{
  gboolean complete = self->visible_page != NULL &&
                      pf_wizard_page_get_complete (self->visible_page);

  gtk_button_set_label (self->next_button, complete ? _("_Next") : _("_Skip"));
  if (complete)
    gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->next_button), "suggested-action");
}

static void
page_complete_changed_cb (PfWindow     *self,
                          GParamSpec   *pspec,
                          PfWizardPage *page)
{
  update_next_button (self);
}

static void
visible_page_changed_cb (PfWindow *self)
{
  PfWizardPage *page = PF_WIZARD_PAGE (gtk_stack_get_visible_child (self->pages));
  int index = index_of_page (self, page);
  g_autofree char *subtitle = NULL;

  /* The stack shows its first page while the pages are still being added. */
  if (page == self->visible_page || index < 0)
    return;

  if (self->visible_page != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->visible_page, page_complete_changed_cb, self);
      pf_wizard_page_left (self->visible_page);
    }

  self->visible_page = page;
  g_signal_connect_object (page, "notify::complete",
                           G_CALLBACK (page_complete_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Translators: the subtitle of a wizard page, e.g. "Step 2 of 4". */
  subtitle = g_strdup_printf (_("Step %d of %u"), index + 1, (guint) N_WIZARD_STEPS);
  adw_window_title_set_title (self->page_title, pf_wizard_page_get_title (page));
  adw_window_title_set_subtitle (self->page_title, subtitle);

  gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (self->rows[index]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next",
                                 (guint) index + 1 < N_WIZARD_STEPS);
  /* The last step has nowhere to go; a greyed-out Next would only puzzle. */
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), (guint) index + 1 < N_WIZARD_STEPS);
  update_next_button (self);

  pf_wizard_page_shown (page);
}

static void
step_row_activated_cb (PfWindow      *self,
                       GtkListBoxRow *row)
{
  go_to_index (self, index_of_step (pf_step_row_get_step (PF_STEP_ROW (row))));
}

static void
step_changed_cb (PfWindow  *self,
                 guint      step,
                 PfSession *session)
{
  int index = index_of_step (step);

  if (index >= 0)
    pf_step_row_set_status (self->rows[index], pf_session_get_status (session, step));
}

static void
add_steps (PfWindow *self)
{
  PfStep steps[N_WIZARD_STEPS];

  for (guint i = 0; i < N_WIZARD_STEPS; i++)
    {
      PfStep step = wizard_steps[i].step;
      PfWizardPage *page = g_object_new (wizard_steps[i].get_type (),
                                         "step", step,
                                         "session", self->session,
                                         NULL);
      GtkWidget *row = pf_step_row_new (step, pf_wizard_page_has_status (page));

      self->page_widgets[i] = page;
      self->rows[i] = PF_STEP_ROW (row);
      steps[i] = step;
      gtk_list_box_append (self->step_list, row);
      gtk_stack_add_named (self->pages, GTK_WIDGET (page), pf_step_get_id (step));
    }

  /* The summary lists the steps this wizard has, and no others. */
  for (guint i = 0; i < N_WIZARD_STEPS; i++)
    if (PF_IS_SUMMARY_PAGE (self->page_widgets[i]))
      pf_summary_page_set_steps (PF_SUMMARY_PAGE (self->page_widgets[i]), steps, N_WIZARD_STEPS);

  g_signal_connect_object (self->session, "step-changed",
                           G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);
}

static void
next_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PfWindow *self = PF_WINDOW (widget);
  int index = index_of_page (self, self->visible_page);

  if ((guint) index + 1 < N_WIZARD_STEPS)
    go_to_index (self, index + 1);
}

static void
previous_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PfWindow *self = PF_WINDOW (widget);
  int index = index_of_page (self, self->visible_page);

  if (index > 0)
    go_to_index (self, index - 1);
}

static void
go_to_step_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PfWindow *self = PF_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < N_WIZARD_STEPS; i++)
    if (g_str_equal (pf_step_get_id (wizard_steps[i].step), id))
      {
        go_to_index (self, i);
        return;
      }

  g_warning ("No step named “%s” in this wizard", id);
}

static void
show_steps_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PfWindow *self = PF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static gboolean
pf_window_close_request (GtkWindow *window)
{
  PfWindow *self = PF_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pf_window_parent_class)->close_request (window);
}

static void
pf_window_dispose (GObject *object)
{
  PfWindow *self = PF_WINDOW (object);

  /* Pages may still write to the session as they go; no row is left to show it. */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  /* Forgetting the session below may still change what a page says. */
  if (self->visible_page != NULL)
    g_signal_handlers_disconnect_by_func (self->visible_page, page_complete_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_WINDOW);
  memset (self->page_widgets, 0, sizeof self->page_widgets);
  memset (self->rows, 0, sizeof self->rows);
  self->visible_page = NULL;

  /* Whatever the person typed or photographed goes with the window. */
  if (self->session != NULL)
    pf_session_forget (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_window_parent_class)->dispose (object);
}

static void
pf_window_class_init (PfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pf_window_dispose;
  window_class->close_request = pf_window_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, step_list);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, PfWindow, next_button);
  gtk_widget_class_bind_template_callback (widget_class, step_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "win.go-to-step", "s", go_to_step_cb);
  gtk_widget_class_install_action (widget_class, "win.show-steps", NULL, show_steps_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous", NULL);
}

static void
pf_window_init (PfWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = pf_session_new ();
  self->settings = g_settings_new (APP_ID);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  add_steps (self);
  /* Once every page is built: names without GTK 4.8's doubled mnemonics. */
  pf_accessible_names_fix (GTK_WIDGET (self));
}

PfWindow *
pf_window_new (AdwApplication *application)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);

  return g_object_new (PF_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * pf_window_get_session:
 *
 * Returns: (transfer none): the session the window's pages share
 */
PfSession *
pf_window_get_session (PfWindow *self)
{
  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * pf_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page of @step, or %NULL when the
 *   wizard has no such step
 */
PfWizardPage *
pf_window_get_page (PfWindow *self,
                    PfStep    step)
{
  int index;

  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);

  index = index_of_step (step);
  return index >= 0 ? self->page_widgets[index] : NULL;
}

/**
 * pf_window_get_visible_page:
 *
 * Returns: (transfer none): the page shown now
 */
PfWizardPage *
pf_window_get_visible_page (PfWindow *self)
{
  g_return_val_if_fail (PF_IS_WINDOW (self), NULL);

  return self->visible_page;
}
