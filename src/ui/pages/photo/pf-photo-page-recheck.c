/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo page's second look: when the glare strictness changes in
 * Preferences, the photos already taken are checked again with the new
 * setting, so that the result shown (and the session, once the photo is
 * used) never speaks of a strictness the person has left. The checks run
 * in a worker thread on copies of the photos; a newer photo, a newer
 * change or the page going away makes the result moot. */

#include "config.h"

#include "pf-photo-page-private.h"

typedef struct
{
  PfImage        *images[PF_PHOTO_MAX_SIDES];   /* the page's, to know them again */
  PfPhotoReport  *reports[PF_PHOTO_MAX_SIDES];
  PfPhotoOptions  options;
} Recheck;

static void
recheck_free (gpointer data)
{
  Recheck *r = data;

  for (guint i = 0; i < PF_PHOTO_MAX_SIDES; i++)
    {
      g_clear_pointer (&r->images[i], pf_image_unref);
      g_clear_pointer (&r->reports[i], pf_photo_report_unref);
    }
  g_free (r);
}

static void
recheck_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Recheck *r = task_data;

  for (guint i = 0; i < PF_PHOTO_MAX_SIDES; i++)
    {
      g_autoptr(PfImage) copy = NULL;

      if (r->images[i] == NULL)
        continue;
      if (g_task_return_error_if_cancelled (task))
        return;

      /* A copy of its own: the main thread may draw the page's meanwhile. */
      copy = pf_image_copy (r->images[i]);
      r->reports[i] = pf_photo_check (copy, &r->options);
    }

  g_task_return_boolean (task, TRUE);
}

static void
recheck_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PfPhotoPage *self = PF_PHOTO_PAGE (object);
  Recheck *r = g_task_get_task_data (G_TASK (result));
  PfSession *session;
  gboolean used;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  g_clear_object (&self->recheck_cancellable);
  session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));
  used = session != NULL && self->images[0] != NULL &&
         pf_session_get_photo (session) == self->images[0];

  for (guint i = 0; i < PF_PHOTO_MAX_SIDES; i++)
    if (r->reports[i] != NULL && self->images[i] == r->images[i])
      {
        g_clear_pointer (&self->reports[i], pf_photo_report_unref);
        self->reports[i] = g_steal_pointer (&r->reports[i]);
      }

  if (self->phase != PF_PHOTO_PHASE_RESULT)
    return;

  pf_photo_result_show (self->result, self->n_sides, self->images, self->reports);
  if (used)
    pf_photo_page_report_findings (self);
}

/* Checks again every photo taken so far, with the options of now. */
void
pf_photo_page_recheck (PfPhotoPage *self)
{
  g_autoptr(GTask) task = NULL;
  Recheck *r;
  gboolean any = FALSE;

  pf_photo_page_cancel_recheck (self);

  r = g_new0 (Recheck, 1);
  pf_photo_page_get_options (self, &r->options);
  for (guint i = 0; i < self->n_sides && i < PF_PHOTO_MAX_SIDES; i++)
    if (self->images[i] != NULL && self->reports[i] != NULL)
      {
        r->images[i] = pf_image_ref (self->images[i]);
        any = TRUE;
      }
  if (!any)
    {
      recheck_free (r);
      return;
    }

  self->recheck_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->recheck_cancellable, recheck_done_cb, NULL);
  g_task_set_source_tag (task, pf_photo_page_recheck);
  g_task_set_task_data (task, r, recheck_free);
  g_task_run_in_thread (task, recheck_thread);
}

void
pf_photo_page_cancel_recheck (PfPhotoPage *self)
{
  if (self->recheck_cancellable == NULL)
    return;

  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
}

static void
glare_strictness_changed_cb (PfPhotoPage *self)
{
  pf_photo_page_recheck (self);
  /* The live checks too: update makes a worker with the new options. */
  pf_photo_page_update (self);
}

void
pf_photo_page_recheck_init (PfPhotoPage *self)
{
  g_signal_connect_object (self->settings, "changed::glare-strictness",
                           G_CALLBACK (glare_strictness_changed_cb), self, G_CONNECT_SWAPPED);
}
