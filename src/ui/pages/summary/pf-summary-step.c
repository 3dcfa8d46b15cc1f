/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One step in one of the summary's groups (blockers, cautions, passed, not
 * checked yet): a row that leads back to the step, and below it a row for
 * each of the step's findings that belongs in the group. It hides itself
 * when the step has nothing for its group. */

#include "config.h"

#include <glib/gi18n.h>

#include "pf-accessible-names.h"
#include "pf-core-enums.h"
#include "pf-finding-row.h"
#include "pf-status.h"
#include "pf-summary-step.h"

struct _PfSummaryStep
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group_widget;
  AdwActionRow        *step_row;
  GtkImage            *status_image;

  /* Borrowed references: the group owns the rows */
  GPtrArray           *finding_rows;

  PfStep               step;
  PfSummaryGroup       group;
};

G_DEFINE_FINAL_TYPE (PfSummaryStep, pf_summary_step, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STEP,
  PROP_GROUP,
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
  /* The group has no title of its own: its list is the step's. */
  pf_accessible_names_label_list (GTK_WIDGET (self->group_widget),
                                  pf_step_get_title (self->step));
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
    case PROP_GROUP:
      g_value_set_uint (value, self->group);
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
    case PROP_GROUP:
      self->group = g_value_get_uint (value);
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
  properties[PROP_GROUP] =
    g_param_spec_uint ("group", NULL, NULL,
                       0, PF_N_SUMMARY_GROUPS - 1, PF_SUMMARY_GROUP_PASSED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/idpreflight/IdPreflight/pages/summary/pf-summary-step.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "group", FALSE,
                                             G_STRUCT_OFFSET (PfSummaryStep, group_widget));
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
pf_summary_step_new (PfStep         step,
                     PfSummaryGroup group)
{
  return g_object_new (PF_TYPE_SUMMARY_STEP, "step", step, "group", group, NULL);
}

PfStep
pf_summary_step_get_step (PfSummaryStep *self)
{
  g_return_val_if_fail (PF_IS_SUMMARY_STEP (self), PF_STEP_START);

  return self->step;
}

PfSummaryGroup
pf_summary_step_get_group (PfSummaryStep *self)
{
  g_return_val_if_fail (PF_IS_SUMMARY_STEP (self), PF_SUMMARY_GROUP_PASSED);

  return self->group;
}

static PfStepStatus
group_status (PfSummaryGroup group)
{
  switch (group)
    {
    case PF_SUMMARY_GROUP_BLOCKERS:
      return PF_STEP_STATUS_BLOCKER;
    case PF_SUMMARY_GROUP_CAUTIONS:
      return PF_STEP_STATUS_CAUTION;
    case PF_SUMMARY_GROUP_PASSED:
      return PF_STEP_STATUS_OK;
    case PF_SUMMARY_GROUP_UNCHECKED:
    default:
      return PF_STEP_STATUS_UNCHECKED;
    }
}

/* The step row's subtitle: how many of the step's findings are in the group. */
static char *
describe_count (PfSummaryGroup group,
                guint          n)
{
  switch (group)
    {
    case PF_SUMMARY_GROUP_BLOCKERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing must be fixed",
                                           "%u things must be fixed", n), n);
    case PF_SUMMARY_GROUP_CAUTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing is worth changing",
                                           "%u things are worth changing", n), n);
    case PF_SUMMARY_GROUP_PASSED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check passed",
                                           "%u checks passed", n), n);
    case PF_SUMMARY_GROUP_UNCHECKED:
    default:
      return g_strdup (pf_status_get_label (PF_STEP_STATUS_UNCHECKED));
    }
}

/**
 * pf_summary_step_update:
 *
 * Shows the step's findings that belong in the group, as @session has them
 * now, and hides the whole step when there are none.
 *
 * Returns: whether the step has anything to show in its group
 */
gboolean
pf_summary_step_update (PfSummaryStep *self,
                        PfSession     *session)
{
  PfStepStatus status;
  GPtrArray *findings;
  g_autofree char *subtitle = NULL;
  gboolean shown;

  g_return_val_if_fail (PF_IS_SUMMARY_STEP (self), FALSE);
  g_return_val_if_fail (PF_IS_SESSION (session), FALSE);

  status = group_status (self->group);
  findings = pf_session_get_findings (session, self->step);

  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->group_widget, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  if (self->group == PF_SUMMARY_GROUP_UNCHECKED)
    {
      shown = pf_session_get_status (session, self->step) == PF_STEP_STATUS_UNCHECKED;
    }
  else
    {
      for (guint i = 0; findings != NULL && i < findings->len; i++)
        {
          PfFinding *finding = g_ptr_array_index (findings, i);
          GtkWidget *row;

          if (pf_step_status_from_severity (pf_finding_get_severity (finding)) != status)
            continue;

          /* A finding leads back to its step too, where it can be fixed. */
          row = pf_finding_row_new (finding);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.go-to-step");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s",
                                            pf_step_get_id (self->step));
          adw_preferences_group_add (self->group_widget, row);
          g_ptr_array_add (self->finding_rows, row);
        }
      shown = self->finding_rows->len > 0;
    }

  subtitle = describe_count (self->group, self->finding_rows->len);
  pf_status_show (self->status_image, status, NULL);
  adw_action_row_set_subtitle (self->step_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);

  return shown;
}
