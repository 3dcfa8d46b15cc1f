/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details and validity steps in a real window: typed values against a
 * document's reading give the comparator's verdicts, reasons and the
 * differences in words; what was typed survives moving between steps and
 * goes when the session forgets; a missing photo gives the empty state; a
 * real photo is read in a worker and the reading fills the form; a
 * reading the app is unsure of is said on its detail, on screen and to
 * screen readers, with every differing reading listed; and the validity
 * verdicts over a fixed "today". */

#include "config.h"

#include <string.h>

#include "pf-details-page.h"
#include "pf-specimen.h"
#include "pf-validity-page.h"
#include "test-mrz-specimens.h"
#include "test-reading-util.h"
#include "test-ui-window.h"

static PfApplication *application;

static PfDetailsPage *
details_page (PfWindow *window)
{
  return PF_DETAILS_PAGE (pf_window_get_page (window, PF_STEP_DETAILS));
}

static void
type_into (GtkEditable *entry,
           const char  *text)
{
  gtk_editable_set_text (entry, text);
  pf_test_ui_settle (GTK_WIDGET (entry));
}

static void
type_detail (PfWindow   *window,
             PfField     field,
             const char *text)
{
  PfDetailField *row = pf_details_page_get_field (details_page (window), field);

  type_into (pf_detail_field_get_typed_entry (row), text);
}

static const char *
document_text (PfWindow *window,
               PfField   field)
{
  PfDetailField *row = pf_details_page_get_field (details_page (window), field);

  return gtk_editable_get_text (pf_detail_field_get_document_entry (row));
}

static PfFinding *
finding_for (PfSession  *session,
             PfStep      step,
             const char *id)
{
  GPtrArray *findings = pf_session_get_findings (session, step);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_str_equal (pf_finding_get_id (g_ptr_array_index (findings, i)), id))
      return g_ptr_array_index (findings, i);
  return NULL;
}

/* A reading as the worker would leave it: the printed zone's values and
 * the MRZ of the ICAO passport specimen. */
static void
give_reading (PfSession  *session,
              const char *mrz_text)
{
  const char *printed[PF_N_FIELDS] = {
    [PF_FIELD_SURNAME] = "Eriksson",
    [PF_FIELD_GIVEN_NAMES] = "Anna Maria",
    [PF_FIELD_DOCUMENT_NUMBER] = "L898902C3",
  };
  const char *mrz_values[PF_N_FIELDS] = {
    [PF_FIELD_SURNAME] = "ERIKSSON",
    [PF_FIELD_GIVEN_NAMES] = "ANNA MARIA",
    [PF_FIELD_BIRTH_DATE] = "1974-08-12",
    [PF_FIELD_NATIONALITY] = "UTO",
    [PF_FIELD_DOCUMENT_NUMBER] = "L898902C3",
    [PF_FIELD_EXPIRY_DATE] = "2012-04-15",
  };
  g_autoptr(PfMrz) mrz = pf_mrz_parse (mrz_text, NULL, NULL);

  g_assert_nonnull (mrz);
  pf_session_set_document (session, printed, mrz_values, mrz);
}

/* The note a detail shows when the app did not read it; the same words
 * as the page's, written out here so that a change to them is seen. */
#define NOT_READ_NOTE \
  "Could not read this on the photo. Check your document and type what it shows in the " \
  "second box."

static GtkEditable *
document_entry (PfWindow *window,
                PfField   field)
{
  return pf_detail_field_get_document_entry (
    pf_details_page_get_field (details_page (window), field));
}

static const char *
doubt_text (PfWindow *window,
            PfField   field)
{
  return pf_detail_field_get_doubt_text (pf_details_page_get_field (details_page (window), field));
}

/* The verdict that describes the typed value's entry: "title. advice". */
static char *
verdict_text (PfWindow *window,
              PfField   field)
{
  g_autofree char *id = g_strconcat ("details.", pf_field_get_id (field), NULL);
  PfFinding *finding = finding_for (pf_window_get_session (window), PF_STEP_DETAILS, id);

  if (finding == NULL)
    return NULL;
  return g_strdup_printf ("%s. %s", pf_finding_get_title (finding),
                          pf_finding_get_advice (finding));
}

/* The doubt is on screen, under its own detail, in the words screen
 * readers get: the document's entry is described by it, the typed value's
 * by its verdict and then the doubt. */
static void
assert_doubt_shown (PfWindow *window,
                    PfField   field)
{
  PfDetailField *row = pf_details_page_get_field (details_page (window), field);
  const char *text = pf_detail_field_get_doubt_text (row);
  g_autofree char *verdict = verdict_text (window, field);
  g_autofree char *typed_description = NULL;

  g_assert_cmpstr (text, !=, "");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (row), text));
  gtk_test_accessible_assert_property (pf_detail_field_get_document_entry (row),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  typed_description = verdict != NULL ? g_strconcat (verdict, "\n", text, NULL) : g_strdup (text);
  gtk_test_accessible_assert_property (pf_detail_field_get_typed_entry (row),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, typed_description);
}

/* No doubt anywhere about the detail: no note, and the entries described
 * by the verdict alone, if there is one. */
static void
assert_no_doubt (PfWindow *window,
                 PfField   field)
{
  PfDetailField *row = pf_details_page_get_field (details_page (window), field);
  g_autofree char *verdict = verdict_text (window, field);
  GtkAccessible *typed = GTK_ACCESSIBLE (pf_detail_field_get_typed_entry (row));

  g_assert_cmpstr (pf_detail_field_get_doubt_text (row), ==, "");
  g_assert_false (gtk_test_accessible_has_property (
                    GTK_ACCESSIBLE (pf_detail_field_get_document_entry (row)),
                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  if (verdict != NULL)
    gtk_test_accessible_assert_property (typed, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, verdict);
  else
    g_assert_false (gtk_test_accessible_has_property (typed, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_empty (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *page = details_page (window);
  GtkStack *stack = GTK_STACK (pf_test_ui_find (GTK_WIDGET (page), GTK_TYPE_STACK));
  GtkWidget *validity = GTK_WIDGET (pf_window_get_page (window, PF_STEP_VALIDITY));
  PfFinding *finding;

  pf_test_window_go_to (window, PF_STEP_DETAILS);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_NO_PHOTO);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "No Document Photo Yet"));
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_DETAILS), ==, PF_STEP_STATUS_UNCHECKED);

  /* The way on: the photo step. */
  pf_test_ui_click (pf_test_ui_find_action (GTK_WIDGET (page), "win.go-to-step"));
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_PHOTO);

  /* Or type anyway: nothing can be compared, and the page says so. */
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  pf_test_ui_click (pf_test_ui_find_action (GTK_WIDGET (page), "details.type-without-photo"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "form");
  type_detail (window, PF_FIELD_SURNAME, "Eriksson");
  finding = finding_for (session, PF_STEP_DETAILS, "details.surname");
  g_assert_nonnull (finding);
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_CAUTION);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), pf_finding_get_title (finding)));
  g_assert_true (pf_wizard_page_get_complete (PF_WIZARD_PAGE (page)));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "No document photo"));

  /* The validity step has nothing to judge and says where to go. */
  pf_test_window_go_to (window, PF_STEP_VALIDITY);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_VALIDITY), ==, PF_STEP_STATUS_UNCHECKED);
  g_assert_nonnull (pf_test_ui_find_label (validity, "Nothing to Check Yet"));

  pf_test_window_free (window);
}

static void
test_compare (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *page = details_page (window);
  PfDetailField *surname = pf_details_page_get_field (page, PF_FIELD_SURNAME);
  PfDetailField *number = pf_details_page_get_field (page, PF_FIELD_DOCUMENT_NUMBER);
  PfFinding *finding;
  GDate birth;

  pf_test_window_go_to (window, PF_STEP_DETAILS);
  give_reading (session, TD3_SPECIMEN);
  pf_test_ui_settle (GTK_WIDGET (window));

  /* The reading is shown, the MRZ's dates in words. */
  g_assert_cmpstr (document_text (window, PF_FIELD_SURNAME), ==, "Eriksson");
  g_assert_cmpstr (document_text (window, PF_FIELD_BIRTH_DATE), ==, "12 August 1974");
  g_assert_cmpstr (document_text (window, PF_FIELD_NATIONALITY), ==, "UTO");
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_DETAILS), ==, PF_STEP_STATUS_UNCHECKED);

  /* A letter left out: a typo, shown, highlighted and said in words. */
  type_detail (window, PF_FIELD_SURNAME, "Erikson");
  finding = finding_for (session, PF_STEP_DETAILS, "details.surname");
  g_assert_nonnull (finding);
  g_assert_cmpint (pf_finding_get_severity (finding), ==, PF_SEVERITY_BLOCKER);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (surname), pf_finding_get_title (finding)));
  g_assert_nonnull (strstr (pf_detail_field_get_diff_text (surname), "is missing"));
  g_assert_nonnull (strstr (pf_finding_get_advice (finding), "Eriksson"));
  /* Screen readers get the field's name and its verdict on the entry. */
  gtk_test_accessible_assert_property (pf_detail_field_get_typed_entry (surname),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Surname, as you type it on the service’s form");
  gtk_test_accessible_assert_property (pf_detail_field_get_document_entry (surname),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Surname, as the document shows it");
  g_assert_true (gtk_test_accessible_has_property (
                   GTK_ACCESSIBLE (pf_detail_field_get_typed_entry (surname)),
                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* Letter O for digit 0 is a look-alike; the words name the character. */
  type_detail (window, PF_FIELD_DOCUMENT_NUMBER, "L898902C3");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.document_number")),
                   ==, PF_SEVERITY_OK);
  g_assert_cmpstr (pf_detail_field_get_diff_text (number), ==, "");
  type_detail (window, PF_FIELD_DOCUMENT_NUMBER, "L8989O2C3");
  g_assert_nonnull (strstr (pf_detail_field_get_diff_text (number),
                            "character 6: you typed “O”, the document shows “0”"));
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_DETAILS), ==, PF_STEP_STATUS_BLOCKER);

  /* A date in any order that reads one way only; it feeds the age check. */
  type_detail (window, PF_FIELD_BIRTH_DATE, "12 August 1974");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.birth_date")),
                   ==, PF_SEVERITY_OK);
  g_assert_true (pf_session_get_birth_date (session, &birth));
  g_assert_cmpint (g_date_get_year (&birth), ==, 1974);
  /* Ambiguous on its own; the document settles which order was meant. */
  type_detail (window, PF_FIELD_BIRTH_DATE, "08/12/1974");
  g_assert_true (pf_session_get_birth_date (session, &birth));
  g_assert_cmpint (g_date_get_day (&birth), ==, 12);
  g_assert_cmpint (g_date_get_month (&birth), ==, G_DATE_AUGUST);
  /* The region step's empty date field takes it up for the age check. */
  pf_test_window_go_to (window, PF_STEP_REGION);
  g_assert_cmpstr (gtk_editable_get_text (pf_test_window_date_entry (window)), ==, "1974-08-12");
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_REGION), ==, PF_STEP_STATUS_OK);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  /* Clearing the field here leaves the date the region step took up. */
  type_detail (window, PF_FIELD_BIRTH_DATE, "");
  g_assert_true (pf_session_get_birth_date (session, NULL));

  /* The person corrects the reading: the correction is what counts. */
  type_into (pf_detail_field_get_document_entry (surname), "Erikson");
  g_assert_cmpstr (pf_session_get_correction (session, PF_FIELD_SURNAME), ==, "Erikson");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.surname")),
                   ==, PF_SEVERITY_OK);
  g_assert_cmpstr (pf_detail_field_get_diff_text (surname), ==, "");
  /* Typing the app's own reading again is no correction. */
  type_into (pf_detail_field_get_document_entry (surname), "Eriksson");
  g_assert_null (pf_session_get_correction (session, PF_FIELD_SURNAME));

  pf_test_window_free (window);
}

static void
test_keep (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfDetailField *given = pf_details_page_get_field (details_page (window), PF_FIELD_GIVEN_NAMES);
  g_autoptr(GPtrArray) entries = NULL;

  pf_test_window_go_to (window, PF_STEP_DETAILS);
  pf_test_ui_click (pf_test_ui_find_action (GTK_WIDGET (details_page (window)),
                                            "details.type-without-photo"));
  type_detail (window, PF_FIELD_GIVEN_NAMES, "Anna Maria");
  type_into (pf_detail_field_get_document_entry (given), "Anna María");

  pf_test_window_go (window, "win.next", NULL);
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_VALIDITY);
  pf_test_window_go_to (window, PF_STEP_SAFETY);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  g_assert_cmpstr (gtk_editable_get_text (pf_detail_field_get_typed_entry (given)), ==,
                   "Anna Maria");
  g_assert_cmpstr (document_text (window, PF_FIELD_GIVEN_NAMES), ==, "Anna María");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.given_names")),
                   !=, PF_SEVERITY_BLOCKER);

  /* Every entry has a name of its own for screen readers. */
  entries = pf_test_ui_find_all (GTK_WIDGET (details_page (window)), GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 2 * PF_N_FIELDS);

  /* Forgetting clears what was typed, in the session and on screen. */
  pf_session_forget (session);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_null (pf_session_get_detail (session, PF_FIELD_GIVEN_NAMES));
  g_assert_cmpstr (gtk_editable_get_text (pf_detail_field_get_typed_entry (given)), ==, "");
  g_assert_cmpstr (document_text (window, PF_FIELD_GIVEN_NAMES), ==, "");

  pf_test_window_free (window);
}

static void
wait_for_reading (PfDetailsPage *page)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (pf_details_page_get_state (page) == PF_DETAILS_STATE_READING &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* A real photo, read in the worker thread; a new photo cancels the
 * reading of the old one, and a tiny one is honestly unreadable. */
static void
test_reading (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *page = details_page (window);
  g_autoptr(PfImage) passport = pf_specimen_render_flat (PF_SPECIMEN_TD3, 7, 1000);
  g_autoptr(PfImage) other = pf_specimen_render_flat (PF_SPECIMEN_TD3, 11, 1000);
  g_autoptr(PfImage) tiny = pf_image_new (24, 16);

  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  pf_session_set_photo (session, other);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READING);

  /* A new photo while reading: the old reading is dropped. */
  pf_session_set_photo (session, passport);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READING);
  wait_for_reading (page);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READ);
  g_assert_true (pf_session_get_document_read (session));
  g_assert_nonnull (pf_session_get_mrz (session));
  g_assert_cmpstr (document_text (window, PF_FIELD_NATIONALITY), !=, "");
  g_assert_cmpstr (document_text (window, PF_FIELD_SURNAME), !=, "");

  /* Typing what the document shows matches. */
  type_detail (window, PF_FIELD_NATIONALITY, document_text (window, PF_FIELD_NATIONALITY));
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.nationality")),
                   ==, PF_SEVERITY_OK);

  /* Going back and forth does not read the same photo again. */
  pf_test_window_go_to (window, PF_STEP_PHOTO);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READ);

  /* Leaving while reading cancels; coming back reads again. */
  pf_session_set_photo (session, other);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READING);
  g_assert_false (pf_session_get_document_read (session));
  pf_test_window_go_to (window, PF_STEP_SAFETY);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_WAITING);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READING);

  /* Nothing to read: a clear state, and typing still works. */
  pf_session_set_photo (session, tiny);
  wait_for_reading (page);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_UNREADABLE);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "The document could not be read"));
  g_assert_cmpstr (document_text (window, PF_FIELD_NATIONALITY), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (
                     pf_detail_field_get_typed_entry (
                       pf_details_page_get_field (page, PF_FIELD_NATIONALITY))), !=, "");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.nationality")),
                   ==, PF_SEVERITY_CAUTION);

  pf_session_set_photo (session, NULL);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_NO_PHOTO);

  pf_test_window_free (window);
}

/* A document whose nationality was read nowhere: that detail says so, and
 * the details read with no doubt say nothing more than their verdicts. */
static void
test_doubt_not_read (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  GtkWidget *page = GTK_WIDGET (details_page (window));
  const char *printed[PF_N_FIELDS] = {
    [PF_FIELD_SURNAME] = "Eriksson",
    [PF_FIELD_GIVEN_NAMES] = "Anna Maria",
  };
  const char *mrz_values[PF_N_FIELDS] = {
    [PF_FIELD_SURNAME] = "ERIKSSON",
    [PF_FIELD_GIVEN_NAMES] = "ANNA MARIA",
    [PF_FIELD_BIRTH_DATE] = "1974-08-12",
    [PF_FIELD_DOCUMENT_NUMBER] = "L898902C3",
    [PF_FIELD_EXPIRY_DATE] = "2012-04-15",
  };
  const char *unsure = "The app is unsure of some details, marked below. Check them against the "
                       "document itself, and correct any character it misread.";
  g_autoptr(PfMrz) mrz = pf_mrz_parse (TD3_SPECIMEN, NULL, NULL);

  pf_test_window_go_to (window, PF_STEP_DETAILS);
  pf_test_ui_click (pf_test_ui_find_action (page, "details.type-without-photo"));
  /* Nothing read yet: nothing to doubt. */
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    assert_no_doubt (window, f);

  pf_session_set_document (session, printed, mrz_values, mrz);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpstr (doubt_text (window, PF_FIELD_NATIONALITY), ==, NOT_READ_NOTE);
  assert_doubt_shown (window, PF_FIELD_NATIONALITY);
  g_assert_nonnull (pf_test_ui_find_label (page, unsure));
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (f != PF_FIELD_NATIONALITY)
      assert_no_doubt (window, f);

  /* A detail read with confidence and typed alike: a match, no doubt. */
  type_detail (window, PF_FIELD_SURNAME, "Eriksson");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.surname")),
                   ==, PF_SEVERITY_OK);
  assert_no_doubt (window, PF_FIELD_SURNAME);

  /* Typed where nothing was read: the verdict, then the doubt. */
  type_detail (window, PF_FIELD_NATIONALITY, "UTO");
  g_assert_nonnull (finding_for (session, PF_STEP_DETAILS, "details.nationality"));
  assert_doubt_shown (window, PF_FIELD_NATIONALITY);

  /* What the person reads on the document is their own reading: the
   * doubt goes, and so do the page's words about it. */
  type_into (document_entry (window, PF_FIELD_NATIONALITY), "UTO");
  assert_no_doubt (window, PF_FIELD_NATIONALITY);
  g_assert_null (pf_test_ui_find_label (page, unsure));

  pf_session_forget (session);
  pf_test_ui_settle (GTK_WIDGET (window));
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    assert_no_doubt (window, f);

  pf_test_window_free (window);
}

/* A capture whose frames read the document number two ways (one frame
 * forged with L read as 1, which the check digits cannot see): the
 * detail lists both readings, one a line, in its note and to screen
 * readers; nothing is joined with "or". */
static void
test_doubt_frames (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *page = details_page (window);
  PfDetailField *number = pf_details_page_get_field (page, PF_FIELD_DOCUMENT_NUMBER);
  g_autoptr(PfImage) photo = NULL;
  g_autoptr(PfImage) same = NULL;
  g_autoptr(PfImage) forged = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  PfImage *frames[2];
  const char *text;
  GtkLabel *note;

  if (!mrz_test_font_available ())
    {
      g_test_skip ("the OCR-B font is not installed");
      pf_test_window_free (window);
      return;
    }
  photo = reading_test_draw_frame (TD3_SPECIMEN, 0, 7);
  frames[0] = same = reading_test_draw_frame (TD3_SPECIMEN, 1, 7);
  frames[1] = forged = reading_test_draw_frame (TD3_SWAPPED_NUMBER, 2, 7);

  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  pf_session_set_photo_with_frames (session, photo, frames, G_N_ELEMENTS (frames));
  wait_for_reading (page);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READ);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    g_test_message ("%s: “%s”", pf_field_get_id (f), doubt_text (window, f));

  text = doubt_text (window, PF_FIELD_DOCUMENT_NUMBER);
  g_assert_cmpstr (text, ==,
                   "The camera read this differently from one frame to the next:\n"
                   "“L898902C3”\n"
                   "“1898902C3”\n"
                   "Check which is right on your document itself, and correct the second box "
                   "if it is wrong.");
  assert_doubt_shown (window, PF_FIELD_DOCUMENT_NUMBER);
  /* On screen each reading is in a fixed-width font, where 1 and L, 0
   * and O look apart. */
  note = pf_test_ui_find_label (GTK_WIDGET (number), text);
  g_assert_nonnull (strstr (gtk_label_get_label (note), "<tt>L898902C3</tt>"));
  g_assert_nonnull (strstr (gtk_label_get_label (note), "<tt>1898902C3</tt>"));
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "Some details read differently"));
  labels = pf_test_ui_find_all (GTK_WIDGET (page), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    g_assert_null (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "C3 or "));

  /* The drawn document's printed fields hold random words, never the
   * MRZ's names: whatever the printed zone made of its surname, the
   * detail lists it and the MRZ's, each on a line. */
  text = doubt_text (window, PF_FIELD_SURNAME);
  g_assert_true (g_str_has_prefix (text, "The printed details and the machine-readable lines at "
                                         "the bottom of the document read this differently:\n“"));
  g_assert_nonnull (strstr (text, "”\n“ERIKSSON”\nCheck which is right"));
  assert_doubt_shown (window, PF_FIELD_SURNAME);

  /* The dates, read alike by every frame with their check digits, and
   * typed alike: a match, no doubt. */
  type_detail (window, PF_FIELD_BIRTH_DATE, "12 August 1974");
  g_assert_cmpint (pf_finding_get_severity (finding_for (session, PF_STEP_DETAILS,
                                                         "details.birth_date")),
                   ==, PF_SEVERITY_OK);
  assert_no_doubt (window, PF_FIELD_BIRTH_DATE);
  assert_no_doubt (window, PF_FIELD_EXPIRY_DATE);

  /* Typing one of the readings settles nothing: the doubt stays beside
   * the verdict, for the typed value's entry too. */
  type_detail (window, PF_FIELD_DOCUMENT_NUMBER, "L898902C3");
  assert_doubt_shown (window, PF_FIELD_DOCUMENT_NUMBER);
  /* The person's own reading of the document does. */
  type_into (document_entry (window, PF_FIELD_DOCUMENT_NUMBER), "1898902C3");
  assert_no_doubt (window, PF_FIELD_DOCUMENT_NUMBER);
  g_assert_null (pf_test_ui_find_label (GTK_WIDGET (page), "Some details read differently"));

  pf_test_window_free (window);
}

/* A passport whose expiry date's check digit fails (1 for 9: no cheap
 * misreading of one character makes it pass, so the reader cannot
 * settle it), read alone: the expiry date, the MRZ's alone, is in doubt;
 * the date of birth, whose digit passes, is not. */
static void
test_doubt_check_digit (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfDetailsPage *page = details_page (window);
  g_autoptr(PfImage) photo = NULL;

  if (!mrz_test_font_available ())
    {
      g_test_skip ("the OCR-B font is not installed");
      pf_test_window_free (window);
      return;
    }
  photo = reading_test_draw_frame ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO7408122F1204151ZE184226B<<<<<10",
                                   0, 7);

  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  pf_test_window_go_to (window, PF_STEP_DETAILS);
  pf_session_set_photo (session, photo);
  wait_for_reading (page);
  g_assert_cmpint (pf_details_page_get_state (page), ==, PF_DETAILS_STATE_READ);
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    g_test_message ("%s: “%s”", pf_field_get_id (f), doubt_text (window, f));

  g_assert_cmpstr (doubt_text (window, PF_FIELD_EXPIRY_DATE), ==,
                   "The machine-readable lines at the bottom of the document do not add up for "
                   "this, so the app may have misread it. Check it against your document "
                   "yourself, and correct the second box if it is wrong.");
  assert_doubt_shown (window, PF_FIELD_EXPIRY_DATE);
  assert_no_doubt (window, PF_FIELD_BIRTH_DATE);

  pf_test_window_free (window);
}

static PfSeverity
validity_severity (PfSession  *session,
                   const char *id)
{
  PfFinding *finding = finding_for (session, PF_STEP_VALIDITY, id);

  g_assert_nonnull (finding);
  return pf_finding_get_severity (finding);
}

static void
set_today (PfValidityPage *page,
           GDate          *today,
           int             year,
           GDateMonth      month,
           int             day)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, day, month, year);
  pf_validity_page_set_today (page, today);
}

static void
test_validity (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 960, 680);
  PfSession *session = pf_window_get_session (window);
  PfValidityPage *page = PF_VALIDITY_PAGE (pf_window_get_page (window, PF_STEP_VALIDITY));
  g_autoptr(GPtrArray) photo_findings = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  pf_test_window_go_to (window, PF_STEP_VALIDITY);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_VALIDITY), ==, PF_STEP_STATUS_UNCHECKED);

  /* From the typed expiry date alone. The day itself counts as expired. */
  pf_session_set_detail (session, PF_FIELD_EXPIRY_DATE, "15 April 2030");
  set_today (page, &today, 2030, G_DATE_APRIL, 15);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_BLOCKER);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page), "The document has expired"));
  set_today (page, &today, 2030, G_DATE_APRIL, 14);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_CAUTION);
  set_today (page, &today, 2030, G_DATE_MARCH, 16);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_CAUTION);
  set_today (page, &today, 2030, G_DATE_MARCH, 15);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_OK);
  set_today (page, &today, 2031, G_DATE_JANUARY, 1);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_BLOCKER);
  g_assert_cmpint (pf_session_get_status (session, PF_STEP_VALIDITY), ==, PF_STEP_STATUS_BLOCKER);

  /* The document's reading wins over the typed date: the specimen
   * passport expired on 15 April 2012. */
  set_today (page, &today, 2012, G_DATE_APRIL, 1);
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  give_reading (session, TD3_SPECIMEN);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_CAUTION);
  g_assert_cmpint (validity_severity (session, "validity.kind"), ==, PF_SEVERITY_OK);
  g_assert_cmpint (validity_severity (session, "validity.check-digits"), ==, PF_SEVERITY_OK);
  set_today (page, &today, 2011, G_DATE_APRIL, 1);
  g_assert_cmpint (validity_severity (session, "validity.expiry"), ==, PF_SEVERITY_OK);

  /* The kind chosen at the start against the kind the MRZ names. */
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_ID_CARD);
  g_assert_cmpint (validity_severity (session, "validity.kind"), ==, PF_SEVERITY_BLOCKER);
  give_reading (session, TD1_SPECIMEN);
  g_assert_cmpint (validity_severity (session, "validity.kind"), ==, PF_SEVERITY_OK);
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_RESIDENCE_PERMIT);
  g_assert_cmpint (validity_severity (session, "validity.kind"), ==, PF_SEVERITY_OK);
  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  g_assert_cmpint (validity_severity (session, "validity.kind"), ==, PF_SEVERITY_BLOCKER);
  give_reading (session, MRV_A_SPECIMEN);
  g_assert_cmpint (validity_severity (session, "validity.kind"), ==, PF_SEVERITY_BLOCKER);

  /* A check digit that fails: the specimen with its document number's
   * check digit changed. */
  give_reading (session,
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                "L898902C37UTO7408122F1204159ZE184226B<<<<<10");
  g_assert_cmpint (validity_severity (session, "validity.check-digits"), ==, PF_SEVERITY_CAUTION);

  /* The photo step's copy check. */
  g_ptr_array_add (photo_findings, pf_finding_new ("photo.copy", PF_SEVERITY_BLOCKER,
                                                   "A black-and-white copy", "advice"));
  pf_session_set_findings (session, PF_STEP_PHOTO, photo_findings);
  g_assert_cmpint (validity_severity (session, "validity.copy"), ==, PF_SEVERITY_BLOCKER);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (page),
                                           "Copies and screens are commonly refused"));

  pf_test_window_free (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pf_test_ui_init (&argc, &argv);
  application = pf_test_application_new ();

  g_test_add_func ("/pf/ui/details/empty", test_empty);
  g_test_add_func ("/pf/ui/details/compare", test_compare);
  g_test_add_func ("/pf/ui/details/keep", test_keep);
  g_test_add_func ("/pf/ui/details/reading", test_reading);
  g_test_add_func ("/pf/ui/details/doubt-not-read", test_doubt_not_read);
  g_test_add_func ("/pf/ui/details/doubt-frames", test_doubt_frames);
  g_test_add_func ("/pf/ui/details/doubt-check-digit", test_doubt_check_digit);
  g_test_add_func ("/pf/ui/details/validity", test_validity);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
