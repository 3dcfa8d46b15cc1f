/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One step in the summary: a row with the step's status that leads back to
 * the step, and below it a row for each of the step's findings. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-core-enums.h"
#include "pf-finding-row.h"
#include "pf-status.h"
#include "pf-summary-step.h"

struct _PfSummaryStep
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwActionRow        *step_row;
  GtkImage            *status_image;

  /* Borrowed references: the group owns the rows */
  GPtrArray           *finding_rows;

  PfStep               step;
};

G_DEFINE_FINAL_TYPE (PfSummaryStep, pf_summary_step, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pf_summary_step_constructed (GObject *object)
{
  PfSummaryStep *self = PF_SUMMARY_STEP (object);

  G_OBJECT_CLASS (pf_summary_step_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->step_row),
                                 pf_step_get_title (self->step));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->step_row), "s",
                                    pf_step_get_id (self->step));
}

static void
pf_summary_step_finalize (GObject *object)
{
  PfSummaryStep *self = PF_SUMMARY_STEP (object);

  g_ptr_array_unref (self->finding_rows);

  G_OBJECT_CLASS (pf_summary_step_parent_class)->finalize (object);
}

static void
pf_summary_step_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PfSummaryStep *self = PF_SUMMARY_STEP (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_summary_step_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PfSummaryStep *self = PF_SUMMARY_STEP (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_summary_step_class_init (PfSummaryStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pf_summary_step_constructed;
  object_class->finalize = pf_summary_step_finalize;
  object_class->get_property = pf_summary_step_get_property;
  object_class->set_property = pf_summary_step_set_property;

  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL,
                       PF_TYPE_STEP, PF_STEP_START,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/summary/pf-summary-step.ui");
  gtk_widget_class_bind_template_child (widget_class, PfSummaryStep, group);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryStep, step_row);
  gtk_widget_class_bind_template_child (widget_class, PfSummaryStep, status_image);
}

static void
pf_summary_step_init (PfSummaryStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->finding_rows = g_ptr_array_new ();
}

GtkWidget *
pf_summary_step_new (PfStep step)
{
  return g_object_new (PF_TYPE_SUMMARY_STEP, "step", step, NULL);
}

PfStep
pf_summary_step_get_step (PfSummaryStep *self)
{
  g_return_val_if_fail (PF_IS_SUMMARY_STEP (self), PF_STEP_START);

  return self->step;
}

/**
 * pf_summary_step_update:
 *
 * Shows the step's status and findings as @session has them now.
 */
void
pf_summary_step_update (PfSummaryStep *self,
                        PfSession     *session)
{
  PfStepStatus status;
  GPtrArray *findings;

  g_return_if_fail (PF_IS_SUMMARY_STEP (self));
  g_return_if_fail (PF_IS_SESSION (session));

  status = pf_session_get_status (session, self->step);
  findings = pf_session_get_findings (session, self->step);

  pf_status_show (self->status_image, status, NULL);
  adw_action_row_set_subtitle (self->step_row, pf_status_get_label (status));

  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      GtkWidget *row = pf_finding_row_new (g_ptr_array_index (findings, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->finding_rows, row);
    }
}
