/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details page's reading of the document photo: in a worker thread,
 * with the live camera's last frames where the photo came with them, so
 * that the frames vote on each field. A new photo, or leaving the page,
 * cancels the reading; a reading of a photo no longer chosen is dropped.
 * What was read goes into the session, in memory only, and why each
 * field may be misread stays with the page for the form to show. */

#include "config.h"

#include "pf-details-page-private.h"

typedef struct
{
  PfImage        *photo;
  GPtrArray      *frames;  /* the live camera's, or NULL */
  PfDocumentKind  kind;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_pointer (&job->photo, pf_image_unref);
  g_clear_pointer (&job->frames, g_ptr_array_unref);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  PfReadOptions options = { 0 };
  PfReading *reading;

  /* A captured photo is read again in the frames the camera saw just
   * before it, which vote on each field; a frame's printed zone would
   * cost Tesseract's time for little, its MRZ a tenth of that. */
  options.kind = job->kind;
  options.frames_mrz_only = TRUE;
  reading = pf_read_document_frames (job->photo,
                                     job->frames != NULL ? (PfImage **) job->frames->pdata : NULL,
                                     job->frames != NULL ? job->frames->len : 0, &options,
                                     cancellable, &error);

  if (reading != NULL)
    g_task_return_pointer (task, reading, (GDestroyNotify) pf_reading_unref);
  else
    g_task_return_error (task, error);
}

static gboolean
reading_has_anything (PfReading *reading)
{
  if (pf_reading_get_mrz (reading) != NULL)
    return TRUE;
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    if (pf_reading_get_value (reading, f) != NULL)
      return TRUE;
  return FALSE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PfDetailsPage *self = PF_DETAILS_PAGE (source);
  GTask *task = G_TASK (result);
  ReadJob *job = g_task_get_task_data (task);
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  g_autoptr(PfReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  const char *printed[PF_N_FIELDS], *mrz_values[PF_N_FIELDS];

  reading = g_task_propagate_pointer (task, &error);

  /* A reading that was cancelled, or is of a photo no longer chosen, is
   * dropped: whoever cancelled it has already moved the page on. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || session == NULL ||
      job->photo != pf_session_get_photo (session))
    return;

  g_clear_object (&self->cancellable);
  pf_details_page_forget_doubts (self);

  if (reading == NULL || !reading_has_anything (reading))
    {
      pf_details_page_set_state (self, PF_DETAILS_STATE_UNREADABLE, NULL);
      pf_session_set_document (session, NULL, NULL, NULL);
      pf_details_page_set_state (self, PF_DETAILS_STATE_UNREADABLE,
                                 error != NULL ? error->message : NULL);
      return;
    }

  /* The doubts first: giving the session the document compares at once,
   * and the form shows them then. */
  for (PfField f = 0; f < PF_N_FIELDS; f++)
    {
      printed[f] = pf_reading_get_printed_value (reading, f);
      mrz_values[f] = pf_reading_get_mrz_value (reading, f);
      self->doubts[f] = pf_reading_get_doubt (reading, f);
    }

  if (pf_reading_get_vote (reading) != NULL)
    self->vote = pf_reading_vote_ref (pf_reading_get_vote (reading));
  pf_details_page_set_state (self, PF_DETAILS_STATE_READ, NULL);
  pf_session_set_document (session, printed, mrz_values, pf_reading_get_mrz (reading));
}

void
pf_details_page_stop_reading (PfDetailsPage *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reading_photo, pf_image_unref);
}

/* Reads the session's photo unless it has been read, or is being read. */
void
pf_details_page_start_reading (PfDetailsPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  g_autoptr(GTask) task = NULL;
  PfImage *photo;
  ReadJob *job;

  if (session == NULL)
    return;

  photo = pf_session_get_photo (session);
  if (photo == NULL)
    {
      if (self->state != PF_DETAILS_STATE_READ || !pf_session_get_document_read (session))
        pf_details_page_set_state (self, PF_DETAILS_STATE_NO_PHOTO, NULL);
      return;
    }

  if (photo == self->reading_photo &&
      (self->cancellable != NULL || pf_session_get_document_read (session)))
    return;

  pf_details_page_stop_reading (self);
  self->reading_photo = pf_image_ref (photo);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (ReadJob, 1);
  job->photo = pf_image_ref (photo);
  if (pf_session_get_photo_frames (session) != NULL)
    job->frames = g_ptr_array_ref (pf_session_get_photo_frames (session));
  job->kind = pf_session_get_document_kind (session);

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, pf_details_page_start_reading);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);

  pf_details_page_set_state (self, PF_DETAILS_STATE_READING, NULL);
}
