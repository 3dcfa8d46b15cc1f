/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary page's export: the person chooses where (through the portal
 * inside Flatpak), a worker thread draws the PDF (pf-summary-pdf.c) from a
 * snapshot of the session that holds only what the report shows, and the
 * file is written asynchronously; the export button is busy meanwhile and
 * a toast says how it went. Part of PfSummaryPage (pf-summary-page.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-summary-page-private.h"
#include "pf-summary-pdf.h"

/* What the worker needs to draw the report: nothing it shares with the
 * page. The session is a copy holding only what the report shows; the
 * typed details and the photo only when the person asked for them. */
typedef struct
{
  PfSession *snapshot;
  GArray    *steps;
  char      *headline;
  char      *advice;
  gboolean   include_personal;
  GFile     *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->snapshot);
  g_clear_pointer (&data->steps, g_array_unref);
  g_free (data->headline);
  g_free (data->advice);
  g_clear_object (&data->file);
  g_free (data);
}

static PfSession *
snapshot_session (PfSession *session,
                  gboolean   include_personal)
{
  PfSession *snapshot = pf_session_new ();
  GDate birth_date;

  pf_session_set_document_kind (snapshot, pf_session_get_document_kind (session));
  for (PfStep step = 0; step < PF_N_STEPS; step++)
    {
      GPtrArray *findings = pf_session_get_findings (session, step);

      if (findings != NULL)
        pf_session_set_findings (snapshot, step, findings);
    }

  if (!include_personal)
    return snapshot;

  for (PfField field = 0; field < PF_N_FIELDS; field++)
    pf_session_set_detail (snapshot, field, pf_session_get_detail (session, field));
  if (pf_session_get_birth_date (session, &birth_date))
    pf_session_set_birth_date (snapshot, &birth_date);
  pf_session_set_photo (snapshot, pf_session_get_photo (session));

  return snapshot;
}

/* Shows that the report is being made, and keeps a second export from
 * starting meanwhile. */
static void
set_exporting (PfSummaryPage *self,
               gboolean       exporting)
{
  /* Disposed meanwhile (the export was cancelled): nothing to show. */
  if (self->cancellable == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export", !exporting);
  gtk_widget_set_visible (self->export_spinner, exporting);
  gtk_spinner_set_spinning (GTK_SPINNER (self->export_spinner), exporting);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->export_button),
                               GTK_ACCESSIBLE_STATE_BUSY, exporting,
                               -1);
}

static void
export_failed (GTask  *task,
               GError *error)
{
  PfSummaryPage *self = g_task_get_source_object (task);

  set_exporting (self, FALSE);
  g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PfSummaryPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = pf_summary_pdf_describe_error (error);

          /* The way on: choose another place, from the toast itself. */
          pf_summary_page_show_toast (self, message, _("_Choose Another Place"), "summary.export");
        }
      export_failed (task, g_steal_pointer (&error));
      return;
    }

  set_exporting (self, FALSE);
  pf_summary_page_show_toast (self, _("Report saved"), NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

/* In a worker thread: cairo and Pango draw the report from the snapshot. */
static void
render_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;
  GBytes *pdf;

  pdf = pf_summary_pdf_render (data->snapshot, (const PfStep *) data->steps->data,
                               data->steps->len, data->headline, data->advice,
                               data->include_personal, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PfSummaryPage *self = PF_SUMMARY_PAGE (object);
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) pdf = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  pdf = g_task_propagate_pointer (G_TASK (result), &error);
  if (pdf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pf_summary_page_show_toast (self, error->message, NULL, NULL);
      export_failed (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_file_replace_contents_bytes_async (data->file, pdf, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, export_done_cb, g_steal_pointer (&task));
}

/**
 * pf_summary_page_export_async:
 * @file: where to write the PDF
 *
 * Writes the report to @file (through a temporary file that replaces it at
 * the end), with the person's details and photo only when the page's box
 * for them is ticked. The report is drawn in a worker thread, so the
 * window stays responsive; the export button is busy meanwhile. Tells the
 * person how it went in a toast.
 */
void
pf_summary_page_export_async (PfSummaryPage       *self,
                              GFile               *file,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  PfSession *session;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) render = NULL;
  ExportData *data;

  g_return_if_fail (PF_IS_SUMMARY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, pf_summary_page_export_async);
  session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  data = g_new0 (ExportData, 1);
  data->include_personal = gtk_check_button_get_active (self->include_check);
  data->snapshot = snapshot_session (session, data->include_personal);
  data->steps = g_array_new (FALSE, FALSE, sizeof (PfStep));
  data->headline = g_strdup (gtk_label_get_label (self->headline_label));
  data->advice = g_strdup (gtk_label_get_label (self->advice_label));
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  /* Each step is listed once in the "not checked yet" group. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->boxes[PF_SUMMARY_GROUP_UNCHECKED]);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PfStep step = pf_summary_step_get_step (PF_SUMMARY_STEP (child));

      g_array_append_val (data->steps, step);
    }

  set_exporting (self, TRUE);
  render = g_task_new (self, self->cancellable, render_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (render, render_thread_cb);
  g_task_set_task_data (render, data, NULL);
  g_task_run_in_thread (render, render_thread_cb);
}

gboolean
pf_summary_page_export_finish (PfSummaryPage  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
chooser_response_cb (PfSummaryPage        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    pf_summary_page_export_async (self, file, NULL, NULL);
}

/* The "summary.export" action. */
void
pf_summary_page_export_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PfSummaryPage *self = PF_SUMMARY_PAGE (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  /* The native chooser goes through the portal inside Flatpak, so the app
   * writes only where the person points it. */
  self->chooser = gtk_file_chooser_native_new (_("Export the Report"),
                                               GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name of the exported report. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     _("verification-report.pdf"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

