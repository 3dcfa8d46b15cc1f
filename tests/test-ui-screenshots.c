/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of every page, in a realistic state, for the README and the
 * AppStream metainfo: wide, folded to one column, and in the dark style.
 * Each is rendered by GTK's own renderer and saved as a PNG under
 * tests/screenshots/ in the build tree; the test also checks that each
 * image has the window's size and is not blank. */

#include "config.h"

#include "pf-details-page.h"
#include "pf-help-window.h"
#include "pf-preferences-window.h"
#include "pf-quiz-item.h"
#include "pf-summary-step.h"
#include "pf-selfie-page.h"
#include "pf-validity-page.h"
#include "test-mrz-specimens.h"
#include "test-ui-window.h"

#define WIDE_WIDTH    960
#define WIDE_HEIGHT   680
#define NARROW_WIDTH  380
#define NARROW_HEIGHT 720

static PfApplication *application;

static void
go_to (PfWindow *window,
       PfStep    step)
{
  /* As after a click on a step: nothing in the page has the focus yet, so
   * no text field shows its text selected. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  pf_test_window_go_to (window, step);
}

/* The state a person would be in halfway through: a passport chosen, a
 * date of birth typed the ambiguous way and the question answered, and the
 * scam check done with one answer wrong. */
static void
fill_in (PfWindow *window)
{
  GtkWidget *start = GTK_WIDGET (pf_window_get_page (window, PF_STEP_START));
  GtkWidget *region = GTK_WIDGET (pf_window_get_page (window, PF_STEP_REGION));
  GtkLabel *answer;

  gtk_widget_activate (pf_test_ui_find (start, GTK_TYPE_CHECK_BUTTON));

  pf_test_window_type_date (window, "12/08/1974");
  answer = pf_test_ui_find_label (region, "The day: 12 August 1974");
  g_assert_nonnull (answer);
  pf_test_ui_click (gtk_widget_get_ancestor (GTK_WIDGET (answer), GTK_TYPE_TOGGLE_BUTTON));

  pf_test_window_answer_quiz (window, 1);
  g_assert_cmpint (pf_session_get_status (pf_window_get_session (window), PF_STEP_SAFETY), ==,
                   PF_STEP_STATUS_CAUTION);
}

/* The details step with the ICAO specimen passport read, a letter left
 * out of the surname and a letter O typed for a zero; the validity step
 * judged a fortnight before the specimen expires. */
static void
fill_in_details (PfWindow *window)
{
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *details = PF_DETAILS_PAGE (pf_window_get_page (window, PF_STEP_DETAILS));
  const char *printed[PF_N_FIELDS] = {
    [PF_FIELD_SURNAME] = "Eriksson", [PF_FIELD_GIVEN_NAMES] = "Anna Maria",
  };
  const char *mrz_values[PF_N_FIELDS] = {
    [PF_FIELD_SURNAME] = "ERIKSSON", [PF_FIELD_GIVEN_NAMES] = "ANNA MARIA",
    [PF_FIELD_BIRTH_DATE] = "1974-08-12", [PF_FIELD_NATIONALITY] = "UTO",
    [PF_FIELD_DOCUMENT_NUMBER] = "L898902C3", [PF_FIELD_EXPIRY_DATE] = "2012-04-15",
  };
  const char *typed[PF_N_FIELDS] = {
    "Erikson", "Anna Maria", "12 August 1974", "UTO", "L8989O2C3", "15/04/2012",
  };
  g_autoptr(PfMrz) mrz = pf_mrz_parse (TD3_SPECIMEN, NULL, NULL);
  GDate today;

  g_assert_nonnull (mrz);
  pf_session_set_document (session, printed, mrz_values, mrz);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    gtk_editable_set_text (pf_detail_field_get_typed_entry (pf_details_page_get_field (details, f)),
                           typed[f]);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_APRIL, 2012);
  pf_validity_page_set_today (PF_VALIDITY_PAGE (pf_window_get_page (window, PF_STEP_VALIDITY)),
                              &today);
}

/* Scrolls @page so that @widget is at the top of the view. */
static void
scroll_to (GtkWidget *page,
           GtkWidget *widget)
{
  GtkWidget *scrolled_widget = pf_test_ui_find (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (scrolled_widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

/* Renders the window's content, without the frame and shadow that depend
 * on the window manager, over the window's background colour, and saves it. */
static void
save_screenshot (PfWindow   *window,
                 const char *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autoptr(GdkTexture) texture = pf_test_ui_render (GTK_WIDGET (window), content);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (content));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (content));
  pf_test_ui_save_screenshot (texture, name);
}

/* The same for a window of its own (preferences, help): its content,
 * header bar included, without the frame and shadow. */
static void
save_window_screenshot (GtkWidget  *window,
                        const char *name)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (window));
  g_autoptr(GdkTexture) texture = pf_test_ui_render (window, content);

  pf_test_ui_save_screenshot (texture, name);
}

/* The summary's groups, the preferences and the help of one step. */
static void
save_summary_screenshots (PfWindow *window)
{
  GtkWidget *summary = GTK_WIDGET (pf_window_get_page (window, PF_STEP_SUMMARY));
  g_autoptr(GPtrArray) steps = pf_test_ui_find_all (summary, PF_TYPE_SUMMARY_STEP);
  GtkWidget *preferences, *help;

  for (guint i = 0; i < steps->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (steps, i)))
      {
        scroll_to (summary, g_ptr_array_index (steps, i));
        break;
      }
  save_screenshot (window, "summary-findings");

  preferences = pf_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  save_window_screenshot (preferences, "preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  help = pf_help_window_new (GTK_WINDOW (window), PF_STEP_PHOTO);
  gtk_window_present (GTK_WINDOW (help));
  save_window_screenshot (help, "help-photo");
  gtk_window_destroy (GTK_WINDOW (help));
}

/* The selfie step with the demo face (a made-up picture, no camera): its
 * story ends on a good picture, shown once the page is ready. */
static void
show_selfie_demo (PfWindow *window)
{
  PfSelfiePage *page = PF_SELFIE_PAGE (pf_window_get_page (window, PF_STEP_SELFIE));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "selfie.demo", NULL));
  /* The demo's frame timer wakes the loop 30 times a second. */
  while (!pf_selfie_page_is_ready (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pf_selfie_page_is_ready (page));
}

static void
test_wide (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), WIDE_WIDTH, WIDE_HEIGHT);
  GtkWidget *safety = GTK_WIDGET (pf_window_get_page (window, PF_STEP_SAFETY));

  save_screenshot (window, "start-empty");
  fill_in (window);

  go_to (window, PF_STEP_START);
  save_screenshot (window, "start");
  go_to (window, PF_STEP_REGION);
  save_screenshot (window, "region");
  fill_in_details (window);
  go_to (window, PF_STEP_DETAILS);
  save_screenshot (window, "details");
  go_to (window, PF_STEP_VALIDITY);
  save_screenshot (window, "validity");
  go_to (window, PF_STEP_SELFIE);
  show_selfie_demo (window);
  save_screenshot (window, "selfie");
  go_to (window, PF_STEP_SAFETY);
  scroll_to (safety, pf_test_ui_find (safety, PF_TYPE_QUIZ_ITEM));
  save_screenshot (window, "safety");
  go_to (window, PF_STEP_SUMMARY);
  save_screenshot (window, "summary");
  save_summary_screenshots (window);

  pf_test_window_free (window);
}

static void
test_narrow (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), NARROW_WIDTH,
                               NARROW_HEIGHT);
  AdwLeaflet *leaflet = ADW_LEAFLET (pf_test_ui_find (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

  fill_in (window);
  g_assert_true (adw_leaflet_get_folded (leaflet));

  go_to (window, PF_STEP_REGION);
  save_screenshot (window, "narrow-region");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-steps", NULL));
  pf_test_ui_settle (GTK_WIDGET (window));
  save_screenshot (window, "narrow-steps");

  pf_test_window_free (window);
}

static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  PfWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = pf_test_window_new (ADW_APPLICATION (application), WIDE_WIDTH, WIDE_HEIGHT);
  g_assert_true (adw_style_manager_get_dark (style));

  fill_in (window);
  go_to (window, PF_STEP_SUMMARY);
  save_screenshot (window, "summary-dark");
  go_to (window, PF_STEP_REGION);
  save_screenshot (window, "region-dark");

  pf_test_window_free (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pf_test_ui_init (&argc, &argv);
  application = pf_test_application_new ();

  g_test_add_func ("/pf/ui/screenshots/wide", test_wide);
  g_test_add_func ("/pf/ui/screenshots/narrow", test_narrow);
  g_test_add_func ("/pf/ui/screenshots/dark", test_dark);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
