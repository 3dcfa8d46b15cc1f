/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wizard, walked as a person would: by the window's actions, the
 * buttons, the keyboard and the page controls, checking what the session
 * records and what the step list shows after each move. */

#include "config.h"

#include <string.h>

#include "pf-date.h"
#include "pf-finding-row.h"
#include "pf-quiz-item.h"
#include "pf-step-row.h"
#include "pf-summary-step.h"
#include "pf-window.h"
#include "test-ui-util.h"

static PfWindow *
window_new (void)
{
  PfWindow *window = pf_window_new (NULL);

  /* GTK owns toplevels; our own reference lets the test check at the end
   * that destroying the window frees it and everything it holds. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  pf_test_ui_settle (GTK_WIDGET (window));
  return window;
}

static void
window_free (PfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_finalize_object (window);
}

static void
go (PfWindow   *window,
    const char *action,
    GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  pf_test_ui_settle (GTK_WIDGET (window));
}

static void
go_to (PfWindow *window,
       PfStep    step)
{
  go (window, "win.go-to-step", g_variant_new_string (pf_step_get_id (step)));
  g_assert_true (pf_window_get_visible_page (window) == pf_window_get_page (window, step));
}

static PfStep
visible_step (PfWindow *window)
{
  return pf_wizard_page_get_step (pf_window_get_visible_page (window));
}

static PfStepRow *
step_row (PfWindow *window,
          PfStep    step)
{
  g_autoptr(GPtrArray) rows = pf_test_ui_find_all (GTK_WIDGET (window), PF_TYPE_STEP_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (pf_step_row_get_step (g_ptr_array_index (rows, i)) == step)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static void
assert_next_button (PfWindow   *window,
                    const char *label,
                    gboolean    suggested)
{
  GtkWidget *next = pf_test_ui_find_action (GTK_WIDGET (window), "win.next");

  g_assert_nonnull (next);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, label);
  g_assert_cmpint (gtk_widget_has_css_class (next, "suggested-action"), ==, suggested);
}

static PfFinding *
only_finding (PfWindow *window,
              PfStep    step)
{
  GPtrArray *findings = pf_session_get_findings (pf_window_get_session (window), step);

  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  return g_ptr_array_index (findings, 0);
}

static void
test_steps_and_navigation (void)
{
  PfWindow *window = window_new ();
  static const PfStep expected[] = {
    PF_STEP_START, PF_STEP_REGION, PF_STEP_SAFETY, PF_STEP_SUMMARY,
  };
  g_autoptr(GPtrArray) rows = pf_test_ui_find_all (GTK_WIDGET (window), PF_TYPE_STEP_ROW);
  GtkWidget *back = pf_test_ui_find_action (GTK_WIDGET (window), "win.previous");
  GtkWidget *next = pf_test_ui_find_action (GTK_WIDGET (window), "win.next");

  /* Only the steps that exist are listed: no placeholder for later ones. */
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (pf_step_row_get_step (g_ptr_array_index (rows, i)), ==, expected[i]);
  g_assert_null (pf_window_get_page (window, PF_STEP_PHOTO));
  g_assert_null (pf_window_get_page (window, PF_STEP_SELFIE));

  /* Next walks every step in order, Back walks back. */
  g_assert_cmpint (visible_step (window), ==, PF_STEP_START);
  g_assert_false (gtk_widget_is_sensitive (back));
  for (guint i = 1; i < G_N_ELEMENTS (expected); i++)
    {
      go (window, "win.next", NULL);
      g_assert_cmpint (visible_step (window), ==, expected[i]);
      g_assert_true (gtk_list_box_row_is_selected (g_ptr_array_index (rows, i)));
    }
  g_assert_false (gtk_widget_is_sensitive (next));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (window), "Step 4 of 4"));

  for (int i = G_N_ELEMENTS (expected) - 2; i >= 0; i--)
    {
      go (window, "win.previous", NULL);
      g_assert_cmpint (visible_step (window), ==, expected[i]);
    }
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (window), "Step 1 of 4"));

  /* Steps can be revisited straight from the list and by name. */
  gtk_widget_activate (g_ptr_array_index (rows, 2));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (visible_step (window), ==, PF_STEP_SAFETY);
  go_to (window, PF_STEP_SUMMARY);
  go_to (window, PF_STEP_START);

  /* Each step row says its status in words for screen readers too. */
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (pf_step_row_get_status (g_ptr_array_index (rows, i)), ==,
                     PF_STEP_STATUS_UNCHECKED);

  window_free (window);
}

static void
test_start_page (void)
{
  PfWindow *window = window_new ();
  PfSession *session = pf_window_get_session (window);
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_START);
  g_autoptr(GPtrArray) checks = pf_test_ui_find_all (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON);
  PfFinding *finding;

  /* Nothing chosen: the step may be skipped, and the button says so. */
  g_assert_false (pf_wizard_page_get_complete (page));
  assert_next_button (window, "_Skip", FALSE);
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
  assert_next_button (window, "_Next", TRUE);
  finding = only_finding (window, PF_STEP_START);
  g_assert_cmpstr (pf_finding_get_id (finding), ==, "start.document");
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_OK);
  g_assert_cmpint (pf_step_row_get_status (step_row (window, PF_STEP_START)), ==,
                   PF_STEP_STATUS_OK);

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
  assert_next_button (window, "_Skip", FALSE);

  window_free (window);
}

static GtkEditable *
date_entry (PfWindow *window)
{
  GtkWidget *row = pf_test_ui_find (GTK_WIDGET (pf_window_get_page (window, PF_STEP_REGION)),
                                    ADW_TYPE_ENTRY_ROW);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static void
type_date (PfWindow   *window,
           const char *text)
{
  gtk_editable_set_text (date_entry (window), text);
  pf_test_ui_settle (GTK_WIDGET (window));
}

/* Enter, in the text field inside the row: its key binding emits this. */
static void
press_enter (PfWindow *window)
{
  GtkWidget *text = pf_test_ui_find (GTK_WIDGET (date_entry (window)), GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  pf_test_ui_settle (GTK_WIDGET (window));
}

static char *
iso_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* A date of birth @years before today, moved by @days. */
static char *
birth_date_years_ago (int years,
                      int days)
{
  GDate date;

  pf_date_set_today (&date);
  if (years >= 0)
    g_date_subtract_years (&date, years);
  else
    g_date_add_years (&date, -years);
  if (days > 0)
    g_date_add_days (&date, days);
  return iso_date (&date);
}

static void
assert_age_finding (PfWindow   *window,
                    PfSeverity  severity,
                    const char *title)
{
  PfFinding *finding = only_finding (window, PF_STEP_REGION);

  g_assert_cmpstr (pf_finding_get_id (finding), ==, "region.age");
  g_assert_cmpint (pf_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (pf_finding_get_title (finding), ==, title);
  g_assert_cmpint (pf_step_row_get_status (step_row (window, PF_STEP_REGION)), ==,
                   pf_step_status_from_severity (severity));
  /* The page shows the same finding it reported. */
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (pf_window_get_page (window, PF_STEP_REGION)),
                                           title));
}

static void
test_region_page (void)
{
  PfWindow *window = window_new ();
  PfSession *session = pf_window_get_session (window);
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_REGION);
  GtkWidget *entry;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *adult = birth_date_years_ago (18, 0);
  g_autofree char *minor = birth_date_years_ago (18, 1);
  g_autofree char *future = birth_date_years_ago (-1, 0);
  GDate birth;

  go_to (window, PF_STEP_REGION);
  entry = GTK_WIDGET (date_entry (window));
  g_assert_false (pf_wizard_page_get_complete (page));
  assert_next_button (window, "_Skip", FALSE);

  /* A plain date: read, written out in words, and checked. */
  type_date (window, "1974-08-12");
  g_assert_true (pf_session_get_birth_date (session, &birth));
  g_assert_cmpint (g_date_get_day (&birth), ==, 12);
  g_assert_cmpint (g_date_get_month (&birth), ==, 8);
  g_assert_cmpint (g_date_get_year (&birth), ==, 1974);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "12 August 1974"));
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");
  g_assert_true (pf_wizard_page_get_complete (page));
  assert_next_button (window, "_Next", TRUE);

  /* Two readings: a question, not a guess, and no date until answered. */
  type_date (window, "12/08/1974");
  g_assert_false (pf_session_get_birth_date (session, NULL));
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));
  g_assert_false (pf_wizard_page_get_complete (page));
  g_assert_cmpint (pf_step_row_get_status (step_row (window, PF_STEP_REGION)), ==,
                   PF_STEP_STATUS_UNCHECKED);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Is 12 the day or the month?"));
  press_enter (window);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  pf_test_ui_click (gtk_widget_get_ancestor (
    GTK_WIDGET (pf_test_ui_find_label (GTK_WIDGET (page), "The day: 12 August 1974")),
    GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (pf_session_get_birth_date (session, &birth));
  g_assert_cmpint (g_date_get_month (&birth), ==, 8);
  g_assert_true (pf_wizard_page_get_complete (page));

  pf_test_ui_press (gtk_widget_get_ancestor (
    GTK_WIDGET (pf_test_ui_find_label (GTK_WIDGET (page), "The month: 8 December 1974")),
    GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (pf_session_get_birth_date (session, &birth));
  g_assert_cmpint (g_date_get_day (&birth), ==, 8);
  g_assert_cmpint (g_date_get_month (&birth), ==, 12);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "8 December 1974"));

  /* No such day: quiet while typing, a clear message on Enter, and the
   * typed text stays for the person to correct. */
  type_date (window, "31.02.1990");
  g_assert_null (pf_test_ui_find_label (GTK_WIDGET (page),
                                        "There is no such day. Check the day and the month."));
  press_enter (window);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page),
                                           "There is no such day. Check the day and the month."));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "31.02.1990");
  g_assert_false (pf_session_get_birth_date (session, NULL));
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));
  g_assert_false (pf_wizard_page_get_complete (page));

  /* Once shown, the message follows each change, then goes when fixed. */
  type_date (window, "banana");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page),
                                           "This is not a date we can read. Type it like 12 August 1974 or 1974-08-12."));
  type_date (window, "12 Aug 1974");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");

  /* A date in the future is a blocker with its own words. */
  type_date (window, future);
  assert_age_finding (window, PF_SEVERITY_BLOCKER, "The date of birth is in the future");

  /* The 18th birthday itself is old enough; the day before it is not. */
  type_date (window, adult);
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");
  type_date (window, minor);
  assert_age_finding (window, PF_SEVERITY_BLOCKER, "You are under the minimum age of 18");
  g_assert_true (pf_wizard_page_get_complete (page));

  /* The minimum age is a setting, and the result follows it at once. */
  type_date (window, adult);
  g_settings_set_int (settings, "minimum-age", 21);
  pf_test_ui_settle (GTK_WIDGET (window));
  assert_age_finding (window, PF_SEVERITY_BLOCKER, "You are under the minimum age of 21");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (
                       pf_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON))), ==, 21);
  g_settings_reset (settings, "minimum-age");
  pf_test_ui_settle (GTK_WIDGET (window));
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");

  /* Leaving an empty field says nothing. */
  type_date (window, "");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));

  window_free (window);
}

static void
answer_quiz (PfWindow *window,
             guint     n_wrong)
{
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_SAFETY);
  g_autoptr(GPtrArray) items = pf_test_ui_find_all (GTK_WIDGET (page), PF_TYPE_QUIZ_ITEM);

  for (guint i = 0; i < items->len; i++)
    {
      PfQuizItem *item = g_ptr_array_index (items, i);
      gboolean right = i >= n_wrong;
      gboolean scam = pf_quiz_item_get_scam (item);

      pf_quiz_item_answer (item, (scam == right) ? PF_QUIZ_ANSWER_SCAM : PF_QUIZ_ANSWER_GENUINE);
    }
  pf_test_ui_settle (GTK_WIDGET (window));
}

static gboolean
label_starts_with (GtkWidget  *root,
                   const char *prefix)
{
  g_autoptr(GPtrArray) labels = pf_test_ui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (labels, i)) &&
        g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return TRUE;

  return FALSE;
}

static void
test_safety_page (void)
{
  PfWindow *window = window_new ();
  PfSession *session = pf_window_get_session (window);
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_SAFETY);
  g_autoptr(GPtrArray) items = pf_test_ui_find_all (GTK_WIDGET (page), PF_TYPE_QUIZ_ITEM);
  guint n_scams = 0;
  PfFinding *finding;
  PfQuizItem *first;

  go_to (window, PF_STEP_SAFETY);
  g_assert_cmpuint (items->len, >=, 4);
  g_assert_cmpuint (items->len, <=, 6);
  for (guint i = 0; i < items->len; i++)
    n_scams += pf_quiz_item_get_scam (g_ptr_array_index (items, i));
  g_assert_cmpuint (n_scams, >, 0);
  g_assert_cmpuint (n_scams, <, items->len);

  /* Feedback comes right after each answer, in words. */
  first = g_ptr_array_index (items, 0);
  g_assert_false (label_starts_with (GTK_WIDGET (first), "Right:"));
  pf_quiz_item_answer (first, pf_quiz_item_get_scam (first) ? PF_QUIZ_ANSWER_GENUINE
                                                            : PF_QUIZ_ANSWER_SCAM);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_false (pf_quiz_item_get_correct (first));
  g_assert_true (label_starts_with (GTK_WIDGET (first), "Careful:") ||
                 label_starts_with (GTK_WIDGET (first), "Not quite:"));
  pf_quiz_item_answer (first, pf_quiz_item_get_scam (first) ? PF_QUIZ_ANSWER_SCAM
                                                            : PF_QUIZ_ANSWER_GENUINE);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_true (pf_quiz_item_get_correct (first));
  g_assert_true (label_starts_with (GTK_WIDGET (first), "Right:"));

  /* Not done until every message has an answer. */
  g_assert_false (pf_wizard_page_get_complete (page));
  g_assert_null (pf_session_get_findings (session, PF_STEP_SAFETY));
  assert_next_button (window, "_Skip", FALSE);

  answer_quiz (window, 2);
  g_assert_true (pf_wizard_page_get_complete (page));
  assert_next_button (window, "_Next", TRUE);
  finding = only_finding (window, PF_STEP_SAFETY);
  g_assert_cmpstr (pf_finding_get_id (finding), ==, "safety.quiz");
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_CAUTION);
  g_assert_cmpstr (pf_finding_get_title (finding), ==, "2 answers in the scam check were wrong");
  g_assert_cmpint (pf_step_row_get_status (step_row (window, PF_STEP_SAFETY)), ==,
                   PF_STEP_STATUS_CAUTION);

  answer_quiz (window, 0);
  finding = only_finding (window, PF_STEP_SAFETY);
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_OK);
  g_assert_cmpint (pf_step_row_get_status (step_row (window, PF_STEP_SAFETY)), ==,
                   PF_STEP_STATUS_OK);

  window_free (window);
}

static PfSummaryStep *
summary_step (PfWindow *window,
              PfStep    step)
{
  g_autoptr(GPtrArray) steps =
    pf_test_ui_find_all (GTK_WIDGET (pf_window_get_page (window, PF_STEP_SUMMARY)),
                         PF_TYPE_SUMMARY_STEP);

  for (guint i = 0; i < steps->len; i++)
    if (pf_summary_step_get_step (g_ptr_array_index (steps, i)) == step)
      return g_ptr_array_index (steps, i);

  return NULL;
}

static void
test_summary_page (void)
{
  PfWindow *window = window_new ();
  PfSession *session = pf_window_get_session (window);
  GtkWidget *summary = GTK_WIDGET (pf_window_get_page (window, PF_STEP_SUMMARY));
  GtkStack *stack = GTK_STACK (pf_test_ui_find (summary, GTK_TYPE_STACK));
  g_autoptr(GPtrArray) steps = pf_test_ui_find_all (summary, PF_TYPE_SUMMARY_STEP);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *minor = birth_date_years_ago (17, 0);
  GtkWidget *start_button;
  GtkWidget *region_row;

  /* Nothing checked: an empty state with a way on. */
  go_to (window, PF_STEP_SUMMARY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  start_button = pf_test_ui_find_action (GTK_WIDGET (gtk_stack_get_visible_child (stack)),
                                         "win.go-to-step");
  g_assert_nonnull (start_button);
  pf_test_ui_click (start_button);
  g_assert_cmpint (visible_step (window), ==, PF_STEP_START);

  /* Every step the wizard has, but not the summary itself. */
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_nonnull (summary_step (window, PF_STEP_START));
  g_assert_nonnull (summary_step (window, PF_STEP_REGION));
  g_assert_nonnull (summary_step (window, PF_STEP_SAFETY));

  /* Fill in the steps; the summary follows while it is not even shown. */
  gtk_widget_activate (pf_test_ui_find (GTK_WIDGET (pf_window_get_page (window, PF_STEP_START)),
                                        GTK_TYPE_CHECK_BUTTON));
  type_date (window, minor);
  answer_quiz (window, 1);
  go_to (window, PF_STEP_SUMMARY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "results");

  rows = pf_test_ui_find_all (summary, PF_TYPE_FINDING_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      PfFinding *finding = pf_finding_row_get_finding (g_ptr_array_index (rows, i));

      g_assert_nonnull (pf_test_ui_find_label (summary, pf_finding_get_title (finding)));
      g_assert_nonnull (pf_test_ui_find_label (summary, pf_finding_get_advice (finding)));
    }
  g_assert_cmpstr (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, 0))), ==,
                   "start.document");
  g_assert_cmpstr (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, 1))), ==,
                   "region.age");
  g_assert_cmpstr (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, 2))), ==,
                   "safety.quiz");

  /* Severity in words as well as by icon. */
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (summary_step (window, PF_STEP_REGION)),
                                           "Blocker"));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (summary_step (window, PF_STEP_SAFETY)),
                                           "Needs attention"));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Something Must Be Fixed First"));
  g_assert_nonnull (pf_test_ui_find_label (summary,
                                           "1 step has a blocker · 1 step needs attention · 1 step is fine"));

  /* Each step leads back to itself. */
  region_row = pf_test_ui_find_action (GTK_WIDGET (summary_step (window, PF_STEP_REGION)),
                                       "win.go-to-step");
  g_assert_nonnull (region_row);
  gtk_widget_activate (region_row);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (visible_step (window), ==, PF_STEP_REGION);

  /* A change anywhere shows at once. */
  type_date (window, "1974-08-12");
  answer_quiz (window, 0);
  g_assert_nonnull (pf_test_ui_find_label (summary, "Everything Checked Looks Fine"));
  g_assert_null (pf_test_ui_find_label (GTK_WIDGET (summary_step (window, PF_STEP_REGION)),
                                        "Blocker"));
  pf_session_clear_step (session, PF_STEP_SAFETY);
  g_assert_nonnull (pf_test_ui_find_label (summary, "So Far, So Good"));

  window_free (window);
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
  PfWindow *window = window_new ();
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
  g_assert_cmpint (visible_step (window), ==, PF_STEP_REGION);

  /* On the next page, Tab reaches the date field first. */
  g_assert_true (gtk_widget_child_focus (region, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (pf_test_ui_is_inside (focus, GTK_WIDGET (date_entry (window))));

  window_free (window);
}

/* The shortcuts are bound on the window class: check what they trigger. */
static void
test_shortcuts (void)
{
  PfWindow *window = window_new ();
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

  window_free (window);
}

static void
test_window_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PfWindow *window;
  int width, height;

  window = window_new ();
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

  window = window_new ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  window_free (window);

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
  g_test_add_func ("/pf/ui/wizard/region-page", test_region_page);
  g_test_add_func ("/pf/ui/wizard/safety-page", test_safety_page);
  g_test_add_func ("/pf/ui/wizard/summary-page", test_summary_page);
  g_test_add_func ("/pf/ui/wizard/keyboard", test_keyboard);
  g_test_add_func ("/pf/ui/wizard/shortcuts", test_shortcuts);
  g_test_add_func ("/pf/ui/wizard/window-size", test_window_size);

  return g_test_run ();
}
