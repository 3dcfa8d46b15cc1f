/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wizard window as the widget tests drive it: opening and freeing it,
 * moving between steps by its actions, reading what the step list and the
 * session show, and filling in the pages as a person would. */

#include "config.h"

#include "pf-quiz-item.h"
#include "test-ui-window.h"

/**
 * pf_test_application_new:
 *
 * A registered application loads the style sheet, the app icon and the
 * shortcuts window, as when the app runs. It is not unique, so that tests
 * running side by side each have their own.
 *
 * Returns: (transfer full): the application, registered
 */
PfApplication *
pf_test_application_new (void)
{
  PfApplication *application = pf_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  return application;
}

/**
 * pf_test_window_new:
 * @application: (nullable): the application, or %NULL for a window alone
 * @width: the window's width, or 0 for the remembered one
 *
 * Returns: (transfer full): a window, shown and painted
 */
PfWindow *
pf_test_window_new (AdwApplication *application,
                    int             width,
                    int             height)
{
  PfWindow *window = pf_window_new (application);

  /* GTK owns toplevels; our own reference lets the test check at the end
   * that destroying the window frees it and everything it holds. */
  g_object_ref (window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  pf_test_ui_settle (GTK_WIDGET (window));
  return window;
}

void
pf_test_window_free (PfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_finalize_object (window);
}

void
pf_test_window_go (PfWindow   *window,
                   const char *action,
                   GVariant   *parameter)
{
  /* GTK 4.8 hands the parameter to a widget class's action without taking
   * its floating reference, so a new variant would never be freed
   * (LeakSanitizer found it): take it here. */
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, owned));
  pf_test_ui_settle (GTK_WIDGET (window));
}

void
pf_test_window_go_to (PfWindow *window,
                      PfStep    step)
{
  pf_test_window_go (window, "win.go-to-step", g_variant_new_string (pf_step_get_id (step)));
  g_assert_true (pf_window_get_visible_page (window) == pf_window_get_page (window, step));
}

PfStep
pf_test_window_visible_step (PfWindow *window)
{
  return pf_wizard_page_get_step (pf_window_get_visible_page (window));
}

PfStepRow *
pf_test_window_step_row (PfWindow *window,
                         PfStep    step)
{
  g_autoptr(GPtrArray) rows = pf_test_ui_find_all (GTK_WIDGET (window), PF_TYPE_STEP_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (pf_step_row_get_step (g_ptr_array_index (rows, i)) == step)
      return g_ptr_array_index (rows, i);

  return NULL;
}

/* Checks what the Next button says: "_Next" and suggested when the page is
 * complete, "_Skip" and plain when it is not. */
void
pf_test_window_assert_next (PfWindow   *window,
                            const char *label,
                            gboolean    suggested)
{
  GtkWidget *next = pf_test_ui_find_action (GTK_WIDGET (window), "win.next");

  g_assert_nonnull (next);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, label);
  g_assert_cmpint (gtk_widget_has_css_class (next, "suggested-action"), ==, suggested);
}

/* The one finding the session holds for @step. */
PfFinding *
pf_test_window_only_finding (PfWindow *window,
                             PfStep    step)
{
  GPtrArray *findings = pf_session_get_findings (pf_window_get_session (window), step);

  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  return g_ptr_array_index (findings, 0);
}

GtkEditable *
pf_test_window_date_entry (PfWindow *window)
{
  GtkWidget *page = GTK_WIDGET (pf_window_get_page (window, PF_STEP_REGION));
  GtkWidget *row = pf_test_ui_find (page, GTK_TYPE_ENTRY);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* Types @text as the date of birth, replacing what was there. */
void
pf_test_window_type_date (PfWindow   *window,
                          const char *text)
{
  gtk_editable_set_text (pf_test_window_date_entry (window), text);
  pf_test_ui_settle (GTK_WIDGET (window));
}

/* Answers every message in the scam check: the first @n_wrong wrongly, the
 * rest rightly. */
void
pf_test_window_answer_quiz (PfWindow *window,
                            guint     n_wrong)
{
  GtkWidget *page = GTK_WIDGET (pf_window_get_page (window, PF_STEP_SAFETY));
  g_autoptr(GPtrArray) items = pf_test_ui_find_all (page, PF_TYPE_QUIZ_ITEM);

  for (guint i = 0; i < items->len; i++)
    {
      PfQuizItem *item = g_ptr_array_index (items, i);
      gboolean right = i >= n_wrong;

      pf_quiz_item_answer (item, pf_quiz_item_get_scam (item) == right ? PF_QUIZ_ANSWER_SCAM
                                                                       : PF_QUIZ_ANSWER_GENUINE);
    }
  pf_test_ui_settle (GTK_WIDGET (window));
}
