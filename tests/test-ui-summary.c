/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary step: findings grouped into must fix, worth changing and
 * passed, each leading back to its step; the ticket draft and its privacy;
 * the copy button; the PDF export with and without the person's details,
 * and when the disk says no; the preferences window and GSettings; the
 * per-step help. */

#include "config.h"

#include <glib/gstdio.h>

#include "pf-help-window.h"
#include "pf-finding-row.h"
#include "pf-preferences-window.h"
#include "pf-summary-page.h"
#include "pf-summary-pdf.h"
#include "pf-summary-step.h"
#include "pf-ticket.h"
#include "test-ui-window.h"

/* Typed details no export may show unless asked, and no ticket ever. */
static const char *typed[PF_N_FIELDS] = {
  [PF_FIELD_SURNAME] = "ZWEISTEINOVA",
  [PF_FIELD_GIVEN_NAMES] = "Ottilie Marguerite",
  [PF_FIELD_BIRTH_DATE] = "1974-08-12",
  [PF_FIELD_NATIONALITY] = "Utopian",
  [PF_FIELD_DOCUMENT_NUMBER] = "X7Q4418KD",
  [PF_FIELD_EXPIRY_DATE] = "2031-04-05",
};

static PfApplication *application;

static void
add_finding (GPtrArray  *findings,
             const char *id,
             PfSeverity  severity,
             const char *title,
             const char *advice)
{
  g_ptr_array_add (findings, pf_finding_new (id, severity, title, advice));
}

/* A session halfway through: a passport, the typed details, a photo with a
 * blocker, a caution and a pass, a details finding that quotes the surname
 * (as a real comparison may), and the scam check passed. */
static void
fill_session (PfSession *session)
{
  g_autoptr(GPtrArray) photo = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) safety = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PfImage) image = pf_image_new (320, 200);
  guint8 *pixels = pf_image_get_data_mutable (image);
  GDate birth;

  pf_session_set_document_kind (session, PF_DOCUMENT_KIND_PASSPORT);
  for (PfField field = 0; field < PF_N_FIELDS; field++)
    pf_session_set_detail (session, field, typed[field]);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 12, G_DATE_AUGUST, 1974);
  pf_session_set_birth_date (session, &birth);

  /* A photo with some structure, so that its copy in the PDF is an image. */
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 320; x++)
      {
        guint8 *p = pixels + y * pf_image_get_stride (image) + x * 4;

        p[0] = x * 255 / 320;
        p[1] = y * 255 / 200;
        p[2] = (x ^ y) & 0xff;
        p[3] = 255;
      }
  pf_session_set_photo (session, image);

  add_finding (photo, "photo.outline", PF_SEVERITY_BLOCKER, "A corner is cut off",
               "Move back until all four corners are in the picture.");
  add_finding (photo, "photo.glare", PF_SEVERITY_CAUTION, "A reflection covers the text",
               "Move away from the window or tilt the card slightly.");
  add_finding (photo, "photo.blur", PF_SEVERITY_OK, "The photo is sharp", "Nothing to change.");
  pf_session_set_findings (session, PF_STEP_PHOTO, photo);

  add_finding (details, "details.surname", PF_SEVERITY_CAUTION,
               "The surname ZWEISTEINOVA differs from the document",
               "Type ZWEISTEINOVA exactly as the document shows it.");
  pf_session_set_findings (session, PF_STEP_DETAILS, details);

  add_finding (safety, "safety.quiz", PF_SEVERITY_OK, "You spotted every scam", "Well done.");
  pf_session_set_findings (session, PF_STEP_SAFETY, safety);
}

static void
assert_private (const char *text)
{
  for (PfField field = 0; field < PF_N_FIELDS; field++)
    g_assert_null (strstr (text, typed[field]));
  /* The given names one by one, and the date of birth as numbers. */
  g_assert_null (strstr (text, "Ottilie"));
  g_assert_null (strstr (text, "Marguerite"));
  g_assert_null (strstr (text, "1974"));
  g_assert_null (strstr (text, "12.08"));
  g_assert_null (strstr (text, "08/12"));
  g_assert_null (strstr (text, "X7Q4418KD"));
}

static GtkWidget *
summary_page (PfWindow *window)
{
  return GTK_WIDGET (pf_window_get_page (window, PF_STEP_SUMMARY));
}

/* The finding ids shown in @group, in order, separated by spaces. */
static char *
ids_in_group (GtkWidget      *summary,
              PfSummaryGroup  group)
{
  g_autoptr(GPtrArray) steps = pf_test_ui_find_all (summary, PF_TYPE_SUMMARY_STEP);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      PfSummaryStep *step = g_ptr_array_index (steps, i);
      g_autoptr(GPtrArray) rows = NULL;

      if (pf_summary_step_get_group (step) != group || !gtk_widget_get_visible (GTK_WIDGET (step)))
        continue;

      rows = pf_test_ui_find_all (GTK_WIDGET (step), PF_TYPE_FINDING_ROW);
      for (guint j = 0; j < rows->len; j++)
        {
          if (ids->len > 0)
            g_string_append_c (ids, ' ');
          g_string_append (ids,
                           pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, j))));
        }
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static gboolean
has_id (const char *ids,
        const char *id)
{
  g_auto(GStrv) list = g_strsplit (ids, " ", -1);

  return g_strv_contains ((const char * const *) list, id);
}

static PfFindingRow *
finding_row (GtkWidget  *summary,
             const char *id)
{
  g_autoptr(GPtrArray) rows = pf_test_ui_find_all (summary, PF_TYPE_FINDING_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (pf_finding_get_id (pf_finding_row_get_finding (g_ptr_array_index (rows, i))),
                     id))
      return g_ptr_array_index (rows, i);

  return NULL;
}

static void
test_groups (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  GtkWidget *summary = summary_page (window);
  g_autofree char *blockers = NULL;
  g_autofree char *cautions = NULL;
  g_autofree char *passed = NULL;
  g_autofree char *ids_all = NULL;
  PfFindingRow *row;

  fill_session (session);
  pf_test_window_go_to (window, PF_STEP_SUMMARY);

  blockers = ids_in_group (summary, PF_SUMMARY_GROUP_BLOCKERS);
  cautions = ids_in_group (summary, PF_SUMMARY_GROUP_CAUTIONS);
  passed = ids_in_group (summary, PF_SUMMARY_GROUP_PASSED);
  ids_all = g_strjoin (" ", blockers, cautions, passed, NULL);
  /* Other steps react to the session too (the document kind, the typed
   * expiry date), so look for these findings rather than only these. */
  g_assert_true (has_id (blockers, "photo.outline"));
  g_assert_false (has_id (blockers, "photo.glare") || has_id (blockers, "photo.blur"));
  g_assert_true (has_id (cautions, "photo.glare"));
  g_assert_false (has_id (cautions, "photo.outline") || has_id (cautions, "photo.blur"));
  /* The details step is listed only when the wizard has it. */
  g_assert_true (has_id (cautions, "details.surname") ==
                 (pf_window_get_page (window, PF_STEP_DETAILS) != NULL));
  g_assert_true (has_id (passed, "photo.blur"));
  g_assert_true (has_id (passed, "safety.quiz"));
  g_assert_false (has_id (passed, "photo.glare") || has_id (passed, "photo.outline"));
  /* Blockers, then cautions, then passed, in the page's order. */
  g_assert_true (strstr (ids_all, "photo.outline") < strstr (ids_all, "photo.glare"));
  g_assert_true (strstr (ids_all, "photo.glare") < strstr (ids_all, "photo.blur"));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Must Be Fixed"));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Something Must Be Fixed First"));

  /* The reminder after passing is not shown while something is open. */
  g_assert_null (pf_test_ui_find_label (summary, "Once You Are Verified"));

  /* A finding leads back to its step. */
  row = finding_row (summary, "safety.quiz");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_widget_activate (GTK_WIDGET (row));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_cmpint (pf_test_window_visible_step (window), ==, PF_STEP_SAFETY);

  /* Once everything the wizard has passed, the reminder shows. */
  for (PfStep step = PF_STEP_START; step < PF_STEP_SUMMARY; step++)
    if (pf_window_get_page (window, step) != NULL)
      {
        g_autoptr(GPtrArray) fine = g_ptr_array_new_with_free_func (g_object_unref);

        add_finding (fine, "test.fine", PF_SEVERITY_OK, "Fine", "Nothing to change.");
        pf_session_set_findings (session, step, fine);
      }
  pf_test_window_go_to (window, PF_STEP_SUMMARY);
  g_assert_nonnull (pf_test_ui_find_label (summary, "Once You Are Verified"));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Set up two-factor authentication"));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Set an anti-phishing code"));
  g_assert_null (pf_test_ui_find_label (summary, "Must Be Fixed"));

  pf_test_window_free (window);
}

static void
test_ticket (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  PfSession *session = pf_window_get_session (window);
  GtkWidget *summary = summary_page (window);
  g_autofree char *ticket = NULL;
  g_autofree char *core_ticket = NULL;
  GtkWidget *waited;

  fill_session (session);
  pf_test_window_go_to (window, PF_STEP_SUMMARY);

  ticket = pf_summary_page_get_ticket (PF_SUMMARY_PAGE (summary));
  assert_private (ticket);
  g_assert_null (strstr (ticket, "differs from the document"));
  g_assert_nonnull (strstr (ticket, "Document: Passport"));
  g_assert_nonnull (strstr (ticket, "Document photo: 1 of 3 checks passed (photo.blur); "
                                    "must be fixed: photo.outline; worth changing: photo.glare."));
  g_assert_nonnull (strstr (ticket, "Stay safe: the 1 check passed (safety.quiz)."));
  g_assert_null (strstr (ticket, "What I tried"));

  /* What was tried, from the ticks. */
  waited = gtk_widget_get_parent (GTK_WIDGET (pf_test_ui_find_label (summary,
                                                "Wait a while before trying again")));
  while (waited != NULL && !ADW_IS_ACTION_ROW (waited))
    waited = gtk_widget_get_parent (waited);
  g_assert_nonnull (waited);
  gtk_widget_activate (waited);
  g_clear_pointer (&ticket, g_free);
  ticket = pf_summary_page_get_ticket (PF_SUMMARY_PAGE (summary));
  g_assert_nonnull (strstr (ticket, "What I tried:\n- I waited a while before trying again.\n"));
  g_assert_null (strstr (ticket, "phone app"));
  assert_private (ticket);

  /* The core builds the same text, and nothing typed reaches it either. */
  core_ticket = pf_ticket_build (session, PF_TICKET_TRIED_WAITED | PF_TICKET_TRIED_PHONE_APP |
                                          PF_TICKET_TRIED_STABLE_CONNECTION);
  assert_private (core_ticket);
  g_assert_nonnull (strstr (core_ticket, "- I tried your phone app.\n"));

  pf_test_window_free (window);
}

static void
got_text_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  GtkWidget *summary = summary_page (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (summary);
  g_autofree char *ticket = NULL;
  g_autofree char *pasted = NULL;
  GtkWidget *button;

  fill_session (pf_window_get_session (window));
  pf_test_window_go_to (window, PF_STEP_SUMMARY);
  gdk_clipboard_set_text (clipboard, "something else");

  button = pf_test_ui_find_action (summary, "summary.copy-ticket");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Copy the ticket draft");
  pf_test_ui_click (button);

  gdk_clipboard_read_text_async (clipboard, NULL, got_text_cb, &pasted);
  while (pasted == NULL)
    g_main_context_iteration (NULL, TRUE);
  ticket = pf_summary_page_get_ticket (PF_SUMMARY_PAGE (summary));
  g_assert_cmpstr (pasted, ==, ticket);

  /* A toast confirms it. */
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Ticket draft copied"));

  pf_test_window_free (window);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = pf_summary_page_export_finish (PF_SUMMARY_PAGE (source), result, error);

  g_assert_true (ok == (*error == NULL));
  /* Marks that the export is over, with or without an error. */
  if (ok)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports to @path and waits; returns the error, or one with the code
 * G_IO_ERROR_EXISTS for success. */
static GError *
export_to (GtkWidget  *summary,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;

  GtkLabel *label = pf_test_ui_find_label (summary, "Export PDF…");
  GtkWidget *button = label != NULL ? gtk_widget_get_parent (GTK_WIDGET (label)) : NULL;

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_sensitive (button));

  pf_summary_page_export_async (PF_SUMMARY_PAGE (summary), file, exported_cb, &error);
  /* The report is drawn in a worker thread: meanwhile the button is busy
   * and a second export cannot start. */
  g_assert_false (gtk_widget_get_sensitive (button));
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (button));
  return error;
}

static char *
pdf_to_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
assert_pdf (const char *path,
            char      **text)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  *text = pdf_to_text (path);
}

/* pdftotext may break lines anywhere: compare with whitespace squeezed. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether the PDF holds an image; it is binary, so no string search. */
static gboolean
has_image (const char *bytes,
           gsize       length)
{
  static const char needle[] = "/Subtype /Image";

  for (gsize i = 0; i + sizeof needle - 1 <= length; i++)
    if (memcmp (bytes + i, needle, sizeof needle - 1) == 0)
      return TRUE;

  return FALSE;
}

static void
test_export (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  GtkWidget *summary = summary_page (window);
  g_autofree char *dir = g_dir_make_tmp ("pf-summary-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *full = g_build_filename (dir, "report-full.pdf", NULL);
  g_autofree char *plain_text = NULL;
  g_autofree char *full_text = NULL;
  g_autofree char *plain_bytes = NULL;
  g_autofree char *full_bytes = NULL;
  gsize plain_length, full_length;
  GtkWidget *include;
  GError *error;

  g_assert_nonnull (dir);
  fill_session (pf_window_get_session (window));
  pf_test_window_go_to (window, PF_STEP_SUMMARY);
  g_assert_nonnull (pf_test_ui_find_action (summary, "summary.export"));

  /* Without the box: the findings and advice, nothing personal, no image. */
  error = export_to (summary, plain);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  assert_pdf (plain, &plain_text);
  g_assert_true (g_file_get_contents (plain, &plain_bytes, &plain_length, NULL));
  g_assert_false (has_image (plain_bytes, plain_length));
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_nonnull (pf_test_ui_find_label (summary, "Report saved"));

  /* With the box: the typed details and the photo, as the box says. */
  include = gtk_widget_get_parent (GTK_WIDGET (pf_test_ui_find_label (summary,
                                                 "Include my details and the document photo")));
  while (include != NULL && !ADW_IS_ACTION_ROW (include))
    include = gtk_widget_get_parent (include);
  g_assert_nonnull (include);
  gtk_widget_activate (include);
  error = export_to (summary, full);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  assert_pdf (full, &full_text);
  g_assert_true (g_file_get_contents (full, &full_bytes, &full_length, NULL));
  g_assert_true (has_image (full_bytes, full_length));

  if (plain_text == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is not installed: the PDFs' text is not checked");
      g_test_fail ();
    }
  else
    {
      g_autofree char *plain_words = squeeze (plain_text);
      g_autofree char *full_words = squeeze (full_text);

      g_assert_nonnull (strstr (plain_words, "Document photo: A corner is cut off"));
      g_assert_nonnull (strstr (plain_words, "Move back until all four corners are in the picture."));
      g_assert_nonnull (strstr (plain_words, "Document photo: A reflection covers the text"));
      g_assert_nonnull (strstr (plain_words, "Stay safe: You spotted every scam"));
      g_assert_nonnull (strstr (plain_words, "Then open an official ticket"));
      g_assert_nonnull (strstr (plain_words, "Document: Passport"));
      assert_private (plain_words);
      g_assert_null (strstr (plain_words, "ZWEISTEIN"));

      g_assert_nonnull (strstr (full_words, "ZWEISTEINOVA"));
      g_assert_nonnull (strstr (full_words, "X7Q4418KD"));
      g_assert_nonnull (strstr (full_words, "Ottilie Marguerite"));
      g_assert_nonnull (strstr (full_words, "The document photo, made smaller:"));
    }

  g_assert_cmpint (g_remove (plain), ==, 0);
  g_assert_cmpint (g_remove (full), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  pf_test_window_free (window);
}

static void
test_export_errors (void)
{
  PfWindow *window = pf_test_window_new (NULL, 0, 0);
  GtkWidget *summary = summary_page (window);
  g_autofree char *dir = g_dir_make_tmp ("pf-summary-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone", "report.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GFile) full = g_file_new_for_path ("/dev/full");
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) write_error = NULL;
  GError *error;

  fill_session (pf_window_get_session (window));
  pf_test_window_go_to (window, PF_STEP_SUMMARY);

  /* A folder that is not there: a clear message with a way on. */
  error = export_to (summary, missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  pf_test_ui_settle (GTK_WIDGET (window));
  g_assert_nonnull (pf_test_ui_find_label (summary, "That folder is not there any more. Save the "
                                                    "report somewhere else."));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A device that is not a file: refused, nothing written. */
  error = export_to (summary, "/dev/full");
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_clear_error (&error);

  /* A full disk, as the kernel reports it: the message says so. */
  stream = g_file_append_to (full, G_FILE_CREATE_NONE, NULL, &write_error);
  g_assert_no_error (write_error);
  g_assert_false (g_output_stream_write_all (G_OUTPUT_STREAM (stream), "%PDF-1.5\n", 9, NULL,
                                             NULL, &write_error));
  g_assert_error (write_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  message = pf_summary_pdf_describe_error (write_error);
  g_assert_cmpstr (message, ==, "The disk is full. Free some space, or save the report somewhere "
                                "else.");

  /* The page stays usable: the next export works. */
  error = export_to (summary, good);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_remove (good), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  pf_test_window_free (window);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences = pf_preferences_window_new (NULL);
  GtkSpinButton *spin;
  GtkSwitch *toggle;
  g_autoptr(GPtrArray) combos = NULL;
  AdwComboRow *glare = NULL, *camera = NULL;
  char *chosen;

  g_object_ref (preferences);
  gtk_window_present (GTK_WINDOW (preferences));
  pf_test_ui_settle (preferences);

  spin = GTK_SPIN_BUTTON (pf_test_ui_find (preferences, GTK_TYPE_SPIN_BUTTON));
  toggle = GTK_SWITCH (pf_test_ui_find (preferences, GTK_TYPE_SWITCH));
  combos = pf_test_ui_find_all (preferences, ADW_TYPE_COMBO_ROW);
  for (guint i = 0; i < combos->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (combos, i));

      if (g_str_equal (title, "_Glare check"))
        glare = g_ptr_array_index (combos, i);
      else if (g_str_equal (title, "_Camera"))
        camera = g_ptr_array_index (combos, i);
    }
  g_assert_nonnull (glare);
  g_assert_nonnull (camera);

  /* The controls show the settings... */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 18);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpuint (adw_combo_row_get_selected (glare), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (camera), ==, 0);

  /* ...and change them. */
  gtk_spin_button_set_value (spin, 21);
  g_assert_cmpint (g_settings_get_int (settings, "minimum-age"), ==, 21);
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "auto-capture"));
  adw_combo_row_set_selected (glare, 2);
  g_assert_cmpint (g_settings_get_int (settings, "glare-strictness"), ==, 2);

  /* A camera chosen before but not plugged in stays chosen, and listed. */
  g_settings_set_string (settings, "camera", "/dev/video-test-absent");
  g_assert_cmpuint (adw_combo_row_get_selected (camera), >, 0);
  chosen = g_settings_get_string (settings, "camera");
  g_assert_cmpstr (chosen, ==, "/dev/video-test-absent");
  g_free (chosen);
  adw_combo_row_set_selected (camera, 0);
  chosen = g_settings_get_string (settings, "camera");
  g_assert_cmpstr (chosen, ==, "");
  g_free (chosen);

  /* Every control has a name for screen readers: rows label their widgets. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (spin)) ||
                 gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (spin))));

  g_settings_reset (settings, "minimum-age");
  g_settings_reset (settings, "auto-capture");
  g_settings_reset (settings, "glare-strictness");
  g_settings_reset (settings, "camera");

  gtk_window_destroy (GTK_WINDOW (preferences));
  pf_test_ui_settle (preferences);
  g_assert_finalize_object (preferences);
}

static void
test_app_actions (void)
{
  PfWindow *window = pf_test_window_new (ADW_APPLICATION (application), 0, 0);
  g_auto(GStrv) help_accels = NULL;
  g_auto(GStrv) preferences_accels = NULL;
  GtkWindow *help;
  GtkWindow *preferences;

  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.help");
  preferences_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                              "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "F1"));
  g_assert_true (g_strv_contains ((const char * const *) preferences_accels, "<Control>comma"));

  /* The header's help button opens the help of the step shown. */
  pf_test_window_go_to (window, PF_STEP_SAFETY);
  g_assert_nonnull (pf_test_ui_find_action (GTK_WIDGET (window), "app.help"));
  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  pf_test_ui_settle (GTK_WIDGET (window));
  help = pf_test_ui_find_toplevel (PF_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  g_assert_cmpint (pf_help_window_get_step (PF_HELP_WINDOW (help)), ==, PF_STEP_SAFETY);
  g_assert_nonnull (pf_test_ui_find_label (GTK_WIDGET (help), "Why Services Care"));
  gtk_window_destroy (help);

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  pf_test_ui_settle (GTK_WIDGET (window));
  preferences = pf_test_ui_find_toplevel (PF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  gtk_window_destroy (preferences);

  pf_test_window_free (window);
}

static void
test_help_topics (void)
{
  /* Every step has its own help, in two parts, and no step shares another's. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (PfStep step = PF_STEP_START; step < PF_N_STEPS; step++)
    {
      GtkWidget *help = pf_help_window_new (NULL, step);
      g_autoptr(GPtrArray) labels = NULL;
      guint n_long = 0;

      g_object_ref_sink (help);
      g_assert_cmpint (pf_help_window_get_step (PF_HELP_WINDOW (help)), ==, step);
      g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (help)),
                                       pf_step_get_title (step)));
      labels = pf_test_ui_find_all (help, GTK_TYPE_LABEL);
      for (guint i = 0; i < labels->len; i++)
        {
          const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

          if (strlen (text) > 80 && !g_str_has_prefix (text, "Everything stays"))
            {
              n_long++;
              g_assert_true (g_hash_table_add (seen, g_strdup (text)));
            }
        }
      g_assert_cmpuint (n_long, ==, 2);
      gtk_window_destroy (GTK_WINDOW (help));
      g_object_unref (help);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pf_test_ui_init (&argc, &argv);
  application = pf_test_application_new ();

  g_test_add_func ("/pf/ui/summary/groups", test_groups);
  g_test_add_func ("/pf/ui/summary/ticket", test_ticket);
  g_test_add_func ("/pf/ui/summary/copy", test_copy);
  g_test_add_func ("/pf/ui/summary/export", test_export);
  g_test_add_func ("/pf/ui/summary/export-errors", test_export_errors);
  g_test_add_func ("/pf/ui/summary/preferences", test_preferences);
  g_test_add_func ("/pf/ui/summary/app-actions", test_app_actions);
  g_test_add_func ("/pf/ui/summary/help-topics", test_help_topics);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
