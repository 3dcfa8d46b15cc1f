/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pages that check something, each filled in as a person would: dates
 * of birth typed in every way and on the boundary days, the scam check
 * answered right and wrong, and the summary that shows it all. */

#include "config.h"

#include "pf-date.h"
#include "pf-finding-row.h"
#include "pf-quiz-item.h"
#include "pf-summary-step.h"
#include "test-ui-window.h"

/* Enter, in the text field inside the row: its key binding emits this. */
static void
press_enter (PfWindow *window)
{
  GtkWidget *row = GTK_WIDGET (pf_test_window_date_entry (window));
  GtkWidget *text = pf_test_ui_find (row, GTK_TYPE_TEXT);

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
  PfFinding *finding = pf_test_window_only_finding (window, PF_STEP_REGION);

  g_assert_cmpstr (pf_finding_get_id (finding), ==, "region.age");
  g_assert_cmpint (pf_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (pf_finding_get_title (finding), ==, title);
  g_assert_cmpint (pf_step_row_get_status (pf_test_window_step_row (window, PF_STEP_REGION)), ==,
                   pf_step_status_from_severity (severity));
  /* The page shows the same finding it reported. */
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (pf_window_get_page (window, PF_STEP_REGION)),
                                           title));
}

static void
test_region_page (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_REGION);
  GtkWidget *entry;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *adult = birth_date_years_ago (18, 0);
  g_autofree char *minor = birth_date_years_ago (18, 1);
  g_autofree char *future = birth_date_years_ago (-1, 0);
  GDate birth;

  pf_test_window_go_to (window, PF_STEP_REGION);
  entry = GTK_WIDGET (pf_test_window_date_entry (window));
  g_assert_false (pf_wizard_page_get_complete (page));
  pf_test_window_assert_next (window, "_Skip", FALSE);

  /* A plain date: read, written out in words, and checked. */
  pf_test_window_type_date (window, "1974-08-12");
  g_assert_true (pf_session_get_birth_date (session, &birth));
  g_assert_cmpint (g_date_get_day (&birth), ==, 12);
  g_assert_cmpint (g_date_get_month (&birth), ==, 8);
  g_assert_cmpint (g_date_get_year (&birth), ==, 1974);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "12 August 1974"));
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");
  g_assert_true (pf_wizard_page_get_complete (page));
  pf_test_window_assert_next (window, "_Next", TRUE);

  /* Two readings: a question, not a guess, and no date until answered. */
  pf_test_window_type_date (window, "12/08/1974");
  g_assert_false (pf_session_get_birth_date (session, NULL));
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));
  g_assert_false (pf_wizard_page_get_complete (page));
  g_assert_cmpint (pf_step_row_get_status (pf_test_window_step_row (window, PF_STEP_REGION)), ==,
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
  pf_test_window_type_date (window, "31.02.1990");
  g_assert_null (pf_test_ui_find_label (GTK_WIDGET (page),
                                        "There is no such day. Check the day and the month."));
  press_enter (window);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page),
                                           "There is no such day. Check the day and the month."));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "There is no such day. Check the day and the month.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "31.02.1990");
  g_assert_false (pf_session_get_birth_date (session, NULL));
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));
  g_assert_false (pf_wizard_page_get_complete (page));

  /* Once shown, the message follows each change, then goes when fixed. */
  pf_test_window_type_date (window, "banana");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page),
                                           "This is not a date we can read. "
                                           "Type it like 12 August 1974 or 1974-08-12."));
  pf_test_window_type_date (window, "12 Aug 1974");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry),
                                                 GTK_ACCESSIBLE_STATE_INVALID));
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");

  /* A date in the future is a blocker with its own words. */
  pf_test_window_type_date (window, future);
  assert_age_finding (window, PF_SEVERITY_BLOCKER, "The date of birth is in the future");

  /* The 18th birthday itself is old enough; the day before it is not. */
  pf_test_window_type_date (window, adult);
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");
  pf_test_window_type_date (window, minor);
  assert_age_finding (window, PF_SEVERITY_BLOCKER, "You are under the minimum age of 18");
  g_assert_true (pf_wizard_page_get_complete (page));

  /* The minimum age is a setting, and the result follows it at once. */
  pf_test_window_type_date (window, adult);
  g_settings_set_int (settings, "minimum-age", 21);
  pf_test_ui_settle (GTK_WIDGET (window));
  assert_age_finding (window, PF_SEVERITY_BLOCKER, "You are under the minimum age of 21");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (
                       pf_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON))), ==, 21);
  g_settings_reset (settings, "minimum-age");
  pf_test_ui_settle (GTK_WIDGET (window));
  assert_age_finding (window, PF_SEVERITY_OK, "You meet the minimum age of 18");

  /* Leaving an empty field says nothing. */
  pf_test_window_type_date (window, "");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_null (pf_session_get_findings (session, PF_STEP_REGION));

  pf_test_window_free (window);
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

/* The feedback is an alert, so that screen readers announce it. */
static GtkWidget *
alert_in (GtkWidget *root)
{
  g_autoptr(GPtrArray) widgets = pf_test_ui_find_all (root, GTK_TYPE_WIDGET);

  for (guint i = 0; i < widgets->len; i++)
    if (gtk_accessible_get_accessible_role (g_ptr_array_index (widgets, i)) ==
        GTK_ACCESSIBLE_ROLE_ALERT)
      return g_ptr_array_index (widgets, i);

  g_assert_not_reached ();
}

static void
test_safety_page (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  PfWizardPage *page = pf_window_get_page (window, PF_STEP_SAFETY);
  g_autoptr(GPtrArray) items = pf_test_ui_find_all (GTK_WIDGET (page), PF_TYPE_QUIZ_ITEM);
  guint n_scams = 0;
  PfFinding *finding;
  PfQuizItem *first;

  pf_test_window_go_to (window, PF_STEP_SAFETY);
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
  g_assert_true (gtk_widget_is_visible (alert_in (GTK_WIDGET (first))));

  /* Not done until every message has an answer. */
  g_assert_false (pf_wizard_page_get_complete (page));
  g_assert_null (pf_session_get_findings (session, PF_STEP_SAFETY));
  pf_test_window_assert_next (window, "_Skip", FALSE);

  pf_test_window_answer_quiz (window, 2);
  g_assert_true (pf_wizard_page_get_complete (page));
  pf_test_window_assert_next (window, "_Next", TRUE);
  finding = pf_test_window_only_finding (window, PF_STEP_SAFETY);
  g_assert_cmpstr (pf_finding_get_id (finding), ==, "safety.quiz");
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_CAUTION);
  g_assert_cmpstr (pf_finding_get_title (finding), ==, "2 answers in the scam check were wrong");
  g_assert_cmpint (pf_step_row_get_status (pf_test_window_step_row (window, PF_STEP_SAFETY)), ==,
                   PF_STEP_STATUS_CAUTION);

  pf_test_window_answer_quiz (window, 0);
  finding = pf_test_window_only_finding (window, PF_STEP_SAFETY);
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_OK);
  g_assert_cmpint (pf_step_row_get_status (pf_test_window_step_row (window, PF_STEP_SAFETY)), ==,
                   PF_STEP_STATUS_OK);

  pf_test_window_free (window);
}

static PfSummaryStep *
summary_step (PfWindow *window,
              PfStep    step)
{
  g_autoptr(GPtrArray) steps =
    pf_test_ui_find_all (GTK_WIDGET (pf_window_get_page (window, PF_STEP_SUMMARY)),
                         PF_TYPE_SUMMARY_STEP);

  /* A step is listed in each of the summary's groups; the one it shows in
   * (or, while none shows, the first) is the one to look at. */
  for (guint i = 0; i < steps->len; i++)
    if (pf_summary_step_get_step (g_ptr_array_index (steps, i)) == step &&
        gtk_widget_get_visible (g_ptr_array_index (steps, i)))
      return g_ptr_array_index (steps, i);
  for (guint i = 0; i < steps->len; i++)
    if (pf_summary_step_get_step (g_ptr_array_index (steps, i)) == step)
      return g_ptr_array_index (steps, i);

  return NULL;
}

static void
test_summary_page (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  GtkWidget *summary = GTK_WIDGET (pf_window_get_page (window, PF_STEP_SUMMARY));
  GtkStack *stack = GTK_STACK (pf_test_ui_find (summary, GTK_TYPE_STACK));
  g_autoptr(GPtrArray) steps = pf_test_ui_find_all (summary, PF_TYPE_SUMMARY_STEP);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *minor = birth_date_years_ago (17, 0);
  GtkWidget *start_button;
  GtkWidget *region_row;

  /* Nothing checked: an empty state with a way on. */
  pf_test_window_go_to (window, PF_STEP_SUMMARY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  start_button = pf_test_ui_find_action (GTK_WIDGET (gtk_stack_get_visible_child (stack)),
                                         "win.go-to-step");
  g_assert_nonnull (start_button);
  pf_test_ui_click (start_button);
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_START);

  /* Every step the wizard has, but not the summary itself, in each group. */
  {
    g_autoptr(GPtrArray) step_rows = pf_test_ui_find_all (GTK_WIDGET (window), PF_TYPE_STEP_ROW);

    g_assert_cmpuint (steps->len, ==, (step_rows->len - 1) * PF_N_SUMMARY_GROUPS);
  }
  g_assert_nonnull (summary_step (window, PF_STEP_START));
  g_assert_nonnull (summary_step (window, PF_STEP_PHOTO));
  g_assert_nonnull (summary_step (window, PF_STEP_REGION));
  g_assert_nonnull (summary_step (window, PF_STEP_SAFETY));

  /* Fill in the steps; the summary follows while it is not even shown. */
  gtk_widget_activate (pf_test_ui_find (GTK_WIDGET (pf_window_get_page (window, PF_STEP_START)),
                                        GTK_TYPE_CHECK_BUTTON));
  pf_test_window_type_date (window, minor);
  pf_test_window_answer_quiz (window, 1);
  pf_test_window_go_to (window, PF_STEP_SUMMARY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "results");

  rows = pf_test_ui_find_all (summary, PF_TYPE_FINDING_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      PfFinding *finding = pf_finding_row_get_finding (g_ptr_array_index (rows, i));

      g_assert_nonnull (pf_test_ui_find_label (summary, pf_finding_get_title (finding)));
      g_assert_nonnull (pf_test_ui_find_label (summary, pf_finding_get_advice (finding)));
    }
  /* Grouped: what must be fixed first, then what is worth changing, then what passed. */
  g_assert_cmpstr (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, 0))), ==,
                   "region.age");
  g_assert_cmpstr (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, 1))), ==,
                   "safety.quiz");
  g_assert_cmpstr (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, 2))), ==,
                   "start.document");

  /* Severity in words as well as by icon. */
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (summary_step (window, PF_STEP_REGION)),
                                           "Blocker"));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (summary_step (window, PF_STEP_SAFETY)),
                                           "Needs attention"));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Something Must Be Fixed First"));
  {
    /* The steps other than these three are not checked yet. */
    guint n_unchecked = steps->len / PF_N_SUMMARY_GROUPS - 3;
    g_autofree char *counts =
      g_strdup_printf ("1 step has a blocker · 1 step needs attention · 1 step is fine · "
                       "%u %s not checked yet", n_unchecked, n_unchecked == 1 ? "step" : "steps");

    g_assert_nonnull (pf_test_ui_find_label (summary, counts));
  }

  /* Each step leads back to itself. */
  region_row = pf_test_ui_find_action (GTK_WIDGET (summary_step (window, PF_STEP_REGION)),
                                       "win.go-to-step");
  g_assert_nonnull (region_row);
  gtk_widget_activate (region_row);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_REGION);

  /* A change anywhere shows at once. */
  pf_test_window_type_date (window, "1974-08-12");
  pf_test_window_answer_quiz (window, 0);
  /* The photo step is still unchecked, so not everything is known yet. */
  g_assert_nonnull (pf_test_ui_find_label (summary, "So Far, So Good"));
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    /* Every step the wizard has that is not checked yet, checked with nothing found. */
    for (PfStep step = PF_STEP_START; step < PF_STEP_SUMMARY; step++)
      if (pf_window_get_page (window, step) != NULL &&
          pf_session_get_status (session, step) == PF_STEP_STATUS_UNCHECKED)
        pf_session_set_findings (session, step, none);
  }
  g_assert_nonnull (pf_test_ui_find_label (summary, "Everything Checked Looks Fine"));
  g_assert_null (pf_test_ui_find_label (GTK_WIDGET (summary_step (window, PF_STEP_REGION)),
                                        "Blocker"));
  pf_session_clear_step (session, PF_STEP_SAFETY);
  g_assert_nonnull (pf_test_ui_find_label (summary, "So Far, So Good"));

  pf_test_window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  pf_test_ui_init (&argc, &argv);

  g_test_add_func ("/pf/ui/pages/region", test_region_page);
  g_test_add_func ("/pf/ui/pages/safety", test_safety_page);
  g_test_add_func ("/pf/ui/pages/summary", test_summary_page);

  return g_test_run ();
}
