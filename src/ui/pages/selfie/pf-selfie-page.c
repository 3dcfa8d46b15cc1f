/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selfie step: the room as a liveness check will see it. The mirrored
 * live preview carries a face guide and the detected face's box; beside
 * it a checklist (face, light, sharpness, camera) follows every checked
 * frame. Once the face, the light and the sharpness have held for a few
 * seconds the page says it is ready, and those findings go into the
 * session for the summary. The camera itself is advice only: holding still
 * cannot change it, so it never keeps the page from being ready.
 *
 * This file holds the object, the checklist and the ready state; the
 * camera, the demo face and the status pages are in
 * pf-selfie-page-camera.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-selfie-page-private.h"

/* How long everything must hold before the page says "ready". */
#define HOLD_USEC (2 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (PfSelfiePage, pf_selfie_page, PF_TYPE_WIZARD_PAGE)

/* The checks a person can fix by moving or changing the light. */
static const char * const holding_ids[] = { "selfie.face", "selfie.light", "selfie.sharpness" };

/* The worst finding of the checks that must hold, or %NULL when all are
 * fine. Without face detection the face check cannot pass, and does not
 * count: the page says so apart. */
static PfFinding *
first_problem (PfSelfieReport *report)
{
  PfFinding *worst = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (holding_ids); i++)
    {
      PfFinding *finding = pf_selfie_report_find (report, holding_ids[i]);

      if (finding == NULL || pf_finding_get_severity (finding) == PF_SEVERITY_OK)
        continue;
      if (i == 0 && !pf_selfie_report_get_detection (report))
        continue;
      if (worst == NULL || pf_finding_get_severity (finding) > pf_finding_get_severity (worst))
        worst = finding;
    }

  return worst;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  /* The label is a status: screen readers read it out when it changes,
   * so it changes only when its words do. */
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
become_ready (PfSelfiePage *self)
{
  if (self->ready_report == self->report)
    return;

  g_clear_pointer (&self->ready_report, pf_selfie_report_unref);
  self->ready_report = pf_selfie_report_ref (self->report);
  pf_wizard_page_report_findings (PF_WIZARD_PAGE (self),
                                  pf_selfie_report_get_findings (self->ready_report));
  pf_wizard_page_set_complete (PF_WIZARD_PAGE (self), TRUE);
}

/* What the heading says, the hold bar and the guide, from the newest
 * report. */
static void
update_ready (PfSelfiePage *self)
{
  PfFinding *problem = self->report != NULL ? first_problem (self->report) : NULL;
  gint64 now = g_get_monotonic_time ();
  double held = 0;

  if (self->report == NULL || problem != NULL)
    self->good_since = 0;
  else if (self->good_since == 0)
    self->good_since = now;
  if (self->good_since != 0)
    held = MIN (1.0, (double) (now - self->good_since) / HOLD_USEC);

  gtk_level_bar_set_value (self->hold_bar, held);
  pf_selfie_guide_set_ready (self->guide, held >= 1);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ready_label), "success");

  if (self->report == NULL)
    set_label (self->ready_label, _("Look at the camera"));
  else if (problem != NULL)
    set_label (self->ready_label, pf_finding_get_title (problem));
  else if (held < 1)
    set_label (self->ready_label, _("Good. Hold still…"));
  else
    {
      set_label (self->ready_label, _("Ready for the liveness check"));
      gtk_widget_add_css_class (GTK_WIDGET (self->ready_label), "success");
      become_ready (self);
    }
}

static void
show_item (PfFindingRow   *row,
           PfSelfieReport *report,
           const char     *id)
{
  PfFinding *finding = report != NULL ? pf_selfie_report_find (report, id) : NULL;

  if (finding != NULL)
    pf_finding_row_set_finding (row, finding);
}

/**
 * pf_selfie_page_show_report:
 * @report: (nullable): the newest frame's report; %NULL when frames stop
 *
 * Updates the checklist, the face box and the ready state.
 */
void
pf_selfie_page_show_report (PfSelfiePage   *self,
                            PfSelfieReport *report)
{
  if (report != NULL)
    pf_selfie_report_ref (report);
  g_clear_pointer (&self->report, pf_selfie_report_unref);
  self->report = report;

  pf_selfie_guide_set_report (self->guide, report);
  show_item (self->face_row, report, "selfie.face");
  show_item (self->light_row, report, "selfie.light");
  show_item (self->sharpness_row, report, "selfie.sharpness");
  show_item (self->camera_row, report, "selfie.camera");
  gtk_widget_set_visible (GTK_WIDGET (self->detection_label),
                          report != NULL && !pf_selfie_report_get_detection (report));
  update_ready (self);
}

/* Shows the preview or the status page, and runs the camera or the demo
 * only while the page is seen. */
void
pf_selfie_page_update (PfSelfiePage *self)
{
  gboolean live;

  /* Widgets are gone once the page is being disposed. */
  if (self->stack == NULL)
    return;

  pf_selfie_page_camera_update (self);
  live = pf_selfie_page_is_live (self);
  gtk_stack_set_visible_child_name (self->stack, live ? "live" : "status");
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label),
                          pf_live_camera_get_demo_mode (self->live));
}

static void
start_demo (PfSelfiePage *self)
{
  pf_live_camera_set_demo_mode (self->live, TRUE);
  pf_selfie_page_start_demo (self);
  pf_selfie_page_update (self);
}

static void
retry_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  pf_selfie_page_camera_retry (PF_SELFIE_PAGE (widget));
}

static void
demo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  start_demo (PF_SELFIE_PAGE (widget));
}

/* "Skip this step": on to the next step, as the window's own button. */
static void
skip_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.next", NULL);
}

static void
pf_selfie_page_shown (PfWizardPage *page)
{
  PfSelfiePage *self = PF_SELFIE_PAGE (page);

  self->shown = TRUE;
  pf_selfie_page_update (self);
}

/* Leaving before the page was ready, the newest checklist is the step's
 * result: the summary then says what was still off. */
static void
pf_selfie_page_left (PfWizardPage *page)
{
  PfSelfiePage *self = PF_SELFIE_PAGE (page);

  if (self->ready_report == NULL && self->report != NULL)
    pf_wizard_page_report_findings (page, pf_selfie_report_get_findings (self->report));
  self->shown = FALSE;
  pf_selfie_page_update (self);
}

static void
pf_selfie_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pf_selfie_page_parent_class)->map (widget);
  pf_selfie_page_update (PF_SELFIE_PAGE (widget));
}

static void
pf_selfie_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pf_selfie_page_parent_class)->unmap (widget);
  pf_selfie_page_update (PF_SELFIE_PAGE (widget));
}

static void
pf_selfie_page_dispose (GObject *object)
{
  PfSelfiePage *self = PF_SELFIE_PAGE (object);

  pf_selfie_page_camera_dispose (self);
  g_clear_pointer (&self->report, pf_selfie_report_unref);
  g_clear_pointer (&self->ready_report, pf_selfie_report_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_SELFIE_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_selfie_page_parent_class)->dispose (object);
}

static void
pf_selfie_page_class_init (PfSelfiePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PfWizardPageClass *page_class = PF_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = pf_selfie_page_dispose;
  widget_class->map = pf_selfie_page_map;
  widget_class->unmap = pf_selfie_page_unmap;
  page_class->shown = pf_selfie_page_shown;
  page_class->left = pf_selfie_page_left;

  g_type_ensure (PF_TYPE_CAMERA_VIEW);
  g_type_ensure (PF_TYPE_SELFIE_GUIDE);
  g_type_ensure (PF_TYPE_FINDING_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/selfie/pf-selfie-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, stack);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, camera_view);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, guide);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, ready_label);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, hold_bar);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, detection_label);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, face_row);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, light_row);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, sharpness_row);
  gtk_widget_class_bind_template_child (widget_class, PfSelfiePage, camera_row);
  pf_live_camera_bind_template (widget_class, G_STRUCT_OFFSET (PfSelfiePage, live_widgets));

  gtk_widget_class_install_action (widget_class, "selfie.retry", NULL, retry_cb);
  gtk_widget_class_install_action (widget_class, "selfie.demo", NULL, demo_cb);
  gtk_widget_class_install_action (widget_class, "selfie.skip", NULL, skip_cb);
}

static void
pf_selfie_page_init (PfSelfiePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  pf_selfie_guide_set_mirrored (self->guide, TRUE);
  pf_selfie_page_camera_init (self);
  pf_selfie_page_show_report (self, NULL);
  pf_selfie_page_update (self);
}

PfCameraView *
pf_selfie_page_get_camera_view (PfSelfiePage *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_PAGE (self), NULL);
  return self->camera_view;
}

/* Returns: (transfer none) (nullable): the camera, once the page was shown */
PfCamera *
pf_selfie_page_get_camera (PfSelfiePage *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_PAGE (self), NULL);
  return self->live != NULL ? pf_live_camera_get_camera (self->live) : NULL;
}

/* Returns: (transfer none) (nullable): the newest frame's report */
PfSelfieReport *
pf_selfie_page_get_report (PfSelfiePage *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_PAGE (self), NULL);
  return self->report;
}

/**
 * pf_selfie_page_get_mode:
 *
 * Returns: what the page shows: "live" or "status"
 */
const char *
pf_selfie_page_get_mode (PfSelfiePage *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Whether everything has held long enough: the guide turned green. */
gboolean
pf_selfie_page_is_ready (PfSelfiePage *self)
{
  g_return_val_if_fail (PF_IS_SELFIE_PAGE (self), FALSE);
  return pf_selfie_guide_get_ready (self->guide);
}

/**
 * pf_selfie_page_get_item:
 * @id: "selfie.face", "selfie.light", "selfie.sharpness" or "selfie.camera"
 *
 * Returns: (transfer none) (nullable): what the checklist shows for @id
 */
PfFinding *
pf_selfie_page_get_item (PfSelfiePage *self,
                         const char   *id)
{
  PfFindingRow *rows[] = { self->face_row, self->light_row, self->sharpness_row,
                           self->camera_row };
  const char *ids[] = { "selfie.face", "selfie.light", "selfie.sharpness", "selfie.camera" };

  g_return_val_if_fail (PF_IS_SELFIE_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return pf_finding_row_get_finding (rows[i]);
  return NULL;
}
