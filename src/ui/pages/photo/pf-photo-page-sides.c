/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sides of the document the photo step asks for: one for a passport,
 * the front and then the back for a card. Each checked photo fills the
 * side being taken; when every side has one, the result view shows them;
 * "Retake" empties a side again; "Use This Photo" hands the photos'
 * findings to the session. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-photo-page-private.h"

void
pf_photo_page_clear_sides (PfPhotoPage *self)
{
  for (guint i = 0; i < PF_PHOTO_MAX_SIDES; i++)
    {
      g_clear_pointer (&self->images[i], pf_image_unref);
      g_clear_pointer (&self->reports[i], pf_photo_report_unref);
    }
  pf_photo_result_clear (self->result);
}

/* A card has two sides to photograph, a passport one. What was taken for
 * another kind of document starts over. */
void
pf_photo_page_set_n_sides (PfPhotoPage *self,
                           guint        n_sides)
{
  g_assert (n_sides >= 1 && n_sides <= PF_PHOTO_MAX_SIDES);

  if (n_sides == self->n_sides)
    return;

  self->n_sides = n_sides;
  pf_photo_page_cancel_check (self);
  pf_photo_page_clear_sides (self);
  self->side = 0;
  self->phase = PF_PHOTO_PHASE_TAKING;
  pf_photo_page_update (self);
}

void
pf_photo_page_update_side_label (PfPhotoPage *self)
{
  gboolean visible = self->n_sides > 1 && self->phase != PF_PHOTO_PHASE_RESULT;

  gtk_widget_set_visible (GTK_WIDGET (self->side_label), visible);
  if (!visible)
    return;

  gtk_label_set_label (self->side_label,
                       self->side == 0
                       ? _("Front of the document (1 of 2)")
                       : _("Back of the document (2 of 2): turn the document over"));
}

/* Takes a checked photo as the current side, then goes on to the next side
 * or to the result. */
void
pf_photo_page_add_side (PfPhotoPage   *self,
                        PfImage       *image,
                        PfPhotoReport *report)
{
  guint next;

  g_assert (self->side < self->n_sides);

  g_clear_pointer (&self->images[self->side], pf_image_unref);
  g_clear_pointer (&self->reports[self->side], pf_photo_report_unref);
  self->images[self->side] = pf_image_ref (image);
  self->reports[self->side] = pf_photo_report_ref (report);

  for (next = 0; next < self->n_sides; next++)
    if (self->images[next] == NULL)
      break;

  if (next < self->n_sides)
    {
      self->side = next;
      self->phase = PF_PHOTO_PHASE_TAKING;
      pf_camera_view_set_report (self->camera_view, NULL);
      pf_photo_page_announce (self, next == 1 ? _("Now turn the document over for the back")
                                              : _("Now the front of the document"));
      if (pf_live_camera_get_demo_mode (self->live))
        pf_photo_page_start_demo (self);
    }
  else
    {
      self->phase = PF_PHOTO_PHASE_RESULT;
      pf_photo_result_show (self->result, self->n_sides, self->images, self->reports);
    }

  pf_photo_page_update (self);
}

/* Empties @side and goes back to taking it. */
void
pf_photo_page_retake (PfPhotoPage *self,
                      guint        side)
{
  g_assert (side < self->n_sides);

  pf_photo_page_cancel_check (self);
  g_clear_pointer (&self->images[side], pf_image_unref);
  g_clear_pointer (&self->reports[side], pf_photo_report_unref);
  pf_photo_result_clear (self->result);
  pf_camera_view_set_report (self->camera_view, NULL);
  self->side = side;
  self->phase = PF_PHOTO_PHASE_TAKING;
  if (pf_live_camera_get_demo_mode (self->live))
    pf_photo_page_start_demo (self);
  pf_photo_page_update (self);
}

/* The session gets the findings of every side; those of the back say so in
 * their id and their title. */
void
pf_photo_page_report_findings (PfPhotoPage *self)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint side = 0; side < self->n_sides; side++)
    {
      GPtrArray *side_findings = pf_photo_report_get_findings (self->reports[side]);

      for (guint i = 0; i < side_findings->len; i++)
        {
          PfFinding *finding = g_ptr_array_index (side_findings, i);
          g_autofree char *id = NULL;
          g_autofree char *title = NULL;
          PfRect region;

          if (side == 0)
            {
              g_ptr_array_add (findings, g_object_ref (finding));
              continue;
            }

          id = g_strconcat ("back.", pf_finding_get_id (finding), NULL);
          /* Translators: a finding about the back of an identity card,
           * such as "Back: Glare over the text". */
          title = g_strdup_printf (_("Back: %s"), pf_finding_get_title (finding));
          g_ptr_array_add (findings,
                           pf_finding_new_with_region (id, pf_finding_get_severity (finding), title,
                                                       pf_finding_get_advice (finding),
                                                       pf_finding_get_region (finding, &region)
                                                       ? &region : NULL));
        }
    }

  pf_wizard_page_report_findings (PF_WIZARD_PAGE (self), findings);
}

/* The session gets the front as the photo, and the findings of every side. */
void
pf_photo_page_use (PfPhotoPage *self)
{
  PfSession *session = pf_wizard_page_get_session (PF_WIZARD_PAGE (self));

  if (session == NULL || self->phase != PF_PHOTO_PHASE_RESULT)
    return;

  pf_photo_page_frames_set_photo (self, session, self->images[0]);
  pf_photo_page_report_findings (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.next", NULL);
}
